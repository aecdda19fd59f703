// A wrong answer is never a success (issue 12): run and sweep check their output before they commit it.
// The check (src/engine/audit.ts) on real runs, the scenario setting it blames (found by real reruns),
// `run` writing nothing and exiting 1 when the check fails, and a sweep recording the failed run and going on.
// The reported scenarios through the command line, judged from the written files: tests/cli-edges.test.ts.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commitRun } from '../src/cli/run';
import { EXIT_INTERNAL } from '../src/cli/errors';
import { assertSaneRun, auditRun, auditSnapshots, frameOf, RunCheckError, type RunFault } from '../src/engine/audit';
import { Simulation } from '../src/engine/simulation';
import type { MonthSnapshot } from '../src/model/types';
import { parseScenario } from '../src/scenario/parse';
import { modelApi } from '../src/sweep/model';
import { inlineExecutor } from '../src/sweep/pool';
import { silentProgress } from '../src/sweep/progress';
import { WHOLE } from '../src/sweep/plan';
import { parseExperiment, resolveExperiment } from '../src/sweep/resolve';
import { prepareExperiment } from '../src/sweep/prepare';
import { runSweep } from '../src/sweep/sweep';
import { createSweepWorkerApi } from '../src/sweep/workerApi';

const text = { nl: 'r', en: 'r' };
const doc = (fields: Record<string, unknown>) => ({ id: 'r', title: text, description: text, notice: text, ...fields });
const root = mkdtempSync(join(tmpdir(), 'mw-check-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let dirs = 0;
const fresh = () => join(root, `d${dirs++}`);

function ran(fields: Record<string, unknown>, months = 24, seed = 3): Simulation {
  const sim = new Simulation({ scenario: parseScenario(doc(fields)), seed, months });
  sim.run();
  return sim;
}

describe('the output check', () => {
  const sim = ran({ params: { N0: 300 } });
  const snaps = () => structuredClone(sim.snapshots) as MonthSnapshot[];

  it('passes a real run', () => {
    expect(auditRun(sim)).toBeNull();
  });

  it('finds the first non-finite number, with its month and quantity', () => {
    const s = snaps();
    s[6].managers.W.verdict = NaN;
    s[9].environment.vacancies = Infinity;
    expect(auditSnapshots(s, frameOf(sim))).toEqual<RunFault>({ month: 7, quantity: 'managers.W.verdict', value: NaN, expected: 'a number in [0, 1]' });
  });

  it('finds a quantity outside its documented range', () => {
    const s = snaps();
    s[3].audiences.council.support = 1.2;
    expect(auditSnapshots(s, frameOf(sim))).toMatchObject({ month: 4, quantity: 'audiences.council.support', value: 1.2 });
    const t = snaps();
    t[2].environment.labourMarket = 0;
    expect(auditSnapshots(t, frameOf(sim))).toMatchObject({ month: 3, quantity: 'environment.labourMarket' });
  });

  it('finds clients who are not accounted for, and a caseload above the inhabitants', () => {
    const s = snaps();
    s[5].caseload.employed[1] += 1;
    expect(auditSnapshots(s, frameOf(sim))).toMatchObject({ month: 6, quantity: 'caseload (clients accounted for)' });
    expect(auditSnapshots(sim.snapshots, { ...frameOf(sim), inhabitants: 200 })).toMatchObject({ month: 1, quantity: 'stock' });
  });

  it('blames the setting without which the run passes (found by running the scenario again without each)', () => {
    // a stricter check than the model's own (a yearly inflow of at most 35% of the caseload) stands in for a
    // defect that one setting triggers
    const strict = (s: Simulation): RunFault | null => {
      const inflow = s.summary().patterns.yearlyInflow;
      return inflow > 0.35 ? { month: s.month, quantity: 'summary.patterns.yearlyInflow', value: inflow, expected: 'at most 0.35' } : null;
    };
    const busy = ran({ params: { N0: 300, inflowRateYear: 0.5, ladderUp: 0.2 }, managers: { W: { courage: 0.3 } }, events: [{ month: 2, type: 'boom' }] });
    let error: unknown = null;
    try {
      assertSaneRun(busy, strict);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RunCheckError);
    const e = error as RunCheckError;
    expect(e.fault).toMatchObject({ month: 24, quantity: 'summary.patterns.yearlyInflow' });
    expect(e.suspects).toEqual(['$.params.inflowRateYear']);
    expect(e.message).toMatch(/^the output check failed at month 24: summary\.patterns\.yearlyInflow is 0\.\d+ \(expected at most 0\.35\); most likely at fault: \$\.params\.inflowRateYear \(the run passes without it\)$/);
  });

  it('run writes nothing and exits 1 when the check fails, naming the month and the quantity', async () => {
    // a model defect, made by hand: the actual world's morale turns NaN in month 10
    const broken = new Simulation({ scenario: parseScenario(doc({ params: { N0: 200 } })), seed: 1, months: 20 });
    broken.run(9);
    broken.world.staffMorale = NaN;
    broken.run();
    const out = fresh();
    const written: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string) => (written.push(String(chunk)), true)) as typeof process.stderr.write;
    let code: number;
    try {
      code = await commitRun(broken, 'broken.json', out, true);
    } finally {
      process.stderr.write = write;
    }
    expect(code).toBe(EXIT_INTERNAL);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
    const message = written.join('');
    expect(message).toMatch(/^meerwaarde run: broken\.json: the output check failed at month 10: environment\.staffMorale is NaN \(expected a number in \[0, 1\]\)/);
    // a fresh run of the scenario does not fail, so no setting is blamed
    expect(message).toMatch(/a fresh run of the same scenario and seed does not fail: a defect outside the scenario \(please report\); nothing was written to .*\/\n$/);
  });
});

