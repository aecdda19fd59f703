// The output check: before `run` writes its files or a sweep commits a run, every month's snapshot and the
// summary are checked against the model's state space (docs/model.md, section 7.20). A non-finite number,
// a quantity outside its documented range, a caseload above the inhabitants or clients that do not add up
// is a defect, never an answer: the run fails with the month, the quantity, and the scenario setting most
// likely at fault, found by running the scenario again without each of its settings in turn.
import { LM_RANGE, STAFF_TARGET_MAX } from '../model/bounds';
import { PARAM_SPECS } from '../model/params';
import type { MonthSnapshot } from '../model/types';
import { jsonPath, parseScenario } from '../scenario/parse';
import type { Scenario } from '../scenario/schema';
import { Simulation } from './simulation';
import type { Summary } from './summary';

/** The first thing wrong with a run's output. */
export interface RunFault {
  /** the month (1-based, as in monthly.csv) of the snapshot; the run's last month for the summary */
  month: number;
  /** where: a snapshot path (environment.labourMarket) or summary.<path> */
  quantity: string;
  value: number;
  /** what the value should have been */
  expected: string;
}

/** What the check needs to know about the run besides its outputs. */
export interface RunFrame {
  /** clients tracked at the start: N0 on bijstand, those in a subsidised job and the former clients at work (model section 5) */
  initialClients: number;
  /** the inhabitants aged 18 to the AOW age: the most people the model tracks */
  inhabitants: number;
}

interface Range {
  min: number;
  max: number;
  integer?: boolean;
  label: string;
}

const TOLERANCE = 1e-9;
const unit: Range = { min: 0, max: 1, label: 'a number in [0, 1]' };
const area: Range = { min: 0, max: (3 * Math.sqrt(3)) / 4, label: 'an area in [0, 1.3]' };
const count: Range = { min: 0, max: Number.MAX_SAFE_INTEGER, integer: true, label: 'a whole number >= 0' };
const nonNegative: Range = { min: 0, max: Number.MAX_VALUE, label: 'a number >= 0' };
const staff: Range = { min: 0.5, max: STAFF_TARGET_MAX * PARAM_SPECS.staffFte.max, label: `staff between 0.5 and ${STAFF_TARGET_MAX * PARAM_SPECS.staffFte.max} FTE` };
const tightness: Range = { min: LM_RANGE.min, max: LM_RANGE.max, label: `a tightness in [${LM_RANGE.min.toPrecision(3)}, ${LM_RANGE.max.toPrecision(3)}]` };

/** Documented ranges of the snapshot's quantities (docs/outputs.md); any other number must be finite. */
const RANGES: [RegExp, Range][] = [
  [/^managers\.\w+\.(corners\.\w+|balance|stance\.\w+|attention\.\w+|courage|design|reframe|credibility|aspiration|verdict)$/, unit],
  [/^(managers\.\w+|meta)\.area$/, area],
  [/^meta\.(corners\.\w+|balance|alignment|conflict)$/, unit],
  [/^audiences\.\w+\.(support|aspiration)$/, unit],
  [/^loop\.(levels|balancing)\.\w+$/, unit],
  [/^loop\.flows\[\d\]$/, { min: -1, max: 1, label: 'a change in [-1, 1]' }],
  [/^loop\.gain$/, { min: 0, max: Number.MAX_VALUE, label: 'a gain > 0' }],
  [/^environment\.(employerGoodwill|staffMorale|methodQuality|kappa|strictness)$/, unit],
  [/^environment\.labourMarket$/, tightness],
  [/^environment\.staffFte$/, staff],
  [/^environment\.(vacancies|slots)$/, nonNegative],
  [/^budgets\.\w+$/, nonNegative],
  [/^(caseload\.\w+\[\d\]|stock|twin\.stock|twin\.toWork|flows\.(inflow|toWork|otherExits|reentries|sanctions|wrongfulSanctions))$/, count],
  [/^(z\[\d+\]|composite|twin\.composite)$/, unit],
];

// the same few hundred paths come back every month: classify each once
const rangeCache = new Map<string, Range | null>();

function rangeOf(path: string): Range | null {
  let range = rangeCache.get(path);
  if (range === undefined) {
    range = RANGES.find(([pattern]) => pattern.test(path))?.[1] ?? null;
    rangeCache.set(path, range);
  }
  return range;
}

function inRange(x: number, r: Range): boolean {
  return x >= r.min - TOLERANCE && x <= r.max + TOLERANCE && (!r.integer || Number.isInteger(x));
}

