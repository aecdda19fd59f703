// The sandbox's engine API: what the browser Worker (workers/sim.worker.ts) exposes over comlink.
// It wraps one Simulation, replays the player's controls at their months, and answers with aggregates
// only: the latest MonthSnapshot, a small sample of client statuses (a transferable Uint8Array), the
// time-series rows of every month stepped (a transferable Float64Array) and, on request, the run report
// the panels show. The page never steps the model itself.
//
// This module imports the engine only as types: the worker entry passes the Simulation class and the
// scenarios in (createSandboxApi), so the page can import the constants and types below without
// bundling the model into the main thread.
import type { Simulation } from './simulation';
import { fmix32 } from '../model/hash';
import type { Scenario } from '../scenario/index';
import { ScenarioEventSchema, settableRange } from '../scenario/schema';
import {
  MANAGER_IDS,
  LUCK_EVENTS,
  STATUS_CODE,
  type AudienceId,
  type EventLogEntry,
  type LuckEvent,
  type ManagerId,
  type MonthSnapshot,
  type Verdict,
} from '../model/types';

/** A player's control, as the URL keeps it and as the Simulation schedules it (a scenario event). */
export type PlayerControl =
  | { month: number; type: 'set'; path: string; value: number }
  | { month: number; type: LuckEvent };

/** Every setting a player may change, with its range. The paths are paths into the scenario. */
export interface SettingSpec {
  path: string;
  min: number;
  max: number;
  step: number;
}

export const MANAGER_SETTING_KEYS = [
  'attention.value',
  'attention.capacity',
  'attention.legitimacy',
  'stance.value',
  'stance.capacity',
  'stance.legitimacy',
  'courage',
  'design',
  'reframe',
] as const;
export type ManagerSettingKey = (typeof MANAGER_SETTING_KEYS)[number];

/** A player's setting: its range is the scenario schema's (one source of truth), its step the slider's. */
function setting(path: string, step: number): SettingSpec {
  const range = settableRange(path);
  if (typeof range === 'string') throw new Error(`${path}: ${range}`);
  return { path, min: range.min, max: range.max, step };
}

export const SETTINGS: readonly SettingSpec[] = [
  ...MANAGER_IDS.flatMap((id) => MANAGER_SETTING_KEYS.map((key) => setting(`managers.${id}.${key}`, 0.05))),
  // reference design 6.8: luck intensity 0 (none) to 3; the luck lab compares 0, 1 and 2
  setting('params.luckIntensity', 0.25),
];
const SETTING_PATHS = new Set(SETTINGS.map((s) => s.path));

export function isSettingPath(path: string): boolean {
  return SETTING_PATHS.has(path);
}

export function isLuckEvent(type: string): type is LuckEvent {
  return (LUCK_EVENTS as readonly string[]).includes(type);
}

/** the engine's default (src/engine/simulation.ts): 96 months, two council terms */
export const DEFAULT_MONTHS = 96;

export interface ScenarioInfo {
  id: string;
  title: { nl: string; en: string };
  description: { nl: string; en: string };
  notice: { nl: string; en: string };
  months: number;
  /** the scenario's value of every setting path (missing ones are left out) */
  settings: Record<string, number>;
}

/** Columns of the time-series rows, one row per month stepped. */
export const SERIES_COLUMNS = [
  'month',
  'metaValue',
  'metaCapacity',
  'metaLegitimacy',
  'supportCouncil',
  'supportPublic',
  'supportClients',
  'supportEmployers',
  'stock',
  'twinStock',
  'toWork',
  'twinToWork',
  'buigYear',
  'reintegrationYear',
  'lksYear',
  'composite',
  'twinComposite',
] as const;
export type SeriesColumn = (typeof SERIES_COLUMNS)[number];

