// The whole state of one simulated municipality, and how it starts.
import { ClientPool, initialEmployed, initialStock, initialSubsidised, respectFelt } from './clients';
import type { ModelConfig, ModelEvent } from './config';
import type { Params } from './params';
import { createStreams, type Streams } from './random';
import { K, relativeWeights, tv } from './values';
import {
  AUDIENCE_IDS,
  MANAGER_IDS,
  type AudienceId,
  type Corner,
  type CornerTriple,
  type EventLogEntry,
  type InitiativeKind,
  type ManagerId,
} from './types';
import { Rolling } from './rolling';
import { inhabitants } from './bounds';

/** months of performance deviations the loop gain looks back over (meta.ts: a 12-month lag over a 24-month window) */
export const DEV_HISTORY = 36;

export interface ManagerState {
  id: ManagerId;
  weights: number[];
  clarity: number;
  /** corners */
  V: number;
  C: number;
  L: number;
  /** role-specific resources and ambition (relative units, 1 = the start) */
  res: number;
  amb: number;
  stance: CornerTriple;
  attention: CornerTriple;
  /** the attention the manager starts from and returns to when adapting (the scenario's, else the role's) */
  prior: CornerTriple;
  courage: number;
  design: number;
  reframe: number;
  credibility: number;
  aspiration: number;
  /** trust of this manager in each colleague */
  trust: Record<ManagerId, number>;
  tenure: number;
  control: 'auto' | 'fixed';
  /** own verdict: sum_k w_k z_k */
  verdict: number;
  /** weights of the audiences this manager answers to */
  audienceMix: Partial<Record<AudienceId, number>>;
}

export interface AudienceState {
  id: AudienceId;
  weights: number[];
  power: number;
  support: number;
  aspiration: number;
  perceived: number;
  frame: number;
  /** support change from communication this month */
  comm: number;
}

export interface PendingInitiative {
  month: number;
  manager: ManagerId;
  kind: InitiativeKind;
  corner: Corner;
  success: boolean;
  size: number;
  /** launched by the scenario or a player (a card) rather than by the manager's own decision */
  scheduled: boolean;
}

export interface TimedEffect {
  until: number;
  kind: 'inflowMult' | 'carvedJobs' | 'partnerAccess' | 'extraInflow' | 'perception';
  amount: number;
}

/** Cumulative public value account, raw units. */
export interface Ledger {
  benefitSpend: number;
  reintSpend: number;
  lksSpend: number;
  inflow: number;
  /** clients in a subsidised job at the start (tracked besides the N0 on bijstand) */
  initialSubsidised: number;
  /** former clients at work at the start, followed for re-entry (tracked besides the N0 on bijstand) */
  initialEmployed: number;
  jobStarts: number;
  subsidisedStarts: number;
  durableExits: number;
  otherExits: number;
  /** former clients no longer tracked: retired from work, or at work for five years */
  outOfSight: number;
  /** everyone who left for good (other exits, pensions, out of sight), by distance tier when they left */
  leftByTier: Float64Array;
  reentries: number;
  sanctions: number;
  wrongfulSanctions: number;
  ladderUp: number;
  ladderDown: number;
  banenafspraakJobs: number;
  /** regular jobs displaced by subsidised ones at this moment (a stock, not a sum) */
  displacedJobsNow: number;
  grants: number;
}

export interface MonthFlows {
  inflow: number;
  toWork: number;
  subsidisedStarts: number;
  otherExits: number;
  reentries: number;
  sanctions: number;
  wrongfulSanctions: number;
  ladderSteps: number;
  targetGroupJobs: number;
  creamedStarts: number;
}

