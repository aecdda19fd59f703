// The worker's API, run in Node with the real engine: frames carry aggregates, controls are stamped
// with the current month, a replay of the control list gives the same summary as the live run, and the
// exported summary equals a fresh Simulation of the effective scenario (what the command line runs).
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/engine/simulation';
import { BUILTIN_SCENARIOS, resolveConfig, parseScenario } from '../../src/scenario/index';
import { createSandboxApi, SERIES_COLUMNS, type PlayerControl } from '../../src/engine/sandbox-api';

const engine = { Simulation, scenarios: BUILTIN_SCENARIOS, resolve: resolveConfig };
const load = { scenarioId: 'baseline', seed: 3, months: 24, controls: [] as PlayerControl[], toMonth: 0, sampleSize: 300 };

describe('the sandbox API', () => {
  it('lists every scenario with its title, description and starting settings', () => {
    const api = createSandboxApi(engine);
    const list = api.scenarios();
    expect(list.map((s) => s.id)).toEqual(BUILTIN_SCENARIOS.map((s) => s.id));
    expect(list[0].id).toBe('baseline');
    for (const s of list) {
      expect(s.title.nl && s.title.en && s.description.nl && s.description.en).toBeTruthy();
      expect(s.settings['managers.W.stance.value']).toBeGreaterThanOrEqual(0);
      expect(s.settings['params.luckIntensity']).toBeGreaterThanOrEqual(0);
    }
  });

  it('steps in batches and sends aggregates: the latest snapshot, a status sample and series rows', () => {
    const api = createSandboxApi(engine);
    const f0 = api.load(load);
    expect(f0.month).toBe(0);
    // month 0 already has a state to draw (issue 7, defect 7: the canvas was empty before the first step)
    expect(f0.snapshot.month).toBe(0);
    expect(f0.snapshot.stock).toBeGreaterThan(1000);
    expect(f0.snapshot.meta.corners.value).toBeGreaterThan(0);
    expect(Object.values(f0.snapshot.loop.levels).every((v) => v > 0)).toBe(true);
    const f = api.advance({ months: 5, report: true });
    expect(f.month).toBe(5);
    expect(f.snapshot?.month).toBe(5);
    expect(f.series.length).toBe(5 * SERIES_COLUMNS.length);
    expect(f.series[0]).toBe(1);
    expect(f.sample).toBeInstanceOf(Uint8Array);
    expect(f.sample.length).toBe(300);
    expect(f.sample.byteOffset).toBe(0);
    expect(f.sample.buffer.byteLength).toBe(300); // its own buffer, safe to transfer
    expect(f.report?.account).toHaveLength(7);
    const budget = api.advance({ months: 1000, budgetMs: 0, report: false });
    expect(budget.month).toBe(6); // a budget of 0 ms still steps one month
    const rest = api.advance({ months: 1000, report: false });
    expect(rest.done).toBe(true);
    expect(rest.month).toBe(24);
  });

  it('stamps controls with the current month, replaces a repeated setting, and replays them from a link', () => {
    const api = createSandboxApi(engine);
    api.load(load);
    api.advance({ months: 2, report: false });
    const [a] = api.control([{ type: 'set', path: 'managers.H.courage', value: 0.9 }]);
    expect(a).toEqual({ month: 2, type: 'set', path: 'managers.H.courage', value: 0.9 });
    api.control([{ type: 'set', path: 'managers.H.courage', value: 0.2 }]);
    api.advance({ months: 3, report: false });
    api.control([{ type: 'recession' }]);
    const live = api.advance({ months: 1000, report: true });
    expect(live.controls).toEqual([
      { month: 2, type: 'set', path: 'managers.H.courage', value: 0.2 },
      { month: 5, type: 'recession' },
    ]);
    const replay = createSandboxApi(engine);
    const again = replay.load({ ...load, controls: live.controls, toMonth: 24 });
    expect(again.report?.managers).toEqual(live.report?.managers);
    expect(again.report?.account).toEqual(live.report?.account);
    expect(replay.exportSummaryJson()).toBe(api.exportSummaryJson());
  });

  it('exports the bytes a fresh run of the effective scenario gives (the command line)', () => {
    const api = createSandboxApi(engine);
    api.load(load);
    api.advance({ months: 4, report: false });
    api.control([{ type: 'set', path: 'managers.W.stance.legitimacy', value: 0 }, { type: 'boom' }]);
    api.advance({ months: 3, report: false }); // mid-run: the export covers the whole run
    const scenario = parseScenario(JSON.parse(api.exportScenarioJson()), 'exported');
    const sim = new Simulation({ scenario, seed: 3, months: 24 });
    sim.run();
    expect(api.exportSummaryJson()).toBe(sim.summaryJson());
    expect(api.exportMonthlyCsv()).toBe(sim.monthlyCsv());
  });

  it('rejects bad controls from a link', () => {
    const api = createSandboxApi(engine);
    expect(() => api.load({ ...load, controls: [{ month: 30, type: 'recession' }] })).toThrow(/month out of range/);
    expect(() => api.load({ ...load, controls: [{ month: 1, type: 'set', path: 'params.N0', value: 5 }] })).toThrow(/unknown setting/);
    api.load(load);
    api.advance({ months: 24, report: false });
    expect(() => api.control([{ type: 'boom' }])).toThrow(/over/);
  });
});
