import { monthsOf, quarterOfMonth, type CxInvestmentStatus } from '@lodestar/contracts';
import { AdjustedFigures } from '../../investments/adjusted-figures';
import { decisionStep, statusAfter } from '../../investments/cx-investment-rules';
import { Money } from '../../investments/money';
import type { CurrentFigures } from '@lodestar/cx-metrics';
import { generateDemoActuals } from './demo-actuals';
import { DEMO_FISCAL_CALENDAR, DEMO_UNITS, DEMO_USERS } from './demo-company';
import { DEMO_INVESTMENT_CAPS, DEMO_INVESTMENTS, demoInvestmentId } from './demo-investments';

const start = DEMO_FISCAL_CALENDAR.startMonth;
const SECOND_APPROVAL_ABOVE = '25000.00';
const DEFAULT_QUARTER_CAP = '150000.00';

const unitByKey = new Map(DEMO_UNITS.map((unit) => [unit.key, unit]));
const userByEmail = new Map(DEMO_USERS.map((user) => [user.email, user]));

/** The unit and every unit above it, nearest first. */
function upFrom(key: string): string[] {
  const chain: string[] = [];
  for (let at = unitByKey.get(key); at; at = at.parent ? unitByKey.get(at.parent) : undefined)
    chain.push(at.key);
  return chain;
}

describe('the demo CX investments', () => {
  it('have fixed, distinct ids and all fall in FY2026', () => {
    const ids = DEMO_INVESTMENTS.map((_, index) => demoInvestmentId(index));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(demoInvestmentId(0)).toBe(ids[0]);
    const fy2026 = monthsOf('FY2026', start);
    for (const item of DEMO_INVESTMENTS) expect(fy2026).toContain(item.month);
  });

  it('are proposed by people in the unit or its leader, with a reason of 10 to 2,000 characters', () => {
    for (const item of DEMO_INVESTMENTS) {
      const proposer = userByEmail.get(item.proposedBy);
      expect(proposer).toBeDefined();
      const inSubtree = proposer !== undefined && upFrom(proposer.unit).includes(item.unit);
      const leads = unitByKey.get(item.unit)?.leader === item.proposedBy;
      expect({ investment: item.reason, allowed: inSubtree || leads }).toEqual({
        investment: item.reason,
        allowed: true,
      });
      expect(item.reason.length).toBeGreaterThanOrEqual(10);
      expect(item.reason.length).toBeLessThanOrEqual(2000);
      expect(item.amount).toMatch(/^\d{1,12}\.\d{2}$/);
    }
  });

  it('reach their status through the decision rules: the right roles, four eyes and nobody deciding their own pay', () => {
    for (const item of DEMO_INVESTMENTS) {
      let status: CxInvestmentStatus = 'proposed';
      let cxLeadDecidedById: string | null = null;
      for (const decision of item.decisions) {
        const decider = userByEmail.get(decision.by);
        if (!decider) throw new Error(`no demo user ${decision.by}`);
        const led = upFrom(item.unit).find((key) => unitByKey.get(key)?.leader === decision.by);
        const outcome = decisionStep(
          {
            status,
            unitName: item.unit,
            proposedById: item.proposedBy,
            deciderLeads: led ?? null,
            cxLeadDecidedById,
            secondApprovalAbove: SECOND_APPROVAL_ABOVE,
          },
          { id: decision.by, roles: decider.roles },
        );
        if (!('step' in outcome)) throw new Error(`${item.reason}: ${outcome.refusal.message}`);
        expect(outcome.step).toBe(decision.role);
        if (!decision.approve) expect(decision.reason).toBeTruthy();
        if (outcome.step === 'CX_LEAD') cxLeadDecidedById = decision.by;
        status = statusAfter(
          outcome.step,
          decision.approve,
          new Money(item.amount).greaterThan(SECOND_APPROVAL_ABOVE),
        );
        expect(new Date(decision.at).getTime()).toBeGreaterThan(new Date(item.proposedAt).getTime());
      }
      expect({ investment: item.reason, status }).toEqual({ investment: item.reason, status: item.status });
    }
  });

  it('stay within each unit’s cap per fiscal quarter, both kinds together', () => {
    const approved = new Map<string, InstanceType<typeof Money>>();
    for (const item of DEMO_INVESTMENTS.filter((entry) => entry.status === 'approved')) {
      const key = `${item.unit} ${quarterOfMonth(item.month, start)}`;
      approved.set(key, (approved.get(key) ?? new Money(0)).plus(item.amount));
    }
    for (const [key, total] of approved) {
      const [unit, quarter] = key.split(' ');
      const cap =
        DEMO_INVESTMENT_CAPS.find((entry) => entry.unit === unit && entry.quarter === quarter)?.cap ??
        DEFAULT_QUARTER_CAP;
      expect({ key, within: total.lessThanOrEqualTo(cap) }).toEqual({ key, within: true });
    }
  });

  it('tell the story: field engineers and concessions as costs, Sales’ quota relief, one rejected, one awaiting the approver, one just proposed', () => {
    const has = (kind: string, status: string) =>
      DEMO_INVESTMENTS.some((item) => item.kind === kind && item.status === status);
    expect(has('cost', 'approved')).toBe(true);
    expect(has('quota_relief', 'approved')).toBe(true);
    expect(DEMO_INVESTMENTS.filter((item) => item.status === 'rejected')).toHaveLength(1);
    expect(DEMO_INVESTMENTS.filter((item) => item.status === 'awaiting_second_approval')).toHaveLength(1);
    expect(DEMO_INVESTMENTS.filter((item) => item.status === 'proposed')).toHaveLength(1);
    for (const item of DEMO_INVESTMENTS.filter((entry) => entry.kind === 'quota_relief'))
      expect(upFrom(item.unit)).toContain('sales');
    expect(
      new Set(DEMO_INVESTMENTS.filter((item) => item.kind === 'cost').map((item) => upFrom(item.unit)[1])),
    ).toEqual(new Set(['sales', 'service']));
  });

  it('lift Sales’ FY2026 margin by about half a point and its quota attainment by about one point', () => {
    const children = new Map<string, string[]>();
    for (const unit of DEMO_UNITS)
      if (unit.parent) children.set(unit.parent, [...(children.get(unit.parent) ?? []), unit.key]);
    const months = monthsOf('FY2026', start);
    const current: CurrentFigures[] = generateDemoActuals()
      .filter((row) => months.includes(row.month))
      .map((row) => ({
        metric: row.metric,
        orgUnitId: row.unit,
        month: row.month,
        value: row.value,
        numerator: row.numerator,
        denominator: row.denominator,
      }));
    const approved = DEMO_INVESTMENTS.filter((item) => item.status === 'approved').map((item) => ({
      orgUnitId: item.unit,
      kind: item.kind,
      month: item.month,
      amount: item.amount,
    }));
    const withInvestments = new AdjustedFigures(current, children, approved);
    const without = new AdjustedFigures(current, children, []);
    const lift = (metric: string, unit: string) =>
      Number(withInvestments.value(metric, unit, months)) - Number(without.value(metric, unit, months));
    expect(lift('gross_margin', 'sales')).toBeGreaterThan(0.4);
    expect(lift('gross_margin', 'sales')).toBeLessThan(1);
    expect(lift('gross_margin', 'company')).toBeGreaterThan(0.3);
    expect(lift('quota_attainment', 'sales')).toBeGreaterThan(0.8);
    expect(lift('quota_attainment', 'sales')).toBeLessThan(1.5);
  });
});
