import type { CxIndexWeights, EffectiveTarget, Target } from '@lodestar/contracts';
import { bearer, createTestApp, TestApp } from './support/test-app';

/**
 * Targets and CX index weights through the real app and PostgreSQL. The demo calendar starts the
 * fiscal year in October and the demo's own targets are FY2025 and FY2026, so these tests set
 * targets for FY2028 (2027-10 … 2028-09) and later, where nothing else is stored.
 */
describe('targets and CX index weights', () => {
  let t: TestApp;
  let cx: string;
  let member: string;

  const post = (targets: object[], token = cx) => t.http.post('/api/v1/targets').set(...bearer(token)).send({ targets });
  const effective = async (metric: string, orgUnit: string, period: string): Promise<EffectiveTarget> =>
    (await t.http.get('/api/v1/targets/effective').query({ metric, orgUnit, period }).set(...bearer(member)).expect(200)).body;
  const upload = (csv: string, token = cx) =>
    t.http.post('/api/v1/targets/imports').set(...bearer(token)).attach('file', Buffer.from(csv, 'utf8'), 'targets.csv');
  const weights = async (orgUnit?: string): Promise<CxIndexWeights> =>
    (await t.http.get('/api/v1/cx-index/weights').query(orgUnit ? { orgUnit } : {}).set(...bearer(member)).expect(200)).body;
  const putWeights = (orgUnit: string | null, list: object[], token = cx) =>
    t.http.put('/api/v1/cx-index/weights').set(...bearer(token)).send({ orgUnit, weights: list });
  const count = async (table: string, where = 'true') => Number((await t.sql<{ n: string }>(`SELECT count(*)::text AS n FROM ${table} WHERE ${where}`))[0].n);
  const auditCount = (action: string) => count('audit_entries', `action = '${action}'`);

  beforeAll(async () => {
    t = await createTestApp();
    cx = await t.tokenFor('cx@example.com');
    member = await t.tokenFor('member@example.com');
  });
  afterAll(() => t.close());

  it('creates, updates and leaves unchanged targets in a batch, with one audit entry per batch', async () => {
    const before = await auditCount('targets.set');
    const first = await post([
      { metric: 'nps', orgUnit: 'sales', period: 'FY2028', threshold: 30, target: 40, stretch: 50 },
      { metric: 'quota_attainment', orgUnit: 'sales', period: 'FY2028', threshold: '90', target: '100', stretch: '120' },
      { metric: 'csat', orgUnit: 'service', period: 'FY2028-Q1', threshold: '50.5', target: '55', stretch: '60' },
    ]).expect(200);
    expect(first.body).toEqual({ received: 3, created: 3, updated: 0, unchanged: 0 });
    expect(await auditCount('targets.set')).toBe(before + 1);

    const second = await post([
      { metric: 'nps', orgUnit: 'sales', period: 'FY2028', threshold: '30.0', target: '40', stretch: 50 },
      { metric: 'quota_attainment', orgUnit: 'sales', period: 'FY2028', threshold: '95', target: '100', stretch: '120' },
      { metric: 'cx_index', orgUnit: 'sales', period: 'FY2028', threshold: '50', target: '100', stretch: '150' },
    ]).expect(200);
    expect(second.body).toEqual({ received: 3, created: 1, updated: 1, unchanged: 1 });
    expect(await auditCount('targets.set')).toBe(before + 2);
    const [entry] = await t.sql<{ entity_type: string; before: unknown; after: { written: unknown[] }; actor_email: string }>(
      `SELECT entity_type, before, after, actor_email FROM audit_entries WHERE action = 'targets.set' ORDER BY id DESC LIMIT 1`,
    );
    expect(entry).toMatchObject({ entity_type: 'target', actor_email: 'cx@example.com' });
    expect(entry.before).toEqual([{ metric: 'quota_attainment', orgUnit: 'sales', period: 'FY2028', threshold: '90', target: '100', stretch: '120' }]);
    expect(entry.after.written).toHaveLength(2);

    const unchanged = await post([{ metric: 'nps', orgUnit: 'sales', period: 'FY2028', threshold: 30, target: 40, stretch: 50 }]).expect(200);
    expect(unchanged.body).toEqual({ received: 1, created: 0, updated: 0, unchanged: 1 });
    expect(await auditCount('targets.set')).toBe(before + 2);

    const [stored] = await t.sql<{ threshold: string; updated_by: string | null }>(
      `SELECT threshold::text, updated_by::text FROM targets WHERE metric_key = 'quota_attainment' AND period = 'FY2028'`,
    );
    expect(stored.threshold).toBe('95');
    expect(stored.updated_by).not.toBeNull();
  });

  it('refuses a band whose threshold equals its target, saying why, and stores nothing of the batch', async () => {
    const before = await count('targets');
    const res = await post([
      { metric: 'nps', orgUnit: 'marketing', period: 'FY2028', threshold: 30, target: 40, stretch: 50 },
      { metric: 'nps', orgUnit: 'service', period: 'FY2028', threshold: 40, target: 40, stretch: 50 },
    ]).expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.errors).toEqual(['targets[1]: threshold 40 must be below target 40 for a higher-is-better metric']);
    expect(res.body.detail).toMatch(/^1 of 2 targets are not valid, so none was stored: targets\[1\]: threshold 40 must be below target 40/);
    expect(await count('targets')).toBe(before);
  });

  it('needs the band of a lower-is-better metric to fall', async () => {
    const rising = await post([{ metric: 'complaint_rate', orgUnit: 'quality', period: 'FY2028', threshold: '2', target: '2.5', stretch: '3' }]).expect(400);
    expect(rising.body.errors).toEqual([
      'targets[0]: threshold 2 must be above target 2.5 and stretch 3 must be below target 2.5 for a lower-is-better metric',
    ]);
    await post([{ metric: 'complaint_rate', orgUnit: 'quality', period: 'FY2028', threshold: '3.0', target: '2.5', stretch: '2.0' }]).expect(200);
    expect(await effective('complaint_rate', 'quality', 'FY2028')).toMatchObject({ threshold: '3.0', target: '2.5', stretch: '2.0', basis: 'as-set' });
  });

  it('refuses a month: targets are set per fiscal year or quarter', async () => {
    const res = await post([{ metric: 'nps', orgUnit: 'sales', period: '2027-10', threshold: 30, target: 40, stretch: 50 }]).expect(400);
    expect(res.body.errors).toEqual([
      'targets[0]: period "2027-10" is a month: targets are set per fiscal year or quarter, such as FY2026 or FY2026-Q1',
    ]);
  });

  it('answers every validation error as a problem naming each bad row', async () => {
    const before = await count('targets');
    const res = await post([
      { metric: 'no_such_metric', orgUnit: 'atlantis', period: 'FY2028', threshold: 1, target: 2, stretch: 3 },
      { metric: 'nps', orgUnit: 'sales', period: 'Q1 2028', threshold: 'abc', target: '1e5', stretch: 3 },
      { metric: 'nps', orgUnit: 'hr', period: 'FY2028' },
      { metric: 'nps', orgUnit: 'it', period: 'FY2029', threshold: 1, target: 2, stretch: 3 },
      { metric: 'nps', orgUnit: 'it', period: ' FY2029', threshold: 1, target: 2, stretch: 4 },
    ]).expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ type: 'about:blank', title: 'Bad request', status: 400 });
    expect(res.body.errors).toEqual([
      'targets[0]: metric "no_such_metric" is not a metric key (GET /api/v1/metrics lists them); orgUnit "atlantis" is not an org unit key (GET /api/v1/org-units lists them)',
      'targets[1]: period "Q1 2028" is not a fiscal year such as FY2026 or a quarter such as FY2026-Q1; threshold "abc" is not a decimal number such as 42.5 (no exponents, thousands separators or words); target "1e5" is not a decimal number such as 42.5 (no exponents, thousands separators or words)',
      'targets[2]: threshold is missing; target is missing; stretch is missing',
      'targets[4]: nps for it in FY2029 is already given by targets[3]: give each metric, unit and period once',
    ]);
    expect(await count('targets')).toBe(before);

    const shape = await post([{ metric: 'nps', orgUnit: 'sales', period: 'FY2028', threshold: true, target: 2, stretch: 3 }]).expect(400);
    expect(shape.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(shape.body.detail).toMatch(/threshold must be a decimal number/);
    const empty = await t.http.post('/api/v1/targets').set(...bearer(cx)).send({ targets: [] }).expect(400);
    expect(empty.body.detail).toMatch(/at least one target/);
    const extra = await post([{ metric: 'nps', orgUnit: 'sales', period: 'FY2028', threshold: 1, target: 2, stretch: 3, weight: 2 }]).expect(400);
    expect(extra.body.detail).toMatch(/weight should not exist/);
    const tooMany = await post(Array.from({ length: 1001 }, () => ({ metric: 'nps', orgUnit: 'sales', period: 'FY2028', threshold: 1, target: 2, stretch: 3 }))).expect(400);
    expect(tooMany.body.detail).toMatch(/at most 1,000 rows/);
  });

  it('gives a quarter of a sum metric a quarter of its year, and a ratio metric the year’s band itself', async () => {
    await post([
      { metric: 'escalations', orgUnit: 'service', period: 'FY2028', threshold: '130', target: '100', stretch: '70' },
      { metric: 'on_time_delivery', orgUnit: 'operations', period: 'FY2028', threshold: '85', target: '90', stretch: '95' },
    ]).expect(200);
    expect(await effective('escalations', 'service', 'FY2028-Q2')).toEqual({
      metric: 'escalations', orgUnit: 'service', period: 'FY2028-Q2', threshold: '32.5', target: '25', stretch: '17.5', from: 'FY2028', basis: 'split',
    });
    // a month of the year: a twelfth, to four decimals
    expect(await effective('escalations', 'service', '2028-01')).toMatchObject({ threshold: '10.8333', target: '8.3333', stretch: '5.8333', from: 'FY2028', basis: 'split' });
    expect(await effective('on_time_delivery', 'operations', 'FY2028-Q3')).toMatchObject({ threshold: '85', target: '90', stretch: '95', from: 'FY2028', basis: 'applied' });
    expect(await effective('on_time_delivery', 'operations', '2028-09')).toMatchObject({ target: '90', from: 'FY2028', basis: 'applied' });
    expect(await effective('escalations', 'service', 'FY2028')).toMatchObject({ target: '100', from: 'FY2028', basis: 'as-set' });
  });

  it('lets a phased quarter win over its year, and adds up a sum metric’s four phased quarters to the year', async () => {
    await post([{ metric: 'escalations', orgUnit: 'service', period: 'FY2028-Q1', threshold: '45', target: '40', stretch: '30' }]).expect(200);
    expect(await effective('escalations', 'service', 'FY2028-Q1')).toMatchObject({ threshold: '45', target: '40', stretch: '30', from: 'FY2028-Q1', basis: 'as-set' });
    // a month of the phased quarter takes a third of the quarter, not a twelfth of the year
    expect(await effective('escalations', 'service', '2027-11')).toMatchObject({ threshold: '15', target: '13.3333', stretch: '10', from: 'FY2028-Q1', basis: 'split' });
    expect(await effective('escalations', 'service', 'FY2028-Q2')).toMatchObject({ target: '25', from: 'FY2028', basis: 'split' });

    await post([1, 2, 3, 4].map((quarter) => ({ metric: 'escalations', orgUnit: 'field-service', period: `FY2029-Q${quarter}`, threshold: '10.5', target: 10 - quarter / 2, stretch: '5' }))).expect(200);
    // 9.5 + 9 + 8.5 + 8 = 35; 4 × 10.5 = 42; 4 × 5 = 20
    expect(await effective('escalations', 'field-service', 'FY2029')).toMatchObject({ threshold: '42', target: '35', stretch: '20', from: 'FY2029', basis: 'as-set' });
  });

  it('answers 404 when no target applies, and 400 or 404 for a bad metric, period or unit', async () => {
    const none = await t.http.get('/api/v1/targets/effective').query({ metric: 'nps', orgUnit: 'hr', period: 'FY2030-Q1' }).set(...bearer(member)).expect(404);
    expect(none.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(none.body.detail).toBe('No target is set for nps at hr in FY2030-Q1 or its fiscal year.');
    const ratioYear = await t.http.get('/api/v1/targets/effective').query({ metric: 'on_time_delivery', orgUnit: 'hr', period: '2029-12' }).set(...bearer(member)).expect(404);
    expect(ratioYear.body.detail).toBe('No target is set for on_time_delivery at hr in 2029-12 or its quarter or fiscal year.');
    const get = (query: Record<string, string>) => t.http.get('/api/v1/targets/effective').query(query).set(...bearer(member));
    expect((await get({ metric: 'nothing', orgUnit: 'sales', period: 'FY2028' }).expect(400)).body.detail).toMatch(/There is no metric "nothing"/);
    expect((await get({ metric: 'nps', orgUnit: 'sales', period: '2028' }).expect(400)).body.detail).toMatch(/is not a period label/);
    expect((await get({ metric: 'nps', orgUnit: 'atlantis', period: 'FY2028' }).expect(404)).body.detail).toMatch(/There is no org unit with the key "atlantis"/);
    expect((await get({ metric: 'nps', period: 'FY2028' }).expect(400)).body.detail).toMatch(/orgUnit must be an org unit key/);
  });

  it('lists a fiscal year’s targets and its quarters’ in unit tree order, then by metric, filtered by metric or unit', async () => {
    const res = await t.http.get('/api/v1/targets').query({ period: 'FY2028' }).set(...bearer(member)).expect(200);
    const list = res.body as Target[];
    expect(list.map((row) => `${row.orgUnit} ${row.metric} ${row.period}`)).toEqual([
      'operations on_time_delivery FY2028',
      'quality complaint_rate FY2028',
      'sales cx_index FY2028',
      'sales nps FY2028',
      'sales quota_attainment FY2028',
      'service csat FY2028-Q1',
      'service escalations FY2028',
      'service escalations FY2028-Q1',
    ]);
    expect(list[4]).toMatchObject({ threshold: '95', target: '100', stretch: '120', updatedBy: 'Chloé Xavier' });
    expect(new Date(list[4].updatedAt).toISOString()).toBe(list[4].updatedAt);

    const sales = await t.http.get('/api/v1/targets').query({ period: 'FY2028', orgUnit: 'sales', metric: 'nps' }).set(...bearer(member)).expect(200);
    expect((sales.body as Target[]).map((row) => row.metric)).toEqual(['nps']);
    const byMetric = await t.http.get('/api/v1/targets').query({ period: 'FY2028', metric: 'escalations' }).set(...bearer(member)).expect(200);
    expect((byMetric.body as Target[]).map((row) => row.period)).toEqual(['FY2028', 'FY2028-Q1']);
    const quarter = await t.http.get('/api/v1/targets').query({ period: 'FY2028-Q1' }).set(...bearer(member)).expect(400);
    expect(quarter.body.detail).toMatch(/is not a fiscal year: give one such as FY2026/);
  });

  it('imports a CSV with the columns in any order', async () => {
    const before = await auditCount('targets.import');
    const csv = ['\uFEFFperiod,Stretch,org_unit,threshold,metric,target', 'FY2030,50,marketing,30,nps,40', 'FY2030-Q1,"4.8",service,"4.2",ces,4.5', '', 'FY2030,97,hr,103,budget_attainment,100'].join('\r\n');
    const res = await upload(csv).expect(201);
    expect(res.body).toEqual({ received: 3, created: 3, updated: 0, unchanged: 0, fileName: 'targets.csv' });
    expect(await auditCount('targets.import')).toBe(before + 1);
    expect(await effective('budget_attainment', 'hr', 'FY2030-Q2')).toMatchObject({ threshold: '103', target: '100', stretch: '97', basis: 'applied' });
  });

  it('refuses a CSV with bad rows, listing every bad line, and stores none of it', async () => {
    const before = await count('targets');
    const csv = [
      'metric,org_unit,period,threshold,target,stretch',
      'nps,sales,FY2031,30,40,50',
      'nps,atlantis,FY2031,30,40,50',
      'nps,sales,2031-01,30,40,50',
      'complaint_rate,quality,FY2031,2,2.5,3',
      'nps,sales,FY2031,31,41,51',
      'csat,sales,FY2031,1e2,,50',
      'nps,sales,FY2031,"broken',
    ].join('\n');
    const res = await upload(csv).expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.detail).toMatch(/^6 of 7 rows of targets\.csv are not valid, so none was stored: line 3: org_unit "atlantis" is not an org unit key/);
    const errors = res.body.errors as { line: number; message: string }[];
    expect(errors.map((error) => error.line)).toEqual([3, 4, 5, 6, 7, 8]);
    const byLine = Object.fromEntries(errors.map((error) => [error.line, error.message]));
    expect(byLine[4]).toMatch(/is a month: targets are set per fiscal year or quarter/);
    expect(byLine[5]).toMatch(/must be above target 2.5 .* for a lower-is-better metric/);
    expect(byLine[6]).toBe('nps for sales in FY2031 is already given by line 2: give each metric, unit and period once');
    expect(byLine[7]).toMatch(/threshold "1e2" is not a decimal number.*; target is missing/);
    expect(byLine[8]).toMatch(/not valid CSV/);
    expect(await count('targets')).toBe(before);

    const header = await upload('metric,org_unit,period,threshold,target\nnps,sales,FY2031,1,2\n').expect(400);
    expect(header.body.detail).toMatch(/lacks stretch.*metric, org_unit, period, threshold, target, stretch, in any order/);
    expect(header.body.errors).toEqual([expect.objectContaining({ line: 1 })]);
    const empty = await upload('metric,org_unit,period,threshold,target,stretch\n').expect(400);
    expect(empty.body.detail).toMatch(/holds no targets/);
    const json = await t.http.post('/api/v1/targets/imports').set(...bearer(cx)).send({ file: 'x' }).expect(400);
    expect(json.body.detail).toMatch(/multipart\/form-data/);
  });

  it('removes one target with an audit entry, then falls back to the year', async () => {
    const query = { metric: 'escalations', orgUnit: 'service', period: 'FY2028-Q1' };
    await t.http.delete('/api/v1/targets').query(query).set(...bearer(cx)).expect(204);
    const [entry] = await t.sql<{ entity_id: string; before: unknown; after: unknown }>(
      `SELECT entity_id, before, after FROM audit_entries WHERE action = 'target.delete' ORDER BY id DESC LIMIT 1`,
    );
    expect(entry).toEqual({
      entity_id: 'escalations/service/FY2028-Q1',
      before: { metric: 'escalations', orgUnit: 'service', period: 'FY2028-Q1', threshold: '45', target: '40', stretch: '30' },
      after: null,
    });
    expect(await effective('escalations', 'service', 'FY2028-Q1')).toMatchObject({ target: '25', from: 'FY2028', basis: 'split' });
    const again = await t.http.delete('/api/v1/targets').query(query).set(...bearer(cx)).expect(404);
    expect(again.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(again.body.detail).toBe('No target is set for escalations at service in FY2028-Q1: nothing was removed.');
    const month = await t.http.delete('/api/v1/targets').query({ ...query, period: '2027-10' }).set(...bearer(cx)).expect(400);
    expect(month.body.detail).toMatch(/is a month: targets are set per fiscal year or quarter/);
  });

  it('serves the demo targets: company NPS 25 / 35 / 45 in FY2025 and 30 / 40 / 50 in FY2026, Service escalations phased by quarter', async () => {
    expect(await effective('nps', 'company', 'FY2025-Q3')).toMatchObject({ threshold: '25', target: '35', stretch: '45', basis: 'applied' });
    expect(await effective('nps', 'company', 'FY2026')).toMatchObject({ threshold: '30', target: '40', stretch: '50', basis: 'as-set' });
    expect(await effective('quota_attainment', 'sales', 'FY2026-Q2')).toMatchObject({ threshold: '90', target: '100', stretch: '120' });
    expect(await effective('escalations', 'service', 'FY2026-Q2')).toMatchObject({ target: '45', basis: 'as-set' });
    expect(await effective('escalations', 'service', 'FY2026')).toMatchObject({ threshold: '211', target: '168', stretch: '127', basis: 'as-set' });
    expect((await weights()).weights.map(({ metric, weight }) => `${metric} ${weight}`)).toEqual(['nps 40', 'csat 20', 'complaint_rate 15', 'on_time_delivery 15', 'ces 10']);
    expect(await weights('sales')).toEqual({ orgUnit: 'sales', basis: 'own', weights: [{ metric: 'nps', weight: '60' }, { metric: 'csat', weight: '40' }] });
    expect((await weights('service')).basis).toBe('default');
  });

  it('gives each unit its own CX index weights or else the company default, and lets a unit fall back', async () => {
    const defaults = [
      { metric: 'nps', weight: '40' },
      { metric: 'csat', weight: '20' },
      { metric: 'complaint_rate', weight: '15' },
      { metric: 'on_time_delivery', weight: '15' },
      { metric: 'ces', weight: '10' },
    ];
    const put = await putWeights(null, [...defaults].reverse()).expect(200);
    expect(put.body).toEqual({ orgUnit: null, basis: 'default', weights: defaults });
    expect(await weights()).toEqual(put.body);
    expect(await weights('service')).toEqual({ orgUnit: 'service', basis: 'default', weights: defaults });

    const before = await auditCount('cx-index-weights.set');
    const saved = await putWeights('service', [
      { metric: 'nps', weight: 33.33 },
      { metric: 'csat', weight: '33.33' },
      { metric: 'escalations', weight: '33.34' },
    ]).expect(200);
    expect(saved.body).toEqual({
      orgUnit: 'service',
      basis: 'own',
      weights: [{ metric: 'escalations', weight: '33.34' }, { metric: 'csat', weight: '33.33' }, { metric: 'nps', weight: '33.33' }],
    });
    expect(await weights('service')).toEqual(saved.body);
    expect(await auditCount('cx-index-weights.set')).toBe(before + 1);

    // replacing the set leaves no metric of the old one behind
    await putWeights('service', [{ metric: 'nps', weight: 100 }]).expect(200);
    expect((await weights('service')).weights).toEqual([{ metric: 'nps', weight: '100' }]);

    const removed = await t.http.delete('/api/v1/cx-index/weights').query({ orgUnit: 'service' }).set(...bearer(cx)).expect(200);
    expect(removed.body).toMatchObject({ orgUnit: 'service', basis: 'default' });
    expect((await weights('service')).weights).toEqual((await weights()).weights);
    const [entry] = await t.sql<{ entity_id: string; before: unknown }>(
      `SELECT entity_id, before FROM audit_entries WHERE action = 'cx-index-weights.delete' ORDER BY id DESC LIMIT 1`,
    );
    expect(entry).toEqual({ entity_id: 'service', before: [{ metric: 'nps', weight: '100' }] });
    const again = await t.http.delete('/api/v1/cx-index/weights').query({ orgUnit: 'service' }).set(...bearer(cx)).expect(404);
    expect(again.body.detail).toBe('service has no CX index weights of its own: it already uses the company default.');
    const noUnit = await t.http.delete('/api/v1/cx-index/weights').set(...bearer(cx)).expect(400);
    expect(noUnit.body.detail).toMatch(/the company default cannot be removed/);

    await putWeights(null, [{ metric: 'nps', weight: 50 }, { metric: 'csat', weight: 50 }]).expect(200);
    expect(await weights('marketing')).toEqual({ orgUnit: 'marketing', basis: 'default', weights: [{ metric: 'csat', weight: '50' }, { metric: 'nps', weight: '50' }] });
    const [defaultEntry] = await t.sql<{ entity_id: string; before: unknown[] }>(
      `SELECT entity_id, before FROM audit_entries WHERE action = 'cx-index-weights.set' ORDER BY id DESC LIMIT 1`,
    );
    expect(defaultEntry.entity_id).toBe('default');
    expect(defaultEntry.before).toHaveLength(5);
  });

  it('refuses weights that do not add up to 100, a metric that is not a CX metric, and the index itself', async () => {
    const before = await count('cx_index_weights');
    const sum = await putWeights('marketing', [{ metric: 'nps', weight: 60 }, { metric: 'csat', weight: '30' }]).expect(400);
    expect(sum.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(sum.body.detail).toBe('The CX index weights of marketing were not saved: the weights add up to 90 %, not 100 %.');

    const wrong = await putWeights('marketing', [
      { metric: 'quota_attainment', weight: 50 },
      { metric: 'cx_index', weight: 25 },
      { metric: 'nps', weight: 0 },
      { metric: 'csat', weight: '25' },
      { metric: 'csat', weight: '25' },
    ]).expect(400);
    expect(wrong.body.errors).toEqual([
      'weights[0]: quota_attainment is a COMMERCIAL metric: the CX index weighs CX metrics only',
      'weights[1]: cx_index is the index itself and cannot be one of its components',
      'weights[2]: the weight of nps must be more than 0 %: leave the metric out instead',
      'csat is weighted more than once; give each metric one weight',
    ]);
    const unknown = await putWeights('atlantis', [{ metric: 'nps', weight: 100 }]).expect(404);
    expect(unknown.body.detail).toMatch(/There is no org unit with the key "atlantis"/);
    const shape = await t.http.put('/api/v1/cx-index/weights').set(...bearer(cx)).send({ weights: [{ metric: 'nps', weight: 100 }] }).expect(400);
    expect(shape.body.detail).toMatch(/orgUnit must be an org unit key such as sales, or null for the company default/);
    const bad = await putWeights('marketing', [{ metric: 'nps', weight: 'lots' }]).expect(400);
    expect(bad.body.errors).toEqual(['weights[0]: the weight of nps "lots" is not a decimal number such as 12.5']);
    expect(await count('cx_index_weights')).toBe(before);
  });

  it('lets only the CX lead write, and anyone signed in read', async () => {
    const band = { metric: 'nps', orgUnit: 'sales', period: 'FY2032', threshold: 1, target: 2, stretch: 3 };
    await post([band], member).expect(403);
    await upload('metric,org_unit,period,threshold,target,stretch\nnps,sales,FY2032,1,2,3\n', member).expect(403);
    await t.http.delete('/api/v1/targets').query({ metric: 'nps', orgUnit: 'sales', period: 'FY2028' }).set(...bearer(member)).expect(403);
    await putWeights(null, [{ metric: 'nps', weight: 100 }], member).expect(403);
    await t.http.delete('/api/v1/cx-index/weights').query({ orgUnit: 'sales' }).set(...bearer(member)).expect(403);
    await t.http.get('/api/v1/targets').query({ period: 'FY2026' }).expect(401);
    expect(await count('targets', `period = 'FY2032'`)).toBe(0);
    expect((await weights()).orgUnit).toBeNull();
    expect(await effective('nps', 'sales', 'FY2028')).toMatchObject({ target: '40' });
  });

  it('locks the fiscal start month once a target is set', async () => {
    await t.sql('DELETE FROM measurements');
    const admin = await t.tokenFor('admin@example.com');
    const res = await t.http.put('/api/v1/settings/fiscal-calendar').set(...bearer(admin)).send({ startMonth: 1, timeZone: 'Europe/Amsterdam' }).expect(409);
    expect(res.body.detail).toMatch(/\(targets holds rows\)/);
  });
});
