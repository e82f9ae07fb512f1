import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { describeViolations, seriousAccessibilityViolations } from '../support/axe';
import { launchChromium } from '../support/browser';
import { ROOT, RunningServer, scratchDir, startServer } from '../support/server';

const SCREENSHOTS = path.join(ROOT, 'tmp', 'screenshots');

const text = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();

describe('in the browser: a Field Service engineer proposes CX investments and the CX lead decides them', () => {
  const dataDir = scratchDir('lodestar-e2e-investments-');
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
  });

  async function signedIn(email: string): Promise<Page> {
    // The app's Content-Security-Policy refuses inline scripts; the axe check injects one, so the page bypasses it.
    const context = await browser.newContext({
      viewport: { width: 1366, height: 860 },
      locale: 'en-US',
      bypassCSP: true,
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.waitForURL(/\/sign-in/);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('lodestar-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'CX investments' }).click();
    await page.getByRole('heading', { name: 'CX investments', level: 1 }).waitFor();
    return page;
  }

  async function propose(page: Page, amount: string, account: string, reason: string): Promise<void> {
    const form = page.getByTestId('propose-form');
    await form.getByLabel('Amount (€)').fill(amount);
    await form.getByLabel('Account').fill(account);
    await form.getByLabel('Link to a VoC response or escalation').fill('ESC-2026-0301');
    await form.getByLabel('Reason').fill(reason);
    await form.getByRole('button', { name: 'Propose' }).click();
    await page
      .getByTestId('propose-notice')
      .getByText(/^Proposed: cost of/)
      .waitFor();
  }

  it('proposes a cost, approves it in the queue with the budget moving, and refuses one past the cap with the API’s sentence', async () => {
    // Lucas Moreau works in Field Service: the form starts on his unit and this month.
    const lucas = await signedIn('lucas.moreau@example.com');
    expect(await lucas.getByTestId('approval-queue').count()).toBe(0);
    const form = lucas.getByTestId('propose-form');
    expect(await text(form.getByRole('combobox', { name: 'Unit' }))).toContain('Field Service');
    // Checked before sending: a short reason and a negative amount never reach the API.
    await form.getByLabel('Amount (€)').fill('-5');
    await form.getByLabel('Reason').fill('Too short');
    await form.getByRole('button', { name: 'Propose' }).click();
    await form.getByText('The amount cannot be negative.').waitFor();
    await form.getByText(/in at least 10 characters/).waitFor();

    await propose(
      lucas,
      '18,000',
      'Infineon Villach',
      'A spare-parts kit staged at the customer’s site, so a stage fault is fixed the same day instead of in three.',
    );
    expect(await text(lucas.getByTestId('propose-notice'))).toBe(
      'Proposed: cost of €18,000 for Field Service. A CX lead decides it.',
    );
    await propose(
      lucas,
      '140000',
      'Infineon Villach',
      'Two resident field engineers through the customer’s node transition, at the fab’s request.',
    );
    const rows = lucas.getByTestId('investment-row');
    await rows.filter({ hasText: '€140,000' }).waitFor();
    const first = await text(rows.filter({ hasText: '€18,000' }));
    expect(first).toContain('Field Service');
    expect(first).toContain('Proposed');
    expect(first).toContain('Lucas Moreau');
    await rows
      .filter({ hasText: '€18,000' })
      .getByRole('button', { name: /^Withdraw/ })
      .waitFor();
    await rows.first().scrollIntoViewIfNeeded();
    await lucas.screenshot({ path: path.join(SCREENSHOTS, 'investments-proposed.png') });
    await lucas.context().close();

    // The CX lead sees both in the queue, each with Field Service's quarter budget.
    const cx = await signedIn('cx@example.com');
    const queue = cx.getByTestId('approval-queue');
    // Found by their own amount: a budget bar may mention €18,000 too once it is approved.
    const item = (amount: string) =>
      queue
        .getByTestId('queue-item')
        .filter({ has: cx.getByTestId('queue-amount').getByText(amount, { exact: true }) });
    const small = item('€18,000');
    const big = item('€140,000');
    await small.waitFor();
    await small.getByTestId('budget-text').getByText('€0 of €150,000 approved · €150,000 left').waitFor();

    await small.getByRole('button', { name: /^Approve/ }).click();
    await queue.getByTestId('queue-notice').getByText('Approved €18,000 for Field Service.').waitFor();
    await small.waitFor({ state: 'detached' });
    const moved = '€18,000 of €150,000 approved · €132,000 left';
    await queue.getByTestId('last-budget').getByText(moved).waitFor();
    await big.getByTestId('budget-text').getByText(moved).waitFor();

    // Approving the second would pass the cap: refused with the API's sentence, nothing changed.
    await big.getByRole('button', { name: /^Approve/ }).click();
    const refusal = big.getByTestId('queue-problem');
    await refusal.waitFor();
    expect(await text(refusal)).toMatch(
      /^Approving 140,000\.00 would take Field Service past its cap of 150,000\.00 for CX investments in FY\d{4}-Q\d: 18,000\.00 is approved so far, so at most 132,000\.00 more can be\. Nothing was changed/,
    );
    expect(await text(big.getByTestId('investment-status'))).toBe('Proposed');

    // The list shows the decision: who, as what role, when.
    const approved = cx.getByTestId('investment-row').filter({ hasText: '€18,000' });
    expect(await text(approved.getByTestId('investment-status'))).toBe('Approved');
    await approved.getByRole('button', { name: 'Show the reason and decisions' }).click();
    await approved.getByText(/Approved by Chloé Xavier \(CX lead\)/).waitFor();

    await queue.scrollIntoViewIfNeeded();
    await cx.screenshot({ path: path.join(SCREENSHOTS, 'investments.png') });
    await cx.evaluate(() => window.scrollTo(0, 0));
    await cx.screenshot({ path: path.join(SCREENSHOTS, 'investments-top.png') });
    expect(describeViolations(await seriousAccessibilityViolations(cx))).toBe('');
    await cx.context().close();
  });
});
