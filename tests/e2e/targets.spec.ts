import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { describeViolations, seriousAccessibilityViolations } from '../support/axe';
import { launchChromium } from '../support/browser';
import { RunningServer, scratchDir, startServer } from '../support/server';

const SCREENSHOTS = path.resolve(__dirname, '..', '..', 'tmp', 'screenshots');
const HEADER = 'metric,org_unit,period,threshold,target,stretch';
/** The demo's targets are FY2025 to FY2027; the CX lead sets the year after. */
const NEXT_YEAR = 'FY2028';

interface StoredTarget {
  metric: string;
  orgUnit: string;
  period: string;
  threshold: string;
  target: string;
  stretch: string;
}

interface StoredWeights {
  basis: 'own' | 'default';
  weights: { metric: string; weight: string }[];
}

async function api<T>(page: Page, url: string): Promise<T> {
  return page.evaluate(async (target) => {
    const response = await fetch(target);
    if (!response.ok) throw new Error(`${target}: ${response.status}`);
    return (await response.json()) as T;
  }, url);
}

const targetsOf = (page: Page, period: string, query = '') =>
  api<StoredTarget[]>(page, `/api/v1/targets?period=${period}${query}`);
const band = (target: StoredTarget | undefined) =>
  target ? [target.threshold, target.target, target.stretch].map(Number) : null;
const text = async (locator: Locator) => (await locator.innerText()).replace(/\s+/g, ' ').trim();
/** What a grid cell shows: its band and, when it has none of its own, where the band comes from. */
const shown = async (cell: Locator) => {
  const parts = [await text(cell.getByTestId('band'))];
  if (await cell.getByTestId('basis').count()) parts.push(await text(cell.getByTestId('basis')));
  return parts.join(' ');
};

