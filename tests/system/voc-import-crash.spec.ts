import * as fs from 'node:fs';
import * as path from 'node:path';
import { isRunning, postmasterPid, RunningServer, scratchDir, signIn, startServer } from '../support/server';

/** A survey export of `rows` answers, all for the HR function (which has no demo answers). */
function writeExport(file: string, rows: number): void {
  const out = fs.openSync(file, 'w');
  fs.writeSync(out, 'response_id,responded_at,account,org_unit,survey,score,cause,comment\n');
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    chunk += `crash-${i},2026-02-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00Z,Account ${i % 97},hr,nps,${i % 11},price,"Comment, number ${i}"\n`;
    if (chunk.length > 1 << 20) {
      fs.writeSync(out, chunk);
      chunk = '';
    }
  }
  fs.writeSync(out, chunk);
  fs.closeSync(out);
}

async function json<T>(server: RunningServer, token: string, url: string): Promise<T> {
  const res = await fetch(`${server.url}${url}`, { headers: { Authorization: `Bearer ${token}` } });
  return (await res.json()) as T;
}

describe('a VoC import killed half-way', () => {
  const dataDir = scratchDir('lodestar-voc-crash-');
  afterAll(() => {
    const pid = postmasterPid(path.join(dataDir, 'pgdata'));
    if (pid && isRunning(pid)) process.kill(pid, 'SIGQUIT');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('leaves none of its rows behind and shows as failed with the reason after a restart', async () => {
    const file = path.join(dataDir, 'big-export.csv');
    writeExport(file, 600_000);
    let server = await startServer(dataDir);
    const { accessToken } = (await (await signIn(server.url, 'cx@example.com')).json()) as { accessToken: string };
    const form = new FormData();
    form.append('file', await fs.openAsBlob(file), 'big-export.csv');
    const upload = await fetch(`${server.url}/api/v1/voc/imports`, { method: 'POST', body: form, headers: { Authorization: `Bearer ${accessToken}` } });
    expect(upload.status).toBe(202);
    const { id } = (await upload.json()) as { id: string };

    // wait until it is visibly under way, then kill the server outright
    let status: { status: string; rowsProcessed: number } = { status: 'queued', rowsProcessed: 0 };
    for (let i = 0; i < 300 && !(status.status === 'running' && status.rowsProcessed > 0); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      status = await json(server, accessToken, `/api/v1/voc/imports/${id}`);
    }
    expect(status.status).toBe('running');
    server.child.kill('SIGKILL');
    await server.exited;

    server = await startServer(dataDir);
    try {
      const { accessToken: token } = (await (await signIn(server.url, 'cx@example.com')).json()) as { accessToken: string };
      const after = await json<{ status: string; failure: string; inserted: number }>(server, token, `/api/v1/voc/imports/${id}`);
      expect(after.status).toBe('failed');
      expect(after.failure).toMatch(/server stopped before this import finished, so none of its rows were stored/);
      expect(after.inserted).toBe(0);
      const result = await json<{ n: number }>(server, token, '/api/v1/cx/results?orgUnit=hr&period=FY2026&metric=nps');
      expect(result.n).toBe(0);
      const comments = await json<{ total: number }>(server, token, '/api/v1/voc/comments?orgUnit=hr&period=FY2026');
      expect(comments.total).toBe(0);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  }, 180_000);
});
