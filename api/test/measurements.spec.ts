import type { MeasurementGrid, MeasurementResult } from '@lodestar/contracts';
import { bearer, createTestApp, TestApp } from './support/test-app';

/**
 * Measurements through the real app and PostgreSQL. The demo calendar starts the fiscal year in
 * October, and the demo's own actuals end in 2026-11, so these tests write to later fiscal years
 * (FY2028 = 2027-10 … 2028-09 and after) where nothing else is stored.
 */
describe('measurements of non-VoC metrics', () => {
  let t: TestApp;
  let cx: string;
  let member: string;

  const post = (measurements: object[], token = cx, extra: object = {}) =>
    t.http
      .post('/api/v1/measurements')
      .set(...bearer(token))
      .send({ measurements, ...extra });
  const read = async (metric: string, orgUnit: string, period: string): Promise<MeasurementResult> =>
    (
      await t.http
        .get('/api/v1/measurements')
        .query({ metric, orgUnit, period })
        .set(...bearer(member))
        .expect(200)
    ).body;
  const upload = (csv: string, reason?: string, token = cx) => {
    const call = t.http.post('/api/v1/measurements/imports').set(...bearer(token));
    if (reason !== undefined) call.field('reason', reason);
    return call.attach('file', Buffer.from(csv, 'utf8'), 'actuals.csv');
  };
  const count = async (where = 'true', params: unknown[] = []) =>
    Number(
      (await t.sql<{ n: string }>(`SELECT count(*)::text AS n FROM measurements WHERE ${where}`, params))[0]
        .n,
    );

  beforeAll(async () => {
    t = await createTestApp();
    cx = await t.tokenFor('cx@example.com');
    member = await t.tokenFor('member@example.com');
  });
  afterAll(() => t.close());

  it('stores a batch of new months and says how many were created, with one audit entry', async () => {
    const auditBefore = await t.sql<{ n: string }>(
      `SELECT count(*)::text AS n FROM audit_entries WHERE action = 'measurements.record'`,
    );
    const res = await post([
      {
        metric: 'revenue',
        orgUnit: 'marketing',
        period: '2027-10',
        value: '1250000.50',
        note: 'booked in SAP',
      },
      { metric: 'revenue', orgUnit: 'marketing', period: '2027-11', value: 980000 },
      {
        metric: 'quota_attainment',
        orgUnit: 'marketing',
        period: '2027-10',
        numerator: '90',
        denominator: '100',
      },
    ]).expect(200);
    expect(res.body).toEqual({ received: 3, created: 3, restated: 0, unchanged: 0 });
    const auditAfter = await t.sql<{ n: string }>(
      `SELECT count(*)::text AS n FROM audit_entries WHERE action = 'measurements.record'`,
    );
    expect(Number(auditAfter[0].n)).toBe(Number(auditBefore[0].n) + 1);
    const [stored] = await t.sql<{ value: string; source: string; version: number }>(
      `SELECT value::text, source, version FROM measurements WHERE metric_key = 'revenue' AND month = '2027-10'`,
    );
    expect(stored).toEqual({ value: '1250000.50', source: 'api', version: 1 });

    const month = await read('revenue', 'marketing', '2027-10');
    expect(month).toMatchObject({
      metric: 'revenue',
      orgUnit: 'marketing',
      aggregation: 'sum',
      value: '1250000.50',
      basis: 'own',
      monthsInPeriod: 1,
      monthsWithData: 1,
    });
    expect(month.months[0]).toMatchObject({
      period: '2027-10',
      value: '1250000.50',
      note: 'booked in SAP',
      version: 1,
    });
    expect(month.months[0].history).toEqual([
      expect.objectContaining({
        version: 1,
        value: '1250000.50',
        reason: null,
        recordedBy: 'Chloé Xavier',
        source: 'api',
      }),
    ]);
  });

  it('writes nothing for rows equal to the current value', async () => {
    const before = await count();
    const res = await post([
      { metric: 'revenue', orgUnit: 'marketing', period: '2027-10', value: '1250000.5' },
      {
        metric: 'quota_attainment',
        orgUnit: 'marketing',
        period: '2027-10',
        numerator: 90,
        denominator: '100.00',
      },
    ]).expect(200);
    expect(res.body).toEqual({ received: 2, created: 0, restated: 0, unchanged: 2 });
    expect(await count()).toBe(before);
  });

  it('refuses a changed month without a reason, then keeps the old value in the history when restated with one', async () => {
    const before = await count();
    const refused = await post([
      { metric: 'revenue', orgUnit: 'marketing', period: '2027-12', value: '5' },
      { metric: 'revenue', orgUnit: 'marketing', period: '2027-10', value: '1300000' },
    ]).expect(400);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body.errors).toEqual([
      'measurements[1]: 2027-10 already holds 1250000.50 for revenue at marketing (version 1): give a reason with the row to restate it',
    ]);
    expect(refused.body.detail).toMatch(/1 of 2 measurements are not valid, so none was stored/);
    expect(await count()).toBe(before);

    const ratio = await post([
      {
        metric: 'quota_attainment',
        orgUnit: 'marketing',
        period: '2027-10',
        numerator: '95',
        denominator: '100',
      },
    ]).expect(400);
    expect(ratio.body.errors[0]).toContain('already holds 90 ÷ 100 (90.0000 %)');

    const res = await post([
      {
        metric: 'revenue',
        orgUnit: 'marketing',
        period: '2027-10',
        value: '1300000',
        reason: 'late invoice from Intel Fab 42',
      },
    ]).expect(200);
    expect(res.body).toEqual({ received: 1, created: 0, restated: 1, unchanged: 0 });
    const month = await read('revenue', 'marketing', '2027-10');
    expect(month.value).toBe('1300000');
    expect(month.months[0]).toMatchObject({ value: '1300000', version: 2, note: null });
    expect(month.months[0].history.map((v) => [v.version, v.value, v.reason])).toEqual([
      [2, '1300000', 'late invoice from Intel Fab 42'],
      [1, '1250000.50', null],
    ]);
    const [audit] = await t.sql<{ reason: string; before: unknown }>(
      `SELECT reason, before FROM audit_entries WHERE action = 'measurements.record' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit.reason).toBe('late invoice from Intel Fab 42');
    expect(audit.before).toEqual([
      { metric: 'revenue', orgUnit: 'marketing', month: '2027-10', version: 1, value: '1250000.50' },
    ]);
  });

  it('gives a quarter of a ratio metric as 100 × Σ numerator ÷ Σ denominator, not a mean of monthly ratios', async () => {
    // Oct 1/2 = 50 %, Nov 99/100 = 99 %, Dec empty: Σ = 100/102 → 98.0392 %, where the mean of ratios is 74.5 %.
    await post([
      { metric: 'gross_margin', orgUnit: 'hr', period: '2027-10', numerator: '1', denominator: '2' },
      { metric: 'gross_margin', orgUnit: 'hr', period: '2027-11', numerator: '99', denominator: '100' },
    ]).expect(200);
    const quarter = await read('gross_margin', 'hr', 'FY2028-Q1');
    expect(quarter).toMatchObject({
      aggregation: 'ratio',
      value: '98.0392',
      numerator: '100',
      denominator: '102',
      monthsWithData: 2,
      monthsInPeriod: 3,
      basis: 'own',
    });
    expect(quarter.months.map((m) => [m.period, m.value])).toEqual([
      ['2027-10', '50.0000'],
      ['2027-11', '99.0000'],
      ['2027-12', null],
    ]);
    const year = await read('gross_margin', 'hr', 'FY2028');
    expect(year).toMatchObject({ value: '98.0392', monthsInPeriod: 12, monthsWithData: 2 });
  });

  it('adds a sum metric exactly and takes the last month of a latest metric and the mean of a mean metric', async () => {
    await post([
      { metric: 'revenue', orgUnit: 'finance', period: '2027-10', value: '0.10' },
      { metric: 'revenue', orgUnit: 'finance', period: '2027-12', value: '0.20' },
    ]).expect(200);
    expect((await read('revenue', 'finance', 'FY2028-Q1')).value).toBe('0.30');

    const admin = cx;
    await t.http
      .post('/api/v1/metrics')
      .set(...bearer(admin))
      .send({
        key: 'installed_base',
        name: 'Installed scanners',
        category: 'OPERATIONAL',
        unit: 'count',
        direction: 'higher',
        aggregation: 'latest',
      })
      .expect(201);
    await t.http
      .post('/api/v1/metrics')
      .set(...bearer(admin))
      .send({
        key: 'install_lead_time',
        name: 'Installation lead time (days)',
        category: 'OPERATIONAL',
        unit: 'count',
        direction: 'lower',
        aggregation: 'mean',
      })
      .expect(201);
    await post([
      { metric: 'installed_base', orgUnit: 'service', period: '2027-10', value: '410' },
      { metric: 'installed_base', orgUnit: 'service', period: '2027-11', value: '412' },
      { metric: 'install_lead_time', orgUnit: 'service', period: '2027-10', value: '30' },
      { metric: 'install_lead_time', orgUnit: 'service', period: '2027-12', value: '25' },
    ]).expect(200);
    // latest: December is empty, so November's 412.
    expect(await read('installed_base', 'service', 'FY2028-Q1')).toMatchObject({
      aggregation: 'latest',
      value: '412',
      monthsWithData: 2,
    });
    // mean: (30 + 25) / 2 = 27.5 over the two months with a value.
    expect(await read('install_lead_time', 'service', 'FY2028-Q1')).toMatchObject({
      aggregation: 'mean',
      value: '27.5000',
      monthsWithData: 2,
    });
    // A level metric does not add up across units: the company has none of its own.
    expect(await read('installed_base', 'company', 'FY2028-Q1')).toMatchObject({
      basis: 'none',
      value: null,
      monthsWithData: 0,
    });
  });

  it('rolls a unit without own values up from the nearest units below it that have them', async () => {
    const [emea] = await t.sql<{ id: string }>(`SELECT id FROM org_units WHERE key = 'emea'`);
    await t.sql(
      `INSERT INTO org_units (key, name, type, parent_id) VALUES ('emea-north', 'EMEA North', 'TEAM', $1)`,
      [emea.id],
    );
    // FY2029-Q1 = 2028-10 … 2028-12. In October EMEA reports its own 30 (its team's 20 is not added
    // again); in November only the team reports, so its 25 counts.
    await post([
      { metric: 'escalations', orgUnit: 'key-accounts', period: '2028-10', value: '100' },
      { metric: 'escalations', orgUnit: 'regional-sales', period: '2028-10', value: '50' },
      { metric: 'escalations', orgUnit: 'emea', period: '2028-10', value: '30' },
      { metric: 'escalations', orgUnit: 'emea-north', period: '2028-10', value: '20' },
      { metric: 'escalations', orgUnit: 'emea-north', period: '2028-11', value: '25' },
      { metric: 'escalations', orgUnit: 'key-accounts', period: '2028-11', value: '10' },
      {
        metric: 'on_time_delivery',
        orgUnit: 'logistics',
        period: '2028-10',
        numerator: '90',
        denominator: '100',
      },
      {
        metric: 'on_time_delivery',
        orgUnit: 'manufacturing',
        period: '2028-10',
        numerator: '45',
        denominator: '50',
      },
      {
        metric: 'on_time_delivery',
        orgUnit: 'manufacturing',
        period: '2028-11',
        numerator: '10',
        denominator: '50',
      },
    ]).expect(200);
    const sales = await read('escalations', 'sales', 'FY2029-Q1');
    expect(sales).toMatchObject({ basis: 'children', value: '215', monthsWithData: 2 });
    expect(sales.months.map((m) => [m.period, m.value, m.version, m.history.length])).toEqual([
      ['2028-10', '180', 0, 0],
      ['2028-11', '35', 0, 0],
      ['2028-12', null, 0, 0],
    ]);
    expect((await read('escalations', 'company', 'FY2029-Q1')).value).toBe('215');
    expect((await read('escalations', 'emea', 'FY2029-Q1')).basis).toBe('own');

    // Ratio roll-up: Σ numerators over Σ denominators of the units below. Oct (90 + 45)/(100 + 50) = 90 %;
    // quarter (90 + 45 + 10)/(100 + 50 + 50) = 145/200 = 72.5 %.
    const operations = await read('on_time_delivery', 'operations', 'FY2029-Q1');
    expect(operations).toMatchObject({
      basis: 'children',
      value: '72.5000',
      numerator: '145',
      denominator: '200',
    });
    expect(operations.months[0]).toMatchObject({ value: '90.0000', numerator: '135', denominator: '150' });
    expect(await read('on_time_delivery', 'quality', 'FY2029-Q1')).toMatchObject({
      basis: 'none',
      value: null,
      numerator: null,
    });
  });

  it('lays out the grid as every unit in tree order × the period months, with own values and totals', async () => {
    const res = await t.http
      .get('/api/v1/measurements/grid')
      .query({ metric: 'revenue', period: 'FY2028-Q1' })
      .set(...bearer(member))
      .expect(200);
    const grid = res.body as MeasurementGrid;
    expect(grid).toMatchObject({
      metric: 'revenue',
      period: 'FY2028-Q1',
      aggregation: 'sum',
      months: ['2027-10', '2027-11', '2027-12'],
    });
    const units = await t.sql<{ n: string }>('SELECT count(*)::text AS n FROM org_units');
    expect(grid.rows).toHaveLength(Number(units[0].n));
    expect(grid.rows[0]).toMatchObject({ orgUnit: 'company', depth: 0 });
    const functions = grid.rows.filter((row) => row.depth === 1).map((row) => row.name);
    expect(functions).toEqual([...functions].sort());
    const keys = grid.rows.map((row) => row.orgUnit);
    // each unit comes right after its parent's earlier subtree: Sales, then its teams by name
    expect(keys.slice(keys.indexOf('sales'), keys.indexOf('sales') + 5)).toEqual([
      'sales',
      'emea',
      'emea-north',
      'key-accounts',
      'regional-sales',
    ]);
    expect(grid.rows.find((row) => row.orgUnit === 'emea-north')?.depth).toBe(3);
    const marketing = grid.rows.find((row) => row.orgUnit === 'marketing');
    expect(marketing?.cells).toEqual([
      { value: '1300000', numerator: null, denominator: null, version: 2 },
      { value: '980000', numerator: null, denominator: null, version: 1 },
      null,
    ]);
    expect(marketing?.total).toBe('2280000');
    expect(grid.rows.find((row) => row.orgUnit === 'sales')).toMatchObject({
      cells: [null, null, null],
      total: null,
    });

    const ratio = (
      await t.http
        .get('/api/v1/measurements/grid')
        .query({ metric: 'gross_margin', period: 'FY2028-Q1' })
        .set(...bearer(member))
        .expect(200)
    ).body as MeasurementGrid;
    expect(ratio.rows.find((row) => row.orgUnit === 'hr')).toMatchObject({
      cells: [
        { value: '50.0000', numerator: '1', denominator: '2', version: 1 },
        { value: '99.0000', numerator: '99', denominator: '100', version: 1 },
        null,
      ],
      total: '98.0392',
    });
  });

  it('imports a CSV with a byte-order mark, quoted fields and the columns in any order', async () => {
    const csv = [
      '\uFEFFperiod,Note,org_unit,denominator,metric,numerator,value',
      '2029-10,"Bookings, incl. ""EUV"" upgrade",sales,1000000.00,quota_attainment,1180000.00,',
      '2029-11,"two-line\nnote",sales,1000000,quota_attainment,950000,',
      '2029-10,,sales,,revenue,,"2400000.75"',
      '',
      '2029-11,,sales,,revenue,,2300000',
    ].join('\r\n');
    const res = await upload(csv).expect(201);
    expect(res.body).toEqual({ received: 4, created: 4, restated: 0, unchanged: 0, fileName: 'actuals.csv' });
    const quota = await read('quota_attainment', 'sales', 'FY2030-Q1');
    // (1,180,000 + 950,000) / (1,000,000 + 1,000,000) = 106.5 %
    expect(quota).toMatchObject({
      value: '106.5000',
      numerator: '2130000.00',
      denominator: '2000000.00',
      basis: 'own',
    });
    expect(quota.months[0]).toMatchObject({ note: 'Bookings, incl. "EUV" upgrade' });
    expect(quota.months[0].history[0].source).toBe('csv');
    expect(quota.months[1].note).toBe('two-line\nnote');
    expect((await read('revenue', 'sales', 'FY2030-Q1')).value).toBe('4700000.75');
  });

  it('refuses a CSV with bad rows, listing every bad line, and stores none of it', async () => {
    const before = await count();
    const csv = [
      'metric,org_unit,period,value,numerator,denominator,note',
      'revenue,sales,2029-12,100,,,fine',
      'revenue,atlantis,2029-12,100,,,',
      'revenue,sales,FY2030-Q1,100,,,',
      'quota_attainment,sales,2029-12,,5,0,"a note',
      'spanning lines"',
      'quota_attainment,sales,2029-12,50,,,',
      'revenue,sales,2029-12,1e5,,,',
      'nps,sales,2029-12,40,,,',
      'revenue,sales,2029-12,200,,,duplicate of line 2',
      'revenue,sales,2029-10,9,,,restates without a reason',
      'revenue,sales,2029-12,1,2',
    ].join('\n');
    const res = await upload(csv).expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.detail).toMatch(/9 of 10 rows of actuals\.csv are not valid, so none was stored/);
    const lines = (res.body.errors as { line: number; message: string }[]).map((error) => error.line);
    expect(lines).toEqual([3, 4, 5, 7, 8, 9, 10, 11, 12]);
    const byLine = Object.fromEntries(
      (res.body.errors as { line: number; message: string }[]).map((error) => [error.line, error.message]),
    );
    expect(byLine[3]).toMatch(/org_unit "atlantis" is not an org unit key/);
    expect(byLine[4]).toMatch(/"FY2030-Q1" is a quarter: measurements are monthly/);
    expect(byLine[5]).toMatch(/denominator must be greater than 0/);
    expect(byLine[7]).toMatch(
      /quota_attainment is a ratio metric: give numerator and denominator, not value/,
    );
    expect(byLine[8]).toMatch(/value "1e5" is not a decimal number/);
    expect(byLine[9]).toMatch(/nps comes from survey answers/);
    expect(byLine[10]).toMatch(/revenue for sales in 2029-12 is already given by line 2/);
    expect(byLine[11]).toMatch(
      /2029-10 already holds 2400000.75 for revenue at sales \(version 1\): send a reason with the file to restate it/,
    );
    expect(byLine[12]).toMatch(/not valid CSV/);
    expect(await count()).toBe(before);
  });

  it('restates months from a CSV with the reason sent beside the file', async () => {
    const csv =
      'metric,org_unit,period,value\nrevenue,sales,2029-10,2450000\nrevenue,sales,2029-11,2300000\n';
    const res = await upload(csv, 'credit note reversed').expect(201);
    expect(res.body).toMatchObject({ received: 2, created: 0, restated: 1, unchanged: 1 });
    const month = await read('revenue', 'sales', '2029-10');
    expect(month.months[0].history.map((v) => [v.version, v.value, v.reason, v.source])).toEqual([
      [2, '2450000', 'credit note reversed', 'csv'],
      [1, '2400000.75', null, 'csv'],
    ]);
  });

  it('refuses a file header it does not know, an empty file, and more than 10 MB', async () => {
    const header = await upload('metric,unit,month,amount\nrevenue,sales,2029-10,1\n').expect(400);
    expect(header.body.detail).toMatch(/lacks org_unit, period/);
    expect(header.body.errors).toEqual([expect.objectContaining({ line: 1 })]);
    const empty = await upload('metric,org_unit,period,value\n').expect(400);
    expect(empty.body.detail).toMatch(/holds no measurements/);
    const json = await t.http
      .post('/api/v1/measurements/imports')
      .set(...bearer(cx))
      .send({ file: 'x' })
      .expect(400);
    expect(json.body.detail).toMatch(/multipart\/form-data/);
    const big = `metric,org_unit,period,value,note\n${`revenue,sales,2029-10,1,${'x'.repeat(1000)}\n`.repeat(10_600)}`;
    const tooLarge = await upload(big).expect(413);
    expect(tooLarge.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(tooLarge.body.detail).toMatch(/larger than 10 MB/);
  });

  it('refuses VoC metrics, which come from survey answers', async () => {
    const res = await post([{ metric: 'nps', orgUnit: 'sales', period: '2027-10', value: '40' }]).expect(400);
    expect(res.body.errors).toEqual([
      'measurements[0]: nps comes from survey answers: import them on the VoC page, not as measurements',
    ]);
    const get = await t.http
      .get('/api/v1/measurements')
      .query({ metric: 'csat', orgUnit: 'sales', period: 'FY2028' })
      .set(...bearer(member))
      .expect(400);
    expect(get.body.detail).toMatch(/csat comes from survey answers/);
    const index = await post([
      { metric: 'cx_index', orgUnit: 'sales', period: '2027-10', value: '100' },
    ]).expect(400);
    expect(index.body.errors).toEqual([
      'measurements[0]: cx_index is computed from the CX metrics and their weights: it cannot be entered as a measurement',
    ]);
    const adjusted = await post([
      { metric: 'adjusted_margin', orgUnit: 'sales', period: '2027-10', numerator: '1', denominator: '2' },
    ]).expect(400);
    expect(adjusted.body.errors).toEqual([
      'measurements[0]: adjusted_margin is gross margin with approved CX investments added back: it cannot be entered as a measurement',
    ]);
  });

  it('lets only the CX lead write', async () => {
    await post([{ metric: 'revenue', orgUnit: 'sales', period: '2027-10', value: '1' }], member).expect(403);
    await upload('metric,org_unit,period,value\nrevenue,sales,2027-10,1\n', undefined, member).expect(403);
    await t.http.get('/api/v1/measurements/grid').query({ metric: 'revenue', period: 'FY2028' }).expect(401);
    expect(
      await count(
        `metric_key = 'revenue' AND month = '2027-10' AND org_unit_id = (SELECT id FROM org_units WHERE key = 'sales')`,
      ),
    ).toBe(0);
  });

  it('answers every validation error as a problem naming each bad row', async () => {
    const res = await post([
      { metric: 'revenue', orgUnit: 'sales', period: '2027-10' },
      { metric: 'revenue', orgUnit: 'sales', period: 'FY2028', value: '1' },
      { metric: 'quota_attainment', orgUnit: 'sales', period: '2027-10', value: '1' },
      { metric: 'quota_attainment', orgUnit: 'sales', period: '2027-11', numerator: '-1', denominator: '' },
      { metric: 'revenue', orgUnit: 'sales', period: '2027-13', value: 'abc' },
      { metric: 'no_such_metric', orgUnit: 'nowhere', period: '2027-10', value: '1' },
      { metric: 'revenue', orgUnit: 'sales', period: '2027-12', value: '1', numerator: '1' },
      { metric: 'revenue', orgUnit: 'sales', period: '2027-12', value: '2' },
    ]).expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ type: 'about:blank', title: 'Bad request', status: 400 });
    const errors = res.body.errors as string[];
    expect(errors).toHaveLength(7);
    expect(errors[0]).toBe('measurements[0]: value is missing: revenue is a sum metric');
    expect(errors[1]).toMatch(
      /^measurements\[1\]: period "FY2028" is a fiscal year: measurements are monthly, give a month such as 2026-03$/,
    );
    expect(errors[2]).toMatch(
      /^measurements\[2\]: quota_attainment is a ratio metric: give numerator and denominator, not value; numerator is missing/,
    );
    expect(errors[3]).toMatch(
      /^measurements\[3\]: denominator "" is not a decimal number.*; numerator must not be negative$/,
    );
    expect(errors[4]).toMatch(
      /^measurements\[4\]: period "2027-13" is not a month such as 2026-03; value "abc" is not a decimal number/,
    );
    expect(errors[5]).toMatch(
      /^measurements\[5\]: metric "no_such_metric" is not a metric key.*; orgUnit "nowhere" is not an org unit key$/,
    );
    expect(errors[6]).toMatch(
      /^measurements\[6\]: revenue is a sum metric: give value, not numerator or denominator$/,
    );

    const shape = await post([
      { metric: 'revenue', orgUnit: 'sales', period: '2027-10', value: true },
    ]).expect(400);
    expect(shape.body.errors[0]).toMatch(/value must be a decimal number/);
    const empty = await t.http
      .post('/api/v1/measurements')
      .set(...bearer(cx))
      .send({ measurements: [] })
      .expect(400);
    expect(empty.body.detail).toMatch(/at least one measurement/);
    const extra = await t.http
      .post('/api/v1/measurements')
      .set(...bearer(cx))
      .send({
        measurements: [{ metric: 'revenue', orgUnit: 'sales', period: '2027-10', value: 1, amount: 2 }],
      })
      .expect(400);
    expect(extra.body.detail).toMatch(/amount should not exist/);
  });

  it('answers an unknown metric or period with 400 and an unknown unit with 404, in sentences', async () => {
    const get = (query: Record<string, string>) =>
      t.http
        .get('/api/v1/measurements')
        .query(query)
        .set(...bearer(member));
    expect(
      (await get({ metric: 'nothing', orgUnit: 'sales', period: 'FY2028' }).expect(400)).body.detail,
    ).toMatch(/There is no metric "nothing": GET \/api\/v1\/metrics lists/);
    expect(
      (await get({ metric: 'revenue', orgUnit: 'sales', period: 'Q1 2028' }).expect(400)).body.detail,
    ).toMatch(/is not a period label: use a month such as 2026-03/);
    expect(
      (await get({ metric: 'revenue', orgUnit: 'atlantis', period: 'FY2028' }).expect(404)).body.detail,
    ).toMatch(/There is no org unit with the key "atlantis"/);
    expect((await get({ metric: 'revenue', period: 'FY2028' }).expect(400)).body.detail).toMatch(
      /orgUnit must be an org unit key/,
    );
    const grid = await t.http
      .get('/api/v1/measurements/grid')
      .query({ metric: 'revenue', period: '2028' })
      .set(...bearer(member))
      .expect(400);
    expect(grid.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('serves the demo actuals that tell the story: Sales above quota in FY2025 while on-time delivery falls', async () => {
    const quota = await read('quota_attainment', 'sales', 'FY2025');
    expect(quota).toMatchObject({ basis: 'own', monthsWithData: 12 });
    expect(Number(quota.value)).toBeGreaterThan(105);
    expect(quota.months[0].history[0]).toMatchObject({
      version: 1,
      source: 'api',
      recordedBy: 'Chloé Xavier',
    });
    const q1 = Number((await read('on_time_delivery', 'operations', 'FY2025-Q1')).value);
    const q4 = Number((await read('on_time_delivery', 'operations', 'FY2025-Q4')).value);
    expect(q4).toBeLessThan(q1 - 10);
    expect(Number((await read('on_time_delivery', 'operations', 'FY2026-Q4')).value)).toBeGreaterThan(
      q4 + 15,
    );
    const grid = (
      await t.http
        .get('/api/v1/measurements/grid')
        .query({ metric: 'budget_attainment', period: 'FY2026' })
        .set(...bearer(member))
        .expect(200)
    ).body as MeasurementGrid;
    const withValues = grid.rows
      .filter((row) => row.total !== null)
      .map((row) => row.orgUnit)
      .sort();
    expect(withValues).toEqual(['finance', 'hr', 'it', 'operations', 'product', 'quality']);
  });

  it('records a typed-in batch as manual', async () => {
    await post([{ metric: 'escalations', orgUnit: 'it', period: '2027-10', value: '3' }], cx, {
      source: 'manual',
    }).expect(200);
    const month = await read('escalations', 'it', '2027-10');
    expect(month.months[0].history[0].source).toBe('manual');
    await post([{ metric: 'escalations', orgUnit: 'it', period: '2027-10', value: '3' }], cx, {
      source: 'csv',
    }).expect(400);
  });

  it('takes a full batch of 1,000 ratio rows in one request', async () => {
    const units = (await t.sql<{ key: string }>(`SELECT key FROM org_units ORDER BY key`)).map(
      (row) => row.key,
    );
    const rows: object[] = [];
    for (let i = 0; rows.length < 1000; i++) {
      const month = `${2030 + Math.floor(i / 12 / units.length)}-${String(1 + (i % 12)).padStart(2, '0')}`;
      rows.push({
        metric: 'gross_margin',
        orgUnit: units[Math.floor(i / 12) % units.length],
        period: month,
        numerator: '123456.78',
        denominator: '456789.01',
        note: 'closed by finance',
      });
    }
    expect(Buffer.byteLength(JSON.stringify({ measurements: rows }))).toBeGreaterThan(100 * 1024);
    const res = await post(rows).expect(200);
    expect(res.body).toEqual({ received: 1000, created: 1000, restated: 0, unchanged: 0 });
  });
});
