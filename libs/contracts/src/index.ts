export * from './lib/api';
export * from './lib/periods';
export * from './lib/roles';
export * from './lib/cx';
export * from './lib/measurements';
export * from './lib/targets';
export * from './lib/scorecards';
export * from './lib/investments';
