// The clients' month: inflow, job finding against a limited pool of vacancies, other exits, sanctions,
// distance, ladder and wellbeing, re-entry after work (reference 6.7.2-6.7.3). The per-client loop is
// the hot path: typed arrays, no allocation, two transcendental calls per client on benefit.
import {
  R,
  respectFelt,
  S_EXITED,
  admitNewcomer,
  clamp01,
  I_COACHING,
  I_LKS,
  I_NONE,
  S_BENEFIT,
  S_EMPLOYED,
  S_PARTICIPATION,
  S_SUBSIDISED,
  S_TRAJECTORY,
  tierOf,
} from './clients';
import { exp, log, pow, sigmoid } from './detmath';
import { afterCareFactor, saturateInflowFactor } from './bounds';
import { effectSum } from './environment';
import type { Params } from './params';
import type { World } from './world';

export const DUR_TABLE = 1024;

/** ln(1 + months/12) and the other-exit duration factor, by month on benefit. */
export function durationTables(p: Params): { lnDur: Float64Array; otherDur: Float64Array } {
  const lnDur = new Float64Array(DUR_TABLE);
  const otherDur = new Float64Array(DUR_TABLE);
  for (let m = 0; m < DUR_TABLE; m++) {
    lnDur[m] = log(1 + m / 12);
    otherDur[m] = p.otherExitBase * pow(1 + m / 12, p.otherExitDur);
  }
  return { lnDur, otherDur };
}

export interface Tally {
  stockByTier: Float64Array; // on benefit (benefit, trajectory, participation)
  activeByTier: Float64Array; // in trajectory or participation
  caseload: Int32Array; // status x tier, 6 x 4
  parkedHard: number;
  hardStock: number;
  trajectories: number;
  participants: number;
  subsidised: number;
  wellbeingSum: number;
  satisfactionSum: number;
  /** clients on benefit at the end of the month, in slot order: next month's candidates for a service */
  candidates: Int32Array;
  /** their job-finding logit without service (distance, duration, age): the basis of employability */
  candidateEta: Float64Array;
  nCandidates: number;
}

export function newTally(): Tally {
  return {
    stockByTier: new Float64Array(4),
    activeByTier: new Float64Array(4),
    caseload: new Int32Array(24),
    parkedHard: 0,
    hardStock: 0,
    trajectories: 0,
    participants: 0,
    subsidised: 0,
    wellbeingSum: 0,
    satisfactionSum: 0,
    candidates: new Int32Array(0),
    candidateEta: new Float64Array(0),
    nCandidates: 0,
  };
}

interface HazardTerms {
  common: number;
  lmTilt: number;
  svcScale: number;
  inv2w2: number;
  hasSvcExtra: boolean;
}

/**
 * Monthly job-finding hazard of a client on bijstand (reference 6.7.3), before the vacancy constraint: the
 * client's own chance (a logit in distance, duration, age and the market), plus what a service adds. The
 * service adds to the chance itself, in percentage points that depend on how well the instrument fits the
 * client's distance (CPB 2016), not on how good the client's chances already were: a near-market client who
 * would find work anyway gains little (deadweight), whatever the instrument.
 */
function jobHazard(p: Params, pool: World['pool'], j: number, k: HazardTerms, lnDur: Float64Array): number {
  const dj = pool.d[j];
  const dur = pool.dur[j];
  let eta = k.common - k.lmTilt * dj + p.betaDist * dj + p.betaDur * lnDur[dur < DUR_TABLE - 1 ? dur : DUR_TABLE - 1];
  if (pool.ageM[j] >= 55 * 12) eta += p.betaAge55;
  if (k.hasSvcExtra && pool.status[j] !== S_BENEFIT && dj >= 0.3 && dj < 0.8) eta += p.svcExtraTier23;
  const h = sigmoid(eta);
  const ins = pool.instrument[j];
  if (ins === I_COACHING) {
    const x = dj - p.dOptCoach;
    return h + k.svcScale * exp(-x * x * k.inv2w2);
  } else if (ins === I_LKS) {
    const x = dj - p.dOptLks;
    return h + k.svcScale * p.lksBoost * exp(-x * x * k.inv2w2);
  }
  return h;
}

/** Clients the pool follows now: every status but exited. */
export function tracked(pool: World['pool']): number {
  return pool.size - pool.free.length;
}

