import type {
  CalculationTrace,
  ComponentTrace,
  Inquiry,
  MyIncentive,
  MyParticipation,
  PlanVersionSummary,
  Statement,
  StatementSummary,
} from '@lodestar/contracts';

/**
 * Statements of the demo's sales executive, Victor Salas, for tests. Every figure is consistent with
 * the plan's rules, so a test (or a reader with a calculator) can recompute them:
 *
 * - {@link STATEMENT}: FY2026-Q3, released. Sales beats quota (112.4 % ↦ 162 %) while its CX index
 *   falls short of the threshold (46.8 < 50), so the CX gate holds quota and margin at 100 %:
 *   50 × 100 % + 20 × 100 % + 30 × 42 % = 82.6 % of a €14,958.90… quarter target = €12,356.05, plus
 *   a €250.00 adjustment from an inquiry about FY2026-Q2: €12,606.05 payable.
 * - {@link PROJECTION}: FY2027-Q1, the open quarter. NPS has recovered, the gate is met; quota is
 *   beyond the curve's end (200 %) and held at the component's cap of 180 %: 133.78 % = €20,231.93.
 * - {@link MY_INCENTIVE}: both, with the FY2027 version not yet acknowledged, and three past quarters.
 */

export const VICTOR = { id: 'u-victor', name: 'Victor Salas' };
export const SALES = { key: 'sales', name: 'Sales' };
export const PLAN = { id: 'plan-sales', name: 'Sales leadership incentive' };

const HR = { id: 'u-hanna', name: 'Hanna Richter' };

const QUOTA_POINTS = [
  { value: '90', payout: '50' },
  { value: '100', payout: '100' },
  { value: '120', payout: '200' },
];
const MARGIN_POINTS = [
  { value: '38', payout: '50' },
  { value: '40', payout: '100' },
  { value: '44', payout: '200' },
];
const CX_POINTS = [
  { value: '40', payout: '25' },
  { value: '50', payout: '50' },
  { value: '100', payout: '100' },
  { value: '150', payout: '200' },
];

function component(
  base: Pick<
    ComponentTrace,
    'key' | 'label' | 'metric' | 'metricName' | 'unit' | 'weight' | 'points' | 'cap'
  >,
  result: Omit<ComponentTrace, keyof typeof base | 'direction' | 'scope'>,
): ComponentTrace {
  return { ...base, direction: 'higher', scope: 'OWN_UNIT', ...result };
}

const quota = () => ({
  key: 'quota',
  label: 'Quota',
  metric: 'adjusted_quota_attainment',
  metricName: 'Adjusted quota attainment',
  unit: 'percent' as const,
  weight: '50',
  points: QUOTA_POINTS,
  cap: '180',
});

const margin = () => ({
  key: 'margin',
  label: 'Margin',
  metric: 'adjusted_margin',
  metricName: 'Adjusted margin',
  unit: 'percent' as const,
  weight: '20',
  points: MARGIN_POINTS,
  cap: null,
});

const cxIndex = () => ({
  key: 'cx_index',
  label: 'CX index',
  metric: 'cx_index',
  metricName: 'CX index',
  unit: 'score' as const,
  weight: '30',
  points: CX_POINTS,
  cap: null,
});

