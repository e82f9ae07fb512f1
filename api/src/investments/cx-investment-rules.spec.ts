import { decisionStep, statusAfter, type DecidedInvestment } from './cx-investment-rules';

const proposed: DecidedInvestment = {
  status: 'proposed',
  unitName: 'Key Accounts',
  proposedById: 'proposer',
  deciderLeads: null,
  cxLeadDecidedById: null,
  secondApprovalAbove: '25000.00',
};
const cxLead = { id: 'cx', roles: ['CX_LEAD', 'MEMBER'] as const };
const approver = { id: 'approver', roles: ['APPROVER'] as const };

describe('who decides a CX investment', () => {
  it('has a CX lead take the first step and an approver the second', () => {
    expect(decisionStep(proposed, cxLead)).toEqual({ step: 'CX_LEAD' });
    expect(
      decisionStep({ ...proposed, status: 'awaiting_second_approval', cxLeadDecidedById: 'cx' }, approver),
    ).toEqual({ step: 'APPROVER' });
    expect(decisionStep(proposed, approver)).toMatchObject({ refusal: { status: 403 } });
    expect(decisionStep({ ...proposed, status: 'awaiting_second_approval' }, cxLead)).toMatchObject({
      refusal: { status: 403 },
    });
  });

  it('refuses the proposer, the person who took the first step, and a leader at or above the unit', () => {
    expect(decisionStep(proposed, { id: 'proposer', roles: ['CX_LEAD'] })).toMatchObject({
      refusal: { status: 403, message: expect.stringMatching(/^You proposed/) },
    });
    const both = { id: 'both', roles: ['CX_LEAD', 'APPROVER'] as const };
    expect(
      decisionStep({ ...proposed, status: 'awaiting_second_approval', cxLeadDecidedById: 'both' }, both),
    ).toMatchObject({
      refusal: { status: 403, message: expect.stringMatching(/four eyes/) },
    });
    expect(decisionStep({ ...proposed, deciderLeads: 'Sales' }, cxLead)).toEqual({
      refusal: {
        status: 403,
        message:
          'You lead Sales, above Key Accounts, so this CX investment would raise the margin or quota attainment your own pay is measured on: another CX lead or approver must decide it.',
      },
    });
    expect(decisionStep({ ...proposed, deciderLeads: 'Key Accounts' }, cxLead)).toMatchObject({
      refusal: { message: expect.stringMatching(/^You lead Key Accounts, so/) },
    });
  });

  it('answers 409 once the investment is approved, rejected or withdrawn, before anything else', () => {
    for (const status of ['approved', 'rejected', 'withdrawn'] as const) {
      expect(decisionStep({ ...proposed, status, proposedById: 'cx' }, cxLead)).toMatchObject({
        refusal: { status: 409 },
      });
    }
  });

  it('moves to the next status: above the threshold the CX lead’s approval awaits the approver', () => {
    expect(statusAfter('CX_LEAD', true, false)).toBe('approved');
    expect(statusAfter('CX_LEAD', true, true)).toBe('awaiting_second_approval');
    expect(statusAfter('APPROVER', true, true)).toBe('approved');
    expect(statusAfter('CX_LEAD', false, true)).toBe('rejected');
    expect(statusAfter('APPROVER', false, true)).toBe('rejected');
  });
});
