import * as fs from 'node:fs';
import * as path from 'node:path';
import { Decimal } from 'decimal.js';
import type { Browser, Locator, Page } from 'playwright-core';
import { describeViolations, seriousAccessibilityViolations } from '../support/axe';
import { launchChromium } from '../support/browser';
import { ROOT, RunningServer, scratchDir, signIn, startServer } from '../support/server';

const SCREENSHOTS = path.join(ROOT, 'tmp', 'screenshots');

/** The engine's own decimal setting: 40 significant digits, half-even. */
const Exact = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_EVEN });

const text = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
/** A table row's cells as the page shows them. */
const cells = async (row: Locator) =>
  (await row.locator('th, td').allInnerTexts()).map((cell) => cell.trim());

/** A figure as the page writes it ("+€1,234.56", "−€310.40", "87.5 %") → its decimal. */
function figure(shown: string): Decimal {
  const match = shown.replace(/\u2212/g, '-').match(/([-+]?)[^\d+-]*([\d,]+(?:\.\d+)?)/);
  if (!match) throw new Error(`No number in "${shown}".`);
  return new Exact(`${match[1] === '-' ? '-' : ''}${match[2].replace(/,/g, '')}`);
}

/** The app scrolls inside its content pane, not the window. */
async function scrollToTop(page: Page): Promise<void> {
  await page.evaluate(() => document.querySelector('mat-sidenav-content')?.scrollTo(0, 0));
}

async function expectNoSeriousViolations(page: Page): Promise<void> {
  expect(describeViolations(await seriousAccessibilityViolations(page))).toBe('');
}

/** The API's answer to a request the signed-in page makes with its own session. */
async function apiFromPage<T>(page: Page, url: string, method = 'GET'): Promise<{ status: number; body: T }> {
  return page.evaluate(
    async ({ url, method }) => {
      const res = await fetch(url, { method });
      const body = await res.text();
      return { status: res.status, body: (body ? JSON.parse(body) : null) as T };
    },
    { url, method },
  );
}

/**
 * The server answers /ready before the demo's incentive plan is loaded (it goes through the
 * server's own API once it listens): waits until its last step, version 4 in review, is there.
 */
