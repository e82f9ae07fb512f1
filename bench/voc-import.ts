/**
 * Benchmark: import a deterministic 1,000,000-row survey export through the real HTTP endpoint
 * into a fresh database, and compare with PostgreSQL's own COPY of the same file into a table of
 * the same shape with the same unique key (and, for reference, a bare table without it).
 *   npm run bench:voc-import            (ROWS=200000 for a quicker run)
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { scratchDir, signIn, startServer } from '../tests/support/server';
import { fmt, machine, memoryOf } from './support';

const ROWS = Number(process.env['ROWS'] ?? 1_000_000);
const UNITS = ['key-accounts', 'regional-sales', 'emea', 'field-service', 'customer-support', 'logistics', 'manufacturing', 'platform-engineering', 'euv-line', 'marketing'];
const CAUSES = ['delivery delay', 'slow field service', 'price', 'software defects', 'documentation', ''];
const SURVEYS: [string, number, number][] = [['nps', 0, 10], ['csat', 1, 5], ['ces', 1, 7]];

function writeExport(file: string): number {
  const out = fs.openSync(file, 'w');
  fs.writeSync(out, 'response_id,responded_at,account,org_unit,survey,score,cause,comment\n');
  let seed = 42;
  const next = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  let chunk = '';
  for (let i = 0; i < ROWS; i++) {
    const [survey, min, max] = SURVEYS[i % 3];
    const score = min + Math.floor(next() * (max - min + 1));
    const month = 1 + (i % 24);
    const year = month > 12 ? 2026 : 2025;
    const day = 1 + Math.floor(next() * 28);
    const comment = next() < 0.3 ? `"Answer ${i}: ""quoted"", with a comma"` : '';
    chunk += `bench-${i},${year}-${String(((month - 1) % 12) + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}T${String(Math.floor(next() * 24)).padStart(2, '0')}:15:00Z,Account ${i % 500},${UNITS[i % UNITS.length]},${survey},${score},${CAUSES[i % CAUSES.length]},${comment}\n`;
    if (chunk.length > 1 << 20) {
      fs.writeSync(out, chunk);
      chunk = '';
    }
  }
  fs.writeSync(out, chunk);
  fs.closeSync(out);
  return fs.statSync(file).size;
}

async function copyInto(client: Client, table: string, file: string): Promise<number> {
  const started = process.hrtime.bigint();
  await pipeline(
    fs.createReadStream(file),
    client.query(copyFrom(`COPY ${table} (response_id, responded_at, account, org_unit, survey, score, cause, comment) FROM STDIN WITH (FORMAT csv, HEADER true)`)),
  );
  return Number(process.hrtime.bigint() - started) / 1e9;
}

async function main(): Promise<void> {
  const dir = scratchDir('lodestar-bench-import-');
  const file = path.join(dir, 'survey-export.csv');
  const bytes = writeExport(file);
  console.log(`Machine: ${machine()}`);
  console.log(`File: ${fmt(ROWS)} rows, ${fmt(bytes / 1024 ** 2, 1)} MiB`);

  const server = await startServer(dir, { SEED_DEMO: 'true', LOG_LEVEL: 'info' });
  try {
    const pid = server.child.pid as number;
    const before = memoryOf(pid);
    const { accessToken } = (await (await signIn(server.url, 'cx@example.com')).json()) as { accessToken: string };
    let peak = before.peakMiB;
    const sampler = setInterval(() => (peak = Math.max(peak, memoryOf(pid).peakMiB)), 100);
    const started = process.hrtime.bigint();
    const form = new FormData();
    form.append('file', await fs.openAsBlob(file), 'survey-export.csv');
    const upload = await fetch(`${server.url}/api/v1/voc/imports`, { method: 'POST', body: form, headers: { Authorization: `Bearer ${accessToken}` } });
    const { id } = (await upload.json()) as { id: string };
    const accepted = Number(process.hrtime.bigint() - started) / 1e9;
    let status: { status: string; inserted: number; rejected: number; duplicates: number; failure: string | null };
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      status = (await (await fetch(`${server.url}/api/v1/voc/imports/${id}`, { headers: { Authorization: `Bearer ${accessToken}` } })).json()) as typeof status;
      if (status.status === 'succeeded' || status.status === 'failed') break;
    }
    const wall = Number(process.hrtime.bigint() - started) / 1e9;
    clearInterval(sampler);
    peak = Math.max(peak, memoryOf(pid).peakMiB);
    if (status.status !== 'succeeded') throw new Error(`Import failed: ${status.failure}`);
    const importRate = ROWS / wall;

    // the floors, in the same run and the same PostgreSQL
    const password = fs.readFileSync(path.join(dir, 'pgdata.password'), 'utf8').trim();
    const pgPort = Number(fs.readFileSync(path.join(dir, 'pgdata', 'postmaster.pid'), 'utf8').split('\n')[3]);
    const client = new Client({ connectionString: `postgres://lodestar:${encodeURIComponent(password)}@127.0.0.1:${pgPort}/lodestar` });
    await client.connect();
    const shape = `response_id text, responded_at timestamptz, account text, org_unit text, survey text, score smallint, cause text, comment text`;
    await client.query(`CREATE TABLE bench_bare (${shape})`);
    await client.query(`CREATE TABLE bench_keyed (${shape}, PRIMARY KEY (response_id))`);
    const bare = await copyInto(client, 'bench_bare', file);
    const keyed = await copyInto(client, 'bench_keyed', file);
    await client.query('DROP TABLE bench_bare, bench_keyed');
    await client.end();

    console.log('');
    console.log(`HTTP import (upload + parse + validate + COPY to staging + merge + histograms, one transaction):`);
    console.log(`  inserted ${fmt(status.inserted)}, rejected ${fmt(status.rejected)}, duplicates ${fmt(status.duplicates)}`);
    console.log(`  upload accepted in ${fmt(accepted, 2)} s; done in ${fmt(wall, 2)} s → ${fmt(importRate)} rows/s`);
    console.log(`  API process RSS: ${fmt(before.rssMiB)} MiB before, peak ${fmt(peak)} MiB → growth ${fmt(peak - before.peakMiB)} MiB`);
    console.log(`PostgreSQL COPY of the same file:`);
    console.log(`  keyed table (text primary key): ${fmt(keyed, 2)} s → ${fmt(ROWS / keyed)} rows/s`);
    console.log(`  bare table (no key, reference): ${fmt(bare, 2)} s → ${fmt(ROWS / bare)} rows/s`);
    console.log(`Ratio import ÷ keyed COPY: ${fmt(importRate / (ROWS / keyed), 2)} (goal ≥ 0.50)`);
    console.log(`Ratio import ÷ bare COPY:  ${fmt(importRate / (ROWS / bare), 2)}`);
    for (const line of server.output().split('\n').filter((l) => l.includes('parsed and staged'))) {
      console.log(`Server: ${(JSON.parse(line) as { msg: string }).msg}`);
    }
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
