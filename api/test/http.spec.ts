import { Client } from 'pg';
import { createTestApp, TestApp } from './support/test-app';

describe('HTTP conventions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers liveness and readiness outside the API prefix', async () => {
    await t.http.get('/health').expect(200, { status: 'ok' });
    await t.http.get('/ready').expect(200, { status: 'ready' });
  });

  it('answers an unknown API route with a 404 problem that names it', async () => {
    const res = await t.http.get('/api/v1/no-such-thing').expect(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 404, title: 'Not found', instance: '/api/v1/no-such-thing' });
    expect(res.body.detail).toMatch(/no API route GET \/api\/v1\/no-such-thing/);
  });

  it('answers malformed JSON with a 400 problem, not a 500', async () => {
    const res = await t.http.post('/api/v1/auth/login').set('Content-Type', 'application/json').send('{"email": "a@b.c",').expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.status).toBe(400);
  });

  it('sets security headers with helmet', async () => {
    const res = await t.http.get('/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('publishes the OpenAPI document with every route', async () => {
    const res = await t.http.get('/api/docs/openapi.json').expect(200);
    expect(res.body.info.title).toBe('Lodestar API');
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/auth/login', '/api/v1/users', '/api/v1/org-units', '/api/v1/audit/verify']),
    );
    await t.http.get('/api/docs').expect(200);
  });

  it('reports 503 from /ready while the database is unreachable, and recovers', async () => {
    const database = new URL(t.url).pathname.slice(1);
    const admin = new Client({ connectionString: process.env['LODESTAR_TEST_ADMIN_URL'] });
    await admin.connect();
    await admin.query(`ALTER DATABASE ${database} WITH ALLOW_CONNECTIONS false`);
    await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [database]);
    const down = await t.http.get('/ready').expect(503);
    expect(down.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(down.body.detail).toMatch(/database is not reachable/);
    await t.http.get('/health').expect(200);
    await admin.query(`ALTER DATABASE ${database} WITH ALLOW_CONNECTIONS true`);
    await admin.end();
    await t.http.get('/ready').expect(200);
  });
});
