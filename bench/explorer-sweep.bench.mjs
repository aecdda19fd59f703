// The explorer's browser sweep against the command line's, on the same experiment: chapter 6's sweep
// (two strategies x --runs seeds, 96 months) in Chromium on navigator.hardwareConcurrency Web Workers,
// then `meerwaarde sweep` on the experiment.json the page wrote, with as many worker threads. Prints
// runs per second of each, their ratio, and whether runs.csv is byte-identical. Indicative on a shared
// machine: the load average is printed beside the figures.
//
//   npm run build:cli && node bench/explorer-sweep.bench.mjs [--runs 40]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { chromium } from 'playwright-core';
import { serveStatic } from '../tests/browser/static-server.mjs';

const ROOT = resolve(fileURLToPath(import.meta.url), '..', '..');
const argv = process.argv.slice(2);
const RUNS = Number(argv.includes('--runs') ? argv[argv.indexOf('--runs') + 1] : 40);
const dir = mkdtempSync(join(tmpdir(), 'meerwaarde-bench-explorer-'));
const site = join(dir, 'site');
await build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'error', build: { outDir: site, emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 4096 } });
const server = await serveStatic(site, '/bench/');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
try {
  const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
  await page.goto(`${server.url}explore.html?chapter=luck&runs=${RUNS}&scenario=baseline&seed=3&months=96`);
  await page.waitForFunction(() => window.__explorer?.ready === true, null, { timeout: 60_000 });
  const workers = await page.evaluate(() => navigator.hardwareConcurrency);
  await page.locator('[data-part=prediction] input').first().check();
  const load0 = loadavg()[0];
  const t0 = performance.now();
  await page.click('[data-action=run]');
  await page.waitForFunction(() => window.__explorer.chapter().revealed && !window.__explorer.chapter().busy, null, { timeout: 1_800_000 });
  const browserSeconds = (performance.now() - t0) / 1000;
  await page.locator('[data-part=sweep-files] > summary').click();
  const save = async (name) => {
    const [d] = await Promise.all([page.waitForEvent('download'), page.click(`[data-sweep-file="luck-baseline/${name}"]`)]);
    return readFileSync(await d.path(), 'utf8');
  };
  const experiment = await save('experiment.json');
  const runsCsv = await save('runs.csv');
  const total = runsCsv.trimEnd().split('\n').length - 1;
  writeFileSync(join(dir, 'experiment.json'), experiment);
  const load1 = loadavg()[0];
  const t1 = performance.now();
  execFileSync(process.execPath, [join(ROOT, 'bin', 'meerwaarde.mjs'), 'sweep', join(dir, 'experiment.json'), '--out', join(dir, 'cli'), '--workers', String(workers), '--quiet']);
  const cliSeconds = (performance.now() - t1) / 1000;
  const same = readFileSync(join(dir, 'cli', 'runs.csv'), 'utf8') === runsCsv;
  const rate = (s) => (total / s).toFixed(2);
  console.log(`explorer sweep: ${total} runs of 96 months, ${workers} workers`);
  console.log(`  browser (Chromium, Web Workers):   ${browserSeconds.toFixed(1)} s, ${rate(browserSeconds)} runs/s (load average ${load0.toFixed(1)} at start)`);
  console.log(`  meerwaarde sweep (worker threads): ${cliSeconds.toFixed(1)} s, ${rate(cliSeconds)} runs/s (load average ${load1.toFixed(1)} at start; includes the CLI's start-up)`);
  console.log(`  browser / CLI rate: ${(cliSeconds / browserSeconds).toFixed(2)}; runs.csv byte-identical: ${same}`);
  if (!same) process.exitCode = 1;
} finally {
  await browser.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
