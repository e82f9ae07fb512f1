import type {
  CompanyScorecard,
  CxIndexResult,
  MetricDefinition,
  ScorecardCell,
  ScorecardColumn,
  ScorecardRow,
  Status,
  UnitScorecard,
} from '@lodestar/contracts';

/** Test data shaped like the demo's FY2025-Q4: Sales beats quota while NPS falls behind delivery delays. */

const QUARTERS = [
  'FY2024-Q1',
  'FY2024-Q2',
  'FY2024-Q3',
  'FY2024-Q4',
  'FY2025-Q1',
  'FY2025-Q2',
  'FY2025-Q3',
  'FY2025-Q4',
];

export function cell(
  metric: string,
  actual: number | null,
  band: [number, number, number] | null,
  extra: Partial<ScorecardCell> = {},
): ScorecardCell {
  const trendValues =
    extra.trend ??
    QUARTERS.map((period, index) => ({
      period,
      actual: actual === null ? null : index < 4 ? null : actual + (4 - (index - 4)) * 2,
    }));
  return {
    metric,
    actual,
    threshold: band?.[0] ?? null,
    target: band?.[1] ?? null,
    stretch: band?.[2] ?? null,
    score: null,
    attainment: null,
    status: null,
    n: null,
    marginOfError: null,
    insufficientSample: false,
    withinMarginOfTarget: false,
    adjusted: null,
    ...extra,
    trend: trendValues.map((point, index) =>
      index === trendValues.length - 1 ? { ...point, actual } : point,
    ),
  };
}

export function index(
  value: number | null,
  status: Status | null,
  note: string | null = null,
): ScorecardRow['cxIndex'] {
  const result: CxIndexResult = {
    value,
    weightUsed: value === null ? 0 : 100,
    insufficient: value === null,
    components: [],
    note,
  };
  return { ...result, status };
}

export const CX_COLUMNS: ScorecardColumn[] = [
  { metric: 'nps', name: 'Net Promoter Score', unit: 'score', direction: 'higher' },
  { metric: 'csat', name: 'Customer satisfaction (top-2-box)', unit: 'percent', direction: 'higher' },
  { metric: 'on_time_delivery', name: 'On-time delivery', unit: 'percent', direction: 'higher' },
  { metric: 'escalations', name: 'Escalations', unit: 'count', direction: 'lower' },
];

export const DEFINITIONS: MetricDefinition[] = [
  ['nps', 'Net Promoter Score', 'CX', 'score', 'higher', 'response_weighted', 'nps'],
  ['csat', 'Customer satisfaction (top-2-box)', 'CX', 'percent', 'higher', 'response_weighted', 'csat'],
  ['on_time_delivery', 'On-time delivery', 'CX', 'percent', 'higher', 'ratio', null],
  ['escalations', 'Escalations', 'CX', 'count', 'lower', 'sum', null],
  ['quota_attainment', 'Quota attainment', 'COMMERCIAL', 'percent', 'higher', 'ratio', null],
  ['revenue', 'Revenue', 'COMMERCIAL', 'currency', 'higher', 'sum', null],
  ['gross_margin', 'Gross margin', 'COMMERCIAL', 'percent', 'higher', 'ratio', null],
  [
    'budget_attainment',
    'Budget attainment (spend ÷ budget)',
    'COMMERCIAL',
    'percent',
    'lower',
    'ratio',
    null,
  ],
].map(([key, name, category, unit, direction, aggregation, survey]) => ({
  key,
  name,
  description: null,
  category,
  unit,
  direction,
  aggregation,
  survey,
  builtIn: true,
})) as MetricDefinition[];

const survey = (n: number, margin: number, insufficient = false) => ({
  n,
  marginOfError: margin,
  insufficientSample: insufficient,
});

export const COMPANY_ROW: ScorecardRow = {
  orgUnit: 'company',
  name: 'Helix Semiconductor Equipment',
  type: 'COMPANY',
  leader: { id: 'ceo', name: 'Claire Evans' },
  headcount: 240,
  primary: cell('revenue', 152_345_000, [132_500_000, 140_000_000, 150_000_000], {
    score: 160,
    status: 'green',
  }),
  margin: cell('gross_margin', 46.24, [44, 46, 48], { score: 106, status: 'green' }),
  cx: [
    cell('nps', 18.4, [25, 35, 45], { ...survey(2412, 3.9), score: 0, status: 'red' }),
    cell('csat', 53.1, [45, 55, 65], {
      ...survey(2380, 2.0),
      score: 90,
      status: 'amber',
      withinMarginOfTarget: true,
    }),
    cell('on_time_delivery', 71.3, [85, 90, 95], { score: 0, status: 'red' }),
    cell('escalations', 41, [30, 25, 20], { score: 0, status: 'red' }),
  ],
  cxIndex: index(38, 'red', 'Escalations left out (no target); weights renormalised over 80 %.'),
};

