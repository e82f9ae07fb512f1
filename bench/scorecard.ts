/**
 * Benchmark: latency of GET /api/v1/scorecards/company — every function's CX metrics, primary
 * commercial metric and margin against their targets, with eight-period trends and the CX index —
 * with 10,000,000 answers stored beside the demo's two years of actuals and targets, under 50
 * concurrent connections, for FY2026, its four quarters and FY2025 in rotation. Also times one
 * uncached computation of each, and /health in the same run for the ratio.
 *   npm run bench:scorecard          (RESPONSES=1000000 SECONDS=10 for a quicker run)
 */
import * as fs from 'node:fs';
import { scratchDir, signIn, startServer } from '../tests/support/server';
import {
  connectToServerDatabase,
  fmt,
  loadGenerator,
  loadSyntheticAnswers,
  machine,
  reportLoad,
} from './support';

const RESPONSES = Number(process.env['RESPONSES'] ?? 10_000_000);
const SECONDS = Number(process.env['SECONDS'] ?? 30);
const CONCURRENCY = Number(process.env['CONCURRENCY'] ?? 50);
const PERIODS = ['FY2026', 'FY2026-Q1', 'FY2026-Q2', 'FY2026-Q3', 'FY2026-Q4', 'FY2025'];

async function main(): Promise<void> {
  const dir = scratchDir('lodestar-bench-scorecard-');
  console.log(`Machine: ${machine()}`);
  const server = await startServer(dir, { SEED_DEMO: 'true', LOG_LEVEL: 'warn' });
  try {
    const client = await connectToServerDatabase(dir);
    await loadSyntheticAnswers(client, RESPONSES);
    const [{ n: measurements }] = (
      await client.query<{ n: string }>('SELECT count(*)::text AS n FROM measurements')
    ).rows;
    const [{ n: targets }] = (await client.query<{ n: string }>('SELECT count(*)::text AS n FROM targets'))
      .rows;
    await client.end();
    console.log(
      `The demo holds ${fmt(Number(measurements))} measurements and ${fmt(Number(targets))} targets`,
    );

    const { accessToken } = (await (await signIn(server.url, 'ceo@example.com')).json()) as {
      accessToken: string;
    };
    const headers = { Authorization: `Bearer ${accessToken}` };
    const urls = PERIODS.map((period) => `${server.url}/api/v1/scorecards/company?period=${period}`);

    // the first request of each period computes the scorecard; the answers are not cached yet either
    for (const [index, url] of urls.entries()) {
      const t0 = process.hrtime.bigint();
      const res = await fetch(url, { headers });
      const body = (await res.json()) as { functions?: unknown[] };
      if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}: ${JSON.stringify(body)}`);
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      console.log(
        `  first GET (computed) ${PERIODS[index].padEnd(10)} ${fmt(ms, 1)} ms, ${body.functions?.length ?? 0} functions`,
      );
    }

    const load = loadGenerator(CONCURRENCY, SECONDS, accessToken);
    await load(urls); // warm-up
    console.log(`${CONCURRENCY} concurrent connections, ${SECONDS} s each:`);
    const baseline = reportLoad('baseline GET /health', await load([`${server.url}/health`]));
    const p95 = reportLoad('GET /api/v1/scorecards/company', await load(urls));
    console.log(
      `p95 ratio scorecard ÷ health: ${fmt(p95 / baseline, 1)}; goal p95 < 50 ms: ${p95 < 50 ? 'met' : 'NOT met'}`,
    );
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
