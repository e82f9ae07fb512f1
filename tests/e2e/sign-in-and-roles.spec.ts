import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { RunningServer, scratchDir, startServer } from '../support/server';

const SCREENSHOTS = path.resolve(__dirname, '..', '..', 'tmp', 'screenshots');

async function signIn(page: Page, baseUrl: string, email: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.waitForURL(/\/sign-in/);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('lodestar-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe('in the browser: sign-in, the org tree and what each role may see', () => {
  const dataDir = scratchDir('lodestar-e2e-');
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

  it('signs HR in, shows the demo company tree with its leaders, and signs out', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    await signIn(page, server.url, 'hr@example.com');
    await page.getByRole('heading', { name: 'Organisation' }).waitFor();
    await page.getByText('Victor Salas').first().waitFor();
    expect(await page.getByText('Sales', { exact: true }).count()).toBeGreaterThan(0);
    expect(await page.getByText('Helix Lithography Systems').count()).toBeGreaterThan(0);
    expect(await page.getByRole('link', { name: 'Audit log' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Users' }).count()).toBe(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'org-as-hr.png'), fullPage: true });

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in/);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    const me = await page.evaluate(async () => (await fetch('/api/v1/auth/me')).status);
    expect(me).toBe(401);
    await page.close();
  });

  it('tells a person whose password is wrong, in an alert, without signing in', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/sign-in`);
    await page.getByLabel('Email').fill('hr@example.com');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/e-mail address or password is not right/);
    expect(page.url()).toMatch(/\/sign-in/);
    await page.close();
  });

  it('shows a MEMBER no users administration, and the API refuses it with 403', async () => {
    const page = await browser.newPage();
    await signIn(page, server.url, 'member@example.com');
    await page.getByRole('heading', { name: 'Organisation' }).waitFor();
    expect(await page.getByRole('link', { name: 'Users' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Audit log' }).count()).toBe(0);
    const status = await page.evaluate(async () => (await fetch('/api/v1/users')).status);
    expect(status).toBe(403);
    await page.close();
  });

  it('gives an ADMIN the users administration with the demo users', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    await signIn(page, server.url, 'admin@example.com');
    await page.getByRole('heading', { name: 'Organisation' }).waitFor();
    await page.getByRole('link', { name: 'Users' }).click();
    await page.getByText('vp.sales@example.com').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'users-as-admin.png'), fullPage: true });
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByText(/chain/i).first().waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'audit-as-admin.png'), fullPage: true });
    await page.close();
  });
});
