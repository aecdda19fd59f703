// Rewind and branch. A run is its scenario, seed, months and controls (a RunSpec), and the engine replays
// it exactly: the same spec gives the same bytes in Node and in every browser. So going back to month m
// is replaying the spec to month m, and a branch is the same spec with one change at month m (every
// other control kept): both branches are whole runs that `meerwaarde run` reproduces byte for byte from
// the branch's effective scenario (exportRun).
//
// Like sandbox-api.ts, this module imports the engine as types only (the worker injects it), so the
// page can import branchSpec and the types without bundling the model.
import { AUDIENCE_IDS, type AudienceId, type EventLogEntry, type McConnellLabel, type MonthSnapshot } from '../model/types';
import { summaryMetrics } from './metrics';
import { checkControls, ClientSample, readPath, Run, toReport, type ControlInput, type PlayerControl, type RunReport, type SandboxEngine } from './sandbox-api';

/** Everything that makes a run: replaying it gives the same run, month by month. */
export interface RunSpec {
  scenarioId: string;
  seed: number;
  months: number;
  /** the player's controls, each acting from the step after its month (as in the sandbox's URL) */
  controls: PlayerControl[];
}

/** A branch point: the month to go back to and the one change made there. */
export interface BranchPoint {
  month: number;
  /**
   * One change: a setting, a card, or the three attention shares of one manager (they belong together,
   * as in the sandbox, so they go in one step).
   */
  change: ControlInput[];
}

/** Which of a control's fields say "the same control" for replacement: a setting's path in the same month. */
function sameSlot(a: PlayerControl, b: PlayerControl): boolean {
  return a.type === 'set' && b.type === 'set' && a.month === b.month && a.path === b.path;
}

/**
 * The spec of a branch: the run's controls with the change stamped at the branch month. A setting that
 * the run already changes in that month is replaced (the live sandbox does the same); every other
 * control is kept, so the two branches differ by this one change only. A later setting of the same
 * path in the run still acts from its own month, in both branches.
 */
export function branchSpec(spec: RunSpec, point: BranchPoint): RunSpec {
  const { month, change } = point;
  if (!Number.isInteger(month) || month < 0 || month >= spec.months) throw new RangeError(`branch month ${month} is outside 0..${spec.months - 1}`);
  if (change.length === 0) throw new RangeError('a branch needs a change');
  const stamped = change.map((c) => ({ ...c, month }) as PlayerControl);
  const kept = spec.controls.filter((c) => !stamped.some((s) => sameSlot(s, c)));
  // in month order; the change goes before other controls of its month, as a player's control in the sandbox does
  const at = kept.findIndex((c) => c.month >= month);
  const controls = at < 0 ? [...kept, ...stamped] : [...kept.slice(0, at), ...stamped, ...kept.slice(at)];
  return { ...spec, controls };
}

/** Do two specs describe the same run? */
export function sameSpec(a: RunSpec, b: RunSpec): boolean {
  return specKey(a) === specKey(b);
}

export function specKey(s: RunSpec): string {
  const c = s.controls.map((x) => (x.type === 'set' ? `${x.month}~${x.path}~${x.value}` : `${x.month}~${x.type}`));
  return `${s.scenarioId}|${s.seed}|${s.months}|${c.join('|')}`;
}

export interface ReplayRequest {
  spec: RunSpec;
  /** numeric paths into the month snapshot, one column each (e.g. 'composite', 'managers.W.corners.value') */
  series?: readonly string[];
  /** months (1..months) whose whole snapshot to return (a stage drawn at a rewound month) */
  snapshotsAt?: readonly number[];
  /** with snapshotsAt: the statuses of this many sampled clients at each of those months (the stage's dots) */
  sampleSize?: number;
}

export interface Replay {
  spec: RunSpec;
  months: number;
  /** the requested paths */
  columns: string[];
  /** row-major: month m (1-based) is row m - 1, one number per column (NaN where a path is not a number) */
  series: Float64Array;
  /** the success loop's regime per month (row order) */
  regimes: MonthSnapshot['loop']['regime'][];
  snapshots: MonthSnapshot[];
  /** with sampleSize: one client sample per snapshot (ClientSample codes, as a live frame's) */
  samples: Uint8Array[];
  /** what the sandbox's panels show, at the end of the run */
  report: RunReport;
  /** every number of summary.json by dotted path (src/engine/metrics.ts), at the end of the run */
  metrics: Record<string, number>;
  /** the McConnell label thresholds every verdict uses (summary.json's labelScale) */
  labelScale: LabelStep[];
  /** the indicators' ids, in the model's order */
  indicators: string[];
  /** each audience's value weights over the indicators (in that order) */
  audienceWeights: Record<AudienceId, number[]>;
  events: EventLogEntry[];
}

export interface LabelStep {
  label: McConnellLabel;
  min: number;
}