/** The first number in a value (depth first, in key order) that is not finite or breaks its range. */
function firstBadNumber(value: unknown, path: string, range: (path: string) => Range | null): { path: string; value: number; expected: string } | null {
  if (typeof value === 'number') {
    const r = range(path);
    if (!Number.isFinite(value)) return { path, value, expected: r ? r.label : 'a finite number' };
    if (r && !inRange(value, r)) return { path, value, expected: r.label };
    return null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const bad = firstBadNumber(value[i], `${path}[${i}]`, range);
      if (bad) return bad;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const bad = firstBadNumber(v, path ? `${path}.${k}` : k, range);
      if (bad) return bad;
    }
  }
  return null;
}

const TRACKED = ['benefit', 'trajectory', 'participation', 'subsidised', 'employed'] as const;
const sum4 = (a: readonly number[]) => a[0] + a[1] + a[2] + a[3];

/**
 * The snapshot's parts upstream first: a fault in the environment or the budgets spreads to the managers, the
 * audiences and the loop within the same month, and the check names where it started.
 */
const UPSTREAM = ['environment', 'budgets', 'caseload', 'flows', 'stock', 'twin', 'z', 'composite', 'managers', 'meta', 'audiences', 'loop'];

/** One number of a snapshot: where it is (keys from the root), its path, and its range. */
interface Leaf {
  keys: (string | number)[];
  path: string;
  range: Range | null;
}

/** The numbers of a snapshot, upstream first (every month has the same shape: compiled once a run). */
function leavesOf(snap: MonthSnapshot): Leaf[] {
  const out: Leaf[] = [];
  const visit = (value: unknown, keys: (string | number)[], path: string): void => {
    if (typeof value === 'number') out.push({ keys, path, range: rangeOf(path) });
    else if (Array.isArray(value)) value.forEach((v, i) => visit(v, [...keys, i], `${path}[${i}]`));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, [...keys, k], path ? `${path}.${k}` : k);
  };
  const root = snap as unknown as Record<string, unknown>;
  const order = [...UPSTREAM.filter((k) => k in root), ...Object.keys(root).filter((k) => !UPSTREAM.includes(k))];
  for (const key of order) if (key !== 'events') visit(root[key], [key], key);
  return out;
}

function read(snap: MonthSnapshot, keys: (string | number)[]): unknown {
  let node: unknown = snap;
  for (const k of keys) node = node === null || typeof node !== 'object' ? undefined : (node as Record<string | number, unknown>)[k];
  return node;
}

/** Checks the monthly snapshots in order; the first fault, or null. */
export function auditSnapshots(snapshots: readonly MonthSnapshot[], frame: RunFrame): RunFault | null {
  let inflow = 0;
  const leaves = snapshots.length > 0 ? leavesOf(snapshots[0]) : [];
  for (const snap of snapshots) {
    for (const leaf of leaves) {
      const x = read(snap, leaf.keys);
      const expected = leaf.range ? leaf.range.label : 'a finite number';
      if (typeof x !== 'number' || !Number.isFinite(x) || (leaf.range && !inRange(x, leaf.range))) {
        return { month: snap.month, quantity: leaf.path, value: typeof x === 'number' ? x : NaN, expected };
      }
    }
    for (const e of snap.events) if (!Number.isFinite(e.magnitude)) return { month: snap.month, quantity: `events.${e.type}.magnitude`, value: e.magnitude, expected: 'a finite number' };
    if (snap.stock > frame.inhabitants) return { month: snap.month, quantity: 'stock', value: snap.stock, expected: `at most the ${frame.inhabitants} inhabitants aged 18 to the AOW age` };
    if (snap.twin.stock > frame.inhabitants) return { month: snap.month, quantity: 'twin.stock', value: snap.twin.stock, expected: `at most the ${frame.inhabitants} inhabitants aged 18 to the AOW age` };
    // every client who entered is somewhere: tracked in a status, or gone (other exits and out of sight)
    inflow += snap.flows.inflow;
    const tracked = TRACKED.reduce((n, s) => n + sum4(snap.caseload[s]), 0);
    if (tracked > frame.inhabitants) return { month: snap.month, quantity: 'caseload (all tracked)', value: tracked, expected: `at most the ${frame.inhabitants} inhabitants` };
    const accounted = tracked + sum4(snap.caseload.exited);
    const entered = frame.initialClients + inflow;
    if (accounted !== entered) return { month: snap.month, quantity: 'caseload (clients accounted for)', value: accounted, expected: `${entered} (the clients at the start plus the inflow)` };
  }
  return null;
}

/** Checks the summary: every number finite, every score in [0, 1]. */
export function auditSummary(summary: Summary, month: number): RunFault | null {
  const { events: _events, ...numbers } = summary;
  const bad = firstBadNumber(numbers, 'summary', (path) => (/\.(score|final|mean)$/.test(path) && /^summary\.(dimensions|verdicts|indicators|publicValueAccount|composite)/.test(path) ? unit : null));
  return bad ? { month, quantity: bad.path, value: bad.value, expected: bad.expected } : null;
}