export interface World {
  t: number;
  params: Params;
  config: ModelConfig;
  /** the benchmark twin: the default municipality in the same environment, with luck of its own */
  isTwin: boolean;
  rng: Streams;
  pool: ClientPool;
  /** inhabitants aged 18 to the AOW age: the most people the model tracks at once (bounds.ts) */
  inhabitants: number;
  // environment
  lmX: number;
  lm: number;
  vacPool: number;
  employerGoodwill: number;
  staffFte: number;
  staffTarget: number;
  staffMorale: number;
  methodQuality: number;
  conflict: number;
  alignment: number;
  qEff: number;
  kappa: number;
  /** enforcement this month (werkbedrijf.ts: the strictness policy, the alderman's values, scandals) */
  strictness: number;
  /** easing of enforcement after a scandal, fading by 5% a month */
  scandalRelief: number;
  slots: number;
  overload: number;
  caseloadPerFte: number;
  /** permanent jobs carved for the target group by covenants (share of vacancies) */
  carved: number;
  /** this month's budget-noise draw (env stream) */
  budgetNoise: number;
  slots0: number;
  /** expected job finds this month before the vacancy constraint */
  jobDemand: number;
  metaV: number;
  metaC: number;
  metaL: number;
  mergerMonth: number;
  /** smoothed distance of clients chosen for service minus that of all candidates (negative: creaming) */
  allocationTilt: number;
  /** has the tilt had its first month (it starts from that month's gap, not from 0) */
  tiltStarted: boolean;
  effects: TimedEffect[];
  buigShockNext: number;
  // budgets (euro)
  buigYear: number;
  buigSpendYtd: number;
  reintYear: number;
  reintSpendYtd: number;
  lksYear: number;
  lksSpendYtd: number;
  grantsYtd: number;
  reint0: number;
  lks0: number;
  buigDeficitShare: number;
  lastBuigResult: number;
  // politics
  aldermanFalls: number;
  aldermanFallMonths: number[];
  elections: number;
  /** month of a scheduled (forced) election loss: it stands in for a regular election that month */
  forcedElectionMonth: number;
  aldermenServed: number;
  scandalThisMonth: boolean;
  negativeEventThisQuarter: boolean;
  // actors
  managers: Record<ManagerId, ManagerState>;
  audiences: Record<AudienceId, AudienceState>;
  pending: PendingInitiative[];
  promise: number;
  expectMgmt: number;
  // indicators
  roll: Rolling;
  x: Float64Array;
  z: Float64Array;
  zLag: Float64Array[];
  /** benchmark each indicator is judged against (set by the run: twin and history) */
  bench: Float64Array;
  composite: number;
  // the month's flows and the run's ledger
  flows: MonthFlows;
  ledger: Ledger;
  events: EventLogEntry[];
  eventLog: EventLogEntry[];
  schedule: ModelEvent[];
  scheduleIndex: number;
  // duration dependence: exits and person-months at risk by band (<12, 12-36, >36 months)
  exitsByDur: Float64Array;
  riskByDur: Float64Array;
  // re-entry cohort: job starts by month and how many of them re-entered within 12 months
  startsByMonth: Int32Array;
  returnsWithin12: Int32Array;
  // loop telemetry
  /** this month's loop levels (one entry) */
  loopLevels: Float64Array[];
  loopGain: number;
  /** months of loop telemetry so far; the last six performance levels; the last 36 deviations from par */
  loopMonths: number;
  perfRing: Float64Array;
  devRing: Float64Array;
  /** performance minus par, smoothed (sign of the spiral) */
  loopDeviation: number;
  perceivedMean: number;
  parkingShare: number;
  wrongfulRateYear: number;
  scandalRateYear: number;
  /** when tracing: flat list of (month, client, from, to, reason, tier) transitions; tier 1-4 at the moment of the transition */
  trace: number[] | null;
  /** mean wellbeing of the initial stock */
  initialWellbeing: number;
}

export function emptyFlows(): MonthFlows {
  return { inflow: 0, toWork: 0, subsidisedStarts: 0, otherExits: 0, reentries: 0, sanctions: 0, wrongfulSanctions: 0, ladderSteps: 0, targetGroupJobs: 0, creamedStarts: 0 };
}

