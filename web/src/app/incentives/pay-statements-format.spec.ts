import type { StatementSummary } from '@lodestar/contracts';
import { STATEMENT_SUMMARY } from './incentive.fixtures';
import {
  answerOf,
  answerProblems,
  defaultQuarter,
  fiscalYearOptions,
  formatAge,
  formatDuration,
  nextSort,
  overrideDecisionBlock,
  overrideOf,
  overrideProblems,
  readOverrideValue,
  readSignedAmount,
  sortStatements,
} from './pay-statements-format';

const row = (id: string, name: string, payable: string, overrides: Partial<StatementSummary> = {}) => ({
  ...STATEMENT_SUMMARY,
  id,
  participant: { id, name },
  payable,
  ...overrides,
});

describe('readSignedAmount', () => {
  it('reads a signed amount in cents, with grouping, as the API stores it', () => {
    expect(readSignedAmount('1,250.5')).toEqual({ amount: '1250.50' });
    expect(readSignedAmount('-120.5')).toEqual({ amount: '-120.50' });
    expect(readSignedAmount('+€250')).toEqual({ amount: '250.00' });
  });

  it('refuses an empty, a zero, a fraction of a cent and text that is no number', () => {
    expect(readSignedAmount('  ')).toEqual({ problem: 'Enter the adjustment, such as 250.00 or -120.50.' });
    expect(readSignedAmount('-0.00')).toEqual({
      problem: 'An adjustment of 0 changes nothing: choose Answered instead.',
    });
    expect(readSignedAmount('10.005')).toEqual({ problem: 'Use at most 2 decimals (cents).' });
    expect(readSignedAmount('ten')).toEqual({
      problem: 'Enter the adjustment as digits, such as 250.00 or -120.50.',
    });
    expect(readSignedAmount('1234567890123')).toEqual({ problem: 'Use at most 12 digits before the point.' });
  });
});

describe('the answer to an inquiry', () => {
  it('needs an amount only when adjusted, and sends none otherwise', () => {
    expect(answerProblems({ status: 'ADJUSTED', response: 'Paid next quarter.', adjustment: '' })).toEqual({
      adjustment: 'Enter the adjustment, such as 250.00 or -120.50.',
    });
    expect(answerProblems({ status: 'ANSWERED', response: ' ', adjustment: 'x' })).toEqual({
      response: 'Write the answer the participant will read.',
    });
    expect(answerOf({ status: 'ANSWERED', response: ' Explained. ', adjustment: '99' })).toEqual({
      status: 'ANSWERED',
      response: 'Explained.',
    });
    expect(answerOf({ status: 'ADJUSTED', response: 'Recouped.', adjustment: '-80' })).toEqual({
      status: 'ADJUSTED',
      response: 'Recouped.',
      adjustment: '-80.00',
    });
  });
});

describe('readOverrideValue', () => {
  it('keeps each CX metric within its own range', () => {
    expect(readOverrideValue('nps', '-100')).toEqual({ value: '-100' });
    expect(readOverrideValue('nps', '101')).toEqual({ problem: 'The NPS lies from -100 to 100.' });
    expect(readOverrideValue('csat', '100.5')).toEqual({ problem: 'The CSAT lies from 0 to 100.' });
    expect(readOverrideValue('ces', '0.9')).toEqual({ problem: 'The CES lies from 1 to 7.' });
    expect(readOverrideValue('cx_index', '185.25')).toEqual({ value: '185.25' });
    expect(readOverrideValue('cx_index', '200.01')).toEqual({ problem: 'The CX index lies from 0 to 200.' });
    expect(readOverrideValue('ces', '4.125')).toEqual({ value: '4.125' });
    expect(readOverrideValue('ces', '4.1234567')).toEqual({ problem: 'Use at most 6 decimals.' });
  });

  it('checks the whole override and sends the value as a decimal string', () => {
    const draft = {
      orgUnit: 'service',
      metric: 'csat' as const,
      period: 'FY2027-Q1',
      value: '81.5',
      reason: 'short',
    };
    expect(overrideProblems(draft)).toEqual({
      reason: 'Say why in at least 10 characters: the approver decides on it.',
    });
    expect(overrideOf({ ...draft, reason: '  Only 14 answers after the survey outage.  ' })).toEqual({
      orgUnit: 'service',
      metric: 'csat',
      period: 'FY2027-Q1',
      value: '81.5',
      reason: 'Only 14 answers after the survey outage.',
    });
  });
});

