// The meta triangle (reference 6.7.8) and the success-loop telemetry (6.7.14).
// Meta value: agenda clarity times agreement; meta capacity: complements (CES, rho = -1) times alignment;
// meta legitimacy: weakest link (CES, rho = -2). Misalignment wastes method quality (qEff).
import { clamp01 } from './clients';
import { CES_RHO_EPSILON } from './bounds';
import { exp, log, pow } from './detmath';
import { programmaticScore } from './indicators';
import { MANAGER_IDS, type CornerTriple } from './types';
import { tv } from './values';
import { attentionShares, type World } from './world';

export function metaTriangle(w: World): void {
  const p = w.params;
  const ms = MANAGER_IDS.map((id) => w.managers[id]);
  let dw = 0;
  let pairs = 0;
  let pushClash = 0;
  for (let i = 0; i < ms.length; i++) {
    for (let k = i + 1; k < ms.length; k++) {
      const d = tv(ms[i].weights, ms[k].weights);
      dw += d;
      pairs++;
      const ai = attentionShares(ms[i]);
      const ak = attentionShares(ms[k]);
      pushClash += ms[i].stance.value * ai.value * ms[k].stance.value * ak.value * d;
    }
  }
  dw /= pairs;
  // connecting ("verbindend") work: attention in pull mode on values and ways of working, times design skill
  let connect = 0;
  for (const m of ms) {
    const a = attentionShares(m);
    connect += m.design * (a.value * (1 - m.stance.value) + a.legitimacy * (1 - m.stance.legitimacy)) / 2;
  }
  w.conflict = clamp01(w.conflict * (1 - p.deltaAlign * connect) + p.conflictPush * pushClash);
  w.alignment = (1 - dw) * (1 - w.conflict);
  const align = Math.max(1e-6, w.alignment);
  let meanV = 0;
  for (const m of ms) meanV += m.V / ms.length;
  w.metaV = clamp01(pow(align, p.thetaV) * meanV);
  w.metaC = clamp01(pow(align, p.thetaC) * ces(ms.map((m) => m.C), p.rhoC));
  w.metaL = clamp01(ces(ms.map((m) => m.L), p.rhoL));
  w.qEff = w.methodQuality * Math.sqrt(align);
}

/**
 * The CES mean of the managers' corners, (sum x^rho / n)^(1/rho), each corner at least 1e-6. At rho = 0
 * the formula is 0/0; its limit there is the geometric mean, which the model uses for |rho| below 1e-6.
 */
export function ces(xs: readonly number[], rho: number): number {
  if (Math.abs(rho) < CES_RHO_EPSILON) {
    let sumLog = 0;
    for (const x of xs) sumLog += log(Math.max(1e-6, x));
    return exp(sumLog / xs.length);
  }
  let sum = 0;
  const share = 1 / xs.length;
  for (const x of xs) sum += share * pow(Math.max(1e-6, x), rho);
  return pow(sum, 1 / rho);
}

export function balanceOf(c: CornerTriple): number {
  return 1 - (Math.max(c.value, c.capacity, c.legitimacy) - Math.min(c.value, c.capacity, c.legitimacy));
}

/** Area of the radar triangle with the three corners on axes 120 degrees apart. */
export function areaOf(c: CornerTriple): number {
  return (Math.sqrt(3) / 4) * (c.value * c.capacity + c.capacity * c.legitimacy + c.legitimacy * c.value);
}

/** Station levels of the success loop: performance, perception, legitimacy, resources, capacity. */
export function loopLevels(w: World): Float64Array {
  const budgetIndex = (w.reintYear + w.lksYear) / (w.reint0 + w.lks0);
  return Float64Array.of(
    programmaticScore(w.z),
    clamp01(w.perceivedMean),
    w.metaL,
    clamp01(0.5 * Math.min(1, budgetIndex / 2) + 0.5 * w.employerGoodwill),
    w.metaC,
  );
}

/**
 * Loop gain: does a deviation from par (performance 0.5 = as good as the benchmark) grow or shrink as it
 * travels round the loop? G = |deviation now| / |deviation six months ago|, on performance smoothed over
 * three months. G > 1 with performance above par is a virtuous spiral, below par a vicious one
 * ("interventiefuik"); G <= 1 is damped: the balancing loops win.
 */
export function updateLoop(w: World): void {
  w.loopLevels.push(loopLevels(w));
  if (w.loopLevels.length > 9) w.loopLevels.shift();
  const L = w.loopLevels;
  if (L.length < 9) {
    w.loopGain = 1;
    return;
  }
  const now = (L[8][0] + L[7][0] + L[6][0]) / 3 - 0.5;
  const before = (L[2][0] + L[1][0] + L[0][0]) / 3 - 0.5;
  w.loopGain = (Math.abs(now) + 0.01) / (Math.abs(before) + 0.01);
  w.loopDeviation = now;
}

export function loopRegime(w: World): 'virtuous' | 'vicious' | 'damped' {
  if (w.loopGain <= 1) return 'damped';
  return w.loopDeviation >= 0 ? 'virtuous' : 'vicious';
}
