/**
 * Benchmark: recompute every statement of a quarter through the API's real path — plan version
 * and participants from PostgreSQL, pay inputs read in batches, the payout engine, persisted
 * snapshots — for 10,000 participants on a plan of 8 components with a CX gate and a multiplier.
 * Then the engine alone on the same inputs in the same run (the facts the API hands the browser's
 * preview, one participant per unit, fanned out to every participant's target bonus and dates).
 * Goals: the whole recompute under 5 s; the engine alone under 0.5 s.
 *   npm run bench:statements        (PARTICIPANTS=2000 ROUNDS=2 for a quicker run)
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ParticipantFacts, PlanRules, PlanVersion } from '@lodestar/contracts';
import { scratchDir, signIn, startServer } from '../tests/support/server';
import { connectToServerDatabase, fmt, machine, memoryOf, percentile } from './support';

const PARTICIPANTS = Number(process.env['PARTICIPANTS'] ?? 10_000);
const ROUNDS = Number(process.env['ROUNDS'] ?? 5);
const PERIOD = process.env['PERIOD'] ?? 'FY2027-Q1';

/** The engine as the built server runs it (compiled with the API, workspace names mapped). */
function builtEngine(): {
  computeStatement: (rules: PlanRules, facts: ParticipantFacts) => { amount: string };
} {
  const dist = path.resolve(__dirname, '..', 'api', 'dist');
  require(path.join(dist, 'api', 'src', 'module-alias.js'));
  return require(path.join(dist, 'libs', 'incentives', 'src', 'index.js'));
}

const points = (...pairs: [string, string][]) => pairs.map(([value, payout]) => ({ value, payout }));

/** Eight components over own unit, parent and company, a CX gate, a complaint-rate multiplier, a plan cap. */
const RULES: PlanRules = {
  components: [
    {
      key: 'cx_index',
      label: 'CX index',
      metric: 'cx_index',
      scope: 'OWN_UNIT',
      weight: '20',
      curve: { source: 'POINTS', points: points(['50', '50'], ['100', '100'], ['150', '200']) },
      cap: null,
    },
    {
      key: 'nps',
      label: 'NPS',
      metric: 'nps',
      scope: 'OWN_UNIT',
      weight: '15',
      curve: { source: 'POINTS', points: points(['20', '50'], ['35', '100'], ['50', '200']) },
      cap: '150',
    },
    {
      key: 'csat',
      label: 'CSAT',
      metric: 'csat',
      scope: 'OWN_UNIT',
      weight: '10',
      curve: { source: 'POINTS', points: points(['40', '50'], ['55', '100'], ['70', '200']) },
      cap: null,
    },
    {
      key: 'ces',
      label: 'CES',
      metric: 'ces',
      scope: 'OWN_UNIT',
      weight: '5',
      curve: { source: 'POINTS', points: points(['4', '50'], ['5', '100'], ['6', '200']) },
      cap: null,
    },
    {
      key: 'nps_parent',
      label: 'NPS of the parent unit',
      metric: 'nps',
      scope: 'PARENT_UNIT',
      weight: '10',
      curve: { source: 'POINTS', points: points(['20', '50'], ['35', '100'], ['50', '200']) },
      cap: null,
    },
    {
      key: 'revenue',
      label: 'Company revenue',
      metric: 'revenue',
      scope: 'COMPANY',
      weight: '15',
      curve: {
        source: 'POINTS',
        points: points(['120000000', '50'], ['160000000', '100'], ['200000000', '200']),
      },
      cap: null,
    },
    {
      key: 'margin',
      label: 'Company gross margin',
      metric: 'gross_margin',
      scope: 'COMPANY',
      weight: '15',
      curve: { source: 'POINTS', points: points(['43', '50'], ['45', '100'], ['47', '200']) },
      cap: null,
    },
    {
      key: 'delivery',
      label: 'On-time delivery',
      metric: 'on_time_delivery',
      scope: 'COMPANY',
      weight: '10',
      curve: { source: 'POINTS', points: points(['85', '50'], ['88', '100'], ['94', '200']) },
      cap: null,
    },
  ],
  gates: [
    {
      key: 'cx_gate',
      label: 'CX gate',
      input: 'cx_index',
      level: '50',
      components: ['revenue', 'margin'],
      maxPayout: '100',
    },
  ],
  multiplier: {
    label: 'Complaint rate',
    metric: 'complaint_rate',
    scope: 'COMPANY',
    points: points(['3', '90'], ['2.5', '100'], ['2', '110']),
  },
  planCap: '200',
};

