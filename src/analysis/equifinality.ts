// Equifinality: different configurations reaching the same success (von Bertalanffy's term; in
// configurational research, Fiss 2011). "There is no one best way" is a claim the sweep can test:
// take the configurations whose outcome is in the top fifth, group the ones that are practically
// the same, and say how many distinct groups there are and how far apart they lie.
//
// Distance between two configurations: the root mean square over factors of the per-factor gap,
// where a numeric gap is |x - y| divided by the factor's range and a categorical gap is 0 when the
// levels agree and 1 when they differ (a Gower-style mix of normalised Euclidean and Hamming), so
// every distance lies in [0, 1] whatever the factors' units.
import { InsufficientDataError } from './stats';
import type { FactorValue } from '../sweep/factors';

export type FactorKind = 'numeric' | 'categorical';

export interface EquifinalityOptions {
  /** share of configurations counted as successful (the top fifth by default) */
  topShare?: number;
  /** configurations closer than this to a group's leader belong to the group */
  radius?: number;
  /** 'higher' when a larger outcome is better */
  better?: 'higher' | 'lower';
}

export interface ConfigurationGroup {
  /** the group's best configuration */
  leader: FactorValue[];
  size: number;
  bestOutcome: number;
  meanOutcome: number;
}

export interface EquifinalityResult {
  configurations: number;
  top: number;
  /** the outcome the top share starts at */
  cutoff: number;
  radius: number;
  groups: ConfigurationGroup[];
  /** distinct configurations: the number of groups */
  distinct: number;
  /** largest and mean distance between group leaders (0 when there is one group) */
  maxDistance: number;
  meanDistance: number;
  /** root mean square pairwise distance within the top share and within all configurations */
  rmsTop: number;
  rmsAll: number;
  /** rmsTop / rmsAll: near 1, success is spread as widely as the design; near 0, one recipe */
  spread: number;
}

/** The configuration distance described above. `ranges` holds each numeric factor's range. */
export function configurationDistance(a: FactorValue[], b: FactorValue[], kinds: FactorKind[], ranges: number[]): number {
  let s = 0;
  for (let j = 0; j < kinds.length; j++) {
    const gap = kinds[j] === 'numeric' ? (ranges[j] > 0 ? Math.abs(Number(a[j]) - Number(b[j])) / ranges[j] : 0) : a[j] === b[j] ? 0 : 1;
    s += gap * gap;
  }
  return Math.sqrt(s / kinds.length);
}

/**
 * Root mean square of the distance over all pairs, computed exactly in O(n k): for a numeric factor
 * the mean squared gap over pairs is 2 n/(n-1) times its (population) variance over range^2; for a
 * categorical one it is the chance that two distinct configurations differ.
 */
export function rmsPairwiseDistance(configs: FactorValue[][], kinds: FactorKind[], ranges: number[]): number {
  const n = configs.length;
  if (n < 2) return 0;
  let s = 0;
  kinds.forEach((kind, j) => {
    if (kind === 'numeric') {
      if (!(ranges[j] > 0)) return;
      const xs = configs.map((c) => Number(c[j]) / ranges[j]);
      const m = xs.reduce((a, b) => a + b, 0) / n;
      const popVar = xs.reduce((a, x) => a + (x - m) ** 2, 0) / n;
      s += (2 * n * popVar) / (n - 1);
    } else {
      const counts = new Map<FactorValue, number>();
      for (const c of configs) counts.set(c[j], (counts.get(c[j]) ?? 0) + 1);
      let same = 0;
      for (const c of counts.values()) same += c * (c - 1);
      s += 1 - same / (n * (n - 1));
    }
  });
  return Math.sqrt(s / kinds.length);
}

export function equifinality(
  configs: FactorValue[][],
  outcomes: ArrayLike<number>,
  kinds: FactorKind[],
  options: EquifinalityOptions = {},
): EquifinalityResult {
  const { topShare = 0.2, radius = 0.25, better = 'higher' } = options;
  if (configs.length !== outcomes.length) throw new RangeError(`${configs.length} configurations but ${outcomes.length} outcomes`);
  if (!(topShare > 0 && topShare <= 1)) throw new RangeError(`the top share must be in (0, 1], got ${topShare}`);
  const valid = configs.map((c, i) => ({ c, y: outcomes[i] })).filter((e) => Number.isFinite(e.y));
  if (valid.length === 0) throw new InsufficientDataError('no configuration has a finite outcome');
  const ranges = kinds.map((kind, j) => {
    if (kind !== 'numeric') return 0;
    let lo = Infinity;
    let hi = -Infinity;
    for (const e of valid) {
      const x = Number(e.c[j]);
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
    return hi - lo;
  });
  const sign = better === 'higher' ? -1 : 1;
  // stable sort, best first; ties keep design order
  const ranked = valid.map((e, i) => ({ ...e, i })).sort((a, b) => sign * (a.y - b.y) || a.i - b.i);
  const top = ranked.slice(0, Math.max(1, Math.ceil(topShare * ranked.length)));
  // Leader clustering (Hartigan 1975, ch. 3): best first, each configuration joins the first group
  // whose leader is within the radius, or leads a new group. Groups have diameter <= 2 * radius.
  const groups: { leader: FactorValue[]; members: number[] }[] = [];
  for (const e of top) {
    const g = groups.find((gr) => configurationDistance(gr.leader, e.c, kinds, ranges) <= radius);
    if (g) g.members.push(e.y);
    else groups.push({ leader: e.c, members: [e.y] });
  }
  let maxDistance = 0;
  let sum = 0;
  let pairs = 0;
  for (let a = 0; a < groups.length; a++) {
    for (let b = a + 1; b < groups.length; b++) {
      const d = configurationDistance(groups[a].leader, groups[b].leader, kinds, ranges);
      maxDistance = Math.max(maxDistance, d);
      sum += d;
      pairs++;
    }
  }
  const rmsTop = rmsPairwiseDistance(top.map((e) => e.c), kinds, ranges);
  const rmsAll = rmsPairwiseDistance(valid.map((e) => e.c), kinds, ranges);
  return {
    configurations: valid.length,
    top: top.length,
    cutoff: top[top.length - 1].y,
    radius,
    groups: groups.map((g) => ({
      leader: g.leader,
      size: g.members.length,
      bestOutcome: g.members[0],
      meanOutcome: g.members.reduce((a, b) => a + b, 0) / g.members.length,
    })),
    distinct: groups.length,
    maxDistance,
    meanDistance: pairs > 0 ? sum / pairs : 0,
    rmsTop,
    rmsAll,
    spread: rmsAll > 0 ? rmsTop / rmsAll : 0,
  };
}
