// Research-mode speed, through the built CLI (npm run build:cli) as a user runs it. Prints figures and
// ratios; asserts nothing. On a shared machine every figure is repeated and shown with its spread and
// the load average around it; CPU seconds (which other processes disturb less than wall time) are shown
// beside wall time.
//
//   1. a bare model run (the baseline, 96 months, warm), the yardstick of a sweep's per-run cost;
//   2. sweeps with 1 and 2 workers: whole-sweep runs/s and the marginal rate (the extra runs of a longer
//      sweep over their extra time, free of start-up and JIT warm-up), the scaling efficiency, the
//      per-run cost against the bare run, and where the CPU goes (workers, main thread, V8's threads);
//   3. a cold `meerwaarde run` of the baseline (wall and CPU);
//   4. a 10,000-run Saltelli sweep on all cores (BENCH_SALTELLI_RUNS=N scales it, 0 skips it), and from
//      it a paper estimate for a 1,000,000-run Sobol' sweep on 10 Slurm nodes of 32 cores.
//
//   npx tsx bench/sweep.bench.ts [repeats, default 3]
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Simulation } from '../src/engine/simulation';
import { parseScenario } from '../src/scenario/parse';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const cli = join(root, 'bin', 'meerwaarde.mjs');
const baselineFile = join(root, 'scenarios', 'baseline.json');
const repeats = Number(process.argv[2] ?? 3);
const cores = availableParallelism();
const work = mkdtempSync(join(tmpdir(), 'mw-bench-'));
const TICK_MS = 10; // /proc times are in clock ticks of 10 ms on Linux

const load = () => loadavg()[0].toFixed(1);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const spread = (xs: number[], digits = 2) => `${median(xs).toFixed(digits)} (${Math.min(...xs).toFixed(digits)}-${Math.max(...xs).toFixed(digits)})`;

// ------------------------------------------------------------------------------------------------
// 1. the bare model run

/** CPU ms of this process's main thread (Linux /proc; elsewhere the whole process's). */
function mainThreadCpuMs(): number {
  try {
    const s = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) * TICK_MS;
  } catch {
    const c = process.cpuUsage();
    return (c.user + c.system) / 1000;
  }
}

/**
 * Wall ms of each warm run, and the CPU ms a run of the thread that runs it (as a sweep's worker
 * thread is measured). Ten runs first, so that the JIT compiler has done its work.
 */
function bareRun(): { wall: number[]; cpu: number } {
  const scenario = parseScenario(JSON.parse(readFileSync(baselineFile, 'utf8')), 'baseline');
  const wall: number[] = [];
  const warm = 10;
  let c0 = 0;
  for (let i = 0; i < warm + 4 * repeats; i++) {
    if (i === warm) c0 = mainThreadCpuMs();
    const sim = new Simulation({ scenario, seed: i + 1 });
    const t0 = performance.now();
    sim.run();
    if (i >= warm) wall.push(performance.now() - t0);
  }
  return { wall, cpu: (mainThreadCpuMs() - c0) / wall.length };
}

// ------------------------------------------------------------------------------------------------
// 2. sweeps

interface SweepRun {
  workers: number;
  runs: number;
  wall: number;
  /** seconds of runs, as the manifest counts them (from the workers' start) */
  seconds: number;
  /** CPU ms by thread group */
  cpu: { workers: number; main: number; other: number };
}

function experiment(runs: number, months = 96): object {
  return {
    name: 'bench',
    scenario: baselineFile,
    factors: [
      { path: 'params.inflowRateYear', range: [0.15, 0.3] },
      { path: 'managers.W.stance.value', name: 'stanceW', range: [0, 1] },
    ],
    design: { kind: 'montecarlo', samples: runs },
    seed: 1,
    months,
  };
}

/** CPU ms of each thread of a running process, read from /proc (Linux; empty elsewhere). */
function threadTimes(pid: number): Map<number, number> {
  const out = new Map<number, number>();
  try {
    for (const t of readdirSync(`/proc/${pid}/task`)) {
      try {
        const s = readFileSync(`/proc/${pid}/task/${t}/stat`, 'utf8');
        const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
        out.set(Number(t), (Number(f[11]) + Number(f[12])) * TICK_MS);
      } catch {
        // the thread ended
      }
    }
  } catch {
    // the process ended, or no /proc
  }
  return out;
}