/** one row of SERIES_COLUMNS for a month (the sandbox's charts and the training debrief read them) */
export function seriesRow(s: MonthSnapshot): number[] {
  const a = s.audiences;
  return [
    s.month,
    s.meta.corners.value,
    s.meta.corners.capacity,
    s.meta.corners.legitimacy,
    a.council.support,
    a.public.support,
    a.clients.support,
    a.employers.support,
    s.stock,
    s.twin.stock,
    s.flows.toWork,
    s.twin.toWork,
    s.budgets.buigYear,
    s.budgets.reintegrationYear,
    s.budgets.lksYear,
    s.composite,
    s.twin.composite,
  ];
}

export interface LoadRequest {
  scenarioId: string;
  seed: number;
  months: number;
  controls: PlayerControl[];
  /** replay quietly up to this month (a shared link that points into a run) */
  toMonth: number;
  /** how many clients to sample for the dots */
  sampleSize: number;
}

export interface AdvanceRequest {
  /** step at most this many months */
  months: number;
  /** or stop once this many milliseconds have passed (full speed); at least one month is stepped */
  budgetMs?: number;
  /** include the run report for the panels */
  report: boolean;
}

export interface Frame {
  month: number;
  months: number;
  done: boolean;
  /** the latest month; before the first step the starting state (month 0), so the stage is never empty */
  snapshot: MonthSnapshot;
  /**
   * One code per dot (always LoadRequest.sampleSize long): the STATUS_CODE of the client the dot follows;
   * STATUS_CODE.exited in the frame after that client left bijstand; SAMPLE_NOBODY when the dot follows
   * nobody this frame. See ClientSample.
   */
  sample: Uint8Array;
  /** SERIES_COLUMNS.length numbers per month stepped in this call */
  series: Float64Array;
  /** the events of every month stepped in this call */
  events: EventLogEntry[];
  report: RunReport | null;
  controls: PlayerControl[];
}

export interface SandboxApi {
  scenarios(): ScenarioInfo[];
  load(req: LoadRequest): Frame;
  advance(req: AdvanceRequest): Frame;
  /** schedule controls at the current month, all in the same month; returns them as recorded */
  control(controls: ControlInput[]): PlayerControl[];
  report(): RunReport | null;
  /** summary.json of the whole run with the player's controls: the bytes `meerwaarde run` writes */
  exportSummaryJson(): string;
  exportMonthlyCsv(): string;
  /** monthly.csv of the months played so far (the first rows of exportMonthlyCsv's file) */
  exportMonthlyCsvSoFar(): string;
  /** the effective scenario (with the player's controls as events), for `meerwaarde run` */
  exportScenarioJson(): string;
}
type SetControl = Extract<PlayerControl, { type: 'set' }>;
type CardControl = Exclude<PlayerControl, SetControl>;
/** a control without its month (the worker stamps the current month) */
export type ControlInput = Omit<SetControl, 'month'> | Omit<CardControl, 'month'>;
type ScheduledEvent = Parameters<Simulation['schedule']>[0];

/** Read a numeric value at a dotted path, or undefined. */
export function readPath(root: unknown, path: string): number | undefined {
  let node: unknown = root;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'number' && Number.isFinite(node) ? node : undefined;
}

function scenarioInfo(s: Scenario, resolved: unknown): ScenarioInfo {
  const settings: Record<string, number> = {};
  for (const spec of SETTINGS) {
    const v = readPath(resolved, spec.path) ?? readPath(s, spec.path);
    if (v !== undefined) settings[spec.path] = v;
  }
  return {
    id: s.id,
    title: s.title,
    description: s.description,
    notice: s.notice,
    months: s.months ?? DEFAULT_MONTHS,
    settings,
  };
}

/**
 * Validate a control list from outside (a URL, a message from the page) through the scenario schema, as
 * the same events in a scenario file: a setting within its range, a known card, a month within the run.
 * Drops nothing silently: throws on the first bad one.
 */
