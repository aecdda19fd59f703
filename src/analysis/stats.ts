// Small descriptive statistics shared by the estimators.
import { alea, type Uniform } from '../sweep/rng';

/**
 * The results hold too little for an estimate (too few runs, replicates, complete trajectories or
 * base samples, or none with a finite outcome): the user's data, not a defect, so the command line
 * reports it with exit code 2.
 */
export class InsufficientDataError extends RangeError {
  override name = 'InsufficientDataError';
}

export function mean(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return s / xs.length;
}

/** Sample variance with divisor n - 1 (two-pass, for numerical stability). */
export function variance(xs: ArrayLike<number>): number {
  const m = mean(xs);
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += (xs[i] - m) ** 2;
  return s / (xs.length - 1);
}

/** Quantile by linear interpolation between order statistics (R's type 7, NumPy's default). */
export function quantile(xs: ArrayLike<number>, q: number): number {
  const sorted = Float64Array.from(xs).sort();
  return quantileSorted(sorted, q);
}

export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** A two-sided confidence interval. */
export interface Interval {
  low: number;
  high: number;
}

/**
 * Percentile bootstrap (Efron & Tibshirani 1993, ch. 13): resample the n units with replacement
 * `resamples` times, re-estimate, and take the (1 - level)/2 and (1 + level)/2 quantiles of the
 * estimates. `estimate` receives the resampled unit indices and returns one value per statistic.
 */
export function bootstrap(
  n: number,
  statistics: number,
  estimate: (indices: Int32Array) => ArrayLike<number>,
  options: { resamples: number; level: number; seed: number },
): Interval[] {
  const next: Uniform = alea(`bootstrap:${options.seed}`);
  const draws = Array.from({ length: statistics }, () => new Float64Array(options.resamples));
  const indices = new Int32Array(n);
  for (let b = 0; b < options.resamples; b++) {
    for (let i = 0; i < n; i++) indices[i] = Math.floor(next() * n);
    const values = estimate(indices);
    for (let s = 0; s < statistics; s++) draws[s][b] = values[s];
  }
  const tail = (1 - options.level) / 2;
  return draws.map((d) => {
    d.sort();
    return { low: quantileSorted(d, tail), high: quantileSorted(d, 1 - tail) };
  });
}

/** ln Gamma(x) for x > 0, Lanczos approximation (g = 7, n = 9; Numerical Recipes 3rd ed. 6.1), ~1e-15. */
export function logGamma(x: number): number {
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let a = c[0];
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** P(X >= k) for X ~ Binomial(n, p), summed in log space. */
export function binomialUpperTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  const lnChoose = (i: number) => logGamma(n + 1) - logGamma(i + 1) - logGamma(n - i + 1);
  let total = 0;
  for (let i = k; i <= n; i++) {
    const term = Math.exp(lnChoose(i) + i * Math.log(p) + (n - i) * Math.log(1 - p));
    total += term;
    if (term < total * 1e-17 && i > n * p) break;
  }
  return Math.min(1, total);
}
