import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describeViolations, seriousAccessibilityViolations } from '../support/axe';
import { launchChromium } from '../support/browser';
import { ROOT, RunningServer, scratchDir, startServer } from '../support/server';

const SCREENSHOTS = path.join(ROOT, 'tmp', 'screenshots');

async function signIn(page: Page, baseUrl: string, email: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.waitForURL(/\/sign-in/);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('lodestar-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** The app scrolls inside its content pane, not the window. */
async function scrollToTop(page: Page): Promise<void> {
  await page.evaluate(() => document.querySelector('mat-sidenav-content')?.scrollTo(0, 0));
}

async function expectNoSeriousViolations(page: Page): Promise<void> {
  const violations = await seriousAccessibilityViolations(page);
  if (violations.length) throw new Error(`Accessibility violations:\n${describeViolations(violations)}`);
}

const text = async (page: Page, selector: string) =>
  ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();

describe('in the browser: an executive reads the company scorecard and opens a function', () => {
  const dataDir = scratchDir('lodestar-e2e-scorecards-');
  let server: RunningServer;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;

  beforeAll(async () => {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    server = await startServer(dataDir);
    ({ browser, close: closeBrowser } = await launchChromium());
  }, 120_000);

  /** The app's Content-Security-Policy refuses inline scripts; the axe check injects one, so the test pages bypass it. */
  const newPage = () =>
    browser.newPage({ viewport: { width: 1366, height: 860 }, locale: 'en-US', bypassCSP: true });

  afterAll(async () => {
    await closeBrowser?.();
    server?.child.kill('SIGTERM');
    await server?.exited;
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('lands the sales executive on the scorecard: quota beaten while NPS is off track, the balance chart and the leaderboard show it', async () => {
    const page = await newPage();
    await signIn(page, server.url, 'vp.sales@example.com');
    await page.waitForURL(/\/scorecards$/);
    await page.getByRole('heading', { name: 'Company scorecard', level: 1, exact: true }).waitFor();
    // The scorecard is the first entry of the menu.
    expect(
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link').first().textContent(),
    ).toContain('Scorecard');
    // It opens on the last complete fiscal quarter.
    const picker = page.getByRole('combobox', { name: 'Period' });
    expect(((await picker.textContent()) ?? '').trim()).toMatch(/^FY\d{4}-Q[1-4] ·/);

    // The demo's first year ends with Sales beating quota while NPS falls.
    await picker.click();
    await page.getByRole('option', { name: /^FY2025-Q4 ·/ }).click();
    await page.waitForURL(/period=FY2025-Q4/);
    await page.getByRole('heading', { name: /and its functions · FY2025-Q4$/ }).waitFor();
    const grid = page.getByTestId('scorecard-grid');
    await grid.locator('tr[data-unit="sales"]').waitFor();
    expect(await grid.locator('tbody tr[data-unit]').count()).toBe(10);
    const sales = (column: string) => grid.locator(`tr[data-unit="sales"] td[data-column="${column}"]`);
    expect(await sales('primary').getAttribute('data-status')).toBe('green');
    expect(await sales('primary').getByTestId('status-chip').textContent()).toContain('On target');
    expect(await sales('primary').getByTestId('value').textContent()).toMatch(/^1\d\d\.\d\u202f%$/);
    expect(await sales('nps').getAttribute('data-status')).toBe('red');
    expect(await sales('nps').getByTestId('status-chip').textContent()).toContain('Off track');
    expect(await sales('nps').getByTestId('value').textContent()).toMatch(/^[+-]?\d+$/);
    expect(await sales('nps').getByTestId('sparkline').count()).toBe(1);
    expect(
      await grid
        .locator('tr[data-unit="operations"] td[data-column="on_time_delivery"]')
        .getAttribute('data-status'),
    ).toBe('red');

    await page.mouse.move(0, 0);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.screenshot({ path: path.join(SCREENSHOTS, 'company-scorecard.png') });

    // Keyboard: the grid's cells are one tab stop; arrow keys move and the line under it reads the cell.
    await grid.locator('td[tabindex="0"]').focus();
    await page.keyboard.press('ArrowDown');
    // the line under the grid follows the focus once the page has drawn it
    await page
      .getByTestId('cell-details')
      .filter({ hasText: /^\s*Finance · Primary commercial metric/ })
      .waitFor({ timeout: 5000 });

    // The balance chart: a bubble per function that has both scores, and the same numbers as a table.
    const balance = page.getByTestId('balance-chart');
    await balance.locator('.bubbles .circle').first().waitFor();
    expect(await balance.locator('.bubbles .circle').count()).toBeGreaterThanOrEqual(6);
    expect(await balance.locator('.target-line').count()).toBe(2);
    await balance.getByText('Commercial ahead of CX').first().waitFor();
    const leaderboard = page.getByTestId('cx-leaderboard');
    expect(await leaderboard.locator('tbody tr').count()).toBeGreaterThanOrEqual(5);
    expect(await leaderboard.getByTestId('leaderboard-left-out').textContent()).toContain('Finance');

    await expectNoSeriousViolations(page);

    await balance.getByRole('switch', { name: 'Show as table' }).click();
    const salesRow = balance.getByTestId('balance-table').locator('tbody tr', { hasText: 'Sales' });
    const cells = (await salesRow.locator('th, td').allInnerTexts()).map((cell) => cell.trim());
    expect(cells).toEqual([
      'Sales',
      'Quota attainment',
      expect.stringMatching(/^1\d\d\.\d %$/),
      expect.stringMatching(/^\d+$/),
      expect.stringMatching(/^\d+$/),
      expect.stringMatching(/^\d+$/),
      'Commercial ahead of CX',
    ]);
    await page.close();
  });

  it("opens Operations: its trends against the band, the NPS and its causes, the demo's action plan and comments", async () => {
    const page = await newPage();
    await signIn(page, server.url, 'vp.sales@example.com');
    await page.waitForURL(/\/scorecards/);
    await page.goto(`${server.url}/scorecards?period=FY2025-Q4`);
    await page.getByTestId('scorecard-grid').getByRole('link', { name: 'Operations', exact: true }).click();
    await page.waitForURL(/\/scorecards\/operations\?period=FY2025-Q4/);
    await page.getByRole('heading', { name: 'Operations scorecard', level: 1, exact: true }).waitFor();

    // Its CX index, its teams in the same grid, and the red cells that wait for a comment.
    await page.getByTestId('headline').getByText('CX index (100 = target)').waitFor();
    expect(await page.title()).toBe('Operations scorecard · Lodestar');
    const grid = page.getByTestId('scorecard-grid');
    expect(await grid.locator('tbody tr[data-unit]').count()).toBeGreaterThanOrEqual(2);
    expect(await text(page, '[data-testid="comments-required"]')).toMatch(
      /is off track \(red\) in FY2025-Q4: it waits for a comment from the unit's executive or the CX lead\./,
    );
    // The sales executive does not lead Operations: no forms to write with.
    expect(await page.locator('form[aria-label="Add a comment"]').count()).toBe(0);

    // Trends with threshold, target and stretch.
    const onTime = page.locator('ls-metric-trend-chart section[data-metric="on_time_delivery"]');
    await onTime.locator('.line-series path').first().waitFor();
    expect(await onTime.locator('.refline-path').count()).toBe(3);
    expect(await onTime.textContent()).toContain(
      'Band of FY2025-Q4: threshold 85.0 %, target 90.0 %, stretch 95.0 %',
    );

    // The NPS distribution and the Pareto of causes.
    await page.getByRole('heading', { name: 'NPS distribution' }).waitFor();
    const pareto = page.locator('ls-voc-pareto');
    await pareto.locator('.pareto').waitFor();
    expect(await pareto.textContent()).toMatch(/delivery/i);

    // The demo's action plan, with its owner and due date, and the demo's comments.
    const plan = page.getByTestId('action-plan').first();
    expect(((await plan.textContent()) ?? '').replace(/\s+/g, ' ')).toMatch(
      /Second shift on final assembly; weekly delivery review with key accounts.*On-time delivery.*Owner Aiko Tanaka.*Due Dec 19, 2025/,
    );
    expect(await page.getByTestId('comment').count()).toBeGreaterThanOrEqual(2);

    await expectNoSeriousViolations(page);
    await scrollToTop(page);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'function-scorecard.png') });
    await page.close();
  });

  it('lets the operations executive answer a red cell with a comment on it', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 860 }, locale: 'en-US' });
    await signIn(page, server.url, 'vp.operations@example.com');
    await page.waitForURL(/\/scorecards/);
    await page.goto(`${server.url}/scorecards/operations?period=FY2025-Q4`);
    const prompts = page.getByTestId('comments-required');
    await prompts.waitFor();
    const before = await prompts.locator('p').count();
    const first = prompts.locator('p').first();
    const metric = ((await first.locator('strong').textContent()) ?? '').trim();
    await first.getByRole('button', { name: 'Comment' }).click();
    const form = page.locator('form[aria-label="Add a comment"]');
    await form.getByRole('combobox', { name: 'About' }).filter({ hasText: metric }).waitFor();
    await form.getByLabel('Comment').fill('Field engineers join the weekly delivery review from October.');
    await form.getByRole('button', { name: 'Post comment' }).click();
    const newest = page.getByTestId('comment').first();
    await newest.getByText('Field engineers join the weekly delivery review from October.').waitFor();
    expect(await newest.textContent()).toContain(metric);
    await page.waitForFunction(
      (count) => document.querySelectorAll('[data-testid="comments-required"] p').length === count,
      before - 1,
    );
    await page.close();
  });
});