/** Runs a sweep in a child process, sampling its threads' CPU until it exits (`keep`: leave its folder). */
async function sweep(workers: number, runs: number, name: string, spec: object = experiment(runs), keep = false): Promise<SweepRun> {
  const file = join(work, `${name}.json`);
  const out = join(work, name);
  writeFileSync(file, JSON.stringify(spec));
  const t0 = performance.now();
  const child = spawn(process.execPath, [cli, 'sweep', file, '--out', out, '--workers', String(workers), '--quiet'], { stdio: 'inherit' });
  const seen = new Map<number, number>();
  const sample = () => threadTimes(child.pid!).forEach((ms, tid) => seen.set(tid, Math.max(ms, seen.get(tid) ?? 0)));
  const timer = setInterval(sample, 50);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const wall = (performance.now() - t0) / 1000;
  clearInterval(timer);
  if (code !== 0) throw new Error(`sweep ${name} exited ${code}`);
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
  if (!keep) rmSync(out, { recursive: true, force: true });
  // the main thread is the process itself; the worker threads are the busiest of the rest
  const main = seen.get(child.pid!) ?? 0;
  const rest = [...seen].filter(([tid]) => tid !== child.pid).sort((a, b) => b[1] - a[1]);
  const workerMs = rest.slice(0, workers).reduce((s, [, ms]) => s + ms, 0);
  const other = rest.slice(workers).reduce((s, [, ms]) => s + ms, 0);
  return { workers, runs, wall, seconds: manifest.timing.seconds, cpu: { workers: workerMs, main, other } };
}

// ------------------------------------------------------------------------------------------------
// 3. cold runs

/** CPU ms of this process's waited-for children so far (Linux /proc/self/stat cutime + cstime). */
function childrenCpuMs(): number {
  try {
    const s = readFileSync('/proc/self/stat', 'utf8');
    const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
    return (Number(f[13]) + Number(f[14])) * TICK_MS;
  } catch {
    return NaN;
  }
}

function coldRuns(n: number): { wall: number[]; cpu: number[] } {
  const wall: number[] = [];
  const cpu: number[] = [];
  const out = join(work, 'cold');
  for (let i = 0; i < n; i++) {
    const c0 = childrenCpuMs();
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [cli, 'run', baselineFile, '--out', out], { encoding: 'utf8' });
    wall.push((performance.now() - t0) / 1000);
    cpu.push((childrenCpuMs() - c0) / 1000);
    if (r.status !== 0) throw new Error(`meerwaarde run exited ${r.status}: ${r.stderr}`);
  }
  return { wall, cpu };
}

