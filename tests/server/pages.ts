// Helpers for the training pages in real Chromium (playwright-core, Debian's /usr/bin/chromium): browser
// contexts per person, waiting on the pages' read-only hook, screenshots on request (MEERWAARDE_SHOTS=dir).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, requireChromium } from '../browser/harness';

export { axe } from '../browser/harness';

export async function launch(): Promise<Browser> {
  requireChromium();
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

export const LAPTOP = { width: 1024, height: 768 };
export const DESK = { width: 1440, height: 900 };
export const PHONE = { width: 390, height: 844 };

export interface Person {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

export async function person(browser: Browser, viewport = LAPTOP, locale = 'en-GB'): Promise<Person> {
  const phone = viewport.width < 500;
  const context = await browser.newContext({ viewport, locale, hasTouch: phone, isMobile: phone, deviceScaleFactor: phone ? 2 : 1, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // a refused WebSocket while the server is down is expected in the crash test
    if (m.type() === 'error' && !/WebSocket|ERR_CONNECTION_REFUSED|Failed to load resource/.test(m.text())) errors.push(`console: ${m.text()}`);
  });
  return { context, page, errors };
}

/** the page's view (window.__training.view()) once the predicate holds */
export async function viewWhen(page: Page, predicate: string, what: string, timeout = 30_000): Promise<Record<string, unknown>> {
  // the predicate is an expression in `v`, polled from here (page.evaluate of a string goes through the
  // DevTools protocol): the pages' Content-Security-Policy forbids the page itself to evaluate strings
  const expr = `(() => { const v = window.__training?.view(); return !!v && !!(${predicate}); })()`;
  const end = Date.now() + timeout;
  for (;;) {
    const ok = await page.evaluate(expr).catch((e: Error) => {
      throw new Error(`${what}: ${e.message}`);
    });
    if (ok) break;
    if (Date.now() > end) throw new Error(`${what}: not seen within ${timeout} ms (${predicate})`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return page.evaluate(() => (window as unknown as { __training: { view(): Record<string, unknown> } }).__training.view());
}

let shotDir: string | null | undefined;
/** a screenshot into MEERWAARDE_SHOTS (when set), named after what it shows */
export async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  if (shotDir === undefined) {
    shotDir = process.env.MEERWAARDE_SHOTS ?? null;
    if (shotDir) mkdirSync(shotDir, { recursive: true });
  }
  if (!shotDir) return;
  await page.screenshot({ path: join(shotDir, `${name}.png`), fullPage });
}
