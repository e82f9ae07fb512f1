import { addQuarters, quartersBetween } from '@lodestar/contracts';
import {
  budgetRefusal,
  concentrationFlags,
  decisionRefusal,
  needsSecondApproval,
  nominationRefusal,
  preventionShare,
  quartersOf,
  ranked,
  settingsProblem,
  statusAfter,
  topTenPercentShare,
  type DecisionFacts,
  type NominationFacts,
} from './recognition-rules';

const TIERS = [
  { key: 'BRONZE', name: 'Bronze', points: 100 },
  { key: 'SILVER', name: 'Silver', points: 250 },
  { key: 'GOLD', name: 'Gold', points: 1000 },
];

const toPerson: NominationFacts = {
  nominatorId: 'noah',
  nominee: { kind: 'PERSON', userId: 'ines' },
  teamRelation: null,
  quarter: 'FY2027-Q1',
  sentThisQuarter: 0,
  sentToNomineeThisQuarter: 0,
  nomineeName: 'Inês Costa',
  settings: { maxPerNominatorPerQuarter: 5, maxPerNomineePerQuarter: 2 },
};

describe('sending a nomination', () => {
  it('allows a nomination within the limits', () => {
    expect(nominationRefusal(toPerson)).toBeNull();
    expect(nominationRefusal({ ...toPerson, sentThisQuarter: 4, sentToNomineeThisQuarter: 1 })).toBeNull();
  });

  it('refuses a self-nomination', () => {
    expect(nominationRefusal({ ...toPerson, nominee: { kind: 'PERSON', userId: 'noah' } })).toEqual({
      status: 422,
      message: 'You cannot nominate yourself: a nomination recognises what someone else did for a customer.',
    });
  });

  it('refuses a team the nominator belongs to, naming how', () => {
    const team = { kind: 'TEAM', unitName: 'Sales' } as const;
    expect(
      nominationRefusal({
        ...toPerson,
        nominee: team,
        teamRelation: { anchor: 'Key Accounts', via: 'member', position: 'above' },
      }),
    ).toMatchObject({
      status: 422,
      message: expect.stringMatching(
        /^You cannot nominate a team you belong to: Sales is above your unit Key Accounts\./,
      ),
    });
    expect(
      nominationRefusal({
        ...toPerson,
        nominee: { kind: 'TEAM', unitName: 'EMEA Region' },
        teamRelation: { anchor: 'Sales', via: 'leader', position: 'below' },
      })?.message,
    ).toMatch(/EMEA Region is part of Sales, which you lead\./);
    expect(
      nominationRefusal({
        ...toPerson,
        nominee: team,
        teamRelation: { anchor: 'Sales', via: 'member', position: 'same' },
      })?.message,
    ).toMatch(/Sales is your own unit\./);
    expect(nominationRefusal({ ...toPerson, nominee: team })).toBeNull();
  });

  it('refuses the sixth nomination of a quarter and the third for the same nominee', () => {
    expect(nominationRefusal({ ...toPerson, sentThisQuarter: 5 })).toEqual({
      status: 409,
      message: 'You have sent 5 nominations in FY2027-Q1, the most one person may send in a quarter (5).',
    });
    expect(nominationRefusal({ ...toPerson, sentToNomineeThisQuarter: 2 })).toEqual({
      status: 409,
      message:
        'You have nominated Inês Costa 2 times in FY2027-Q1, the most for the same nominee in a quarter (2).',
    });
  });
});

const open: DecisionFacts = {
  status: 'PENDING',
  nominatorId: 'noah',
  deciderId: 'rosa',
  nomineeUnitName: 'Field Service',
  nomineeRelation: null,
  firstApproverId: null,
};

