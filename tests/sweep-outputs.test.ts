// What a sweep writes, read back as a user would: the experiment.json of every design kind validates and,
// swept again through the built command line, gives the same experiment hash and the same bytes; the
// sweep's monthly.csv has the columns and values of meerwaarde run's; the manifest says what made it.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadExperiment } from '../src/sweep/commandSupport';
import { makeDesign } from '../src/sweep/designs';
import { modelApi } from '../src/sweep/model';
import { inlineExecutor } from '../src/sweep/pool';
import { prepareExperiment } from '../src/sweep/prepare';
import { silentProgress } from '../src/sweep/progress';
import { WHOLE } from '../src/sweep/plan';
import { runSweep } from '../src/sweep/sweep';
import { createSweepWorkerApi } from '../src/sweep/workerApi';
import { MODEL_VERSION } from '../src/model/version';

const BIN = join(process.cwd(), 'bin', 'meerwaarde.mjs');
const work = mkdtempSync(join(tmpdir(), 'mw-roundtrip-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const bin = (...args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const read = (dir: string, f: string) => readFileSync(join(dir, f), 'utf8');

/** every distribution, defaults left out (the written file must spell them out) */
const factors = [
  { path: 'params.inflowRateYear', range: [0.15, 0.3] },
  { path: 'params.betaSvc', name: 'betaSvc', range: [0.2, 1.2], distribution: 'normal' },
  { path: 'params.trajMonths', range: [3, 12], integer: true },
  { path: 'params.luckIntensity', name: 'luck', range: [0.1, 2], distribution: 'loguniform' },
  { path: 'managers.H.courage', name: 'courageH', range: [0, 1], distribution: 'triangular', mode: 0.7 },
  { path: 'managers.W.stance.value', name: 'stanceW', levels: [0, 0.5, 1] },
];
const designs: Record<string, { design: object; factors?: object[] }> = {
  factorial: { design: { kind: 'factorial', steps: 2 }, factors: [factors[0], factors[2], factors[5]].map((f) => (f === factors[2] ? { ...f, range: [3, 4] } : f)) },
  list: { design: { kind: 'list', points: [{ 'params.inflowRateYear': 0.2, betaSvc: 0.5 }, { 'params.inflowRateYear': 0.25, betaSvc: 1 }] }, factors: factors.slice(0, 2) },
  montecarlo: { design: { kind: 'montecarlo', samples: 3 } },
  lhs: { design: { kind: 'lhs', samples: 3, centered: true } },
  sobol: { design: { kind: 'sobol', samples: 4 } },
  saltelli: { design: { kind: 'saltelli', baseSamples: 2 }, factors: factors.slice(0, 2) },
  morris: { design: { kind: 'morris', trajectories: 2, levels: 4 }, factors: factors.slice(0, 3) },
};

describe("a sweep's experiment.json", () => {
  it.each(Object.keys(designs))('%s: validates, and reruns to the same hash and bytes', async (kind) => {
    const { design, factors: own } = designs[kind];
    const file = join(work, `${kind}.json`);
    // the scenario by path, relative to the experiment file; "all outputs" for one kind
    writeFileSync(
      file,
      JSON.stringify({
        scenario: join(process.cwd(), 'scenarios', 'baseline.json'),
        factors: own ?? factors,
        design,
        replicates: 2,
        seed: 5,
        months: 2,
        ...(kind === 'lhs' ? {} : { outputs: ['dimensions.programmatic.score', 'caseload.stock'] }),
        monthly: ['stock', 'meta.balance'],
      }),
    );
    const first = join(work, `${kind}-first`);
    const experiment = prepareExperiment(loadExperiment(file, true), file, modelApi);
    const report = await runSweep({
      dir: first,
      experiment,
      modelVersion: modelApi.modelVersion,
      shard: WHOLE,
      resume: false,
      workers: 1,
      startExecutor: async () => inlineExecutor(createSweepWorkerApi(modelApi), experiment),
      progress: silentProgress,
    });
    expect(report.manifest.status).toBe('complete');

    const written = join(first, 'experiment.json');
    const check = bin('validate', written);
    expect(check.code, check.err).toBe(0);
    expect(check.out).toBe(`ok: ${written} is a valid experiment\n`);
    const again = join(work, `${kind}-again`);
    const rerun = bin('sweep', written, '--out', again, '--workers', '1', '--quiet');
    expect(rerun.code, rerun.err).toBe(0);
    for (const f of ['runs.csv', 'monthly.csv', 'experiment.json']) expect(read(again, f), f).toBe(read(first, f));
    expect(JSON.parse(read(again, 'manifest.json')).experimentHash).toBe(report.manifest.experimentHash);
    // the design matrix of the written file is the original's
    const points = (f: string) => {
      const e = loadExperiment(f, false);
      const d = makeDesign(e.design, e.factors, e.seed);
      return Array.from({ length: d.size }, (_, i) => d.point(i));
    };
    expect(points(written)).toEqual(points(file));
  }, 60_000);
});

describe('one column naming convention', () => {
  it("a sweep's monthly.csv names and values its series as meerwaarde run's monthly.csv does", () => {
    const series = ['stock', 'meta.balance', 'managers.W.corners.value', 'z.workOutflow', 'caseload.benefit.tier3', 'loop.flows.1', 'loop.regime', 'twin.stock', 'events.count'];
    const file = join(work, 'names.json');
    // one run: the sweep sets inflowRateYear to 0.2 on the baseline, meerwaarde run gets that scenario
    const scenario = join(work, 'names-scenario.json');
    const baseline = JSON.parse(readFileSync(join(process.cwd(), 'scenarios', 'baseline.json'), 'utf8'));
    writeFileSync(scenario, JSON.stringify({ ...baseline, $schema: undefined, params: { ...baseline.params, inflowRateYear: 0.2 } }));
    writeFileSync(
      file,
      JSON.stringify({
        scenario: join(process.cwd(), 'scenarios', 'baseline.json'),
        factors: [{ path: 'params.inflowRateYear', levels: [0.2] }],
        design: { kind: 'factorial' },
        seed: 9,
        months: 6,
        outputs: ['caseload.stock'],
        monthly: series,
      }),
    );
    const out = join(work, 'names-sweep');
    const swept = bin('sweep', file, '--out', out, '--workers', '1', '--quiet');
    expect(swept.code, swept.err).toBe(0);
    const [sweepHeader, ...sweepRows] = read(out, 'monthly.csv').trimEnd().split('\n');
    expect(sweepHeader).toBe(['run', 'month', ...series].join(','));
    const seed = read(out, 'runs.csv').split('\n')[1].split(',')[3];
    const runOut = join(work, 'names-run');
    const ran = bin('run', scenario, '--seed', seed, '--months', '6', '--out', runOut);
    expect(ran.code, ran.err).toBe(0);
    const [runHeader, ...runRows] = read(runOut, 'monthly.csv').trimEnd().split('\n');
    const columns = runHeader.split(',');
    for (const name of ['month', ...series]) expect(columns, name).toContain(name);
    // the same values (run rounds to 6 decimals)
    const round6 = (v: string) => (Number.isNaN(Number(v)) ? v : String(Math.round(Number(v) * 1e6) / 1e6));
    expect(sweepRows).toHaveLength(runRows.length);
    sweepRows.forEach((line, m) => {
      const swept = line.split(',').slice(1);
      const ran = runRows[m].split(',');
      ['month', ...series].forEach((name, j) => expect(round6(swept[j]), `month ${m + 1} ${name}`).toBe(round6(ran[columns.indexOf(name)])));
    });
  }, 60_000);
});

describe('manifest provenance', () => {
  it('names the tool (package.json version, git commit), the model version, Node, the platform, and the SHA-256 of every output file', () => {
    const file = join(work, 'provenance.json');
    writeFileSync(
      file,
      JSON.stringify({
        scenario: join(process.cwd(), 'scenarios', 'baseline.json'),
        factors: [{ path: 'params.inflowRateYear', range: [0.15, 0.3] }],
        design: { kind: 'montecarlo', samples: 3 },
        seed: 2,
        months: 2,
        outputs: ['caseload.stock'],
        monthly: ['stock'],
      }),
    );
    const out = join(work, 'provenance');
    const r = bin('sweep', file, '--out', out, '--workers', '1', '--quiet');
    expect(r.code, r.err).toBe(0);
    const m = JSON.parse(read(out, 'manifest.json'));
    const pkg = JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8'));
    const git = spawnSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' });
    expect(git.status, 'the tests run in a git checkout').toBe(0);
    expect(m.tool).toEqual({ name: 'meerwaarde', version: pkg.version, commit: git.stdout.trim(), dirty: expect.any(Boolean) });
    expect(m.modelVersion).toBe(MODEL_VERSION);
    expect(m.runtime).toMatchObject({ node: process.version, platform: process.platform, arch: process.arch, cores: expect.any(Number) });
    const sha = (f: string) => createHash('sha256').update(readFileSync(join(out, f))).digest('hex');
    expect(m.files.sha256).toEqual({ 'runs.csv': sha('runs.csv'), 'monthly.csv': sha('monthly.csv'), 'experiment.json': sha('experiment.json') });
    expect(m.sessions).toEqual([expect.objectContaining({ runs: 3, workers: 1, tool: expect.stringContaining(pkg.version), node: process.version, ended: expect.any(String) })]);
    // the banner shows both versions
    expect(bin('--version').out).toBe(`meerwaarde ${pkg.version} (model ${MODEL_VERSION})\n`);
    expect(bin('--help').out.split('\n')[0]).toMatch(new RegExp(`^meerwaarde ${pkg.version} \\(model ${MODEL_VERSION.replace(/\./g, '\\.')}\\): `));
  }, 60_000);
});