export const SALES_ROW: ScorecardRow = {
  orgUnit: 'sales',
  name: 'Sales',
  type: 'FUNCTION',
  leader: { id: 'vp-sales', name: 'Sam Ortega' },
  headcount: 48,
  primary: cell('quota_attainment', 112.44, [90, 100, 120], { score: 131, status: 'green' }),
  margin: cell('gross_margin', 44.5, [42, 44, 46], { score: 112, status: 'green' }),
  cx: [
    cell('nps', 21.6, [25, 35, 45], { ...survey(820, 6.1), score: 33, status: 'red' }),
    cell('csat', 57.2, [50, 58, 66], {
      ...survey(790, 3.4),
      score: 95,
      status: 'amber',
      withinMarginOfTarget: true,
    }),
  ],
  cxIndex: index(62, 'amber'),
};

export const OPERATIONS_ROW: ScorecardRow = {
  orgUnit: 'operations',
  name: 'Operations',
  type: 'FUNCTION',
  leader: { id: 'vp-ops', name: 'Olu Adeyemi' },
  headcount: 64,
  primary: cell('budget_attainment', 104.2, [103, 100, 97], { score: 43, status: 'red' }),
  margin: null,
  cx: [
    cell('nps', 9.2, [15, 25, 35], { ...survey(410, 8.8), score: 21, status: 'red' }),
    cell('on_time_delivery', 70.1, [85, 90, 95], { score: 0, status: 'red' }),
  ],
  cxIndex: index(24, 'red'),
};

export const FINANCE_ROW: ScorecardRow = {
  orgUnit: 'finance',
  name: 'Finance',
  type: 'FUNCTION',
  leader: null,
  headcount: 12,
  primary: cell('budget_attainment', 97.5, [103, 100, 97], { score: 142, status: 'green' }),
  margin: null,
  cx: [cell('nps', 40, [30, 40, 50], { ...survey(12, 27.7, true), score: 100, status: 'green' })],
  cxIndex: index(null, null),
};

export const COMPANY_SCORECARD: CompanyScorecard = {
  period: 'FY2025-Q4',
  cxColumns: CX_COLUMNS,
  company: COMPANY_ROW,
  functions: [SALES_ROW, OPERATIONS_ROW, FINANCE_ROW],
};

export const OPERATIONS_SCORECARD: UnitScorecard = {
  period: 'FY2025-Q4',
  cxColumns: CX_COLUMNS,
  unit: OPERATIONS_ROW,
  children: [
    {
      ...OPERATIONS_ROW,
      orgUnit: 'logistics',
      name: 'Logistics',
      type: 'TEAM',
      headcount: 20,
      leader: null,
    },
  ],
  comments: [
    {
      id: 'c1',
      orgUnit: 'operations',
      period: 'FY2025-Q4',
      metric: null,
      author: { id: 'cx', name: 'Chloé Xavier' },
      body: 'Delivery delay is the top cause of detractors this quarter.',
      createdAt: '2025-10-07T14:10:00Z',
    },
  ],
  actionPlans: [
    {
      id: 'p1',
      orgUnit: 'operations',
      period: 'FY2025-Q4',
      metric: 'on_time_delivery',
      title: 'Second shift on final assembly; weekly delivery review with key accounts',
      owner: { id: 'aiko', name: 'Aiko Tanaka' },
      dueDate: '2025-12-19',
      status: 'open',
      createdAt: '2025-10-06T09:00:00Z',
      closedAt: null,
    },
  ],
  commentsRequired: ['on_time_delivery'],
  investments: [
    {
      id: 'inv-1',
      kind: 'cost',
      orgUnit: 'logistics',
      orgUnitName: 'Logistics & Delivery',
      period: '2025-08',
      amount: '18000.10',
      account: 'Intel Fab 42',
      reason: 'Expedited freight for a delayed scanner module',
      link: null,
      status: 'approved',
      proposedBy: { id: 'u-9', name: 'Tomasz Nowak' },
      proposedAt: '2025-08-04T09:00:00Z',
      decisions: [],
      needsSecondApproval: false,
    },
    {
      id: 'inv-2',
      kind: 'cost',
      orgUnit: 'operations',
      orgUnitName: 'Operations',
      period: '2025-09',
      amount: '4500.20',
      account: null,
      reason: 'Weekend shift to catch up on late deliveries',
      link: null,
      status: 'approved',
      proposedBy: { id: 'u-9', name: 'Tomasz Nowak' },
      proposedAt: '2025-09-04T09:00:00Z',
      decisions: [],
      needsSecondApproval: false,
    },
    {
      id: 'inv-3',
      kind: 'quota_relief',
      orgUnit: 'operations',
      orgUnitName: 'Operations',
      period: '2025-09',
      amount: '90000.00',
      account: null,
      reason: 'Still waiting for the CX lead',
      link: null,
      status: 'proposed',
      proposedBy: { id: 'u-9', name: 'Tomasz Nowak' },
      proposedAt: '2025-09-05T09:00:00Z',
      decisions: [],
      needsSecondApproval: true,
    },
  ],
};
