// The explorer's browser sweep against the command line's, on the same experiment: chapter 6's sweep
// (two strategies x --runs seeds, 96 months) in Chromium on navigator.hardwareConcurrency Web Workers,
// then `meerwaarde sweep` on the experiment.json the page wrote, with as many worker threads. Prints
// runs per second of each, their ratio, and whether runs.csv is byte-identical. Indicative on a shared
// machine: the load average is printed beside the figures. The CLI's time includes its start-up and
// its crash-safe writes (runs.csv and monthly.csv, run by run).
//
//   npm run build:cli && npx tsx bench/explorer-sweep.bench.ts [--runs 40]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { downloadText, ROOT, startHarness } from '../tests/browser/harness';
import { openExplorer, predictAndRun } from '../tests/browser/explorer-harness';

const argv = process.argv.slice(2);
const RUNS = Number(argv.includes('--runs') ? argv[argv.indexOf('--runs') + 1] : 40);
const dir = mkdtempSync(join(tmpdir(), 'meerwaarde-bench-explorer-'));
const harness = await startHarness();
try {
  const { page } = await openExplorer(harness, `?chapter=luck&runs=${RUNS}&scenario=baseline&seed=3&months=96`);
  const workers = await page.evaluate(() => navigator.hardwareConcurrency);
  const load0 = loadavg()[0];
  const t0 = performance.now();
  await predictAndRun(page, undefined, 1_800_000);
  const browserSeconds = (performance.now() - t0) / 1000;
  await page.locator('[data-part=sweep-files] > summary').click();
  const experiment = await downloadText(page, '[data-sweep-file="luck-baseline/experiment.json"]');
  const runsCsv = (await downloadText(page, '[data-sweep-file="luck-baseline/runs.csv"]')).text;
  const total = runsCsv.trimEnd().split('\n').length - 1;
  writeFileSync(join(dir, 'experiment.json'), experiment.text);
  const load1 = loadavg()[0];
  const t1 = performance.now();
  execFileSync(process.execPath, [join(ROOT, 'bin', 'meerwaarde.mjs'), 'sweep', join(dir, 'experiment.json'), '--out', join(dir, 'cli'), '--workers', String(workers), '--quiet']);
  const cliSeconds = (performance.now() - t1) / 1000;
  const same = readFileSync(join(dir, 'cli', 'runs.csv'), 'utf8') === runsCsv;
  const rate = (s: number) => (total / s).toFixed(2);
  console.log(`explorer sweep: ${total} runs of 96 months, ${workers} workers`);
  console.log(`  browser (Chromium, Web Workers):   ${browserSeconds.toFixed(1)} s, ${rate(browserSeconds)} runs/s (load average ${load0.toFixed(1)} at start)`);
  console.log(`  meerwaarde sweep (worker threads): ${cliSeconds.toFixed(1)} s, ${rate(cliSeconds)} runs/s (load average ${load1.toFixed(1)} at start)`);
  console.log(`  browser rate / CLI rate: ${(cliSeconds / browserSeconds).toFixed(2)}; runs.csv byte-identical: ${same}`);
  if (!same) process.exitCode = 1;
} finally {
  await harness.close();
  rmSync(dir, { recursive: true, force: true });
}
