import {
  budgetRefusal,
  concentrationFlags,
  decisionRefusal,
  nominationRefusal,
  preventionShare,
} from '../../recognition/recognition-rules';
import type { UnitRelation } from '../../recognition/recognition-rules';
import { DEMO_UNITS, DEMO_USERS } from './demo-company';
import {
  DEMO_PENDING_QUARTER,
  DEMO_RECOGNITION_BUDGETS,
  DEMO_RECOGNITION_QUARTERS,
  DEMO_REVIEWER,
  demoNominationId,
  generateDemoNominations,
} from './demo-recognition';

const unitByKey = new Map(DEMO_UNITS.map((unit) => [unit.key, unit]));
const userByEmail = new Map(DEMO_USERS.map((user) => [user.email, user]));

function upFrom(key: string): string[] {
  const chain: string[] = [];
  for (let at = unitByKey.get(key); at; at = at.parent ? unitByKey.get(at.parent) : undefined)
    chain.push(at.key);
  return chain;
}

/** How a unit stands to a person, as the API decides it: through their own unit or a unit they lead. */
function relation(email: string, unit: string): UnitRelation | null {
  const own = userByEmail.get(email)?.unit;
  const anchors: [string, 'member' | 'leader'][] = [
    ...(own ? [[own, 'member'] as [string, 'member']] : []),
    ...DEMO_UNITS.filter((u) => u.leader === email).map((u): [string, 'leader'] => [u.key, 'leader']),
  ];
  for (const [anchor, via] of anchors) {
    if (anchor === unit) return { anchor, via, position: 'same' };
    if (upFrom(unit).includes(anchor)) return { anchor, via, position: 'below' };
    if (upFrom(anchor).includes(unit)) return { anchor, via, position: 'above' };
  }
  return null;
}

const SETTINGS = { maxPerNominatorPerQuarter: 5, maxPerNomineePerQuarter: 2 };
const POINTS = { BRONZE: 100, SILVER: 250 };

describe('the demo recognition programme', () => {
  const nominations = generateDemoNominations();

  it('is the same on every run: a few hundred nominations with fixed, distinct ids', () => {
    expect(generateDemoNominations()).toEqual(nominations);
    expect(nominations.length).toBe(300);
    const ids = nominations.map((_, index) => demoNominationId(index));
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(nominations.map((item) => item.quarter))).toEqual(
      new Set([...DEMO_RECOGNITION_QUARTERS, DEMO_PENDING_QUARTER]),
    );
  });

  it('keeps the rules of sending: no self-nomination, no own team, the limits per quarter', () => {
    const sent = new Map<string, number>();
    const toNominee = new Map<string, number>();
    for (const item of nominations) {
      const nomineeKey = item.nominee.kind === 'PERSON' ? item.nominee.email : `team ${item.nominee.unit}`;
      const pair = `${item.quarter} ${item.nominator} ${nomineeKey}`;
      const refusal = nominationRefusal({
        nominatorId: item.nominator,
        nominee:
          item.nominee.kind === 'PERSON'
            ? { kind: 'PERSON', userId: item.nominee.email }
            : { kind: 'TEAM', unitName: item.nominee.unit },
        teamRelation: item.nominee.kind === 'TEAM' ? relation(item.nominator, item.nominee.unit) : null,
        quarter: item.quarter,
        sentThisQuarter: sent.get(`${item.quarter} ${item.nominator}`) ?? 0,
        sentToNomineeThisQuarter: toNominee.get(pair) ?? 0,
        nomineeName: nomineeKey,
        settings: SETTINGS,
      });
      expect({ item: item.story, refusal }).toEqual({ item: item.story, refusal: null });
      sent.set(`${item.quarter} ${item.nominator}`, (sent.get(`${item.quarter} ${item.nominator}`) ?? 0) + 1);
      toNominee.set(pair, (toNominee.get(pair) ?? 0) + 1);
      const expectedUnit =
        item.nominee.kind === 'PERSON' ? userByEmail.get(item.nominee.email)?.unit : item.nominee.unit;
      expect(item.unit).toBe(expectedUnit);
      expect(item.story.length).toBeLessThanOrEqual(4000);
    }
  });

  it('is decided by a reviewer who may decide each one, within every unit’s budget', () => {
    const used = new Map<string, number>();
    for (const item of nominations) {
      if (item.status === 'PENDING') {
        expect(item.quarter).toBe(DEMO_PENDING_QUARTER);
        continue;
      }
      const refusal = decisionRefusal({
        status: 'PENDING',
        nominatorId: item.nominator,
        deciderId: DEMO_REVIEWER,
        nomineeUnitName: item.unit,
        nomineeRelation: relation(DEMO_REVIEWER, item.unit),
        firstApproverId: null,
      });
      expect({ item: item.story, refusal }).toEqual({ item: item.story, refusal: null });
      expect(new Date(item.decidedAt as string).getTime()).toBeGreaterThan(
        new Date(item.submittedAt).getTime(),
      );
      if (item.status === 'REJECTED') {
        expect(item.reason).toBeTruthy();
        continue;
      }
      const key = `${item.unit} ${item.quarter}`;
      const budget =
        DEMO_RECOGNITION_BUDGETS.find((b) => b.unit === item.unit && b.quarter === item.quarter)?.points ??
        5000;
      const points = POINTS[item.tier as 'BRONZE' | 'SILVER'];
      expect(item.points).toBe(points);
      expect(budgetRefusal(item.unit, item.quarter, budget, used.get(key) ?? 0, points)).toBeNull();
      used.set(key, (used.get(key) ?? 0) + points);
    }
    // the units with their own budget use part of it
    for (const unit of ['field-service', 'key-accounts']) {
      const budget = DEMO_RECOGNITION_BUDGETS.find((b) => b.unit === unit)?.points ?? 0;
      const spent = DEMO_RECOGNITION_QUARTERS.map((quarter) => used.get(`${unit} ${quarter}`) ?? 0);
      expect(spent.some((points) => points > 0)).toBe(true);
      expect(spent.every((points) => points < budget)).toBe(true);
    }
  });

  it('tells the story: the share of PREVENTION among awards rises every quarter, some rejected, some pending', () => {
    const shares = DEMO_RECOGNITION_QUARTERS.map(
      (quarter) =>
        preventionShare(
          nominations
            .filter((item) => item.quarter === quarter && item.status === 'AWARDED')
            .map((item) => item.category),
        ) as number,
    );
    for (let i = 1; i < shares.length; i++) expect(shares[i]).toBeGreaterThan(shares[i - 1]);
    expect(shares[0]).toBeLessThan(0.2);
    expect(shares[shares.length - 1]).toBeGreaterThan(0.5);
    expect(nominations.filter((item) => item.status === 'REJECTED')).toHaveLength(48);
    expect(nominations.filter((item) => item.status === 'PENDING')).toHaveLength(12);
  });

  it('has one nominator who sends most of their nominations to the same nominee', () => {
    const flags = concentrationFlags(
      nominations.map((item) => ({
        nominatorId: item.nominator,
        nomineeKey: item.nominee.kind === 'PERSON' ? item.nominee.email : `team ${item.nominee.unit}`,
      })),
    );
    expect(flags.map((flag) => [flag.nominatorId, flag.nomineeKey])).toEqual([
      ['omar.haddad@example.com', 'amara.obi@example.com'],
    ]);
  });
});
