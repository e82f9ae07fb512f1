import type { CompanyScorecard } from '@lodestar/contracts';
import { strFromU8, unzipSync } from 'fflate';
import type { Response } from 'supertest';
import { EXPORT_COLUMNS, toCsv } from '../src/scorecards/scorecard-export';
import { bearer, createTestApp, TestApp } from './support/test-app';

/** Collects a binary response body (supertest buffers only text by default). */
function binary(res: Response, callback: (error: Error | null, body: Buffer) => void): void {
  const stream = res as unknown as NodeJS.ReadableStream; // in Node the response is the message stream
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => callback(null, Buffer.concat(chunks)));
}

describe('exporting the company scorecard to CSV and Excel', () => {
  let t: TestApp;
  let member: string;
  let scorecard: CompanyScorecard;

  beforeAll(async () => {
    t = await createTestApp();
    member = await t.tokenFor('member@example.com');
    scorecard = (
      await t.http
        .get('/api/v1/scorecards/company?period=FY2025')
        .set(...bearer(member))
        .expect(200)
    ).body;
  });
  afterAll(() => t.close());

  it('writes one CSV line per unit and metric with the numbers of the scorecard', async () => {
    const res = await t.http
      .get('/api/v1/scorecards/company/export?period=FY2025&format=csv')
      .set(...bearer(member))
      .expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toBe('attachment; filename="lodestar-scorecard-FY2025.csv"');
    const lines = res.text
      .replace(/^\ufeff/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(EXPORT_COLUMNS.join(','));
    const rows = [scorecard.company, ...scorecard.functions];
    const expected = rows.reduce(
      (sum, row) => sum + row.cx.length + 1 + (row.primary ? 1 : 0) + (row.margin ? 1 : 0),
      0,
    );
    expect(lines).toHaveLength(1 + expected);
    const sales = scorecard.functions.find((row) => row.orgUnit === 'sales');
    const quota = lines.find((line) => line.includes(',sales,primary commercial,'));
    expect(quota).toBeDefined();
    const fields = (quota as string).split(',');
    expect(fields[4]).toBe('Quota attainment');
    expect(Number(fields[5])).toBeCloseTo(sales?.primary?.actual as number, 5);
    expect(fields[11]).toBe(sales?.primary?.status);
  });

  it('builds an .xlsx workbook whose sheet holds the same lines', async () => {
    const res = await t.http
      .get('/api/v1/scorecards/company/export?period=FY2025&format=xlsx')
      .set(...bearer(member))
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const files = unzipSync(new Uint8Array(res.body as Buffer));
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']);
    const strings = files['xl/sharedStrings.xml'] ? strFromU8(files['xl/sharedStrings.xml']) : sheet;
    expect(strings).toContain('Quota attainment');
    expect(strings).toContain('Within margin of target');
    const rowCount = (sheet.match(/<row /g) ?? []).length;
    const csv = await t.http
      .get('/api/v1/scorecards/company/export?period=FY2025&format=csv')
      .set(...bearer(member))
      .expect(200);
    expect(rowCount).toBe(csv.text.trimEnd().split('\r\n').length);
  });

  it('refuses an unknown format or a missing period with a sentence', async () => {
    const format = await t.http
      .get('/api/v1/scorecards/company/export?period=FY2025&format=pdf')
      .set(...bearer(member))
      .expect(400);
    expect(format.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(format.body.detail).toMatch(/format must be csv or xlsx/);
    const period = await t.http
      .get('/api/v1/scorecards/company/export?format=csv')
      .set(...bearer(member))
      .expect(400);
    expect(period.body.detail).toMatch(/period is missing/);
    await t.http.get('/api/v1/scorecards/company/export?period=FY2025&format=csv').expect(401);
  });

  it('quotes commas and quotes and defuses spreadsheet formulas in CSV', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['x, "y"', '=HYPERLINK("evil")'],
          [1.23456789, null],
        ],
      ),
    ).toBe('a,b\r\n"x, ""y""","\'=HYPERLINK(""evil"")"\r\n1.234568,\r\n');
  });
});