export const STATEMENT_TRACE: CalculationTrace = {
  period: 'FY2026-Q3',
  components: [
    component(quota(), {
      input: {
        value: '112.4',
        basis: 'ACTUAL',
        source: 'Adjusted quota attainment of Sales, FY2026-Q3 (approved quota relief credited)',
        sample: null,
        orgUnit: SALES,
        period: 'FY2026-Q3',
      },
      band: { threshold: 90, target: 100, stretch: 120 },
      score: '131',
      attainment: '112.4',
      segment: { kind: 'BETWEEN', from: QUOTA_POINTS[1], to: QUOTA_POINTS[2] },
      curvePayout: '162',
      afterCap: '162',
      gatedBy: [{ gate: 'CX gate', maxPayout: '100' }],
      payout: '100',
      contribution: '50',
    }),
    component(margin(), {
      input: {
        value: '41.3',
        basis: 'ACTUAL',
        source: 'Adjusted margin of Sales, FY2026-Q3 (approved CX costs added back)',
        sample: null,
        orgUnit: SALES,
        period: 'FY2026-Q3',
      },
      band: { threshold: 38, target: 40, stretch: 44 },
      score: '116.25',
      attainment: '103.25',
      segment: { kind: 'BETWEEN', from: MARGIN_POINTS[1], to: MARGIN_POINTS[2] },
      curvePayout: '132.5',
      afterCap: '132.5',
      gatedBy: [{ gate: 'CX gate', maxPayout: '100' }],
      payout: '100',
      contribution: '20',
    }),
    component(cxIndex(), {
      input: {
        value: '46.8',
        basis: 'ACTUAL',
        source: 'CX index of Sales, FY2026-Q3, 412 answers',
        sample: 412,
        orgUnit: SALES,
        period: 'FY2026-Q3',
      },
      band: { threshold: 50, target: 100, stretch: 150 },
      score: '46.8',
      attainment: null,
      segment: { kind: 'BETWEEN', from: CX_POINTS[0], to: CX_POINTS[1] },
      curvePayout: '42',
      afterCap: '42',
      gatedBy: [],
      payout: '42',
      contribution: '12.6',
    }),
  ],
  gates: [
    {
      key: 'cx_gate',
      label: 'CX gate',
      input: 'cx_index',
      inputValue: '46.8',
      level: '50',
      direction: 'higher',
      outcome: 'BINDS',
      components: ['quota', 'margin'],
      maxPayout: '100',
    },
  ],
  weightedPayout: '82.6',
  multiplier: null,
  afterMultiplier: '82.6',
  planCap: '200',
  totalPayout: '82.6',
  targetBonus: {
    annual: '60000.00',
    eligibleDays: 91,
    daysInYear: 365,
    periodTarget: '14958.9041095890410958904',
  },
  unrounded: '12356.0547945205479452055',
  amount: '12356.05',
  rounding: '-0.0047945205479452055',
  adjustments: [
    {
      forPeriod: 'FY2026-Q2',
      amount: '250.00',
      reason: 'Inquiry answered: two key-account orders booked in March were missing from quota attainment.',
      source: 'INQUIRY',
    },
  ],
  carriedIn: '0.00',
  payable: '12606.05',
  carriedForward: '0.00',
  steps: [
    'Quota: adjusted quota attainment of Sales 112.4 % lies between 100 % ↦ 100 % and 120 % ↦ 200 %: the curve pays 162 %.',
    'Quota: the component cap of 180 % does not bind: 162 %.',
    'Margin: adjusted margin of Sales 41.3 % lies between 40 % ↦ 100 % and 44 % ↦ 200 %: the curve pays 132.5 %.',
    'CX index: CX index of Sales 46.8 (412 answers) lies between 40 ↦ 25 % and 50 ↦ 50 %: the curve pays 42 %.',
    'CX gate: the CX index 46.8 is short of its threshold 50, so quota and margin pay at most 100 %: quota 162 % → 100 %, margin 132.5 % → 100 %.',
    'Weighted payout: 50 % × 100 % + 20 % × 100 % + 30 % × 42 % = 82.6 % of target.',
    'No multiplier. The plan cap of 200 % does not bind: 82.6 %.',
    'Quarter target: 60,000.00 × 91 eligible days ÷ 365 days in FY2026 = 14,958.9041095890410958904.',
    'Amount: 82.6 % × 14,958.9041095890410958904 = 12,356.0547945205479452055, rounded half-even to cents: 12,356.05 (rounding −0.0047945205479452055).',
    'Adjustment for FY2026-Q2 (inquiry): +250.00.',
    'Payable: 12,356.05 + 250.00 + 0.00 carried in = 12,606.05.',
  ],
};

export const INQUIRY: Inquiry = {
  id: 'inq-1',
  statementId: 'st-fy26-q3',
  period: 'FY2026-Q3',
  raisedBy: VICTOR,
  reason: 'CALCULATION',
  text: 'The CX gate held my quota at 100 %, but the CX index of Sales was within its margin of error of the threshold.',
  status: 'OPEN',
  response: null,
  adjustment: null,
  answeredBy: null,
  answeredAt: null,
  createdAt: '2026-07-20T08:14:00.000Z',
};

/** An inquiry HR answered with an adjustment (carried into the next open quarter). */
export const ADJUSTED_INQUIRY: Inquiry = {
  id: 'inq-0',
  statementId: 'st-fy26-q2',
  period: 'FY2026-Q2',
  raisedBy: VICTOR,
  reason: 'DATA_ERROR',
  text: 'Two key-account orders booked in March are missing from the quota attainment of Sales.',
  status: 'ADJUSTED',
  response: 'Confirmed: the orders were booked on 30 March. The difference is paid with your next statement.',
  adjustment: '250.00',
  answeredBy: HR,
  answeredAt: '2026-04-22T13:05:00.000Z',
  createdAt: '2026-04-14T10:30:00.000Z',
};

