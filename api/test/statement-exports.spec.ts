import { Decimal } from 'decimal.js';
import { strFromU8, unzipSync } from 'fflate';
import type { Response } from 'supertest';
import { STATEMENT_COLUMNS } from '../src/incentives/statement-export';
import { bearer, createTestApp, TestApp } from './support/test-app';

/** Collects a binary response body (supertest buffers only text by default). */
function binary(res: Response, callback: (error: Error | null, body: Buffer) => void): void {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => callback(null, Buffer.concat(chunks)));
}

/** The lines of a CSV answer, without the byte-order mark and the last line end. */
const linesOf = (text: string) =>
  text
    .replace(/^\ufeff/, '')
    .replace(/\r\n$/, '')
    .split('\r\n');

/**
 * Statement exports through the real app and PostgreSQL, on statements written with SQL in FY2031
 * (no demo plan reaches it). Two published plans:
 * - "Executive plan" (quota + cx_index): Victor Salas and Sam Okafor;
 * - "Operations plan" (margin): Olga, a participant whose name needs quoting in CSV.
 * FY2031-Q1 is closed: three CLOSED statements whose payables sum to 30,000.35 exactly
 * (10,000.10 + 20,000.20 + 0.05), Victor's with a −120.50 adjustment. FY2031-Q2 is released:
 * two RELEASED statements and a late CLOSED one that payroll leaves out. FY2031-Q3 is open.
 */
