// Rewind and branch in the engine (src/engine/replay.ts), with the real model: a branch is its controls
// plus a month; it replays exactly, so the two branches are the same run up to the branch month; the
// change replaces a setting of the same path in that month and keeps every other control; replays are
// the same whether cached or fresh; bad specs are refused with a message.
import { describe, expect, it } from 'vitest';
import { Simulation } from '../src/engine/simulation';
import { BUILTIN_SCENARIOS, resolveConfig } from '../src/scenario/index';
import { branchSpec, createReplayApi, sameSpec, type RunSpec } from '../src/engine/replay';
import { createSandboxApi } from '../src/engine/sandbox-api';

const engine = { Simulation, scenarios: BUILTIN_SCENARIOS, resolve: resolveConfig };
const base: RunSpec = {
  scenarioId: 'baseline',
  seed: 12,
  months: 30,
  controls: [
    { month: 0, type: 'set', path: 'managers.H.courage', value: 0.7 },
    { month: 10, type: 'set', path: 'managers.W.stance.value', value: 0.2 },
    { month: 18, type: 'recession' },
  ],
};
const SERIES = ['composite', 'stock', 'meta.alignment', 'managers.W.stance.value'];

describe('rewind and branch', () => {
  it('a branch stamps the change at its month, replaces the same setting there, and keeps every other control', () => {
    const b = branchSpec(base, { month: 10, change: [{ type: 'set', path: 'managers.W.stance.value', value: 0.9 }] });
    expect(b.controls).toEqual([
      { month: 0, type: 'set', path: 'managers.H.courage', value: 0.7 },
      { month: 10, type: 'set', path: 'managers.W.stance.value', value: 0.9 },
      { month: 18, type: 'recession' },
    ]);
    const card = branchSpec(base, { month: 10, change: [{ type: 'boom' }] });
    expect(card.controls.map((c) => `${c.month}:${c.type}`)).toEqual(['0:set', '10:boom', '10:set', '18:recession']);
    expect(() => branchSpec(base, { month: 30, change: [{ type: 'boom' }] })).toThrow(/outside 0..29/);
    expect(() => branchSpec(base, { month: 3, change: [] })).toThrow(/needs a change/);
    expect(sameSpec(base, { ...base, controls: [...base.controls] })).toBe(true);
    expect(sameSpec(base, card)).toBe(false);
  });

  it('the two branches are the same run up to the branch month and part ways after it', () => {
    const api = createReplayApi(engine);
    const month = 14;
    const b = branchSpec(base, { month, change: [{ type: 'set', path: 'managers.W.stance.value', value: 1 }] });
    const ra = api.replay({ spec: base, series: SERIES });
    const rb = api.replay({ spec: b, series: SERIES });
    const rows = (r: typeof ra) => Array.from({ length: r.months }, (_, i) => Array.from(r.series.slice(i * SERIES.length, (i + 1) * SERIES.length)));
    expect(rows(rb).slice(0, month)).toEqual(rows(ra).slice(0, month));
    expect(rows(rb)[month][3]).toBe(1);
    expect(rows(rb).slice(month)).not.toEqual(rows(ra).slice(month));
    expect(ra.regimes).toHaveLength(30);
    expect(ra.labelScale[0]).toEqual({ label: 'success', min: expect.any(Number) });
    expect(Object.keys(ra.audienceWeights)).toEqual(['council', 'public', 'clients', 'employers']);
    expect(ra.audienceWeights.council).toHaveLength(ra.indicators.length);
  });

  it('replays the same numbers fresh or cached, and exports what a fresh Simulation of the effective scenario writes', () => {
    const api = createReplayApi(engine);
    const first = api.replay({ spec: base, series: SERIES, snapshotsAt: [5] });
    const again = api.replay({ spec: base, series: SERIES, snapshotsAt: [5] });
    const fresh = createReplayApi(engine).replay({ spec: base, series: SERIES, snapshotsAt: [5] });
    expect(Array.from(again.series)).toEqual(Array.from(first.series));
    expect(Array.from(fresh.series)).toEqual(Array.from(first.series));
    expect(fresh.metrics).toEqual(first.metrics);
    expect(first.snapshots.map((s) => s.month)).toEqual([5]);
    const files = api.exportRun(base);
    const sim = new Simulation({ scenario: JSON.parse(files.scenarioJson), seed: base.seed, months: base.months });
    sim.run();
    expect(files.summaryJson).toBe(sim.summaryJson());
    expect(files.monthlyCsv.split('\n').slice(1).map((l) => l.split(',').slice(3).join(','))).toEqual(sim.monthlyCsv().split('\n').slice(1).map((l) => l.split(',').slice(3).join(',')));
    expect(JSON.parse(api.scenarioJson('recession')).id).toBe('recession');
  });

  it('refuses a spec it cannot run, naming what is wrong', () => {
    const api = createReplayApi(engine);
    expect(() => api.replay({ spec: { ...base, scenarioId: 'atlantis' } })).toThrow(/unknown scenario: atlantis/);
    expect(() => api.replay({ spec: { ...base, seed: -1 } })).toThrow(/seed/);
    expect(() => api.replay({ spec: { ...base, controls: [{ month: 40, type: 'boom' }] } })).toThrow(/control month out of range: 40/);
    expect(() => api.replay({ spec: { ...base, controls: [{ month: 1, type: 'set', path: 'params.kappaBase', value: 1 }] } })).toThrow(/unknown setting/);
    expect(() => api.scenarioJson('atlantis')).toThrow(/unknown scenario/);
  });
});

describe('a replay for the stage', () => {
  it('gives the snapshot and the sampled clients at the months asked for, as a live run reads them', () => {
    const api = createReplayApi(engine);
    const r = api.replay({ spec: base, snapshotsAt: [6, 12], sampleSize: 200 });
    expect(r.snapshots.map((s) => s.month)).toEqual([6, 12]);
    expect(r.samples).toHaveLength(2);
    expect(r.samples[0]).toHaveLength(200);
    // the same months of a live sandbox run (the sandbox API) give the same dots
    const live = createSandboxApi(engine);
    live.load({ scenarioId: base.scenarioId, seed: base.seed, months: base.months, controls: base.controls, toMonth: 0, sampleSize: 200 });
    const frames = Array.from({ length: 12 }, () => live.advance({ months: 1, report: false }));
    expect(Array.from(r.samples[0])).toEqual(Array.from(frames[5].sample));
    expect(Array.from(r.samples[1])).toEqual(Array.from(frames[11].sample));
  });
});
