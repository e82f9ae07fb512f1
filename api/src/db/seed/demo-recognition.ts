import { monthsOf, type NominationCategory, type NominationStatus } from '@lodestar/contracts';
import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { DEMO_FISCAL_CALENDAR, DEMO_UNITS, DEMO_USERS } from './demo-company';

/**
 * The demo's recognition programme, FY2025-Q1 to FY2027-Q1: 36 nominations a quarter for eight
 * quarters, 30 of them awarded Bronze or Silver by the reviewer and 6 rejected, and 12 sent in
 * FY2027-Q1 that still wait in the review queue. The share of PREVENTION among the awards rises
 * every quarter, from 17 % to 57 %: the culture shift from rescues to prevention. Omar Haddad
 * sends most of his nominations to Amara Obi, so the analytics have a concentration to flag.
 *
 * Every nomination keeps the rules: nobody nominates themselves or a team they belong to, at most
 * 5 per nominator and 2 per nominator and nominee in a quarter; the reviewer (Quality) decides
 * none for a unit she belongs to, above or below it, so those units are never nominated. Field
 * Service and Key Accounts have their own budgets, part used; the others keep the default.
 */
export interface DemoNomination {
  nominator: string;
  nominee: { kind: 'PERSON'; email: string } | { kind: 'TEAM'; unit: string };
  /** The team, or the person's unit. */
  unit: string;
  category: NominationCategory;
  tags: string[];
  story: string;
  account: string | null;
  quarter: string;
  status: NominationStatus;
  tier: 'BRONZE' | 'SILVER' | null;
  points: number | null;
  reason: string | null;
  submittedAt: string;
  decidedAt: string | null;
}

export const DEMO_REVIEWER = 'reviewer@example.com';
export const DEMO_RECOGNITION_QUARTERS = [
  'FY2025-Q1',
  'FY2025-Q2',
  'FY2025-Q3',
  'FY2025-Q4',
  'FY2026-Q1',
  'FY2026-Q2',
  'FY2026-Q3',
  'FY2026-Q4',
];
export const DEMO_PENDING_QUARTER = 'FY2027-Q1';
const AWARDS_PER_QUARTER = 30;
const REJECTED_PER_QUARTER = 6;
const PENDING = 12;
const TIER_POINTS = { BRONZE: 100, SILVER: 250 } as const;

/** Units with their own budget in every demo quarter (the rest use the default of 5,000). */
export const DEMO_RECOGNITION_BUDGETS: { unit: string; quarter: string; points: number }[] = [
  ...DEMO_RECOGNITION_QUARTERS,
  DEMO_PENDING_QUARTER,
].flatMap((quarter) => [
  { unit: 'field-service', quarter, points: 2500 },
  { unit: 'key-accounts', quarter, points: 1500 },
]);

const STORIES: Record<NominationCategory, string[]> = {
  PREVENTION: [
    'Noticed the vacuum readings drifting on a scanner at the customer’s fab and swapped the pump in a planned stop, before it could halt their line.',
    'Added a check to the shipping plan that caught a missing calibration kit before the tool left the factory.',
    'Spotted in the VoC comments that install dates were slipping for three accounts and rebooked the crews before anyone complained.',
    'Ran a failure-mode review with the customer on the new stage module and fixed two weak points before volume ramp.',
    'Set up a weekly call with the fab’s maintenance lead so wear parts are replaced ahead of failure.',
  ],
  RECOVERY: [
    'Flew out over the weekend when the customer’s scanner went down and had it back in production within 30 hours.',
    'Took the escalation personally, kept the customer updated twice a day and got the replacement module delivered in four days.',
    'Found a loaner wafer stage in another region and had it installed while the customer’s own was repaired.',
    'Turned a furious call about a late delivery into a recovery plan the customer signed off the same week.',
  ],
  COLLABORATION: [
    'Brought service, logistics and engineering into one room to cut the time from order to qualified tool.',
    'Worked with Sales and Finance to reshape a deal around the customer’s cleanroom schedule.',
    'Shared the root cause of a field issue with the product line, which changed the design for every customer.',
    'Paired with the customer’s engineers for a month to qualify the new process recipe together.',
  ],
};
const ACCOUNTS = [
  'Taiwan Foundry Co.',
  'Samsung Device Solutions',
  'Intel Fab 42',
  'Micron Boise',
  'SK hynix Icheon',
  null,
];
const TAGS = ['customer-first', 'ownership', 'one-team', 'right-first-time', 'speak-up'];
const REJECTIONS = [
  'A good piece of everyday work; please say what changed for the customer.',
  'The same work was already recognised this quarter.',
  'Please add what the customer noticed, or what they were spared.',
];