const AUDIENCE_MIX: Record<ManagerId, Partial<Record<AudienceId, number>>> = {
  W: { council: 0.5, public: 0.3, clients: 0.1, employers: 0.1 },
  D: { council: 1 },
  H: { employers: 0.5, clients: 0.5 },
  P: { employers: 1 },
};

/**
 * A world. The benchmark twin (isTwin) shares the env stream with the actual municipality, so both meet the same
 * labour market and the same luck events (common random numbers), but draws its clients, decisions, politics and
 * media from streams of its own: it is another ordinary municipality, with idiosyncratic luck of its own.
 */
export function createWorld(config: ModelConfig, seed: number, months: number, isTwin: boolean): World {
  // a copy of its own (settings change it during a run), made by spreading: V8 keeps a spread object's
  // 150 properties in fast mode, where a property-by-property build falls back to a slow dictionary
  const params = { ...config.params };
  const rng = createStreams(seed, isTwin ? ':twin' : '');
  if (isTwin) rng.env = createStreams(seed).env;
  const population = inhabitants(params.N0);
  const pool = new ClientPool(Math.ceil(params.N0 * 2.2) + 64, population);
  // the respect clients feel at the start (flows.ts), for the stock's settled satisfaction
  const respect0 = respectFelt(0, config.managers.H.stance.legitimacy, params.strictness, params.staffMorale0);
  initialStock(pool, params, rng.clients, respect0);
  const subsidised0 = initialSubsidised(pool, params, rng.clients);
  const employed0 = initialEmployed(pool, params, rng.clients);
  const managers = {} as Record<ManagerId, ManagerState>;
  for (const id of MANAGER_IDS) {
    const mc = config.managers[id];
    // traits not set by the scenario are drawn (three draws per manager, always, to keep the stream aligned)
    const drawn = [0.2 + 0.4 * rng.decisions.next(), 0.2 + 0.4 * rng.decisions.next(), 0.2 + 0.4 * rng.decisions.next()];
    managers[id] = {
      id,
      weights: [...mc.weights],
      clarity: 0.6,
      V: 0.5,
      C: 0.5,
      L: 0.5,
      res: 1,
      amb: 1,
      stance: { ...mc.stance },
      attention: { ...mc.attention },
      prior: { ...mc.attention },
      courage: mc.courage ?? drawn[0],
      design: mc.design ?? drawn[1],
      reframe: mc.reframe ?? drawn[2],
      credibility: 0.6,
      aspiration: 0.5,
      trust: { W: 0.6, D: 0.6, H: 0.6, P: 0.6 },
      tenure: 0,
      control: mc.control,
      verdict: 0.5,
      audienceMix: AUDIENCE_MIX[id],
    };
  }
  const audiences = {} as Record<AudienceId, AudienceState>;
  // powers are relative (only their ratios count); when all are 0, each audience counts the same
  const given = relativeWeights(AUDIENCE_IDS.map((id) => config.audiences[id].power));
  const powers = given.some((x) => x > 0) ? given : given.map(() => 1);
  AUDIENCE_IDS.forEach((id, i) => {
    const ac = config.audiences[id];
    audiences[id] = { id, weights: [...ac.weights], power: powers[i], support: params.U0, aspiration: 0.5, perceived: 0.5, frame: 0, comm: 0 };
  });
  const schedule = [...config.events].sort((a, b) => a.month - b.month);
  const w: World = {
    t: 0,
    params,
    config,
    isTwin,
    rng,
    pool,
    inhabitants: population,
    lmX: 0,
    lm: params.lm0,
    vacPool: 0,
    employerGoodwill: 0.5,
    staffFte: params.staffFte,
    staffTarget: params.staffFte,
    staffMorale: params.staffMorale0,
    methodQuality: params.methodQuality0,
    conflict: tv(managers.W.weights, managers.D.weights),
    alignment: 1,
    qEff: params.methodQuality0,
    kappa: params.kappaBase,
    strictness: params.strictness,
    scandalRelief: 0,
    slots: 0,
    overload: 0,
    caseloadPerFte: params.caseloadPerFte,
    carved: 0,
    budgetNoise: 0,
    slots0: 0,
    jobDemand: 0,
    metaV: 0.5,
    metaC: 0.5,
    metaL: 0.5,
    mergerMonth: -1,
    allocationTilt: 0,
    tiltStarted: false,
    effects: [],
    buigShockNext: 0,
    buigYear: params.benefitCostYear * params.N0 * (1 + params.buigBias),
    buigSpendYtd: 0,
    reintYear: params.reintBudgetYear,
    reintSpendYtd: 0,
    lksYear: params.lksBudgetYear,
    lksSpendYtd: 0,
    grantsYtd: 0,
    reint0: Math.max(1, params.reintBudgetYear),
    lks0: Math.max(1, params.lksBudgetYear),
    buigDeficitShare: 0,
    lastBuigResult: 0,
    aldermanFalls: 0,
    aldermanFallMonths: [],
    elections: 0,
    forcedElectionMonth: -1,
    aldermenServed: 1,
    scandalThisMonth: false,
    negativeEventThisQuarter: false,
    managers,
    audiences,
    pending: [],
    promise: 0,
    expectMgmt: 0,
    roll: new Rolling(12),
    x: new Float64Array(K),
    z: new Float64Array(K).fill(0.5),
    zLag: [new Float64Array(K).fill(0.5), new Float64Array(K).fill(0.5), new Float64Array(K).fill(0.5)],
    bench: new Float64Array(K),
    composite: 0.5,
    flows: emptyFlows(),
    ledger: {
      benefitSpend: 0, reintSpend: 0, lksSpend: 0, inflow: 0, initialSubsidised: subsidised0, initialEmployed: employed0, jobStarts: 0, subsidisedStarts: 0, durableExits: 0, otherExits: 0, outOfSight: 0, leftByTier: new Float64Array(4),
      reentries: 0, sanctions: 0, wrongfulSanctions: 0, ladderUp: 0, ladderDown: 0, banenafspraakJobs: 0, displacedJobsNow: 0, grants: 0,
    },
    events: [],
    eventLog: [],
    schedule,
    scheduleIndex: 0,
    exitsByDur: new Float64Array(3),
    riskByDur: new Float64Array(3),
    startsByMonth: new Int32Array(months + 1),
    returnsWithin12: new Int32Array(months + 1),
    loopLevels: [],
    loopGain: 1,
    loopMonths: 0,
    perfRing: new Float64Array(6),
    devRing: new Float64Array(DEV_HISTORY),
    loopDeviation: 0,
    perceivedMean: 0.5,
    parkingShare: 0,
    wrongfulRateYear: 0,
    scandalRateYear: params.scandalBase,
    initialWellbeing: meanWellbeing(pool),
    trace: null,
  };
  return w;
}

