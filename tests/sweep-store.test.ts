// The sweep's output machinery with a fake model in the current thread: ordered commits,
// crash repair and resume, shards and merge. (tests/sweep-cli.test.ts runs the real model in
// worker threads and kills real processes.)
import { appendFileSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { runSweep, type SweepOptions } from '../src/sweep/sweep';
import { inlineExecutor } from '../src/sweep/pool';
import { createSweepWorkerApi } from '../src/sweep/workerApi';
import type { ModelApi } from '../src/sweep/runner';
import { barLine, RateMeter, silentProgress, streamProgress } from '../src/sweep/progress';
import { parseShard, runId, WHOLE, type Shard } from '../src/sweep/plan';
import { mergeShards } from '../src/sweep/merge';
import { parseExperiment, resolveExperiment, type ResolvedExperiment } from '../src/sweep/resolve';
import { deriveRunSeed } from '../src/sweep/seeds';
import { experimentJsonSchema } from '../src/sweep/experiment';
import { InputError } from '../src/scenario/parse';
import { parseLine } from '../src/sweep/csv';
import { LineReader } from '../src/sweep/lines';

const root = mkdtempSync(join(tmpdir(), 'mw-sweep-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let dirCount = 0;
const freshDir = () => join(root, `d${dirCount++}`);

type S = Record<string, unknown>;
/** A tiny deterministic "model": outputs from the parameters and the seed, 4 months of a series. */
const fakeModel: ModelApi = {
  modelVersion: 'fake-1',
  setScenarioValue(s: S, path: string, value: number | string) {
    const copy = structuredClone(s);
    const parts = path.split('.');
    let node = copy as Record<string, unknown>;
    for (const p of parts.slice(0, -1)) node = (node[p] ??= {}) as Record<string, unknown>;
    node[parts[parts.length - 1]] = value;
    return copy;
  },
  runScenario({ scenario, seed }) {
    const p = (scenario as { params: Record<string, number> }).params;
    if (p.a > 0.97) throw new Error('the fake model fails for a > 0.97');
    const luck = (seed % 1000) / 1000;
    return {
      summary: { score: p.a * 2 + p.b + luck, luck },
      monthly: [1, 2, 3, 4].map((month) => ({ month, stock: 100 + month * p.a, meta: { balance: luck } })),
    };
  },
  summaryMetrics: (s) => s as Record<string, number>,
  clientsInMonth: (m) => (m as { stock: number }).stock,
};

function experiment(overrides: Partial<ResolvedExperiment> = {}): ResolvedExperiment {
  return {
    name: 'fake',
    scenario: { id: 'base', params: { a: 0, b: 0 } },
    factors: [
      { name: 'a', path: 'params.a', distribution: { kind: 'uniform', min: 0, max: 1 } },
      { name: 'b', path: 'params.b', distribution: { kind: 'levels', levels: [1, 2, 'three'] } },
    ],
    design: { kind: 'montecarlo', samples: 25 },
    replicates: 3,
    seed: 17,
    seeds: 'common',
    months: 4,
    outputs: ['score', 'luck'],
    monthly: ['stock', 'meta.balance'],
    ...overrides,
  };
}

function options(dir: string, e: ResolvedExperiment, extra: Partial<SweepOptions> = {}): SweepOptions {
  return {
    dir,
    experiment: e,
    modelVersion: fakeModel.modelVersion,
    shard: WHOLE,
    resume: false,
    workers: 1,
    startExecutor: async () => inlineExecutor(createSweepWorkerApi(fakeModel), e),
    progress: silentProgress,
    ...extra,
  };
}

const read = (dir: string, f: string) => readFileSync(join(dir, f), 'utf8');

describe('a sweep', () => {
  it('writes one row per run in run order, with seeds derived from the experiment seed', async () => {
    const dir = freshDir();
    const e = experiment();
    const { manifest } = await runSweep(options(dir, e));
    const lines = read(dir, 'runs.csv').trimEnd().split('\n');
    expect(lines[0]).toBe('run,point,replicate,seed,a,b,score,luck');
    expect(lines).toHaveLength(1 + 75);
    lines.slice(1).forEach((line, run) => {
      const [r, point, replicate, seed] = parseLine(line).map(Number);
      expect([r, point, replicate]).toEqual([run, run % 25, Math.floor(run / 25)]);
      // common random numbers: the seed depends on the replicate only
      expect(seed).toBe(deriveRunSeed(17, replicate));
    });
    expect(manifest.status).toBe('complete');
    expect(manifest.counts).toMatchObject({ points: 25, replicates: 3, runs: 75, done: 75, shardRuns: 75 });
    const monthly = read(dir, 'monthly.csv').trimEnd().split('\n');
    expect(monthly[0]).toBe('run,month,stock,meta.balance');
    expect(monthly).toHaveLength(1 + 75 * 4 - 4 * failedRuns(dir));
    // experiment.json is an experiment file that resolves to this experiment again
    const written = parseExperiment(JSON.parse(read(dir, 'experiment.json')), 'experiment.json');
    expect(resolveExperiment(written, 'experiment.json', { load: () => ({}), check: (json) => json as Record<string, unknown> })).toEqual(e);
  });

  it('records a run the model fails on with NaN outputs, counts it, and goes on', async () => {
    const dir = freshDir();
    const errors: number[] = [];
    const { manifest } = await runSweep(options(dir, experiment({ design: { kind: 'montecarlo', samples: 200 }, replicates: 1 }), { onRunError: (r) => errors.push(r) }));
    expect(errors.length).toBeGreaterThan(0);
    expect(manifest.counts.failed).toBe(errors.length);
    expect(failedRuns(dir)).toBe(errors.length);
  });

  it('gives independent seeds per run when asked', () => {
    const plan = { points: 10, replicates: 2, seed: 5, seeds: 'independent' as const };
    expect(runId(plan, 13).seed).toBe(deriveRunSeed(5, 13));
    expect(runId({ ...plan, seeds: 'common' }, 13).seed).toBe(deriveRunSeed(5, 1));
  });

  it('refuses a directory holding a sweep without --resume, and another experiment with it', async () => {
    const dir = freshDir();
    await runSweep(options(dir, experiment()));
    await expect(runSweep(options(dir, experiment()))).rejects.toThrow(/already holds a sweep: add --resume/);
    await expect(runSweep(options(dir, experiment({ seed: 18 }), { resume: true }))).rejects.toThrow(/different experiment/);
    await expect(runSweep(options(dir, experiment(), { resume: true, shard: { index: 0, count: 2 } }))).rejects.toThrow(/holds shard 0\/1/);
  });

  it('resumes a complete sweep as a no-op', async () => {
    const dir = freshDir();
    await runSweep(options(dir, experiment()));
    const before = read(dir, 'runs.csv');
    const { ran, manifest } = await runSweep(options(dir, experiment(), { resume: true }));
    expect([ran, manifest.status, manifest.timing.sessions]).toEqual([0, 'complete', 2]);
    expect(read(dir, 'runs.csv')).toBe(before);
  });
});

function failedRuns(dir: string): number {
  return read(dir, 'runs.csv').trimEnd().split('\n').slice(1).filter((l) => l.endsWith('NaN,NaN')).length;
}

describe('crash safety and resume', () => {
  const e = experiment();
  let reference: { runs: string; monthly: string } | null = null;
  const referenceOutput = async () => {
    if (!reference) {
      const dir = freshDir();
      await runSweep(options(dir, e));
      reference = { runs: read(dir, 'runs.csv'), monthly: read(dir, 'monthly.csv') };
    }
    return reference;
  };

  it('a sweep stopped part-way and resumed ends byte-identical to an uninterrupted one', async () => {
    const ref = await referenceOutput();
    const dir = freshDir();
    let calls = 0;
    const first = await runSweep(options(dir, e, { shouldStop: () => ++calls > 30 }));
    expect(first.manifest.status).toBe('interrupted');
    expect(first.manifest.counts.done).toBeLessThan(75);
    const second = await runSweep(options(dir, e, { resume: true }));
    expect(second.manifest.status).toBe('complete');
    expect(read(dir, 'runs.csv')).toBe(ref.runs);
    expect(read(dir, 'monthly.csv')).toBe(ref.monthly);
  });

  it('repairs any state a kill can leave (cut lines, monthly rows ahead of runs.csv) and ends byte-identical', async () => {
    const ref = await referenceOutput();
    const runLines = ref.runs.split('\n').slice(0, -1).map((l) => l + '\n');
    const monthlyLines = ref.monthly.split('\n').slice(0, -1).map((l) => l + '\n');
    await fc.assert(
      fc.asyncProperty(fc.nat(75), fc.nat(200), fc.nat(300), fc.nat(100), async (committed, partialRun, extraMonthly, partialMonthly) => {
        // runs.csv: header + `committed` rows + part of the next row
        const whole = runLines.slice(0, 1 + committed);
        const nextRow = runLines[1 + committed] ?? '';
        const runsText = whole.join('') + nextRow.slice(0, partialRun % Math.max(1, nextRow.length));
        // monthly.csv: every row of committed runs, then possibly rows of later runs and a partial line
        const lastRun = committed - 1;
        const kept = monthlyLines.filter((l, i) => i === 0 || Number(l.split(',')[0]) <= lastRun);
        const later = monthlyLines.slice(kept.length, kept.length + (extraMonthly % 40));
        const tail = monthlyLines[kept.length + later.length] ?? '';
        const monthlyText = [...kept, ...later].join('') + tail.slice(0, partialMonthly % Math.max(1, tail.length));
        const dir = freshDir();
        await runSweep(options(dir, e, { shouldStop: () => true })); // creates the directory and manifest
        writeFileSync(join(dir, 'runs.csv'), runsText);
        writeFileSync(join(dir, 'monthly.csv'), monthlyText);
        await runSweep(options(dir, e, { resume: true }));
        expect(read(dir, 'runs.csv')).toBe(ref.runs);
        expect(read(dir, 'monthly.csv')).toBe(ref.monthly);
        rmSync(dir, { recursive: true });
      }),
      { numRuns: 60, seed: 4242 },
    );
  });

  it('repairs files cut to nothing or inside the header', async () => {
    const ref = await referenceOutput();
    for (const cut of [0, 5]) {
      const dir = freshDir();
      await runSweep(options(dir, e, { shouldStop: () => true }));
      truncateSync(join(dir, 'runs.csv'), cut);
      truncateSync(join(dir, 'monthly.csv'), cut);
      await runSweep(options(dir, e, { resume: true }));
      expect(read(dir, 'runs.csv')).toBe(ref.runs);
      expect(read(dir, 'monthly.csv')).toBe(ref.monthly);
    }
  });

  it('refuses a runs.csv that is not a prefix of the sweep', async () => {
    const dir = freshDir();
    await runSweep(options(dir, e, { shouldStop: () => true }));
    appendFileSync(join(dir, 'runs.csv'), '5,5,0,1,0.5,1,1,1\n');
    await expect(runSweep(options(dir, e, { resume: true }))).rejects.toThrow(/not a prefix.*run 5 where run 0 belongs/);
  });
});

describe('shards and merge', () => {
  const e = experiment();
  const sweepShards = async (count: number, mutate?: (i: number) => Partial<ResolvedExperiment>) => {
    const dirs: string[] = [];
    for (let index = 0; index < count; index++) {
      const dir = freshDir();
      const shard: Shard = { index, count };
      const ex = mutate ? experiment(mutate(index)) : e;
      await runSweep(options(dir, ex, { shard }));
      dirs.push(dir);
    }
    return dirs;
  };

  it('shards merge into output byte-identical to a one-machine sweep', async () => {
    const whole = freshDir();
    await runSweep(options(whole, e));
    for (const count of [2, 4, 7]) {
      const dirs = await sweepShards(count);
      const sizes = dirs.map((d) => JSON.parse(read(d, 'manifest.json')).counts.shardRuns);
      expect(sizes.reduce((a: number, b: number) => a + b, 0)).toBe(75);
      const out = freshDir();
      const { manifest } = mergeShards([...dirs].reverse(), out);
      expect(read(out, 'runs.csv')).toBe(read(whole, 'runs.csv'));
      expect(read(out, 'monthly.csv')).toBe(read(whole, 'monthly.csv'));
      expect(manifest.counts).toMatchObject({ done: 75, shard: { index: 0, count: 1 } });
      expect(manifest.experimentHash).toBe(JSON.parse(read(whole, 'manifest.json')).experimentHash);
    }
  });

  it('refuses shards of different experiments, missing, doubled or unfinished shards', async () => {
    const mixed = await sweepShards(2, (i) => (i === 1 ? { seed: 99 } : {}));
    expect(() => mergeShards(mixed, freshDir())).toThrow(/belongs to a different experiment/);
    const dirs = await sweepShards(3);
    expect(() => mergeShards(dirs.slice(0, 2), freshDir())).toThrow(/shard 2 of 3 missing/);
    expect(() => mergeShards([dirs[0], dirs[0], dirs[1]], freshDir())).toThrow(/both shard 0\/3/);
    const partial = freshDir();
    await runSweep(options(partial, e, { shard: { index: 2, count: 3 }, shouldStop: () => true }));
    expect(() => mergeShards([dirs[0], dirs[1], partial], freshDir())).toThrow(/incomplete \(0 of 25 runs\)/);
    const out = freshDir();
    mergeShards(dirs, out);
    expect(() => mergeShards(dirs, out)).toThrow(/not empty/);
  });

  it('reads --shard as I/N, or takes I (and N) from a Slurm array', () => {
    expect(parseShard('2/8', {})).toEqual({ index: 2, count: 8 });
    expect(parseShard('8', { SLURM_ARRAY_TASK_ID: '3' })).toEqual({ index: 3, count: 8 });
    expect(parseShard('/4', { SLURM_ARRAY_TASK_ID: '4', SLURM_ARRAY_TASK_MIN: '1' })).toEqual({ index: 3, count: 4 });
    expect(parseShard('slurm', { SLURM_ARRAY_TASK_ID: '2', SLURM_ARRAY_TASK_MIN: '0', SLURM_ARRAY_TASK_COUNT: '4' })).toEqual({ index: 2, count: 4 });
    expect(() => parseShard('4', {})).toThrow(/SLURM_ARRAY_TASK_ID, which is not set/);
    expect(() => parseShard('4/4', {})).toThrow(/outside 0..3/);
    expect(() => parseShard('a/b', {})).toThrow(/must be I\/N/);
  });
});

describe('line reading', () => {
  it('keeps multi-byte characters whole across read chunks', () => {
    const path = join(root, 'utf8.csv');
    // 3-byte characters at every offset, so some straddle the 1 MiB chunk boundary
    const lines = Array.from({ length: 60_000 }, (_, i) => `${i},${'€'.repeat(i % 7)}wethouder ${'ë'.repeat(i % 5)}`);
    // shift the text until the 1 MiB chunk boundary falls inside a character
    let text = lines.join('\n');
    while ((Buffer.from(text)[1 << 20] & 0xc0) !== 0x80) text = 'x' + text;
    lines[0] = text.slice(0, text.indexOf('\n'));
    writeFileSync(path, text + '\npartial');
    const reader = new LineReader(path);
    const back: string[] = [];
    for (let l = reader.read(); l !== null; l = reader.read()) back.push(l);
    reader.close();
    expect(back).toEqual(lines);
  });
});

describe('experiment files', () => {
  const scenarios = { load: () => ({ id: 'x' }), check: (j: unknown) => j as Record<string, unknown> };
  const valid = {
    scenario: { id: 'x' },
    factors: [{ path: 'params.kappaBase', range: [0.1, 0.5] }, { path: 'managers.W.stance.value', name: 'stanceW', levels: [0, 1] }],
    design: { kind: 'saltelli', baseSamples: 64 },
    seed: 1,
  };
  const issues = (json: unknown): string[] => {
    try {
      resolveExperiment(parseExperiment(json, 'exp.json'), 'exp.json', scenarios);
      return [];
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      return e.issues.map((i) => `${i.path}: ${i.message}`);
    }
  };

  it('resolve with defaults: uniform ranges, common random numbers, one replicate', () => {
    const r = resolveExperiment(parseExperiment(valid, 'exp.json'), 'dir/exp.json', scenarios);
    expect(r).toMatchObject({ name: 'exp', replicates: 1, seeds: 'common', months: null, outputs: null, monthly: [] });
    expect(r.factors).toEqual([
      { name: 'params.kappaBase', path: 'params.kappaBase', distribution: { kind: 'uniform', min: 0.1, max: 0.5 } },
      { name: 'stanceW', path: 'managers.W.stance.value', distribution: { kind: 'levels', levels: [0, 1] } },
    ]);
  });

  it('publish a JSON Schema from the same zod schema', () => {
    const schema = experimentJsonSchema() as { required: string[]; additionalProperties: boolean; properties: Record<string, unknown> };
    expect(schema.required.sort()).toEqual(['design', 'factors', 'seed']);
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['scenario', 'factors', 'design', 'replicates', 'seeds', 'months', 'outputs', 'monthly']));
  });

  it('name every mistake by its JSON path', () => {
    expect(issues({ ...valid, extra: 1 })).toEqual([expect.stringMatching(/^\$\.extra: unknown key "extra" \(allowed: \$schema, name, description, scenario, factors/)]);
    expect(issues({ ...valid, factors: [{ path: 'params.x', range: [1, 0] }] })).toEqual(['$.factors[0].range: the range must be [min, max] with min < max']);
    expect(issues({ ...valid, factors: [{ path: 'params.x', range: [0, 1], levels: [1] }] })).toEqual(['$.factors[0]: give either "levels" or "range"']);
    expect(issues({ ...valid, factors: [{ path: 'params.x', range: [0, 1], distribution: 'loguniform' }] })).toEqual(['$.factors[0].range: a loguniform range must be above 0']);
    expect(issues({ ...valid, factors: [{ path: 'params.x', range: [0, 1], sd: 1 }] })).toEqual(['$.factors[0].sd: "sd" applies to a normal distribution']);
    expect(issues({ ...valid, factors: [{ path: 'a', name: 'x', levels: [1] }, { path: 'b', name: 'x', levels: [1] }] })).toEqual(['$.factors[1].name: factor name "x" is used twice']);
    expect(issues({ ...valid, factors: [{ path: 'p', name: 'seed', levels: [1] }] })).toEqual(['$.factors[0].name: "seed" is a reserved column name']);
    expect(issues({ ...valid, seed: -1 })).toEqual(['$.seed: too small: must be >= 0']);
    expect(issues({ ...valid, design: { kind: 'morris', trajectories: 10, levels: 3 } })[0]).toMatch(/^\$\.design\.levels/);
    expect(issues({ ...valid, design: { kind: 'list', points: [{ stanceW: 1 }] } })).toEqual(["$.design: design point 0 gives no value for factor 'params.kappaBase'"]);
    expect(issues({ ...valid, design: { kind: 'grid' } })[0]).toMatch(/^\$\.design/);
  });
});

describe('progress', () => {
  it('prints a plain line every few seconds when not on a terminal, and a summary at the end', () => {
    const out: string[] = [];
    let t = 0;
    const p = streamProgress({ write: (s: string) => out.push(s) }, 'sweep', () => t, 5000);
    p.start(100, 0, 1);
    for (let done = 1; done <= 100; done++) {
      t += 200;
      p.update(done);
    }
    p.finish(100, '100 runs done');
    // 20 s of work: a line at once (no rate yet: the clock starts when the first run is back), then one every 5 s
    expect(out[0]).toBe('sweep: 1/100 runs  1.0%  ETA --:--\n');
    expect(out.filter((l) => l.startsWith('sweep: ') && l.includes('runs/s'))).toHaveLength(3);
    expect(out[1]).toBe('sweep: 26/100 runs  26.0%  5.0 runs/s  ETA 0:15\n');
    expect(out[out.length - 1]).toBe('sweep: 100 runs done\n');
  });

  it('draws a bar with rate and ETA on a terminal', () => {
    const out: string[] = [];
    let t = 0;
    const p = streamProgress({ write: (s: string) => out.push(s), isTTY: true, columns: 100 }, 'sweep', () => t);
    p.start(10, 0, 1);
    t = 1000;
    p.update(1);
    t = 2000;
    p.update(5);
    // eslint-disable-next-line no-control-regex -- the terminal escape (ESC [ K) is what is checked
    expect(out[1]).toMatch(/^\rsweep \[#+\.+\] 5\/10 runs {2}50\.0% {2}4\.0 runs\/s {2}ETA 0:01\x1b\[K$/);
  });

  it('fits the bar to any terminal width, so that a redraw never wraps and scrolls', () => {
    const f = { percent: 42.5, rate: 12.3, eta: 190 };
    for (let columns = 1; columns <= 160; columns++) {
      const line = barLine('sweep 3/16', 425, 1000, f, columns);
      // room for the terminal's echo of a Ctrl-C ("^C") after the bar
      expect(line.length, `${columns} columns: ${line}`).toBeLessThanOrEqual(Math.max(1, columns - 3));
      if (columns >= 32) expect(line, `${columns} columns`).toContain('ETA 3:10');
    }
    expect(barLine('sweep', 425, 1000, f, 80)).toMatch(/^sweep \[#+\.+\] 425\/1000 runs {2}42\.5% {2}12\.3 runs\/s {2}ETA 3:10$/);
    expect(barLine('sweep', 425, 1000, f, 52)).toBe('sweep 425/1000 runs  42.5%  12.3 runs/s  ETA 3:10');
  });

  it('redraws the bar once a second while no run comes back (its ETA recomputed, not frozen); stops with the sweep', () => {
    vi.useFakeTimers();
    try {
      const out: string[] = [];
      const p = streamProgress({ write: (s: string) => out.push(s), isTTY: true, columns: 100 }, 'sweep', () => Date.now());
      p.start(20, 0, 1);
      for (let done = 1; done <= 10; done++) {
        vi.advanceTimersByTime(1000);
        p.update(done);
      }
      const drawn = out.length;
      const eta = (line: string) => /ETA (\d+):(\d\d)/.exec(line)!.slice(1).reduce((m, s) => 60 * m + Number(s), 0);
      const before = eta(out[drawn - 1]);
      // a long run: nothing comes back for 5 s
      vi.advanceTimersByTime(5000);
      const ticks = out.slice(drawn);
      expect(ticks.length).toBeGreaterThanOrEqual(4);
      expect(ticks.length).toBeLessThanOrEqual(5);
      expect(ticks.every((l) => l.startsWith('\rsweep [') && l.includes(' 10/20 runs'))).toBe(true);
      // the runs still out take longer than the rate so far said: the ETA moves with the clock
      expect(eta(ticks[ticks.length - 1])).toBeGreaterThan(before);
      p.finish(20, 'done');
      const ended = out.length;
      vi.advanceTimersByTime(5000);
      expect(out.length).toBe(ended);
    } finally {
      vi.useRealTimers();
    }
  });

  it('gives a sane first ETA although the first runs are slow (cold JIT) and the pipeline is filling', () => {
    // two workers, two runs in flight each; every worker's first run takes 4x as long: 0.4 s, then 0.1 s
    const total = 200;
    const back: number[] = [];
    for (let w = 0; w < 2; w++) for (let k = 0; k < total / 2; k++) back.push(0.4 + 0.1 * k);
    back.sort((a, b) => a - b);
    const end = back[back.length - 1];
    const meter = new RateMeter(0, 4);
    let first: { t: number; eta: number } | null = null;
    back.forEach((t, i) => {
      const f = meter.figures(i + 1, total, t);
      if (!first && Number.isFinite(f.eta)) first = { t, eta: f.eta };
    });
    expect(first).not.toBeNull();
    // the first ETA shown is within 10% of the time the sweep then took (before: 4x too long)
    expect((first!.t + first!.eta) / end).toBeGreaterThan(0.9);
    expect((first!.t + first!.eta) / end).toBeLessThan(1.1);
  });

  it('puts a message on a line of its own and ends the bar\'s line when quitting, so the prompt starts on a fresh line', () => {
    let screen = '';
    let t = 0;
    const p = streamProgress({ write: (s: string) => (screen += s), isTTY: true, columns: 60 }, 'sweep', () => t);
    p.start(10, 0, 1);
    t = 500;
    p.update(1);
    p.note('SIGINT: finishing the runs in flight');
    t = 1000;
    p.update(2);
    p.interrupt('quit at 2/10 runs');
    // eslint-disable-next-line no-control-regex -- the terminal escape (ESC [ K) is what is checked
    expect(screen).toMatch(/\r\x1b\[Ksweep: SIGINT: finishing the runs in flight\n\rsweep/);
    // eslint-disable-next-line no-control-regex -- the terminal escape (ESC [ K) is what is checked
    expect(screen).toMatch(/\x1b\[K\nsweep: quit at 2\/10 runs\n$/);
  });
});