// ------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  console.log(`\nResearch-mode benchmark: Node ${process.version}, ${cores} cores, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} (1, 5, 15 min)`);
  console.log(`Figures are medians of ${repeats} or more repeats, with (min-max); the load average is printed beside each part.\n`);

  const bare = bareRun();
  const bareMs = median(bare.wall);
  console.log(`bare model run (baseline, 2,200 clients, 96 months, warm): ${spread(bare.wall, 1)} ms wall, ${bare.cpu.toFixed(1)} ms CPU of its thread  [load ${load()}]`);

  // two sizes per worker count: the difference is free of start-up and warm-up
  // (the JIT compiler keeps re-optimizing for the first few dozen runs of a worker: the longer sweep is
  // long enough for the difference to show a long sweep's pace)
  const small = 24;
  const large = 96;
  const results: SweepRun[] = [];
  for (let r = 0; r < repeats; r++) {
    for (const workers of [1, 2]) {
      for (const perWorker of [small, large]) results.push(await sweep(workers, perWorker * workers, `s-${workers}-${perWorker}-${r}`));
    }
  }
  const of = (workers: number, perWorker: number) => results.filter((x) => x.workers === workers && x.runs === perWorker * workers);
  console.log(`\nSweeps of the baseline (96 months a run), ${small} and ${large} runs per worker, each ${repeats} times  [load ${load()}]`);
  console.log('workers  runs  wall s          runs/s (whole sweep)   CPU ms a run: workers  main  V8 threads');
  const marginal = new Map<number, number>();
  const marginalCpu = new Map<number, { total: number; workers: number; main: number; other: number }>();
  for (const workers of [1, 2]) {
    for (const perWorker of [small, large]) {
      const xs = of(workers, perWorker);
      const cpu = (k: keyof SweepRun['cpu']) => median(xs.map((x) => x.cpu[k] / x.runs)).toFixed(1);
      console.log(
        `${String(workers).padStart(7)}  ${String(perWorker * workers).padStart(4)}  ${spread(xs.map((x) => x.wall), 1).padEnd(14)}  ${spread(xs.map((x) => x.runs / x.seconds)).padEnd(21)}  ${cpu('workers').padStart(20)}  ${cpu('main').padStart(4)}  ${cpu('other').padStart(10)}`,
      );
    }
    // marginal rate and CPU per repeat pair, then the median
    const extra = (large - small) * workers;
    const rates = of(workers, small).map((s, i) => extra / (of(workers, large)[i].seconds - s.seconds));
    const total = (x: SweepRun) => x.cpu.workers + x.cpu.main + x.cpu.other;
    const cpuOf = (pick: (x: SweepRun) => number) => median(of(workers, small).map((s, i) => (pick(of(workers, large)[i]) - pick(s)) / extra));
    marginal.set(workers, median(rates));
    marginalCpu.set(workers, { total: cpuOf(total), workers: cpuOf((x) => x.cpu.workers), main: cpuOf((x) => x.cpu.main), other: cpuOf((x) => x.cpu.other) });
    const c = marginalCpu.get(workers)!;
    console.log(`         marginal (the ${extra} extra runs of the longer sweep): ${spread(rates)} runs/s; CPU ms a run ${c.total.toFixed(1)} = workers ${c.workers.toFixed(1)} + main ${c.main.toFixed(1)} + V8 threads ${c.other.toFixed(1)}`);
  }
  const m1 = marginal.get(1)!;
  const m2 = marginal.get(2)!;
  const whole = (w: number) => median(of(w, large).map((x) => x.runs / x.seconds));
  console.log(`\n  2 workers / 1 worker: ${(m2 / m1).toFixed(2)}x marginal (target >= 1.8), ${(whole(2) / whole(1)).toFixed(2)}x over whole ${large}-run-per-worker sweeps`);
  console.log(
    `  per-run cost of a sweep / bare model run: ${(1000 / m1 / bareMs).toFixed(2)}x marginal wall, ${(marginalCpu.get(1)!.workers / bare.cpu).toFixed(2)}x marginal CPU of the thread that runs it (target <= 1.3), ${(1000 / whole(1) / bareMs).toFixed(2)}x wall over the whole sweep`,
  );
  // what 2 cores can give when nothing else runs: 1 worker runs at its worker thread's pace (V8's threads
  // use the other core), 2 workers share 2 cores with everything else
  const c1 = marginalCpu.get(1)!;
  const c2 = marginalCpu.get(2)!;
  console.log(`  from CPU time (less disturbed by other processes): 2 workers on an idle 2-core machine would give ${((2 * c1.workers) / c2.total).toFixed(2)}x of 1 worker`);

  const cold = coldRuns(Math.max(5, 3 * repeats));
  console.log(`\ncold \`meerwaarde run scenarios/baseline.json\` (${cold.wall.length} times): wall ${spread(cold.wall)} s (target < 0.5), CPU ${spread(cold.cpu)} s  [load ${load()}]`);

  const saltelliRuns = Number(process.env.BENCH_SALTELLI_RUNS ?? 10_000);
  if (saltelliRuns > 0) {
    const factors = [
      { path: 'params.inflowRateYear', range: [0.15, 0.3] },
      { path: 'params.betaSvc', range: [0.2, 1.2] },
      { path: 'params.luckIntensity', range: [0, 2] },
      { path: 'managers.W.stance.value', name: 'stanceW', range: [0, 1] },
      { path: 'managers.H.courage', name: 'courageH', range: [0, 1] },
      { path: 'managers.D.attention.legitimacy', name: 'attentionD.legitimacy', range: [0, 1] },
    ];
    const baseSamples = Math.max(2, Math.round(saltelliRuns / (factors.length + 2)));
    const runs = baseSamples * (factors.length + 2);
    console.log(`\n${runs}-run Saltelli sweep (N = ${baseSamples}, 6 factors, baseline, 96 months) on ${cores} cores ...  [load ${load()}]`);
    const spec = { name: 'saltelli-bench', scenario: baselineFile, factors, design: { kind: 'saltelli', baseSamples }, seed: 2024, outputs: ['dimensions.programmatic.score', 'caseload.stock'] };
    const s = await sweep(cores, runs, 'saltelli', spec, true);
    const cpuPerRun = (s.cpu.workers + s.cpu.main + s.cpu.other) / runs / 1000;
    console.log(`  ${s.wall.toFixed(0)} s wall (${(s.wall / 60).toFixed(1)} min), ${(runs / s.seconds).toFixed(2)} runs/s, ${cpuPerRun.toFixed(3)} CPU s a run  [load ${load()}]`);
    console.log(`  against 1 worker's marginal rate: ${(runs / s.seconds / m1).toFixed(2)}x on ${cores} cores`);
    const t0 = performance.now();
    const analysis = spawnSync(process.execPath, [cli, 'analyze', join(work, 'saltelli'), '--method', 'sobol', '--json'], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (analysis.status !== 0) throw new Error(`analyze exited ${analysis.status}: ${analysis.stderr}`);
    console.log(`  meerwaarde analyze --method sobol (2 outputs, bootstrap intervals): ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    // 10 nodes x 32 cores, one shard per node, each at this machine's per-core rate and efficiency
    const perCore = runs / s.seconds / cores;
    const hours = 1_000_000 / (perCore * 320) / 3600;
    console.log(`  paper estimate, 1,000,000-run Sobol' sweep on 10 nodes x 32 cores at this per-core rate: ${hours.toFixed(1)} h (docs/cluster.md)`);
  }
}

try {
  await main();
} finally {
  rmSync(work, { recursive: true, force: true });
}
