import type { Inquiry, Page } from '@lodestar/contracts';
import { DataSource } from 'typeorm';
import { inquiriesOf } from '../src/incentives/inquiries.service';
import { bearer, createTestApp, TestApp } from './support/test-app';

/**
 * Inquiries on statements through the real app and PostgreSQL. The statements are written with
 * SQL in FY2031 (no demo plan reaches it): a published plan of Victor Salas (Sales), Sam Okafor
 * (Service) and an HR person who is also a participant, with a closed statement each in
 * FY2031-Q1 and Victor's released one in FY2030-Q4.
 */
describe('statement inquiries', () => {
  let t: TestApp;
  let hr: string;
  let hrId: string;
  let vpSales: string;
  let vpSalesId: string;
  let vpService: string;
  let hrParticipant: { id: string; token: string };
  let otherHr: { id: string; token: string };
  let statements: Record<'sales' | 'service' | 'hr' | 'released', string>;

  const raise = (statementId: string, body: object, token = vpSales) =>
    t.http
      .post(`/api/v1/statements/${statementId}/inquiries`)
      .set(...bearer(token))
      .send(body);
  const answer = (id: string, body: object, token = hr) =>
    t.http
      .post(`/api/v1/inquiries/${id}/answer`)
      .set(...bearer(token))
      .send(body);
  const raised = async (
    statementId: string,
    token = vpSales,
    text = 'The NPS of Sales counts too few answers.',
  ) => (await raise(statementId, { reason: 'DATA_ERROR', text }, token).expect(201)).body as Inquiry;
  const list = async (query: object = {}): Promise<Page<Inquiry>> =>
    (
      await t.http
        .get('/api/v1/inquiries')
        .query(query)
        .set(...bearer(hr))
        .expect(200)
    ).body;

  beforeAll(async () => {
    t = await createTestApp();
    hr = await t.tokenFor('hr@example.com');
    vpSales = await t.tokenFor('vp.sales@example.com');
    vpService = await t.tokenFor('vp.service@example.com');
    hrParticipant = await t.userWithRoles(['HR', 'EXECUTIVE']);
    otherHr = await t.userWithRoles(['HR']);
    const ids = async (email: string) =>
      (await t.sql<{ id: string }>('SELECT id FROM users WHERE email = $1', [email]))[0].id;
    hrId = await ids('hr@example.com');
    vpSalesId = await ids('vp.sales@example.com');
    const vpServiceId = await ids('vp.service@example.com');
    const approverId = await ids('approver@example.com');
    const [plan] = await t.sql<{ id: string }>(
      `INSERT INTO incentive_plans (key, name, created_by) VALUES ('inquiry-test-plan', 'Inquiry test plan', $1) RETURNING id`,
      [hrId],
    );
    const [version] = await t.sql<{ id: string }>(
      `INSERT INTO plan_versions (plan_id, number, status, effective_from, author_id, approved_by, approved_at, frozen, frozen_at, published_by, published_at)
       VALUES ($1, 1, 'PUBLISHED', 'FY2030-Q4', $2, $3, now(), '{}', now(), $2, now()) RETURNING id`,
      [plan.id, hrId, approverId],
    );
    const statement = async (userId: string, unit: string, period: string, status: string) => {
      const [participant] = await t.sql<{ id: string }>(
        `INSERT INTO plan_participants (version_id, user_id, org_unit_id, annual_target_bonus, start_date)
         VALUES ($1, $2, (SELECT id FROM org_units WHERE key = $3), 100000, $4)
         ON CONFLICT (version_id, user_id, start_date) DO UPDATE SET annual_target_bonus = EXCLUDED.annual_target_bonus
         RETURNING id`,
        [version.id, userId, unit, '2030-07-01'],
      );
      const trace = {
        period,
        components: [{ key: 'quota', payout: '100' }],
        targetBonus: {
          annual: '100000.00',
          eligibleDays: 91,
          daysInYear: 365,
          periodTarget: '24931.506849315068',
        },
      };
      const [row] = await t.sql<{ id: string }>(
        `INSERT INTO statements (period, participant_id, user_id, version_id, org_unit_id, status, total_payout, period_target, amount, payable, trace)
         VALUES ($1, $2, $3, $4, (SELECT id FROM org_units WHERE key = $5), $6, 100, 24931.506849315068, 24931.51, 24931.51, $7) RETURNING id`,
        [period, participant.id, userId, version.id, unit, status, JSON.stringify(trace)],
      );
      return row.id;
    };
    statements = {
      sales: await statement(vpSalesId, 'sales', 'FY2031-Q1', 'CLOSED'),
      service: await statement(vpServiceId, 'service', 'FY2031-Q1', 'CLOSED'),
      hr: await statement(hrParticipant.id, 'hr', 'FY2031-Q1', 'CLOSED'),
      released: await statement(vpSalesId, 'sales', 'FY2030-Q4', 'RELEASED'),
    };
  });
  afterAll(() => t.close());

  it('lets the participant raise an inquiry on their own statement, open, with its period, and audits it as pay data', async () => {
    const inquiry = await raised(statements.sales);
    expect(inquiry).toMatchObject({
      statementId: statements.sales,
      period: 'FY2031-Q1',
      raisedBy: { id: vpSalesId, name: 'Victor Salas' },
      reason: 'DATA_ERROR',
      text: 'The NPS of Sales counts too few answers.',
      status: 'OPEN',
      response: null,
      adjustment: null,
      answeredBy: null,
      answeredAt: null,
    });
    const audit = await t.sql<{ action: string; entity_type: string; pay_data: boolean; actor_id: string }>(
      'SELECT action, entity_type, pay_data, actor_id FROM audit_entries WHERE entity_id = $1',
      [inquiry.id],
    );
    expect(audit).toEqual([
      {
        action: 'statement_inquiry.raise',
        entity_type: 'statement_inquiry',
        pay_data: true,
        actor_id: vpSalesId,
      },
    ]);
  });

  it('accepts an inquiry on a statement in any status, a released one too', async () => {
    const inquiry = await raised(statements.released, vpSales, 'The released quarter misses my start date.');
    expect(inquiry).toMatchObject({ period: 'FY2030-Q4', status: 'OPEN' });
  });

  it('refuses anyone but the participant, HR included, with a sentence', async () => {
    for (const token of [vpService, hr]) {
      const res = await raise(
        statements.sales,
        { reason: 'OTHER', text: 'This is not my statement at all.' },
        token,
      ).expect(403);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.detail).toBe(
        'Only the participant whose statement this is can raise an inquiry on it: HR answers inquiries, it does not raise them for others.',
      );
    }
  });

  it('refuses an unknown reason, a text shorter than 10 characters or longer than 4,000, and an unknown statement', async () => {
    const reason = await raise(statements.sales, {
      reason: 'PAY_ME_MORE',
      text: 'The NPS looks wrong to me.',
    }).expect(400);
    expect(reason.body.detail).toBe(
      'reason must be one of DATA_ERROR, WRONG_TARGET, ELIGIBILITY, CALCULATION, OTHER.',
    );
    const short = await raise(statements.sales, { reason: 'OTHER', text: '  too short  ' }).expect(400);
    expect(short.body.detail).toMatch(/^text must say, in 10 to 4,000 characters, what looks wrong/);
    await raise(statements.sales, { reason: 'OTHER', text: 'x'.repeat(4001) }).expect(400);
    await raise(statements.sales, { reason: 'OTHER', text: 'x'.repeat(4000) }).expect(201);
    const unknown = await raise('00000000-0000-4000-8000-000000000000', {
      reason: 'OTHER',
      text: 'Where is my statement?',
    }).expect(404);
    expect(unknown.body.detail).toBe(
      'There is no statement with the id 00000000-0000-4000-8000-000000000000.',
    );
    const notUuid = await raise('not-an-id', { reason: 'OTHER', text: 'Where is my statement?' }).expect(400);
    expect(notUuid.body.detail).toBe('The statement id must be a UUID.');
  });

  it("lists HR's open inquiries newest first with period and participant, paginated, and filters by status", async () => {
    const first = await raised(statements.service, vpService, 'Service first: my eligible days are wrong.');
    const second = await raised(
      statements.sales,
      vpSales,
      'Sales second: the quota curve is not the approved one.',
    );
    const page = await list({ pageSize: 2 });
    expect(page.page).toBe(1);
    expect(page.pageSize).toBe(2);
    expect(page.items.map((inquiry) => inquiry.id)).toEqual([second.id, first.id]);
    expect(page.items[1]).toMatchObject({ period: 'FY2031-Q1', raisedBy: { name: 'Sam Okafor' } });
    const all = await list({ pageSize: 200 });
    expect(all.total).toBe(page.total);
    expect(all.items.every((inquiry) => inquiry.status === 'OPEN')).toBe(true);
    const next = await list({ pageSize: 2, page: 2 });
    expect(next.items[0]?.id).toBe(all.items[2]?.id);
    expect((await list({ status: 'ADJUSTED' })).items).toEqual([]);
    const bad = await t.http
      .get('/api/v1/inquiries?status=CLOSED')
      .set(...bearer(hr))
      .expect(400);
    expect(bad.body.detail).toBe('status must be one of OPEN, ANSWERED, ADJUSTED, REJECTED, ALL.');
    await t.http
      .get('/api/v1/inquiries')
      .set(...bearer(vpSales))
      .expect(403);
  });

  it('refuses ADJUSTED without an amount, with a zero or fractional-cent amount, and an amount with another answer', async () => {
    const inquiry = await raised(statements.sales);
    const missing = await answer(inquiry.id, {
      status: 'ADJUSTED',
      response: 'The curve was wrong; we correct it.',
    }).expect(400);
    expect(missing.body.detail).toBe(
      'adjustment is required with status ADJUSTED: give a signed amount of money with at most 12 digits before the point and 2 after, such as "250.00" or "-120.50", which the next open quarter\'s statement carries.',
    );
    const zero = await answer(inquiry.id, {
      status: 'ADJUSTED',
      response: 'Nothing to add.',
      adjustment: '0.00',
    }).expect(400);
    expect(zero.body.detail).toBe(
      'adjustment must not be 0: answer with status ANSWERED when nothing changes.',
    );
    const cents = await answer(inquiry.id, {
      status: 'ADJUSTED',
      response: 'Too precise.',
      adjustment: '10.005',
    }).expect(400);
    expect(cents.body.detail).toMatch(/^adjustment must be a signed amount of money .*, not 10\.005\.$/);
    await answer(inquiry.id, { status: 'ADJUSTED', response: 'Not a number.', adjustment: '1e3' }).expect(
      400,
    );
    const other = await answer(inquiry.id, {
      status: 'ANSWERED',
      response: 'All correct.',
      adjustment: '5.00',
    }).expect(400);
    expect(other.body.detail).toBe(
      'adjustment is only for status ADJUSTED: leave it out when the inquiry is answered or rejected.',
    );
    const noResponse = await answer(inquiry.id, { status: 'REJECTED', response: '   ' }).expect(400);
    expect(noResponse.body.detail).toMatch(/^response must say, in 1 to 4,000 characters/);
    const open = await t.sql<{ status: string }>('SELECT status FROM statement_inquiries WHERE id = $1', [
      inquiry.id,
    ]);
    expect(open[0].status).toBe('OPEN');
  });

  it('records an adjustment signed, in cents, with who answered and when, and audits it as pay data', async () => {
    const inquiry = await raised(statements.sales);
    const res = await answer(inquiry.id, {
      status: 'ADJUSTED',
      response: 'The survey export missed 50 answers; we correct the quota component.',
      adjustment: '-120.5',
    }).expect(200);
    const answered = res.body as Inquiry;
    expect(answered).toMatchObject({
      status: 'ADJUSTED',
      adjustment: '-120.50',
      response: 'The survey export missed 50 answers; we correct the quota component.',
      answeredBy: { id: hrId, name: 'Hanna Reyes' },
    });
    expect(Date.parse(answered.answeredAt as string)).not.toBeNaN();
    const stored = await t.sql<{ adjustment: string }>(
      'SELECT adjustment::text FROM statement_inquiries WHERE id = $1',
      [inquiry.id],
    );
    expect(stored[0].adjustment).toBe('-120.50');
    const audit = await t.sql<{
      action: string;
      pay_data: boolean;
      after: { adjustment: string };
      before: { status: string };
    }>(
      `SELECT action, pay_data, after, before FROM audit_entries WHERE entity_id = $1 AND action = 'statement_inquiry.answer'`,
      [inquiry.id],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      pay_data: true,
      before: { status: 'OPEN' },
      after: { adjustment: '-120.50', status: 'ADJUSTED' },
    });
    expect((await list({ status: 'ADJUSTED' })).items.map((item) => item.id)).toContain(inquiry.id);
    expect((await list()).items.map((item) => item.id)).not.toContain(inquiry.id);
  });

  it('answers an inquiry once: a second answer is a conflict that changes nothing', async () => {
    const inquiry = await raised(statements.service, vpService);
    await answer(inquiry.id, {
      status: 'REJECTED',
      response: 'The eligible days match your start date.',
    }).expect(200);
    const again = await answer(
      inquiry.id,
      { status: 'ADJUSTED', response: 'Changed my mind.', adjustment: '500' },
      otherHr.token,
    ).expect(409);
    expect(again.body.detail).toMatch(
      /^This inquiry was already answered \(REJECTED by Hanna Reyes on \d{4}-\d{2}-\d{2}\): an inquiry is answered once\.$/,
    );
    const stored = await t.sql<{ status: string; adjustment: string | null }>(
      'SELECT status, adjustment FROM statement_inquiries WHERE id = $1',
      [inquiry.id],
    );
    expect(stored[0]).toEqual({ status: 'REJECTED', adjustment: null });
  });

  it('refuses an HR person answering an inquiry on their own statement; another HR person may', async () => {
    const inquiry = await raised(statements.hr, hrParticipant.token, 'My eligible days miss the first week.');
    const own = await answer(
      inquiry.id,
      { status: 'ADJUSTED', response: 'Fixing my own pay.', adjustment: '900.00' },
      hrParticipant.token,
    ).expect(403);
    expect(own.body.detail).toBe(
      'You cannot answer an inquiry on your own statement: another HR person must answer it.',
    );
    await answer(
      inquiry.id,
      { status: 'ANSWERED', response: 'Your start date is the 8th.' },
      otherHr.token,
    ).expect(200);
  });

  it('refuses answering an unknown inquiry, and anyone but HR', async () => {
    const unknown = await answer('00000000-0000-4000-8000-000000000000', {
      status: 'ANSWERED',
      response: 'Hello.',
    }).expect(404);
    expect(unknown.body.detail).toBe('There is no inquiry with the id 00000000-0000-4000-8000-000000000000.');
    const inquiry = await raised(statements.sales);
    await answer(inquiry.id, { status: 'ANSWERED', response: 'Answering my own.' }, vpSales).expect(403);
  });

  it("gives each statement's inquiries, newest first, for the statement screens", async () => {
    const manager = t.app.get(DataSource).manager;
    const byStatement = await inquiriesOf(manager, [
      statements.released,
      statements.hr,
      '00000000-0000-4000-8000-000000000000',
    ]);
    expect(byStatement.get(statements.released)?.map((inquiry) => inquiry.period)).toEqual(['FY2030-Q4']);
    expect(byStatement.get(statements.hr)?.[0]).toMatchObject({
      status: 'ANSWERED',
      answeredBy: { id: otherHr.id },
    });
    expect(byStatement.has('00000000-0000-4000-8000-000000000000')).toBe(false);
    const sales = (await inquiriesOf(manager, [statements.sales])).get(statements.sales) ?? [];
    const times = sales.map((inquiry) => Date.parse(inquiry.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect((await inquiriesOf(manager, [])).size).toBe(0);
  });
});
