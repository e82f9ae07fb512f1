import type { ComponentTrace } from '@lodestar/contracts';
import { PROJECTION, STATEMENT } from './incentive.fixtures';
import {
  basisLabel,
  componentEffects,
  formatExactDecimal,
  formatExactMoney,
  formatMetricValue,
  formatPayout,
  formatSignedMoney,
  formatStatementMoney,
  segmentSentence,
  statementStatusLabel,
} from './incentive-format';

describe('statement money', () => {
  it('shows cents with the currency and grouping', () => {
    expect(formatStatementMoney('18452.05', 'EUR')).toBe('€18,452.05');
    expect(formatStatementMoney('12500', 'EUR')).toBe('€12,500.00');
    expect(formatStatementMoney('0.5', 'EUR')).toBe('€0.50');
    expect(formatStatementMoney('1234567.8', 'USD')).toBe('$1,234,567.80');
  });

  it('rounds half-even to cents, as the statement is rounded', () => {
    expect(formatStatementMoney('0.125', 'EUR')).toBe('€0.12');
    expect(formatStatementMoney('0.135', 'EUR')).toBe('€0.14');
    expect(formatStatementMoney('12356.0547945205479452055', 'EUR')).toBe('€12,356.05');
  });

  it('keeps the sign of negative amounts, including those below one euro', () => {
    expect(formatStatementMoney('-250', 'EUR')).toBe('-€250.00');
    expect(formatStatementMoney('-0.40', 'EUR')).toBe('-€0.40');
    expect(formatStatementMoney('-0.001', 'EUR')).toBe('€0.00');
    expect(formatSignedMoney('250', 'EUR')).toBe('+€250.00');
    expect(formatSignedMoney('-1200.5', 'EUR')).toBe('-€1,200.50');
  });

  it('formats digits a binary float would lose exactly', () => {
    expect(formatStatementMoney('90071992547409.93', 'EUR')).toBe('€90,071,992,547,409.93');
    expect(formatExactMoney('12356.0547945205479452055', 'EUR')).toBe('€12,356.0547945205479452055');
    expect(formatExactMoney('-0.0047945205479452055', 'EUR')).toBe('-€0.0047945205479452055');
    expect(formatExactMoney('12356.5', 'EUR')).toBe('€12,356.50');
    expect(formatExactDecimal('14958.9041095890410958904')).toBe('14,958.9041095890410958904');
  });

  it('shows a dash for a missing or unreadable figure', () => {
    expect(formatStatementMoney(null, 'EUR')).toBe('—');
    expect(formatStatementMoney('', 'EUR')).toBe('—');
    expect(formatStatementMoney('abc', 'EUR')).toBe('—');
  });
});

describe('payouts', () => {
  it('shows one decimal and a percent sign', () => {
    expect(formatPayout('162')).toBe('162.0 %');
    expect(formatPayout('42.5714285714')).toBe('42.6 %');
    expect(formatPayout('0')).toBe('0.0 %');
    expect(formatPayout('1250')).toBe('1,250.0 %');
  });

  it('rounds half values to the even decimal', () => {
    expect(formatPayout('42.25')).toBe('42.2 %');
    expect(formatPayout('42.35')).toBe('42.4 %');
    expect(formatPayout('-12.25')).toBe('-12.2 %');
  });

  it('shows a dash for none', () => {
    expect(formatPayout(null)).toBe('—');
  });
});

describe('metric values', () => {
  it('formats each unit', () => {
    expect(formatMetricValue('112.4', 'percent')).toBe('112.4 %');
    expect(formatMetricValue('112.45', 'percent')).toBe('112.4 %');
    expect(formatMetricValue('46.8', 'score')).toBe('46.8');
    expect(formatMetricValue('40', 'score')).toBe('40');
    expect(formatMetricValue('-4.125', 'score')).toBe('-4.12');
    expect(formatMetricValue('2.35', 'count')).toBe('2.35');
    expect(formatMetricValue('1250000.5', 'currency')).toBe('€1,250,000');
  });

  it('keeps every digit when asked for the exact value', () => {
    expect(formatMetricValue('112.4137', 'percent', { exact: true })).toBe('112.4137 %');
    expect(formatMetricValue('46.8125', 'score', { exact: true })).toBe('46.8125');
  });

  it('shows a dash for a null value', () => {
    expect(formatMetricValue(null, 'percent')).toBe('—');
    expect(formatMetricValue(null, 'score', { exact: true })).toBe('—');
  });
});

describe('labels', () => {
  it('names every basis and status', () => {
    expect(basisLabel('ACTUAL')).toBe('Actual result');
    expect(basisLabel('TRAILING_TWELVE_MONTHS')).toContain('Trailing twelve months');
    expect(basisLabel('AT_TARGET')).toContain('at target');
    expect(statementStatusLabel('PROJECTION')).toBe('Projection');
    expect(statementStatusLabel('CLOSED')).toBe('Closed — in review');
    expect(statementStatusLabel('RELEASED')).toBe('Released');
  });

  it('says where on the curve a value fell', () => {
    const first = { value: '90', payout: '50' };
    const last = { value: '120', payout: '200' };
    expect(segmentSentence({ kind: 'SHORT', first }, 'percent')).toBe(
      'Short of the first point (90.0 % ↦ 50.0 %): pays 0 %.',
    );
    expect(
      segmentSentence({ kind: 'BETWEEN', from: { value: '100', payout: '100' }, to: last }, 'percent'),
    ).toBe('Between 100.0 % ↦ 100.0 % and 120.0 % ↦ 200.0 %: paid on the straight line between them.');
    expect(segmentSentence({ kind: 'BEYOND', last })).toBe(
      'Beyond the last point (120 ↦ 200.0 %): pays 200.0 %, the curve’s end.',
    );
    expect(segmentSentence({ kind: 'AT_TARGET' })).toContain('paid at target');
  });

  it('names a binding gate and a cap that lowered a payout, and nothing when neither did', () => {
    const quota = STATEMENT.trace.components.find((c) => c.key === 'quota') as ComponentTrace;
    expect(componentEffects(quota)).toEqual([
      expect.objectContaining({ kind: 'GATE', label: 'Gated', detail: expect.stringContaining('CX gate') }),
    ]);
    const cappedQuota = PROJECTION.trace.components.find((c) => c.key === 'quota') as ComponentTrace;
    expect(componentEffects(cappedQuota)).toEqual([
      expect.objectContaining({ kind: 'CAP', label: 'Capped', detail: expect.stringContaining('180.0 %') }),
    ]);
    const cx = PROJECTION.trace.components.find((c) => c.key === 'cx_index') as ComponentTrace;
    expect(componentEffects(cx)).toEqual([]);
  });
});
