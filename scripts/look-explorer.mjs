// Screenshots of the student explorer for looking at it by eye (beside scripts/look.mjs, the sandbox's):
// every chapter at the sizes a student uses, in Dutch and English, predicted and revealed, with every
// table and fold open, the whole page. Builds the site (or --no-build: uses dist/), serves it on
// loopback and writes PNGs to --out (default /tmp/meerwaarde-look-explorer). Asserts nothing: the
// browser tests assert; this is for eyes. Chapters 6 and 7 run a trainer's small sweep (--runs).
//
//   node scripts/look-explorer.mjs [--no-build] [--out DIR] [--sizes 1024x768,390x844] [--lang nl,en]
//                                  [--chapters triangle,luck] [--runs 4] [--viewport-only | --tiles]
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
const OUT = opt('--out', '/tmp/meerwaarde-look-explorer');
const SIZES = opt('--sizes', '1024x768,1440x900,390x844')
  .split(',')
  .map((s) => s.split('x').map(Number));
const LANGS = opt('--lang', 'nl,en').split(',');
const CHAPTERS = opt('--chapters', 'triangle,account,relative,meta,loop,luck,atlas').split(',');
const RUNS = opt('--runs', '4');
const PRESET = { luck: `&runs=${RUNS}`, atlas: `&runs=${Math.max(1, Math.round(Number(RUNS) / 4))}` };

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
      const page = await context.newPage();
      for (const chapter of CHAPTERS) {
        await page.goto(`${server.url}explore.html?chapter=${chapter}${PRESET[chapter] ?? ''}`);
        await page.waitForFunction(() => window.__explorer?.ready === true, null, { timeout: 60_000 });
        await page.locator('[data-part=prediction] input').first().check();
        await page.click('[data-action=run]');
        await page.waitForFunction(() => {
          const s = window.__explorer.chapter();
          return s.revealed && !s.busy;
        }, null, { timeout: 600_000 });
        for (const d of await page.locator('main details:not([open])').all()) if (await d.isVisible()) await d.evaluate((e) => (e.open = true));
        for (const b of await page.locator('main button[aria-expanded=false]').all()) if (await b.isVisible()) await b.click();
        await page.waitForTimeout(200);
        // the sticky chapter list would be drawn where the last click scrolled to
        await page.evaluate(() => window.scrollTo(0, 0));
        const name = `${chapter}-${lang}-${width}x${height}`;
        if (argv.includes('--viewport-only')) await page.screenshot({ path: join(OUT, `${name}.png`) });
        else await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
        if (argv.includes('--tiles')) {
          // the whole page in pieces of two screens, to look at in full resolution
          const total = await page.evaluate(() => document.documentElement.scrollHeight);
          for (let y = 0, i = 1; y < total; y += 2 * height, i++) {
            await page.screenshot({ path: join(OUT, `${name}-${i}.png`), fullPage: true, clip: { x: 0, y, width, height: Math.min(2 * height, total - y) } });
          }
        }
        console.log(name);
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
  if (made) rmSync(outDir, { recursive: true, force: true });
}
