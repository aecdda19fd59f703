// Factors: the scenario parameters an experiment varies, and how a point of the unit hypercube
// becomes a parameter value (the inverse-CDF transform every design shares). Only exactly rounded
// arithmetic and the model's detmath are used, so a shard on a cluster node computes the same
// factor values, to the bit, as the laptop that planned the sweep.
import { logNormalCdf, normalCdf, normalQuantile, normalQuantileFromLog } from './normal';
import { exp, log } from '../model/detmath';

/** A factor's value as it is set on the scenario: a number, or a level such as a stance name. */
export type FactorValue = number | string;

/** How a factor's values are spread. Every kind maps u in [0, 1) to a value by its inverse CDF. */
export type Distribution =
  | { kind: 'uniform'; min: number; max: number }
  /** uniform in log space: for rates and scales spanning orders of magnitude */
  | { kind: 'loguniform'; min: number; max: number }
  /** normal with mean and standard deviation, truncated to [min, max] (bounds keep grids finite) */
  | { kind: 'normal'; mean: number; sd: number; min: number; max: number }
  | { kind: 'triangular'; min: number; mode: number; max: number }
  /** integers min..max, each equally likely */
  | { kind: 'integer'; min: number; max: number }
  /** a finite list of levels, each equally likely (for Morris and factorial designs: the grid) */
  | { kind: 'levels'; levels: FactorValue[] };

export interface Factor {
  /** column name in runs.csv and the design matrix */
  name: string;
  /** where the value goes in the scenario, e.g. 'params.kappaBase' or 'managers.W.stance.value' */
  path: string;
  distribution: Distribution;
}

/** Is this factor a finite set of values (so factorial designs take every one of them)? */
export function isDiscrete(d: Distribution): d is Extract<Distribution, { kind: 'levels' | 'integer' }> {
  return d.kind === 'levels' || d.kind === 'integer';
}

/** Number of distinct values of a discrete factor. */
export function levelCount(d: Extract<Distribution, { kind: 'levels' | 'integer' }>): number {
  return d.kind === 'levels' ? d.levels.length : d.max - d.min + 1;
}

/** Keeps u inside [0, 1) so an index into n levels is always in range. */
function bin(u: number, n: number): number {
  return Math.min(n - 1, Math.max(0, Math.floor(u * n)));
}

/**
 * Truncated normal by inversion: x = mean + sd * PhiInv(Phi(a) + u (Phi(b) - Phi(a))), with a and b
 * the range's ends in standard units. Reflected so that the range lies below the mean's side, where
 * Phi keeps its relative precision. A range that lies wholly more than FAR_TAIL sd from the mean is
 * inverted in log space (Phi(b) underflows, or keeps too few digits, out there); nearer ranges keep
 * the direct computation, so the values of every experiment that was right before are the same bytes.
 */
function truncatedNormal(u: number, mean: number, sd: number, min: number, max: number): number {
  let a = (min - mean) / sd;
  let b = (max - mean) / sd;
  const flip = a > 0;
  if (flip) [a, b] = [-b, -a];
  // Keep u off 0 and 1 so an unbounded normal never returns an infinite value.
  const v = Math.min(1 - 2 ** -53, Math.max(2 ** -53, flip ? 1 - u : u));
  let z: number;
  if (b < -FAR_TAIL) {
    // the ends exactly (out here, u a hair off 0 lands well inside the range);
    // between them log p = log(Phi(b) (w + (1 - w) Phi(a) / Phi(b))), every term in range
    const w = flip ? 1 - u : u;
    const la = logNormalCdf(a);
    const lb = logNormalCdf(b);
    z = w <= 0 ? a : w >= 1 ? b : normalQuantileFromLog(lb + log(w + (1 - w) * exp(la - lb)));
  } else {
    const pa = normalCdf(a);
    const pb = normalCdf(b);
    z = normalQuantile(pa + v * (pb - pa));
  }
  z = Math.min(b, Math.max(a, z));
  return mean + sd * (flip ? -z : z);
}

/** Standard units beyond which a truncated normal range is inverted in log space. */
const FAR_TAIL = 5;

/** The value of a factor at u in [0, 1] of its own axis of the unit hypercube. */
export function fromUnit(d: Distribution, u: number): FactorValue {
  switch (d.kind) {
    case 'uniform':
      return d.min + u * (d.max - d.min);
    case 'loguniform':
      return exp(log(d.min) + u * (log(d.max) - log(d.min)));
    case 'normal':
      return truncatedNormal(u, d.mean, d.sd, d.min, d.max);
    case 'triangular': {
      const span = d.max - d.min;
      const cut = span === 0 ? 0 : (d.mode - d.min) / span;
      return u < cut
        ? d.min + Math.sqrt(u * span * (d.mode - d.min))
        : d.max - Math.sqrt((1 - u) * span * (d.max - d.mode));
    }
    case 'integer':
      return d.min + bin(u, d.max - d.min + 1);
    case 'levels':
      return d.levels[bin(u, d.levels.length)];
  }
}

/**
 * The grid a factorial design takes for a factor: every level of a discrete factor; for a
 * continuous one, `steps` points from the bottom to the top of its range, ends included, spaced
 * equally in probability (so a loguniform factor gets a geometric grid).
 */
export function gridValues(d: Distribution, steps: number): FactorValue[] {
  return Array.from({ length: gridSize(d, steps) }, (_, j) => gridValue(d, steps, j));
}

/** How many values the factorial grid of a factor has (without making the grid: an integer range may be huge). */
export function gridSize(d: Distribution, steps: number): number {
  if (isDiscrete(d)) return levelCount(d);
  if (!Number.isInteger(steps) || steps < 1) throw new RangeError(`steps must be a positive integer, got ${steps}`);
  return steps;
}

/** The j-th value of a factor's factorial grid (see gridValues). */
export function gridValue(d: Distribution, steps: number, j: number): FactorValue {
  if (d.kind === 'levels') return d.levels[j];
  if (d.kind === 'integer') return d.min + j;
  return steps === 1 ? fromUnit(d, 0.5) : fromUnit(d, j / (steps - 1));
}

/** Values of all factors at one point of the unit hypercube. */
export function pointFromUnit(factors: readonly Factor[], unit: ArrayLike<number>): FactorValue[] {
  return factors.map((f, i) => fromUnit(f.distribution, unit[i]));
}
