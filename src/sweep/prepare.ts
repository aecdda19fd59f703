// Before a sweep starts: check every factor path and value against the base scenario, and the
// outputs and monthly series against what the model reports, so that mistakes are found in a
// second with a message naming the JSON path, not after an hour of runs. The work is bounded whatever
// the design's size: every value is checked against the setting's own schema (microseconds), and only
// a few values per factor are tried on the whole scenario (which checks the rules between fields).
import type { z } from 'zod';
import { formatIssues, InputError, jsonPath, unknownKeyMessage, MAX_REPORTED, type InputIssue } from '../scenario/parse';
import { ScenarioSchema } from '../scenario/schema';
import { schemaAt } from '../scenario/schema-walk';
import type { ResolvedExperiment } from './resolve';
import { monthColumns, type ModelApi } from './runner';
import { fromUnit, gridSize, gridValue, type FactorValue } from './factors';
import { RESERVED } from './experiment';

/** Values tried on the whole scenario per factor (the ends, the middle, one off the grid, a few levels). */
const FULL_PROBES = 6;

/** A point of the unit interval that no grid of a few steps hits. */
const OFF_GRID = 0.3090169943749474;

/**
 * Values that probe a factor on the whole scenario: the ends and middle of its range and, for a
 * continuous factor, one value off that grid (so a parameter that takes whole numbers only, swept
 * without "integer": true, is caught here rather than failing every run); of a list of levels, the
 * first, the last, the smallest and largest numbers and the first strings.
 */
function probeValues(e: ResolvedExperiment, i: number): FactorValue[] {
  const d = e.factors[i].distribution;
  if (d.kind === 'levels') {
    const numbers = d.levels.filter((v): v is number => typeof v === 'number');
    const picks: FactorValue[] = [d.levels[0], d.levels[d.levels.length - 1], ...d.levels.filter((v) => typeof v === 'string').slice(0, 3)];
    if (numbers.length > 0) picks.push(numbers.reduce((a, b) => (b < a ? b : a)), numbers.reduce((a, b) => (b > a ? b : a)));
    return [...new Set(picks)].slice(0, FULL_PROBES);
  }
  const grid = [0, 1, 2].map((j) => gridValue(d, 3, Math.min(j, gridSize(d, 3) - 1)));
  return [...new Set(d.kind === 'integer' ? grid : [...grid, fromUnit(d, OFF_GRID)])];
}

function listing(names: string[], doc = 'docs/research.md'): string {
  const shown = names.slice(0, 15).join(', ');
  return names.length > 15 ? `${shown}, ... (${names.length} in all; see ${doc})` : shown;
}

/** The schema of the scenario value at a factor's path, or undefined when the scenario has no such place. */
function leafSchema(base: Record<string, unknown>, path: string): z.ZodType | undefined {
  return schemaAt(ScenarioSchema, base, path.split('.'));
}

/** Why a value cannot go at a path (the setting's own schema), or null. Cheap: no copy of the scenario. */
function leafProblem(leaf: z.ZodType | undefined, value: FactorValue): string | null {
  if (typeof value === 'number' && !Number.isFinite(value)) return 'not a finite number (the range is too wide to compute with)';
  if (!leaf) return null;
  const r = leaf.safeParse(value);
  return r.success ? null : formatIssues(r.error.issues as never).map((x) => x.message).join('; ');
}

/** Why the whole scenario refuses a value at a path, or null (copies and validates the scenario). */
function fullProblem(model: ModelApi, base: Record<string, unknown>, path: string, value: FactorValue): string | null {
  try {
    model.setScenarioValue(base, path, value);
    return null;
  } catch (err) {
    return err instanceof InputError ? err.issues.map((x) => x.message).join('; ') : (err as Error).message;
  }
}

const shown = (v: FactorValue) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : JSON.stringify(v));

function checkFactors(e: ResolvedExperiment, base: Record<string, unknown>, model: ModelApi, issues: InputIssue[]): void {
  e.factors.forEach((f, i) => {
    const leaf = leafSchema(base, f.path);
    const d = f.distribution;
    // every level against the setting's schema, then a few on the whole scenario
    const values = d.kind === 'levels' ? d.levels : [];
    const bad = values.find((v) => leafProblem(leaf, v) !== null);
    if (bad !== undefined) {
      issues.push({ path: `$.factors[${i}].levels[${values.indexOf(bad)}]`, message: `${f.path} = ${shown(bad)} is not a valid scenario value: ${leafProblem(leaf, bad)}` });
      return;
    }
    for (const v of probeValues(e, i)) {
      const problem = leafProblem(leaf, v) ?? fullProblem(model, base, f.path, v);
      if (problem !== null) {
        issues.push({ path: `$.factors[${i}]`, message: `${f.path} = ${shown(v)} is not a valid scenario value: ${problem}` });
        return;
      }
    }
  });
}

/** A list design names its values itself: each against its setting's schema; the first few distinct ones on the whole scenario. */
function checkListPoints(e: ResolvedExperiment, base: Record<string, unknown>, model: ModelApi, issues: InputIssue[]): void {
  if (e.design.kind !== 'list') return;
  const leaves = e.factors.map((f) => leafSchema(base, f.path));
  const tried = e.factors.map(() => new Map<FactorValue, string | null>());
  const points = e.design.points;
  for (let i = 0; i < points.length && issues.length < MAX_REPORTED; i++) {
    e.factors.forEach((f, j) => {
      const v = points[i][f.name];
      if (v === undefined || issues.length >= MAX_REPORTED) return;
      let problem = leafProblem(leaves[j], v);
      if (problem === null && (tried[j].has(v) || tried[j].size < FULL_PROBES)) {
        if (!tried[j].has(v)) tried[j].set(v, fullProblem(model, base, f.path, v));
        problem = tried[j].get(v)!;
      }
      if (problem !== null) issues.push({ path: jsonPath(['design', 'points', i, f.name]), message: `${f.path} = ${shown(v)} is not a valid scenario value: ${problem}` });
    });
  }
}

/** Returns the experiment with its outputs resolved (all metrics when none are named). */
export function prepareExperiment(e: ResolvedExperiment, source: string, model: ModelApi): ResolvedExperiment {
  if (!e.scenario) throw new InputError(source, [{ path: '$.scenario', message: 'a sweep needs a base scenario (a path or the scenario itself)' }]);
  const base = e.scenario;
  const issues: InputIssue[] = [];
  checkFactors(e, base, model, issues);
  checkListPoints(e, base, model, issues);
  if (issues.length > 0) throw new InputError(source, issues);
  const probe = model.runScenario({ scenario: base, seed: 0, months: 1 });
  const metrics = Object.keys(model.summaryMetrics(probe.summary));
  const known = new Set(metrics);
  const outputs = e.outputs ?? metrics;
  outputs.forEach((o, j) => {
    if (!known.has(o)) issues.push({ path: `$.outputs[${j}]`, message: unknownKeyMessage(o, metrics, 'summary metric', `available: ${listing(metrics)}`) });
  });
  const columns = monthColumns(model, probe.monthly[0]);
  const series = [...columns.keys()].filter((name) => !RESERVED.has(name));
  e.monthly.forEach((s, j) => {
    if (RESERVED.has(s)) issues.push({ path: `$.monthly[${j}]`, message: `"${s}" is a column of monthly.csv already` });
    else if (!columns.has(s)) issues.push({ path: `$.monthly[${j}]`, message: unknownKeyMessage(s, series, 'monthly.csv column', `available: ${listing(series, 'docs/outputs.md')}`) });
  });
  if (issues.length > 0) throw new InputError(source, issues);
  return { ...e, outputs };
}
