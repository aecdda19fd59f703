// One run of a sweep, as a worker does it: the design point's factor values set on the base
// scenario, the model run with the run's seed, and the results formatted as CSV rows. Formatting
// happens in the worker so the main thread only appends text.
import { makeDesign } from './designs';
import { formatField, formatNumber, formatRow } from './csv';
import { runId, type RunPlan } from './plan';
import type { ResolvedExperiment } from './resolve';

/** A column a month offers to monthly.csv: its name and how to read it. */
export interface MonthColumn<Month = unknown> {
  name: string;
  get(month: Month): number | string;
}

/** What the sweep needs from the model (src/engine, src/scenario); injected so tests can fake it. */
export interface ModelApi<S = Record<string, unknown>, Summary = unknown, Month = unknown> {
  modelVersion: string;
  runScenario(input: { scenario: S; seed: number; months?: number }): { summary: Summary; monthly: Month[] };
  setScenarioValue(scenario: S, path: string, value: number | string): S;
  /** all of a run's values at once (one copy and one check; default: one setScenarioValue each) */
  setScenarioValues?(scenario: S, assignments: [string, number | string][]): S;
  summaryMetrics(summary: Summary): Record<string, number>;
  /** clients simulated in one month (for client-months per second) */
  clientsInMonth(month: Month): number;
  /** the columns a month offers, by name (default: every number or text in it, by dotted path) */
  monthlyColumns?(sample: Month): MonthColumn<Month>[];
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

/** Every number or text in a month, by its dotted path (array items numbered from 1). */
export function dottedColumns(sample: unknown): MonthColumn[] {
  const columns: MonthColumn[] = [];
  const walk = (names: string[], path: (string | number)[], v: unknown): void => {
    if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') {
      columns.push({
        name: names.join('.'),
        get: (m) => {
          let node = m;
          for (const k of path) node = (node as Record<string | number, unknown>)?.[k];
          return typeof node === 'boolean' ? Number(node) : (node as number | string);
        },
      });
    } else if (Array.isArray(v)) v.forEach((x, i) => walk([...names, String(i + 1)], [...path, i], x));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk([...names, k], [...path, k], x);
  };
  walk([], [], sample);
  return columns;
}

/** The columns of a model's month, by name. */
export function monthColumns(model: ModelApi, sample: unknown): Map<string, MonthColumn> {
  return new Map((model.monthlyColumns ? model.monthlyColumns(sample) : dottedColumns(sample)).map((c) => [c.name, c]));
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
  // the monthly columns are read by name, looked up once, on the first run's first month
  let series: MonthColumn[] | null = null;
  let monthColumn: MonthColumn | undefined;
  return (run) => {
    const id = runId(plan, run);
    const values = design.point(id.point);
    const head = [id.run, id.point, id.replicate, id.seed, ...values];
    try {
      let scenario = base;
      if (model.setScenarioValues) scenario = model.setScenarioValues(base, e.factors.map((f, i) => [f.path, values[i]]));
      else e.factors.forEach((f, i) => (scenario = model.setScenarioValue(scenario, f.path, values[i])));
      const result = model.runScenario({ scenario, seed: id.seed, ...(e.months !== null ? { months: e.months } : {}) });
      const metrics = model.summaryMetrics(result.summary);
      let monthly = '';
      let clientMonths = 0;
      if (e.monthly.length > 0 && series === null && result.monthly.length > 0) {
        const columns = monthColumns(model, result.monthly[0]);
        series = e.monthly.map((name) => {
          const c = columns.get(name);
          if (!c) throw new Error(`the monthly snapshot has no column "${name}"`);
          return c;
        });
        monthColumn = columns.get('month');
      }
      for (let t = 0; t < result.monthly.length; t++) {
        const m = result.monthly[t];
        clientMonths += model.clientsInMonth(m);
        if (series) {
          let line = `${id.run},${formatNumber(monthColumn ? Number(monthColumn.get(m)) : t)}`;
          for (const c of series) line += `,${formatField(c.get(m))}`;
          monthly += `${line}\n`;
        }
      }
      const row = formatRow([...head, ...outputs.map((o) => metrics[o] ?? NaN)]);
      return { run, row, monthly, clientMonths };
    } catch (err) {
      return { run, row: formatRow([...head, ...outputs.map(() => NaN)]), monthly: '', clientMonths: 0, error: (err as Error).message };
    }
  };
}
