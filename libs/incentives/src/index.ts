export * from './lib/decimal';
export * from './lib/payout-curve';
export * from './lib/plan-rules';
export * from './lib/proration';
export * from './lib/small-sample';
export * from './lib/statement';
export * from './lib/what-it-takes';
export * from './lib/prior-period-adjustments';
