// A run: the actual municipality and its benchmark twin stepped in lockstep, with the player's controls
// recorded so that the run can be replayed exactly (by the CLI, from a URL, in a sweep).
import { createWorld, type World } from '../model/world';
import { createStepper, stepMonth, stockOf, type Stepper } from '../model/step';
import { snapshot } from '../model/snapshot';
import { STATUSES, type MonthSnapshot } from '../model/types';
import { REASONS, TRACE_STRIDE } from '../model/clients';
import { K } from '../model/values';
import type { ModelEvent } from '../model/config';
import { resolveConfig, twinConfig } from '../scenario/resolve';
import { scenarioHash, withEvents } from '../scenario/parse';
import { MAX_SEED, type Scenario, type ScenarioEvent } from '../scenario/schema';
import { buildSummary, type Summary } from './summary';
import { IDENTITY_HEADER, identityCells, monthlyCsv, type RunIdentity } from './monthly-csv';
import { MODEL_VERSION } from '../model/version';
import { stableJson } from './json';

export const DEFAULT_MONTHS = 96;

export interface SimulationOptions {
  scenario: Scenario;
  seed: number;
  months?: number;
  /** record every client transition (for clients.csv) */
  trace?: boolean;
}

export class Simulation {
  readonly seed: number;
  readonly months: number;
  readonly scenario: Scenario;
  private readonly actual: Stepper;
  private readonly twin: Stepper;
  /** the twin's historical norm per indicator (36-month moving average) */
  private readonly history = new Float64Array(K);
  private readonly added: ScenarioEvent[] = [];
  private prevLevels: number[] | null = null;
  readonly snapshots: MonthSnapshot[] = [];

  constructor(opts: SimulationOptions) {
    if (!Number.isInteger(opts.seed) || opts.seed < 0 || opts.seed > MAX_SEED) throw new RangeError(`seed must be a whole number from 0 to ${MAX_SEED}, got ${opts.seed}`);
    this.seed = opts.seed;
    this.scenario = opts.scenario;
    this.months = opts.months ?? opts.scenario.months ?? DEFAULT_MONTHS;
    const config = resolveConfig(opts.scenario);
    this.actual = createStepper(createWorld(config, opts.seed, this.months, false));
    this.twin = createStepper(createWorld(twinConfig(config), opts.seed, this.months, true));
    if (opts.trace) this.actual.world.trace = [];
  }

  get month(): number {
    return this.actual.world.t;
  }

  get done(): boolean {
    return this.actual.world.t >= this.months;
  }

  /** the actual world (read-only use: tests, summaries) */
  get world(): World {
    return this.actual.world;
  }

  get twinWorld(): World {
    return this.twin.world;
  }

  /**
   * Advances one month: twin first, then the actual municipality. The two are each other's peers: the
   * actual is judged against the twin this month, the twin against the actual as it stood last month (each
   * mixed with the twin's own history when benchmarkWeight < 1), and each takes the other's caseload as its
   * reference (BUIG, caseload reduction), so that in the baseline the two are alike in every respect and the
   * actual's scores centre on 0.5.
   */
  step(): MonthSnapshot {
    if (this.done) throw new RangeError(`the run has ended at month ${this.months}`);
    const tw = this.twin.world;
    const aw = this.actual.world;
    const bw = aw.params.benchmarkWeight;
    if (aw.t > 0) for (let k = 0; k < K; k++) tw.bench[k] = bw * aw.x[k] + (1 - bw) * this.history[k];
    // the twin's reference caseload (BUIG, caseload reduction) is the actual's as it stood last month
    stepMonth(this.twin, stockOf(this.actual));
    const first = tw.t === 1;
    const bench = aw.bench;
    for (let k = 0; k < K; k++) {
      if (first) this.history[k] = tw.x[k];
      bench[k] = bw * tw.x[k] + (1 - bw) * this.history[k];
      this.history[k] += (tw.x[k] - this.history[k]) / 36;
    }
    stepMonth(this.actual, stockOf(this.twin));
    const snap = snapshot(this.actual, this.twin, this.prevLevels);
    this.prevLevels = Array.from(this.actual.world.loopLevels[this.actual.world.loopLevels.length - 1]);
    this.snapshots.push(snap);
    return snap;
  }

  /** The latest month, or before the first step (month 0) the starting state: the same shape either way. */
  current(): MonthSnapshot {
    return this.snapshots[this.snapshots.length - 1] ?? snapshot(this.actual, this.twin, null);
  }

  /** Steps to the end (or n months). */
  run(n = Infinity): void {
    for (let i = 0; i < n && !this.done; i++) this.step();
  }

  /**
   * A player's control (a setting or a card) for the current month. It takes effect at the start of the
   * next step, exactly as the same event in a scenario file would.
   */
  schedule(event: ScenarioEvent): void {
    const e = { ...event, month: this.month } as ScenarioEvent;
    this.added.push(e);
    for (const s of [this.actual, this.twin]) insertEvent(s.world, e as ModelEvent);
  }

  /** The scenario with all player controls: running it with the same seed and months gives the same bytes. */
  effectiveScenario(): Scenario {
    return this.added.length === 0 ? this.scenario : withEvents(this.scenario, this.added);
  }

  summary(): Summary {
    return buildSummary(this);
  }

  summaryJson(): string {
    return stableJson(this.summary());
  }

  /** seed, scenario hash (of the effective scenario) and model version, carried by every output */
  identity(): RunIdentity {
    return { modelVersion: MODEL_VERSION, scenarioHash: scenarioHash(this.effectiveScenario()), seed: this.seed };
  }

  monthlyCsv(): string {
    return monthlyCsv(this.snapshots, this.identity());
  }

  /** clients.csv: every client transition of the actual municipality (needs trace: true). */
  clientsCsv(): string {
    return [...this.clientsCsvChunks()].join('');
  }

  /** clients.csv in pieces of at most 10,000 lines, so that a trace of any size can be written to a file. */
  *clientsCsvChunks(): Generator<string> {
    const trace = this.actual.world.trace;
    if (!trace) throw new Error('this run was not traced');
    const prefix = identityCells(this.identity());
    yield `${IDENTITY_HEADER},month,client,from,to,reason,tier\n`;
    let lines: string[] = [];
    for (let i = 0; i < trace.length; i += TRACE_STRIDE) {
      lines.push(`${prefix},${trace[i]},${trace[i + 1]},${STATUSES[trace[i + 2]]},${STATUSES[trace[i + 3]]},${REASONS[trace[i + 4]]},${trace[i + 5]}\n`);
      if (lines.length === 10_000) {
        yield lines.join('');
        lines = [];
      }
    }
    if (lines.length > 0) yield lines.join('');
  }

  actualStepper(): Stepper {
    return this.actual;
  }

  twinStepper(): Stepper {
    return this.twin;
  }
}

function insertEvent(w: World, e: ModelEvent): void {
  let i = w.scheduleIndex;
  while (i < w.schedule.length && w.schedule[i].month <= e.month) i++;
  w.schedule.splice(i, 0, e);
}
