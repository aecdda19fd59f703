// The raw outputs of a run, as `meerwaarde run` writes them (monthly.csv, clients.csv with --trace,
// summary.json), parsed back from their text. The stylised facts (tests/facts/measures.ts) are measured
// on these alone: on the rows, head counts, flows and transitions an outside reviewer reads, never on
// the numbers the model computes about itself (summary.patterns and the like).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Simulation } from '../../src/engine/simulation';
import { parseLine } from '../../src/sweep/csv';
import { parseScenario, setScenarioValue, withEvents, type Scenario, type ScenarioEvent } from '../../src/scenario/parse';

/** monthly.csv, column by column: numbers where every cell is a number, else strings */
export interface Monthly {
  columns: string[];
  rows: number;
  num(name: string): Float64Array;
  text(name: string): string[];
  has(name: string): boolean;
}

/** clients.csv: one transition a row */
export interface Trace {
  n: number;
  month: Int32Array;
  client: Int32Array;
  from: Uint8Array;
  to: Uint8Array;
  reason: Uint8Array;
  /** distance tier 1-4 at the moment of the transition */
  tier: Uint8Array;
}

export const TRACE_STATUSES = ['benefit', 'trajectory', 'participation', 'subsidised', 'employed', 'exited'] as const;
export const TRACE_REASONS = ['inflow', 'service', 'serviceEnd', 'job', 'subsidisedJob', 'otherExit', 'pension', 'reentry', 'regularJob', 'subsidyEnded', 'outOfSight'] as const;
export const ST = Object.fromEntries(TRACE_STATUSES.map((s, i) => [s, i])) as Record<(typeof TRACE_STATUSES)[number], number>;
export const RS = Object.fromEntries(TRACE_REASONS.map((s, i) => [s, i])) as Record<(typeof TRACE_REASONS)[number], number>;

export interface RawRun {
  seed: number;
  months: number;
  monthly: Monthly;
  trace: Trace | null;
  /** summary.json, parsed (used for its labelScale and its dimension labels only) */
  summary: {
    labelScale: { label: string; min: number }[];
    dimensions: Record<string, { score: number; label: string }>;
    verdicts: { managers: Record<string, { score: number; label: string }>; audiences: Record<string, { score: number; label: string }> };
    meta: { modelVersion: string };
  };
}

export function parseMonthly(text: string): Monthly {
  const lines = text.split('\n').filter((l) => l.length > 0);
  const columns = parseLine(lines[0]);
  const cells = lines.slice(1).map(parseLine);
  for (const [i, c] of cells.entries()) if (c.length !== columns.length) throw new Error(`monthly.csv row ${i + 1}: ${c.length} cells for ${columns.length} columns`);
  const index = new Map(columns.map((c, i) => [c, i]));
  const numCache = new Map<string, Float64Array>();
  const col = (name: string): number => {
    const i = index.get(name);
    if (i === undefined) throw new Error(`monthly.csv has no column ${name}`);
    return i;
  };
  return {
    columns,
    rows: cells.length,
    has: (name) => index.has(name),
    num(name) {
      let a = numCache.get(name);
      if (!a) {
        const i = col(name);
        a = Float64Array.from(cells, (r) => {
          const v = Number(r[i]);
          if (r[i] === '' || !Number.isFinite(v)) throw new Error(`monthly.csv column ${name}: not a number: ${r[i]}`);
          return v;
        });
        numCache.set(name, a);
      }
      return a;
    },
    text(name) {
      const i = col(name);
      return cells.map((r) => r[i]);
    },
  };
}

export function parseTrace(text: string): Trace {
  const lines = text.split('\n');
  const header = lines[0].split(',');
  const want = ['modelVersion', 'scenarioHash', 'seed', 'month', 'client', 'from', 'to', 'reason', 'tier'];
  if (header.join(',') !== want.join(',')) throw new Error(`clients.csv header: ${lines[0]}`);
  const n = lines.length - 2; // the header and the final empty line
  const t: Trace = { n, month: new Int32Array(n), client: new Int32Array(n), from: new Uint8Array(n), to: new Uint8Array(n), reason: new Uint8Array(n), tier: new Uint8Array(n) };
  const status = new Map<string, number>(TRACE_STATUSES.map((s, i) => [s, i]));
  const reason = new Map<string, number>(TRACE_REASONS.map((s, i) => [s, i]));
  for (let i = 0; i < n; i++) {
    const c = lines[i + 1].split(',');
    t.month[i] = Number(c[3]);
    t.client[i] = Number(c[4]);
    const f = status.get(c[5]);
    const to = status.get(c[6]);
    const r = reason.get(c[7]);
    if (f === undefined || to === undefined || r === undefined) throw new Error(`clients.csv row ${i + 1}: ${lines[i + 1]}`);
    t.from[i] = f;
    t.to[i] = to;
    t.reason[i] = r;
    t.tier[i] = Number(c[8]);
  }
  return t;
}

const SCENARIO_DIR = fileURLToPath(new URL('../../scenarios/', import.meta.url));
const library = new Map<string, Scenario>();

let overrides: Record<string, unknown> = {};

/** Values set on every library scenario (scripts/calibrate.ts --set, to try parameter values). */
export function setOverrides(values: Record<string, unknown>): void {
  overrides = values;
  library.clear();
}

/** A scenario of the library (scenarios/<id>.json). */
export function libraryScenario(id: string): Scenario {
  let s = library.get(id);
  if (!s) {
    s = parseScenario(JSON.parse(readFileSync(`${SCENARIO_DIR}${id}.json`, 'utf8')), `scenarios/${id}.json`);
    for (const [path, value] of Object.entries(overrides)) s = setScenarioValue(s, path, value);
    library.set(id, s);
  }
  return s;
}

/** A scenario with values set at paths (params.kappaBase, managers.W.stance.value, ...) and events added. */
export function variant(base: Scenario, values: Record<string, unknown> = {}, events: ScenarioEvent[] = []): Scenario {
  let s = base;
  for (const [path, value] of Object.entries(values)) s = setScenarioValue(s, path, value);
  return events.length > 0 ? withEvents(s, events) : s;
}

/**
 * Runs a scenario and returns its outputs parsed back from the text the CLI writes. `summaryAt`: months at
 * which summary.json is also taken (as a run of that many months would write it; the model does not know
 * its horizon, so the first m months of a longer run are those of an m-month run).
 */
export function rawRun(scenario: Scenario, seed: number, months: number, trace = false, summaryAt: number[] = []): RawRun & { summaries: Record<number, RawRun['summary']> } {
  const sim = new Simulation({ scenario, seed, months, trace });
  const summaries: Record<number, RawRun['summary']> = {};
  for (const m of [...summaryAt].sort((a, b) => a - b)) {
    sim.run(m - sim.month);
    summaries[m] = JSON.parse(sim.summaryJson());
  }
  sim.run();
  const monthly = parseMonthly(sim.monthlyCsv());
  const clients = trace ? parseTrace(sim.clientsCsv()) : null;
  return { seed, months, monthly, trace: clients, summary: JSON.parse(sim.summaryJson()), summaries };
}
