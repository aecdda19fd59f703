// The meta triangle (reference 6.7.8) and the success-loop telemetry (6.7.14).
// Meta value: agenda clarity times agreement; meta capacity: complements (CES, rho = -1) times alignment;
// meta legitimacy: weakest link (CES, rho = -2). Misalignment wastes method quality (qEff).
import { clamp01 } from './clients';
import { CES_RHO_EPSILON, clarityFactor } from './bounds';
import { exp, log, pow } from './detmath';
import { programmaticScore } from './indicators';
import { MANAGER_IDS, type CornerTriple } from './types';
import { tv } from './values';
import { attentionShares, DEV_HISTORY, type World } from './world';

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
  // misalignment wastes method quality; a clear agenda focuses it (1 at the starting clarity of 0.6), and
  // demoralised staff apply it less well (1 at the starting morale of 0.7); it can exceed 1 (bounds.ts: qEffMax)
  let clarity = 0;
  for (const m of ms) clarity += m.clarity / ms.length;
  w.qEff = w.methodQuality * Math.sqrt(align) * clarityFactor(p.clarityFocus, clarity) * ((0.5 + w.staffMorale) / 1.2);
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

/** months over which the performance deviation from par is smoothed */
const SMOOTH = 6;
/** the loop gain compares the deviation with the deviation a year before, over the last two years */
const LAG = 12;
const WINDOW = DEV_HISTORY - LAG;

/**
 * Loop gain: does a deviation from par (performance 0.5 = as good as the benchmark) grow or fade as it
 * travels round the loop? dev = performance smoothed over six months, minus par. G is the growth factor
 * of dev over a year, fitted over the last two years: G = sum dev(t) dev(t-12) / sum dev(t-12)^2. G > 1:
 * deviations grow (above par a virtuous spiral, below par a vicious one, "interventiefuik"); G < 1: they
 * fade, the balancing loops win. Until a year and a half of history exists, G is 1.
 */
export function updateLoop(w: World): void {
  w.loopLevels.push(loopLevels(w));
  if (w.loopLevels.length > 1) w.loopLevels.shift();
  const n = w.loopMonths++;
  w.perfRing[n % SMOOTH] = w.loopLevels[0][0];
  const filled = Math.min(n + 1, SMOOTH);
  let perf = 0;
  for (let i = 0; i < filled; i++) perf += w.perfRing[i];
  const dev = perf / filled - 0.5;
  w.devRing[n % DEV_HISTORY] = dev;
  w.loopDeviation = dev;
  const pairs = Math.min(WINDOW, n + 1 - LAG);
  if (pairs < 6) {
    w.loopGain = 1;
    return;
  }
  let num = 0;
  let den = 0;
  for (let i = 0; i < pairs; i++) {
    const now = w.devRing[(n - i) % DEV_HISTORY];
    const before = w.devRing[(n - i - LAG) % DEV_HISTORY];
    num += now * before;
    den += before * before;
  }
  w.loopGain = den > 1e-9 ? Math.max(0, num / den) : 1;
}

export function loopRegime(w: World): 'virtuous' | 'vicious' | 'damped' {
  if (w.loopGain <= 1) return 'damped';
  return w.loopDeviation >= 0 ? 'virtuous' : 'vicious';
}
