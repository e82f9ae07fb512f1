/**
 * Benchmark: latency of GET /api/v1/cx/results for the company and for a function over a fiscal
 * year, with 10,000,000 answers stored, under 50 concurrent connections. The answers are
 * generated inside PostgreSQL (generate_series) and the histograms rebuilt from them in one
 * statement, which is faster than importing 10 M rows and gives the same tables.
 *   npm run bench:cx-results          (RESPONSES=1000000 SECONDS=10 for a quicker run)
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { Client } from 'pg';
import { scratchDir, signIn, startServer } from '../tests/support/server';
import { fmt, machine, percentile } from './support';

const RESPONSES = Number(process.env['RESPONSES'] ?? 10_000_000);
const SECONDS = Number(process.env['SECONDS'] ?? 20);
const CONCURRENCY = Number(process.env['CONCURRENCY'] ?? 50);

// Node's own http client with kept-alive sockets: fetch() costs several times more CPU per
// request, and the load generator shares the machine's cores with the server it measures.
const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });

function get(url: string, token: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent, headers: { Authorization: `Bearer ${token}` } }, (res) => {
      res.on('data', () => undefined);
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

async function load(urls: string[], token: string): Promise<{ latencies: number[]; errors: number; seconds: number }> {
  const latencies: number[] = [];
  let errors = 0;
  const deadline = Date.now() + SECONDS * 1000;
  const started = process.hrtime.bigint();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() < deadline) {
        const url = urls[next++ % urls.length];
        const t0 = process.hrtime.bigint();
        const status = await get(url, token);
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
        if (status !== 200) errors++;
      }
    }),
  );
  return { latencies: latencies.sort((a, b) => a - b), errors, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

function report(name: string, run: { latencies: number[]; errors: number; seconds: number }): number {
  const p95 = percentile(run.latencies, 95);
  console.log(
    `  ${name.padEnd(34)} ${fmt(run.latencies.length / run.seconds).padStart(7)} req/s   p50 ${fmt(percentile(run.latencies, 50), 1)} ms   p95 ${fmt(p95, 1)} ms   p99 ${fmt(percentile(run.latencies, 99), 1)} ms   max ${fmt(run.latencies[run.latencies.length - 1], 1)} ms   errors ${run.errors}`,
  );
  return p95;
}

async function main(): Promise<void> {
  const dir = scratchDir('lodestar-bench-results-');
  console.log(`Machine: ${machine()}`);
  const server = await startServer(dir, { SEED_DEMO: 'true', LOG_LEVEL: 'warn' });
  try {
    const password = fs.readFileSync(path.join(dir, 'pgdata.password'), 'utf8').trim();
    const pgPort = Number(fs.readFileSync(path.join(dir, 'pgdata', 'postmaster.pid'), 'utf8').split('\n')[3]);
    const client = new Client({ connectionString: `postgres://lodestar:${encodeURIComponent(password)}@127.0.0.1:${pgPort}/lodestar` });
    client.on('error', () => undefined);
    await client.connect();
    let t = Date.now();
    await client.query(`
      INSERT INTO voc_responses (response_id, responded_at, month, account, org_unit_id, survey, score, cause, comment)
      SELECT 'bench-' || g, make_timestamptz(y, m, 1 + (g % 28), 10, 0, 0, 'UTC'), to_char(make_date(y, m, 1), 'YYYY-MM'),
             'Account ' || (g % 500), u.ids[1 + (g % array_length(u.ids, 1))],
             (ARRAY['nps','csat','ces'])[1 + (g % 3)],
             CASE g % 3 WHEN 0 THEN (g::bigint * 7919) % 11 WHEN 1 THEN 1 + (g::bigint * 7919) % 5 ELSE 1 + (g::bigint * 7919) % 7 END,
             NULL, NULL
        FROM generate_series(1, $1::int) AS g,
             LATERAL (SELECT 2024 + ((9 + g % 24) / 12) AS y, 1 + ((9 + g % 24) % 12) AS m) AS d,
             (SELECT array_agg(id ORDER BY key) AS ids FROM org_units WHERE type <> 'COMPANY') AS u`,
      [RESPONSES],
    );
    console.log(`Loaded ${fmt(RESPONSES)} answers in ${fmt((Date.now() - t) / 1000, 1)} s`);
    t = Date.now();
    await client.query('TRUNCATE voc_histograms');
    await client.query(`INSERT INTO voc_histograms SELECT org_unit_id, month, survey, score, count(*) FROM voc_responses GROUP BY 1, 2, 3, 4`);
    const [{ rows: total }, { rows: histogramRows }] = await Promise.all([
      client.query<{ n: string }>('SELECT count(*)::text AS n FROM voc_responses'),
      client.query<{ n: string }>('SELECT count(*)::text AS n FROM voc_histograms'),
    ]);
    await client.query('ANALYZE');
    await client.end();
    console.log(`Rebuilt histograms in ${fmt((Date.now() - t) / 1000, 1)} s: ${fmt(Number(total[0].n))} answers → ${fmt(Number(histogramRows[0].n))} histogram rows`);

    const { accessToken } = (await (await signIn(server.url, 'ceo@example.com')).json()) as { accessToken: string };
    const results = ['company', 'service', 'sales', 'operations'].flatMap((unit) =>
      ['nps', 'csat', 'ces'].map((metric) => `${server.url}/api/v1/cx/results?orgUnit=${unit}&period=FY2026&metric=${metric}`),
    );
    const check = (await (await fetch(results[0], { headers: { Authorization: `Bearer ${accessToken}` } })).json()) as { n: number };
    console.log(`Company NPS over FY2026 counts n = ${fmt(check.n)} answers`);
    await load(results, accessToken); // warm-up
    console.log(`${CONCURRENCY} concurrent connections, ${SECONDS} s each:`);
    const baseline = report('baseline GET /health', await load([`${server.url}/health`], accessToken));
    const p95 = report('GET /api/v1/cx/results (FY2026)', await load(results, accessToken));
    console.log(`p95 ratio results ÷ health: ${fmt(p95 / baseline, 1)}; goal p95 < 30 ms: ${p95 < 30 ? 'met' : 'NOT met'}`);
  } catch (error) {
    console.error(server.output().split('\n').slice(-15).join('\n'));
    throw error;
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
