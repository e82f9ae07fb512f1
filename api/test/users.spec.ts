import { bearer, createTestApp, TestApp } from './support/test-app';

describe('users administration', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.tokenFor('admin@example.com');
  });
  afterAll(() => t.close());

  it('lists users page by page and finds them by name or e-mail', async () => {
    const page = await t.http.get('/api/v1/users?pageSize=5&page=2').set(...bearer(admin)).expect(200);
    expect(page.body.items).toHaveLength(5);
    expect(page.body.total).toBeGreaterThanOrEqual(30);
    expect(page.body.page).toBe(2);
    const found = await t.http.get('/api/v1/users?search=salas').set(...bearer(admin)).expect(200);
    expect(found.body.items.map((u: { email: string }) => u.email)).toEqual(['vp.sales@example.com']);
    expect(found.body.items[0].orgUnitKey).toBe('sales');
    await t.http.get('/api/v1/users?pageSize=1000').set(...bearer(admin)).expect(400);
  });

  it('creates a user with a temporary password that must be changed before anything else', async () => {
    const created = await t.http
      .post('/api/v1/users')
      .set(...bearer(admin))
      .send({ email: 'New.Hire@Example.com', name: 'New Hire', roles: ['MEMBER'] })
      .expect(201);
    expect(created.body.user).toMatchObject({ email: 'new.hire@example.com', mustChangePassword: true, active: true });
    const temporary = created.body.temporaryPassword as string;
    expect(temporary).toMatch(/^[a-z0-9]{4}(-[a-z0-9]{4}){3}$/);

    const login = await t.http.post('/api/v1/auth/login').send({ email: 'new.hire@example.com', password: temporary }).expect(200);
    const token = login.body.accessToken as string;
    expect(login.body.user.mustChangePassword).toBe(true);
    const blocked = await t.http.get('/api/v1/org-units').set(...bearer(token)).expect(403);
    expect(blocked.body.detail).toMatch(/Change your temporary password/);
    await t.http.get('/api/v1/auth/me').set(...bearer(token)).expect(200);

    await t.http.post('/api/v1/auth/password').set(...bearer(token)).send({ currentPassword: temporary, newPassword: 'short' }).expect(400);
    await t.http
      .post('/api/v1/auth/password')
      .set(...bearer(token))
      .send({ currentPassword: 'wrong-one', newPassword: 'a-good-new-password' })
      .expect(400);
    const changed = await t.http
      .post('/api/v1/auth/password')
      .set(...bearer(token))
      .send({ currentPassword: temporary, newPassword: 'a-good-new-password' })
      .expect(200);
    expect(changed.body.mustChangePassword).toBe(false);
    await t.http.get('/api/v1/org-units').set(...bearer(token)).expect(200);
    await t.http.post('/api/v1/auth/login').send({ email: 'new.hire@example.com', password: 'a-good-new-password' }).expect(200);
  });

  it('refuses a second user with the same e-mail with 409', async () => {
    const res = await t.http
      .post('/api/v1/users')
      .set(...bearer(admin))
      .send({ email: 'hr@example.com', name: 'Copy', roles: ['MEMBER'] })
      .expect(409);
    expect(res.body.detail).toMatch(/already exists/);
  });

  it('refuses unknown roles, unknown units and unknown fields with the reason', async () => {
    const badRole = await t.http.post('/api/v1/users').set(...bearer(admin)).send({ email: 'x@example.com', name: 'X', roles: ['KING'] }).expect(400);
    expect(badRole.body.detail).toMatch(/each role must be one of ADMIN, HR/);
    const badUnit = await t.http
      .post('/api/v1/users')
      .set(...bearer(admin))
      .send({ email: 'x@example.com', name: 'X', roles: [], orgUnitId: '00000000-0000-4000-8000-000000000000' })
      .expect(400);
    expect(badUnit.body.detail).toMatch(/no org unit/);
    await t.http.patch('/api/v1/users/not-a-uuid').set(...bearer(admin)).send({ name: 'Y' }).expect(400);
    await t.http.patch('/api/v1/users/00000000-0000-4000-8000-000000000000').set(...bearer(admin)).send({ name: 'Y' }).expect(404);
  });

  it('changes another user’s roles and unit, and records before and after in the audit log', async () => {
    const [member] = await t.sql<{ id: string }>(`SELECT id FROM users WHERE email = 'member@example.com'`);
    const [sales] = await t.sql<{ id: string }>(`SELECT id FROM org_units WHERE key = 'sales'`);
    const res = await t.http
      .patch(`/api/v1/users/${member.id}`)
      .set(...bearer(admin))
      .send({ roles: ['MEMBER', 'REVIEWER'], orgUnitId: sales.id })
      .expect(200);
    expect(res.body).toMatchObject({ roles: ['MEMBER', 'REVIEWER'], orgUnitKey: 'sales' });
    const [entry] = await t.sql<{ action: string; before: { roles: string[] }; after: { roles: string[] }; actor_email: string }>(
      `SELECT action, before, after, actor_email FROM audit_entries WHERE entity_id = $1 ORDER BY id DESC LIMIT 1`,
      [member.id],
    );
    expect(entry).toMatchObject({ action: 'user.roles.change', actor_email: 'admin@example.com' });
    expect(entry.before.roles).toEqual(['MEMBER']);
    expect(entry.after.roles).toEqual(['MEMBER', 'REVIEWER']);
  });

  it('lets nobody change their own roles or deactivate themselves', async () => {
    const [me] = await t.sql<{ id: string }>(`SELECT id FROM users WHERE email = 'admin@example.com'`);
    const res = await t.http.patch(`/api/v1/users/${me.id}`).set(...bearer(admin)).send({ roles: ['ADMIN', 'HR'] }).expect(403);
    expect(res.body.detail).toMatch(/Nobody can change their own roles/);
    await t.http.patch(`/api/v1/users/${me.id}`).set(...bearer(admin)).send({ active: false }).expect(403);
    await t.http.patch(`/api/v1/users/${me.id}`).set(...bearer(admin)).send({ name: 'Alex A. Admin' }).expect(200);
  });

  it('applies a role taken away to the user’s open session at once', async () => {
    const token = await t.tokenFor('cx@example.com');
    await t.http.get('/api/v1/voc/imports').set(...bearer(token)).expect(200);
    const [user] = await t.sql<{ id: string }>(`SELECT id FROM users WHERE email = 'cx@example.com'`);
    await t.http.patch(`/api/v1/users/${user.id}`).set(...bearer(admin)).send({ roles: ['MEMBER'] }).expect(200);
    await t.http.get('/api/v1/voc/imports').set(...bearer(token)).expect(403);
    await t.http.patch(`/api/v1/users/${user.id}`).set(...bearer(admin)).send({ roles: ['CX_LEAD', 'MEMBER'] }).expect(200);
    await t.http.get('/api/v1/voc/imports').set(...bearer(token)).expect(200);
  });

  it('deactivating a user ends their sessions', async () => {
    const token = await t.tokenFor('vp.finance@example.com');
    await t.http.get('/api/v1/auth/me').set(...bearer(token)).expect(200);
    const [user] = await t.sql<{ id: string }>(`SELECT id FROM users WHERE email = 'vp.finance@example.com'`);
    await t.http.patch(`/api/v1/users/${user.id}`).set(...bearer(admin)).send({ active: false }).expect(200);
    await t.http.get('/api/v1/auth/me').set(...bearer(token)).expect(401);
  });

  it('resets a password: old sessions end and the temporary one must be changed', async () => {
    const old = await t.tokenFor('vp.marketing@example.com');
    const [user] = await t.sql<{ id: string }>(`SELECT id FROM users WHERE email = 'vp.marketing@example.com'`);
    const reset = await t.http.post(`/api/v1/users/${user.id}/password-reset`).set(...bearer(admin)).expect(200);
    expect(reset.body.user.mustChangePassword).toBe(true);
    await t.http.get('/api/v1/auth/me').set(...bearer(old)).expect(401);
    await t.http.post('/api/v1/auth/login').send({ email: 'vp.marketing@example.com', password: 'lodestar-demo' }).expect(401);
    const login = await t.http
      .post('/api/v1/auth/login')
      .send({ email: 'vp.marketing@example.com', password: reset.body.temporaryPassword })
      .expect(200);
    expect(login.body.user.mustChangePassword).toBe(true);
  });
});