export const STATEMENT: Statement = {
  id: 'st-fy26-q3',
  period: 'FY2026-Q3',
  status: 'RELEASED',
  participant: VICTOR,
  orgUnit: SALES,
  plan: PLAN,
  version: { id: 'ver-sales-1', number: 1 },
  totalPayout: '82.6',
  periodTarget: '14958.9041095890410958904',
  amount: '12356.05',
  payable: '12606.05',
  currency: 'EUR',
  openInquiries: 1,
  computedAt: '2026-07-06T08:00:00.000Z',
  trace: STATEMENT_TRACE,
  whatItTakes: null,
  inquiries: [INQUIRY],
};

export const PROJECTION_TRACE: CalculationTrace = {
  period: 'FY2027-Q1',
  components: [
    component(quota(), {
      input: {
        value: '124',
        basis: 'ACTUAL',
        source: 'Adjusted quota attainment of Sales, FY2027-Q1 so far (October and November)',
        sample: null,
        orgUnit: SALES,
        period: 'FY2027-Q1',
      },
      band: { threshold: 90, target: 100, stretch: 120 },
      score: '160',
      attainment: '124',
      segment: { kind: 'BEYOND', last: QUOTA_POINTS[2] },
      curvePayout: '200',
      afterCap: '180',
      gatedBy: [],
      payout: '180',
      contribution: '90',
    }),
    component(margin(), {
      input: {
        value: '39.2',
        basis: 'ACTUAL',
        source: 'Adjusted margin of Sales, FY2027-Q1 so far (October and November)',
        sample: null,
        orgUnit: SALES,
        period: 'FY2027-Q1',
      },
      band: { threshold: 38, target: 40, stretch: 44 },
      score: '80',
      attainment: '98',
      segment: { kind: 'BETWEEN', from: MARGIN_POINTS[0], to: MARGIN_POINTS[1] },
      curvePayout: '80',
      afterCap: '80',
      gatedBy: [],
      payout: '80',
      contribution: '16',
    }),
    component(cxIndex(), {
      input: {
        value: '92.6',
        basis: 'TRAILING_TWELVE_MONTHS',
        source:
          'CX index of Sales over the twelve months to November 2026, 436 answers (the quarter so far has 61, short of the 100 pay needs)',
        sample: 436,
        orgUnit: SALES,
        period: '2025-12..2026-11',
      },
      band: { threshold: 50, target: 100, stretch: 150 },
      score: '92.6',
      attainment: null,
      segment: { kind: 'BETWEEN', from: CX_POINTS[1], to: CX_POINTS[2] },
      curvePayout: '92.6',
      afterCap: '92.6',
      gatedBy: [],
      payout: '92.6',
      contribution: '27.78',
    }),
  ],
  gates: [
    {
      key: 'cx_gate',
      label: 'CX gate',
      input: 'cx_index',
      inputValue: '92.6',
      level: '50',
      direction: 'higher',
      outcome: 'MET',
      components: ['quota', 'margin'],
      maxPayout: '100',
    },
  ],
  weightedPayout: '133.78',
  multiplier: null,
  afterMultiplier: '133.78',
  planCap: '200',
  totalPayout: '133.78',
  targetBonus: {
    annual: '60000.00',
    eligibleDays: 92,
    daysInYear: 365,
    periodTarget: '15123.2876712328767123288',
  },
  unrounded: '20231.9342465753424657534',
  amount: '20231.93',
  rounding: '-0.0042465753424657534',
  adjustments: [],
  carriedIn: '0.00',
  payable: '20231.93',
  carriedForward: '0.00',
  steps: [
    'Quota: adjusted quota attainment of Sales 124 % lies beyond the last point 120 % ↦ 200 %: the curve pays 200 %.',
    'Quota: the component cap of 180 % binds: 200 % → 180 %.',
    'Margin: adjusted margin of Sales 39.2 % lies between 38 % ↦ 50 % and 40 % ↦ 100 %: the curve pays 80 %.',
    'CX index: the quarter has 61 answers, short of the 100 pay needs; the trailing twelve months of Sales have 436: CX index 92.6 lies between 50 ↦ 50 % and 100 ↦ 100 %: the curve pays 92.6 %.',
    'CX gate: the CX index 92.6 meets its threshold 50; the gate does not bind.',
    'Weighted payout: 50 % × 180 % + 20 % × 80 % + 30 % × 92.6 % = 133.78 % of target.',
    'No multiplier. The plan cap of 200 % does not bind: 133.78 %.',
    'Quarter target: 60,000.00 × 92 eligible days ÷ 365 days in FY2027 = 15,123.2876712328767123288.',
    'Amount: 133.78 % × 15,123.2876712328767123288 = 20,231.9342465753424657534, rounded half-even to cents: 20,231.93 (rounding −0.0042465753424657534).',
    'Payable: 20,231.93 + 0.00 carried in = 20,231.93.',
  ],
};

