import type { CxInvestmentKind, CxInvestmentStatus } from '@lodestar/contracts';
import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';

/**
 * The demo's CX investments, all in FY2026 (October 2025 to September 2026), after the delivery
 * crisis of FY2025: the company pays for four extra field engineers dedicated to the key
 * accounts' fabs every month, plus a few concessions to accounts hurt by late tools (costs of
 * Sales' Key Accounts and of Service's Field Service, added back in the adjusted margin), and
 * gives Sales quota relief for two deals delayed or reshaped at the customer's request. One
 * relief is rejected (the delay was the customer's budget freeze, not a choice made for them),
 * one cost awaits the approver's second approval and one has just been proposed.
 *
 * Everyone proposing works in the unit or leads it; the CX lead decides first and, above the
 * default threshold of 25,000, the approver second — neither of them leads a unit the
 * investments adjust. Key Accounts has its own cap for FY2026's quarters, big enough for a
 * delayed scanner; the other units keep the default cap.
 */
export interface DemoDecision {
  by: string;
  role: 'CX_LEAD' | 'APPROVER';
  approve: boolean;
  reason: string | null;
  at: string;
}

export interface DemoInvestment {
  kind: CxInvestmentKind;
  unit: string;
  month: string;
  amount: string;
  account: string | null;
  reason: string;
  link: string | null;
  status: CxInvestmentStatus;
  proposedBy: string;
  proposedAt: string;
  decisions: DemoDecision[];
}

/** The caps of units that do not use the default, per fiscal quarter. */
export const DEMO_INVESTMENT_CAPS: { unit: string; quarter: string; cap: string }[] = [
  'FY2026-Q1',
  'FY2026-Q2',
  'FY2026-Q3',
  'FY2026-Q4',
].map((quarter) => ({ unit: 'key-accounts', quarter, cap: '4500000.00' }));

const CX_LEAD = 'cx@example.com';
const APPROVER = 'approver@example.com';

/** The CX lead's approval two days after the proposal and the approver's five days after it. */
function approvedTwice(proposedAt: string): DemoDecision[] {
  return [
    { by: CX_LEAD, role: 'CX_LEAD', approve: true, reason: null, at: later(proposedAt, 2, 14) },
    { by: APPROVER, role: 'APPROVER', approve: true, reason: null, at: later(proposedAt, 5, 10) },
  ];
}

/** The same instant `days` later, at `hour` o'clock UTC. */
function later(at: string, days: number, hour: number): string {
  const when = new Date(at);
  when.setUTCDate(when.getUTCDate() + days);
  when.setUTCHours(hour, 0, 0, 0);
  return when.toISOString();
}

const FIELD_ENGINEER_MONTHS = [
  '2025-10',
  '2025-11',
  '2025-12',
  '2026-01',
  '2026-02',
  '2026-03',
  '2026-04',
  '2026-05',
  '2026-06',
  '2026-07',
  '2026-08',
  '2026-09',
];

