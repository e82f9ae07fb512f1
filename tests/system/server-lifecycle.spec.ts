import * as fs from 'node:fs';
import * as path from 'node:path';
import { failedStart, isRunning, postmasterPid, scratchDir, signIn, startServer } from '../support/server';

const DEMO_SIGN_INS = [
  'admin@example.com',
  'hr@example.com',
  'approver@example.com',
  'cx@example.com',
  'reviewer@example.com',
  'member@example.com',
  'ceo@example.com',
  'vp.sales@example.com',
  'vp.service@example.com',
  'vp.marketing@example.com',
  'vp.product@example.com',
  'vp.operations@example.com',
  'vp.quality@example.com',
  'vp.finance@example.com',
  'vp.hr@example.com',
  'vp.it@example.com',
];

async function waitUntil(check: () => boolean, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the server as npm start runs it, with the embedded PostgreSQL', () => {
  const dataDir = scratchDir('lodestar-lifecycle-');
  const pgdata = path.join(dataDir, 'pgdata');
  afterAll(async () => {
    const pid = postmasterPid(pgdata);
    if (pid && isRunning(pid)) process.kill(pid, 'SIGQUIT');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts on an empty folder, loads the demo company, and every demo sign-in works', async () => {
    const server = await startServer(dataDir);
    try {
      for (const email of DEMO_SIGN_INS) {
        const res = await signIn(server.url, email);
        expect({ email, status: res.status }).toEqual({ email, status: 200 });
      }
      expect(server.output()).toContain('Demo sign-ins');
      expect(server.output()).toContain(`http://localhost:${server.port}`);
      const index = await fetch(`${server.url}/org/some/deep/link`);
      expect(index.status).toBe(200);
      expect(await index.text()).toMatch(/<ls-root|<app-root|<html/i);
      const api404 = await fetch(`${server.url}/api/v1/unknown`);
      expect(api404.status).toBe(404);
      expect(api404.headers.get('content-type')).toMatch(/application\/problem\+json/);
    } finally {
      expect(await server.stop()).toEqual({ code: 0 });
    }
    expect(postmasterPid(pgdata)).toBeUndefined();
  }, 120_000);

  it('keeps data across a clean restart without loading the demo again', async () => {
    let server = await startServer(dataDir);
    const admin = await (await signIn(server.url, 'admin@example.com')).json();
    const created = await fetch(`${server.url}/api/v1/users`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${admin.accessToken}` },
      body: JSON.stringify({ email: 'kept@example.com', name: 'Kept Across Restarts', roles: ['MEMBER'] }),
    });
    expect(created.status).toBe(201);
    server.child.kill('SIGINT');
    expect(await server.exited).toBe(0);

    server = await startServer(dataDir);
    try {
      const again = await (await signIn(server.url, 'admin@example.com')).json();
      const users = await (
        await fetch(`${server.url}/api/v1/users?search=kept`, { headers: { Authorization: `Bearer ${again.accessToken}` } })
      ).json();
      expect(users.items.map((u: { email: string }) => u.email)).toEqual(['kept@example.com']);
      expect(server.output()).not.toContain('Loaded the demo company');
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  }, 120_000);

  it('re-attaches to its PostgreSQL after being killed with SIGKILL, and recovers after PostgreSQL itself crashes', async () => {
    let server = await startServer(dataDir);
    server.child.kill('SIGKILL');
    await server.exited;
    const orphan = postmasterPid(pgdata);
    expect(orphan && isRunning(orphan)).toBe(true);

    server = await startServer(dataDir);
    expect(postmasterPid(pgdata)).toBe(orphan);
    expect((await signIn(server.url, 'hr@example.com')).status).toBe(200);
    server.child.kill('SIGKILL');
    await server.exited;

    // now the database server crashes too: the next start runs crash recovery
    process.kill(orphan as number, 'SIGKILL');
    await waitUntil(() => !isRunning(orphan as number));
    server = await startServer(dataDir);
    try {
      expect((await signIn(server.url, 'ceo@example.com')).status).toBe(200);
      expect(postmasterPid(pgdata)).not.toBe(orphan);
    } finally {
      expect(await server.stop()).toEqual({ code: 0 });
    }
  }, 180_000);

  it('explains a start-up failure in one sentence, without a stack trace', async () => {
    const badPort = await failedStart({ PORT: 'abc' });
    expect(badPort.code).toBe(1);
    expect(badPort.output.trim()).toBe('PORT must be a whole number from 0 to 65535, not "abc": fix it or unset it.');

    const unreachable = await failedStart({ DATABASE_URL: 'postgres://lodestar:x@127.0.0.1:1/lodestar' });
    expect(unreachable.code).toBe(1);
    expect(unreachable.output.trim()).toBe('Cannot reach the PostgreSQL server at 127.0.0.1:1 (ECONNREFUSED): start it, or fix DATABASE_URL.');
    expect(unreachable.output).not.toMatch(/\n\s+at /);
  }, 60_000);

  it('says where to put the database when the postgres user cannot reach the folder (as root)', async () => {
    const locked = scratchDir('lodestar-locked-');
    fs.chmodSync(locked, 0o700);
    try {
      const env = { LODESTAR_PGDATA: path.join(locked, 'inner', 'pgdata'), PORT: '0' };
      if (process.getuid?.() === 0) {
        const result = await failedStart(env);
        expect(result.code).toBe(1);
        expect(result.output.trim()).toMatch(/^PostgreSQL refuses to run as root .* cannot enter .*: set LODESTAR_PGDATA to a folder that user can reach/);
        expect(result.output).not.toMatch(/\n\s+at /);
      } else {
        // as a normal user PostgreSQL runs as that user, so a private folder is fine
        const server = await startServer(locked, { LODESTAR_PGDATA: env.LODESTAR_PGDATA });
        server.child.kill('SIGTERM');
        expect(await server.exited).toBe(0);
      }
    } finally {
      fs.rmSync(locked, { recursive: true, force: true });
    }
  }, 60_000);
});
