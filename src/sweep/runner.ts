// One run of a sweep, as a worker does it: the design point's factor values set on the base
// scenario, the model run with the run's seed, and the results formatted as CSV rows. Formatting
// happens in the worker so the main thread only appends text.
import { makeDesign } from './designs';
import { formatNumber, formatRow } from './csv';
import { runId, type RunPlan } from './plan';
import type { ResolvedExperiment } from './resolve';

/** What the sweep needs from the model (src/engine, src/scenario); injected so tests can fake it. */
export interface ModelApi<S = Record<string, unknown>, Summary = unknown, Month = unknown> {
  modelVersion: string;
  runScenario(input: { scenario: S; seed: number; months?: number }): { summary: Summary; monthly: Month[] };
  setScenarioValue(scenario: S, path: string, value: number | string): S;
  summaryMetrics(summary: Summary): Record<string, number>;
  /** clients simulated in one month (for client-months per second) */
  clientsInMonth(month: Month): number;
}

export interface RunResult {
  run: number;
  /** the runs.csv row, with its line break */
  row: string;
  /** the monthly.csv rows ('' when no series are collected) */
  monthly: string;
  clientMonths: number;
  /** set when the model threw: the row then holds NaN outputs */
  error?: string;
}

/**
 * Reads a number at a dotted path in a month snapshot, e.g. 'meta.balance', 'managers.W.corners.value'
 * or 'caseload.benefit.0' (tier 1). Only the snapshot's own fields count: not an array's length, nor
 * anything an object inherits.
 */
export function seriesValue(month: unknown, path: string): number {
  let node: unknown = month;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object') return NaN;
    if (Array.isArray(node) ? !/^(0|[1-9]\d*)$/.test(part) || Number(part) >= node.length : !Object.hasOwn(node, part)) return NaN;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'number' ? node : typeof node === 'boolean' ? Number(node) : NaN;
}

/** Every path seriesValue reads a number at (for "did you mean"). */
export function seriesPaths(month: unknown, prefix = ''): string[] {
  if (typeof month === 'number' || typeof month === 'boolean') return prefix ? [prefix] : [];
  if (month === null || typeof month !== 'object') return [];
  return Object.keys(month).flatMap((k) => seriesPaths((month as Record<string, unknown>)[k], prefix ? `${prefix}.${k}` : k));
}

export function runPlanOf(e: ResolvedExperiment): RunPlan {
  const points = makeDesign(e.design, e.factors, e.seed).size;
  return { points, replicates: e.replicates, seed: e.seed, seeds: e.seeds };
}

export function runsHeader(e: ResolvedExperiment): string {
  return formatRow(['run', 'point', 'replicate', 'seed', ...e.factors.map((f) => f.name), ...(e.outputs ?? [])]);
}

export function monthlyHeader(e: ResolvedExperiment): string {
  return formatRow(['run', 'month', ...e.monthly]);
}

/** Builds the run function of a worker. `e.outputs` must be resolved (not null). */
export function createRunner(e: ResolvedExperiment, model: ModelApi): (run: number) => RunResult {
  if (!e.scenario) throw new Error('a sweep needs a base scenario');
  if (!e.outputs) throw new Error('outputs must be resolved before runs start');
  const outputs = e.outputs;
  const base = e.scenario;
  const design = makeDesign(e.design, e.factors, e.seed);
  const plan = runPlanOf(e);
  return (run) => {
    const id = runId(plan, run);
    const values = design.point(id.point);
    const head = [id.run, id.point, id.replicate, id.seed, ...values];
    try {
      let scenario = base;
      e.factors.forEach((f, i) => (scenario = model.setScenarioValue(scenario, f.path, values[i])));
      const result = model.runScenario({ scenario, seed: id.seed, ...(e.months !== null ? { months: e.months } : {}) });
      const metrics = model.summaryMetrics(result.summary);
      let monthly = '';
      let clientMonths = 0;
      result.monthly.forEach((m, t) => {
        clientMonths += model.clientsInMonth(m);
        if (e.monthly.length > 0) {
          const month = seriesValue(m, 'month');
          monthly += `${id.run},${formatNumber(Number.isNaN(month) ? t : month)},${e.monthly.map((p) => formatNumber(seriesValue(m, p))).join(',')}\n`;
        }
      });
      const row = formatRow([...head, ...outputs.map((o) => metrics[o] ?? NaN)]);
      return { run, row, monthly, clientMonths };
    } catch (err) {
      return { run, row: formatRow([...head, ...outputs.map(() => NaN)]), monthly: '', clientMonths: 0, error: (err as Error).message };
    }
  };
}