export function checkControls(controls: PlayerControl[], months: number): PlayerControl[] {
  return controls.map((c) => {
    if (!Number.isInteger(c.month) || c.month < 0 || c.month >= months) throw new Error(`control month out of range: ${c.month}`);
    if (c.type === 'set' && !isSettingPath(c.path)) throw new Error(`unknown setting: ${c.path}`);
    if (c.type !== 'set' && !isLuckEvent(c.type)) throw new Error(`unknown card: ${String(c.type)}`);
    if (!ScenarioEventSchema.safeParse(c).success) throw new Error(c.type === 'set' ? `bad value for ${c.path}: ${c.value}` : `bad card: ${c.type}`);
    return c;
  });
}

function byMonth(a: PlayerControl, b: PlayerControl): number {
  return a.month - b.month;
}

/** What the sandbox needs from the engine (the worker entry passes the real ones). */
export interface SandboxEngine {
  Simulation: new (opts: { scenario: Scenario; seed: number; months: number }) => Simulation;
  scenarios: readonly Scenario[];
  /** the scenario with every default filled in, to read the starting value of each setting */
  resolve?: (scenario: Scenario) => unknown;
}

/** A run: one Simulation plus the controls to replay at their months (also used by replay.ts). */
export class Run {
  readonly sim: Simulation;
  /** every control of this run, in month order (the URL's list) */
  readonly controls: PlayerControl[];
  private next = 0;
  last: MonthSnapshot | null = null;

  constructor(
    engine: SandboxEngine,
    readonly scenario: Scenario,
    readonly seed: number,
    months: number,
    controls: PlayerControl[],
  ) {
    this.sim = new engine.Simulation({ scenario, seed, months });
    this.controls = [...controls].sort(byMonth);
  }

  /** schedule the replayed controls due now, then step one month */
  step(): MonthSnapshot {
    const m = this.sim.month;
    while (this.next < this.controls.length && this.controls[this.next].month <= m) {
      this.sim.schedule({ ...this.controls[this.next], month: m } as ScheduledEvent);
      this.next++;
    }
    this.last = this.sim.step();
    return this.last;
  }

  /** a new control from the player, at the current month */
  add(c: PlayerControl): void {
    this.sim.schedule(c as ScheduledEvent);
    // A second change of one setting in the same month replaces the first in the list (the model applies
    // both in order, so the outcome is the same as applying the last one).
    const same = c.type === 'set' ? this.controls.findIndex((x) => x.type === 'set' && x.month === c.month && x.path === c.path) : -1;
    if (same >= 0) {
      this.controls[same] = c;
      return;
    }
    // Keep the list in month order; a player's control is always at the current month, after any replayed ones.
    this.controls.splice(this.next, 0, c);
    this.next++;
  }

  runToEnd(): void {
    while (!this.sim.done) this.step();
  }
}

const SERIES_WIDTH = SERIES_COLUMNS.length;

// ---------------------------------------------------------------------------------------------
// The clients behind the stage's dots.

/** A dot's code when it follows nobody this frame (beyond every STATUS_CODE). */
export const SAMPLE_NOBODY = 255;
const EXITED = STATUS_CODE.exited;

/** What ClientSample reads of the model's client pool (ClientPool: one slot per client, slots reused). */
export interface ClientSlots {
  /** slots in use */
  size: number;
  /** STATUS_CODE per slot; STATUS_CODE.exited for a free slot */
  status: ArrayLike<number>;
  /** the client's number per slot (a reused slot gets a new number) */
  uid: ArrayLike<number>;
}

/** The k-th smallest (from 0) of a[0..m), by selection in place (the order of a is lost). */
function kthSmallest(a: Uint32Array, m: number, k: number): number {
  let lo = 0;
  let hi = m - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >>> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k];
  }
  return a[k];
}

/** A fixed pseudo-random rank per client number (murmur3's finaliser): the sample's order. */
export function clientRank(uid: number): number {
  return fmix32(Math.imul(uid, 0x9e3779b1));
}

