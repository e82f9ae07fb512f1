import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { RunningServer, scratchDir, startServer } from '../support/server';

const SCREENSHOTS = path.resolve(__dirname, '..', '..', 'tmp', 'screenshots');
const HEADER = 'metric,org_unit,period,value,numerator,denominator,note';

interface GridBody {
  months: string[];
  rows: { orgUnit: string; cells: ({ value: string | null; version: number } | null)[] }[];
}

async function api<T>(page: Page, url: string): Promise<T> {
  return page.evaluate(async (target) => {
    const response = await fetch(target);
    if (!response.ok) throw new Error(`${target}: ${response.status}`);
    return (await response.json()) as T;
  }, url);
}

/** The current value of a unit's month, straight from the API. */
async function storedCell(page: Page, orgUnit: string, month: string) {
  const grid = await api<GridBody>(page, '/api/v1/measurements/grid?metric=quota_attainment&period=FY2026');
  const row = grid.rows.find((candidate) => candidate.orgUnit === orgUnit);
  return row?.cells[grid.months.indexOf(month)] ?? null;
}

const cellText = async (cell: Locator) => ((await cell.textContent()) ?? '').replace(/\s+/g, ' ').trim();

describe('in the browser: a CX lead types, restates and imports measurements in the grid', () => {
  const dataDir = scratchDir('lodestar-e2e-measurements-');
  const badCsv = path.join(os.tmpdir(), `lodestar-e2e-measurements-bad-${process.pid}.csv`);
  const goodCsv = path.join(os.tmpdir(), `lodestar-e2e-measurements-good-${process.pid}.csv`);
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

  it('saves a typed value, keeps both versions of a restated month, refuses a file with a bad line whole, then imports a good one', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 860 }, locale: 'en-US' });
    await page.goto(`${server.url}/`);
    await page.waitForURL(/\/sign-in/);
    await page.getByLabel('Email').fill('cx@example.com');
    await page.getByLabel('Password').fill('lodestar-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Measurements' }).click();
    await page.getByRole('heading', { name: 'Measurements', level: 1 }).waitFor();

    // Metric and year, remembered in the link.
    await page.getByRole('combobox', { name: 'Metric' }).click();
    await page.getByRole('option', { name: /^Revenue/ }).click();
    await page.waitForURL(/metric=revenue/);
    // Money shows with its currency and no cents.
    const revenueGrid = page.getByTestId('measurement-grid');
    await revenueGrid.locator('td[data-unit="company"][data-version="1"]').first().waitFor();
    expect(await revenueGrid.locator('td[data-unit="company"]').first().textContent()).toMatch(
      /^\s*€\d{1,3}(,\d{3})+\s*$/,
    );
    await page.screenshot({ path: path.join(SCREENSHOTS, 'measurements-revenue.png') });
    await page.getByRole('combobox', { name: 'Metric' }).click();
    await page.getByRole('option', { name: /^Quota attainment/ }).click();
    await page.getByRole('combobox', { name: 'Fiscal year' }).click();
    await page.getByRole('option', { name: /^FY2026 ·/ }).click();
    await page.waitForURL(/metric=quota_attainment&period=FY2026/);
    const grid = page.getByTestId('measurement-grid');
    await grid.getByRole('columnheader', { name: '2025-10' }).waitFor();
    const cell = (unit: string, month: string) =>
      grid.locator(`td[data-unit="${unit}"][data-month="${month}"]`);

    // The demo's Sales figures are there; Key Accounts has none of its own.
    expect(await cellText(cell('sales', '2025-10'))).toMatch(/^\d+\.\d %$/);
    expect(await storedCell(page, 'key-accounts', '2025-10')).toBeNull();
    expect(await cellText(cell('key-accounts', '2025-10'))).toBe('–');

    // Type a value into the empty month: bookings and quota, Enter saves.
    await cell('key-accounts', '2025-10').click();
    const editor = page.getByRole('dialog');
    await editor.getByRole('heading', { name: 'Enter Key Accounts · October 2025' }).waitFor();
    expect(await editor.getByLabel('Reason for the restatement').count()).toBe(0);
    await editor.getByLabel('Bookings').fill('1,180,000');
    await editor.getByLabel('Quota').fill('1000000');
    await editor.getByText('= 118.0 %').waitFor();
    await page.keyboard.press('Enter');
    await editor.waitFor({ state: 'detached' });
    await page.getByText('Key Accounts, October 2025 saved: 118.0 %.').waitFor();
    await grid.locator('td[data-unit="key-accounts"][data-month="2025-10"][data-version="1"]').waitFor();
    expect(await cellText(cell('key-accounts', '2025-10'))).toBe('118.0 %');
    expect(await storedCell(page, 'key-accounts', '2025-10')).toEqual(
      expect.objectContaining({ value: expect.stringMatching(/^118(\.0+)?$/), version: 1 }),
    );

    // Restate it from the keyboard: a reason is required, and the history keeps both versions.
    await cell('key-accounts', '2025-10').focus();
    await page.keyboard.press('Enter');
    await editor.getByRole('heading', { name: 'Restate Key Accounts · October 2025' }).waitFor();
    await editor.getByLabel('Bookings').fill('1250000');
    await page.keyboard.press('Enter');
    await editor.getByText('Say why the value changes').waitFor();
    await editor.getByLabel('Reason for the restatement').fill('Late booking from the Samsung order');
    await page.keyboard.press('Enter');
    await editor.waitFor({ state: 'detached' });
    await grid.locator('td[data-unit="key-accounts"][data-month="2025-10"][data-version="2"]').waitFor();
    // The marker is drawn; screen readers hear it as words.
    expect(await cellText(cell('key-accounts', '2025-10'))).toBe('125.0 %, restated (version 2)');
    expect(await cell('key-accounts', '2025-10').getByTestId('restated').count()).toBe(1);
    expect(await cell('key-accounts', '2025-10').getAttribute('title')).toBe(
      'Key Accounts · October 2025: 125.0 % (bookings 1,250,000 ÷ quota 1,000,000), restated (version 2)',
    );
    const history = page.getByTestId('measurement-history');
    await history.getByText('Key Accounts · October 2025').waitFor();
    const versions = history.getByTestId('history-version');
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="history-version"]').length === 2,
      undefined,
      { timeout: 10_000 },
    );
    const newest = (await versions.nth(0).innerText()).replace(/\s+/g, ' ');
    const first = (await versions.nth(1).innerText()).replace(/\s+/g, ' ');
    expect(newest).toContain('v2');
    expect(newest).toContain('125.0 %');
    expect(newest).toContain('Late booking from the Samsung order');
    expect(newest).toContain('Chloé Xavier');
    expect(newest).toContain('Typed in');
    expect(first).toContain('v1');
    expect(first).toContain('118.0 %');
    expect(first).toContain('First value');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'measurements-restated.png'), fullPage: true });

    // A file with one bad line is refused whole: the line is listed and the grid is unchanged.
    fs.writeFileSync(
      badCsv,
      [
        HEADER,
        'quota_attainment,key-accounts,2025-11,,990000,1000000,',
        'quota_attainment,no-such-unit,2025-11,,500000,1000000,',
        '',
      ].join('\n'),
    );
    const importPanel = page.getByRole('region', { name: 'Import a CSV' });
    await importPanel.locator('input[type=file]').setInputFiles(badCsv);
    await importPanel.getByRole('button', { name: 'Import', exact: true }).click();
    const refused = importPanel.getByTestId('import-refused');
    await refused.waitFor();
    expect((await refused.innerText()).replace(/\s+/g, ' ').trim()).toBe(
      `Nothing was stored: 1 line of ${path.basename(badCsv)} was rejected. Fix it and import the file again.`,
    );
    const rejected = importPanel.getByTestId('import-errors').locator('tbody tr');
    expect(await rejected.count()).toBe(1);
    expect((await rejected.locator('td').nth(0).innerText()).trim()).toBe('3');
    expect(await rejected.locator('td').nth(1).innerText()).toContain(
      'org_unit "no-such-unit" is not an org unit key',
    );
    expect(await storedCell(page, 'key-accounts', '2025-11')).toBeNull();
    expect(await cellText(cell('key-accounts', '2025-11'))).toBe('–');
    await refused.scrollIntoViewIfNeeded();
    await page.screenshot({
      path: path.join(SCREENSHOTS, 'measurements-import-refused.png'),
      fullPage: true,
    });

    // The corrected file is stored and shows in the grid.
    fs.writeFileSync(
      goodCsv,
      [HEADER, 'quota_attainment,key-accounts,2025-11,,990000,1000000,', ''].join('\n'),
    );
    await importPanel.locator('input[type=file]').setInputFiles(goodCsv);
    await importPanel.getByRole('button', { name: 'Import', exact: true }).click();
    const summary = importPanel.getByTestId('import-summary');
    await summary.waitFor();
    expect((await summary.innerText()).trim()).toBe(
      `${path.basename(goodCsv)} imported: 1 month created, 0 restated, 0 unchanged.`,
    );
    expect(await importPanel.getByTestId('import-errors').count()).toBe(0);
    await grid.locator('td[data-unit="key-accounts"][data-month="2025-11"][data-version="1"]').waitFor();
    expect(await cellText(cell('key-accounts', '2025-11'))).toBe('99.0 %');
    expect(await storedCell(page, 'key-accounts', '2025-11')).toEqual(
      expect.objectContaining({ version: 1 }),
    );

    // Arrow keys move the selection; the chart follows the selected unit, and its table has every month.
    await cell('key-accounts', '2025-11').focus();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-unit'))).toBe('sales');
    const trend = page.getByRole('region', { name: 'Quota attainment by month' });
    await trend.getByText('Sales · FY2026').waitFor();
    // while the chart animates from the previous unit's line, both paths are drawn for a moment
    await trend.locator('.line-series path.line').last().waitFor();
    await trend.scrollIntoViewIfNeeded();
    await page.waitForTimeout(1000); // the chart fades in
    await page.screenshot({ path: path.join(SCREENSHOTS, 'measurements-trend.png') });
    await trend.getByRole('switch', { name: 'Show as table' }).click();
    const trendRows = trend.getByTestId('trend-table').locator('tbody tr');
    expect(await trendRows.count()).toBe(12);
    expect((await trendRows.nth(0).locator('td').nth(1).textContent())?.trim()).toBe(
      await cellText(cell('sales', '2025-10')),
    );

    // The overview, for the README: the cost centres' budget attainment, a month being restated.
    await page.goto(`${server.url}/measurements?metric=budget_attainment&period=FY2026`);
    await grid.locator('td[data-unit="finance"][data-month="2026-03"][data-version="1"]').waitFor();
    await cell('finance', '2026-03').click();
    await editor.getByRole('heading', { name: 'Restate Finance · March 2026' }).waitFor();
    expect(await editor.getByLabel('Spend').inputValue()).toMatch(/^\d+(\.\d+)?$/);
    await editor.getByLabel('Budget').fill('1250000');
    await editor.getByLabel('Reason for the restatement').fill('March forecast raised the budget');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'measurements.png') });
    await page.keyboard.press('Escape');
    await editor.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-unit'))).toBe('finance');
    const finance = await api<GridBody>(
      page,
      '/api/v1/measurements/grid?metric=budget_attainment&period=FY2026',
    );
    const march = finance.months.indexOf('2026-03');
    expect(finance.rows.find((row) => row.orgUnit === 'finance')?.cells[march]?.version).toBe(1);
    await page.close();
  }, 180_000);
});