export function inflow(w: World): void {
  const p = w.params;
  const mult = 1 + effectSum(w, 'inflowMult');
  const lmFactor = saturateInflowFactor(pow(p.lm0 / w.lm, p.inflowElast));
  const mean = ((p.N0 * p.inflowRateYear) / 12) * lmFactor * mult + effectSum(w, 'extraInflow');
  // newcomers come from the inhabitants not yet tracked: when none are left, the inflow stops (bounds.ts)
  const room = w.inhabitants - tracked(w.pool);
  const drawn = w.rng.clients.poisson(mean < room ? mean : room);
  const n = drawn < room ? drawn : Math.max(0, room);
  for (let i = 0; i < n; i++) {
    const j = admitNewcomer(w.pool, p, w.lm, w.rng.clients);
    if (w.trace) w.trace.push(w.t, w.pool.uid[j], S_EXITED, S_BENEFIT, R.inflow, tierOf(w.pool.d[j]) + 1);
  }
  w.flows.inflow += n;
  w.ledger.inflow += n;
}

/** One month for every client. Fills the tally used by the indicators. */
export function clientsMonth(w: World, lnDur: Float64Array, otherDur: Float64Array, tally: Tally): void {
  const p = w.params;
  const pool = w.pool;
  const n = pool.size;
  const { d, dur, ageM, status, instrument, monthsInStatus, ladder, wellbeing, satisfaction, idle, creamed, jobMonth } = pool;
  const rng = w.rng.clients;
  const t = w.t;
  const lastDur = DUR_TABLE - 1;
  const aow = p.aowAgeYears * 12;
  // the labour market against the national reference (V/U = 1, CBS), helping the job-ready most: employers
  // in a tight market still want people who are quickly and fully deployable (SF2 composition drift)
  const lmTerm = p.betaLm * log(w.lm);
  const lmTilt = lmTerm * p.lmDistInteraction;
  const common = p.beta0 + lmTerm * (1 + 0.5 * p.lmDistInteraction) + p.betaEmp * (w.employerGoodwill - 0.5);
  const svcScale = (p.betaSvc / 100) * w.qEff;
  const inv2w2 = 1 / (2 * p.effWidth * p.effWidth);
  const strict = w.strictness;
  const hasSvcExtra = p.svcExtraTier23 > 0;

  const k: HazardTerms = { common, lmTilt, svcScale, inv2w2, hasSvcExtra };
  // this month's inflow may have grown the pool: the candidate list must hold every slot
  ensureCandidateRoom(tally, pool);
  // vacancies are shared among this month's job seekers in proportion to last month's demand (one month's
  // lag lets hazards and transitions go in one pass); the first month estimates it directly
  if (w.t === 0 || !(w.jobDemand > 0)) {
    let estimate = 0;
    for (let j = 0; j < n; j++) if (status[j] <= S_PARTICIPATION) estimate += jobHazard(p, pool, j, k, lnDur);
    w.jobDemand = estimate;
  }
  const accessible = w.vacPool * p.accessShare;
  const vacScale = w.jobDemand > accessible ? accessible / w.jobDemand : 1;
  let demand = 0;

  const respect = respectFelt(w.overload, w.managers.H.stance.legitimacy, strict, w.staffMorale);
  const wrongShare = clamp01(p.errBase + p.errOverload * w.overload);
  const afterCare = afterCareFactor(p.postPlacementCoach, w.qEff);
  const creamingNow = w.kappa >= 0.65 ? 1 : 0;
  const flows = w.flows;
  const ledger = w.ledger;
  const exitsByDur = w.exitsByDur;
  const riskByDur = w.riskByDur;
  const trace = w.trace;

  // pass 2: transitions
  resetTally(tally);
  for (let j = 0; j < n; j++) {
    const s = status[j];
    // one pass: the transition (a 'break transition' ends it early), then the client is counted where it ended up
    transition: {
    if (s <= S_PARTICIPATION) {
      const dj = d[j];
      const band = dur[j] < 12 ? 0 : dur[j] <= 36 ? 1 : 2;
      riskByDur[band]++;
      ageM[j]++;
      if (ageM[j] >= aow) {
        exitsByDur[band]++;
        flows.otherExits++;
        ledger.otherExits++;
        if (trace) trace.push(t, pool.uid[j], s, S_EXITED, R.pension, tierOf(d[j]) + 1);
        leave(w, j);
        break transition;
      }
      const h = jobHazard(p, pool, j, k, lnDur);
      demand += h;
      if (rng.next() < h * vacScale) {
        exitsByDur[band]++;
        const lks = instrument[j] === I_LKS;
        status[j] = lks ? S_SUBSIDISED : S_EMPLOYED;
        if (trace) trace.push(t, pool.uid[j], s, status[j], lks ? R.subsidisedJob : R.job, tierOf(d[j]) + 1);
        instrument[j] = I_NONE;
        monthsInStatus[j] = 0;
        creamed[j] = creamingNow && s === S_TRAJECTORY ? 1 : 0;
        pool.everWork[j] = 1;
        jobMonth[j] = t;
        w.startsByMonth[t]++;
        flows.toWork++;
        ledger.jobStarts++;
        if (creamed[j]) flows.creamedStarts++;
        if (lks) {
          flows.subsidisedStarts++;
          ledger.subsidisedStarts++;
        }
        // the banenafspraak's target group (the doelgroepregister): people who cannot earn the minimum wage
        // unaided, so a job with a wage-cost subsidy, or any job of a client furthest from work (tier 4)
        if (lks || dj >= 0.8) {
          flows.targetGroupJobs++;
          ledger.banenafspraakJobs++;
        }
        break transition;
      }
      const hOther = otherDur[dur[j] < lastDur ? dur[j] : lastDur] + p.enforceExit * strict;
      if (rng.next() < hOther) {
        exitsByDur[band]++;
        flows.otherExits++;
        ledger.otherExits++;
        if (trace) trace.push(t, pool.uid[j], s, S_EXITED, R.otherExit, tierOf(d[j]) + 1);
        leave(w, j);
        break transition;
      }
      dur[j]++;
      monthsInStatus[j]++;
      // obligations and sanctions
      if (rng.next() < strict * p.noncomply * (1.5 - wellbeing[j])) {
        pool.sanctions[j]++;
        flows.sanctions++;
        ledger.sanctions++;
        wellbeing[j] -= p.wbSanction;
        if (rng.next() < wrongShare) {
          pool.wrongful[j]++;
          flows.wrongfulSanctions++;
          ledger.wrongfulSanctions++;
        }
      }
      const rest = 0.7 - 0.45 * dj; // restingWellbeing(d), inlined
      if (s === S_BENEFIT) {
        d[j] = dj + p.idleDrift > 1 ? 1 : dj + p.idleDrift;
        idle[j]++;
        // idle months wear wellbeing down toward 0.1 below its resting level
        wellbeing[j] += p.wbIdle * (rest - 0.1 - wellbeing[j]);
        if (idle[j] > 12 && ladder[j] > 1 && rng.next() < p.ladderDown) {
          ladder[j]--;
          ledger.ladderDown++;
          flows.ladderSteps--;
        }
      } else {
        const nd = dj - p.trajDistGain * w.qEff;
        d[j] = nd < 0 ? 0 : nd;
        idle[j] = 0;
        // activity lifts it toward 0.15 above
        wellbeing[j] += p.wbActive * (rest + 0.15 - wellbeing[j]);
        if (ladder[j] < 6 && rng.next() < p.ladderUp) {
          ladder[j]++;
          ledger.ladderUp++;
          flows.ladderSteps++;
        }
        const length = s === S_TRAJECTORY ? p.trajMonths : p.participationMonths;
        if (monthsInStatus[j] >= length) {
          if (trace) trace.push(t, pool.uid[j], s, S_BENEFIT, R.serviceEnd, tierOf(d[j]) + 1);
          status[j] = S_BENEFIT;
          instrument[j] = I_NONE;
          monthsInStatus[j] = 0;
        }
      }
      wellbeing[j] = clamp01(wellbeing[j]);
      satisfaction[j] += p.satAdj * (respect + (s === S_BENEFIT ? 0 : 0.1) - satisfaction[j]);
      satisfaction[j] = clamp01(satisfaction[j]);
    } else if (s === S_EMPLOYED || s === S_SUBSIDISED) {
      ageM[j]++;
      monthsInStatus[j]++;
      // work itself develops people: distance falls while at work (a return starts from there)
      const dw = d[j] - p.workDistGain;
      d[j] = dw < 0 ? 0 : dw;
      const m = monthsInStatus[j];
      if (m === 12 && jobMonth[j] >= 0) ledger.durableExits++; // a job (subsidised or regular) started in the run and held for a year is durable
      if (ageM[j] >= aow || (s === S_EMPLOYED && m >= 60)) {
        if (trace) trace.push(t, pool.uid[j], s, S_EXITED, ageM[j] >= aow ? R.pension : R.outOfSight, tierOf(d[j]) + 1);
        ledger.outOfSight++;
        leave(w, j); // out of sight: retired, or durably at work for five years
        break transition;
      }
      if (s === S_SUBSIDISED) {
        const u = rng.next();
        if (u < p.lksToRegular) {
          if (trace) trace.push(t, pool.uid[j], s, S_EMPLOYED, R.regularJob, tierOf(d[j]) + 1);
          status[j] = S_EMPLOYED;
          break transition;
        }
        if (u < p.lksToRegular + p.lksReturn) {
          if (trace) trace.push(t, pool.uid[j], s, S_BENEFIT, R.subsidyEnded, tierOf(d[j]) + 1);
          reenter(w, j);
        }
        break transition;
      }
      const base = t - jobMonth[j] < 12 ? p.retYear1 : p.retLater;
      const hReturn = base * (1 + p.creamChurn * creamed[j]) * afterCare;
      if (rng.next() < hReturn) {
        if (trace) trace.push(t, pool.uid[j], s, S_BENEFIT, R.reentry, tierOf(d[j]) + 1);
        reenter(w, j);
      }
    }
    }
    if (status[j] !== S_EXITED) {
      countClient(tally, pool, j);
      if (status[j] === S_BENEFIT) addCandidate(tally, p, pool, j, lnDur);
    }
  }
  w.jobDemand = demand;

}

