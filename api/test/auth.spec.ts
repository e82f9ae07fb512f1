import { bearer, createTestApp, DEMO_PASSWORD, TestApp } from './support/test-app';

describe('sign-in and sessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ LOGIN_MAX_FAILURES_PER_EMAIL: '3', LOGIN_MAX_FAILURES_PER_CLIENT: '50' });
  });
  afterAll(() => t.close());

  it('signs a demo user in, returns a token and sets an httpOnly SameSite=Strict cookie', async () => {
    const res = await t.http.post('/api/v1/auth/login').send({ email: 'HR@example.com', password: DEMO_PASSWORD }).expect(200);
    expect(res.body.accessToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(res.body.user).toMatchObject({ email: 'hr@example.com', name: 'Hanna Reyes', roles: ['HR', 'MEMBER'] });
    expect(res.body.user.passwordHash).toBeUndefined();
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/lodestar_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
  });

  it('accepts the session both as a bearer token and as the cookie, and logout ends it', async () => {
    const login = await t.http.post('/api/v1/auth/login').send({ email: 'cx@example.com', password: DEMO_PASSWORD }).expect(200);
    const token = login.body.accessToken as string;
    const me = await t.http.get('/api/v1/auth/me').set(...bearer(token)).expect(200);
    expect(me.body).toMatchObject({ email: 'cx@example.com', roles: ['CX_LEAD', 'MEMBER'], mustChangePassword: false });
    await t.http.get('/api/v1/auth/me').set('Cookie', `lodestar_session=${token}`).expect(200);
    await t.http.post('/api/v1/auth/logout').set(...bearer(token)).expect(204);
    const after = await t.http.get('/api/v1/auth/me').set(...bearer(token)).expect(401);
    expect(after.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('answers a wrong password and an unknown e-mail with the same 401 that does not say which part was wrong', async () => {
    const wrongPassword = await t.http.post('/api/v1/auth/login').send({ email: 'ceo@example.com', password: 'nope' }).expect(401);
    const unknownEmail = await t.http.post('/api/v1/auth/login').send({ email: 'nobody@example.com', password: 'nope' }).expect(401);
    expect(wrongPassword.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(wrongPassword.body.detail).toBe(unknownEmail.body.detail);
    expect(wrongPassword.body).toMatchObject({ status: 401, title: 'Not signed in' });
  });

  it('throttles repeated failures for one e-mail with 429 and Retry-After, even with the right password', async () => {
    for (let i = 0; i < 3; i++) {
      await t.http.post('/api/v1/auth/login').send({ email: 'vp.it@example.com', password: `wrong-${i}` }).expect(401);
    }
    const blocked = await t.http.post('/api/v1/auth/login').send({ email: 'vp.it@example.com', password: DEMO_PASSWORD }).expect(429);
    expect(blocked.headers['retry-after']).toMatch(/^\d+$/);
    expect(blocked.body.detail).toMatch(/Too many failed sign-in attempts/);
    await t.http.post('/api/v1/auth/login').send({ email: 'vp.hr@example.com', password: DEMO_PASSWORD }).expect(200);
  });

  it('refuses a deactivated user with the same 401', async () => {
    await t.sql(`UPDATE users SET active = false WHERE email = 'vp.quality@example.com'`);
    const res = await t.http.post('/api/v1/auth/login').send({ email: 'vp.quality@example.com', password: DEMO_PASSWORD }).expect(401);
    expect(res.body.detail).toMatch(/not right/);
  });

  it('validates the sign-in body and names the field', async () => {
    const res = await t.http.post('/api/v1/auth/login').send({ email: 'not-an-email', password: '' }).expect(400);
    expect(res.body.detail).toMatch(/email must be an e-mail address/);
    expect(res.body.detail).toMatch(/password must not be empty/);
    const extra = await t.http.post('/api/v1/auth/login').send({ email: 'hr@example.com', password: 'x', admin: true }).expect(400);
    expect(extra.body.detail).toMatch(/property admin should not exist/);
  });

  it('stores passwords as argon2id hashes', async () => {
    const [row] = await t.sql<{ password_hash: string }>(`SELECT password_hash FROM users WHERE email = 'hr@example.com'`);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });
});
