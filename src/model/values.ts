// Public values: the eleven indicators, where each sits in Moore's public value account and in the deck's
// two 2x2 tables, and the value profiles (weights over the indicators) that managers and audiences hold.

export type PvaCategory =
  | 'mission'
  | 'unintendedPositive'
  | 'clientSatisfaction'
  | 'justiceFairness'
  | 'financialCosts'
  | 'socialCostsOfAuthority'
  | 'unintendedNegative'
  | 'processValue';

export interface IndicatorSpec {
  id: string;
  pva: PvaCategory;
  /** deck table B: individual/collective x outcome/process */
  tableB: 'individualOutcome' | 'individualProcess' | 'collectiveOutcome' | 'collectiveProcess';
  /** deck table A: individual/collective x material/immaterial */
  tableA: 'individualMaterial' | 'individualImmaterial' | 'collectiveMaterial' | 'collectiveImmaterial';
  /** +1: more is better; -1: a cost */
  sign: 1 | -1;
  /** spread that moves the normalised score from 0.5 to 0.73 (one logit) */
  scale: number;
  unit: string;
}

export const INDICATORS: readonly IndicatorSpec[] = [
  { id: 'workOutflow', pva: 'mission', tableB: 'individualOutcome', tableA: 'individualMaterial', sign: 1, scale: 48, unit: 'durable job starts per 1,000 clients a year' },
  { id: 'participation', pva: 'mission', tableB: 'individualOutcome', tableA: 'individualImmaterial', sign: 1, scale: 250, unit: 'net ladder steps per 1,000 clients a year' },
  { id: 'caseloadReduction', pva: 'mission', tableB: 'collectiveOutcome', tableA: 'collectiveMaterial', sign: 1, scale: 220, unit: 'benefits below the twin, per 1,000' },
  { id: 'banenafspraak', pva: 'mission', tableB: 'collectiveOutcome', tableA: 'collectiveMaterial', sign: 1, scale: 0.9, unit: 'jobs for the target group / pro-rata target' },
  { id: 'wellbeing', pva: 'unintendedPositive', tableB: 'individualOutcome', tableA: 'individualImmaterial', sign: 1, scale: 0.075, unit: 'mean wellbeing (0-1)' },
  { id: 'clientSat', pva: 'clientSatisfaction', tableB: 'individualProcess', tableA: 'individualImmaterial', sign: 1, scale: 0.15, unit: 'mean satisfaction (0-1)' },
  { id: 'fairness', pva: 'justiceFairness', tableB: 'collectiveProcess', tableA: 'collectiveImmaterial', sign: 1, scale: 0.5, unit: 'equal service across tiers x (1 - wrongful share)' },
  { id: 'partnership', pva: 'processValue', tableB: 'collectiveProcess', tableA: 'collectiveImmaterial', sign: 1, scale: 0.12, unit: 'employer goodwill x cooperation' },
  { id: 'costEfficiency', pva: 'financialCosts', tableB: 'collectiveProcess', tableA: 'collectiveMaterial', sign: -1, scale: 11, unit: 'programme k-euro per job start' },
  { id: 'authorityUse', pva: 'socialCostsOfAuthority', tableB: 'individualProcess', tableA: 'individualImmaterial', sign: -1, scale: 16, unit: 'sanctions + 3 x wrongful, per 1,000 clients a year' },
  { id: 'unintendedNeg', pva: 'unintendedNegative', tableB: 'collectiveOutcome', tableA: 'collectiveMaterial', sign: -1, scale: 300, unit: 're-entries + parked + displaced, per 1,000 clients' },
];
export const K = INDICATORS.length;
export const IND = Object.fromEntries(INDICATORS.map((s, i) => [s.id, i])) as Record<string, number>;

/** Value profiles (weights over the indicators, summing to 1), from the reference design. */
export const VALUE_PROFILES = {
  workFirst: [0.25, 0.05, 0.2, 0.05, 0.02, 0.03, 0.05, 0.05, 0.2, 0.05, 0.05],
  inclusive: [0.1, 0.15, 0.03, 0.1, 0.15, 0.12, 0.15, 0.05, 0.03, 0.07, 0.05],
  partnership: [0.15, 0.08, 0.07, 0.15, 0.05, 0.07, 0.08, 0.2, 0.08, 0.03, 0.04],
  publicMedia: [0.15, 0.05, 0.15, 0.05, 0.05, 0.05, 0.1, 0.02, 0.15, 0.15, 0.08],
  clientsCouncil: [0.1, 0.1, 0.0, 0.02, 0.2, 0.3, 0.15, 0.0, 0.0, 0.13, 0.0],
  employers: [0.2, 0.05, 0.05, 0.2, 0.02, 0.03, 0.03, 0.3, 0.07, 0.0, 0.05],
} as const;
export type ProfileName = keyof typeof VALUE_PROFILES;
export const PROFILE_NAMES = Object.keys(VALUE_PROFILES) as ProfileName[];

/**
 * Relative weights (shares of a mixture, audiences' powers) scaled by a power of two so that the largest lies
 * in [1, 2). Scaling by a power of two is exact, so ratios and every normalised result keep their bits; it
 * only matters for tiny weights (5e-324, the smallest double), whose products would otherwise round to 0.
 * Weights that are all 0 (or not positive) come back unchanged.
 */
export function relativeWeights(values: readonly number[]): number[] {
  let max = 0;
  for (const v of values) if (v > max) max = v;
  if (!(max > 0) || !Number.isFinite(max)) return [...values];
  let up = 0;
  let down = 0;
  for (let m = max; m < 1; m *= 2) up++;
  for (let m = max; m >= 2; m /= 2) down++;
  return values.map((v) => {
    let x = v;
    for (let i = 0; i < up; i++) x *= 2;
    for (let i = 0; i < down; i++) x /= 2;
    return x;
  });
}

/** A mixture of named profiles, normalised to a weight vector over the indicators (shares are relative). */
export function mixProfiles(mix: Partial<Record<ProfileName, number>>): number[] {
  const w = new Array<number>(K).fill(0);
  const shares = relativeWeights(PROFILE_NAMES.map((name) => mix[name] ?? 0));
  let total = 0;
  for (let i = 0; i < PROFILE_NAMES.length; i++) {
    const name = PROFILE_NAMES[i];
    const share = shares[i];
    if (share <= 0) continue;
    total += share;
    const prof = VALUE_PROFILES[name];
    for (let k = 0; k < K; k++) w[k] += share * prof[k];
  }
  return normalise(w, total);
}

export function normalise(w: number[], total?: number): number[] {
  const sum = total ?? w.reduce((a, b) => a + b, 0);
  if (!(sum > 0)) return new Array<number>(w.length).fill(1 / w.length);
  let s = 0;
  for (let k = 0; k < w.length; k++) s += w[k];
  return w.map((x) => x / s);
}

/** total-variation distance between two weight vectors */
export function tv(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let k = 0; k < a.length; k++) s += Math.abs(a[k] - b[k]);
  return s / 2;
}

export function dot(w: ArrayLike<number>, z: ArrayLike<number>): number {
  let s = 0;
  for (let k = 0; k < w.length; k++) s += w[k] * z[k];
  return s;
}