/** A small deterministic random generator (mulberry32). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const unitByKey = new Map(DEMO_UNITS.map((unit) => [unit.key, unit]));
const userByEmail = new Map(DEMO_USERS.map((user) => [user.email, user]));

/** The unit and every unit above it, nearest first. */
export function unitsUpFrom(key: string): string[] {
  const chain: string[] = [];
  for (let at = unitByKey.get(key); at; at = at.parent ? unitByKey.get(at.parent) : undefined)
    chain.push(at.key);
  return chain;
}

/** Whether two units lie on one line of the tree: the same, or one above the other. */
export function onOneLine(a: string, b: string): boolean {
  return unitsUpFrom(a).includes(b) || unitsUpFrom(b).includes(a);
}

/** The units a person belongs to in the sense of the rules: their own and the ones they lead. */
export function anchorsOf(email: string): string[] {
  const own = userByEmail.get(email)?.unit;
  const led = DEMO_UNITS.filter((unit) => unit.leader === email).map((unit) => unit.key);
  return [...new Set([...(own ? [own] : []), ...led])];
}

const REVIEWER_ANCHORS = anchorsOf(DEMO_REVIEWER);
/** Units the reviewer may decide for. */
const DECIDABLE_UNITS = DEMO_UNITS.map((unit) => unit.key).filter(
  (key) => !REVIEWER_ANCHORS.some((anchor) => onOneLine(anchor, key)),
);
const NOMINATORS = DEMO_USERS.map((user) => user.email).filter((email) => email !== DEMO_REVIEWER);
const PEOPLE = DEMO_USERS.filter((user) => DECIDABLE_UNITS.includes(user.unit)).map((user) => user.email);
/** Teams: units of type TEAM, PRODUCT_LINE or REGION the reviewer may decide for. */
const TEAMS = DEMO_UNITS.filter((unit) => unit.type !== 'COMPANY' && unit.type !== 'FUNCTION')
  .map((unit) => unit.key)
  .filter((key) => DECIDABLE_UNITS.includes(key));

function at(month: string, day: number, hour: number): string {
  return `${month}-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00.000Z`;
}

function later(iso: string, days: number): string {
  const when = new Date(iso);
  when.setUTCDate(when.getUTCDate() + days);
  return when.toISOString();
}