/** A client who leaves for good (another exit, the pension, out of sight), counted by tier. */
function leave(w: World, j: number): void {
  w.ledger.leftByTier[tierOf(w.pool.d[j])]++;
  w.pool.release(j);
}

function reenter(w: World, j: number): void {
  const pool = w.pool;
  if (pool.jobMonth[j] >= 0 && w.t - pool.jobMonth[j] < 12) w.returnsWithin12[pool.jobMonth[j]]++;
  pool.status[j] = S_BENEFIT;
  pool.instrument[j] = I_NONE;
  pool.monthsInStatus[j] = 0;
  pool.dur[j] = 0;
  pool.idle[j] = 0;
  pool.d[j] = Math.min(1, pool.d[j] + 0.05); // scarring
  w.flows.reentries++;
  w.ledger.reentries++;
}

/** Registers a client on benefit as a candidate for next month's allocation (see werkbedrijf.ts). */
function ensureCandidateRoom(tally: Tally, pool: World['pool']): void {
  if (tally.candidates.length < pool.capacity) {
    const c = new Int32Array(pool.capacity);
    c.set(tally.candidates.subarray(0, tally.nCandidates));
    const e = new Float64Array(pool.capacity);
    e.set(tally.candidateEta.subarray(0, tally.nCandidates));
    tally.candidates = c;
    tally.candidateEta = e;
  }
}

