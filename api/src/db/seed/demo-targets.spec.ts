import { monthsOf, parsePeriod, type MetricDirection } from '@lodestar/contracts';
import { aggregateMonths, bandProblem, cxResult, histogramFromScores, status, weightsProblem } from '@lodestar/cx-metrics';
import { generateDemoActuals } from './demo-actuals';
import { DEMO_FISCAL_CALENDAR, DEMO_UNITS } from './demo-company';
import { DEMO_CX_INDEX_WEIGHTS, generateDemoTargets, type DemoTarget } from './demo-targets';
import { generateDemoVoc } from './demo-voc';

/** The built-in metrics' better direction, as SPEC §3 lists them, and which are CX metrics. */
const DIRECTION: Record<string, MetricDirection> = {
  nps: 'higher', csat: 'higher', ces: 'higher', retention: 'higher', churn: 'lower', complaint_rate: 'lower',
  first_time_right: 'higher', on_time_delivery: 'higher', escalations: 'lower', cx_index: 'higher',
  quota_attainment: 'higher', revenue: 'higher', gross_margin: 'higher', adjusted_margin: 'higher',
  adjusted_quota_attainment: 'higher', pipeline_attainment: 'higher', renewal_rate: 'higher', budget_attainment: 'lower',
};
const CX_METRICS = ['nps', 'csat', 'ces', 'retention', 'churn', 'complaint_rate', 'first_time_right', 'on_time_delivery', 'escalations'];
const FUNCTIONS = DEMO_UNITS.filter((unit) => unit.type === 'FUNCTION').map((unit) => unit.key);
const start = DEMO_FISCAL_CALENDAR.startMonth;

const targets = generateDemoTargets();
const bandOf = (target: DemoTarget) => ({ threshold: Number(target.threshold), target: Number(target.target), stretch: Number(target.stretch) });
const find = (metric: string, unit: string, period: string) => {
  const found = targets.find((target) => target.metric === metric && target.unit === unit && target.period === period);
  if (!found) throw new Error(`No demo target for ${metric} at ${unit} in ${period}`);
  return found;
};

describe('the demo targets', () => {
  it('are the same on every run, one per metric, unit and fiscal year or quarter', () => {
    expect(generateDemoTargets()).toEqual(targets);
    expect(new Set(targets.map((target) => `${target.metric} ${target.unit} ${target.period}`)).size).toBe(targets.length);
    const units = new Set(DEMO_UNITS.map((unit) => unit.key));
    for (const target of targets) {
      expect(units.has(target.unit)).toBe(true);
      expect(DIRECTION[target.metric]).toBeDefined();
      expect(['year', 'quarter']).toContain(parsePeriod(target.period).kind);
      for (const point of [target.threshold, target.target, target.stretch]) expect(point).toMatch(/^\d+(\.\d+)?$/);
    }
  });

  it('orders every band strictly in its metric’s better direction', () => {
    const problems = targets
      .map((target) => ({ target, problem: bandProblem(DIRECTION[target.metric], bandOf(target)) }))
      .filter(({ problem }) => problem !== null);
    expect(problems).toEqual([]);
  });

  it('sets FY2025, FY2026 and FY2027 for the company and every function', () => {
    for (const unit of ['company', ...FUNCTIONS]) {
      for (const year of ['FY2025', 'FY2026', 'FY2027']) {
        expect(targets.some((target) => target.unit === unit && target.period.startsWith(year))).toBe(true);
      }
    }
  });

  it('phases Service’s FY2026 escalations by quarter, falling as the recovery takes hold', () => {
    const quarters = [1, 2, 3, 4].map((quarter) => Number(find('escalations', 'service', `FY2026-Q${quarter}`).target));
    expect(quarters).toEqual([...quarters].sort((a, b) => b - a));
    expect(targets.some((target) => target.metric === 'escalations' && target.period === 'FY2026')).toBe(false);
  });

  it('weighs only CX metrics, adding up to 100 for the default and for each unit with its own weights', () => {
    const sets = new Map<string | null, { metric: string; weight: number }[]>();
    for (const { unit, metric, weight } of DEMO_CX_INDEX_WEIGHTS) {
      expect(CX_METRICS).toContain(metric);
      sets.set(unit, [...(sets.get(unit) ?? []), { metric, weight: Number(weight) }]);
    }
    expect([...sets.keys()]).toEqual([null, 'sales']);
    for (const weights of sets.values()) expect(weightsProblem(weights)).toBeNull();
  });

  it('tells the story: NPS misses in FY2025 and recovers past target in FY2026; Sales beats quota, then settles at it', () => {
    const answers = generateDemoVoc();
    const nps = (period: string) => {
      const months = new Set(monthsOf(period, start));
      const scores = answers.filter((a) => a.survey === 'nps' && months.has(a.respondedAt.slice(0, 7))).map((a) => a.score);
      return cxResult(histogramFromScores('nps', scores)).value as number;
    };
    expect(status(nps('FY2025'), bandOf(find('nps', 'company', 'FY2025')), 'higher')).toBe('red');
    expect(status(nps('FY2026'), bandOf(find('nps', 'company', 'FY2026')), 'higher')).toBe('green');

    const actuals = generateDemoActuals();
    const quota = (period: string) => {
      const months = monthsOf(period, start);
      const figures = months.map((month) => actuals.find((row) => row.metric === 'quota_attainment' && row.unit === 'sales' && row.month === month) ?? null);
      return Number(aggregateMonths('ratio', figures).value);
    };
    expect(status(quota('FY2025'), bandOf(find('quota_attainment', 'sales', 'FY2025')), 'higher')).toBe('green');
    expect(status(quota('FY2026'), bandOf(find('quota_attainment', 'sales', 'FY2026')), 'higher')).toBe('amber');
  });
});
