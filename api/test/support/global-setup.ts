import './register-aliases';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { migrate } from '../../src/db/data-source';
import { EmbeddedPostgres, freePort } from '../../src/db/embedded-postgres';
import { seedDemoCompany } from '../../src/db/seed/seed-demo';

/**
 * Starts one PostgreSQL for the whole run (the embedded one, or the server in DATABASE_URL) and
 * builds a template database: migrated and loaded with the demo company. Each test file then gets
 * its own database copied from the template (see test-app.ts).
 */
export default async function globalSetup(): Promise<void> {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lodestar-api-test-'));
  fs.chmodSync(workDir, 0o755);
  let adminUrl = process.env['DATABASE_URL'];
  if (!adminUrl) {
    const server = new EmbeddedPostgres({ dataDir: path.join(workDir, 'pgdata'), port: await freePort(), database: 'postgres' });
    adminUrl = await server.start();
    (globalThis as { __LODESTAR_PG__?: EmbeddedPostgres }).__LODESTAR_PG__ = server;
  }
  const template = `lodestar_template_${process.pid}`;
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${template}`);
  await client.query(`CREATE DATABASE ${template}`);
  await client.end();
  const templateUrl = withDatabase(adminUrl, template);
  const anchorFile = path.join(workDir, 'template-anchor.log');
  await migrate(templateUrl);
  // The demo's org and people, without its survey answers: API tests count answers themselves.
  await seedDemoCompany(templateUrl, anchorFile, { voc: false });
  process.env['LODESTAR_TEST_ADMIN_URL'] = adminUrl;
  process.env['LODESTAR_TEST_TEMPLATE'] = template;
  process.env['LODESTAR_TEST_WORKDIR'] = workDir;
  process.env['LODESTAR_TEST_TEMPLATE_ANCHOR'] = anchorFile;
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