describe('deciding a nomination', () => {
  it('lets an unrelated reviewer decide an open nomination', () => {
    expect(decisionRefusal(open)).toBeNull();
    expect(
      decisionRefusal({ ...open, status: 'AWAITING_SECOND_APPROVAL', firstApproverId: 'other' }),
    ).toBeNull();
  });

  it('refuses a decided nomination with 409, before anything else', () => {
    expect(decisionRefusal({ ...open, status: 'AWARDED', deciderId: 'noah' })).toMatchObject({ status: 409 });
    expect(decisionRefusal({ ...open, status: 'REJECTED' })?.message).toMatch(/already rejected/);
  });

  it('refuses the nominator, a reviewer related to the nominee’s unit, and the first approver', () => {
    expect(decisionRefusal({ ...open, deciderId: 'noah' })).toEqual({
      status: 403,
      message: 'You sent this nomination, so another reviewer must decide it.',
    });
    expect(
      decisionRefusal({ ...open, nomineeRelation: { anchor: 'Service', via: 'leader', position: 'below' } })
        ?.message,
    ).toBe(
      'You cannot decide a nomination for your own part of the company: Field Service is part of Service, which you lead. Another reviewer must decide it.',
    );
    expect(
      decisionRefusal({ ...open, status: 'AWAITING_SECOND_APPROVAL', firstApproverId: 'rosa' })?.message,
    ).toMatch(/four eyes/);
  });

  it('needs a second approval from the Gold tier on, and moves the status', () => {
    const settings = { tiers: TIERS, secondApprovalFromTier: 'GOLD' };
    expect(needsSecondApproval(settings, TIERS[1])).toBe(false);
    expect(needsSecondApproval(settings, TIERS[2])).toBe(true);
    expect(needsSecondApproval({ ...settings, secondApprovalFromTier: 'SILVER' }, TIERS[1])).toBe(true);
    expect(statusAfter('PENDING', true, false)).toBe('AWARDED');
    expect(statusAfter('PENDING', true, true)).toBe('AWAITING_SECOND_APPROVAL');
    expect(statusAfter('AWAITING_SECOND_APPROVAL', true, true)).toBe('AWARDED');
    expect(statusAfter('AWAITING_SECOND_APPROVAL', false, true)).toBe('REJECTED');
  });

  it('allows an award exactly at the budget and refuses one point over, naming the points left', () => {
    expect(budgetRefusal('Field Service', 'FY2027-Q1', 350, 250, 100)).toBeNull();
    expect(budgetRefusal('Field Service', 'FY2027-Q1', 349, 250, 100)).toEqual({
      status: 409,
      message:
        'Awarding 100 points would take Field Service past its recognition budget of 349 points for FY2027-Q1: 99 points are left. Choose a lower tier, or a CX lead can raise the budget.',
    });
    expect(budgetRefusal('X', 'FY2027-Q1', 101, 100, 100)?.message).toMatch(/1 point is left/);
  });

  it('checks that tier keys are unique and the second-approval tier exists', () => {
    const settings = {
      maxPerNominatorPerQuarter: 5,
      maxPerNomineePerQuarter: 2,
      tiers: TIERS,
      secondApprovalFromTier: 'GOLD',
      defaultQuarterBudget: 5000,
    };
    expect(settingsProblem(settings)).toBeNull();
    expect(settingsProblem({ ...settings, secondApprovalFromTier: 'PLATINUM' })).toMatch(
      /BRONZE, SILVER, GOLD/,
    );
    expect(settingsProblem({ ...settings, tiers: [...TIERS, TIERS[0]] })).toMatch(/BRONZE appears twice/);
  });
});

describe('programme analytics', () => {
  it('computes the prevention share among awards', () => {
    expect(preventionShare([])).toBeNull();
    expect(preventionShare(['PREVENTION', 'RECOVERY', 'PREVENTION', 'COLLABORATION'])).toBe(0.5);
  });

  it('computes the share of points held by the top 10 % of recipients (at least one)', () => {
    expect(topTenPercentShare([])).toBeNull();
    expect(topTenPercentShare([100, 300])).toBe(0.75);
    // eleven recipients: the top two (ceil of 1.1)
    expect(topTenPercentShare([1000, 250, 100, 100, 100, 100, 100, 100, 100, 100, 50])).toBeCloseTo(
      1250 / 2100,
    );
  });

  it('flags a nominator who sends most of their nominations to the same nominee', () => {
    const sent = [
      { nominatorId: 'a', nomineeKey: 'x' },
      { nominatorId: 'a', nomineeKey: 'x' },
      { nominatorId: 'a', nomineeKey: 'y' },
      { nominatorId: 'b', nomineeKey: 'x' },
      { nominatorId: 'b', nomineeKey: 'y' },
      { nominatorId: 'b', nomineeKey: 'z' },
      { nominatorId: 'c', nomineeKey: 'x' },
      { nominatorId: 'c', nomineeKey: 'x' },
    ];
    expect(concentrationFlags(sent)).toEqual([
      { nominatorId: 'a', nomineeKey: 'x', nominations: 3, toNominee: 2, share: 2 / 3 },
    ]);
  });
});

describe('quarters and ranks', () => {
  it('lists the quarters between two, of a fiscal year, and steps across years', () => {
    expect(quartersBetween('FY2026-Q3', 'FY2027-Q2')).toEqual([
      'FY2026-Q3',
      'FY2026-Q4',
      'FY2027-Q1',
      'FY2027-Q2',
    ]);
    expect(quartersBetween('FY2027-Q2', 'FY2027-Q1')).toEqual([]);
    expect(quartersOf('FY2027')).toEqual(['FY2027-Q1', 'FY2027-Q2', 'FY2027-Q3', 'FY2027-Q4']);
    expect(quartersOf('FY2027-Q3')).toEqual(['FY2027-Q3']);
    expect(addQuarters('FY2027-Q1', -1)).toBe('FY2026-Q4');
  });

  it('ranks equal points equally (1, 1, 3) in a list sorted by points', () => {
    expect(ranked([{ points: 500 }, { points: 500 }, { points: 100 }]).map((row) => row.rank)).toEqual([
      1, 1, 3,
    ]);
  });
});
