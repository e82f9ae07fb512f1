/**
 * Benchmark: latency of GET /api/v1/cx/results for the company and for a function over a fiscal
 * year, with 10,000,000 answers stored, under 50 concurrent connections. The answers are
 * generated inside PostgreSQL (generate_series) and the histograms rebuilt from them in one
 * statement, which is faster than importing 10 M rows and gives the same tables.
 *   npm run bench:cx-results          (RESPONSES=1000000 SECONDS=10 for a quicker run)
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
const SECONDS = Number(process.env['SECONDS'] ?? 20);
const CONCURRENCY = Number(process.env['CONCURRENCY'] ?? 50);

async function main(): Promise<void> {
  const dir = scratchDir('lodestar-bench-results-');
  console.log(`Machine: ${machine()}`);
  const server = await startServer(dir, { SEED_DEMO: 'true', LOG_LEVEL: 'warn' });
  try {
    const client = await connectToServerDatabase(dir);
    await loadSyntheticAnswers(client, RESPONSES);
    await client.end();

    const { accessToken } = (await (await signIn(server.url, 'ceo@example.com')).json()) as {
      accessToken: string;
    };
    const load = loadGenerator(CONCURRENCY, SECONDS, accessToken);
    const results = ['company', 'service', 'sales', 'operations'].flatMap((unit) =>
      ['nps', 'csat', 'ces'].map(
        (metric) => `${server.url}/api/v1/cx/results?orgUnit=${unit}&period=FY2026&metric=${metric}`,
      ),
    );
    const check = (await (
      await fetch(results[0], { headers: { Authorization: `Bearer ${accessToken}` } })
    ).json()) as { n: number };
    console.log(`Company NPS over FY2026 counts n = ${fmt(check.n)} answers`);
    await load(results); // warm-up
    console.log(`${CONCURRENCY} concurrent connections, ${SECONDS} s each:`);
    const baseline = reportLoad('baseline GET /health', await load([`${server.url}/health`]));
    const p95 = reportLoad('GET /api/v1/cx/results (FY2026)', await load(results));
    console.log(
      `p95 ratio results ÷ health: ${fmt(p95 / baseline, 1)}; goal p95 < 30 ms: ${p95 < 30 ? 'met' : 'NOT met'}`,
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
