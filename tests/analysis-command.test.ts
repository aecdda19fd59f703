// `meerwaarde analyze` end to end on sweep folders written by the real sweep machinery, with test
// functions of known sensitivity standing in for the model.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runSweep } from '../src/sweep/sweep';
import { inlineExecutor } from '../src/sweep/pool';
import { createSweepWorkerApi } from '../src/sweep/workerApi';
import type { ModelApi } from '../src/sweep/runner';
import { silentProgress } from '../src/sweep/progress';
import { WHOLE } from '../src/sweep/plan';
import type { ResolvedExperiment } from '../src/sweep/resolve';
import type { DesignSpec } from '../src/sweep/designs';
import { analyzeCommand } from '../src/analysis/command';
import { ishigami, ishigamiIndices } from '../src/analysis/testFunctions';

const root = mkdtempSync(join(tmpdir(), 'mw-analyze-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;

type P = { params: Record<string, number | string> };
/** Outputs: ishigami(x1, x2, x3); a success-prone "score"; luck from the seed; the twin without strategy. */
const model: ModelApi = {
  modelVersion: 'test',
  setScenarioValue: (s, path, v) => {
    const c = structuredClone(s) as P;
    c.params[path.split('.')[1]] = v;
    return c;
  },
  runScenario: ({ scenario, seed }) => {
    const p = (scenario as P).params;
    const x = [Number(p.x1), Number(p.x2), Number(p.x3)];
    const luck = ((seed % 997) / 997 - 0.5) * 2;
    const strategy = p.stance === 'pull' ? 1 : 0;
    const twin = 5 + luck;
    return { summary: { ishigami: ishigami(x), score: twin + 3 * strategy + x[0], twin, luck }, monthly: [] };
  },
  summaryMetrics: (s) => s as Record<string, number>,
  clientsInMonth: () => 0,
};

async function sweep(design: DesignSpec, extra: Partial<ResolvedExperiment> = {}): Promise<string> {
  const dir = join(root, `s${n++}`);
  const experiment: ResolvedExperiment = {
    name: 'test',
    scenario: { params: {} },
    factors: ['x1', 'x2', 'x3'].map((name) => ({ name, path: `params.${name}`, distribution: { kind: 'uniform', min: -Math.PI, max: Math.PI } })),
    design,
    replicates: 1,
    seed: 3,
    seeds: 'common',
    months: 1,
    outputs: ['ishigami', 'score', 'twin', 'luck'],
    monthly: [],
    ...extra,
  };
  await runSweep({
    dir,
    experiment,
    modelVersion: 'test',
    shard: WHOLE,
    resume: false,
    workers: 1,
    startExecutor: async () => inlineExecutor(createSweepWorkerApi(model), experiment),
    progress: silentProgress,
  });
  return dir;
}

async function analyze(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  try {
    const code = await analyzeCommand(argv);
    return { code, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

describe('meerwaarde analyze', () => {
  it('sobol: indices of the Ishigami output from a Saltelli sweep, as JSON and as a table', async () => {
    const dir = await sweep({ kind: 'saltelli', baseSamples: 1024 });
    const { code, out } = await analyze([dir, '--method', 'sobol', '--output', 'ishigami', '--json', '--resamples', '200']);
    expect(code).toBe(0);
    const r = JSON.parse(out).results[0];
    const exact = ishigamiIndices();
    r.first.forEach((s: number, i: number) => expect(Math.abs(s - exact.first[i])).toBeLessThan(0.05));
    r.total.forEach((s: number, i: number) => expect(Math.abs(s - exact.total[i])).toBeLessThan(0.05));
    const table = await analyze([dir, '--method', 'sobol', '--output', 'ishigami', '--resamples', '100']);
    expect(table.out).toMatch(/Sobol' indices of ishigami/);
    expect(table.out).toMatch(/^x1 +0\.\d+ +\[0\.\d+, 0\.\d+\] +0\.5\d/m);
  });

  it('morris: ranks the Ishigami factors by mu*', async () => {
    const dir = await sweep({ kind: 'morris', trajectories: 40, levels: 4 });
    const { code, out } = await analyze([dir, '--method', 'morris', '--output', 'ishigami', '--json', '--resamples', '100']);
    expect(code).toBe(0);
    const r = JSON.parse(out).results[0];
    expect(r.trajectories).toBe(40);
    // x1 and x2 matter much more than x3 alone, but x3 interacts with x1 (sigma > 0)
    expect(Math.min(r.muStar[0], r.muStar[1])).toBeGreaterThan(r.muStar[2] * 0.5);
    expect(r.sigma[2]).toBeGreaterThan(0);
  });

  it('prim: finds where a stated success criterion holds', async () => {
    const dir = await sweep(
      { kind: 'lhs', samples: 600 },
      {
        factors: [
          { name: 'x1', path: 'params.x1', distribution: { kind: 'uniform', min: 0, max: 1 } },
          { name: 'x2', path: 'params.x2', distribution: { kind: 'uniform', min: 0, max: 1 } },
          { name: 'x3', path: 'params.x3', distribution: { kind: 'uniform', min: 0, max: 1 } },
          { name: 'stance', path: 'params.stance', distribution: { kind: 'levels', levels: ['push', 'pull'] } },
        ],
      },
    );
    // score = 5 + luck + 3 [stance = pull] + x1: success needs the pull stance (or great luck)
    const { code, out } = await analyze([dir, '--method', 'prim', '--success', 'score>=7.5', '--json']);
    expect(code).toBe(0);
    const r = JSON.parse(out);
    expect(r.criterion).toBe('score >= 7.5');
    expect(r.box.limits.stance).toEqual({ kind: 'categorical', levels: ['pull'] });
    expect(r.box.density).toBeGreaterThan(0.9);
    const table = await analyze([dir, '--method', 'prim', '--success', 'score>=7.5']);
    expect(table.out).toMatch(/PRIM peeling trajectory/);
    expect(table.out).toMatch(/stance +pull/);
  });

  it('luck: with common random numbers, splits strategy, common luck and interaction; and compares with the twin', async () => {
    const dir = await sweep(
      { kind: 'factorial' },
      {
        factors: [
          { name: 'x1', path: 'params.x1', distribution: { kind: 'levels', levels: [0, 0.5, 1] } },
          { name: 'stance', path: 'params.stance', distribution: { kind: 'levels', levels: ['push', 'pull'] } },
        ],
        replicates: 40,
      },
    );
    const { code, out } = await analyze([dir, '--method', 'luck', '--output', 'score', '--twin', 'twin', '--json']);
    expect(code).toBe(0);
    const r = JSON.parse(out);
    expect(r.decomposition.kind).toBe('two-way');
    // luck is shared by all points and adds no interaction here
    expect(r.decomposition.interactionShare).toBeLessThan(1e-9);
    expect(r.decomposition.strategyShare + r.decomposition.luckShare).toBeCloseTo(1, 9);
    // actual - twin = 3 [pull] + x1: mean 1.5 + 0.5
    expect(r.twin.meanEffect).toBeCloseTo(2, 9);
  });

  it('equifinality: reports distinct successful configurations', async () => {
    const dir = await sweep(
      { kind: 'factorial' },
      {
        factors: [
          { name: 'x1', path: 'params.x1', distribution: { kind: 'levels', levels: [0, 0.25, 0.5, 0.75, 1] } },
          { name: 'stance', path: 'params.stance', distribution: { kind: 'levels', levels: ['push', 'pull'] } },
        ],
      },
    );
    const { code, out } = await analyze([dir, '--method', 'equifinality', '--output', 'score', '--json', '--top', '0.4', '--radius', '0.3']);
    expect(code).toBe(0);
    const r = JSON.parse(out);
    expect(r.top).toBe(4);
    expect(r.distinct).toBeGreaterThanOrEqual(1);
    expect(r.groups[0].leader).toEqual([1, 'pull']);
  });

  it('names what is wrong, with exit code 2', async () => {
    const dir = await sweep({ kind: 'lhs', samples: 10 });
    const sobol = await analyze([dir, '--method', 'sobol']);
    expect(sobol.code).toBe(2);
    expect(sobol.err).toMatch(/\$\.design\.kind: Sobol analysis needs a "saltelli" design; this sweep's is "lhs"/);
    expect((await analyze([dir, '--method', 'magic'])).err).toMatch(/--method must be one of sobol, morris, prim, luck, equifinality/);
    expect((await analyze([dir, '--method', 'luck'])).err).toMatch(/name it with --output/);
    expect((await analyze([dir, '--method', 'prim', '--success', 'nope>1'])).err).toMatch(/no output "nope"/);
    expect((await analyze([join(root, 'missing'), '--method', 'prim'])).code).toBe(2);
  });
});

// Regressions from an adversarial review, through the built bin: too little data or a damaged folder is
// the user's input (exit 2, a line naming the folder or file and what is wrong), not an internal error.
describe('meerwaarde analyze (built bin): bad folders and too little data', () => {
  const BIN = join(process.cwd(), 'bin', 'meerwaarde.mjs');
  const bin = (...args: string[]) => {
    const r = spawnSync(process.execPath, [BIN, 'analyze', ...args], { encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).not.toMatch(/\n\s+at |internal error/);
    return { code: r.status, out: r.stdout, err: r.stderr };
  };

  it('luck without replicates, and every method on outputs that are all NaN', async () => {
    const dir = await sweep({ kind: 'lhs', samples: 10 });
    const r = bin(dir, '--method', 'luck', '--output', 'score');
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${dir}: $: luck: a luck decomposition needs at least 2 design points and more runs than points (got 10 points, 10 runs)`);
    const nan = join(root, `nan${n++}`);
    mkdirSync(nan);
    copyFileSync(join(dir, 'experiment.json'), join(nan, 'experiment.json'));
    writeFileSync(join(nan, 'runs.csv'), 'run,point,replicate,seed,x1,x2,x3,score\n0,0,0,1,0,0,0,NaN\n1,1,0,1,0,0,0,NaN\n');
    expect(bin(nan, '--method', 'prim', '--success', 'score>1').err).toContain('prim: PRIM needs at least one run with a finite outcome');
    expect(bin(nan, '--method', 'equifinality').err).toContain('equifinality: no configuration has a finite outcome');
  });

  it('a folder that is missing or a file, an experiment.json that is null or damaged, a runs.csv that is a folder', async () => {
    const dir = await sweep({ kind: 'lhs', samples: 4 });
    const resolved = JSON.parse(readFileSync(join(dir, 'experiment.json'), 'utf8'));
    const bad = (name: string, experiment: unknown, runsIsFolder = false) => {
      const d = join(root, `${name}${n++}`);
      mkdirSync(d);
      writeFileSync(join(d, 'experiment.json'), JSON.stringify(experiment));
      if (runsIsFolder) mkdirSync(join(d, 'runs.csv'));
      else copyFileSync(join(dir, 'runs.csv'), join(d, 'runs.csv'));
      return d;
    };
    const cases: [string, string][] = [
      [join(root, 'missing'), 'no such folder'],
      [join(dir, 'runs.csv'), 'is a file, not a sweep folder'],
      [bad('null', null), 'experiment.json: $: must be an object'],
      [bad('kind', { ...resolved, design: { kind: 'wat' } }), 'experiment.json: $.design.kind: must be one of'],
      [bad('dist', { ...resolved, factors: [{ name: 'x1', path: 'params.x1', distribution: { kind: 'uniform', min: 'a' } }] }), 'experiment.json: $.factors[0].distribution: needs numbers "min" and "max"'],
      [bad('runs', resolved, true), 'runs.csv: $: is a folder, not a file'],
    ];
    for (const [folder, message] of cases) {
      const r = bin(folder, '--method', 'prim', '--success', 'score>1');
      expect(r.code, `${folder}: ${r.err}`).toBe(2);
      expect(r.err).toContain(message);
    }
  });
});
