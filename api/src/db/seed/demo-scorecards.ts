import type { EntityManager } from 'typeorm';

/**
 * The demo's scorecard settings and conversation: each function's primary commercial metric and
 * margin (where its actuals are), a few comments, and the action plan on the red cell that
 * starts the recovery — Operations' on-time delivery in the last quarter of FY2025.
 */
export const DEMO_COMMERCIAL_METRICS: { unit: string; primary: string; margin: string | null }[] = [
  // the company's own figures in the demo actuals are revenue and gross margin
  { unit: 'company', primary: 'revenue', margin: 'gross_margin' },
  { unit: 'sales', primary: 'quota_attainment', margin: 'gross_margin' },
  { unit: 'marketing', primary: 'pipeline_attainment', margin: 'budget_attainment' },
  { unit: 'service', primary: 'renewal_rate', margin: 'budget_attainment' },
  // cost centres: budget attainment is what they answer for
  { unit: 'product', primary: 'budget_attainment', margin: null },
  { unit: 'operations', primary: 'budget_attainment', margin: null },
  { unit: 'quality', primary: 'budget_attainment', margin: null },
  { unit: 'finance', primary: 'budget_attainment', margin: null },
  { unit: 'hr', primary: 'budget_attainment', margin: null },
  { unit: 'it', primary: 'budget_attainment', margin: null },
];

export const DEMO_COMMENTS: {
  unit: string;
  period: string;
  metric: string | null;
  author: string;
  at: string;
  body: string;
}[] = [
  {
    unit: 'operations',
    period: 'FY2025-Q4',
    metric: 'on_time_delivery',
    author: 'vp.operations@example.com',
    at: '2025-10-06T08:30:00Z',
    body:
      'On-time delivery fell to about 70 % this quarter: final assembly ran out of capacity, and expedited freight only ' +
      'protected the key accounts. A second shift on final assembly starts in October, with a weekly delivery review with ' +
      'the key accounts until we are back above 90 %.',
  },
  {
    unit: 'operations',
    period: 'FY2025-Q4',
    metric: 'nps',
    author: 'cx@example.com',
    at: '2025-10-07T14:10:00Z',
    body:
      'Delivery delay is the top cause of detractors this quarter (see the Pareto), ahead of slow field service. ' +
      'The complaints come from the same accounts whose tools shipped late, so on-time delivery is the lever for NPS.',
  },
  {
    unit: 'service',
    period: 'FY2025-Q4',
    metric: 'nps',
    author: 'vp.service@example.com',
    at: '2025-10-08T09:00:00Z',
    body:
      'Extra field engineers for the key accounts from October. The cost is booked as a CX investment, so it is carved ' +
      'out of the margin the incentives are computed on.',
  },
];

export const DEMO_ACTION_PLAN = {
  unit: 'operations',
  period: 'FY2025-Q4',
  metric: 'on_time_delivery',
  title: 'Second shift on final assembly; weekly delivery review with key accounts',
  owner: 'aiko.tanaka@example.com',
  createdBy: 'vp.operations@example.com',
  createdAt: '2025-10-06T09:00:00Z',
  dueDate: '2025-12-19',
} as const;

/** Writes the demo's scorecard settings, comments and action plan; returns how many comments and plans. */
export async function seedDemoScorecards(
  manager: EntityManager,
  unitIds: ReadonlyMap<string, string>,
  userIds: ReadonlyMap<string, string>,
): Promise<{ comments: number; actionPlans: number }> {
  const unit = (key: string) => required(unitIds, key, 'unit');
  const user = (email: string) => required(userIds, email, 'user');
  for (const { unit: key, primary, margin } of DEMO_COMMERCIAL_METRICS) {
    await manager.query(
      'UPDATE org_units SET primary_metric_key = $2, margin_metric_key = $3 WHERE id = $1',
      [unit(key), primary, margin],
    );
  }
  for (const comment of DEMO_COMMENTS) {
    await manager.query(
      `INSERT INTO scorecard_comments (org_unit_id, period, metric_key, author_id, body, created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [unit(comment.unit), comment.period, comment.metric, user(comment.author), comment.body, comment.at],
    );
  }
  const plan = DEMO_ACTION_PLAN;
  await manager.query(
    `INSERT INTO action_plans (org_unit_id, period, metric_key, title, owner_id, due_date, status, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, 'open', $7, $8)`,
    [
      unit(plan.unit),
      plan.period,
      plan.metric,
      plan.title,
      user(plan.owner),
      plan.dueDate,
      user(plan.createdBy),
      plan.createdAt,
    ],
  );
  return { comments: DEMO_COMMENTS.length, actionPlans: 1 };
}

function required(ids: ReadonlyMap<string, string>, key: string, what: string): string {
  const id = ids.get(key);
  if (!id)
    throw new Error(`The demo scorecards name the ${what} "${key}", which the demo company does not have.`);
  return id;
}
