import {
  adjustmentHolders,
  adjustmentsTotal,
  pairKey,
  planAdjustments,
  restatementAdjustment,
  type ClosedStatement,
  type QuarterParticipant,
} from './prior-period-adjustments';

const ann: QuarterParticipant = {
  participantId: 'p-ann',
  userId: 'ann',
  planId: 'plan',
  startDate: '2025-10-01',
};
const closedQ1: ClosedStatement = {
  id: 's-q1',
  period: 'FY2026-Q1',
  userId: 'ann',
  planId: 'plan',
  amount: '18452.05',
  carriedForward: '0.00',
};

describe('prior-period adjustments', () => {
  it('carries the difference between the recomputed and the closed amount, with both in the reason', () => {
    expect(
      restatementAdjustment({
        forPeriod: 'FY2026-Q1',
        forStatementId: 's-q1',
        storedAmount: '18452.05',
        appliedBefore: '0',
        recomputedAmount: '17980.30',
      }),
    ).toEqual({
      forPeriod: 'FY2026-Q1',
      amount: '-471.75',
      reason: 'FY2026-Q1 recomputed after restated inputs: was 18,452.05, now 17,980.30',
      source: 'RESTATEMENT',
      forStatementId: 's-q1',
      inquiryId: null,
    });
  });

  it('carries nothing once the restatements already applied make up the difference', () => {
    const input = {
      forPeriod: 'FY2026-Q1',
      forStatementId: 's-q1',
      storedAmount: '18452.05',
      recomputedAmount: '17980.30',
    };
    expect(restatementAdjustment({ ...input, appliedBefore: '-471.75' })).toBeNull();
    expect(restatementAdjustment({ ...input, appliedBefore: '-400.00' })?.amount).toBe('-71.75');
  });

  it('gives adjustments to the later row of a transfer and to nobody who is in an earlier open quarter', () => {
    const moved = { ...ann, participantId: 'p-ann-2', startDate: '2025-11-15' };
    const bob = { participantId: 'p-bob', userId: 'bob', planId: 'plan', startDate: '2025-10-01' };
    const holders = adjustmentHolders([ann, moved, bob], new Set([pairKey('bob', 'plan')]));
    expect([...holders.values()].map((holder) => holder.participantId)).toEqual(['p-ann-2']);
  });

  it('recoups the latest closed balance and lists restatements and inquiries by period', () => {
    const closedQ2: ClosedStatement = {
      ...closedQ1,
      id: 's-q2',
      period: 'FY2026-Q2',
      amount: '0.00',
      carriedForward: '-1200.50',
    };
    const plans = planAdjustments({
      holders: adjustmentHolders([ann], new Set()),
      closed: [closedQ2, closedQ1],
      appliedRestatements: new Map(),
      recomputed: new Map([
        ['s-q1', '18452.05'],
        ['s-q2', '100.00'],
      ]),
      inquiries: [
        {
          id: 'i-1',
          period: 'FY2026-Q1',
          userId: 'ann',
          planId: 'plan',
          adjustment: '250',
          response: 'The Q1 NPS was  restated.',
        },
      ],
    });
    const plan = plans.get('p-ann');
    expect(plan?.carriedIn).toBe('-1200.50');
    expect(plan?.adjustments.map((a) => [a.forPeriod, a.source, a.amount])).toEqual([
      ['FY2026-Q1', 'INQUIRY', '250.00'],
      ['FY2026-Q2', 'RESTATEMENT', '100.00'],
    ]);
    expect(plan?.adjustments[0].reason).toBe(
      'Inquiry about FY2026-Q1 adjusted by HR: The Q1 NPS was restated.',
    );
    expect(adjustmentsTotal(plan?.adjustments ?? [])).toBe('350.00');
  });

  it('plans nothing for a participant without closed statements', () => {
    const plans = planAdjustments({
      holders: adjustmentHolders([ann], new Set()),
      closed: [],
      appliedRestatements: new Map(),
      recomputed: new Map(),
      inquiries: [],
    });
    expect(plans.size).toBe(0);
  });
});