export const PROJECTION: Statement = {
  id: 'st-fy27-q1',
  period: 'FY2027-Q1',
  status: 'PROJECTION',
  participant: VICTOR,
  orgUnit: SALES,
  plan: PLAN,
  version: { id: 'ver-sales-2', number: 2 },
  totalPayout: '133.78',
  periodTarget: '15123.2876712328767123288',
  amount: '20231.93',
  payable: '20231.93',
  currency: 'EUR',
  openInquiries: 0,
  computedAt: '2026-11-23T06:00:00.000Z',
  trace: PROJECTION_TRACE,
  whatItTakes: [
    {
      component: 'quota',
      label: 'Quota',
      metric: 'adjusted_quota_attainment',
      direction: 'higher',
      current: '124',
      currentPayout: '180',
      neededForTarget: '100',
      bestPayout: '180',
      note: 'Already beyond target: the component’s cap of 180 % is reached.',
    },
    {
      component: 'margin',
      label: 'Margin',
      metric: 'adjusted_margin',
      direction: 'higher',
      current: '39.2',
      currentPayout: '80',
      neededForTarget: '40',
      bestPayout: '200',
      note: 'An adjusted margin of 40 % pays target; 44 % or more pays 200 %.',
    },
    {
      component: 'cx_index',
      label: 'CX index',
      metric: 'cx_index',
      direction: 'higher',
      current: '92.6',
      currentPayout: '92.6',
      neededForTarget: '100',
      bestPayout: '200',
      note: 'A CX index of 100 pays target; below 50 the CX gate holds quota and margin at 100 %.',
    },
  ],
  inquiries: [],
};

const summaryOf = (statement: Statement): StatementSummary => ({
  id: statement.id,
  period: statement.period,
  status: statement.status,
  participant: statement.participant,
  orgUnit: statement.orgUnit,
  plan: statement.plan,
  version: statement.version,
  totalPayout: statement.totalPayout,
  periodTarget: statement.periodTarget,
  amount: statement.amount,
  payable: statement.payable,
  currency: statement.currency,
  openInquiries: statement.openInquiries,
  computedAt: statement.computedAt,
});

export const STATEMENT_SUMMARY: StatementSummary = summaryOf(STATEMENT);

/** Closed by HR, not released yet: the executive sees it "in review". */
export const CLOSED_SUMMARY: StatementSummary = {
  ...STATEMENT_SUMMARY,
  id: 'st-fy26-q4',
  period: 'FY2026-Q4',
  status: 'CLOSED',
  totalPayout: '91.4',
  periodTarget: '15123.2876712328767123288',
  amount: '13822.68',
  payable: '13822.68',
  openInquiries: 0,
  computedAt: '2026-10-05T07:30:00.000Z',
};

export const EARLIER_SUMMARY: StatementSummary = {
  ...STATEMENT_SUMMARY,
  id: 'st-fy26-q2',
  period: 'FY2026-Q2',
  status: 'RELEASED',
  totalPayout: '76.2',
  periodTarget: '14794.5205479452054794521',
  amount: '11273.42',
  payable: '11273.42',
  openInquiries: 0,
  computedAt: '2026-04-06T07:30:00.000Z',
};

const versionSummary = (
  id: string,
  number: number,
  effectiveFrom: string,
  updatedAt: string,
): PlanVersionSummary => ({
  id,
  planId: PLAN.id,
  planName: PLAN.name,
  number,
  status: 'PUBLISHED',
  effectiveFrom,
  author: HR,
  updatedAt,
  participantCount: 6,
});

export const PARTICIPATION_FY2027: MyParticipation = {
  plan: PLAN,
  version: versionSummary('ver-sales-2', 2, 'FY2027-Q1', '2026-09-24T15:00:00.000Z'),
  orgUnit: SALES,
  annualTargetBonus: '60000.00',
  startDate: '2025-10-01',
  endDate: null,
  acknowledgedAt: null,
};

export const PARTICIPATION_FY2026: MyParticipation = {
  plan: PLAN,
  version: versionSummary('ver-sales-1', 1, 'FY2026-Q1', '2025-09-18T11:00:00.000Z'),
  orgUnit: SALES,
  annualTargetBonus: '60000.00',
  startDate: '2025-10-01',
  endDate: null,
  acknowledgedAt: '2025-10-02T09:12:00.000Z',
};

export const MY_INCENTIVE: MyIncentive = {
  participations: [PARTICIPATION_FY2027, PARTICIPATION_FY2026],
  current: PROJECTION,
  history: [CLOSED_SUMMARY, STATEMENT_SUMMARY, EARLIER_SUMMARY],
  currency: 'EUR',
};

/** Someone signed in who takes part in no plan. */
export const NO_INCENTIVE: MyIncentive = {
  participations: [],
  current: null,
  history: [],
  currency: 'EUR',
};
