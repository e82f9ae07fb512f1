import type {
  IncentivePlan,
  PlanParticipantInput,
  PlanRules,
  PlanVersion,
  StatementSummary,
  Page,
} from '@lodestar/contracts';
import { PRIMARY_COMMERCIAL_METRIC } from '@lodestar/contracts';
import { generateDemoActuals } from './demo-actuals';
import { DEMO_PASSWORD } from './demo-company';

/**
 * The demo's incentive plan, loaded through the running server's own API on first start (so it
 * passes every rule a person's actions would: four eyes, freezing, period close):
 * - "Executive incentive plan" for the CEO and the nine function executives: CX index 30 % (own
 *   unit), company NPS 10 %, the executive's primary commercial result 40 % (adjusted quota
 *   attainment for Sales, pipeline for Marketing, renewal rate for Service, budget attainment for
 *   the cost centres, revenue for the CEO) and the company's adjusted margin 20 %, with a CX gate:
 *   while the own CX index is short of its threshold, the commercial result and margin pay at
 *   most 100 %. In FY2025 the gate binds on Sales: quota is beaten while NPS falls.
 * - Versions for FY2025, FY2026 and FY2027, each approved by the approver and published by HR;
 *   a draft for FY2027-Q2 that weighs CX more, submitted and waiting for approval.
 * - FY2025 and FY2026 closed and released quarter by quarter; afterwards a booking of September
 *   2026 is restated, so the open quarter carries a prior-period adjustment for Sales.
 * - Every executive but Sales has acknowledged this year's version; Sales has an open inquiry on
 *   its last statement, and Service an answered one.
 */
export const DEMO_PLAN_KEY = 'executive-plan';

const TARGET_CURVE = {
  source: 'TARGETS' as const,
  payouts: ['50', '100', '200'] as [string, string, string],
};

function rules(cxWeight: string, commercialWeight: string): PlanRules {
  return {
    components: [
      {
        key: 'cx_index',
        label: 'CX index',
        metric: 'cx_index',
        scope: 'OWN_UNIT',
        weight: cxWeight,
        curve: TARGET_CURVE,
        cap: null,
      },
      {
        key: 'nps',
        label: 'Company NPS',
        metric: 'nps',
        scope: 'COMPANY',
        weight: '10',
        curve: TARGET_CURVE,
        cap: null,
      },
      {
        key: 'commercial',
        label: 'Primary commercial result',
        metric: PRIMARY_COMMERCIAL_METRIC,
        scope: 'OWN_UNIT',
        weight: commercialWeight,
        curve: TARGET_CURVE,
        cap: null,
      },
      {
        key: 'margin',
        label: 'Company adjusted margin',
        metric: 'adjusted_margin',
        scope: 'COMPANY',
        weight: '20',
        curve: TARGET_CURVE,
        cap: null,
      },
    ],
    gates: [
      {
        key: 'cx_gate',
        label: 'CX gate',
        input: 'cx_index',
        level: null,
        components: ['commercial', 'margin'],
        maxPayout: '100',
      },
    ],
    multiplier: null,
    planCap: '200',
  };
}

const PARTICIPANTS: PlanParticipantInput[] = [
  { user: 'ceo@example.com', orgUnit: 'company', annualTargetBonus: '240000.00', startDate: '2024-10-01' },
  { user: 'vp.sales@example.com', orgUnit: 'sales', annualTargetBonus: '120000.00', startDate: '2024-10-01' },
  {
    user: 'vp.marketing@example.com',
    orgUnit: 'marketing',
    annualTargetBonus: '80000.00',
    startDate: '2024-10-01',
  },
  {
    user: 'vp.service@example.com',
    orgUnit: 'service',
    annualTargetBonus: '90000.00',
    startDate: '2024-10-01',
  },
  {
    user: 'vp.product@example.com',
    orgUnit: 'product',
    annualTargetBonus: '90000.00',
    startDate: '2024-10-01',
  },
  {
    user: 'vp.operations@example.com',
    orgUnit: 'operations',
    annualTargetBonus: '85000.00',
    startDate: '2024-10-01',
  },
  // joined in the middle of FY2025's second quarter: that quarter's target is prorated
  {
    user: 'vp.quality@example.com',
    orgUnit: 'quality',
    annualTargetBonus: '70000.00',
    startDate: '2025-02-17',
  },
  {
    user: 'vp.finance@example.com',
    orgUnit: 'finance',
    annualTargetBonus: '75000.00',
    startDate: '2024-10-01',
  },
  { user: 'vp.hr@example.com', orgUnit: 'hr', annualTargetBonus: '65000.00', startDate: '2024-10-01' },
  { user: 'vp.it@example.com', orgUnit: 'it', annualTargetBonus: '70000.00', startDate: '2024-10-01' },
];

const CLOSED_QUARTERS = ['FY2025', 'FY2026'].flatMap((year) => [1, 2, 3, 4].map((q) => `${year}-Q${q}`));

class DemoApi {
  private readonly tokens = new Map<string, string>();
  constructor(private readonly baseUrl: string) {}

