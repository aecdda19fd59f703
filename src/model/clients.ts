// Jobseekers on bijstand, struct-of-arrays: one typed array per state variable, one slot per client.
// Employed ex-clients stay tracked (for re-entry) for five years; slots of clients who left for good are
// reused by newcomers through a free list, so the arrays stay small and the loop stays linear.
import { log, pow } from './detmath';
import type { Stream } from './random';
import type { Params } from './params';
import { startingSubsidisedMax } from './bounds';

export const S_BENEFIT = 0;
export const S_TRAJECTORY = 1;
export const S_PARTICIPATION = 2;
export const S_SUBSIDISED = 3;
export const S_EMPLOYED = 4;
export const S_EXITED = 5;

export const I_NONE = 0;
export const I_COACHING = 1;
export const I_LKS = 2;
export const I_PARTICIPATION = 3;

/** jobMonth of a client who has not had a job in the run (or before it) */
export const NO_JOB = -1_000_000;

/**
 * The respect clients feel from the werkbedrijf: consultants who are not overloaded and not demoralised, an
 * outside-in way of working ("klant centraal": the head's legitimacy stance toward 0), mild enforcement.
 */
export function respectFelt(overload: number, headLegitimacyStance: number, strictness: number, morale: number): number {
  return 0.45 * (1 - overload) + 0.05 * (1 - headLegitimacyStance) + 0.3 * (1 - strictness) + 0.2 * morale;
}

/** Wellbeing a client on bijstand settles at when idle (active clients settle 0.25 above it, see flows.ts). */
export function restingWellbeing(d: number): number {
  return 0.7 - 0.45 * d;
}

/** tier from distance: Utrecht's arrangements (< .3, .3-.55, .55-.8, >= .8) */
export function tierOf(d: number): number {
  return d < 0.3 ? 0 : d < 0.55 ? 1 : d < 0.8 ? 2 : 3;
}
const TIER_LO = [0, 0.3, 0.55, 0.8];
const TIER_HI = [0.3, 0.55, 0.8, 1];

export class ClientPool {
  size = 0; // slots in use (high-water mark)
  capacity: number;
  /** the most slots the pool may ever hold (the inhabitants 18 to AOW age, bounds.ts) */
  readonly limit: number;
  d!: Float64Array; // distance to the labour market, 0-1
  dur!: Int32Array; // months on benefit in the current spell
  ageM!: Int32Array; // age in months
  status!: Uint8Array;
  instrument!: Uint8Array;
  monthsInStatus!: Int32Array;
  ladder!: Uint8Array; // participatieladder 1..6
  wellbeing!: Float64Array;
  satisfaction!: Float64Array;
  sanctions!: Uint16Array;
  wrongful!: Uint16Array;
  creamed!: Uint8Array;
  everWork!: Uint8Array;
  idle!: Int32Array; // months without any service contact
  jobMonth!: Int32Array; // month of the last job start (-1 none), for the re-entry cohort
  uid!: Int32Array; // stable client number (slots are reused, numbers are not)
  nextUid = 1;
  free: number[] = [];

  constructor(capacity: number, limit = Number.MAX_SAFE_INTEGER) {
    this.limit = limit;
    this.capacity = Math.min(limit, Math.max(16, capacity));
    this.allocate(this.capacity);
  }

  private allocate(cap: number): void {
    const grow = <T extends Float64Array | Int32Array | Uint8Array | Uint16Array>(old: T | undefined, make: (n: number) => T): T => {
      const a = make(cap);
      if (old) a.set(old.subarray(0, Math.min(old.length, cap)) as never);
      return a;
    };
    this.d = grow(this.d, (n) => new Float64Array(n));
    this.dur = grow(this.dur, (n) => new Int32Array(n));
    this.ageM = grow(this.ageM, (n) => new Int32Array(n));
    this.status = grow(this.status, (n) => new Uint8Array(n).fill(S_EXITED));
    this.instrument = grow(this.instrument, (n) => new Uint8Array(n));
    this.monthsInStatus = grow(this.monthsInStatus, (n) => new Int32Array(n));
    this.ladder = grow(this.ladder, (n) => new Uint8Array(n));
    this.wellbeing = grow(this.wellbeing, (n) => new Float64Array(n));
    this.satisfaction = grow(this.satisfaction, (n) => new Float64Array(n));
    this.sanctions = grow(this.sanctions, (n) => new Uint16Array(n));
    this.wrongful = grow(this.wrongful, (n) => new Uint16Array(n));
    this.creamed = grow(this.creamed, (n) => new Uint8Array(n));
    this.everWork = grow(this.everWork, (n) => new Uint8Array(n));
    this.idle = grow(this.idle, (n) => new Int32Array(n));
    this.jobMonth = grow(this.jobMonth, (n) => new Int32Array(n).fill(NO_JOB));
    this.uid = grow(this.uid, (n) => new Int32Array(n));
    if (this.status.length > this.size) this.status.fill(S_EXITED, this.size);
  }

