import * as fs from 'node:fs';
import { Browser, chromium } from 'playwright-core';

/** Debian's Chromium; the `/usr/bin/chromium` wrapper works too but starts slower. */
const CANDIDATES = [process.env['CHROMIUM_PATH'], '/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser'];

export async function launchChromium(): Promise<{ browser: Browser; close: () => Promise<void> }> {
  const executablePath = CANDIDATES.find((candidate): candidate is string => !!candidate && fs.existsSync(candidate));
  if (!executablePath) throw new Error('Chromium is not installed: apt-get install -y chromium (or set CHROMIUM_PATH).');
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  return {
    browser,
    close: () => browser.close(),
  };
}