/**
 * The clients the dots follow: the `size` clients on the caseload with the lowest rank (a bottom-k
 * sample, so at every month a uniform random sample of the caseload however it grows or shrinks), each
 * followed by one dot for as long as it stays in the sample. Reading slots by position instead
 * (slot floor(i * pool.size / n)) hands most dots to other clients whenever the pool grows, so dots
 * jumped between zones for no reason.
 *
 * A dot's code per read: the status of its client; STATUS_CODE.exited once, in the read after its client
 * left bijstand; SAMPLE_NOBODY once, after its client dropped out of the sample (newcomers of lower
 * rank took the place), and for as long as there are fewer clients than dots. A dot freed in one read
 * takes a client who joined the sample in a later read, never in the same one, so the stage can tell a
 * person who moves from a dot that changes hands (it sees exited or nobody in between).
 */
export class ClientSample {
  private readonly uid: Int32Array;
  private readonly slot: Int32Array;
  /** the read in which a dot was freed */
  private readonly freedAt: Int32Array;
  private readonly members = new Set<number>();
  private reads = 0;
  private ranks = new Uint32Array(0);
  /** scratch: the ranks of the caseload, for the selection */
  private sorted = new Uint32Array(0);

  constructor(readonly size: number) {
    this.uid = new Int32Array(size);
    this.slot = new Int32Array(size);
    this.freedAt = new Int32Array(size).fill(-1);
  }

  /** One code per dot, in a fresh buffer of exactly `size` bytes (the worker transfers it). */
  read(pool: ClientSlots): Uint8Array {
    const n = this.size;
    const read = ++this.reads;
    const out = new Uint8Array(n);
    if (n === 0) return out;
    if (this.ranks.length < pool.size) {
      this.ranks = new Uint32Array(Math.ceil(pool.size * 1.25));
      this.sorted = new Uint32Array(this.ranks.length);
    }
    // the rank of every client on the caseload, and the n-th lowest (the sample's bound)
    let m = 0;
    for (let j = 0; j < pool.size; j++) {
      const r = pool.status[j] === EXITED ? 0xffffffff : clientRank(pool.uid[j]);
      this.ranks[j] = r;
      if (r !== 0xffffffff) this.sorted[m++] = r;
    }
    const bound = m === 0 ? -1 : kthSmallest(this.sorted, m, Math.min(n, m) - 1);

    // dots whose client stays, leaves bijstand, or drops out of the sample
    for (let i = 0; i < n; i++) {
      const u = this.uid[i];
      if (u === 0) {
        out[i] = SAMPLE_NOBODY;
        continue;
      }
      const j = this.slot[i];
      const here = j < pool.size && pool.uid[j] === u && pool.status[j] !== EXITED;
      if (here && this.ranks[j] <= bound) {
        out[i] = pool.status[j];
        continue;
      }
      out[i] = here ? SAMPLE_NOBODY : EXITED;
      this.members.delete(u);
      this.uid[i] = 0;
      this.freedAt[i] = read;
    }

    // clients who joined the sample take the dots freed in earlier reads, lowest rank first
    let free = 0;
    for (let i = 0; i < n; i++) if (this.uid[i] === 0 && this.freedAt[i] < read) free++;
    if (free === 0) return out;
    const joining: number[] = [];
    for (let j = 0; j < pool.size; j++) {
      if (pool.status[j] !== EXITED && this.ranks[j] <= bound && !this.members.has(pool.uid[j])) joining.push(j);
    }
    joining.sort((a, b) => this.ranks[a] - this.ranks[b] || pool.uid[a] - pool.uid[b]);
    let k = 0;
    for (let i = 0; i < n && k < joining.length; i++) {
      if (this.uid[i] !== 0 || this.freedAt[i] >= read) continue;
      const j = joining[k++];
      this.uid[i] = pool.uid[j];
      this.slot[i] = j;
      this.members.add(pool.uid[j]);
      out[i] = pool.status[j];
    }
    return out;
  }
}

