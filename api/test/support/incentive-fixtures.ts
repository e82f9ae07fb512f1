import type { PlanParticipantInput, PlanRules, PlanVersion } from '@lodestar/contracts';
import { bearer, type TestApp } from './test-app';

const points = (...pairs: [string, string][]) => pairs.map(([value, payout]) => ({ value, payout }));

/**
 * A small plan on measured results of the demo (no survey answers needed): quota attainment of
 * the participant's own unit and the company's gross margin, each on its own curve.
 */
export const TEST_RULES: PlanRules = {
  components: [
    {
      key: 'quota',
      label: 'Quota attainment',
      metric: 'quota_attainment',
      scope: 'OWN_UNIT',
      weight: '60',
      curve: { source: 'POINTS', points: points(['90', '50'], ['100', '100'], ['120', '200']) },
      cap: null,
    },
    {
      key: 'margin',
      label: 'Company gross margin',
      metric: 'gross_margin',
      scope: 'COMPANY',
      weight: '40',
      curve: { source: 'POINTS', points: points(['40', '50'], ['45', '100'], ['50', '200']) },
      cap: null,
    },
  ],
  gates: [],
  multiplier: null,
  planCap: '200',
};

export const TEST_PARTICIPANTS: PlanParticipantInput[] = [
  { user: 'vp.sales@example.com', orgUnit: 'sales', annualTargetBonus: '120000.00', startDate: '2024-10-01' },
  {
    user: 'vp.marketing@example.com',
    orgUnit: 'marketing',
    annualTargetBonus: '80000.00',
    startDate: '2024-10-01',
  },
  // joins in the middle of FY2026's second quarter
  {
    user: 'vp.service@example.com',
    orgUnit: 'service',
    annualTargetBonus: '90000.00',
    startDate: '2026-02-16',
  },
];

export interface Caller {
  token: string;
}

/** Calls as a demo user, answering the parsed body and the response. */
export async function as(t: TestApp, email: string) {
  const token = await t.tokenFor(email);
  return {
    get: (url: string) => t.http.get(url).set(...bearer(token)),
    post: (url: string, body: object = {}) =>
      t.http
        .post(url)
        .set(...bearer(token))
        .send(body),
    put: (url: string, body: object, headers: Record<string, string> = {}) =>
      t.http
        .put(url)
        .set(...bearer(token))
        .set(headers)
        .send(body),
    patch: (url: string, body: object, headers: Record<string, string> = {}) =>
      t.http
        .patch(url)
        .set(...bearer(token))
        .set(headers)
        .send(body),
  };
}

/**
 * A plan through the plans API: a version with these rules and participants, submitted by HR,
 * approved by the approver (freezing its inputs) and, unless `publish` is false, published.
 */
export async function createPlan(
  t: TestApp,
  options: {
    key: string;
    effectiveFrom: string;
    rules?: PlanRules;
    participants?: PlanParticipantInput[];
    publish?: boolean;
    basedOn?: string;
    planId?: string;
  },
): Promise<{ planId: string; version: PlanVersion }> {
  const hr = await as(t, 'hr@example.com');
  const approver = await as(t, 'approver@example.com');
  let planId = options.planId;
  if (!planId) {
    const plan = await hr.post('/api/v1/plans', { key: options.key, name: `Plan ${options.key}` });
    if (plan.status !== 201)
      throw new Error(`POST /plans answered ${plan.status}: ${JSON.stringify(plan.body)}`);
    planId = plan.body.id as string;
  }
  const created = await hr.post(`/api/v1/plans/${planId}/versions`, {
    effectiveFrom: options.effectiveFrom,
    ...(options.basedOn ? { basedOn: options.basedOn } : {}),
  });
  if (created.status !== 201)
    throw new Error(`POST versions answered ${created.status}: ${JSON.stringify(created.body)}`);
  const id = created.body.id as string;
  let etag = created.headers['etag'] as string;
  const patched = await hr.patch(
    `/api/v1/plan-versions/${id}`,
    { rules: options.rules ?? TEST_RULES },
    { 'If-Match': etag },
  );
  if (patched.status !== 200)
    throw new Error(`PATCH answered ${patched.status}: ${JSON.stringify(patched.body)}`);
  etag = patched.headers['etag'] as string;
  if (!options.basedOn || options.participants) {
    const put = await hr.put(
      `/api/v1/plan-versions/${id}/participants`,
      { participants: options.participants ?? TEST_PARTICIPANTS },
      { 'If-Match': etag },
    );
    if (put.status !== 200)
      throw new Error(`PUT participants answered ${put.status}: ${JSON.stringify(put.body)}`);
  }
  if (options.publish === false) {
    const draft = await hr.get(`/api/v1/plan-versions/${id}`);
    return { planId, version: draft.body as PlanVersion };
  }
  for (const [who, step] of [
    [hr, 'submit'],
    [approver, 'approve'],
    [hr, 'publish'],
  ] as const) {
    const res = await who.post(`/api/v1/plan-versions/${id}/${step}`);
    if (res.status >= 300) throw new Error(`${step} answered ${res.status}: ${JSON.stringify(res.body)}`);
  }
  const published = await hr.get(`/api/v1/plan-versions/${id}`);
  return { planId, version: published.body as PlanVersion };
}

export async function userId(t: TestApp, email: string): Promise<string> {
  const [row] = await t.sql<{ id: string }>('SELECT id FROM users WHERE email = $1', [email]);
  return row.id;
}