export function describeFault(f: RunFault): string {
  return `month ${f.month}: ${f.quantity} is ${Number.isNaN(f.value) ? 'NaN' : String(f.value)} (expected ${f.expected})`;
}

/** A run whose output failed the check: nothing of it may be written or committed. */
export class RunCheckError extends Error {
  constructor(
    readonly fault: RunFault,
    /** scenario paths ($.params.x, $.events[3]) without which the run passes; null when a fresh run does not fail */
    readonly suspects: string[] | null,
  ) {
    super(
      `the output check failed at ${describeFault(fault)}; ` +
        (suspects === null
          ? 'a fresh run of the same scenario and seed does not fail: a defect outside the scenario (please report)'
          : suspects.length > 0
            ? `most likely at fault: ${suspects.join(', ')} (the run passes without ${suspects.length === 1 ? 'it' : 'any one of them'})`
            : 'no single scenario setting explains it: a defect in the model (please report)'),
    );
    this.name = 'RunCheckError';
  }
}

/** The scenario's own settings, each with the scenario without it. At most `limit`, parameters first. */
export function scenarioSettings(scenario: Scenario, beforeMonth: number, limit = 40): { path: string; without: Scenario }[] {
  const out: { path: string; without: Scenario }[] = [];
  for (const name of Object.keys(scenario.params ?? {})) {
    const params = { ...scenario.params } as Record<string, number>;
    delete params[name];
    out.push({ path: jsonPath(['params', name]), without: { ...scenario, params } });
  }
  for (const group of ['managers', 'audiences'] as const) {
    for (const [id, settings] of Object.entries(scenario[group] ?? {})) {
      for (const field of Object.keys(settings ?? {})) {
        const copy = structuredClone(scenario);
        delete (copy[group] as Record<string, Record<string, unknown>>)[id][field];
        out.push({ path: jsonPath([group, id, field]), without: copy });
      }
    }
  }
  // the events that had happened by then, the latest first
  const events = scenario.events ?? [];
  for (let i = events.length - 1; i >= 0; i--) {
    if (events[i].month >= beforeMonth) continue;
    out.push({ path: jsonPath(['events', i]), without: { ...scenario, events: events.filter((_, k) => k !== i) } });
  }
  return out.slice(0, limit);
}

/** The run's frame: what its outputs are checked against. */
export function frameOf(sim: Simulation): RunFrame {
  const w = sim.world;
  return { initialClients: w.params.N0 + w.ledger.initialSubsidised + w.ledger.initialEmployed, inhabitants: w.inhabitants };
}

/** Checks a finished (or stopped) run: the snapshots so far, then the summary. */
export function auditRun(sim: Simulation): RunFault | null {
  const fault = auditSnapshots(sim.snapshots, frameOf(sim));
  if (fault || sim.snapshots.length === 0) return fault;
  return auditSummary(sim.summary(), sim.snapshots[sim.snapshots.length - 1].month);
}

/** Runs a scenario to the fault's month; true when it passes the check there. */
function passes(scenario: Scenario, seed: number, months: number, check: RunCheck): boolean {
  const sim = new Simulation({ scenario, seed, months });
  try {
    sim.run();
  } catch {
    return false;
  }
  return !check(sim);
}

/**
 * The scenario paths most likely at fault: the settings without which the same seed runs to the fault's month
 * cleanly. First the scenario runs again as it is: when that passes, the fault did not come from the scenario
 * (null). Costs one partial run, and one per setting (at most 40), and only after a fault.
 */
export function findSuspects(scenario: Scenario, seed: number, months: number, fault: RunFault, check: RunCheck = auditRun): string[] | null {
  const until = Math.min(months, fault.month);
  if (passes(scenario, seed, until, check)) return null;
  const suspects: string[] = [];
  for (const { path, without } of scenarioSettings(scenario, fault.month)) {
    let valid: Scenario;
    try {
      valid = parseScenario(without, path);
    } catch {
      continue; // without this setting the scenario is not valid (a cross-field rule): no verdict
    }
    if (passes(valid, seed, until, check)) suspects.push(path);
  }
  return suspects;
}

/** A check of a run's output: the first fault, or null. */
export type RunCheck = (sim: Simulation) => RunFault | null;

/** Runs the check; throws RunCheckError (with the suspects) when the output is wrong. */
export function assertSaneRun(sim: Simulation, check: RunCheck = auditRun): void {
  const fault = check(sim);
  if (!fault) return;
  throw new RunCheckError(fault, findSuspects(sim.effectiveScenario(), sim.seed, sim.months, fault, check));
}