async function main(): Promise<void> {
  const dir = scratchDir('lodestar-bench-statements-');
  console.log(`Machine: ${machine()}`);
  console.log(
    `${fmt(PARTICIPANTS)} participants × ${RULES.components.length} components, ${PERIOD}, ${ROUNDS} recomputes`,
  );
  const server = await startServer(dir, { SEED_DEMO: 'true', LOG_LEVEL: 'warn' });
  try {
    // 10,000 people spread over every unit below the company, in one INSERT
    const client = await connectToServerDatabase(dir);
    const units = (
      await client.query<{ key: string }>(
        `SELECT key FROM org_units WHERE parent_id IS NOT NULL ORDER BY key`,
      )
    ).rows.map((row) => row.key);
    await client.query(
      `INSERT INTO users (email, name, password_hash, roles, org_unit_id, active, must_change_password)
       SELECT 'bench.' || i || '@example.com', 'Bench Person ' || i, u.password_hash, ARRAY['EXECUTIVE','MEMBER'], u.org_unit_id, true, false
         FROM generate_series(1, $1::int) AS i, (SELECT password_hash, org_unit_id FROM users WHERE email = 'vp.sales@example.com') AS u`,
      [PARTICIPANTS],
    );
    await client.end();

    const token = async (email: string) =>
      ((await (await signIn(server.url, email)).json()) as { accessToken: string }).accessToken;
    const call = async <T>(
      who: string,
      method: string,
      url: string,
      body?: unknown,
      headers: Record<string, string> = {},
    ) => {
      const res = await fetch(`${server.url}${url}`, {
        method,
        headers: { Authorization: `Bearer ${who}`, 'Content-Type': 'application/json', ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`${method} ${url} answered ${res.status}: ${text.slice(0, 500)}`);
      return { body: (text ? JSON.parse(text) : undefined) as T, etag: res.headers.get('etag') ?? '' };
    };
    const hr = await token('hr@example.com');
    const approver = await token('approver@example.com');

    const plan = await call<{ id: string }>(hr, 'POST', '/api/v1/plans', {
      key: 'bench-plan',
      name: 'Benchmark plan',
    });
    let version = await call<PlanVersion>(hr, 'POST', `/api/v1/plans/${plan.body.id}/versions`, {
      effectiveFrom: PERIOD,
    });
    const id = version.body.id;
    version = await call<PlanVersion>(
      hr,
      'PATCH',
      `/api/v1/plan-versions/${id}`,
      { rules: RULES },
      { 'If-Match': version.etag },
    );
    const participants = Array.from({ length: PARTICIPANTS }, (_, i) => ({
      user: `bench.${i + 1}@example.com`,
      orgUnit: units[i % units.length],
      annualTargetBonus: (20_000 + ((i * 7_919) % 80_000) + (i % 100) / 100).toFixed(2),
      // every seventh joins mid-quarter, so proration is part of the work
      startDate: i % 7 === 0 ? '2026-11-15' : '2026-01-01',
      endDate: null,
    }));
    // a CSV of 10,000 lines through the participants import (the JSON list takes at most 5,000)
    const csv = [
      'email,org_unit,annual_target_bonus,start_date,end_date',
      ...participants.map((p) => `${p.user},${p.orgUnit},${p.annualTargetBonus},${p.startDate},`),
    ].join('\n');
    const form = new FormData();
    form.append('file', new Blob([csv], { type: 'text/csv' }), 'participants.csv');
    let t0 = process.hrtime.bigint();
    const imported = await fetch(`${server.url}/api/v1/plan-versions/${id}/participants/imports`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${hr}`, 'If-Match': version.etag },
      body: form,
    });
    if (!imported.ok)
      throw new Error(
        `The participants import answered ${imported.status}: ${(await imported.text()).slice(0, 500)}`,
      );
    console.log(`participants imported in ${fmt(Number(process.hrtime.bigint() - t0) / 1e6, 0)} ms`);
    await call(hr, 'POST', `/api/v1/plan-versions/${id}/submit`);
    t0 = process.hrtime.bigint();
    await call(approver, 'POST', `/api/v1/plan-versions/${id}/approve`);
    console.log(`approval (freezing the inputs) in ${fmt(Number(process.hrtime.bigint() - t0) / 1e6, 0)} ms`);
    await call(hr, 'POST', `/api/v1/plan-versions/${id}/publish`);

    // The API's real path, several times. Before each round but the first, the company's revenue
    // of a month is restated, which moves every participant's revenue component: each round is a
    // whole recompute (the first inserts the snapshots, later ones update them).
    const cx = await token('cx@example.com');
    const walls: number[] = [];
    let statements = 0;
    for (let round = 0; round < ROUNDS; round++) {
      if (round > 0) {
        await call(cx, 'POST', '/api/v1/measurements', {
          measurements: [
            {
              metric: 'revenue',
              orgUnit: 'company',
              period: '2026-10',
              value: String(50_000_000 + round * 1_000_000),
              reason: `Benchmark restatement number ${round}`,
            },
          ],
        });
      }
      t0 = process.hrtime.bigint();
      const { body } = await call<{ statements: number; milliseconds: number }>(
        hr,
        'POST',
        `/api/v1/statements/recompute?period=${PERIOD}`,
      );
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      walls.push(ms);
      statements = body.statements;
      console.log(
        `  recompute ${round + 1}: ${fmt(body.statements)} statements in ${fmt(ms, 0)} ms (server says ${fmt(body.milliseconds, 0)} ms)`,
      );
    }
    // and once more with nothing changed: the statements whose inputs are unchanged are not recomputed
    t0 = process.hrtime.bigint();
    await call(hr, 'POST', `/api/v1/statements/recompute?period=${PERIOD}`);
    const unchanged = Number(process.hrtime.bigint() - t0) / 1e6;
    console.log(`  recompute with unchanged inputs: ${fmt(unchanged, 0)} ms`);
    const sortedWalls = [...walls].sort((a, b) => a - b);
    const median = percentile(sortedWalls, 50);
    const memory = memoryOf(server.child.pid ?? 0);

    // The engine alone, on the same inputs: one participant's facts per unit, fanned out.
    const engine = builtEngine();
    const stored = (await call<PlanVersion>(hr, 'GET', `/api/v1/plan-versions/${id}`)).body;
    const factsByUnit = new Map<string, ParticipantFacts>();
    for (const participant of stored.participants) {
      if (factsByUnit.has(participant.orgUnit.key)) continue;
      const { body } = await call<ParticipantFacts>(
        hr,
        'GET',
        `/api/v1/plan-versions/${id}/preview-facts?period=${PERIOD}&participant=${participant.user.id}`,
      );
      factsByUnit.set(participant.orgUnit.key, body);
    }
    const inputs = stored.participants.map((participant, i) => {
      const facts = factsByUnit.get(participant.orgUnit.key) as ParticipantFacts;
      return {
        ...facts,
        targetBonus: {
          ...facts.targetBonus,
          annual: participant.annualTargetBonus,
          eligibleDays: i % 7 === 0 ? 47 : facts.targetBonus.eligibleDays,
        },
      };
    });
    const engineRuns: number[] = [];
    let checksum = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const e0 = process.hrtime.bigint();
      for (const facts of inputs)
        checksum += Number(engine.computeStatement(RULES, facts).amount) > 0 ? 1 : 0;
      engineRuns.push(Number(process.hrtime.bigint() - e0) / 1e6);
    }
    const engineMedian = percentile(
      [...engineRuns].sort((a, b) => a - b),
      50,
    );

    console.log('');
    console.log(
      `Statements recomputed: ${fmt(statements)} (${fmt(checksum / ROUNDS)} with a payout in the engine-only run)`,
    );
    console.log(
      `Recompute through the API: median ${fmt(median, 0)} ms (min ${fmt(sortedWalls[0], 0)}, max ${fmt(sortedWalls[sortedWalls.length - 1], 0)}) = ${fmt((statements / median) * 1000)} statements/s; goal < 5,000 ms: ${median < 5000 ? 'met' : 'NOT met'}`,
    );
    console.log(
      `Engine alone, same inputs: median ${fmt(engineMedian, 0)} ms = ${fmt((inputs.length / engineMedian) * 1000)} statements/s; goal < 500 ms: ${engineMedian < 500 ? 'met' : 'NOT met'}`,
    );
    console.log(
      `Ratio API ÷ engine: ${fmt(median / engineMedian, 1)}; server RSS ${fmt(memory.rssMiB, 0)} MiB (peak ${fmt(memory.peakMiB, 0)} MiB)`,
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
