// Screenshots of the sandbox for looking at it by eye: every size a trainer or student uses, in Dutch
// and English, with every panel and table open. Builds the site (or --no-build: uses dist/), serves it
// on loopback, plays the run to --month (default 24, paused there) and writes PNGs to --out (default
// /tmp/meerwaarde-look). Asserts nothing: the browser tests assert; this is for eyes.
//
//   node scripts/look.mjs [--no-build] [--out DIR] [--month N] [--sizes 1024x768,390x844] [--lang nl,en]
//                         [--search '?view=projector'] [--full | --tiles] [--state tables|none|legend|help|part|tour|compare]
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { chromium } from 'playwright-core';
import { serveStatic } from '../tests/browser/static-server.mjs';

const ROOT = resolve(fileURLToPath(import.meta.url), '..', '..');
const argv = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : fallback;
};
const OUT = opt('--out', '/tmp/meerwaarde-look');
const MONTH = Number(opt('--month', '24'));
const SIZES = opt('--sizes', '1920x1080,1440x900,1280x720,1024x768,390x844')
  .split(',')
  .map((s) => s.split('x').map(Number));
const LANGS = opt('--lang', 'nl,en').split(',');
const SEARCH = opt('--search', '?v=1&scenario=baseline&seed=1&months=96');
const FULL = argv.includes('--full');
const TILES = argv.includes('--tiles');
const STATE = opt('--state', 'tables');

mkdirSync(OUT, { recursive: true });
let outDir = join(ROOT, 'dist');
let made = false;
if (!argv.includes('--no-build')) {
  outDir = mkdtempSync(join(tmpdir(), 'meerwaarde-look-'));
  made = true;
  await build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'error', build: { outDir, emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 4096 } });
}
const server = await serveStatic(outDir, '/look/');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
try {
  for (const lang of LANGS) {
    for (const [width, height] of SIZES) {
      const context = await browser.newContext({ viewport: { width, height }, locale: lang === 'nl' ? 'nl-NL' : 'en-GB', reducedMotion: 'reduce' });
      if (STATE !== 'tour') await context.addInitScript(() => localStorage.setItem('meerwaarde.tourSeen', '1'));
      const page = await context.newPage();
      const sep = SEARCH.includes('?') ? '&' : '?';
      await page.goto(`${server.url}${SEARCH}${MONTH > 0 && !SEARCH.includes('at=') ? `${sep}at=${MONTH}` : ''}`);
      await page.waitForFunction(() => window.__meerwaarde?.ready === true, null, { timeout: 60_000 });
      await page.waitForFunction(() => !window.__meerwaarde.state().busy);
      if (STATE === 'tables') {
        for (const sel of ['[data-action=stage-table]', '[data-action=chart-table]']) {
          const b = page.locator(sel);
          if ((await b.count()) && (await b.getAttribute('aria-expanded')) === 'false') await b.click();
        }
      }
      if (STATE === 'legend') await page.click('[data-action=legend]');
      if (STATE === 'help') await page.keyboard.press('Alt+KeyH');
      if (STATE === 'part') await page.locator('.stage-part[tabindex="0"]').focus();
      if (STATE === 'compare') {
        // two runs kept: this one paused, then the recession paused
        for (const scenario of [null, 'recession']) {
          if (scenario) {
            await page.selectOption('[data-control=scenario]', scenario);
            await page.waitForFunction((id) => window.__meerwaarde.state().scenarioId === id && !window.__meerwaarde.state().busy, scenario);
          }
          await page.check('input[name=speed][value=full]');
          await page.click('[data-action=play]');
          await page.waitForFunction(() => window.__meerwaarde.state().month >= 30, null, { timeout: 60_000 });
          if (await page.evaluate(() => window.__meerwaarde.state().playing)) await page.click('[data-action=play]');
          await page.waitForFunction(() => !window.__meerwaarde.state().playing);
        }
        await page.click('[data-action=compare]');
      }
      await page.addStyleTag({ content: '.results .panel, .panel { content-visibility: visible !important; }' });
      await page.waitForTimeout(700);
      const name = `${lang}-${width}x${height}-${STATE}.png`;
      const info = await page.evaluate(() => ({ scrollW: document.documentElement.scrollWidth, scrollH: document.documentElement.scrollHeight }));
      if (TILES) {
        // the whole page in screen-high tiles, each at full resolution
        // scrolled, not a full-page capture: that resizes the viewport, and the drawing with it
        for (let y = 0, k = 0; y < info.scrollH && k < 12; y += height, k++) {
          await page.evaluate((top) => window.scrollTo(0, top), y);
          await page.waitForTimeout(250);
          await page.screenshot({ path: join(OUT, name.replace('.png', `-${k}.png`)) });
        }
      } else await page.screenshot({ path: join(OUT, name), fullPage: FULL });
      console.log(`${name}: page ${info.scrollW}x${info.scrollH}`);
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
  if (made) rmSync(outDir, { recursive: true, force: true });
}
