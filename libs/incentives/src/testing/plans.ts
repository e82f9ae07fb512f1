/**
 * Plans and facts for the engine's tests: a sales plan with quota, margin and the CX index, the
 * CX gate holding quota and margin to 100 % below the CX threshold, and a complaint-rate multiplier.
 */
import type {
  ComponentScope,
  InputBasis,
  MetricDirection,
  MetricFact,
  MetricUnit,
  ParticipantFacts,
  PayoutPoint,
  PlanComponent,
  PlanRules,
  TargetBand,
} from '@lodestar/contracts';

export const SALES = { key: 'sales', name: 'Sales' };
export const COMPANY = { key: 'company', name: 'Company' };

export const pts = (...pairs: [string, string][]): PayoutPoint[] =>
  pairs.map(([value, payout]) => ({ value, payout }));

export function component(overrides: Partial<PlanComponent> & Pick<PlanComponent, 'key'>): PlanComponent {
  return {
    label: overrides.key,
    metric: overrides.key,
    scope: 'OWN_UNIT',
    weight: '100',
    curve: { source: 'POINTS', points: pts(['90', '50'], ['100', '100'], ['120', '200']) },
    cap: null,
    ...overrides,
  };
}

/** Quota 50 %, margin 30 %, CX index 20 % (curve from targets), the CX gate; no multiplier or plan cap. */
export function salesPlan(): PlanRules {
  return {
    components: [
      component({
        key: 'quota',
        label: 'Quota',
        metric: 'adjusted_quota_attainment',
        weight: '50',
        curve: { source: 'POINTS', points: pts(['90', '50'], ['100', '100'], ['120', '200']) },
      }),
      component({
        key: 'margin',
        label: 'Margin',
        metric: 'adjusted_margin',
        weight: '30',
        curve: { source: 'POINTS', points: pts(['95', '50'], ['100', '100'], ['110', '150']) },
      }),
      component({
        key: 'cx',
        label: 'CX index',
        metric: 'cx_index',
        weight: '20',
        curve: { source: 'TARGETS', payouts: ['50', '100', '200'] },
      }),
    ],
    gates: [
      {
        key: 'cx_gate',
        label: 'CX gate',
        input: 'cx',
        level: null,
        components: ['quota', 'margin'],
        maxPayout: '100',
      },
    ],
    multiplier: null,
    planCap: null,
  };
}

/** Complaint rate (lower is better) 3 ↦ ×0.9, 2 ↦ ×1.1, on the company. */
export const COMPLAINTS_MULTIPLIER = {
  label: 'Complaints',
  metric: 'complaint_rate',
  scope: 'COMPANY' as ComponentScope,
  points: pts(['3', '90'], ['2', '110']),
};

export interface FactOptions {
  metricName?: string;
  scope?: ComponentScope;
  direction?: MetricDirection;
  unit?: MetricUnit;
  band?: TargetBand | null;
  basis?: InputBasis;
  orgUnit?: { key: string; name: string };
}

export function fact(metric: string, value: string | null, options: FactOptions = {}): MetricFact {
  const metricName = options.metricName ?? metric;
  const orgUnit = options.orgUnit ?? SALES;
  const basis = options.basis ?? 'ACTUAL';
  return {
    metric,
    scope: options.scope ?? 'OWN_UNIT',
    metricName,
    unit: options.unit ?? 'percent',
    direction: options.direction ?? 'higher',
    band: options.band === undefined ? null : options.band,
    input: {
      value,
      basis,
      source:
        basis === 'AT_TARGET'
          ? `${metricName} of ${orgUnit.name}, FY2026-Q1: 12 answers, short of the 100 needed for pay; no trailing twelve months and no parent unit, so it pays at target (100 %).`
          : `${metricName} of ${orgUnit.name}, FY2026-Q1.`,
      sample: null,
      orgUnit,
      period: 'FY2026-Q1',
    },
  };
}

/** The facts of the sales plan: quota, margin and CX index of Sales, complaint rate of the company. */
export function salesFacts(
  values: {
    quota?: string | null;
    margin?: string | null;
    cx?: string | null;
    complaints?: string | null;
  } = {},
  targetBonus = { annual: '60000.00', eligibleDays: 92, daysInYear: 365 },
): ParticipantFacts {
  const cx = values.cx === undefined ? '41.2' : values.cx;
  return {
    period: 'FY2026-Q1',
    facts: [
      fact('adjusted_quota_attainment', values.quota === undefined ? '112.4' : values.quota, {
        metricName: 'Quota attainment',
        band: { threshold: 90, target: 100, stretch: 120 },
      }),
      fact('adjusted_margin', values.margin === undefined ? '104' : values.margin, {
        metricName: 'Adjusted margin',
        band: { threshold: 95, target: 100, stretch: 110 },
      }),
      fact('cx_index', cx, {
        metricName: 'CX index',
        unit: 'score',
        band: { threshold: 50, target: 100, stretch: 150 },
        basis: cx === null ? 'AT_TARGET' : 'ACTUAL',
      }),
      fact('complaint_rate', values.complaints === undefined ? '2.4' : values.complaints, {
        metricName: 'Complaint rate',
        scope: 'COMPANY',
        direction: 'lower',
        orgUnit: COMPANY,
      }),
    ],
    targetBonus,
    adjustments: [],
    carriedIn: '0.00',
  };
}

/** One component, weight 100, on a metric `m` with the given curve, and its fact. */
export function onePlan(
  points: PayoutPoint[],
  extra: Partial<PlanRules> = {},
  cap: string | null = null,
): PlanRules {
  return {
    components: [
      component({ key: 'result', label: 'Result', metric: 'm', curve: { source: 'POINTS', points }, cap }),
    ],
    gates: [],
    multiplier: null,
    planCap: null,
    ...extra,
  };
}

export function oneFacts(
  value: string | null,
  targetBonus: ParticipantFacts['targetBonus'],
  more: Partial<ParticipantFacts> = {},
): ParticipantFacts {
  return {
    period: 'FY2026-Q1',
    facts: [fact('m', value, { metricName: 'Result' })],
    targetBonus,
    adjustments: [],
    carriedIn: '0.00',
    ...more,
  };
}
