import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { RunningServer, scratchDir, startServer } from '../support/server';

const SCREENSHOTS = path.resolve(__dirname, '..', '..', 'tmp', 'screenshots');
const ROWS = 20_000;
/** Data rows (0-based) that are made invalid; with the header on line 1, row i is on line i + 2. */
const BAD_ROWS: Record<number, (row: string[]) => void> = {
  100: (row) => (row[5] = '11'), // an NPS score out of range
  5_000: (row) => (row[3] = 'no-such-unit'),
  15_000: (row) => (row[1] = '2025-13-45'),
};
const CAUSES: [string, number][] = [
  ['installation delay', 0.45],
  ['slow field service', 0.2],
  ['price', 0.15],
  ['documentation', 0.1],
  ['', 0.1],
];

interface Answer {
  unit: 'field-service' | 'key-accounts';
  survey: 'nps' | 'csat' | 'ces';
  score: number;
  cause: string;
}

/** Mulberry32: the same file on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(next: () => number, weighted: [T, number][]): T {
  let r = next();
  for (const [value, weight] of weighted) {
    if ((r -= weight) < 0) return value;
  }
  return weighted[weighted.length - 1][0];
}

const csvField = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** About 20,000 FY2026 answers for Field Service and Key Accounts, three of them invalid. */
function generateCsv(): { csv: string; good: Answer[]; badLines: number[] } {
  const next = random(20260301);
  const npsWeights: [number, number][] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((score) => [
    score,
    score <= 6 ? 0.03 : score <= 8 ? 0.14 : 0.225,
  ]);
  const lines = ['response_id,responded_at,account,org_unit,survey,score,cause,comment'];
  const good: Answer[] = [];
  for (let i = 0; i < ROWS; i++) {
    const unit = next() < 0.55 ? 'field-service' : 'key-accounts';
    const survey = pick<Answer['survey']>(next, [
      ['nps', 0.7],
      ['csat', 0.2],
      ['ces', 0.1],
    ]);
    const score =
      survey === 'nps'
        ? pick(next, npsWeights)
        : survey === 'csat'
          ? 1 + Math.floor(next() * 5)
          : 1 + Math.floor(next() * 7);
    const unhappy = survey === 'nps' ? score <= 6 : survey === 'csat' ? score <= 2 : score <= 3;
    const cause = unhappy ? pick(next, CAUSES) : '';
    // FY2026 runs from October 2025 to September 2026 with the demo's October start.
    const monthIndex = Math.floor(next() * 12);
    const year = monthIndex < 3 ? 2025 : 2026;
    const month = ((monthIndex + 9) % 12) + 1;
    const day = 1 + Math.floor(next() * 28);
    const respondedAt = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T09:30:00`;
    const comment =
      next() < 0.3
        ? `Engineer on site after ${1 + (i % 5)} days, "again"; tool ${i % 2 ? 'down' : 'fine'}`
        : '';
    const row = [
      `e2e-voc-${i}`,
      respondedAt,
      `Fab ${i % 40}, Inc.`,
      unit,
      survey,
      String(score),
      cause,
      comment,
    ];
    const spoil = BAD_ROWS[i];
    if (spoil) spoil(row);
    else good.push({ unit, survey, score, cause });
    lines.push(row.map(csvField).join(','));
  }
  const badLines = Object.keys(BAD_ROWS).map((index) => Number(index) + 2);
  return { csv: `${lines.join('\n')}\n`, good, badLines };
}

interface CxResultBody {
  n: number;
  distribution: { score: number; count: number }[];
}
interface ParetoBody {
  cause: string;
  count: number;
}

async function api<T>(page: Page, url: string): Promise<T> {
  return page.evaluate(async (target) => {
    const response = await fetch(target);
    if (!response.ok) throw new Error(`${target}: ${response.status}`);
    return (await response.json()) as T;
  }, url);
}

/** "+33", "-5", "0": the NPS as the card shows it, for the en-US locale the browser runs in. */
const formatNps = (value: number) =>
  new Intl.NumberFormat('en-US', { maximumFractionDigits: 0, signDisplay: 'exceptZero' }).format(value);

describe('in the browser: a CX lead imports a survey export and reads it in the VoC explorer', () => {
  const dataDir = scratchDir('lodestar-e2e-voc-');
  const csvFile = path.join(os.tmpdir(), `lodestar-e2e-voc-${process.pid}.csv`);
  let server: RunningServer;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;

  beforeAll(async () => {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    server = await startServer(dataDir);
    ({ browser, close: closeBrowser } = await launchChromium());
  }, 120_000);

  afterAll(async () => {
    await closeBrowser?.();
    server?.child.kill('SIGTERM');
    await server?.exited;
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(csvFile, { force: true });
  });

  it('shows the upload and the import progressing, the summary with the rejected lines, then the new NPS and top cause', async () => {
    const { csv, good, badLines } = generateCsv();
    fs.writeFileSync(csvFile, csv);
    const page = await browser.newPage({ viewport: { width: 1360, height: 1500 }, locale: 'en-US' });

    await page.goto(`${server.url}/`);
    await page.waitForURL(/\/sign-in/);
    await page.getByLabel('Email').fill('cx@example.com');
    await page.getByLabel('Password').fill('lodestar-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'VoC import' }).click();
    await page.getByRole('heading', { name: 'VoC import' }).waitFor();

    // What Service already holds (the demo's answers), to add the file's answers to by hand.
    const before = await api<CxResultBody>(
      page,
      '/api/v1/cx/results?orgUnit=service&period=FY2026&metric=nps',
    );
    const paretoBefore = await api<ParetoBody[]>(
      page,
      '/api/v1/cx/pareto?orgUnit=service&period=FY2026&survey=nps',
    );

    const started = Date.now();
    await page.setInputFiles('input[type=file]', csvFile);
    const progress = page.getByRole('progressbar', { name: 'Import progress' });
    await progress.waitFor({ timeout: 30_000 });
    await page.waitForFunction(
      () =>
        document
          .querySelector('[role="progressbar"][aria-label="Import progress"]')
          ?.getAttribute('aria-valuenow') === '100',
      undefined,
      { timeout: 60_000, polling: 100 },
    );
    const summary = page.getByText('Import finished');
    await summary.waitFor({ timeout: 60_000 });
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `${ROWS.toLocaleString('en-US')} rows (${(csv.length / 1024 ** 2).toFixed(1)} MB) uploaded and imported in ${seconds.toFixed(1)} s`,
    );

    expect(good).toHaveLength(ROWS - 3);
    const inserted = good.length.toLocaleString('en-US');
    expect(await summary.textContent()).toBe(
      `Import finished: ${inserted} answers inserted, 0 duplicates skipped, 3 rows rejected.`,
    );
    expect(await progress.getAttribute('aria-valuenow')).toBe('100');
    expect(await page.getByText(`${ROWS.toLocaleString('en-US')} rows · 100 %`).count()).toBe(1);
    const rejectedLines = await page
      .locator('[data-testid="rejected-rows"] tr.mat-mdc-row td:first-child')
      .allTextContents();
    expect(rejectedLines.map((line) => Number(line.trim()))).toEqual(badLines);
    const reasons = await page
      .locator('[data-testid="rejected-rows"] tr.mat-mdc-row td:last-child')
      .allTextContents();
    expect(reasons.map((reason) => reason.trim())).toEqual([
      'score "11" is not a whole number from 0 to 10 for nps',
      'org_unit "no-such-unit" is not a unit key',
      expect.stringContaining('responded_at "2025-13-45" is not an ISO date'),
    ]);
    // The recent imports list shows it too.
    await page.getByRole('cell', { name: path.basename(csvFile) }).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'voc-import.png'), fullPage: true });

    // Service's NPS for FY2026, by hand: the demo's answers plus this file's Field Service answers.
    const counts = new Map(before.distribution.map((entry) => [entry.score, entry.count]));
    const mine = good.filter((answer) => answer.unit === 'field-service' && answer.survey === 'nps');
    for (const answer of mine) counts.set(answer.score, (counts.get(answer.score) ?? 0) + 1);
    let n = 0;
    let promoters = 0;
    let detractors = 0;
    for (const [score, count] of counts) {
      n += count;
      if (score >= 9) promoters += count;
      if (score <= 6) detractors += count;
    }
    expect(n).toBe(before.n + mine.length);
    const expectedNps = formatNps((100 * (promoters - detractors)) / n);

    const causes = new Map(paretoBefore.map((row) => [row.cause, row.count]));
    for (const answer of mine.filter((item) => item.score <= 6)) {
      const cause = answer.cause || 'unspecified';
      causes.set(cause, (causes.get(cause) ?? 0) + 1);
    }
    const [topCause] = [...causes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
    expect(topCause).toBe('installation delay');

    await page.setViewportSize({ width: 1360, height: 2100 });
    await page.goto(`${server.url}/voc?unit=service&period=FY2026`);
    await page.getByRole('heading', { name: 'Voice of the customer' }).waitFor();
    const npsCard = page.locator('[data-metric="nps"]');
    await npsCard.getByText(`n = ${n.toLocaleString('en-US')}`).waitFor();
    expect(await npsCard.getByTestId('cx-value').textContent()).toBe(expectedNps);
    const pareto = page.getByRole('region', { name: 'Causes of unhappy answers' });
    await pareto.locator('ls-pareto-chart svg').first().waitFor();
    expect(await pareto.locator('.x-axis .tick title').first().textContent()).toBe(topCause);
    await page.waitForTimeout(1000); // the charts fade in
    await page.screenshot({ path: path.join(SCREENSHOTS, 'voc-explorer.png'), fullPage: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'voc-explorer-top.png'), clip: { x: 0, y: 0, width: 1360, height: 1240 } });

    await pareto.getByRole('switch', { name: 'Show as table' }).click();
    const firstRow = pareto.locator('[data-testid="pareto-table"] tr.mat-mdc-row').first();
    expect((await firstRow.locator('td').nth(1).textContent())?.trim()).toBe(topCause);
    expect((await firstRow.locator('td').nth(2).textContent())?.trim()).toBe(
      (causes.get(topCause) ?? 0).toLocaleString('en-US'),
    );
    await page.close();
  }, 180_000);
});