describe('a sweep', () => {
  /** Prepares an experiment (inline, scenarios checked by the schema) and sweeps it in this thread with `api`. */
  async function sweep(json: Record<string, unknown>, api: typeof modelApi, onRunError?: (run: number) => void) {
    const experiment = prepareExperiment(
      resolveExperiment(parseExperiment(json, 'x.json'), 'x.json', { load: () => ({}), check: (doc, source) => parseScenario(doc, source) as Record<string, unknown> }),
      'x.json',
      api,
    );
    const dir = fresh();
    const { manifest } = await runSweep({
      dir,
      experiment,
      modelVersion: api.modelVersion,
      shard: WHOLE,
      resume: false,
      workers: 1,
      startExecutor: async () => inlineExecutor(createSweepWorkerApi(api), experiment),
      progress: silentProgress,
      onRunError,
    });
    return { dir, manifest };
  }

  it('records a run that fails as failed, with the reason, in the manifest, and goes on', async () => {
    // every combination of the four powers at 0 or 0.5: one of the 16 (all 0) is refused by the schema
    const failed: number[] = [];
    const { dir, manifest } = await sweep(
      {
        name: 'powers',
        scenario: doc({ params: { N0: 100 } }),
        factors: ['council', 'public', 'clients', 'employers'].map((id) => ({ path: `audiences.${id}.power`, name: id, levels: [0, 0.5] })),
        design: { kind: 'factorial' },
        seed: 5,
        months: 3,
        outputs: ['dimensions.political.score'],
      },
      modelApi,
      (run) => failed.push(run),
    );
    expect(manifest.status).toBe('complete');
    expect(manifest.counts).toMatchObject({ runs: 16, done: 16, failed: 1 });
    expect(failed).toHaveLength(1);
    expect(manifest.failures).toEqual([{ run: failed[0], message: expect.stringMatching(/\$\.audiences: .*every audience has power 0/) }]);
    const rows = readFileSync(join(dir, 'runs.csv'), 'utf8').trimEnd().split('\n').slice(1);
    expect(rows).toHaveLength(16);
    expect(rows.filter((r) => r.endsWith(',NaN'))).toHaveLength(1);
    expect(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')).failures).toEqual(manifest.failures);
  });

  it('records a run whose output fails the check as failed, naming the month and the quantity, and goes on', async () => {
    // a model defect, made by hand in the runs with N0 150: their morale turns NaN in month 2; the real check finds it
    const defective = {
      ...modelApi,
      runScenario(input: { scenario: Record<string, unknown>; seed: number; months?: number }) {
        const sim = new Simulation(input as unknown as ConstructorParameters<typeof Simulation>[0]);
        sim.run(1);
        if ((input.scenario.params as { N0?: number } | undefined)?.N0 === 150) sim.world.staffMorale = NaN;
        sim.run();
        assertSaneRun(sim);
        return { summary: sim.summary(), monthly: sim.snapshots };
      },
    } as typeof modelApi;
    const { dir, manifest } = await sweep(
      { name: 'defect', scenario: doc({}), factors: [{ path: 'params.N0', name: 'N0', levels: [100, 150, 200] }], design: { kind: 'factorial' }, seed: 5, months: 3, outputs: ['composite.final'] },
      defective,
    );
    expect(manifest.status).toBe('complete');
    expect(manifest.counts).toMatchObject({ runs: 3, done: 3, failed: 1 });
    expect(manifest.failures).toEqual([{ run: 1, message: expect.stringMatching(/^the output check failed at month 2: environment\.staffMorale is NaN \(expected a number in \[0, 1\]\); a fresh run of the same scenario and seed does not fail/) }]);
    const rows = readFileSync(join(dir, 'runs.csv'), 'utf8').trimEnd().split('\n').slice(1);
    expect(rows.map((r) => r.endsWith(',NaN'))).toEqual([false, true, false]);
  });
});
