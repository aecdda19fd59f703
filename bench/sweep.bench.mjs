// Sweep throughput: runs per second and client-months per second at 1, 2 and all workers, with
// the scaling efficiency (rate at W workers / (W x rate at 1 worker)). Uses the built CLI
// (npm run build:cli) and prints figures; it asserts nothing.
//   node bench/sweep.bench.mjs [runs per worker, default 12] [months, default 96]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const cli = join(root, 'bin', 'meerwaarde.mjs');
const perWorker = Number(process.argv[2] ?? 12);
const months = Number(process.argv[3] ?? 96);
const cores = availableParallelism();
const counts = [...new Set([1, 2, cores])].filter((w) => w <= Math.max(2, cores)).sort((a, b) => a - b);
const work = mkdtempSync(join(tmpdir(), 'mw-bench-'));

function experiment(runs) {
  return {
    name: 'bench',
    scenario: join(root, 'scenarios', 'baseline.json'),
    factors: [
      { path: 'params.inflowRateYear', range: [0.15, 0.3] },
      { path: 'managers.W.stance.value', name: 'stanceW', range: [0, 1] },
    ],
    design: { kind: 'montecarlo', samples: runs },
    seed: 1,
    months,
  };
}

const rows = [];
try {
  for (const workers of counts) {
    // the same number of runs per worker keeps every worker busy for the same time
    const runs = perWorker * workers;
    const file = join(work, `exp-${workers}.json`);
    writeFileSync(file, JSON.stringify(experiment(runs)));
    const out = join(work, `out-${workers}`);
    const t0 = process.hrtime.bigint();
    execFileSync(process.execPath, [cli, 'sweep', file, '--out', out, '--workers', String(workers), '--quiet'], { stdio: 'inherit' });
    const wall = Number(process.hrtime.bigint() - t0) / 1e9;
    const m = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    rows.push({ workers, runs, wall, runsPerSecond: m.timing.runsPerSecond, clientMonthsPerSecond: m.timing.clientMonthsPerSecond });
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const base = rows[0].runsPerSecond;
console.log(`\nSweep throughput (baseline scenario, ${months} months a run, ${cores} cores; rates exclude start-up)`);
console.log('workers  runs  wall s   runs/s   client-months/s  efficiency');
for (const r of rows) {
  const efficiency = r.runsPerSecond / (r.workers * base);
  console.log(
    `${String(r.workers).padStart(7)}  ${String(r.runs).padStart(4)}  ${r.wall.toFixed(1).padStart(6)}  ${r.runsPerSecond.toFixed(2).padStart(7)}  ${Math.round(r.clientMonthsPerSecond).toLocaleString('en').padStart(15)}  ${(100 * efficiency).toFixed(0).padStart(9)}%`,
  );
}
