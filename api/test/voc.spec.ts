import { VocImportsService } from '../src/metrics/voc-imports.service';
import { bearer, createTestApp, TestApp } from './support/test-app';

const HEADER = 'response_id,responded_at,account,org_unit,survey,score,cause,comment';

/** n answers for a unit in a month: `promoters` 10s, `passives` 8s, `detractors` 3s. */
function npsRows(prefix: string, unit: string, month: string, promoters: number, passives: number, detractors: number, cause = 'delivery delay'): string[] {
  const rows: string[] = [];
  const add = (count: number, score: number, why: string) => {
    for (let i = 0; i < count; i++) rows.push(`${prefix}-${rows.length},${month}-15T10:00:00Z,ACME,${unit},nps,${score},${why},`);
  };
  add(promoters, 10, '');
  add(passives, 8, '');
  add(detractors, 3, cause);
  return rows;
}

describe('voice of the customer: import, results and Pareto', () => {
  let t: TestApp;
  let cx: string;
  let member: string;

  async function upload(csv: string, token = cx) {
    const res = await t.http.post('/api/v1/voc/imports').set(...bearer(token)).attach('file', Buffer.from(csv, 'utf8'), 'survey.csv');
    if (res.status !== 202) return { res, status: undefined };
    await t.app.get(VocImportsService).idle();
    const status = await t.http.get(`/api/v1/voc/imports/${res.body.id}`).set(...bearer(token)).expect(200);
    return { res, status: status.body };
  }

  beforeAll(async () => {
    t = await createTestApp();
    cx = await t.tokenFor('cx@example.com');
    member = await t.tokenFor('member@example.com');
  });
  afterAll(() => t.close());

  it('imports a survey export with quotes, commas, newlines and Unicode in comments, in any column order', async () => {
    const csv = [
      'survey,score,org_unit,response_id,responded_at,comment,cause,account',
      'nps,9,field-service,q-1,2025-10-03,"Fast, friendly — merci beaucoup! 😀",,Samsung',
      'nps,2,field-service,q-2,2025-10-04T08:00:00Z,"Engineer arrived late.\nMachine down ""two days""",slow field service,TSMC',
      'csat,4,customer-support,q-3,2025-11-01,Good,,',
      'ces,6,customer-support,q-4,2025-11-02,,,',
    ].join('\r\n');
    const { res, status } = await upload(csv);
    expect(res.status).toBe(202);
    expect(status).toMatchObject({ status: 'succeeded', rowsProcessed: 4, inserted: 4, duplicates: 0, rejected: 0, errors: [] });
    expect(status.bytesRead).toBe(Buffer.byteLength(csv));
    expect(status.totalBytes).toBe(Buffer.byteLength(csv));
    const [stored] = await t.sql<{ comment: string; cause: string; month: string }>(`SELECT comment, cause, month FROM voc_responses WHERE response_id = 'q-2'`);
    expect(stored).toEqual({ comment: 'Engineer arrived late.\nMachine down "two days"', cause: 'slow field service', month: '2025-10' });
    const [unicode] = await t.sql<{ comment: string }>(`SELECT comment FROM voc_responses WHERE response_id = 'q-1'`);
    expect(unicode.comment).toBe('Fast, friendly — merci beaucoup! 😀');
  });

  it('rejects every kind of bad row with its line number and reason, and imports the good ones', async () => {
    const csv = [
      HEADER,
      'b-1,2025-10-05,A,field-service,nps,11,,',
      'b-2,2025-10-05,A,atlantis,nps,5,,',
      'b-3,2025-10-05,A,field-service,ces,5,,',
      'b-4,2025-10-05,A,field-service,wow,5,,',
      'b-5,05/10/2025,A,field-service,nps,5,,',
      'b-6,2025-02-30,A,field-service,nps,5,,',
      'b-7,2025-10-05,A,field-service,csat,0,,',
      'b-8,2025-10-05,A,field-service,nps,seven,,',
      ',2025-10-05,A,field-service,nps,5,,',
      'b-9,2025-10-05,A,field-service,nps,5',
      'b-10,2025-10-05,A,"field-service",nps,7,price,"multi\nline\ncomment"',
      'b-11,2025-10-06,A,field-service,nps,1.5,,',
    ].join('\n');
    const { status } = await upload(csv);
    expect(status).toMatchObject({ status: 'succeeded', inserted: 2, rejected: 10 });
    const byLine = Object.fromEntries(status.errors.map((e: { line: number; message: string }) => [e.line, e.message]));
    expect(byLine[2]).toMatch(/score "11" is not a whole number from 0 to 10 for nps/);
    expect(byLine[3]).toMatch(/org_unit "atlantis" is not a unit key/);
    expect(byLine[5]).toMatch(/survey "wow" is not one of nps, csat, ces/);
    expect(byLine[6]).toMatch(/responded_at "05\/10\/2025" is not an ISO date/);
    expect(byLine[7]).toMatch(/responded_at "2025-02-30"/);
    expect(byLine[8]).toMatch(/score "0" is not a whole number from 1 to 5 for csat/);
    expect(byLine[9]).toMatch(/score "seven"/);
    expect(byLine[10]).toMatch(/response_id is empty/);
    expect(byLine[11]).toMatch(/not valid CSV/);
    expect(byLine[15]).toMatch(/score "1.5"/);
    const stored = await t.sql<{ response_id: string }>(`SELECT response_id FROM voc_responses WHERE response_id LIKE 'b-%' ORDER BY 1`);
    expect(stored.map((r) => r.response_id)).toEqual(['b-10', 'b-3']);
  });

  it('numbers rejected lines exactly in a file long enough for the parser to run ahead of validation', async () => {
    // `line` is the physical line the next row starts on; the row at line 50 spans three lines
    const lines = [HEADER];
    for (let i = 1, line = 2; line <= 30_000; i++) {
      if (line === 50) {
        lines.push(`long-${i},2025-10-09,A,logistics,nps,6,,"a comment\nover\nthree lines"`);
        line += 3;
        continue;
      }
      if (line === 102 || line === 5_002 || line === 25_002) lines.push(`long-${i},2025-10-09,A,logistics,nps,12,,`);
      else if (line === 15_002) lines.push(`long-${i},2025-10-09,A`);
      else lines.push(`long-${i},2025-10-09,A,logistics,nps,${i % 11},,`);
      line++;
    }
    const { status } = await upload(lines.join('\n'));
    expect(status).toMatchObject({ status: 'succeeded', rejected: 4 });
    expect(status.errors.map((e: { line: number }) => e.line)).toEqual([102, 5_002, 15_002, 25_002]);
    expect(status.errors[2].message).toMatch(/not valid CSV/);
  });

  it('skips ids already stored or repeated in the file, so a re-import changes nothing', async () => {
    const csv = [HEADER, 'd-1,2025-10-07,A,logistics,nps,9,,', 'd-2,2025-10-07,A,logistics,nps,0,,', 'd-1,2025-10-08,A,logistics,nps,0,,', 'q-1,2025-10-08,A,logistics,nps,0,,'].join('\n');
    const first = await upload(csv);
    expect(first.status).toMatchObject({ status: 'succeeded', inserted: 2, duplicates: 2, rejected: 0 });
    const [kept] = await t.sql<{ score: number }>(`SELECT score FROM voc_responses WHERE response_id = 'd-1'`);
    expect(kept.score).toBe(9);
    const before = await t.sql<{ n: string }>('SELECT sum(count)::text AS n FROM voc_histograms');
    const again = await upload(csv);
    expect(again.status).toMatchObject({ status: 'succeeded', inserted: 0, duplicates: 4 });
    const after = await t.sql<{ n: string }>('SELECT sum(count)::text AS n FROM voc_histograms');
    expect(after[0].n).toBe(before[0].n);
  });

  it('keeps the histograms equal to the stored answers', async () => {
    const rows = await t.sql<{ ok: boolean }>(
      `SELECT (SELECT count(*) FROM voc_responses) = (SELECT coalesce(sum(count), 0) FROM voc_histograms) AS ok`,
    );
    expect(rows[0].ok).toBe(true);
  });

  it('fails an import whose header lacks required columns, storing nothing', async () => {
    const { status } = await upload('id,when,unit,score\n1,2025-10-01,sales,9\n');
    expect(status.status).toBe('failed');
    expect(status.failure).toMatch(/header lacks the columns response_id, responded_at, org_unit, survey/);
  });

  it('refuses an upload without a file, or not multipart, with a 400 problem', async () => {
    const noFile = await t.http.post('/api/v1/voc/imports').set(...bearer(cx)).field('note', 'x').expect(400);
    expect(noFile.body.detail).toMatch(/No file was sent/);
    const json = await t.http.post('/api/v1/voc/imports').set(...bearer(cx)).send({ file: 'x' }).expect(400);
    expect(json.body.detail).toMatch(/multipart\/form-data/);
    await t.http.get('/api/v1/voc/imports/not-a-uuid').set(...bearer(cx)).expect(400);
    await t.http.get('/api/v1/voc/imports/00000000-0000-4000-8000-000000000000').set(...bearer(cx)).expect(404);
  });

  it('adds JSON answers in batches of up to 1,000, all or none', async () => {
    const ok = await t.http
      .post('/api/v1/voc/responses')
      .set(...bearer(cx))
      .send({ responses: [{ responseId: 'j-1', respondedAt: '2025-11-03', orgUnit: 'marketing', survey: 'csat', score: 5 }, { responseId: 'q-3', respondedAt: '2025-11-03', orgUnit: 'marketing', survey: 'csat', score: 1 }] })
      .expect(200);
    expect(ok.body).toEqual({ received: 2, inserted: 1, duplicates: 1 });
    const bad = await t.http
      .post('/api/v1/voc/responses')
      .set(...bearer(cx))
      .send({ responses: [{ responseId: 'j-2', respondedAt: '2025-11-03', orgUnit: 'marketing', survey: 'csat', score: 5 }, { responseId: 'j-3', respondedAt: '2025-11-03', orgUnit: 'nowhere', survey: 'csat', score: 9 }] })
      .expect(400);
    expect(bad.body.detail).toMatch(/1 of 2 answers are not valid, so none was stored: responses\[1\]: score "9"/);
    expect(await t.sql(`SELECT 1 FROM voc_responses WHERE response_id = 'j-2'`)).toHaveLength(0);
    const tooMany = Array.from({ length: 1001 }, (_, i) => ({ responseId: `m-${i}`, respondedAt: '2025-11-03', orgUnit: 'marketing', survey: 'nps', score: 9 }));
    const big = await t.http.post('/api/v1/voc/responses').set(...bearer(cx)).send({ responses: tooMany }).expect(400);
    expect(big.body.detail).toMatch(/at most 1,000 answers/);
  });

  it('computes NPS with its margin of error over a unit’s whole subtree, matching a hand count', async () => {
    // FY2026-Q1 of the demo calendar (start month 10) is 2025-10 … 2025-12.
    const rows = [...npsRows('k', 'key-accounts', '2025-11', 30, 20, 10), ...npsRows('r', 'regional-sales', '2025-12', 20, 13, 7, 'price')];
    const { status } = await upload([HEADER, ...rows].join('\n'));
    expect(status.inserted).toBe(100);
    const res = await t.http.get('/api/v1/cx/results?orgUnit=sales&period=FY2026-Q1&metric=nps').set(...bearer(member)).expect(200);
    // 50 promoters, 33 passives, 17 detractors: NPS = 50 − 17 = 33; margin = 1.96·√((0.5 + 0.17 − 0.33²)/100)·100 = 14.68
    expect(res.body).toMatchObject({ metric: 'nps', orgUnit: 'sales', period: 'FY2026-Q1', n: 100, insufficientSample: false });
    expect(res.body.value).toBeCloseTo(33, 10);
    expect(res.body.marginOfError).toBeCloseTo(14.68, 2);
    const team = await t.http.get('/api/v1/cx/results?orgUnit=key-accounts&period=FY2026-Q1&metric=nps').set(...bearer(member)).expect(200);
    expect(team.body.n).toBe(60);
    expect(team.body.value).toBeCloseTo(((30 - 10) / 60) * 100, 10);
    const nextQuarter = await t.http.get('/api/v1/cx/results?orgUnit=sales&period=FY2026-Q2&metric=nps').set(...bearer(member)).expect(200);
    expect(nextQuarter.body).toMatchObject({ n: 0, value: null, marginOfError: null, insufficientSample: true });
    const month = await t.http.get('/api/v1/cx/results?orgUnit=sales&period=2025-12&metric=nps').set(...bearer(member)).expect(200);
    expect(month.body.n).toBe(40);
    expect(month.body.insufficientSample).toBe(false);
    const small = await t.http.get('/api/v1/cx/results?orgUnit=field-service&period=FY2026&metric=nps').set(...bearer(member)).expect(200);
    expect(small.body.insufficientSample).toBe(true);
    expect(small.body.n).toBeGreaterThan(0);
  });

  it('shows new answers and a moved unit in CX results at once, though results are cached', async () => {
    const url = '/api/v1/cx/results?orgUnit=sales&period=FY2026-Q3&metric=csat';
    const before = await t.http.get(url).set(...bearer(member)).expect(200);
    const answers = Array.from({ length: 3 }, (_, i) => ({ responseId: `cache-${i}`, respondedAt: '2026-04-10', orgUnit: 'key-accounts', survey: 'csat', score: 5 }));
    await t.http.post('/api/v1/voc/responses').set(...bearer(cx)).send({ responses: answers }).expect(200);
    const after = await t.http.get(url).set(...bearer(member)).expect(200);
    expect(after.body.n).toBe(before.body.n + 3);

    // moving the team out of Sales takes its answers with it
    const admin = await t.tokenFor('admin@example.com');
    await t.http.patch('/api/v1/org-units/key-accounts').set(...bearer(admin)).send({ parentKey: 'marketing' }).expect(200);
    const moved = await t.http.get(url).set(...bearer(member)).expect(200);
    expect(moved.body.n).toBe(before.body.n);
    await t.http.patch('/api/v1/org-units/key-accounts').set(...bearer(admin)).send({ parentKey: 'sales' }).expect(200);
    expect((await t.http.get(url).set(...bearer(member)).expect(200)).body.n).toBe(after.body.n);
  });

  it('places a dated answer in the month of the company’s time zone', async () => {
    // 23:30 UTC on 31 December is already January in Amsterdam.
    await t.http
      .post('/api/v1/voc/responses')
      .set(...bearer(cx))
      .send({ responses: [{ responseId: 'tz-1', respondedAt: '2025-12-31T23:30:00Z', orgUnit: 'it', survey: 'nps', score: 10 }] })
      .expect(200);
    const [row] = await t.sql<{ month: string }>(`SELECT month FROM voc_responses WHERE response_id = 'tz-1'`);
    expect(row.month).toBe('2026-01');
  });

  it('ranks the causes of unhappy answers in a Pareto, largest first, with cumulative shares', async () => {
    const res = await t.http.get('/api/v1/cx/pareto?orgUnit=sales&period=FY2026-Q1&survey=nps').set(...bearer(member)).expect(200);
    expect(res.body).toEqual([
      { cause: 'delivery delay', count: 10, share: 10 / 17, cumulativeShare: 10 / 17 },
      { cause: 'price', count: 7, share: 7 / 17, cumulativeShare: 1 },
    ]);
    const company = await t.http.get('/api/v1/cx/pareto?orgUnit=company&period=FY2026&survey=nps').set(...bearer(member)).expect(200);
    const causes = company.body.map((row: { cause: string }) => row.cause);
    expect(causes).toContain('unspecified');
    expect(causes).toContain('slow field service');
  });

  it('lists comments of a unit and period, searchable, newest first', async () => {
    const res = await t.http.get('/api/v1/voc/comments?orgUnit=service&period=FY2026-Q1&search=late').set(...bearer(member)).expect(200);
    expect(res.body.total).toBe(1);
    expect(res.body.items[0]).toMatchObject({ responseId: 'q-2', orgUnitKey: 'field-service', score: 2 });
  });

  it('names an unknown unit (404) and a bad period or metric (400)', async () => {
    const unit = await t.http.get('/api/v1/cx/results?orgUnit=atlantis&period=FY2026&metric=nps').set(...bearer(member)).expect(404);
    expect(unit.body.detail).toMatch(/no org unit with the key "atlantis"/);
    const period = await t.http.get('/api/v1/cx/results?orgUnit=sales&period=2026Q1&metric=nps').set(...bearer(member)).expect(400);
    expect(period.body.detail).toMatch(/"2026Q1" is not a period label: use a month such as 2026-03/);
    const metric = await t.http.get('/api/v1/cx/results?orgUnit=sales&period=FY2026&metric=revenue').set(...bearer(member)).expect(400);
    expect(metric.body.detail).toMatch(/metric must be one of nps, csat, ces/);
  });

  it('lists the built-in metrics and lets a CX lead add a custom one', async () => {
    const list = await t.http.get('/api/v1/metrics').set(...bearer(member)).expect(200);
    const keys = list.body.map((m: { key: string }) => m.key);
    expect(keys).toEqual(expect.arrayContaining(['nps', 'csat', 'ces', 'complaint_rate', 'quota_attainment', 'gross_margin', 'budget_attainment']));
    expect(list.body.find((m: { key: string }) => m.key === 'complaint_rate')).toMatchObject({ direction: 'lower', aggregation: 'ratio', category: 'CX' });
    const created = await t.http
      .post('/api/v1/metrics')
      .set(...bearer(cx))
      .send({ key: 'install_lead_time', name: 'Installation lead time', category: 'OPERATIONAL', unit: 'count', direction: 'lower', aggregation: 'mean' })
      .expect(201);
    expect(created.body).toMatchObject({ key: 'install_lead_time', builtIn: false });
    await t.http.post('/api/v1/metrics').set(...bearer(cx)).send({ key: 'nps', name: 'x', category: 'CX', unit: 'score', direction: 'higher', aggregation: 'sum' }).expect(409);
    const bad = await t.http.post('/api/v1/metrics').set(...bearer(cx)).send({ key: 'Bad Key', name: 'x', category: 'CX', unit: 'score', direction: 'up', aggregation: 'response_weighted' }).expect(400);
    expect(bad.body.detail).toMatch(/key must start with a letter/);
    expect(bad.body.detail).toMatch(/direction must be higher or lower/);
  });
});
