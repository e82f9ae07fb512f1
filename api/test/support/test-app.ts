import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Role } from '@lodestar/contracts';
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Client, Pool } from 'pg';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { createApp } from '../../src/app.factory';
import { JsonLogger } from '../../src/common/json-logger';
import { AppConfig, loadConfig } from '../../src/config/configuration';
import { withDatabase } from './global-setup';

export const DEMO_PASSWORD = 'lodestar-demo';

export interface TestApp {
  app: NestExpressApplication;
  http: TestAgent;
  /** URL of this test file's own database. */
  url: string;
  anchorFile: string;
  config: AppConfig;
  /** Runs SQL as the superuser against this test's database. */
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** A bearer token for a demo user, made without going through the sign-in throttle. */
  tokenFor(email: string): Promise<string>;
  /** Creates a user holding exactly these roles and returns a bearer token for them. */
  userWithRoles(roles: Role[], email?: string): Promise<{ id: string; token: string }>;
  close(): Promise<void>;
}

/** A fresh database copied from the migrated, seeded template, and the real Nest app on it. */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const adminUrl = process.env['LODESTAR_TEST_ADMIN_URL'];
  const template = process.env['LODESTAR_TEST_TEMPLATE'];
  const workDir = process.env['LODESTAR_TEST_WORKDIR'];
  if (!adminUrl || !template || !workDir) throw new Error('The API test global setup did not run.');
  const database = `lodestar_t_${randomBytes(5).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database} TEMPLATE ${template}`);
  await admin.end();
  const url = withDatabase(adminUrl, database);
  const anchorFile = path.join(workDir, `${database}-anchor.log`);
  fs.copyFileSync(process.env['LODESTAR_TEST_TEMPLATE_ANCHOR'] as string, anchorFile);
  const config = loadConfig({
    DATABASE_URL: url,
    AUDIT_ANCHOR_FILE: anchorFile,
    WEB_ROOT: 'off',
    LOG_LEVEL: 'error',
    ...env,
  });
  const logger = new JsonLogger('error');
  const app = await createApp(config, url, logger);
  await app.init();
  const db = new Pool({ connectionString: url, max: 2 });
  db.on('error', () => undefined);
  const sql = async <T>(text: string, params: unknown[] = []) => (await db.query(text, params)).rows as T[];
  const issueToken = async (userId: string) => {
    const token = randomBytes(24).toString('base64url');
    const hash = createHash('sha256').update(token).digest('hex');
    await sql(`INSERT INTO sessions (user_id, token_hash, expires_at) VALUES ($1, $2, now() + interval '1 hour')`, [userId, hash]);
    return token;
  };
  return {
    app,
    http: request(app.getHttpServer()),
    url,
    anchorFile,
    config,
    sql,
    async tokenFor(email) {
      const [user] = await sql<{ id: string }>('SELECT id FROM users WHERE email = $1', [email]);
      if (!user) throw new Error(`No demo user ${email}`);
      return issueToken(user.id);
    },
    async userWithRoles(roles, email) {
      const address = email ?? `${roles.join('-').toLowerCase().replace(/_/g, '-') || 'none'}.${randomBytes(3).toString('hex')}@test.example.com`;
      const [user] = await sql<{ id: string }>(
        `INSERT INTO users (email, name, password_hash, roles) VALUES ($1, $2, 'not-a-hash', $3) RETURNING id`,
        [address, `Test ${roles.join(' ')}`, roles],
      );
      return { id: user.id, token: await issueToken(user.id) };
    },
    async close() {
      await db.end();
      await (app as INestApplication).close();
      const cleanup = new Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

export function bearer(token: string): [string, string] {
  return ['Authorization', `Bearer ${token}`];
}