/** The demo's nominations, the same on every call. */
export function generateDemoNominations(): DemoNomination[] {
  const next = random(20250101);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  const nominations: DemoNomination[] = [];
  const quarters = [...DEMO_RECOGNITION_QUARTERS, DEMO_PENDING_QUARTER];
  quarters.forEach((quarter, index) => {
    const pending = quarter === DEMO_PENDING_QUARTER;
    const months = monthsOf(quarter, DEMO_FISCAL_CALENDAR.startMonth);
    const sent = new Map<string, number>();
    const toNominee = new Map<string, number>();
    const used = new Map<string, number>();
    // the categories of the quarter: a rising number of PREVENTION among the awards
    const prevention = Math.round(AWARDS_PER_QUARTER * (0.15 + 0.06 * index));
    const plan: { status: NominationStatus; category: NominationCategory }[] = pending
      ? Array.from({ length: PENDING }, (_, i) => ({
          status: 'PENDING' as const,
          category: (['PREVENTION', 'RECOVERY', 'COLLABORATION'] as const)[i % 3],
        }))
      : [
          ...Array.from({ length: AWARDS_PER_QUARTER }, (_, i) => ({
            status: 'AWARDED' as const,
            category:
              i < prevention
                ? ('PREVENTION' as const)
                : i % 2
                  ? ('RECOVERY' as const)
                  : ('COLLABORATION' as const),
          })),
          ...Array.from({ length: REJECTED_PER_QUARTER }, (_, i) => ({
            status: 'REJECTED' as const,
            category: (['RECOVERY', 'COLLABORATION', 'PREVENTION'] as const)[i % 3],
          })),
        ];
    // Omar's habit: both of his allowed nominations of Amara every quarter
    const fixed: { nominator: string; nominee: DemoNomination['nominee'] }[] = [
      { nominator: 'omar.haddad@example.com', nominee: { kind: 'PERSON', email: 'amara.obi@example.com' } },
      { nominator: 'omar.haddad@example.com', nominee: { kind: 'PERSON', email: 'amara.obi@example.com' } },
    ];
    plan.forEach((slot, slotIndex) => {
      let chosen: { nominator: string; nominee: DemoNomination['nominee']; unit: string } | null = null;
      const preset = fixed[slotIndex];
      for (let attempt = 0; attempt < 200 && !chosen; attempt++) {
        const nominator = preset?.nominator ?? pick(NOMINATORS);
        const nominee: DemoNomination['nominee'] =
          preset?.nominee ??
          (next() < 0.7 ? { kind: 'PERSON', email: pick(PEOPLE) } : { kind: 'TEAM', unit: pick(TEAMS) });
        const unit = nominee.kind === 'PERSON' ? (userByEmail.get(nominee.email)?.unit ?? '') : nominee.unit;
        const nomineeKey = nominee.kind === 'PERSON' ? nominee.email : `team ${nominee.unit}`;
        if (nominee.kind === 'PERSON' && nominee.email === nominator) continue;
        if (nominee.kind === 'TEAM' && anchorsOf(nominator).some((anchor) => onOneLine(anchor, nominee.unit)))
          continue;
        if ((sent.get(nominator) ?? 0) >= 5 || (toNominee.get(`${nominator} ${nomineeKey}`) ?? 0) >= 2)
          continue;
        chosen = { nominator, nominee, unit };
        sent.set(nominator, (sent.get(nominator) ?? 0) + 1);
        toNominee.set(`${nominator} ${nomineeKey}`, (toNominee.get(`${nominator} ${nomineeKey}`) ?? 0) + 1);
      }
      if (!chosen) throw new Error(`No demo nomination fits the rules in ${quarter}.`);
      const month = pending ? months[Math.floor(next() * 2)] : pick(months);
      const submittedAt = at(
        month,
        1 + Math.floor(next() * (pending && month === months[1] ? 14 : 26)),
        8 + Math.floor(next() * 9),
      );
      let tier: DemoNomination['tier'] = null;
      if (slot.status === 'AWARDED') {
        tier = next() < 0.3 ? 'SILVER' : 'BRONZE';
        const budget =
          DEMO_RECOGNITION_BUDGETS.find((b) => b.unit === chosen.unit && b.quarter === quarter)?.points ??
          5000;
        if ((used.get(chosen.unit) ?? 0) + TIER_POINTS[tier] > budget) tier = 'BRONZE';
        used.set(chosen.unit, (used.get(chosen.unit) ?? 0) + TIER_POINTS[tier]);
      }
      const tags = TAGS.filter(() => next() < 0.3);
      nominations.push({
        nominator: chosen.nominator,
        nominee: chosen.nominee,
        unit: chosen.unit,
        category: slot.category,
        tags,
        story: pick(STORIES[slot.category]),
        account: pick(ACCOUNTS),
        quarter,
        status: slot.status,
        tier,
        points: tier ? TIER_POINTS[tier] : null,
        reason: slot.status === 'REJECTED' ? pick(REJECTIONS) : null,
        submittedAt,
        decidedAt: slot.status === 'PENDING' ? null : later(submittedAt, 2 + Math.floor(next() * 5)),
      });
    });
  });
  return nominations;
}

