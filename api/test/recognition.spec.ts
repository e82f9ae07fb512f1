import type {
  FeedItem,
  InboxMessage,
  Leaderboard,
  Nomination,
  Page,
  QueuedNomination,
  RecognitionAnalytics,
  RecognitionBudget,
  RecognitionSettings,
} from '@lodestar/contracts';
import { bearer, createTestApp, TestApp } from './support/test-app';

/**
 * The recognition programme through the real app and PostgreSQL. Nominations sent through the API
 * fall in the company's current fiscal quarter; most are sent by people made for one test, so the
 * quarterly limits of one test do not reach into another. The leaderboard and the analytics read
 * awards written straight into FY2031, so their figures are known exactly.
 */
describe('recognition', () => {
  let t: TestApp;
  let reviewer: string;
  let cx: string;
  let admin: string;
  let noah: string;
  let ines: string;
  /** Someone in Key Accounts who sends nothing else: the demo's own nominations do not count against her limits. */
  let nadia: { id: string; token: string; email: string };
  let ids: Record<string, string>;
  let quarter: string;

  const send = (body: object, token: string, key?: string) => {
    const call = t.http.post('/api/v1/nominations').set(...bearer(token));
    if (key !== undefined) call.set('Idempotency-Key', key);
    return call.send(body);
  };
  const toPerson = (email: string, category = 'PREVENTION') => ({
    nominee: { kind: 'PERSON', userId: ids[email] },
    category,
    story: 'Spotted a failing vacuum pump at the customer’s fab before it stopped the line.',
  });
  const toTeam = (orgUnit: string, category = 'COLLABORATION') => ({
    nominee: { kind: 'TEAM', orgUnit },
    category,
    story: 'Rebuilt the delivery plan with the customer so the second scanner arrived on time.',
  });
  const sent = async (body: object, token: string): Promise<Nomination> =>
    (await send(body, token).expect(201)).body;
  const decide = (id: string, body: object, token = reviewer) =>
    t.http
      .post(`/api/v1/nominations/${id}/decision`)
      .set(...bearer(token))
      .send(body);
  /** Someone new in a unit, with a name, so the limits of other tests do not count. */
  const person = async (unit: string, name: string, roles: ('MEMBER' | 'REVIEWER')[] = ['MEMBER']) => {
    const made = await t.userWithRoles(roles);
    await t.sql(
      `UPDATE users SET name = $2, org_unit_id = (SELECT id FROM org_units WHERE key = $3) WHERE id = $1`,
      [made.id, name, unit],
    );
    return made;
  };
  const inbox = async (token: string): Promise<InboxMessage[]> =>
    (
      await t.http
        .get('/api/v1/inbox')
        .query({ pageSize: 200 })
        .set(...bearer(token))
        .expect(200)
    ).body.items;
  const count = async (sql: string, params: unknown[] = []) =>
    (await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params))[0].n;

  beforeAll(async () => {
    t = await createTestApp();
    [reviewer, cx, admin, noah, ines] = await Promise.all(
      [
        'reviewer@example.com',
        'cx@example.com',
        'admin@example.com',
        'noah.berger@example.com',
        'ines.costa@example.com',
      ].map((email) => t.tokenFor(email)),
    );
    const users = await t.sql<{ email: string; id: string }>('SELECT email, id FROM users');
    ids = Object.fromEntries(users.map((user) => [user.email, user.id]));
    const budgets: RecognitionBudget[] = (
      await t.http
        .get('/api/v1/recognition/budgets')
        .set(...bearer(noah))
        .expect(200)
    ).body;
    quarter = budgets[0].quarter;
    const made = await person('key-accounts', 'Nadia Novak');
    const [{ email }] = await t.sql<{ email: string }>('SELECT email FROM users WHERE id = $1', [made.id]);
    nadia = { ...made, email };
  });
  afterAll(() => t.close());

  describe('sending a nomination', () => {
    it('lets anyone signed in nominate a person: 201, pending, in the current quarter, the story kept as written, audited', async () => {
      const story =
        '  <b>Caught</b> the <script>alert("x")</script> leak & fixed it.\nThe customer never noticed.  ';
      const res = await send(
        {
          nominee: { kind: 'PERSON', userId: ids['ines.costa@example.com'] },
          category: 'PREVENTION',
          tags: ['customer-first', 'ownership'],
          story,
          evidence: {
            vocResponseIds: ['R-1', 'R-2'],
            metric: 'on_time_delivery',
            account: 'Taiwan Foundry Co.',
          },
        },
        nadia.token,
      ).expect(201);
      const nomination: Nomination = res.body;
      expect(quarter).toMatch(/^FY\d{4}-Q[1-4]$/);
      expect(nomination).toEqual({
        id: expect.any(String),
        nominator: { id: nadia.id, name: 'Nadia Novak' },
        nominee: {
          kind: 'PERSON',
          userId: ids['ines.costa@example.com'],
          name: 'Inês Costa',
          orgUnit: 'field-service',
          orgUnitName: 'Field Service',
        },
        category: 'PREVENTION',
        tags: ['customer-first', 'ownership'],
        story,
        evidence: {
          vocResponseIds: ['R-1', 'R-2'],
          metric: 'on_time_delivery',
          account: 'Taiwan Foundry Co.',
        },
        quarter,
        status: 'PENDING',
        tier: null,
        points: null,
        submittedAt: expect.any(String),
        awardedAt: null,
        decisions: [],
      });
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      const [entry] = await t.sql<{ action: string; actor_email: string; after: { story: string } }>(
        `SELECT action, actor_email, after FROM audit_entries WHERE entity_type = 'nomination' AND entity_id = $1`,
        [nomination.id],
      );
      expect(entry).toEqual({
        action: 'nomination.submit',
        actor_email: nadia.email,
        after: expect.objectContaining({ story }),
      });
      const mine: Page<Nomination> = (
        await t.http
          .get('/api/v1/nominations')
          .query({ mine: 'true' })
          .set(...bearer(nadia.token))
          .expect(200)
      ).body;
      expect(mine.items.map((item) => item.id)).toContain(nomination.id);
      expect(mine.items.every((item) => item.nominator.id === nadia.id)).toBe(true);
    });

    it('returns the first nomination with 200 when the same Idempotency-Key is sent again, and creates no other', async () => {
      const sender = await person('marketing', 'Ida Empotent');
      const first = await send(toPerson('lucas.moreau@example.com'), sender.token, 'nominate-lucas-1').expect(
        201,
      );
      const before = await count('nominations');
      const again = await send(toPerson('lucas.moreau@example.com'), sender.token, 'nominate-lucas-1').expect(
        200,
      );
      expect(again.body).toEqual(first.body);
      expect(await count('nominations')).toBe(before);
      // the key is the nominator's own: someone else may use it
      const other = await person('marketing', 'Other Sender');
      await send(toPerson('lucas.moreau@example.com'), other.token, 'nominate-lucas-1').expect(201);
      expect(
        (await send(toPerson('lucas.moreau@example.com'), sender.token, '').expect(400)).body.detail,
      ).toBe('The Idempotency-Key header must hold 1 to 200 characters.');
    });

    it('refuses a self-nomination with 422 and the rule', async () => {
      const res = await send(toPerson('noah.berger@example.com'), noah).expect(422);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.detail).toBe(
        'You cannot nominate yourself: a nomination recognises what someone else did for a customer.',
      );
    });

    it('refuses a team the nominator belongs to: their unit, a unit above it or below it, or one they lead', async () => {
      const rule = (body: { detail: string }) => body.detail.replace(/ Nominate a person in it.*$/, '');
      expect(rule((await send(toTeam('key-accounts'), noah).expect(422)).body)).toBe(
        'You cannot nominate a team you belong to: Key Accounts is your own unit.',
      );
      expect(rule((await send(toTeam('sales'), noah).expect(422)).body)).toBe(
        'You cannot nominate a team you belong to: Sales is above your unit Key Accounts.',
      );
      const vpSales = await t.tokenFor('vp.sales@example.com');
      expect(rule((await send(toTeam('emea'), vpSales).expect(422)).body)).toBe(
        'You cannot nominate a team you belong to: EMEA Region is part of your unit Sales.',
      );
      // the leader of Customer Support works in Customer Support too; a leader from elsewhere
      const leader = await person('finance', 'Lee Der');
      const [{ was }] = await t.sql<{ was: string }>(
        `SELECT leader_id AS was FROM org_units WHERE key = 'logistics'`,
      );
      await t.sql(`UPDATE org_units SET leader_id = $1 WHERE key = 'logistics'`, [leader.id]);
      try {
        expect(rule((await send(toTeam('logistics'), leader.token).expect(422)).body)).toBe(
          'You cannot nominate a team you belong to: you lead Logistics & Delivery.',
        );
      } finally {
        await t.sql(`UPDATE org_units SET leader_id = $1 WHERE key = 'logistics'`, [was]);
      }
      // another function's team is fine
      expect((await sent(toTeam('field-service'), nadia.token)).nominee).toEqual({
        kind: 'TEAM',
        userId: null,
        name: 'Field Service',
        orgUnit: 'field-service',
        orgUnitName: 'Field Service',
      });
    });

    it('allows at most 2 nominations of the same nominee and 5 in all per nominator in a quarter', async () => {
      const sender = await person('marketing', 'Keen Nominator');
      await sent(toPerson('mei.chen@example.com'), sender.token);
      await sent(toPerson('mei.chen@example.com', 'RECOVERY'), sender.token);
      expect((await send(toPerson('mei.chen@example.com'), sender.token).expect(409)).body.detail).toBe(
        `You have nominated Mei Chen 2 times in ${quarter}, the most for the same nominee in a quarter (2).`,
      );
      await sent(toTeam('field-service'), sender.token);
      await sent(toTeam('field-service'), sender.token);
      expect((await send(toTeam('field-service'), sender.token).expect(409)).body.detail).toBe(
        `You have nominated Field Service 2 times in ${quarter}, the most for the same nominee in a quarter (2).`,
      );
      await sent(toPerson('diego.ruiz@example.com'), sender.token);
      expect((await send(toPerson('kwame.mensah@example.com'), sender.token).expect(409)).body.detail).toBe(
        `You have sent 5 nominations in ${quarter}, the most one person may send in a quarter (5).`,
      );
      expect(await count('nominations WHERE nominated_by = $1', [sender.id])).toBe(5);
    });

    it('refuses a bad nomination with sentences: nominee, category, tags, story length, unknown fields', async () => {
      const sender = await person('marketing', 'Careful Sender');
      const good = toPerson('mei.chen@example.com');
      const problems = async (body: object) => (await send(body, sender.token).expect(400)).body;
      expect((await problems({ ...good, category: 'HEROICS' })).errors).toEqual([
        'category must be one of PREVENTION, RECOVERY, COLLABORATION',
      ]);
      expect((await problems({ ...good, story: 'x'.repeat(4001) })).errors).toEqual([
        'story must be at most 4,000 characters',
      ]);
      expect((await problems({ ...good, story: '   ' })).errors).toEqual([
        'story must say, in plain text, what the nominee did for a customer',
      ]);
      expect((await problems({ ...good, tags: ['customer-first', 'bravado'] })).detail).toBe(
        'tags: bravado is not a company value; GET /api/v1/recognition/tags lists them.',
      );
      expect((await problems({ ...good, nominee: { kind: 'TEAM', orgUnit: 'atlantis' } })).detail).toBe(
        'nominee.orgUnit "atlantis" is not an org unit: GET /api/v1/org-units lists their keys.',
      );
      expect((await problems({ ...good, status: 'AWARDED' })).errors).toEqual([
        'status: property status should not exist',
      ]);
      expect(await count('nominations WHERE nominated_by = $1', [sender.id])).toBe(0);
      // exactly 4,000 characters is fine
      expect((await sent({ ...good, story: 'y'.repeat(4000) }, sender.token)).story).toHaveLength(4000);
    });
  });

  describe('review', () => {
    it('awards a tier: AWARDED with its points, audited, and the nominator and the nominee are told', async () => {
      const sender = await person('finance', 'Fay Nominator');
      const nomination = await sent(toPerson('lucas.moreau@example.com'), sender.token);
      const lucas = await t.tokenFor('lucas.moreau@example.com');
      const lucasBefore = (await inbox(lucas)).length;
      const awarded: Nomination = (await decide(nomination.id, { approve: true, tier: 'SILVER' }).expect(200))
        .body;
      expect(awarded).toMatchObject({
        status: 'AWARDED',
        tier: 'SILVER',
        points: 250,
        awardedAt: expect.any(String),
        decisions: [
          {
            by: { id: ids['reviewer@example.com'], name: 'Rosa Vidal' },
            approve: true,
            tier: 'SILVER',
            reason: null,
          },
        ],
      });
      expect(await inbox(sender.token)).toEqual([
        {
          id: expect.any(String),
          kind: 'NOMINATION_AWARDED',
          nominationId: nomination.id,
          text: 'Your nomination of Lucas Moreau was awarded Silver (250 points).',
          at: expect.any(String),
        },
      ]);
      const toLucas = await inbox(lucas);
      expect(toLucas).toHaveLength(lucasBefore + 1);
      expect(toLucas[0]).toMatchObject({
        kind: 'NOMINATION_AWARDED',
        text: 'You were awarded Silver (250 points), nominated by Fay Nominator.',
      });
      const audit = await t.sql<{ action: string; actor_email: string; after: unknown }>(
        `SELECT action, actor_email, after FROM audit_entries WHERE entity_type = 'nomination' AND entity_id = $1 ORDER BY id`,
        [nomination.id],
      );
      expect(audit.map((entry) => entry.action)).toEqual(['nomination.submit', 'nomination.approve']);
      expect(audit[1]).toMatchObject({
        actor_email: 'reviewer@example.com',
        after: { status: 'AWARDED', tier: 'SILVER', points: 250 },
      });
      expect(
        (await decide(nomination.id, { approve: false, reason: 'Changed my mind.' }).expect(409)).body.detail,
      ).toBe('This nomination is already awarded: there is nothing left to decide.');
    });

    it('rejects with a reason, and tells the nominator and every member of the team', async () => {
      const sender = await person('finance', 'Rex Nominator');
      const nomination = await sent(toTeam('field-service'), sender.token);
      expect((await decide(nomination.id, { approve: false }).expect(400)).body.detail).toBe(
        'reason is required when rejecting: say why, so the nominator can learn from it.',
      );
      expect((await decide(nomination.id, { approve: true }).expect(400)).body.detail).toBe(
        'tier is required when approving: one of BRONZE (100 points), SILVER (250 points), GOLD (1000 points).',
      );
      expect((await decide(nomination.id, { approve: true, tier: 'PLATINUM' }).expect(400)).body.detail).toBe(
        'tier "PLATINUM" is not an award tier: use one of BRONZE, SILVER, GOLD.',
      );
      const rejected: Nomination = (
        await decide(nomination.id, {
          approve: false,
          reason: 'Please say what the team did differently.',
        }).expect(200)
      ).body;
      expect(rejected).toMatchObject({ status: 'REJECTED', tier: null, points: null });
      const messages = await t.sql<{ email: string; kind: string; text: string }>(
        `SELECT u.email, m.kind, m.text FROM inbox_messages m JOIN users u ON u.id = m.user_id WHERE m.nomination_id = $1 ORDER BY u.email`,
        [nomination.id],
      );
      const team = ["Rex Nominator's nomination of Field Service was not awarded this time."];
      expect(messages).toEqual([
        { email: 'ines.costa@example.com', kind: 'NOMINATION_REJECTED', text: team[0] },
        { email: 'lucas.moreau@example.com', kind: 'NOMINATION_REJECTED', text: team[0] },
        { email: 'mei.chen@example.com', kind: 'NOMINATION_REJECTED', text: team[0] },
        {
          email: expect.stringMatching(/@test\.example\.com$/),
          kind: 'NOMINATION_REJECTED',
          text: 'Your nomination of Field Service was not awarded: Please say what the team did differently.',
        },
      ]);
    });

    it('refuses a reviewer their own nomination and any nominee in a unit they belong to or lead, above or below it', async () => {
      const own = await sent(toPerson('kwame.mensah@example.com'), reviewer);
      expect((await decide(own.id, { approve: true, tier: 'BRONZE' }).expect(403)).body.detail).toBe(
        'You sent this nomination, so another reviewer must decide it.',
      );
      const sender = await person('finance', 'Nell Nominator');
      const rule = (detail: string) => detail.replace(/ Another reviewer must decide it\.$/, '');
      // Rosa works in Quality: the Customer Satisfaction Office is below it, the company above it
      const office = await sent(toTeam('customer-office'), sender.token);
      expect(rule((await decide(office.id, { approve: true, tier: 'BRONZE' }).expect(403)).body.detail)).toBe(
        'You cannot decide a nomination for your own part of the company: Customer Satisfaction Office is part of your unit Quality.',
      );
      const colleague = await sent(toPerson('yara.haddad@example.com'), sender.token);
      expect(
        rule((await decide(colleague.id, { approve: true, tier: 'BRONZE' }).expect(403)).body.detail),
      ).toBe('You cannot decide a nomination for your own part of the company: Quality is your own unit.');
      const ceo = await sent(toPerson('ceo@example.com'), sender.token);
      expect(rule((await decide(ceo.id, { approve: true, tier: 'BRONZE' }).expect(403)).body.detail)).toBe(
        'You cannot decide a nomination for your own part of the company: Helix Lithography Systems is above your unit Quality.',
      );
      // a reviewer in IT who leads Manufacturing
      const leading = await person('it', 'Leading Reviewer', ['REVIEWER', 'MEMBER']);
      const [{ was }] = await t.sql<{ was: string }>(
        `SELECT leader_id AS was FROM org_units WHERE key = 'manufacturing'`,
      );
      await t.sql(`UPDATE org_units SET leader_id = $1 WHERE key = 'manufacturing'`, [leading.id]);
      try {
        const aiko = await sent(toPerson('aiko.tanaka@example.com'), sender.token);
        expect(
          rule(
            (await decide(aiko.id, { approve: true, tier: 'BRONZE' }, leading.token).expect(403)).body.detail,
          ),
        ).toBe('You cannot decide a nomination for your own part of the company: you lead Manufacturing.');
      } finally {
        await t.sql(`UPDATE org_units SET leader_id = $1 WHERE key = 'manufacturing'`, [was]);
      }
      expect(
        await count(
          `nomination_decisions d JOIN nominations n ON n.id = d.nomination_id WHERE n.nominated_by = $1`,
          [sender.id],
        ),
      ).toBe(0);
    });

    it('needs a second, different reviewer from Gold on: AWAITING_SECOND_APPROVAL, then AWARDED', async () => {
      const sender = await person('finance', 'Gil Nominator');
      const second = await person('it', 'Second Reviewer', ['REVIEWER', 'MEMBER']);
      const nomination = await sent(toPerson('mei.chen@example.com'), sender.token);
      const first: Nomination = (await decide(nomination.id, { approve: true, tier: 'GOLD' }).expect(200))
        .body;
      expect(first).toMatchObject({
        status: 'AWAITING_SECOND_APPROVAL',
        tier: 'GOLD',
        points: 1000,
        awardedAt: null,
      });
      expect((await decide(nomination.id, { approve: true }).expect(403)).body.detail).toBe(
        'You gave this award its first approval, so a different reviewer must give the second (four eyes).',
      );
      expect(
        (await decide(nomination.id, { approve: true, tier: 'SILVER' }, second.token).expect(409)).body
          .detail,
      ).toBe(
        'The first approval chose the tier GOLD: the second approval confirms it or rejects the nomination.',
      );
      const done: Nomination = (await decide(nomination.id, { approve: true }, second.token).expect(200))
        .body;
      expect(done).toMatchObject({
        status: 'AWARDED',
        tier: 'GOLD',
        points: 1000,
        awardedAt: expect.any(String),
      });
      expect(done.decisions.map((decision) => decision.by.name)).toEqual(['Rosa Vidal', 'Second Reviewer']);
      expect((await inbox(sender.token)).map((message) => message.text)).toEqual([
        'Your nomination of Mei Chen was awarded Gold (1000 points).',
        "Your nomination of Mei Chen was approved for Gold (1000 points) and now awaits a second reviewer's approval.",
      ]);
    });

    it('allows an award exactly at the unit’s budget and refuses one point over, naming the points left', async () => {
      const setBudget = (orgUnit: string, points: number) =>
        t.http
          .put('/api/v1/recognition/budgets')
          .set(...bearer(cx))
          .send({ orgUnit, quarter, points });
      expect((await setBudget('logistics', 350).expect(200)).body).toEqual({
        orgUnit: 'logistics',
        orgUnitName: 'Logistics & Delivery',
        quarter,
        points: 350,
        used: 0,
        left: 350,
        own: true,
      });
      await setBudget('manufacturing', 349).expect(200);
      const a = await person('finance', 'Budget One');
      const b = await person('finance', 'Budget Two');
      const silver = await sent(toPerson('tomasz.nowak@example.com'), a.token);
      const bronze = await sent(toTeam('logistics'), b.token);
      await decide(silver.id, { approve: true, tier: 'SILVER' }).expect(200);
      await decide(bronze.id, { approve: true, tier: 'BRONZE' }).expect(200);
      const budgets: RecognitionBudget[] = (
        await t.http
          .get('/api/v1/recognition/budgets')
          .query({ quarter })
          .set(...bearer(a.token))
          .expect(200)
      ).body;
      expect(budgets.find((budget) => budget.orgUnit === 'logistics')).toMatchObject({
        points: 350,
        used: 350,
        left: 0,
      });

      const kwame = await sent(toPerson('kwame.mensah@example.com'), a.token);
      await decide(kwame.id, { approve: true, tier: 'SILVER' }).expect(200);
      const aiko = await sent(toPerson('aiko.tanaka@example.com'), b.token);
      // the review queue shows what is left of the unit's budget
      const queue: Page<QueuedNomination> = (
        await t.http
          .get('/api/v1/nominations')
          .query({ pageSize: 200 })
          .set(...bearer(reviewer))
          .expect(200)
      ).body;
      expect(queue.items.find((item) => item.id === aiko.id)).toMatchObject({
        status: 'PENDING',
        budgetLeft: 99,
      });
      expect(
        queue.items.every((item) => item.status === 'PENDING' || item.status === 'AWAITING_SECOND_APPROVAL'),
      ).toBe(true);
      const over = await decide(aiko.id, { approve: true, tier: 'BRONZE' }).expect(409);
      expect(over.body.detail).toBe(
        `Awarding 100 points would take Manufacturing past its recognition budget of 349 points for ${quarter}: 99 points are left. Choose a lower tier, or a CX lead can raise the budget.`,
      );
      expect(await count('nomination_decisions WHERE nomination_id = $1', [aiko.id])).toBe(0);
      expect(await count(`nominations WHERE id = $1 AND status = 'PENDING'`, [aiko.id])).toBe(1);
      // a member asking for the queue is told to ask for their own
      expect(
        (
          await t.http
            .get('/api/v1/nominations')
            .query({ mine: 'false' })
            .set(...bearer(a.token))
            .expect(403)
        ).body.detail,
      ).toBe('Only reviewers see the review queue; ask with mine=true for the nominations you sent.');
    });
  });

  describe('feed, inbox, leaderboard and analytics', () => {
    it('shows awarded nominations in the feed, newest first, paginated, with the story as text', async () => {
      const sender = await person('finance', 'Feed Nominator');
      const story = 'Wrote <i>the</i> fix & told the customer first.';
      const nomination = await sent({ ...toPerson('diego.ruiz@example.com'), story }, sender.token);
      await decide(nomination.id, { approve: true, tier: 'BRONZE' }).expect(200);
      const feed: Page<FeedItem> = (
        await t.http
          .get('/api/v1/recognition/feed')
          .query({ pageSize: 1 })
          .set(...bearer(sender.token))
          .expect(200)
      ).body;
      expect(feed.total).toBe(await count(`nominations WHERE status = 'AWARDED'`));
      expect(feed.items).toEqual([
        {
          id: nomination.id,
          nominator: { id: sender.id, name: 'Feed Nominator' },
          nominee: expect.objectContaining({
            kind: 'PERSON',
            name: 'Diego Ruiz',
            orgUnit: 'customer-support',
          }),
          category: 'PREVENTION',
          tags: [],
          story,
          tier: 'BRONZE',
          points: 100,
          quarter,
          awardedAt: expect.any(String),
        },
      ]);
      const all: Page<FeedItem> = (
        await t.http
          .get('/api/v1/recognition/feed')
          .query({ pageSize: 200 })
          .set(...bearer(sender.token))
          .expect(200)
      ).body;
      const times = all.items.map((item) => item.awardedAt);
      expect([...times].sort().reverse()).toEqual(times);
    });

    it('shows each person only their own messages', async () => {
      const mine = await inbox(ines);
      const [{ n }] = await t.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM inbox_messages WHERE user_id = $1`,
        [ids['ines.costa@example.com']],
      );
      expect(mine).toHaveLength(n);
      expect(n).toBeGreaterThan(0);
      expect(await inbox(admin)).toEqual([]);
    });

    describe('over known awards in FY2031', () => {
      beforeAll(async () => {
        const award = (
          nominator: string,
          nominee: string | null,
          unit: string,
          category: string,
          points: number,
          q: string,
          status = 'AWARDED',
        ) =>
          t.sql(
            `INSERT INTO nominations (nominated_by, nominee_kind, nominee_user_id, org_unit_id, category, story, quarter, status, tier, points, awarded_at)
             VALUES ($1, $2, $3, (SELECT id FROM org_units WHERE key = $4), $5, 'A story.', $6, $7, 'X', $8, CASE WHEN $7 = 'AWARDED' THEN now() END)`,
            [
              ids[nominator],
              nominee ? 'PERSON' : 'TEAM',
              nominee ? ids[nominee] : null,
              unit,
              category,
              q,
              status,
              points,
            ],
          );
        // FY2031-Q1: Inês 1000 + 100, Lucas 250, the Logistics team 250; Noah sends three, two to Inês
        await award(
          'noah.berger@example.com',
          'ines.costa@example.com',
          'field-service',
          'PREVENTION',
          1000,
          'FY2031-Q1',
        );
        await award(
          'noah.berger@example.com',
          'ines.costa@example.com',
          'field-service',
          'PREVENTION',
          100,
          'FY2031-Q1',
        );
        await award(
          'noah.berger@example.com',
          'lucas.moreau@example.com',
          'field-service',
          'RECOVERY',
          250,
          'FY2031-Q1',
        );
        await award('omar.haddad@example.com', null, 'logistics', 'COLLABORATION', 250, 'FY2031-Q1');
        await award(
          'omar.haddad@example.com',
          'mei.chen@example.com',
          'field-service',
          'RECOVERY',
          100,
          'FY2031-Q1',
          'REJECTED',
        );
        // FY2031-Q2: three of four awards are for prevention
        await award(
          'amara.obi@example.com',
          'mei.chen@example.com',
          'field-service',
          'PREVENTION',
          100,
          'FY2031-Q2',
        );
        await award(
          'amara.obi@example.com',
          'aiko.tanaka@example.com',
          'manufacturing',
          'PREVENTION',
          100,
          'FY2031-Q2',
        );
        await award(
          'amara.obi@example.com',
          'kwame.mensah@example.com',
          'manufacturing',
          'PREVENTION',
          250,
          'FY2031-Q2',
        );
        await award(
          'omar.haddad@example.com',
          'lucas.moreau@example.com',
          'field-service',
          'RECOVERY',
          100,
          'FY2031-Q2',
        );
      });

      it('sums points per person and per unit for a quarter and for a fiscal year', async () => {
        const board = async (period: string): Promise<Leaderboard> =>
          (
            await t.http
              .get('/api/v1/recognition/leaderboard')
              .query({ period })
              .set(...bearer(noah))
              .expect(200)
          ).body;
        const q1 = await board('FY2031-Q1');
        expect(q1.people).toEqual([
          { rank: 1, key: ids['ines.costa@example.com'], name: 'Inês Costa', points: 1100, awards: 2 },
          { rank: 2, key: ids['lucas.moreau@example.com'], name: 'Lucas Moreau', points: 250, awards: 1 },
        ]);
        expect(q1.units).toEqual([
          { rank: 1, key: 'field-service', name: 'Field Service', points: 1350, awards: 3 },
          { rank: 2, key: 'logistics', name: 'Logistics & Delivery', points: 250, awards: 1 },
        ]);
        const year = await board('FY2031');
        expect(year.period).toBe('FY2031');
        expect(year.people.slice(0, 3)).toEqual([
          { rank: 1, key: ids['ines.costa@example.com'], name: 'Inês Costa', points: 1100, awards: 2 },
          { rank: 2, key: ids['lucas.moreau@example.com'], name: 'Lucas Moreau', points: 350, awards: 2 },
          { rank: 3, key: ids['kwame.mensah@example.com'], name: 'Kwame Mensah', points: 250, awards: 1 },
        ]);
        expect(year.units.map((unit) => [unit.key, unit.points, unit.rank])).toEqual([
          ['field-service', 1550, 1],
          ['manufacturing', 350, 2],
          ['logistics', 250, 3],
        ]);
        await t.http
          .get('/api/v1/recognition/leaderboard')
          .query({ period: '2031-01' })
          .set(...bearer(noah))
          .expect(400);
      });

      it('computes the prevention share, categories, budget use, spread and concentration flags per quarter', async () => {
        const res = await t.http
          .get('/api/v1/recognition/analytics')
          .query({ from: 'FY2031-Q1', to: 'FY2031-Q3' })
          .set(...bearer(cx))
          .expect(200);
        const analytics: RecognitionAnalytics = res.body;
        const units = await count('org_units');
        const people = await count('users WHERE active');
        const [q1, q2, q3] = analytics.quarters;
        expect(analytics.quarters.map((q) => q.quarter)).toEqual(['FY2031-Q1', 'FY2031-Q2', 'FY2031-Q3']);
        expect(q1).toMatchObject({
          awards: 4,
          points: 1600,
          preventionShare: 0.5,
          byCategory: { PREVENTION: 2, RECOVERY: 1, COLLABORATION: 1 },
          unitsRecognisedShare: 2 / units,
          // Inês, Lucas, and Logistics' Tomasz and Elif
          peopleRecognisedShare: 4 / people,
          // three recipients: the top one holds 1,100 of 1,600 points
          topTenPercentShare: 1100 / 1600,
        });
        expect(q1.budgetUse.find((use) => use.orgUnit === 'field-service')).toEqual({
          orgUnit: 'field-service',
          orgUnitName: 'Field Service',
          budget: 5000,
          used: 1350,
        });
        expect(q2).toMatchObject({
          awards: 4,
          preventionShare: 0.75,
          byCategory: { PREVENTION: 3, RECOVERY: 1, COLLABORATION: 0 },
        });
        expect(q3).toMatchObject({ awards: 0, points: 0, preventionShare: null, topTenPercentShare: null });
        // Amara and Omar each send three, to three different nominees: only Noah is flagged
        expect(analytics.flags).toEqual([
          {
            nominator: { id: ids['noah.berger@example.com'], name: 'Noah Berger' },
            nominee: { kind: 'PERSON', key: ids['ines.costa@example.com'], name: 'Inês Costa' },
            nominations: 3,
            toNominee: 2,
            share: 2 / 3,
          },
        ]);
        for (const token of [noah, reviewer]) {
          await t.http
            .get('/api/v1/recognition/analytics')
            .set(...bearer(token))
            .expect(403);
        }
        expect(
          (
            await t.http
              .get('/api/v1/recognition/analytics')
              .query({ from: 'FY2031-Q3', to: 'FY2031-Q1' })
              .set(...bearer(cx))
              .expect(400)
          ).body.detail,
        ).toBe('from (FY2031-Q3) must not be later than to (FY2031-Q1).');
      });
    });
  });

  describe('settings, budgets and company values', () => {
    it('has the default settings, lets a CX lead change them (audited), and refuses an unknown second-approval tier', async () => {
      const defaults: RecognitionSettings = (
        await t.http
          .get('/api/v1/recognition/settings')
          .set(...bearer(noah))
          .expect(200)
      ).body;
      expect(defaults).toEqual({
        maxPerNominatorPerQuarter: 5,
        maxPerNomineePerQuarter: 2,
        tiers: [
          { key: 'BRONZE', name: 'Bronze', points: 100 },
          { key: 'SILVER', name: 'Silver', points: 250 },
          { key: 'GOLD', name: 'Gold', points: 1000 },
        ],
        secondApprovalFromTier: 'GOLD',
        defaultQuarterBudget: 5000,
      });
      const put = (body: object, token = cx) =>
        t.http
          .put('/api/v1/recognition/settings')
          .set(...bearer(token))
          .send(body);
      expect((await put({ ...defaults, secondApprovalFromTier: 'PLATINUM' }).expect(400)).body.detail).toBe(
        'secondApprovalFromTier must be the key of one of the tiers (BRONZE, SILVER, GOLD).',
      );
      await put({ ...defaults, maxPerNominatorPerQuarter: 6 }, noah).expect(403);
      expect(
        (await put({ ...defaults, maxPerNominatorPerQuarter: 6 }).expect(200)).body.maxPerNominatorPerQuarter,
      ).toBe(6);
      const [entry] = await t.sql<{ before: RecognitionSettings; after: RecognitionSettings }>(
        `SELECT before, after FROM audit_entries WHERE action = 'recognition-settings.update' ORDER BY id DESC LIMIT 1`,
      );
      expect([entry.before.maxPerNominatorPerQuarter, entry.after.maxPerNominatorPerQuarter]).toEqual([5, 6]);
      await put(defaults).expect(200);
    });

    it('audits a budget change and refuses a bad one', async () => {
      const res = await t.http
        .put('/api/v1/recognition/budgets')
        .set(...bearer(cx))
        .send({ orgUnit: 'it', quarter: 'FY2031-Q4', points: 1200 })
        .expect(200);
      expect(res.body).toMatchObject({
        orgUnit: 'it',
        quarter: 'FY2031-Q4',
        points: 1200,
        used: 0,
        left: 1200,
        own: true,
      });
      expect(
        await count(`audit_entries WHERE action = 'recognition-budget.set' AND entity_id = 'it/FY2031-Q4'`),
      ).toBe(1);
      const bad = await t.http
        .put('/api/v1/recognition/budgets')
        .set(...bearer(cx))
        .send({ orgUnit: 'it', quarter: '2031-10', points: -1 })
        .expect(400);
      expect(bad.body.errors).toEqual([
        'quarter must be a fiscal quarter such as FY2027-Q1',
        'points must be a whole number of points, 0 or more',
      ]);
    });

    it('lists the company values and lets an admin add one, once', async () => {
      const tags = (
        await t.http
          .get('/api/v1/recognition/tags')
          .set(...bearer(noah))
          .expect(200)
      ).body;
      expect(tags).toContainEqual({ key: 'customer-first', name: 'Customer first' });
      const add = (body: object) =>
        t.http
          .post('/api/v1/recognition/tags')
          .set(...bearer(admin))
          .send(body);
      expect((await add({ key: 'root-cause', name: 'Root cause, not blame' }).expect(201)).body).toEqual({
        key: 'root-cause',
        name: 'Root cause, not blame',
      });
      expect((await add({ key: 'root-cause', name: 'Again' }).expect(409)).body.detail).toBe(
        'There is already a company value with the key "root-cause".',
      );
      expect(
        await count(`audit_entries WHERE action = 'company-value.create' AND entity_id = 'root-cause'`),
      ).toBe(1);
      expect(
        (await sent({ ...toPerson('mei.chen@example.com'), tags: ['root-cause'] }, nadia.token)).tags,
      ).toEqual(['root-cause']);
    });
  });
});
