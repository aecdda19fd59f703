// The browser-test harness: builds the site into a temporary folder, serves it from a sub-path on
// 127.0.0.1 (a static host under any path), and drives Debian's Chromium with playwright-core.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import { chromium, type Browser, type Download, type Page } from 'playwright-core';
import { serveStatic } from './static-server.mjs';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
/** served from a sub-path on purpose: the site must work from any path */
export const PREFIX = '/some/deep/path/';

export interface Harness {
  url: string;
  outDir: string;
  browser: Browser;
  close(): Promise<void>;
}

export function requireChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is missing at ${CHROMIUM}. Install it with: apt-get install -y chromium`);
  }
}

export async function startHarness(): Promise<Harness> {
  requireChromium();
  const outDir = mkdtempSync(join(tmpdir(), 'meerwaarde-site-'));
  await build({
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    logLevel: 'error',
    build: { outDir, emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 4096 },
  });
  const server = await serveStatic(outDir, PREFIX);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  return {
    url: server.url,
    outDir,
    browser,
    async close() {
      await browser.close();
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

/** Build the command line into `outDir`; returns the file URL of its entry (what bin/meerwaarde.mjs imports). */
export async function buildCli(outDir: string): Promise<string> {
  await build({ root: ROOT, configFile: join(ROOT, 'vite.cli.config.ts'), logLevel: 'error', build: { outDir, emptyOutDir: true, sourcemap: false } });
  return pathToFileURL(join(outDir, 'cli.mjs')).href;
}

export interface OpenOptions {
  /** the page under the site's root, beside index.html (default the sandbox) */
  path?: string;
  /** the window property the page sets when it is ready (default the sandbox's __meerwaarde) */
  hook?: string;
  search?: string;
  locale?: string;
  viewport?: { width: number; height: number };
  reducedMotion?: 'reduce' | 'no-preference';
  /** a first visit: the three-step tour is offered (default: a returning visitor, no tour) */
  firstVisit?: boolean;
}

export interface OpenPage {
  page: Page;
  /** console errors and uncaught exceptions seen so far */
  errors: string[];
}

export async function openPage(h: Harness, opts: OpenOptions = {}): Promise<OpenPage> {
  const context = await h.browser.newContext({
    locale: opts.locale ?? 'en-GB',
    viewport: opts.viewport ?? { width: 1440, height: 1000 },
    reducedMotion: opts.reducedMotion ?? 'no-preference',
    acceptDownloads: true,
  });
  if (!opts.firstVisit) await context.addInitScript(() => localStorage.setItem('meerwaarde.tourSeen', '1'));
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  await page.goto(h.url + (opts.path ?? '') + (opts.search ?? ''));
  // a page other than the sandbox has no ready hook unless it names one (the explorer's)
  if (!opts.path || opts.hook) await waitReady(page, opts.hook);
  return { page, errors };
}

export async function waitReady(page: Page, hook = '__meerwaarde'): Promise<void> {
  await page.waitForFunction((name) => (window as unknown as Record<string, { ready: boolean } | undefined>)[name]?.ready === true, hook, { timeout: 30_000 });
}

/** The page's read-only test hook (src/ui/app.ts exposeForTests). */
export interface PageState {
  scenarioId: string;
  seed: number;
  months: number;
  month: number;
  done: boolean;
  playing: boolean;
  speed: string;
  reducedMotion: boolean;
  /** a run is loading (controls are disabled meanwhile) */
  busy: boolean;
  controls: { month: number; type: string; path?: string; value?: number }[];
}

export function state(page: Page): Promise<PageState> {
  return page.evaluate(() => (window as unknown as { __meerwaarde: { state(): PageState } }).__meerwaarde.state());
}

export function hook<T>(page: Page, name: string): Promise<T> {
  return page.evaluate((n) => {
    const api = (window as unknown as { __meerwaarde: Record<string, () => unknown> }).__meerwaarde;
    return api[n]() as T;
  }, name);
}

/** Wait until the predicate holds and no run is loading. */
export async function waitFor(page: Page, predicate: (s: PageState) => boolean, what: string, timeout = 60_000): Promise<PageState> {
  const start = Date.now();
  for (;;) {
    const s = await state(page);
    if (!s.busy && predicate(s)) return s;
    if (Date.now() - start > timeout) throw new Error(`timed out waiting for ${what}; state: ${JSON.stringify(s)}`);
    await page.waitForTimeout(50);
  }
}

/** Click a button that saves a file; returns the file's text and name. */
export async function downloadText(page: Page, selector: string): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: download.suggestedFilename(), text: await readDownload(download) };
}

/** Click a button that saves a file; returns the file's bytes and name. */
export async function downloadBytes(page: Page, selector: string): Promise<{ name: string; bytes: Uint8Array }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: download.suggestedFilename(), bytes: new Uint8Array(readFileSync(await download.path())) };
}

async function readDownload(download: Download): Promise<string> {
  const path = await download.path();
  return readFileSync(path, 'utf8');
}

/** axe-core with the WCAG 2.x A/AA tags; returns the serious and critical violations. */
export async function axe(page: Page): Promise<{ id: string; impact: string; help: string; nodes: string[] }[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  // evaluated through the DevTools protocol, not a script tag: the training server's pages forbid inline scripts (CSP)
  if (!loaded) await page.evaluate(readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8'));
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Distinct colours and a checksum of the canvas as drawn on screen (composited pixels). */
export async function canvasPixels(page: Page): Promise<{ distinct: number; checksum: number; width: number }> {
  const png = await page.locator('.stage-host canvas').screenshot();
  return page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    const data = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
    const colours = new Set<number>();
    let checksum = 0;
    for (let i = 0; i < data.length; i += 4) {
      const c = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
      if (colours.size < 5000) colours.add(c);
      checksum = (checksum * 31 + c + i) >>> 0;
    }
    return { distinct: colours.size, checksum, width: bitmap.width };
  }, png.toString('base64'));
}
