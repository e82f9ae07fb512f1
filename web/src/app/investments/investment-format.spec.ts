import type { CxInvestment } from '@lodestar/contracts';
import {
  budgetShare,
  budgetText,
  canWithdraw,
  draftProblems,
  monthOptions,
  proposalOf,
  queueStatuses,
  readAmount,
  type InvestmentDraft,
} from './investment-format';

const draft = (overrides: Partial<InvestmentDraft> = {}): InvestmentDraft => ({
  kind: 'cost',
  orgUnit: 'field-service',
  period: '2026-11',
  amount: '18,000',
  account: '  Infineon Villach ',
  reason: '  Weekend coverage while two late tools ramp up. ',
  link: ' ',
  ...overrides,
});

describe('reading a typed amount', () => {
  it('takes thousands separators, a currency sign and cents, and gives the API a plain decimal', () => {
    expect(readAmount('18,000')).toEqual({ amount: '18000' });
    expect(readAmount('€12500.50')).toEqual({ amount: '12500.50' });
    expect(readAmount(' 007 ')).toEqual({ amount: '7' });
  });

  it('refuses what the API refuses: blank, words, negatives, zero, a third decimal, 13 digits', () => {
    for (const bad of ['', 'twelve', '-5', '0', '1.005', '1234567890123']) {
      expect(readAmount(bad)).toEqual({ problem: expect.any(String) });
    }
    expect(readAmount('0', false)).toEqual({ amount: '0' });
  });
});

describe('a proposal draft', () => {
  it('sends trimmed text, blank optional fields as null and the amount as a decimal string', () => {
    expect(draftProblems(draft())).toEqual({});
    expect(proposalOf(draft())).toEqual({
      kind: 'cost',
      orgUnit: 'field-service',
      period: '2026-11',
      amount: '18000',
      account: 'Infineon Villach',
      reason: 'Weekend coverage while two late tools ramp up.',
      link: null,
    });
  });

  it('asks for a reason of at least 10 characters, a unit, a month and a positive amount', () => {
    const problems = draftProblems(draft({ reason: ' too short', orgUnit: '', period: '', amount: '0' }));
    expect(Object.keys(problems).sort()).toEqual(['amount', 'orgUnit', 'period', 'reason']);
    expect(problems.reason).toContain('at least 10 characters');
  });

  it('refuses a reason over 2,000 characters and a link over 500', () => {
    const problems = draftProblems(draft({ reason: 'x'.repeat(2001), link: 'l'.repeat(501) }));
    expect(problems.reason).toBe('At most 2,000 characters.');
    expect(problems.link).toBe('At most 500 characters.');
  });
});

describe('who sees what', () => {
  it('queues new proposals for CX leads and the second step for approvers', () => {
    expect(queueStatuses(['CX_LEAD', 'MEMBER'])).toEqual(['proposed']);
    expect(queueStatuses(['APPROVER'])).toEqual(['awaiting_second_approval']);
    expect(queueStatuses(['MEMBER'])).toEqual([]);
  });

  it('lets only the proposer withdraw, and only while undecided', () => {
    const item = { proposedBy: { id: 'u1', name: 'Lucas' }, status: 'proposed' } as CxInvestment;
    expect(canWithdraw(item, 'u1')).toBe(true);
    expect(canWithdraw(item, 'u2')).toBe(false);
    expect(canWithdraw({ ...item, status: 'awaiting_second_approval' }, 'u1')).toBe(true);
    expect(canWithdraw({ ...item, status: 'approved' }, 'u1')).toBe(false);
  });
});

describe('the quarter budget', () => {
  it('reads approved against the cap, in money without cents', () => {
    const budget = {
      orgUnit: 'field-service',
      quarter: 'FY2027-Q1',
      cap: '150000.00',
      approved: '18000.00',
      remaining: '132000.00',
    };
    expect(budgetShare(budget)).toBe(12);
    expect(budgetText(budget)).toBe('€18,000 of €150,000 approved · €132,000 left');
    expect(budgetShare({ ...budget, cap: '0.00', approved: '0.00' })).toBe(0);
  });

  it('offers the months of this fiscal year and the last, up to now, newest first', () => {
    const months = monthOptions('2026-11', 'FY2027', 10);
    expect(months[0]).toEqual({ label: '2026-11', text: 'Nov 2026 · FY2027-Q1' });
    expect(months.map((month) => month.label)).toContain('2025-10');
    expect(months).toHaveLength(14);
  });
});