export const DEMO_INVESTMENTS: DemoInvestment[] = [
  ...FIELD_ENGINEER_MONTHS.map((month): DemoInvestment => {
    const proposedAt = `${month}-02T09:00:00.000Z`;
    return {
      kind: 'cost',
      unit: 'key-accounts',
      month,
      amount: '240000.00',
      account: null,
      reason:
        'Four extra field engineers dedicated to the key accounts’ fabs, so that tools delivered late are installed, ' +
        'qualified and repaired without waiting in the regional queue.',
      link: 'ESC-2025-0142',
      status: 'approved',
      proposedBy: 'lena.fischer@example.com',
      proposedAt,
      decisions: approvedTwice(proposedAt),
    };
  }),
  {
    kind: 'cost',
    unit: 'key-accounts',
    month: '2025-11',
    amount: '210000.00',
    account: 'Taiwan Foundry Co.',
    reason:
      'A loaner wafer stage and a free requalification after the delivery of their third scanner slipped by six weeks.',
    link: 'ESC-2025-0187',
    status: 'approved',
    proposedBy: 'noah.berger@example.com',
    proposedAt: '2025-11-10T08:30:00.000Z',
    decisions: approvedTwice('2025-11-10T08:30:00.000Z'),
  },
  {
    kind: 'cost',
    unit: 'field-service',
    month: '2025-11',
    amount: '95000.00',
    account: 'Samsung Device Solutions',
    reason:
      'Weekend field-service coverage during the ramp-up of two tools that arrived late, at the fab’s request.',
    link: 'demo-2025-10-field-service-17',
    status: 'approved',
    proposedBy: 'ines.costa@example.com',
    proposedAt: '2025-11-04T07:45:00.000Z',
    decisions: approvedTwice('2025-11-04T07:45:00.000Z'),
  },
  {
    kind: 'quota_relief',
    unit: 'key-accounts',
    month: '2025-12',
    amount: '3200000.00',
    account: 'Intel Fab 42',
    reason:
      'The customer asked to move the acceptance of the second scanner to January while their cleanroom was finished; ' +
      'we agreed rather than push the booking into December.',
    link: 'ESC-2025-0203',
    status: 'approved',
    proposedBy: 'lena.fischer@example.com',
    proposedAt: '2025-12-12T10:00:00.000Z',
    decisions: approvedTwice('2025-12-12T10:00:00.000Z'),
  },
  {
    kind: 'cost',
    unit: 'field-service',
    month: '2026-02',
    amount: '120000.00',
    account: 'Micron Boise',
    reason:
      'A resident field engineer for eight weeks after repeat stage faults, until the root cause was fixed in the factory.',
    link: 'ESC-2026-0021',
    status: 'approved',
    proposedBy: 'ines.costa@example.com',
    proposedAt: '2026-02-03T08:00:00.000Z',
    decisions: approvedTwice('2026-02-03T08:00:00.000Z'),
  },
  {
    kind: 'cost',
    unit: 'key-accounts',
    month: '2026-02',
    amount: '64500.50',
    account: 'Samsung Device Solutions',
    reason:
      'Extended warranty on two projection modules after repeat field issues, offered before the customer asked.',
    link: 'demo-2026-01-key-accounts-41',
    status: 'approved',
    proposedBy: 'noah.berger@example.com',
    proposedAt: '2026-02-16T13:20:00.000Z',
    decisions: approvedTwice('2026-02-16T13:20:00.000Z'),
  },
  {
    kind: 'quota_relief',
    unit: 'key-accounts',
    month: '2026-03',
    amount: '2450000.00',
    account: 'SK hynix Icheon',
    reason:
      'The order was reshaped into two phases at the customer’s request, so the first tool could qualify before the second ships.',
    link: 'ESC-2026-0064',
    status: 'approved',
    proposedBy: 'noah.berger@example.com',
    proposedAt: '2026-03-18T09:15:00.000Z',
    decisions: approvedTwice('2026-03-18T09:15:00.000Z'),
  },
  {
    kind: 'quota_relief',
    unit: 'regional-sales',
    month: '2026-03',
    amount: '1800000.00',
    account: 'Texas Instruments RFAB',
    reason:
      'The customer postponed the purchase order to their next fiscal year, so the booking moved out of our quarter.',
    link: null,
    status: 'rejected',
    proposedBy: 'omar.haddad@example.com',
    proposedAt: '2026-03-24T11:00:00.000Z',
    decisions: [
      {
        by: CX_LEAD,
        role: 'CX_LEAD',
        approve: false,
        reason:
          'The delay came from the customer’s budget freeze, not from a choice we made for them: quota relief is for deals ' +
          'delayed or reshaped for the customer’s sake.',
        at: '2026-03-26T15:30:00.000Z',
      },
    ],
  },
  {
    kind: 'cost',
    unit: 'key-accounts',
    month: '2026-09',
    amount: '150000.00',
    account: 'GlobalFoundries Dresden',
    reason:
      'A resident applications engineer for the customer’s node transition, so the new process qualifies on our tools first time.',
    link: 'demo-2026-08-key-accounts-12',
    status: 'awaiting_second_approval',
    proposedBy: 'noah.berger@example.com',
    proposedAt: '2026-09-07T08:40:00.000Z',
    decisions: [
      { by: CX_LEAD, role: 'CX_LEAD', approve: true, reason: null, at: '2026-09-09T14:00:00.000Z' },
    ],
  },
  {
    kind: 'cost',
    unit: 'field-service',
    month: '2026-09',
    amount: '38000.00',
    account: 'Infineon Villach',
    reason:
      'A spare-parts kit staged at the customer’s site, so a stage fault is fixed the same day instead of in three.',
    link: 'demo-2026-08-field-service-5',
    status: 'proposed',
    proposedBy: 'mei.chen@example.com',
    proposedAt: '2026-09-21T10:10:00.000Z',
    decisions: [],
  },
];