function addCandidate(tally: Tally, p: Params, pool: World['pool'], j: number, lnDur: Float64Array): void {
  const dur = pool.dur[j];
  tally.candidateEta[tally.nCandidates] = p.betaDist * pool.d[j] + p.betaDur * lnDur[dur < DUR_TABLE - 1 ? dur : DUR_TABLE - 1] + (pool.ageM[j] >= 55 * 12 ? p.betaAge55 : 0);
  tally.candidates[tally.nCandidates++] = j;
}

function resetTally(tally: Tally): void {
  tally.nCandidates = 0;
  tally.stockByTier.fill(0);
  tally.activeByTier.fill(0);
  tally.caseload.fill(0);
  tally.parkedHard = 0;
  tally.hardStock = 0;
  tally.trajectories = 0;
  tally.participants = 0;
  tally.subsidised = 0;
  tally.wellbeingSum = 0;
  tally.satisfactionSum = 0;
}

function countClient(tally: Tally, pool: World['pool'], j: number): void {
  const s = pool.status[j];
  const tier = tierOf(pool.d[j]);
  tally.caseload[s * 4 + tier]++;
  if (s <= S_PARTICIPATION) {
    tally.stockByTier[tier]++;
    tally.wellbeingSum += pool.wellbeing[j];
    tally.satisfactionSum += pool.satisfaction[j];
    if (s !== S_BENEFIT) tally.activeByTier[tier]++;
    if (s === S_TRAJECTORY) tally.trajectories++;
    else if (s === S_PARTICIPATION) tally.participants++;
    if (tier >= 2) {
      tally.hardStock++;
      if (s === S_BENEFIT && pool.idle[j] > 12) tally.parkedHard++;
    }
  } else if (s === S_SUBSIDISED) tally.subsidised++;
}

/** Counts every tracked client (at the start of a run; afterwards the monthly pass keeps the tally). */
export function tallyClients(w: World, tally: Tally, lnDur: Float64Array): void {
  resetTally(tally);
  ensureCandidateRoom(tally, w.pool);
  for (let j = 0; j < w.pool.size; j++) {
    if (w.pool.status[j] === S_EXITED) continue;
    countClient(tally, w.pool, j);
    if (w.pool.status[j] === S_BENEFIT) addCandidate(tally, w.params, w.pool, j, lnDur);
  }
}
