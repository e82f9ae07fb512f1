import * as fs from 'node:fs';
import { Client } from 'pg';
import type { EmbeddedPostgres } from '../../src/db/embedded-postgres';

export default async function globalTeardown(): Promise<void> {
  const server = (globalThis as { __LODESTAR_PG__?: EmbeddedPostgres }).__LODESTAR_PG__;
  if (server) {
    await server.stop();
  } else if (process.env['LODESTAR_TEST_ADMIN_URL']) {
    const client = new Client({ connectionString: process.env['LODESTAR_TEST_ADMIN_URL'] });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${process.env['LODESTAR_TEST_TEMPLATE']} WITH (FORCE)`);
    await client.end();
  }
  const workDir = process.env['LODESTAR_TEST_WORKDIR'];
  if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
}