async function demoPlanLoaded(url: string): Promise<void> {
  const { accessToken } = (await (await signIn(url, 'hr@example.com')).json()) as { accessToken: string };
  const deadline = Date.now() + 90_000;
  for (;;) {
    const res = await fetch(`${url}/api/v1/plans`, { headers: { Authorization: `Bearer ${accessToken}` } });
    const plans = res.ok
      ? ((await res.json()) as { key: string; versions: { number: number; status: string }[] }[])
      : [];
    const plan = plans.find((candidate) => candidate.key === 'executive-plan');
    if (plan?.versions.some((version) => version.number === 4 && version.status === 'IN_REVIEW')) break;
    if (Date.now() > deadline) throw new Error('The demo incentive plan was not loaded in 90 s.');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await fetch(`${url}/api/v1/auth/logout`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${accessToken}` },
  });
}

describe('in the browser: HR changes the executive plan, an approver approves it, executives read their incentive', () => {
  const dataDir = scratchDir('lodestar-e2e-incentives-');
  let server: RunningServer;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  /** HR stays signed in through the story, in a browser context of their own. */
  let hr: Page;
  let versionUrl = '';
  /** What the what-if said version 5 pays Victor Salas in FY2027-Q1 before adjustments, and under version 3. */
  let victorProposed = new Exact(0);
  let victorBaseline = new Exact(0);
  /** The sales executive's statement of FY2026-Q3, on which he raises an inquiry. */
  let salesStatementId = '';

  beforeAll(async () => {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    server = await startServer(dataDir);
    ({ browser, close: closeBrowser } = await launchChromium());
    await demoPlanLoaded(server.url);
  }, 120_000);

  afterAll(async () => {
    await closeBrowser?.();
    server?.child.kill('SIGTERM');
    await server?.exited;
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  /** A new browser context signed in as `email`, on the page the menu names `link`. */
  async function signedIn(email: string, link: string, heading: string): Promise<Page> {
    // The app's Content-Security-Policy refuses inline scripts; the axe check injects one, so the page bypasses it.
    const context = await browser.newContext({
      viewport: { width: 1366, height: 900 },
      locale: 'en-US',
      bypassCSP: true,
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.waitForURL(/\/sign-in/);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('lodestar-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: link, exact: true })
      .click();
    await page.getByRole('heading', { name: heading, level: 1, exact: true }).waitFor();
    return page;
  }

  /** Confirms the dialog an approval step asks in. */
  async function confirm(page: Page, button: string): Promise<void> {
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: button, exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  it('lets HR draft version 5 on version 3, refuse weights that do not add up to 100 %, see the what-if and submit it, but not approve it', async () => {
    hr = await signedIn('hr@example.com', 'Incentive plans', 'Incentive plans');
    const plan = hr.locator('section[data-plan="executive-plan"]');
    await plan.getByRole('heading', { name: 'Executive incentive plan' }).waitFor();
    // The demo's versions, newest first: a draft for FY2027-Q2 in review, three published years.
    const versions = plan.locator('tbody tr');
    await versions.first().waitFor();
    expect(await versions.count()).toBe(4);
    expect((await cells(versions.nth(0))).slice(0, 5)).toEqual([
      'Version 4',
      'In review',
      'FY2027-Q2',
      'Hanna Reyes',
      '10',
    ]);
    expect((await cells(versions.nth(1))).slice(0, 5)).toEqual([
      'Version 3',
      'Published',
      'FY2027-Q1',
      'Hanna Reyes',
      '10',
    ]);
    await expectNoSeriousViolations(hr);
    await hr.screenshot({ path: path.join(SCREENSHOTS, 'incentive-plans.png') });

    // "New version based on…" offers the latest published version, from today's quarter.
    const newVersion = plan.getByTestId('new-version-executive-plan');
    expect(await text(newVersion)).toBe('New version based on version 3…');
    await newVersion.click();
    const dialog = hr.getByRole('dialog');
    expect(await text(dialog.getByTestId('version-based-on'))).toBe('Version 3 · Published · from FY2027-Q1');
    // From the open quarter, so that the sales executive's projection follows it once it is published.
    expect(await text(dialog.getByTestId('version-effective-from'))).toBe('FY2027-Q1');
    await dialog.getByRole('button', { name: 'Create draft' }).click();
    await hr.waitForURL(/\/plans\/versions\/[0-9a-f-]{36}$/);
    versionUrl = hr.url();
    await hr.getByRole('heading', { name: /^Executive incentive plan · version 5/, level: 1 }).waitFor();
    expect(await text(hr.locator('h1 ls-plan-status-chip'))).toBe('Draft');
    expect(await text(hr.locator('.ls-page-header p').first())).toContain('10 participants');

    // CX index up to 40 %: the weights no longer add up, the page says so and Save stays disabled.
    const weight = (key: string) => hr.locator(`tr[data-key="${key}"] input[data-testid^="weight-"]`);
    expect(await weight('cx_index').inputValue()).toBe('30');
    expect(await weight('commercial').inputValue()).toBe('40');
    await weight('cx_index').fill('40');
    const problem = hr.getByTestId('weights-problem');
    await problem.waitFor();
    expect(await text(problem)).toBe(
      'The weights add up to 110 %, not 100 %: change them so they add up to exactly 100 % before saving.',
    );
    expect(await text(hr.getByTestId('weights-total'))).toBe('110 %');
    expect(await text(hr.getByTestId('save-blocker'))).toBe(await text(problem));
    const save = hr.getByTestId('save');
    expect(await save.isDisabled()).toBe(true);
    // Submitting waits for the edits to be saved.
    expect(await hr.locator('button[data-action="submit"]').isDisabled()).toBe(true);

    // The commercial result down to 30 %: 100 % again, saved.
    await weight('commercial').fill('30');
    await problem.waitFor({ state: 'detached' });
    expect(await text(hr.getByTestId('weights-total'))).toBe('100 %');
    expect(await save.isEnabled()).toBe(true);
    await save.click();
    await hr.getByTestId('notice').getByText('Saved.').waitFor();
    await hr.getByText('No unsaved changes.').waitFor();
    const saved = await apiFromPage<{ rules: { components: { key: string; weight: string }[] } }>(
      hr,
      `/api/v1/plan-versions/${versionUrl.split('/').pop()}`,
    );
    expect(Object.fromEntries(saved.body.rules.components.map((c) => [c.key, c.weight]))).toEqual({
      cx_index: '40',
      nps: '10',
      commercial: '30',
      margin: '20',
    });

    // What-if on today's quarter against version 3: the total cost change is the sum of the rows' changes.
    expect(await hr.getByTestId('what-if-period').inputValue()).toBe('FY2027-Q1');
    await hr.getByTestId('what-if-run').click();
    const headline = hr.getByTestId('what-if-headline');
    await headline.waitFor();
    await hr.getByRole('region', { name: 'What-if' }).getByRole('switch', { name: 'Show as table' }).click();
    const table = hr.getByTestId('what-if-table');
    await table.waitFor();
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(10);
    let sum = new Exact(0);
    for (const row of await rows.all()) {
      const shown = await cells(row);
      const [baselineAmount, proposedAmount, change] = [figure(shown[3]), figure(shown[5]), figure(shown[6])];
      // each row's change is its new amount less its old one, to the cent
      expect(change.toFixed(2)).toBe(proposedAmount.minus(baselineAmount).toFixed(2));
      sum = sum.plus(change);
      if (shown[0] === 'Victor Salas') {
        victorBaseline = baselineAmount;
        victorProposed = proposedAmount;
      }
    }
    const totalDelta = figure(await text(table.getByTestId('total-delta')));
    expect(totalDelta.isZero()).toBe(false);
    expect(totalDelta.toFixed(2)).toBe(sum.toFixed(2));
    expect(
      figure(await text(table.getByTestId('total-proposed')))
        .minus(figure(await text(table.getByTestId('total-baseline'))))
        .toFixed(2),
    ).toBe(totalDelta.toFixed(2));
    const direction = totalDelta.isNegative() ? 'falls' : 'rises';
    expect(await text(headline)).toMatch(
      new RegExp(
        `^The total cost of FY2027-Q1 ${direction} by €${totalDelta
          .abs()
          .toFixed(2)
          .replace(/\B(?=(\d{3})+(?!\d))/g, ',')}\\.`,
      ),
    );
    // The sales executive's own pay moves too: he sees it once the version is published.
    expect(victorProposed.gt(0)).toBe(true);
    expect(victorProposed.eq(victorBaseline)).toBe(false);
    await headline.scrollIntoViewIfNeeded();
    await hr.screenshot({ path: path.join(SCREENSHOTS, 'incentive-what-if.png') });
    await expectNoSeriousViolations(hr);

    // Submitted for approval; HR wrote it, so HR is offered no Approve, only the reason.
    await hr.locator('button[data-action="submit"]').click();
    await confirm(hr, 'Submit');
    await hr
      .getByTestId('notice')
      .getByText('Submitted: an approver who neither wrote it nor takes part in it decides it now.')
      .waitFor();
    expect(await text(hr.locator('h1 ls-plan-status-chip'))).toBe('In review');
    const actions = hr.getByTestId('version-actions');
    expect(await actions.getByRole('button').count()).toBe(0);
    expect(await text(hr.getByTestId('action-note'))).toBe(
      'Waiting for an approver who neither wrote it nor takes part in it.',
    );
    // … and the API refuses HR's approval in words too.
    const refused = await apiFromPage<{ detail: string }>(
      hr,
      `/api/v1/plan-versions/${versionUrl.split('/').pop()}/approve`,
      'POST',
    );
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toMatch(/^This needs the role .*approver/i);
    expect(await hr.getByTestId('read-only').count()).toBe(1);
  });

  it('lets the approver approve it and HR publish it', async () => {
    const approver = await signedIn('approver@example.com', 'Incentive plans', 'Incentive plans');
    await approver
      .locator('section[data-plan="executive-plan"]')
      .getByRole('link', { name: 'Version 5', exact: true })
      .click();
    await approver
      .getByRole('heading', { name: /^Executive incentive plan · version 5/, level: 1 })
      .waitFor();
    // The approver reads the rules as submitted, read-only.
    expect(await text(approver.locator('tr[data-key="cx_index"] td.ls-num'))).toBe('40 %');
    expect(await text(approver.locator('tr[data-key="commercial"] td.ls-num'))).toBe('30 %');
    await expectNoSeriousViolations(approver);
    await approver.locator('button[data-action="approve"]').click();
    await confirm(approver, 'Approve');
    await approver
      .getByTestId('notice')
      .getByText('Approved: its curves, weights and target bonuses are frozen; HR publishes it.')
      .waitFor();
    expect(await text(approver.locator('h1 ls-plan-status-chip'))).toBe('Approved');
    expect(await approver.locator('button[data-action]').count()).toBe(0);
    expect(await text(approver.getByTestId('action-note'))).toBe('Approved; HR publishes it.');
    await approver.context().close();

    await hr.goto(versionUrl);
    await hr.getByRole('heading', { name: /^Executive incentive plan · version 5/, level: 1 }).waitFor();
    await hr.locator('button[data-action="publish"]').click();
    await confirm(hr, 'Publish');
    await hr
      .getByTestId('notice')
      .getByText('Published: its participants are asked to acknowledge it.')
      .waitFor();
    expect(await text(hr.locator('h1 ls-plan-status-chip'))).toBe('Published');
    expect(await text(hr.getByTestId('action-note'))).toBe(
      'Published: it cannot change. A change is a new version based on it.',
    );
  });

  it('shows the sales executive version 5 to acknowledge and a projection under it that recomputes to the cent; he raises an inquiry', async () => {
    const sales = await signedIn('vp.sales@example.com', 'My incentive', 'My incentive');
    const banner = sales.getByTestId('acknowledgement');
    await banner.waitFor();
    expect(await banner.count()).toBe(1);
    expect(await text(banner.getByRole('heading'))).toBe('Executive incentive plan, version 5');
    expect(await text(banner)).toContain('Published, in effect from FY2027-Q1: the results of Sales count');
    await banner.getByTestId('acknowledge').click();
    await banner
      .getByTestId('acknowledged')
      .filter({ hasText: /^\s*You acknowledged this version on / })
      .waitFor();

    // The open quarter's projection follows version 5: CX index 40 %, commercial 30 %, the what-if's amount.
    const current = sales.getByTestId('current');
    await current.getByRole('heading', { name: 'This quarter: FY2027-Q1 (projection)' }).waitFor();
    const view = current.getByTestId('statement-view');
    expect(await text(view.locator('.meta'))).toBe(
      'Executive incentive plan · version 5 · Sales · Victor Salas',
    );
    expect(await text(view.getByTestId('statement-status'))).toBe('Projection');
    await current.getByTestId('trace-toggle').click();
    const trace = current.getByTestId('statement-trace');
    const inputs = trace.getByTestId('trace-inputs');
    const weightOf = async (key: string) => (await cells(inputs.locator(`tr[data-component="${key}"]`)))[13];
    expect(await weightOf('cx_index')).toBe('40 %');
    expect(await weightOf('commercial')).toBe('30 %');
    const line = (key: string) => trace.locator(`tr[data-line="${key}"]`);
    const shownAmount = figure(await text(line('amount').locator('td.ls-num')));
    expect(shownAmount.toFixed(2)).toBe(victorProposed.toFixed(2));
    expect(shownAmount.eq(victorBaseline)).toBe(false);

    // Recomputed by hand from the trace's own lines: total payout, annual target bonus, eligible days, days in the year.
    const totalPayout = figure(await text(line('plan-cap').locator('td.ls-num')));
    const how = await text(line('period-target').locator('td.how'));
    const parts = how.match(
      /^(€[\d,]+(?:\.\d+)?) annual × (\d+) eligible days ÷ (\d+) days in the fiscal year$/,
    ) ?? ['', '', '', ''];
    expect(parts[0]).toBe(how);
    const [annual, eligibleDays, daysInYear] = [figure(parts[1]), Number(parts[2]), Number(parts[3])];
    const byHand = totalPayout
      .times(annual)
      .times(eligibleDays)
      .div(new Exact(100).times(daysInYear))
      .toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN);
    expect(byHand.toFixed(2)).toBe(shownAmount.toFixed(2));
    expect(annual.toFixed(2)).toBe('120000.00');
    // … and from the API's own trace, every digit.
    const me = await apiFromPage<{
      current: {
        id: string;
        amount: string;
        payable: string;
        trace: {
          totalPayout: string;
          amount: string;
          adjustments: { source: string; amount: string }[];
          targetBonus: { annual: string; eligibleDays: number; daysInYear: number };
        };
      };
      history: { id: string; period: string; participant: { name: string } }[];
    }>(sales, '/api/v1/incentives/me');
    expect(me.status).toBe(200);
    const t = me.body.current.trace;
    const exact = new Exact(t.totalPayout)
      .div(100)
      .times(t.targetBonus.annual)
      .times(t.targetBonus.eligibleDays)
      .div(t.targetBonus.daysInYear)
      .toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN);
    expect(exact.toFixed(2)).toBe(t.amount);
    expect(t.amount).toBe(me.body.current.amount);
    expect(new Exact(t.amount).toFixed(2)).toBe(shownAmount.toFixed(2));
    // The restated September booking reaches the open quarter as an adjustment, shown in the trace.
    expect(t.adjustments.map((adjustment) => adjustment.source)).toContain('RESTATEMENT');
    expect(await trace.locator('tr[data-line^="adjustment-"]').count()).toBe(t.adjustments.length);
    expect(figure(await text(view.getByTestId('statement-payable'))).toFixed(2)).toBe(
      new Exact(me.body.current.payable).toFixed(2),
    );
    await scrollToTop(sales);
    await sales.screenshot({ path: path.join(SCREENSHOTS, 'my-incentive.png') });
    await expectNoSeriousViolations(sales);

    // An inquiry on last year's third quarter, listed as Open.
    salesStatementId = me.body.history.find((summary) => summary.period === 'FY2026-Q3')?.id ?? '';
    expect(salesStatementId).toMatch(/^[0-9a-f-]{36}$/);
    await sales.getByRole('button', { name: 'Open the statement of FY2026-Q3' }).click();
    const selected = sales.getByTestId('selected');
    await selected.getByRole('heading', { name: 'Past statement: FY2026-Q3' }).waitFor();
    await selected.getByTestId('statement-view').waitFor();
    expect(await text(selected.getByTestId('statement-status'))).toBe('Released');
    await selected.getByTestId('raise-inquiry').click();
    await selected.locator('mat-radio-button[data-reason="WRONG_TARGET"] input').check();
    await selected
      .getByLabel('What looks wrong, and why')
      .fill(
        'The quota target of FY2026-Q3 still includes the Eindhoven account that moved to Service in June.',
      );
    await selected.getByTestId('inquiry-submit').click();
    await selected
      .getByTestId('inquiry-notice')
      .filter({ hasText: /^\s*Your inquiry on FY2026-Q3 was sent to HR on / })
      .waitFor();
    const inquiry = selected.getByTestId('inquiry').first();
    expect(await text(inquiry.getByTestId('inquiry-status'))).toBe('Open');
    expect(await text(inquiry)).toContain('The target or curve is wrong');
    expect(await text(inquiry)).toContain('Waiting for HR’s answer.');
    const historyRow = sales.locator(`tr[data-statement="${salesStatementId}"]`);
    expect((await cells(historyRow)).pop()).toBe('1');
    await expectNoSeriousViolations(sales);
    await sales.context().close();
  });

  it("refuses the sales executive's statement to the service executive with 403 and shows them only their own", async () => {
    const service = await signedIn('vp.service@example.com', 'My incentive', 'My incentive');
    const refused = await apiFromPage<{ detail: string }>(service, `/api/v1/statements/${salesStatementId}`);
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toBeTruthy();

    const current = service.getByTestId('current');
    await current.getByTestId('statement-view').waitFor();
    expect(await text(current.locator('[data-testid="statement-view"] .meta'))).toBe(
      'Executive incentive plan · version 5 · Service · Sam Okafor',
    );
    const history = service.getByTestId('history-row');
    expect(await history.count()).toBe(8);
    const mine = await apiFromPage<{ history: { id: string; participant: { name: string } }[] }>(
      service,
      '/api/v1/incentives/me',
    );
    expect(new Set(mine.body.history.map((summary) => summary.participant.name))).toEqual(
      new Set(['Sam Okafor']),
    );
    expect(mine.body.history.map((summary) => summary.id)).not.toContain(salesStatementId);
    expect(await service.locator(`[data-statement="${salesStatementId}"]`).count()).toBe(0);
    expect(await service.getByText('Victor Salas').count()).toBe(0);
    // Their own answered inquiry of FY2026-Q3 reads Answered, with HR's answer.
    await service.getByRole('button', { name: 'Open the statement of FY2026-Q3' }).click();
    const selected = service.getByTestId('selected');
    const answered = selected.getByTestId('inquiry').first();
    await answered.waitFor();
    expect(await text(answered.getByTestId('inquiry-status'))).toBe('Answered');
    expect(await text(answered.getByTestId('inquiry-response'))).toContain('Both renewals were booked');
    await expectNoSeriousViolations(service);
    await service.context().close();
  });

  it('shows HR last year released and this quarter open, a statement with its trace, and answers the open inquiry', async () => {
    await hr
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Statements', exact: true })
      .click();
    await hr.getByRole('heading', { name: 'Statements and periods', level: 1 }).waitFor();
    const quarter = (period: string) => hr.locator(`[data-testid="quarter"][data-period="${period}"]`);
    await quarter('FY2027-Q1').waitFor();
    expect(await text(quarter('FY2027-Q1').getByTestId('quarter-status'))).toBe('Open');

    await hr.getByTestId('fiscal-year').click();
    await hr.getByRole('option', { name: 'FY2026', exact: true }).click();
    await quarter('FY2026-Q4').waitFor();
    for (const period of ['FY2026-Q1', 'FY2026-Q2', 'FY2026-Q3', 'FY2026-Q4']) {
      expect(await text(quarter(period).getByTestId('quarter-status'))).toBe('Released');
      expect(await text(quarter(period).getByTestId('quarter-count'))).toBe('10');
    }

    // Victor Salas' last released statement, with the calculation behind it.
    await hr.getByRole('button', { name: 'Show the statements of FY2026-Q4' }).click();
    await hr.getByRole('heading', { name: 'Statements · FY2026-Q4' }).waitFor();
    const row = hr.getByTestId('statement-row').filter({ hasText: 'Victor Salas' });
    await row.waitFor();
    expect(await hr.getByTestId('statement-row').count()).toBe(10);
    await row.getByRole('button', { name: 'Open the statement of Victor Salas, FY2026-Q4' }).click();
    const detail = hr.getByTestId('statement-detail');
    await detail.getByRole('heading', { name: 'Statement of Victor Salas · FY2026-Q4' }).waitFor();
    await detail.getByTestId('statement-view').waitFor();
    expect(await text(detail.getByTestId('statement-status'))).toBe('Released');
    await detail.getByTestId('trace-toggle').click();
    const lines = detail.getByTestId('trace-lines');
    await lines.waitFor();
    const amount = figure(await text(lines.locator('tr[data-line="amount"] td.ls-num')));
    expect(figure((await cells(row))[4]).toFixed(2)).toBe(amount.toFixed(2));
    expect(await detail.getByTestId('trace-inputs').locator('tbody tr').count()).toBe(4);

    // The open inquiries: the demo's from Victor Salas on FY2026-Q4, and his new one on FY2026-Q3.
    const queue = hr.getByTestId('inquiries');
    const q4Inquiry = queue
      .getByTestId('inquiry')
      .filter({ hasText: 'FY2026-Q4' })
      .filter({ hasText: 'Victor Salas' });
    await q4Inquiry.waitFor();
    expect(await queue.getByTestId('inquiry').filter({ hasText: 'FY2026-Q3' }).count()).toBe(1);
    await expectNoSeriousViolations(hr);
    await scrollToTop(hr);
    await hr.screenshot({ path: path.join(SCREENSHOTS, 'pay-statements.png') });

    await q4Inquiry.getByRole('button', { name: 'Answer the inquiry of Victor Salas' }).click();
    const form = q4Inquiry.getByTestId('answer-form');
    await form
      .getByLabel('Response to Victor Salas')
      .fill(
        'The quota relief for the Eindhoven tool was approved for FY2027-Q1, so it counts from this quarter; FY2026-Q4 stays as released.',
      );
    await form.getByRole('button', { name: 'Send answer' }).click();
    await hr
      .getByTestId('inquiry-notice')
      .getByText('Answered the inquiry of Victor Salas about FY2026-Q4.')
      .waitFor();
    await q4Inquiry.waitFor({ state: 'detached' });
    const open = await apiFromPage<{ items: { period: string; status: string }[] }>(
      hr,
      '/api/v1/inquiries?status=OPEN',
    );
    expect(open.body.items.map((item) => item.period)).toEqual(['FY2026-Q3']);
    await hr.context().close();
  });
});
