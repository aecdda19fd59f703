// Perception, support and aspirations: the "socially constructed success" arm (reference 6.7.6).
// Support moves toward the level an audience's perception warrants, and falls faster than it rises
// (negativity bias: bad news is taken in about three times as fast, which gives about twice the response to
// news of equal size); aspirations follow what the audience sees and what peers achieve.
import { clamp01 } from './clients';
import { effectSum } from './environment';
import { AUDIENCE_IDS, MANAGER_IDS } from './types';
import { dot, tv } from './values';
import type { World } from './world';

export function perceiveAndSupport(w: World): void {
  const p = w.params;
  const shock = effectSum(w, 'perception');
  let weighted = 0;
  let power = 0;
  for (const id of AUDIENCE_IDS) {
    const a = w.audiences[id];
    const noise = p.mediaNoise * (id === 'public' ? w.rng.media.studentT3() : w.rng.media.normal() * 0.5);
    a.perceived = dot(a.weights, w.z) + a.frame + noise + shock;
    // support moves toward the level the audience's perception warrants: resting support plus the gap
    // between what it sees and what it expects; it falls faster than it rises (negativity bias)
    const target = clamp01(p.U0 + p.perceptionGain * (a.perceived - a.aspiration));
    const speed = target < a.support ? p.lambdaDown : p.lambdaUp;
    a.support = clamp01(a.support + speed * (target - a.support) + a.comm);
    a.comm = 0;
    // aspirations follow what the audience has seen (historical) and what peers achieve (social: the
    // benchmark, a score of 0.5), so lasting performance keeps lasting support (Meier, Favero & Zhu 2015)
    const norm = (1 - p.socialAspiration) * a.perceived + p.socialAspiration * 0.5;
    a.aspiration = clamp01(a.aspiration + p.alphaAsp * (norm - a.aspiration) + w.promise - w.expectMgmt);
    a.frame *= p.frameDecay;
    weighted += a.power * a.perceived;
    power += a.power;
  }
  w.perceivedMean = power > 0 ? weighted / power : 0.5;
  w.promise = 0;
  w.expectMgmt = 0;
}

/**
 * The durability of placements (1 - yearly re-entries / yearly job starts) at which employers' goodwill is
 * neutral (0.5): the baseline's own (about 0.65: the re-entries of a year include those of LKS jobs ending and
 * of earlier years' starts, SF4), so that an ordinary municipality keeps its goodwill rather than losing it
 * over the first years (it fell from 0.5 to 0.27 against the former norm of 0.8 and took 10% of job starts).
 */
const DURABLE_NORM = 0.65;

/** Employer goodwill follows the durability of placements and the partners' effort; trust follows delivery and shared values. */
export function goodwillAndTrust(w: World): void {
  const p = w.params;
  const starts = w.roll.yearly('jobStarts');
  const durable = starts > 0 ? clamp01(1 - w.roll.yearly('reentries') / starts) : DURABLE_NORM;
  const target = clamp01(0.5 + (durable - DURABLE_NORM) * 1.5);
  w.employerGoodwill = clamp01(w.employerGoodwill + p.muE * (target - w.employerGoodwill));
  for (const i of MANAGER_IDS) {
    const mi = w.managers[i];
    for (const k of MANAGER_IDS) {
      if (k === i) continue;
      const mk = w.managers[k];
      const goal = clamp01(0.5 + (mk.verdict - 0.5) + (0.3 - tv(mi.weights, mk.weights)));
      mi.trust[k] += p.tauTrust * (goal - mi.trust[k]);
    }
  }
}