  /** a slot for a newcomer: the lowest freed slot first (deterministic), else a new one */
  take(): number {
    if (this.free.length > 0) return this.free.pop() as number;
    if (this.size >= this.capacity) {
      // the inflow never brings more people than the inhabitants (flows.ts), so the limit is never passed
      if (this.capacity >= this.limit) throw new RangeError(`the client pool is full (${this.limit} inhabitants)`);
      this.capacity = Math.min(this.limit, Math.ceil(this.capacity * 1.5));
      this.allocate(this.capacity);
    }
    return this.size++;
  }

  release(j: number): void {
    this.status[j] = S_EXITED;
    this.free.push(j);
  }

  /** Puts a new client on benefit in slot j. */
  place(j: number, d: number, durMonths: number, ageMonths: number): void {
    this.d[j] = d;
    this.dur[j] = durMonths;
    this.ageM[j] = ageMonths;
    this.status[j] = S_BENEFIT;
    this.instrument[j] = 0;
    this.monthsInStatus[j] = 0;
    this.ladder[j] = d < 0.3 ? 5 : d < 0.55 ? 4 : d < 0.8 ? 3 : 2;
    this.wellbeing[j] = restingWellbeing(d);
    this.satisfaction[j] = 0.5;
    this.sanctions[j] = 0;
    this.wrongful[j] = 0;
    this.creamed[j] = 0;
    this.everWork[j] = 0;
    this.idle[j] = 0;
    this.jobMonth[j] = NO_JOB;
    this.uid[j] = this.nextUid++;
  }
}

/** Draws a distance within a tier. */
export function distanceInTier(tier: number, u: number): number {
  return TIER_LO[tier] + (TIER_HI[tier] - TIER_LO[tier]) * u;
}

/** Index in a cumulative distribution. */
export function pickIndex(cumulative: readonly number[], u: number): number {
  for (let i = 0; i < cumulative.length; i++) if (u < cumulative[i]) return i;
  return cumulative.length - 1;
}

const STOCK_TIER_CUM = [0.2, 0.45, 0.75, 1]; // 20/25/30/25% (SCP 2019: 55-60% tiers 3-4)
// Duration bands (<1, 1-2, 2-5, >=5 years) by tier: overall 20/13/22/45% (CBS: "bijna 50% >= 5 jaar"),
// with far-from-market clients longer on benefit (distance-duration correlation ~0.4).
const DUR_BAND_CUM_BY_TIER = [
  [0.42, 0.62, 0.82, 1],
  [0.24, 0.4, 0.66, 1],
  [0.14, 0.26, 0.5, 1],
  [0.08, 0.17, 0.37, 1],
];
const DUR_BAND = [
  [0, 12],
  [12, 24],
  [24, 60],
  [60, 180],
];
const AGE_CUM = [0.1, 0.43, 1]; // <27, 27-45, 45-67 (CBS 2022-2024: 10/33/57%)
const AGE_BAND = [
  [18, 27],
  [27, 45],
  [45, 67],
];
const INFLOW_AGE_CUM = [0.25, 0.65, 1];

export function initialStock(pool: ClientPool, params: Params, rng: Stream, respect: number): void {
  for (let i = 0; i < params.N0; i++) {
    const tier = pickIndex(STOCK_TIER_CUM, rng.next());
    const d = distanceInTier(tier, rng.next());
    const band = pickIndex(DUR_BAND_CUM_BY_TIER[tier], rng.next());
    const dur = Math.floor(rng.uniform(DUR_BAND[band][0], DUR_BAND[band][1]));
    const ageBand = pickIndex(AGE_CUM, rng.next());
    const ageYears = rng.uniform(AGE_BAND[ageBand][0], AGE_BAND[ageBand][1]);
    const ageM = Math.max(18 * 12 + dur, Math.floor(ageYears * 12));
    const j = pool.take();
    pool.place(j, d, dur, Math.min(ageM, params.aowAgeYears * 12 - 1));
    // a stock that has been running for years: satisfaction has settled toward the respect felt, and the
    // months since the last service contact are spread over the spell (mean about six years)
    pool.satisfaction[j] = respect - (respect - 0.5) * pow(0.9, dur);
    pool.idle[j] = Math.min(dur, Math.floor(-72 * log(1 - rng.next())));
  }
}

