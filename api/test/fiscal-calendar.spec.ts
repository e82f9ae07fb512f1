import { bearer, createTestApp, TestApp } from './support/test-app';

describe('fiscal calendar and time zone', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.tokenFor('admin@example.com');
  });
  afterAll(() => t.close());

  it('shows the demo company calendar to any signed-in user', async () => {
    const member = await t.tokenFor('member@example.com');
    const res = await t.http.get('/api/v1/settings/fiscal-calendar').set(...bearer(member)).expect(200);
    expect(res.body).toEqual({ startMonth: 10, timeZone: 'Europe/Amsterdam' });
    await t.http.put('/api/v1/settings/fiscal-calendar').set(...bearer(member)).send({ startMonth: 1, timeZone: 'UTC' }).expect(403);
  });

  it('lets an admin change start month and time zone while no dated data exists, with an audit entry', async () => {
    // the demo's actuals and targets: this company has no dated data yet
    await t.sql('DELETE FROM measurements');
    await t.sql('DELETE FROM targets');
    await t.sql('DELETE FROM action_plans');
    await t.sql('DELETE FROM scorecard_comments');
    await t.sql('DELETE FROM cx_investments');
    await t.sql('DELETE FROM nominations');
    const res = await t.http.put('/api/v1/settings/fiscal-calendar').set(...bearer(admin)).send({ startMonth: 4, timeZone: 'Asia/Tokyo' }).expect(200);
    expect(res.body).toEqual({ startMonth: 4, timeZone: 'Asia/Tokyo' });
    const [entry] = await t.sql<{ before: { startMonth: number }; after: { startMonth: number } }>(
      `SELECT before, after FROM audit_entries WHERE entity_type = 'fiscal-calendar' ORDER BY id DESC LIMIT 1`,
    );
    expect(entry.before.startMonth).toBe(10);
    expect(entry.after.startMonth).toBe(4);
  });

  it('refuses a made-up time zone and a month outside 1 to 12 with the reason', async () => {
    const tz = await t.http.put('/api/v1/settings/fiscal-calendar').set(...bearer(admin)).send({ startMonth: 1, timeZone: 'Mars/Olympus' }).expect(400);
    expect(tz.body.detail).toMatch(/not a time zone/);
    const month = await t.http.put('/api/v1/settings/fiscal-calendar').set(...bearer(admin)).send({ startMonth: 13, timeZone: 'UTC' }).expect(400);
    expect(month.body.detail).toMatch(/startMonth must be a whole number from 1 \(January\) to 12/);
  });

  it('refuses to move the start month once dated data exists (409), but still lets the time zone change', async () => {
    await t.sql(
      `INSERT INTO measurements (metric_key, org_unit_id, month, version, value, source) SELECT 'revenue', id, '2026-03', 1, 1, 'api' FROM org_units WHERE key = 'company'`,
    );
    const res = await t.http.put('/api/v1/settings/fiscal-calendar').set(...bearer(admin)).send({ startMonth: 7, timeZone: 'Asia/Tokyo' }).expect(409);
    expect(res.body.detail).toMatch(/cannot change once dated data exists \(measurements holds rows\)/);
    await t.http.put('/api/v1/settings/fiscal-calendar').set(...bearer(admin)).send({ startMonth: 4, timeZone: 'UTC' }).expect(200);
  });
});
