import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { createApp } from '../src/app.factory';
import { JsonLogger } from '../src/common/json-logger';
import { loadConfig } from '../src/config/configuration';
import { migrate, MIGRATIONS } from '../src/db/data-source';
import { EmbeddedPostgres, freePort } from '../src/db/embedded-postgres';
import { seedDemoCompany } from '../src/db/seed/seed-demo';

/** Debian's PostgreSQL 15, installed on these machines but not running; the oldest version supported. */
const DEBIAN_PG15 = '/usr/lib/postgresql/15/bin';

describe('running on another PostgreSQL through DATABASE_URL (Debian PostgreSQL 15)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lodestar-pg15-'));
  let server: EmbeddedPostgres;
  let adminUrl: string;

  beforeAll(async () => {
    fs.chmodSync(dir, 0o755);
    if (!fs.existsSync(path.join(DEBIAN_PG15, 'postgres'))) {
      throw new Error(`PostgreSQL 15 is not installed at ${DEBIAN_PG15}: apt-get install -y postgresql-15`);
    }
    server = new EmbeddedPostgres({ dataDir: path.join(dir, 'data'), port: await freePort(), database: 'lodestar', binDir: DEBIAN_PG15 });
    adminUrl = await server.start();
  }, 60000);

  afterAll(async () => {
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('migrates, seeds on request and serves sign-in on PostgreSQL 15', async () => {
    const client = new Client({ connectionString: adminUrl });
    await client.connect();
    const { rows } = await client.query<{ server_version_num: string }>('SHOW server_version_num');
    await client.end();
    expect(Number(rows[0].server_version_num)).toBeGreaterThanOrEqual(150000);
    expect(Number(rows[0].server_version_num)).toBeLessThan(160000);

    expect(await migrate(adminUrl)).toEqual(MIGRATIONS.map((migration) => migration.name));
    expect(await migrate(adminUrl)).toEqual([]);
    const config = loadConfig({ DATABASE_URL: adminUrl, SEED_DEMO: 'true', WEB_ROOT: 'off', AUDIT_ANCHOR_FILE: path.join(dir, 'anchor.log') });
    expect(config.seedDemo).toBe(true);
    expect(await seedDemoCompany(adminUrl, config.auditAnchorFile)).toBe(true);
    expect(await seedDemoCompany(adminUrl, config.auditAnchorFile)).toBe(false);

    const app = await createApp(config, adminUrl, new JsonLogger('error'));
    await app.init();
    try {
      const http = request(app.getHttpServer());
      await http.get('/ready').expect(200);
      const login = await http.post('/api/v1/auth/login').send({ email: 'hr@example.com', password: 'lodestar-demo' }).expect(200);
      const verify = await http.get('/api/v1/audit/verify').set('Authorization', `Bearer ${login.body.accessToken}`).expect(200);
      expect(verify.body).toMatchObject({ valid: true, anchorMatches: true, checked: 1 });
    } finally {
      await app.close();
    }
  }, 60000);

  it('loads no demo data with DATABASE_URL unless SEED_DEMO=true', () => {
    expect(loadConfig({ DATABASE_URL: adminUrl }).seedDemo).toBe(false);
    expect(loadConfig({}).seedDemo).toBe(true);
    expect(loadConfig({ SEED_DEMO: 'false' }).seedDemo).toBe(false);
  });
});