/**
 * Former clients at work at the start, followed for re-entry as if the run had started five years earlier:
 * job starts spread over the past 60 months, thinned by the re-entries and pensions since. About a year of
 * outflow to work, for each of the five years, survives (the numbers are those of the model's own steady state).
 */
export function initialEmployed(pool: ClientPool, params: Params, rng: Stream): number {
  const n = Math.round(INITIAL_EMPLOYED_SHARE * params.N0);
  for (let i = 0; i < n; i++) {
    const tier = pickIndex(EMPLOYED_TIER_CUM, rng.next());
    const since = 1 + Math.floor(rng.next() * 59);
    const d = Math.max(0, distanceInTier(tier, rng.next()) - params.workDistGain * since);
    const ageM = Math.floor(rng.uniform(20, 62) * 12);
    const j = pool.take();
    pool.place(j, d, 0, ageM);
    pool.status[j] = S_EMPLOYED;
    pool.monthsInStatus[j] = since;
    pool.jobMonth[j] = -since;
    pool.everWork[j] = 1;
  }
  return n;
}
const INITIAL_EMPLOYED_SHARE = 0.4;
const EMPLOYED_TIER_CUM = [0.45, 0.8, 0.97, 1];

/**
 * Subsidised jobs running at the start: a municipality spends its wage-cost subsidy budget on people already
 * placed (Divosa: LKS is 5-15% of BUIG), so the budget is mostly committed on day one.
 */
export function initialSubsidised(pool: ClientPool, params: Params, rng: Stream): number {
  const n = Math.min(startingSubsidisedMax(params.N0), Math.floor((0.95 * params.lksBudgetYear) / 12 / params.lksCostMonth));
  for (let i = 0; i < n; i++) {
    // placed at a distance of 0.55-0.85 one to five years ago, and closer to the market since (learning on the job)
    const d = 0.25 + 0.6 * rng.next();
    const ageM = Math.floor(rng.uniform(20, 60) * 12);
    const j = pool.take();
    pool.place(j, d, 0, ageM);
    pool.status[j] = S_SUBSIDISED;
    pool.monthsInStatus[j] = 12 + Math.floor(rng.next() * 48); // already durable: not counted again
    pool.everWork[j] = 1;
  }
  return n;
}

/** A newcomer: tier mix depends on the labour market (recession: job-ready people flow in). */
export function admitNewcomer(pool: ClientPool, params: Params, lm: number, rng: Stream): number {
  const p1 = clamp01(params.inflowTier1Share - 0.15 * (lm - params.lm0) - params.inflowHardShift / 2);
  const hard = clamp01(0.55 + params.inflowHardShift);
  const rest = 1 - p1;
  // tiers 2..4 split the rest: tier 2 gets (1 - hard) of it, tiers 3 and 4 share `hard` 55/45
  const cum = [p1, p1 + rest * (1 - hard), p1 + rest * (1 - hard) + rest * hard * 0.55, 1];
  const tier = pickIndex(cum, rng.next());
  const d = distanceInTier(tier, rng.next());
  const ageBand = pickIndex(INFLOW_AGE_CUM, rng.next());
  const ageM = Math.floor(rng.uniform(AGE_BAND[ageBand][0], AGE_BAND[ageBand][1]) * 12);
  const j = pool.take();
  pool.place(j, d, 0, ageM);
  return j;
}

/** numbers per transition in World.trace: month, client, from, to, reason, tier */
export const TRACE_STRIDE = 6;

/** Reasons of a client transition, as clients.csv names them. */
export const REASONS = ['inflow', 'service', 'serviceEnd', 'job', 'subsidisedJob', 'otherExit', 'pension', 'reentry', 'regularJob', 'subsidyEnded', 'outOfSight'] as const;
export type Reason = (typeof REASONS)[number];
export const R = Object.fromEntries(REASONS.map((r, i) => [r, i])) as Record<Reason, number>;

export function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}