export function createSandboxApi(engine: SandboxEngine, now: () => number = () => performance.now()): SandboxApi {
  let run: Run | null = null;
  let sample = new ClientSample(0);

  const current = (): Run => {
    if (!run) throw new Error('no run loaded');
    return run;
  };

  const frame = (r: Run, stepped: MonthSnapshot[], withReport: boolean): Frame => {
    const series = new Float64Array(stepped.length * SERIES_WIDTH);
    const events: EventLogEntry[] = [];
    stepped.forEach((s, i) => {
      series.set(seriesRow(s), i * SERIES_WIDTH);
      events.push(...s.events);
    });
    return {
      month: r.sim.month,
      months: r.sim.months,
      done: r.sim.done,
      snapshot: r.last ?? r.sim.current(),
      // a copy with its own buffer: the worker transfers (moves) it to the page
      sample: sample.read(r.sim.world.pool),
      series,
      events,
      report: withReport && r.last ? toReport(r.sim.summary(), r.last) : null,
      controls: r.controls.slice(),
    };
  };

  /** a fresh run replaying the current controls to the end: exports equal the CLI's for the same input */
  const replayToEnd = (): Run => {
    const r = current();
    const shadow = new Run(engine, r.scenario, r.seed, r.sim.months, r.controls);
    shadow.runToEnd();
    return shadow;
  };

  return {
    scenarios: () => engine.scenarios.map((s) => scenarioInfo(s, engine.resolve?.(s))),

    load(req) {
      const scenario = engine.scenarios.find((s) => s.id === req.scenarioId);
      if (!scenario) throw new Error(`unknown scenario: ${req.scenarioId}`);
      const controls = checkControls(req.controls, req.months);
      sample = new ClientSample(req.sampleSize);
      run = new Run(engine, scenario, req.seed, req.months, controls);
      const stepped: MonthSnapshot[] = [];
      const to = Math.min(req.toMonth, req.months);
      while (run.sim.month < to) stepped.push(run.step());
      return frame(run, stepped, true);
    },

    advance(req) {
      const r = current();
      const stepped: MonthSnapshot[] = [];
      const t0 = now();
      while (!r.sim.done && stepped.length < req.months) {
        stepped.push(r.step());
        if (req.budgetMs !== undefined && now() - t0 >= req.budgetMs) break;
      }
      return frame(r, stepped, req.report);
    },

    control(inputs) {
      const r = current();
      if (r.sim.done) throw new Error('the run is over; reset to play again');
      const controls = inputs.map((c) => ({ ...c, month: r.sim.month }) as PlayerControl);
      checkControls(controls, r.sim.months);
      for (const c of controls) r.add(c);
      return controls;
    },

    report() {
      const r = current();
      return r.last ? toReport(r.sim.summary(), r.last) : null;
    },

    exportSummaryJson: () => replayToEnd().sim.summaryJson(),
    exportMonthlyCsv: () => replayToEnd().sim.monthlyCsv(),
    exportMonthlyCsvSoFar: () => current().sim.monthlyCsv(),
    exportScenarioJson: () => {
      const r = current();
      const shadow = new Run(engine, r.scenario, r.seed, r.sim.months, r.controls);
      // Schedule every control at its month so the effective scenario holds them all.
      shadow.runToEnd();
      return JSON.stringify(shadow.sim.effectiveScenario(), null, 2) + '\n';
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The run report: what the panels show, read from Simulation.summary() and the latest snapshot.
// This is the one place that knows the shape of the summary.

export const ACCOUNT_COSTS = ['financialCosts', 'unintendedNegative', 'authorityCosts'] as const;
export const ACCOUNT_ACHIEVEMENTS = ['mission', 'unintendedPositive', 'clientSatisfaction', 'fairness'] as const;
export type AccountKey = (typeof ACCOUNT_COSTS)[number] | (typeof ACCOUNT_ACHIEVEMENTS)[number];
export type AccountUnit = 'euro' | 'people' | 'sanctions' | 'share';
export interface AccountLine {
  key: AccountKey;
  raw: number;
  unit: AccountUnit;
  /** normalised score in [0,1], higher is better (costs are flipped) */
  score: number;
}

export const QUADRANTS = ['individualOutcome', 'individualProcess', 'collectiveOutcome', 'collectiveProcess'] as const;
export type Quadrant = (typeof QUADRANTS)[number];
export const DIMENSIONS = ['programmatic', 'process', 'political', 'endurance'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** A McConnell label and the lowest score that earns it (summary.json's labelScale, best first). */
export interface LabelStep {
  label: Verdict['label'];
  min: number;
}

export interface TriangleCorners {
  value: number;
  capacity: number;
  legitimacy: number;
  balance: number;
}

export interface RunReport {
  month: number;
  /** summary.json's meta.modelVersion: the model that made these numbers */
  modelVersion: string;
  /** the label scale every verdict and dimension uses (summary.json's labelScale) */
  labelScale: LabelStep[];
  /** the municipality's (meta) triangle and each manager's, at the report's month */
  triangles: { municipality: TriangleCorners; managers: Record<ManagerId, TriangleCorners> };
  account: AccountLine[];
  quadrants: Record<Quadrant, number>;
  dimensions: Record<Dimension, Verdict>;
  managers: Record<ManagerId, Verdict>;
  audiences: Record<AudienceId, Verdict>;
  twin: {
    stock: number;
    twinStock: number;
    toWork: number;
    twinToWork: number;
    composite: number;
    twinComposite: number;
  };
}

type Summary = ReturnType<Simulation['summary']>;

const corners = (t: TriangleCorners): TriangleCorners => ({ value: t.value, capacity: t.capacity, legitimacy: t.legitimacy, balance: t.balance });

/** the panels' RunReport from a summary and the latest month (the sandbox and the training sessions) */
export function toReport(summary: Summary, last: MonthSnapshot): RunReport {
  const { costs, achievements } = summary.publicValueAccount;
  const runComposite = summary.twin.composite + summary.twin.strategyEffect.composite;
  return {
    month: last.month,
    modelVersion: summary.meta.modelVersion,
    account: [
      { key: 'financialCosts', raw: costs.financialCosts.totalEuro, unit: 'euro', score: costs.financialCosts.score },
      { key: 'unintendedNegative', raw: costs.unintendedNegativeConsequences.reentries, unit: 'people', score: costs.unintendedNegativeConsequences.score },
      { key: 'authorityCosts', raw: costs.socialCostsOfAuthority.sanctions, unit: 'sanctions', score: costs.socialCostsOfAuthority.score },
      { key: 'mission', raw: achievements.missionAchievement.jobStarts, unit: 'people', score: achievements.missionAchievement.score },
      { key: 'unintendedPositive', raw: achievements.unintendedPositiveConsequences.meanWellbeing, unit: 'share', score: achievements.unintendedPositiveConsequences.score },
      { key: 'clientSatisfaction', raw: achievements.clientSatisfaction.meanSatisfaction, unit: 'share', score: achievements.clientSatisfaction.score },
      { key: 'fairness', raw: achievements.justiceAndFairness.fairnessIndex, unit: 'share', score: achievements.justiceAndFairness.score },
    ],
    labelScale: summary.labelScale.map((s) => ({ label: s.label, min: s.min })),
    triangles: {
      municipality: corners(summary.triangles.municipality),
      managers: Object.fromEntries(MANAGER_IDS.map((id) => [id, corners(summary.triangles.managers[id])])) as Record<ManagerId, TriangleCorners>,
    },
    quadrants: summary.tables.outcomeProcess,
    dimensions: summary.dimensions,
    managers: summary.verdicts.managers,
    audiences: summary.verdicts.audiences,
    twin: {
      stock: summary.caseload.stock,
      twinStock: summary.twin.stock,
      toWork: achievements.missionAchievement.jobStarts,
      twinToWork: summary.twin.jobStarts,
      composite: runComposite,
      twinComposite: summary.twin.composite,
    },
  };
}
