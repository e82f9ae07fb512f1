import type {
  IncentivePlan,
  MetricDefinition,
  MetricFact,
  ParticipantFacts,
  PlanRules,
  PlanVersion,
  WhatIfResult,
} from '@lodestar/contracts';

const metric = (
  key: string,
  name: string,
  unit: MetricDefinition['unit'],
  direction: MetricDefinition['direction'],
  category: MetricDefinition['category'] = 'COMMERCIAL',
): MetricDefinition => ({
  key,
  name,
  description: null,
  category,
  unit,
  direction,
  aggregation: 'latest',
  survey: null,
  builtIn: true,
});

export const PLAN_METRICS: MetricDefinition[] = [
  metric('nps', 'NPS', 'score', 'higher', 'CX'),
  metric('complaint_rate', 'Complaint rate', 'percent', 'lower', 'CX'),
  metric('cx_index', 'CX index', 'score', 'higher', 'CX'),
  metric('quota_attainment', 'Quota attainment', 'percent', 'higher'),
  metric('adjusted_quota_attainment', 'Adjusted quota attainment', 'percent', 'higher'),
  metric('adjusted_margin', 'Adjusted margin', 'percent', 'higher'),
];

/** The sales plan: quota 60 % on its own points, the CX index 40 % from targets, a CX gate and a 200 % plan cap. */
export const SALES_RULES: PlanRules = {
  components: [
    {
      key: 'quota',
      label: 'Quota',
      metric: 'adjusted_quota_attainment',
      scope: 'OWN_UNIT',
      weight: '60',
      curve: {
        source: 'POINTS',
        points: [
          { value: '90', payout: '50' },
          { value: '100', payout: '100' },
          { value: '120', payout: '200' },
        ],
      },
      cap: null,
    },
    {
      key: 'cx',
      label: 'CX index',
      metric: 'cx_index',
      scope: 'OWN_UNIT',
      weight: '40',
      curve: { source: 'TARGETS', payouts: ['50', '100', '200'] },
      cap: null,
    },
  ],
  gates: [
    { key: 'cx_gate', label: 'CX gate', input: 'cx', level: null, components: ['quota'], maxPayout: '100' },
  ],
  multiplier: null,
  planCap: '200',
};

export const VICTOR = { id: 'u-victor', name: 'Victor Salas', email: 'vp.sales@example.com' };
export const HANNA = { id: 'u-hr', name: 'Hanna Richter' };
export const ANNA = { id: 'u-approver', name: 'Anna Berg' };

export function version(overrides: Partial<PlanVersion> = {}): PlanVersion {
  return {
    id: 'v3',
    planId: 'p-sales',
    planName: 'Sales incentive',
    number: 3,
    status: 'DRAFT',
    effectiveFrom: 'FY2027-Q1',
    author: HANNA,
    updatedAt: '2026-11-20T09:00:00.000Z',
    participantCount: 1,
    revision: 7,
    notes: '',
    rules: JSON.parse(JSON.stringify(SALES_RULES)) as PlanRules,
    participants: [
      {
        id: 'pp-1',
        user: VICTOR,
        orgUnit: { key: 'sales', name: 'Sales' },
        annualTargetBonus: '40000.00',
        startDate: '2026-10-01',
        endDate: null,
      },
    ],
    submittedAt: null,
    approvedBy: null,
    approvedAt: null,
    publishedBy: null,
    publishedAt: null,
    rejection: null,
    frozenAt: null,
    acknowledgements: [],
    ...overrides,
  };
}

export const SALES_PLAN: IncentivePlan = {
  id: 'p-sales',
  key: 'sales-bonus',
  name: 'Sales incentive',
  description: 'Quarterly bonus of the sales executives.',
  versions: [
    {
      id: 'v2',
      planId: 'p-sales',
      planName: 'Sales incentive',
      number: 2,
      status: 'PUBLISHED',
      effectiveFrom: 'FY2026-Q1',
      author: HANNA,
      updatedAt: '2025-09-20T09:00:00.000Z',
      participantCount: 1,
    },
    {
      id: 'v3',
      planId: 'p-sales',
      planName: 'Sales incentive',
      number: 3,
      status: 'DRAFT',
      effectiveFrom: 'FY2027-Q1',
      author: HANNA,
      updatedAt: '2026-11-20T09:00:00.000Z',
      participantCount: 1,
    },
  ],
};

const fact = (
  metricKey: string,
  metricName: string,
  value: string,
  band: { threshold: number; target: number; stretch: number },
): MetricFact => ({
  metric: metricKey,
  scope: 'OWN_UNIT',
  metricName,
  unit: 'percent',
  direction: 'higher',
  input: {
    value,
    basis: 'ACTUAL',
    source: `${metricName} of Sales, FY2027-Q1`,
    sample: null,
    orgUnit: { key: 'sales', name: 'Sales' },
    period: 'FY2027-Q1',
  },
  band,
});

/**
 * Victor's figures: adjusted quota attainment 110 (pays 150 %), CX index 72 on a 60 / 70 / 80 band
 * (pays 120 %, and the gate is met), 40,000 a year for 92 of 365 days. With the sales rules:
 * 0.6 × 150 + 0.4 × 120 = 138 %; with 50 / 50 weights, 135 %.
 */
export const VICTOR_FACTS: ParticipantFacts = {
  period: 'FY2027-Q1',
  facts: [
    fact('adjusted_quota_attainment', 'Adjusted quota attainment', '110', {
      threshold: 90,
      target: 100,
      stretch: 120,
    }),
    fact('cx_index', 'CX index', '72', { threshold: 60, target: 70, stretch: 80 }),
  ],
  targetBonus: { annual: '40000.00', eligibleDays: 92, daysInYear: 365 },
  adjustments: [],
  carriedIn: '0.00',
};

export const WHAT_IF: WhatIfResult = {
  period: 'FY2027-Q1',
  version: { id: 'v3', number: 3 },
  baselineVersion: { id: 'v2', number: 2 },
  rows: [
    {
      participant: { id: 'u-victor', name: 'Victor Salas' },
      orgUnit: { key: 'sales', name: 'Sales' },
      baselinePayout: '100',
      baselineAmount: '10082.19',
      proposedPayout: '138',
      proposedAmount: '13913.42',
      delta: '3831.23',
    },
    {
      participant: { id: 'u-olu', name: 'Olu Adeyemi' },
      orgUnit: { key: 'operations', name: 'Operations' },
      baselinePayout: '120',
      baselineAmount: '9000.00',
      proposedPayout: '90',
      proposedAmount: '6750.00',
      delta: '-2250.00',
    },
    {
      participant: { id: 'u-new', name: 'Mara Lind' },
      orgUnit: { key: 'service', name: 'Service' },
      baselinePayout: null,
      baselineAmount: null,
      proposedPayout: '100',
      proposedAmount: '5000.00',
      delta: '5000.00',
    },
  ],
  totals: { baseline: '19082.19', proposed: '25663.42', delta: '6581.23' },
};
