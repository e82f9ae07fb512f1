import type { MetricDefinition, OrgUnitNode, Target } from '@lodestar/contracts';

/** Metrics, units and targets of the demo company, as the targets page's specs use them. */
export const definition = (overrides: Partial<MetricDefinition>): MetricDefinition => ({
  key: 'nps',
  name: 'Net Promoter Score',
  description: null,
  category: 'CX',
  unit: 'score',
  direction: 'higher',
  aggregation: 'response_weighted',
  survey: 'nps',
  builtIn: true,
  ...overrides,
});

export const METRICS: MetricDefinition[] = [
  definition({}),
  definition({ key: 'csat', name: 'CSAT', unit: 'percent', survey: 'csat' }),
  definition({
    key: 'escalations',
    name: 'Escalations',
    unit: 'count',
    direction: 'lower',
    aggregation: 'sum',
    survey: null,
  }),
  definition({
    key: 'complaint_rate',
    name: 'Complaint rate',
    unit: 'count',
    direction: 'lower',
    aggregation: 'ratio',
    survey: null,
  }),
  definition({ key: 'cx_index', name: 'CX index', aggregation: 'mean', survey: null }),
  definition({
    key: 'revenue',
    name: 'Revenue',
    category: 'COMMERCIAL',
    unit: 'currency',
    aggregation: 'sum',
    survey: null,
  }),
];

export const target = (
  orgUnit: string,
  metric: string,
  period: string,
  [threshold, goal, stretch]: [string, string, string],
): Target => ({
  metric,
  orgUnit,
  period,
  threshold,
  target: goal,
  stretch,
  updatedBy: 'Chloé Xavier',
  updatedAt: '2026-11-20T09:00:00.000Z',
});

export const UNITS = [
  { key: 'company', name: 'Helix Lithography Systems', depth: 0 },
  { key: 'sales', name: 'Sales', depth: 1 },
  { key: 'service', name: 'Service', depth: 1 },
];

/** The org tree the API answers with: the company, Sales and Service. */
const node = (
  key: string,
  name: string,
  type: OrgUnitNode['type'],
  children: OrgUnitNode[] = [],
): OrgUnitNode => ({
  id: `id-${key}`,
  key,
  name,
  type,
  parentId: null,
  leader: null,
  headcount: 10,
  children,
});

export const TREE: OrgUnitNode[] = [
  node('company', 'Helix Lithography Systems', 'COMPANY', [
    node('sales', 'Sales', 'FUNCTION'),
    node('service', 'Service', 'FUNCTION'),
  ]),
];