  async as<T>(
    email: string,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    const token = await this.token(email);
    const res = await fetch(`${this.baseUrl}/api/v1${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok)
      throw new Error(`The demo plan could not be loaded: ${method} ${path} answered ${res.status} ${text}`);
    return { body: (text ? JSON.parse(text) : undefined) as T, etag: res.headers.get('etag') ?? '' };
  }

  private async token(email: string): Promise<string> {
    const known = this.tokens.get(email);
    if (known) return known;
    const res = await fetch(`${this.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, password: DEMO_PASSWORD }),
    });
    if (!res.ok)
      throw new Error(`The demo plan could not be loaded: ${email} could not sign in (${res.status}).`);
    const { accessToken } = (await res.json()) as { accessToken: string };
    this.tokens.set(email, accessToken);
    return accessToken;
  }

  async logoutAll(): Promise<void> {
    for (const token of this.tokens.values()) {
      await fetch(`${this.baseUrl}/api/v1/auth/logout`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}` },
      });
    }
  }
}

const HR = 'hr@example.com';
const APPROVER = 'approver@example.com';

/** A new version of the plan with these rules, based on the previous one, through its whole approval. */
async function version(
  api: DemoApi,
  planId: string,
  effectiveFrom: string,
  basedOn: string | null,
  versionRules: PlanRules,
  publish: boolean,
): Promise<PlanVersion> {
  let current = await api.as<PlanVersion>(HR, 'POST', `/plans/${planId}/versions`, {
    effectiveFrom,
    basedOn,
  });
  const id = current.body.id;
  current = await api.as<PlanVersion>(
    HR,
    'PATCH',
    `/plan-versions/${id}`,
    { rules: versionRules },
    { 'If-Match': current.etag },
  );
  if (!basedOn) {
    current = await api.as<PlanVersion>(
      HR,
      'PUT',
      `/plan-versions/${id}/participants`,
      { participants: PARTICIPANTS },
      { 'If-Match': current.etag },
    );
  }
  await api.as(HR, 'POST', `/plan-versions/${id}/submit`);
  if (!publish) return current.body;
  await api.as(APPROVER, 'POST', `/plan-versions/${id}/approve`);
  return (await api.as<PlanVersion>(HR, 'POST', `/plan-versions/${id}/publish`)).body;
}

async function statementOf(api: DemoApi, email: string, period: string): Promise<StatementSummary> {
  const { body } = await api.as<Page<StatementSummary>>(email, 'GET', `/statements?period=${period}`);
  const found = body.items[0];
  if (!found) throw new Error(`The demo plan could not be loaded: ${email} has no statement for ${period}.`);
  return found;
}

/** Loads the demo plan through the API at `baseUrl`; returns false when a plan with its key exists. */
export async function seedDemoIncentives(baseUrl: string): Promise<boolean> {
  const api = new DemoApi(baseUrl);
  try {
    const { body: plans } = await api.as<IncentivePlan[]>(HR, 'GET', '/plans');
    if (plans.some((plan) => plan.key === DEMO_PLAN_KEY)) return false;
    const { body: plan } = await api.as<IncentivePlan>(HR, 'POST', '/plans', {
      key: DEMO_PLAN_KEY,
      name: 'Executive incentive plan',
      description:
        'The CX component of the executives’ bonus: CX index and NPS beside each executive’s commercial result and the company’s margin, with a CX gate on the commercial part.',
    });
    const fy2025 = await version(api, plan.id, 'FY2025-Q1', null, rules('30', '40'), true);
    const fy2026 = await version(api, plan.id, 'FY2026-Q1', fy2025.id, rules('30', '40'), true);
    const fy2027 = await version(api, plan.id, 'FY2027-Q1', fy2026.id, rules('30', '40'), true);

    for (const period of CLOSED_QUARTERS) {
      await api.as(HR, 'POST', `/statement-periods/${period}/close`);
      await api.as(HR, 'POST', `/statement-periods/${period}/release`);
    }

    // A booking of September 2026 is restated after FY2026-Q4 was released: the open quarter
    // carries the difference as a prior-period adjustment, and the released statement stays.
    const september = generateDemoActuals().find(
      (row) => row.metric === 'quota_attainment' && row.unit === 'sales' && row.month === '2026-09',
    );
    if (september?.numerator && september.denominator) {
      await api.as('cx@example.com', 'POST', '/measurements', {
        measurements: [
          {
            metric: 'quota_attainment',
            orgUnit: 'sales',
            period: '2026-09',
            numerator: (Number(september.numerator) * 0.94).toFixed(2),
            denominator: september.denominator,
            reason:
              'A September order of the Rotterdam fab was cancelled by the customer and reversed from bookings.',
          },
        ],
      });
    }

    for (const { user } of PARTICIPANTS) {
      if (user !== 'vp.sales@example.com')
        await api.as(user, 'POST', `/plan-versions/${fy2027.id}/acknowledge`);
    }
    const salesQ4 = await statementOf(api, 'vp.sales@example.com', 'FY2026-Q4');
    await api.as('vp.sales@example.com', 'POST', `/statements/${salesQ4.id}/inquiries`, {
      reason: 'DATA_ERROR',
      text: 'The quota relief for the delayed Eindhoven tool (approved in August) does not seem to be in my adjusted quota attainment.',
    });
    const serviceQ3 = await statementOf(api, 'vp.service@example.com', 'FY2026-Q3');
    const inquiry = await api.as<{ id: string }>(
      'vp.service@example.com',
      'POST',
      `/statements/${serviceQ3.id}/inquiries`,
      {
        reason: 'CALCULATION',
        text: 'Why does the renewal rate pay below target when two renewals were signed in the last week of the quarter?',
      },
    );
    await api.as(HR, 'POST', `/inquiries/${inquiry.body.id}/answer`, {
      status: 'ANSWERED',
      response:
        'Both renewals were booked in the first week of FY2026-Q4, so they count in that quarter; the trace lists the months used.',
    });

    // Next: weigh the CX index more from FY2027-Q2, submitted and waiting for the approver.
    await version(api, plan.id, 'FY2027-Q2', fy2027.id, rules('35', '35'), false);
    return true;
  } finally {
    await api.logoutAll();
  }
}
