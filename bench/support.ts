import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';

/** Peak and current resident memory of a process in MiB, from /proc (Linux). */
export function memoryOf(pid: number): { rssMiB: number; peakMiB: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
  return { rssMiB: kib('VmRSS') / 1024, peakMiB: kib('VmHWM') / 1024 };
}

export function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${os.cpus().length} × ${cpu}, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

export const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** A load run: every request's latency in ms (sorted), the non-200 answers, and the wall time. */
export interface LoadRun {
  latencies: number[];
  errors: number;
  seconds: number;
}

/**
 * A load generator on Node's own http client with kept-alive sockets: `concurrency` loops, each
 * sending the next URL of `urls` in rotation as soon as its previous answer is in, for `seconds`.
 * (fetch() costs several times more CPU per request, and the generator shares the machine's
 * cores with the server it measures.)
 */
export function loadGenerator(
  concurrency: number,
  seconds: number,
  token: string,
): (urls: string[]) => Promise<LoadRun> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const get = (url: string) =>
    new Promise<number>((resolve, reject) => {
      // as a browser asks: compressed answers are welcome (the body is counted, not unpacked)
      const headers = { Authorization: `Bearer ${token}`, 'Accept-Encoding': 'gzip, deflate, br' };
      const req = http.get(url, { agent, headers }, (res) => {
        res.on('data', () => undefined);
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      });
      req.on('error', reject);
    });
  return async (urls) => {
    const latencies: number[] = [];
    let errors = 0;
    const deadline = Date.now() + seconds * 1000;
    const started = process.hrtime.bigint();
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (Date.now() < deadline) {
          const url = urls[next++ % urls.length];
          const t0 = process.hrtime.bigint();
          const status = await get(url).catch(() => 0);
          latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
          if (status !== 200) errors++;
        }
      }),
    );
    return {
      latencies: latencies.sort((a, b) => a - b),
      errors,
      seconds: Number(process.hrtime.bigint() - started) / 1e9,
    };
  };
}

/** Prints one line of a load run (req/s, p50/p95/p99, max, errors) and returns its p95. */
export function reportLoad(name: string, run: LoadRun): number {
  const p95 = percentile(run.latencies, 95);
  console.log(
    `  ${name.padEnd(34)} ${fmt(run.latencies.length / run.seconds).padStart(7)} req/s   p50 ${fmt(percentile(run.latencies, 50), 1)} ms   p95 ${fmt(p95, 1)} ms   p99 ${fmt(percentile(run.latencies, 99), 1)} ms   max ${fmt(run.latencies[run.latencies.length - 1], 1)} ms   errors ${run.errors}`,
  );
  return p95;
}

/**
 * Loads `responses` synthetic survey answers straight into PostgreSQL (generate_series), spread
 * over every unit but the company and the 24 months from October 2024, and rebuilds the score
 * histograms from them in one statement: faster than importing them, and the same tables.
 */
export async function loadSyntheticAnswers(
  client: Client,
  responses: number,
): Promise<{ answers: number; histogramRows: number }> {
  let t = Date.now();
  await client.query(
    `
    INSERT INTO voc_responses (response_id, responded_at, month, account, org_unit_id, survey, score, cause, comment)
    SELECT 'bench-' || g, make_timestamptz(y, m, 1 + (g % 28), 10, 0, 0, 'UTC'), to_char(make_date(y, m, 1), 'YYYY-MM'),
           'Account ' || (g % 500), u.ids[1 + (g % array_length(u.ids, 1))],
           (ARRAY['nps','csat','ces'])[1 + (g % 3)],
           CASE g % 3 WHEN 0 THEN (g::bigint * 7919) % 11 WHEN 1 THEN 1 + (g::bigint * 7919) % 5 ELSE 1 + (g::bigint * 7919) % 7 END,
           NULL, NULL
      FROM generate_series(1, $1::int) AS g,
           LATERAL (SELECT 2024 + ((9 + g % 24) / 12) AS y, 1 + ((9 + g % 24) % 12) AS m) AS d,
           (SELECT array_agg(id ORDER BY key) AS ids FROM org_units WHERE type <> 'COMPANY') AS u`,
    [responses],
  );
  console.log(`Loaded ${fmt(responses)} answers in ${fmt((Date.now() - t) / 1000, 1)} s`);
  t = Date.now();
  await client.query('TRUNCATE voc_histograms');
  await client.query(
    `INSERT INTO voc_histograms SELECT org_unit_id, month, survey, score, count(*) FROM voc_responses GROUP BY 1, 2, 3, 4`,
  );
  const [{ rows: total }, { rows: histogramRows }] = await Promise.all([
    client.query<{ n: string }>('SELECT count(*)::text AS n FROM voc_responses'),
    client.query<{ n: string }>('SELECT count(*)::text AS n FROM voc_histograms'),
  ]);
  await client.query('ANALYZE');
  const answers = Number(total[0].n);
  console.log(
    `Rebuilt histograms in ${fmt((Date.now() - t) / 1000, 1)} s: ${fmt(answers)} answers → ${fmt(Number(histogramRows[0].n))} histogram rows`,
  );
  return { answers, histogramRows: Number(histogramRows[0].n) };
}

/** A superuser connection to the embedded PostgreSQL of a server started in `dir`. */
export async function connectToServerDatabase(dir: string): Promise<Client> {
  const password = fs.readFileSync(path.join(dir, 'pgdata.password'), 'utf8').trim();
  const pgPort = Number(fs.readFileSync(path.join(dir, 'pgdata', 'postmaster.pid'), 'utf8').split('\n')[3]);
  const client = new Client({
    connectionString: `postgres://lodestar:${encodeURIComponent(password)}@127.0.0.1:${pgPort}/lodestar`,
  });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}