function meanWellbeing(pool: ClientPool): number {
  let s = 0;
  for (let j = 0; j < pool.size; j++) s += pool.wellbeing[j];
  return pool.size > 0 ? s / pool.size : 0;
}

/** Default attention over the levers per role (reference design 6.7.12). */
export const ROLE_PRIOR: Record<ManagerId, CornerTriple> = {
  W: { value: 0.4, capacity: 0.2, legitimacy: 0.4 },
  D: { value: 0.2, capacity: 0.5, legitimacy: 0.3 },
  H: { value: 0.3, capacity: 0.5, legitimacy: 0.2 },
  P: { value: 0.2, capacity: 0.4, legitimacy: 0.4 },
};

/** normalised attention */
export function attentionShares(m: ManagerState): CornerTriple {
  const a = m.attention;
  const s = a.value + a.capacity + a.legitimacy;
  if (!(s > 0)) return { value: 1 / 3, capacity: 1 / 3, legitimacy: 1 / 3 };
  return { value: a.value / s, capacity: a.capacity / s, legitimacy: a.legitimacy / s };
}

export function logEvent(w: World, e: Omit<EventLogEntry, 'month'>): void {
  const entry: EventLogEntry = { month: w.t, ...e };
  w.events.push(entry);
  w.eventLog.push(entry);
}
