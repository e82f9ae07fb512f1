export * from './lib/surveys';
export * from './lib/histogram';
export * from './lib/cx-result';
export * from './lib/leaderboard';
export * from './lib/pareto';
export * from './lib/measurement-aggregation';