/** The files of a run, byte-identical to `meerwaarde run scenario.json --seed N --months M`. */
export interface RunExports {
  summaryJson: string;
  monthlyCsv: string;
  scenarioJson: string;
}

export interface ReplayApi {
  replay(req: ReplayRequest): Replay;
  exportRun(spec: RunSpec): RunExports;
  /** a built-in scenario as its file holds it (a browser sweep's experiment carries it inline) */
  scenarioJson(id: string): string;
}

/** Finished runs kept for a page that asks for the same run again (a branch's base, a chart redrawn). */
const CACHE_SIZE = 8;

/** a run played to its end: every snapshot, and what the end of the run says */
type Finished = Pick<Replay, 'report' | 'metrics' | 'labelScale' | 'indicators' | 'audienceWeights'> & { snapshots: MonthSnapshot[] };

export function createReplayApi(engine: SandboxEngine): ReplayApi {
  const cache = new Map<string, Finished>();

  /** a fresh run of the spec, to its end */
  const play = (spec: RunSpec): Run => {
    const scenario = engine.scenarios.find((s) => s.id === spec.scenarioId);
    if (!scenario) throw new Error(`unknown scenario: ${spec.scenarioId}`);
    if (!Number.isSafeInteger(spec.seed) || spec.seed < 0) throw new Error(`seed must be a non-negative whole number, got ${spec.seed}`);
    if (!Number.isInteger(spec.months) || spec.months < 1) throw new Error(`months must be a positive whole number, got ${spec.months}`);
    const run = new Run(engine, scenario, spec.seed, spec.months, checkControls(spec.controls, spec.months));
    run.runToEnd();
    return run;
  };

  /** a fresh replay reading the clients the stage's dots follow at the wanted months */
  const sampleAt = (spec: RunSpec, months: Set<number>, size: number): Uint8Array[] => {
    const scenario = engine.scenarios.find((s) => s.id === spec.scenarioId)!;
    const run = new Run(engine, scenario, spec.seed, spec.months, checkControls(spec.controls, spec.months));
    const sample = new ClientSample(size);
    const out: Uint8Array[] = [];
    // read at month 0 too, as the sandbox does when it loads a run
    sample.read(run.sim.world.pool);
    while (!run.sim.done) {
      const snap = run.step();
      // the sample follows its clients from month to month, as the live stage does
      const read = sample.read(run.sim.world.pool);
      if (months.has(snap.month)) out.push(read);
    }
    return out;
  };

  const finished = (spec: RunSpec): Finished => {
    const key = specKey(spec);
    const hit = cache.get(key);
    if (hit) {
      cache.delete(key);
      cache.set(key, hit);
      return hit;
    }
    const run = play(spec);
    const summary = run.sim.summary();
    const audiences = run.sim.world.audiences;
    const result: Finished = {
      snapshots: run.sim.snapshots,
      report: toReport(summary, run.last!),
      metrics: summaryMetrics(summary),
      labelScale: summary.labelScale,
      indicators: summary.indicators.map((i) => i.id),
      audienceWeights: Object.fromEntries(AUDIENCE_IDS.map((id) => [id, Array.from(audiences[id].weights)])) as Record<AudienceId, number[]>,
    };
    cache.set(key, result);
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
    return result;
  };

  return {
    replay(req) {
      const { snapshots, report, metrics, labelScale, indicators, audienceWeights } = finished(req.spec);
      const columns = [...(req.series ?? [])];
      const series = new Float64Array(snapshots.length * columns.length);
      snapshots.forEach((s, i) => columns.forEach((path, j) => (series[i * columns.length + j] = readPath(s, path) ?? NaN)));
      const wanted = new Set(req.snapshotsAt ?? []);
      const samples = req.sampleSize && wanted.size > 0 ? sampleAt(req.spec, wanted, req.sampleSize) : [];
      return {
        spec: { ...req.spec, controls: [...req.spec.controls].sort((a, b) => a.month - b.month) },
        months: snapshots.length,
        columns,
        series,
        regimes: snapshots.map((s) => s.loop.regime),
        snapshots: snapshots.filter((s) => wanted.has(s.month)),
        samples,
        report,
        metrics,
        labelScale,
        indicators,
        audienceWeights,
        events: snapshots.flatMap((s) => s.events),
      };
    },

    scenarioJson(id) {
      const scenario = engine.scenarios.find((s) => s.id === id);
      if (!scenario) throw new Error(`unknown scenario: ${id}`);
      return JSON.stringify(scenario, null, 2) + '\n';
    },

    exportRun(spec) {
      const run = play(spec);
      return {
        summaryJson: run.sim.summaryJson(),
        monthlyCsv: run.sim.monthlyCsv(),
        scenarioJson: JSON.stringify(run.sim.effectiveScenario(), null, 2) + '\n',
      };
    },
  };
}