describe('statement exports', () => {
  let t: TestApp;
  let hr: string;
  let ids: Record<string, string>;

  const get = (path: string, token = hr) => t.http.get(path).set(...bearer(token));

  beforeAll(async () => {
    t = await createTestApp();
    hr = await t.tokenFor('hr@example.com');
    const userId = async (email: string) =>
      (await t.sql<{ id: string }>('SELECT id FROM users WHERE email = $1', [email]))[0].id;
    const hrId = await userId('hr@example.com');
    const approverId = await userId('approver@example.com');
    const [olga] = await t.sql<{ id: string }>(
      `INSERT INTO users (email, name, password_hash, roles) VALUES ('olga@example.com', 'Olga "Ops" Petrova, Jr.', 'x', '{EXECUTIVE}') RETURNING id`,
    );
    const version = async (key: string, name: string) => {
      const [plan] = await t.sql<{ id: string }>(
        `INSERT INTO incentive_plans (key, name, created_by) VALUES ($1, $2, $3) RETURNING id`,
        [key, name, hrId],
      );
      const [row] = await t.sql<{ id: string }>(
        `INSERT INTO plan_versions (plan_id, number, status, effective_from, author_id, approved_by, approved_at, frozen, frozen_at, published_by, published_at)
         VALUES ($1, 3, 'PUBLISHED', 'FY2031-Q1', $2, $3, now(), '{}', now(), $2, now()) RETURNING id`,
        [plan.id, hrId, approverId],
      );
      return row.id;
    };
    const executive = await version('export-executive-plan', 'Executive plan');
    const operations = await version('export-operations-plan', 'Operations plan');
    const participants = new Map<string, string>();
    const participant = async (versionId: string, user: string, unit: string) => {
      const key = `${versionId}:${user}`;
      if (!participants.has(key)) {
        const [row] = await t.sql<{ id: string }>(
          `INSERT INTO plan_participants (version_id, user_id, org_unit_id, annual_target_bonus, start_date)
           VALUES ($1, $2, (SELECT id FROM org_units WHERE key = $3), 120000.00, '2030-10-01') RETURNING id`,
          [versionId, user, unit],
        );
        participants.set(key, row.id);
      }
      return participants.get(key) as string;
    };
    interface Fixture {
      version: string;
      user: string;
      unit: string;
      period: string;
      status: string;
      totalPayout: string;
      periodTarget: string;
      amount: string;
      adjustments?: string;
      payable: string;
      components: { key: string; payout: string }[];
    }
    const statement = async (f: Fixture) => {
      const trace = {
        period: f.period,
        components: f.components.map((c) => ({ ...c, label: c.key, weight: '50' })),
        gates: [],
        weightedPayout: f.totalPayout,
        multiplier: null,
        afterMultiplier: f.totalPayout,
        planCap: null,
        totalPayout: f.totalPayout,
        targetBonus: { annual: '120000.00', eligibleDays: 90, daysInYear: 365, periodTarget: f.periodTarget },
        unrounded: f.amount,
        amount: f.amount,
        rounding: '0',
        adjustments: [],
        carriedIn: '0.00',
        payable: f.payable,
        carriedForward: '0.00',
        steps: [],
      };
      const [row] = await t.sql<{ id: string }>(
        `INSERT INTO statements (period, participant_id, user_id, version_id, org_unit_id, status, total_payout, period_target, amount, adjustments, payable, trace)
         VALUES ($1, $2, $3, $4, (SELECT id FROM org_units WHERE key = $5), $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
        [
          f.period,
          await participant(f.version, f.user, f.unit),
          f.user,
          f.version,
          f.unit,
          f.status,
          f.totalPayout,
          f.periodTarget,
          f.amount,
          f.adjustments ?? '0',
          f.payable,
          JSON.stringify(trace),
        ],
      );
      return row.id;
    };
    const victor = await userId('vp.sales@example.com');
    const sam = await userId('vp.service@example.com');
    const target = '29589.041095890410958904'; // 120,000 × 90 ÷ 365
    ids = {
      victorQ1: await statement({
        version: executive,
        user: victor,
        unit: 'sales',
        period: 'FY2031-Q1',
        status: 'CLOSED',
        totalPayout: '34.2047',
        periodTarget: target,
        amount: '10120.60',
        adjustments: '-120.50',
        payable: '10000.10',
        components: [
          { key: 'quota', payout: '50' },
          { key: 'cx_index', payout: '18.4094' },
        ],
      }),
      samQ1: await statement({
        version: executive,
        user: sam,
        unit: 'service',
        period: 'FY2031-Q1',
        status: 'CLOSED',
        totalPayout: '67.5925',
        periodTarget: target,
        amount: '20000.20',
        payable: '20000.20',
        components: [
          { key: 'quota', payout: '100' },
          { key: 'cx_index', payout: '35.185' },
        ],
      }),
      olgaQ1: await statement({
        version: operations,
        user: olga.id,
        unit: 'operations',
        period: 'FY2031-Q1',
        status: 'CLOSED',
        totalPayout: '0.0002',
        periodTarget: target,
        amount: '0.05',
        payable: '0.05',
        components: [{ key: 'margin', payout: '0.0002' }],
      }),
      victorQ2: await statement({
        version: executive,
        user: victor,
        unit: 'sales',
        period: 'FY2031-Q2',
        status: 'RELEASED',
        totalPayout: '100',
        periodTarget: target,
        amount: '29589.04',
        payable: '29589.04',
        components: [
          { key: 'quota', payout: '100' },
          { key: 'cx_index', payout: '100' },
        ],
      }),
      samQ2: await statement({
        version: executive,
        user: sam,
        unit: 'service',
        period: 'FY2031-Q2',
        status: 'RELEASED',
        totalPayout: '50',
        periodTarget: target,
        amount: '14794.52',
        payable: '14794.52',
        components: [
          { key: 'quota', payout: '50' },
          { key: 'cx_index', payout: '50' },
        ],
      }),
      olgaQ2: await statement({
        version: operations,
        user: olga.id,
        unit: 'operations',
        period: 'FY2031-Q2',
        status: 'CLOSED',
        totalPayout: '10',
        periodTarget: target,
        amount: '2958.90',
        payable: '2958.90',
        components: [{ key: 'margin', payout: '10' }],
      }),
    };
    await t.sql(
      `INSERT INTO statement_periods (period, status, closed_by, released_by, released_at) VALUES
         ('FY2031-Q1', 'CLOSED', $1, NULL, NULL), ('FY2031-Q2', 'RELEASED', $1, $1, now())`,
      [hrId],
    );
  });
  afterAll(() => t.close());

  it('exports every statement of a quarter to CSV with its columns, one payout column per component, and totals to the cent', async () => {
    const res = await get('/api/v1/statements/export?period=FY2031-Q1&format=csv').expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="statements-FY2031-Q1.csv"');
    const lines = linesOf(res.text);
    const header = [
      ...STATEMENT_COLUMNS.map((column) => column.title),
      'margin payout %',
      'quota payout %',
      'cx_index payout %',
    ];
    expect(lines[0]).toBe(header.join(','));
    expect(lines).toHaveLength(4);
    // ordered by participant name: Olga, Sam, Victor
    expect(lines[1]).toBe(
      'FY2031-Q1,CLOSED,"Olga ""Ops"" Petrova, Jr.",olga@example.com,Operations,Operations plan,3,120000.00,90,29589.04,0.0002,0.05,0.00,0.00,0.05,0.00,0.0002,,',
    );
    expect(lines[3]).toBe(
      'FY2031-Q1,CLOSED,Victor Salas,vp.sales@example.com,Sales,Executive plan,3,120000.00,90,29589.04,34.2047,10120.60,-120.50,0.00,10000.10,0.00,,50,18.4094',
    );
    const column = (title: string) => header.indexOf(title);
    const sum = (title: string) =>
      lines
        .slice(1)
        .map((line) => line.replace(/"[^"]*(""[^"]*)*"/g, 'name').split(',')[column(title)])
        .reduce((total, value) => total.plus(value), new Decimal(0))
        .toFixed(2);
    expect(sum('Payable')).toBe('30000.35');
    expect(sum('Amount')).toBe('30120.85');
    expect(sum('Adjustments')).toBe('-120.50');
  });

  it('writes the CSV as UTF-8 with a byte-order mark, so a spreadsheet reads names right', async () => {
    await t.sql(`UPDATE users SET name = 'Sam Okafor-Ñúñez' WHERE email = 'vp.service@example.com'`);
    const res = await get('/api/v1/statements/export?period=FY2031-Q1&format=csv')
      .buffer(true)
      .parse(binary)
      .expect(200);
    const bytes = res.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('Sam Okafor-Ñúñez');
    await t.sql(`UPDATE users SET name = 'Sam Okafor' WHERE email = 'vp.service@example.com'`);
  });

  it('builds an .xlsx workbook: a zip whose sheet holds the header, a line per statement and numeric money cells', async () => {
    const res = await get('/api/v1/statements/export?period=FY2031-Q1&format=xlsx')
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.headers['content-disposition']).toBe('attachment; filename="statements-FY2031-Q1.xlsx"');
    const bytes = res.body as Buffer;
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const files = unzipSync(new Uint8Array(bytes));
    const workbook = strFromU8(files['xl/workbook.xml']);
    expect(workbook).toContain('name="FY2031-Q1"');
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']);
    const strings = files['xl/sharedStrings.xml'] ? strFromU8(files['xl/sharedStrings.xml']) : sheet;
    expect(strings).toContain('Carried forward');
    expect(strings).toContain('cx_index payout %');
    expect(strings).toContain('Victor Salas');
    expect((sheet.match(/<row /g) ?? []).length).toBe(4);
    // money as numbers, not text: 10,000.10 payable and the −120.50 adjustment
    expect(sheet).toMatch(/<c [^>]*><v>10000\.1<\/v><\/c>/);
    expect(sheet).toMatch(/<c [^>]*><v>-120\.5<\/v><\/c>/);
  });

  it('refuses a quarter without statements with a sentence, and a period or format it cannot read', async () => {
    const none = await get('/api/v1/statements/export?period=FY2031-Q4&format=csv').expect(404);
    expect(none.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(none.body.detail).toBe(
      'There are no statements for FY2031-Q4: compute them first (POST /api/v1/statements/recompute?period=FY2031-Q4) or choose a quarter that has some.',
    );
    const period = await get('/api/v1/statements/export?period=FY2031&format=csv').expect(400);
    expect(period.body.detail).toBe(
      'period must be a fiscal quarter such as FY2026-Q1: statements are made per quarter.',
    );
    const format = await get('/api/v1/statements/export?period=FY2031-Q1&format=pdf').expect(400);
    expect(format.body.detail).toBe('format must be csv or xlsx.');
  });

  it('lets only HR export, and audits each export as a read of pay data', async () => {
    await get(
      '/api/v1/statements/export?period=FY2031-Q1&format=csv',
      await t.tokenFor('vp.sales@example.com'),
    ).expect(403);
    await get(
      '/api/v1/statements/export?period=FY2031-Q1&format=csv',
      await t.tokenFor('approver@example.com'),
    ).expect(403);
    await t.http.get('/api/v1/statements/export?period=FY2031-Q1&format=csv').expect(401);
    const before = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_entries WHERE action = 'statement.export'`,
    );
    await get('/api/v1/statements/export?period=FY2031-Q1&format=xlsx')
      .buffer(true)
      .parse(binary)
      .expect(200);
    const entries = await t.sql<{ n: number; pay: boolean }>(
      `SELECT count(*)::int AS n, bool_and(pay_data) AS pay FROM audit_entries WHERE action = 'statement.export'`,
    );
    expect(entries[0]).toEqual({ n: before[0].n + 1, pay: true });
  });

  it('lists only the released statements of a released quarter for payroll', async () => {
    const res = await get('/api/v1/statements/payroll?period=FY2031-Q2').expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="payroll-FY2031-Q2.csv"');
    expect(linesOf(res.text)).toEqual([
      'employee_email,employee_name,period,payable,currency,statement_id',
      `vp.sales@example.com,Victor Salas,FY2031-Q2,29589.04,EUR,${ids.victorQ2}`,
      `vp.service@example.com,Sam Okafor,FY2031-Q2,14794.52,EUR,${ids.samQ2}`,
    ]);
    expect(res.text).not.toContain(ids.olgaQ2);
  });

  it('refuses payroll for a quarter that is closed but not released, or still open', async () => {
    for (const period of ['FY2031-Q1', 'FY2031-Q3']) {
      const res = await get(`/api/v1/statements/payroll?period=${period}`).expect(409);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.detail).toBe(`${period} is not released yet: release it before exporting payroll.`);
    }
    await get('/api/v1/statements/payroll?period=FY2031-Q2', await t.tokenFor('approver@example.com')).expect(
      403,
    );
  });

  it('takes /statements/export and /statements/payroll for the exports, never for a statement id', async () => {
    const exportProblem = await get('/api/v1/statements/export').expect(400);
    expect(exportProblem.body.detail).toMatch(/^period must be a fiscal quarter such as FY2026-Q1/);
    expect(exportProblem.body.detail).not.toMatch(/id must be a UUID/);
    const payrollProblem = await get('/api/v1/statements/payroll').expect(400);
    expect(payrollProblem.body.detail).toMatch(/^period must be a fiscal quarter such as FY2026-Q1/);
    const csv = await get('/api/v1/statements/export?period=FY2031-Q2&format=csv').expect(200);
    expect(linesOf(csv.text)).toHaveLength(4);
  });
});