/** A fixed id per demo investment (a name-based UUID), so the demo reads the same on every start. */
export function demoInvestmentId(index: number): string {
  const hex = createHash('sha1').update(`lodestar demo cx investment ${index}`).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Writes the demo's CX investments, their decisions and caps, one multi-row INSERT each; returns how many investments. */
export async function seedDemoInvestments(
  manager: EntityManager,
  unitIds: ReadonlyMap<string, string>,
  userIds: ReadonlyMap<string, string>,
): Promise<number> {
  const unit = (key: string) => required(unitIds, key, 'unit');
  const user = (email: string) => required(userIds, email, 'user');
  const ids = DEMO_INVESTMENTS.map((_, index) => demoInvestmentId(index));
  const items = DEMO_INVESTMENTS;
  await manager.query(
    `INSERT INTO cx_investments (id, kind, org_unit_id, month, amount, account, reason, link, status, proposed_by, proposed_at)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[], $5::numeric[], $6::text[], $7::text[], $8::text[], $9::text[], $10::uuid[], $11::timestamptz[])`,
    [
      ids,
      items.map((item) => item.kind),
      items.map((item) => unit(item.unit)),
      items.map((item) => item.month),
      items.map((item) => item.amount),
      items.map((item) => item.account),
      items.map((item) => item.reason),
      items.map((item) => item.link),
      items.map((item) => item.status),
      items.map((item) => user(item.proposedBy)),
      items.map((item) => item.proposedAt),
    ],
  );
  const decisions = items.flatMap((item, index) =>
    item.decisions.map((decision) => ({ id: ids[index], ...decision })),
  );
  await manager.query(
    `INSERT INTO cx_investment_decisions (investment_id, decided_by, role, approve, reason, decided_at)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::boolean[], $5::text[], $6::timestamptz[])`,
    [
      decisions.map((decision) => decision.id),
      decisions.map((decision) => user(decision.by)),
      decisions.map((decision) => decision.role),
      decisions.map((decision) => decision.approve),
      decisions.map((decision) => decision.reason),
      decisions.map((decision) => decision.at),
    ],
  );
  await manager.query(
    `INSERT INTO cx_investment_caps (org_unit_id, quarter, cap, updated_by)
     SELECT k.org_unit_id, k.quarter, k.cap, $4::uuid FROM unnest($1::uuid[], $2::text[], $3::numeric[]) AS k(org_unit_id, quarter, cap)`,
    [
      DEMO_INVESTMENT_CAPS.map((cap) => unit(cap.unit)),
      DEMO_INVESTMENT_CAPS.map((cap) => cap.quarter),
      DEMO_INVESTMENT_CAPS.map((cap) => cap.cap),
      user(CX_LEAD),
    ],
  );
  return items.length;
}

function required(ids: ReadonlyMap<string, string>, key: string, what: string): string {
  const id = ids.get(key);
  if (!id)
    throw new Error(
      `The demo CX investments name the ${what} "${key}", which the demo company does not have.`,
    );
  return id;
}
