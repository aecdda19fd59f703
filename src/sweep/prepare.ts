// Before a sweep starts: check every factor path and value against the base scenario, and the
// outputs and monthly series against what the model reports, so that mistakes are found in a
// second with a message naming the JSON path, not after an hour of runs.
import { InputError, jsonPath, type InputIssue } from '../scenario/parse';
import type { ResolvedExperiment } from './resolve';
import { seriesValue, type ModelApi } from './runner';
import { fromUnit, gridValues } from './factors';

/**
 * Values that probe a factor: every level, or the ends and middle of its range and, for a continuous
 * factor, one value off that grid (so a parameter that takes whole numbers only, swept without
 * "integer": true, is caught here rather than failing every run).
 */
function probeValues(e: ResolvedExperiment, i: number): (number | string)[] {
  const d = e.factors[i].distribution;
  if (d.kind === 'levels') return d.levels;
  const grid = gridValues(d, 3);
  return d.kind === 'integer' ? grid : [...grid, fromUnit(d, OFF_GRID)];
}

/** A point of the unit interval that no grid of a few steps hits. */
const OFF_GRID = 0.3090169943749474;

function listing(names: string[]): string {
  const shown = names.slice(0, 15).join(', ');
  return names.length > 15 ? `${shown}, ... (${names.length} in all; see docs/research.md)` : shown;
}

/** A list design names its values itself: each must be one the scenario accepts (checked once per distinct value). */
function checkListPoints(e: ResolvedExperiment, base: Record<string, unknown>, model: ModelApi, issues: InputIssue[]): void {
  if (e.design.kind !== 'list') return;
  const checked = e.factors.map(() => new Map<number | string, string | null>());
  e.design.points.forEach((point, i) => {
    e.factors.forEach((f, j) => {
      const v = point[f.name];
      if (v === undefined || issues.length >= 20) return;
      let problem = checked[j].get(v);
      if (problem === undefined) {
        try {
          model.setScenarioValue(base, f.path, v);
          problem = null;
        } catch (err) {
          problem = err instanceof InputError ? err.issues.map((x) => x.message).join('; ') : (err as Error).message;
        }
        checked[j].set(v, problem);
      }
      if (problem !== null) issues.push({ path: jsonPath(['design', 'points', i, f.name]), message: `${f.path} = ${JSON.stringify(v)} is not a valid scenario value: ${problem}` });
    });
  });
}

/** Returns the experiment with its outputs resolved (all metrics when none are named). */
export function prepareExperiment(e: ResolvedExperiment, source: string, model: ModelApi): ResolvedExperiment {
  if (!e.scenario) throw new InputError(source, [{ path: '$.scenario', message: 'a sweep needs a base scenario (a path or the scenario itself)' }]);
  const base = e.scenario;
  const issues: InputIssue[] = [];
  e.factors.forEach((f, i) => {
    for (const v of probeValues(e, i)) {
      try {
        model.setScenarioValue(base, f.path, v);
      } catch (err) {
        const detail = err instanceof InputError ? err.issues.map((x) => x.message).join('; ') : (err as Error).message;
        issues.push({ path: `$.factors[${i}]`, message: `${f.path} = ${JSON.stringify(v)} is not a valid scenario value: ${detail}` });
        break;
      }
    }
  });
  if (e.design.kind === 'list') checkListPoints(e, base, model, issues);
  if (issues.length > 0) throw new InputError(source, issues);
  const probe = model.runScenario({ scenario: base, seed: 0, months: 1 });
  const metrics = Object.keys(model.summaryMetrics(probe.summary));
  const known = new Set(metrics);
  const outputs = e.outputs ?? metrics;
  outputs.forEach((o, j) => {
    if (!known.has(o)) issues.push({ path: `$.outputs[${j}]`, message: `unknown summary metric "${o}" (available: ${listing(metrics)})` });
  });
  const month = probe.monthly[0];
  e.monthly.forEach((s, j) => {
    if (Number.isNaN(seriesValue(month, s))) issues.push({ path: `$.monthly[${j}]`, message: `"${s}" is not a number in the monthly snapshot (e.g. composite, stock, meta.balance, managers.W.corners.value)` });
  });
  if (issues.length > 0) throw new InputError(source, issues);
  return { ...e, outputs };
}
