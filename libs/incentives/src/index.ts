export * from './lib/decimal';
export * from './lib/payout-curve';
export * from './lib/plan-rules';
