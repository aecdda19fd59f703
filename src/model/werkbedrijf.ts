// The werkbedrijf: how many trajectory slots it has, how it chooses clients for them (creaming, kappa),
// and which instrument each gets (reference 6.7.4).
import { clamp01, R, tierOf, I_COACHING, I_LKS, I_PARTICIPATION, S_PARTICIPATION, S_TRAJECTORY } from './clients';
import { IND } from './values';
import type { World } from './world';
import type { Tally } from './flows';

/**
 * Enforcement this month: the strictness policy, tilted by the alderman's values (an alderman who weighs the
 * social cost of authority more than the baseline coalition does enforces less) and eased for a while after a
 * media scandal (the council reins enforcement in).
 */
export function enforcement(w: World): number {
  const ww = w.managers.W.weights;
  return clamp01(w.params.strictness + STRICTNESS_TILT * (BASELINE_AUTHORITY_WEIGHT - ww[IND.authorityUse]) - w.scandalRelief);
}
/** the baseline coalition's weight on the social cost of authority (0.5 workFirst + 0.5 inclusive) */
const BASELINE_AUTHORITY_WEIGHT = 0.06;
const STRICTNESS_TILT = 2;

/** The creaming pressure this month. */
export function creaming(w: World): number {
  const p = w.params;
  const ww = w.managers.W.weights;
  // the alderman's tilt toward caseload and cost over fairness; 0.13 is the baseline coalition's tilt
  const tilt = ww[IND.caseloadReduction] + ww[IND.costEfficiency] - ww[IND.fairness] - 0.13;
  return clamp01(p.kappaBase + p.kappaValue * tilt + p.kappaBudget * w.buigDeficitShare + p.kappaContract * p.perfContract);
}

/** distance from which a client gets a participation place rather than a trajectory (the upper part of tier 4) */
export const PARTICIPATION_DISTANCE = 0.85;
/** wellbeing below which a client first gets a participation place, whatever the distance */
export const PARTICIPATION_WELLBEING = 0.25;

const BINS = 512;
const bins = new Int32Array(BINS);
// priority bin of each candidate, reused across months and runs
let candidateBins = new Uint16Array(0);

/**
 * Fills free trajectory slots. Priority = kappa * employability + (1 - kappa) * need + youth priority,
 * where employability is the client's job-finding logit without service rescaled to 0-1 and need is the
 * distance to the labour market. The top candidates are found with a histogram (linear time); ties within
 * the threshold bin go by slot order, which is deterministic.
 */
export function allocateServices(w: World, lnDur: Float64Array, tally: Tally): void {
  const p = w.params;
  const pool = w.pool;
  const status = pool.status;
  w.kappa = creaming(w);
  w.strictness = enforcement(w);
  w.scandalRelief *= 0.95;
  const staffCap = w.staffFte * w.caseloadPerFte;
  const ambH = Math.min(1.3, Math.max(0.8, w.managers.H.amb / Math.max(0.01, w.managers.H.res)));
  const monthlyBudget = Math.max(0, w.reintYear / 12);
  const budgetSlots = Math.floor(monthlyBudget / p.costPerTrajMonth);
  const staffSlots = Math.floor(staffCap * (0.6 + 0.4 * w.staffMorale) * ambH);
  // money beyond what the consultants can carry buys trajectories from external providers, at 1.5 x the cost
  const external = budgetSlots > staffSlots ? Math.floor((budgetSlots - staffSlots) / 1.5) : 0;
  w.slots = Math.max(0, Math.min(budgetSlots, staffSlots) + external + p.beschutPlaces);
  if (w.slots0 === 0) w.slots0 = Math.max(1, w.slots);
  // the tally is current: statuses have not changed since last month's pass
  const active = tally.trajectories + 0.5 * tally.participants;
  const subsidised = tally.subsidised;
  w.overload = clamp01(active / Math.max(1, staffCap) - 1);
  // a participation place takes half a consultant's slot, a trajectory a whole one
  let free = w.slots - active;
  if (free < 0.5) return;
  const kappa = w.kappa;
  const etaMin = p.betaDist + p.betaDur * lnDur[lnDur.length - 1] + p.betaAge55;
  const etaSpan = etaMin < 0 ? -etaMin : 1;
  const age27 = 27 * 12;
  const maxPrio = 1 + p.youthPrio;
  bins.fill(0);
  const d = pool.d;
  const ageM = pool.ageM;
  // candidates: the clients on benefit at the end of last month's pass, in slot order (flows.ts)
  const candidates = tally.candidates;
  const candidateEta = tally.candidateEta;
  const nc = tally.nCandidates;
  if (candidateBins.length < nc) candidateBins = new Uint16Array(candidates.length);
  let candD = 0;
  let candN = 0;
  let pickedD = 0;
  let pickedN = 0;
  for (let c = 0; c < nc; c++) {
    const j = candidates[c];
    candD += d[j];
    candN++;
    const employability = 1 + candidateEta[c] / etaSpan;
    const pr = kappa * employability + (1 - kappa) * d[j] + (ageM[j] < age27 ? p.youthPrio : 0);
    let b = Math.floor((pr / maxPrio) * BINS);
    if (b >= BINS) b = BINS - 1;
    if (b < 0) b = 0;
    bins[b]++;
    candidateBins[c] = b;
  }
  let threshold = BINS - 1;
  let above = 0;
  for (; threshold >= 0; threshold--) {
    if (above + bins[threshold] >= free) break;
    above += bins[threshold];
  }
  let inThreshold = free - above;
  const lksMonthly = w.lksYear / 12;
  let lksCommitted = subsidised * p.lksCostMonth;
  for (let c = 0; c < nc && free >= 0.5; c++) {
    const j = candidates[c];
    const b = candidateBins[c];
    if (b < threshold) continue;
    const dj = d[j];
    // participation (sheltered or volunteer work, social activation) for the furthest from work and for
    // anyone whose wellbeing first needs repair; a participation place takes half a consultant's slot
    const participation = dj >= PARTICIPATION_DISTANCE || pool.wellbeing[j] < PARTICIPATION_WELLBEING;
    const cost = participation ? 0.5 : 1;
    if (cost > free) continue;
    if (b === threshold) {
      if (inThreshold <= 0) continue;
      inThreshold--;
    }
    free -= cost;
    pickedD += dj;
    pickedN++;
    const before = status[j];
    pool.monthsInStatus[j] = 0;
    pool.idle[j] = 0;
    if (participation) {
      status[j] = S_PARTICIPATION;
      pool.instrument[j] = I_PARTICIPATION;
    } else if (dj >= 0.55 && lksCommitted + p.lksCostMonth <= lksMonthly) {
      status[j] = S_TRAJECTORY;
      pool.instrument[j] = I_LKS;
      lksCommitted += p.lksCostMonth * 0.25; // a share of LKS candidates lands a subsidised job
    } else {
      status[j] = S_TRAJECTORY;
      pool.instrument[j] = I_COACHING;
    }
    if (w.trace) w.trace.push(w.t, pool.uid[j], before, status[j], R.service, tierOf(dj) + 1);
  }
  // who gets served: distance of the chosen minus distance of all candidates (negative = creaming),
  // smoothed over about a year
  if (pickedN > 0 && candN > 0) {
    const gap = pickedD / pickedN - candD / candN;
    w.allocationTilt = w.tiltStarted ? w.allocationTilt + (gap - w.allocationTilt) / 12 : gap;
    w.tiltStarted = true;
  }
}