/** A fixed UUID (version 5 layout) for the demo's n-th nomination. */
export function demoNominationId(index: number): string {
  const hex = createHash('sha1').update(`lodestar demo nomination ${index}`).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Writes the demo's nominations, their tags and decisions and the units' own budgets; returns how many nominations. */
export async function seedDemoRecognition(
  manager: EntityManager,
  unitIds: ReadonlyMap<string, string>,
  userIds: ReadonlyMap<string, string>,
): Promise<number> {
  const unit = (key: string) => required(unitIds, key, 'unit');
  const user = (email: string) => required(userIds, email, 'user');
  const items = generateDemoNominations();
  const ids = items.map((_, index) => demoNominationId(index));
  await manager.query(
    `INSERT INTO nominations (id, nominated_by, nominee_kind, nominee_user_id, org_unit_id, category, story, account, quarter,
                              status, tier, points, submitted_at, awarded_at)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::uuid[], $5::uuid[], $6::text[], $7::text[], $8::text[],
                          $9::text[], $10::text[], $11::text[], $12::int[], $13::timestamptz[], $14::timestamptz[])`,
    [
      ids,
      items.map((item) => user(item.nominator)),
      items.map((item) => item.nominee.kind),
      items.map((item) => (item.nominee.kind === 'PERSON' ? user(item.nominee.email) : null)),
      items.map((item) => unit(item.unit)),
      items.map((item) => item.category),
      items.map((item) => item.story),
      items.map((item) => item.account),
      items.map((item) => item.quarter),
      items.map((item) => item.status),
      items.map((item) => item.tier),
      items.map((item) => item.points),
      items.map((item) => item.submittedAt),
      items.map((item) => (item.status === 'AWARDED' ? item.decidedAt : null)),
    ],
  );
  const tags = items.flatMap((item, index) => item.tags.map((tag) => ({ id: ids[index], tag })));
  await manager.query(
    'INSERT INTO nomination_tags (nomination_id, tag) SELECT * FROM unnest($1::uuid[], $2::text[])',
    [tags.map((tag) => tag.id), tags.map((tag) => tag.tag)],
  );
  const decided = items
    .map((item, index) => ({ item, id: ids[index] }))
    .filter(({ item }) => item.decidedAt !== null);
  await manager.query(
    `INSERT INTO nomination_decisions (nomination_id, decided_by, approve, tier, reason, decided_at)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::boolean[], $4::text[], $5::text[], $6::timestamptz[])`,
    [
      decided.map(({ id }) => id),
      decided.map(() => user(DEMO_REVIEWER)),
      decided.map(({ item }) => item.status === 'AWARDED'),
      decided.map(({ item }) => item.tier),
      decided.map(({ item }) => item.reason),
      decided.map(({ item }) => item.decidedAt),
    ],
  );
  await manager.query(
    'INSERT INTO recognition_budgets (org_unit_id, quarter, points) SELECT * FROM unnest($1::uuid[], $2::text[], $3::int[])',
    [
      DEMO_RECOGNITION_BUDGETS.map((budget) => unit(budget.unit)),
      DEMO_RECOGNITION_BUDGETS.map((budget) => budget.quarter),
      DEMO_RECOGNITION_BUDGETS.map((budget) => budget.points),
    ],
  );
  return items.length;
}

function required(map: ReadonlyMap<string, string>, key: string, what: string): string {
  const id = map.get(key);
  if (!id)
    throw new Error(`The demo recognition names the ${what} "${key}", which the demo company does not have.`);
  return id;
}
