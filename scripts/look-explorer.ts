// Screenshots of the student explorer for looking at it by eye (beside scripts/look.mjs, the sandbox's):
// every chapter at the sizes a student uses, in Dutch and English, predicted and revealed, with every
// table and fold open, the whole page. Builds and serves the site as the browser tests do
// (tests/browser/harness.ts) and writes PNGs to --out (default /tmp/meerwaarde-look-explorer). Asserts
// nothing: the browser tests assert; this is for eyes. Chapters 6 and 7 run a trainer's small sweep (--runs).
//
//   npx tsx scripts/look-explorer.ts [--out DIR] [--sizes 1024x768,390x844] [--lang nl,en]
//                                    [--chapters triangle,luck] [--runs 4] [--viewport-only | --tiles]
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startHarness } from '../tests/browser/harness';
import { openExplorer, predictAndRun } from '../tests/browser/explorer-harness';

const argv = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : fallback;
};
const OUT = opt('--out', '/tmp/meerwaarde-look-explorer');
const SIZES = opt('--sizes', '1024x768,1440x900,390x844')
  .split(',')
  .map((s) => s.split('x').map(Number));
const LANGS = opt('--lang', 'nl,en').split(',');
const CHAPTERS = opt('--chapters', 'triangle,account,relative,meta,loop,luck,atlas').split(',');
const RUNS = Number(opt('--runs', '4'));
const PRESET: Record<string, string> = { luck: `&runs=${RUNS}`, atlas: `&runs=${Math.max(1, Math.round(RUNS / 4))}` };

mkdirSync(OUT, { recursive: true });
const harness = await startHarness();
try {
  for (const lang of LANGS) {
    for (const [width, height] of SIZES) {
      for (const chapter of CHAPTERS) {
        const { page } = await openExplorer(harness, `?chapter=${chapter}${PRESET[chapter] ?? ''}`, { viewport: { width, height }, locale: lang === 'nl' ? 'nl-NL' : 'en-GB', reducedMotion: 'reduce' });
        await predictAndRun(page, undefined, 600_000);
        for (const d of await page.locator('main details:not([open])').all()) if (await d.isVisible()) await d.evaluate((e) => ((e as HTMLDetailsElement).open = true));
        for (const b of await page.locator('main button[aria-expanded=false]').all()) if (await b.isVisible()) await b.click();
        await page.waitForTimeout(200);
        // the sticky chapter list would be drawn where the last click scrolled to
        await page.evaluate(() => window.scrollTo(0, 0));
        const name = `${chapter}-${lang}-${width}x${height}`;
        await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: !argv.includes('--viewport-only') });
        if (argv.includes('--tiles')) {
          // the whole page in pieces of two screens, to look at in full resolution
          const total = await page.evaluate(() => document.documentElement.scrollHeight);
          for (let y = 0, i = 1; y < total; y += 2 * height, i++) {
            await page.screenshot({ path: join(OUT, `${name}-${i}.png`), fullPage: true, clip: { x: 0, y, width, height: Math.min(2 * height, total - y) } });
          }
        }
        console.log(name);
        await page.context().close();
      }
    }
  }
} finally {
  await harness.close();
}