describe('in the browser: the CX lead sets targets, imports next year’s and weighs the CX index', () => {
  const dataDir = scratchDir('lodestar-e2e-targets-');
  const badCsv = path.join(os.tmpdir(), `lodestar-e2e-targets-bad-${process.pid}.csv`);
  const goodCsv = path.join(os.tmpdir(), `lodestar-e2e-targets-good-${process.pid}.csv`);
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
    fs.rmSync(badCsv, { force: true });
    fs.rmSync(goodCsv, { force: true });
  });

  it('edits a quarter, is refused an unordered band, imports a year whole or not at all, and saves weights only at 100 %', async () => {
    // The app's Content-Security-Policy refuses inline scripts; the axe check injects one, so the page bypasses it.
    const page = await browser.newPage({
      viewport: { width: 1366, height: 860 },
      locale: 'en-US',
      bypassCSP: true,
    });
    await page.goto(`${server.url}/`);
    await page.waitForURL(/\/sign-in/);
    await page.getByLabel('Email').fill('cx@example.com');
    await page.getByLabel('Password').fill('lodestar-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Targets' }).click();
    await page.getByRole('heading', { name: 'Targets', level: 1 }).waitFor();
    // The page says which year it opens on and why.
    await page
      .getByTestId('year-hint')
      .filter({ hasText: /fourth quarter/ })
      .waitFor();

    // The demo's FY2026: Sales' NPS band, its quarters taking the year's band.
    await page.getByRole('combobox', { name: 'Fiscal year' }).click();
    await page.getByRole('option', { name: /^FY2026 ·/ }).click();
    await page.waitForURL(/period=FY2026/);
    const grid = page.getByTestId('target-grid');
    const cell = (unit: string, metric: string, period: string) =>
      grid.locator(`td[data-unit="${unit}"][data-metric="${metric}"][data-period="${period}"]`);
    await cell('sales', 'nps', 'FY2026').waitFor();
    expect(await shown(cell('sales', 'nps', 'FY2026'))).toBe('30 · 40 · 50');
    expect(await shown(cell('sales', 'nps', 'FY2026-Q2'))).toBe('30 · 40 · 50 from FY2026');
    // Service's escalations are phased; the year is the sum of its quarters.
    expect(await shown(cell('service', 'escalations', 'FY2026-Q1'))).toBe('80 · 65 · 50');
    expect(await shown(cell('service', 'escalations', 'FY2026'))).toBe('211 · 168 · 127 sum of Q1–Q4');
    expect(await text(grid.locator('tr[data-row="service/escalations"] [data-testid="direction"]'))).toBe(
      'lower is better',
    );
    await page.getByTestId('weights-total').waitFor();
    expect(describeViolations(await seriousAccessibilityViolations(page))).toBe('');

    // Phase Sales' NPS for the second quarter: Enter saves, and the quarter now has its own band.
    await cell('sales', 'nps', 'FY2026-Q2').click();
    const editor = page.getByRole('dialog');
    await editor.getByRole('heading', { name: 'Phase Sales · Net Promoter Score · FY2026-Q2' }).waitFor();
    expect(await editor.getByLabel('Threshold').inputValue()).toBe('30');
    await editor.getByLabel('Threshold').fill('32');
    await editor.getByLabel('Target').fill('42');
    await editor.getByLabel('Stretch').fill('52');
    await editor.getByLabel('Try an actual').fill('37');
    await editor.getByTestId('score-preview').getByText('At risk').waitFor();
    expect(describeViolations(await seriousAccessibilityViolations(page))).toBe('');
    expect(await text(editor.getByTestId('score-preview'))).toMatch(/^scores 75\b.*At risk$/);
    await page.keyboard.press('Enter');
    await editor.waitFor({ state: 'detached' });
    await page.getByText('Sales · Net Promoter Score · FY2026-Q2 saved: 32 · 42 · 52.').waitFor();
    await grid
      .locator('td[data-unit="sales"][data-metric="nps"][data-period="FY2026-Q2"][data-own]')
      .waitFor();
    expect(await shown(cell('sales', 'nps', 'FY2026-Q2'))).toBe('32 · 42 · 52');
    expect(await shown(cell('sales', 'nps', 'FY2026-Q3'))).toBe('30 · 40 · 50 from FY2026');
    const phased = await targetsOf(page, 'FY2026', '&metric=nps&orgUnit=sales');
    expect(band(phased.find((target) => target.period === 'FY2026-Q2'))).toEqual([32, 42, 52]);

    // From the keyboard: a threshold equal to the target is refused before anything is sent.
    await cell('sales', 'nps', 'FY2026-Q2').focus();
    await page.keyboard.press('Enter');
    await editor.getByRole('heading', { name: 'Edit Sales · Net Promoter Score · FY2026-Q2' }).waitFor();
    await editor.getByLabel('Threshold').fill('42');
    const refusal = editor.getByTestId('band-problem');
    await refusal.waitFor();
    expect(await text(refusal)).toBe('Threshold 42 must be below target 42 for a higher-is-better metric.');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    expect(await editor.isVisible()).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'targets-refused-band.png') });
    await page.keyboard.press('Escape');
    await editor.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-period'))).toBe('FY2026-Q2');
    const unchanged = await targetsOf(page, 'FY2026', '&metric=nps&orgUnit=sales');
    expect(band(unchanged.find((target) => target.period === 'FY2026-Q2'))).toEqual([32, 42, 52]);

    // Next year's targets from a file: one bad line refuses the whole file.
    fs.writeFileSync(
      badCsv,
      [
        HEADER,
        `nps,sales,${NEXT_YEAR},35,45,55`,
        `csat,sales,${NEXT_YEAR},58,58,66`,
        `escalations,service,${NEXT_YEAR}-Q1,70,55,40`,
        '',
      ].join('\n'),
    );
    const importPanel = page.getByRole('region', { name: 'Import a CSV' });
    await importPanel.locator('input[type=file]').setInputFiles(badCsv);
    await importPanel.getByRole('button', { name: 'Import', exact: true }).click();
    const refused = importPanel.getByTestId('import-refused');
    await refused.waitFor();
    expect(await text(refused)).toBe(
      `Nothing was stored: 1 line of ${path.basename(badCsv)} was rejected. Fix it and import the file again.`,
    );
    const rejected = importPanel.getByTestId('import-errors').locator('tbody tr');
    expect(await rejected.count()).toBe(1);
    expect(await text(rejected.locator('td').nth(0))).toBe('3');
    expect(await text(rejected.locator('td').nth(1))).toBe(
      'threshold 58 must be below target 58 for a higher-is-better metric',
    );
    expect(await targetsOf(page, NEXT_YEAR)).toEqual([]);
    await refused.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'targets-import-refused.png') });

    // The corrected file is stored whole, and next year's grid shows it.
    fs.writeFileSync(
      goodCsv,
      [
        HEADER,
        `nps,sales,${NEXT_YEAR},35,45,55`,
        `csat,sales,${NEXT_YEAR},52,58,66`,
        `escalations,service,${NEXT_YEAR}-Q1,70,55,40`,
        '',
      ].join('\n'),
    );
    await importPanel.locator('input[type=file]').setInputFiles(goodCsv);
    await importPanel.getByRole('button', { name: 'Import', exact: true }).click();
    const summary = importPanel.getByTestId('import-summary');
    await summary.waitFor();
    expect(await text(summary)).toBe(
      `${path.basename(goodCsv)} imported: 3 targets created, 0 updated, 0 unchanged.`,
    );
    expect((await targetsOf(page, NEXT_YEAR)).length).toBe(3);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByRole('combobox', { name: 'Fiscal year' }).click();
    await page.getByRole('option', { name: new RegExp(`^${NEXT_YEAR} ·`) }).click();
    await page.waitForURL(new RegExp(`period=${NEXT_YEAR}`));
    await cell('sales', 'nps', NEXT_YEAR).waitFor();
    expect(await shown(cell('sales', 'nps', NEXT_YEAR))).toBe('35 · 45 · 55');
    expect(await shown(cell('sales', 'nps', `${NEXT_YEAR}-Q4`))).toBe(`35 · 45 · 55 from ${NEXT_YEAR}`);
    expect(await shown(cell('sales', 'csat', NEXT_YEAR))).toBe('52 · 58 · 66 %');
    expect(await shown(cell('service', 'escalations', `${NEXT_YEAR}-Q1`))).toBe('70 · 55 · 40');
    expect(await shown(cell('service', 'escalations', NEXT_YEAR))).toBe('–');

    // Sales' CX index weights: a total short of 100 % is refused, 100 % is saved.
    const weights = page.getByTestId('cx-index-weights');
    await weights.scrollIntoViewIfNeeded();
    await weights.getByRole('combobox', { name: 'Weights of' }).click();
    await page.getByRole('option', { name: 'Sales', exact: true }).click();
    await weights.getByText('Sales uses its own weights.').waitFor();
    expect(await weights.locator('#weight-nps').inputValue()).toBe('60');
    expect(await weights.locator('#weight-csat').inputValue()).toBe('40');
    await weights.locator('#weight-csat').fill('30');
    expect(await text(weights.getByTestId('weights-total'))).toBe('90 %');
    await weights.getByRole('button', { name: 'Save weights' }).click();
    const weightsProblem = weights.getByRole('alert');
    await weightsProblem.waitFor();
    expect(await text(weightsProblem)).toBe('The weights add up to 90 %, not 100 %.');
    const before = await api<StoredWeights>(page, '/api/v1/cx-index/weights?orgUnit=sales');
    expect(before.weights).toEqual([
      { metric: 'nps', weight: '60' },
      { metric: 'csat', weight: '40' },
    ]);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'targets-weights-refused.png') });
    expect(describeViolations(await seriousAccessibilityViolations(page))).toBe('');

    await weights.locator('#weight-ces').fill('10');
    expect(await text(weights.getByTestId('weights-total'))).toBe('100 %');
    expect(await weights.getByTestId('weights-problem').count()).toBe(0);
    await weights.getByRole('button', { name: 'Save weights' }).click();
    await weights.getByText('The CX index weights of Sales were saved.').waitFor();
    const after = await api<StoredWeights>(page, '/api/v1/cx-index/weights?orgUnit=sales');
    expect(after).toEqual({
      orgUnit: 'sales',
      basis: 'own',
      weights: [
        { metric: 'nps', weight: '60' },
        { metric: 'csat', weight: '30' },
        { metric: 'ces', weight: '10' },
      ],
    });

    // The overview, for the README: Service's FY2026, escalations phased by quarter, a quarter being edited.
    await page.goto(`${server.url}/targets?period=FY2026&unit=service`);
    await cell('service', 'escalations', 'FY2026-Q3').waitFor();
    await cell('service', 'escalations', 'FY2026-Q3').click();
    await editor.getByRole('heading', { name: 'Edit Service · Escalations · FY2026-Q3' }).waitFor();
    await editor.getByLabel('Target').fill('28');
    await editor.getByLabel('Try an actual').fill('26');
    await editor.getByTestId('score-preview').getByText('On target').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'targets.png') });
    await page.keyboard.press('Escape');
    await editor.waitFor({ state: 'detached' });
    await page.close();
  }, 180_000);
});