describe('who may decide an override', () => {
  const pending = { status: 'PENDING' as const, enteredBy: { id: 'u-hanna' } };

  it('lets an approver decide one someone else entered', () => {
    expect(overrideDecisionBlock(pending, 'u-arno', true)).toBeNull();
  });

  it('says why the one who entered it, someone who is no approver, or a decided one cannot', () => {
    expect(overrideDecisionBlock(pending, 'u-hanna', true)).toBe(
      'You entered this override, so another approver decides it (four eyes).',
    );
    expect(overrideDecisionBlock(pending, 'u-hanna', false)).toBe('An approver decides it.');
    expect(overrideDecisionBlock({ ...pending, status: 'APPROVED' }, 'u-arno', true)).toBe(
      'Already decided.',
    );
  });
});

describe('sorting the statements', () => {
  const rows = [row('a', 'Ada', '9.50'), row('b', 'bruno', '10.00'), row('c', 'Chloé', '100.00')];

  it('compares payable amounts as decimals, not as text', () => {
    expect(sortStatements(rows, { key: 'payable', direction: 'desc' }).map((item) => item.id)).toEqual([
      'c',
      'b',
      'a',
    ]);
    expect(sortStatements(rows, { key: 'payable', direction: 'asc' }).map((item) => item.id)).toEqual([
      'a',
      'b',
      'c',
    ]);
  });

  it('sorts names regardless of case and keeps the list given unchanged', () => {
    const reversed = [...rows].reverse();
    expect(sortStatements(reversed, { key: 'participant', direction: 'asc' }).map((item) => item.id)).toEqual(
      ['a', 'b', 'c'],
    );
    expect(reversed.map((item) => item.id)).toEqual(['c', 'b', 'a']);
  });

  it('puts statements without adjustments last', () => {
    const mixed = [
      row('a', 'Ada', '1.00', { adjustments: undefined }),
      row('b', 'Bo', '1.00', { adjustments: '-5.00' }),
    ];
    for (const direction of ['asc', 'desc'] as const) {
      expect(sortStatements(mixed, { key: 'adjustments', direction }).map((item) => item.id)).toEqual([
        'b',
        'a',
      ]);
    }
  });

  it('sorts figures highest first and text from A on the first click, then turns round', () => {
    expect(nextSort(null, 'payable')).toEqual({ key: 'payable', direction: 'desc' });
    expect(nextSort(null, 'participant')).toEqual({ key: 'participant', direction: 'asc' });
    expect(nextSort({ key: 'payable', direction: 'desc' }, 'payable')).toEqual({
      key: 'payable',
      direction: 'asc',
    });
  });
});

describe('the quarter shown first', () => {
  const quarters = [
    { period: 'FY2026-Q1', status: 'RELEASED' as const },
    { period: 'FY2026-Q2', status: 'CLOSED' as const },
    { period: 'FY2026-Q3', status: 'OPEN' as const },
  ];

  it('is one waiting for review, else the open one, else the latest', () => {
    expect(defaultQuarter(quarters, null)).toBe('FY2026-Q2');
    expect(defaultQuarter([quarters[0], quarters[2]], null)).toBe('FY2026-Q3');
    expect(defaultQuarter([quarters[0]], null)).toBe('FY2026-Q1');
    expect(defaultQuarter([], null)).toBeNull();
  });

  it('stays the one chosen while it is listed', () => {
    expect(defaultQuarter(quarters, 'FY2026-Q1')).toBe('FY2026-Q1');
    expect(defaultQuarter(quarters, 'FY2025-Q4')).toBe('FY2026-Q2');
  });

  it('comes from the current fiscal year and the two before it', () => {
    expect(fiscalYearOptions(2027)).toEqual([2027, 2026, 2025]);
  });
});

describe('times', () => {
  it('says how long an inquiry has waited', () => {
    const now = new Date('2026-08-20T12:00:00Z');
    expect(formatAge('2026-08-20T11:55:00Z', now)).toBe('5 minutes ago');
    expect(formatAge('2026-08-20T09:00:00Z', now)).toBe('3 hours ago');
    expect(formatAge('2026-08-19T09:00:00Z', now)).toBe('yesterday');
    expect(formatAge('2026-07-20T08:14:00Z', now)).toBe('31 days ago');
  });

  it('says how long a recompute took', () => {
    expect(formatDuration(840)).toBe('840 ms');
    expect(formatDuration(1840)).toBe('1.8 s');
    expect(formatDuration(42_300)).toBe('42 s');
  });
});
