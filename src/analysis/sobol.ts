// Variance-based sensitivity indices (Sobol' 1993) from a Saltelli design.
//
// First order S_i: the share of output variance explained by factor i alone.
// Total order ST_i: the share explained by factor i with all its interactions; 1 - ST_i is what
// remains if factor i were fixed. The estimators are the ones Saltelli et al. (2010, Comput. Phys.
// Commun. 181, 259-270, Table 2) recommend: for S_i their (b), after Saltelli (2002),
//   V_i  ~ 1/N sum_j f(B)_j (f(A_B^i)_j - f(A)_j),
// and for ST_i Jansen's (1999) (f),
//   VT_i ~ 1/(2N) sum_j (f(A)_j - f(A_B^i)_j)^2,
// both divided by the variance of f over the rows of A and B. Confidence intervals are percentile
// bootstraps over the N base samples (Archer, Saltelli & Sobol' 1997), as SALib does.
import { bootstrap, InsufficientDataError, type Interval } from './stats';

export interface SobolOptions {
  /** bootstrap resamples (SALib's default is 100; 1000 gives steadier interval ends) */
  resamples?: number;
  /** confidence level of the intervals */
  level?: number;
  /** seed of the bootstrap stream */
  seed?: number;
}

export interface SobolResult {
  /** base samples used (blocks with a missing output are left out) */
  baseSamples: number;
  /** blocks left out because an output was not a finite number */
  dropped: number;
  mean: number;
  variance: number;
  first: number[];
  total: number[];
  firstInterval: Interval[];
  totalInterval: Interval[];
}

/** The outputs of a Saltelli design split into f(A), f(B) and f(A_B^i), blocks with NaN removed. */
interface SaltelliOutputs {
  a: Float64Array;
  b: Float64Array;
  ab: Float64Array[];
  dropped: number;
}

/** Splits y (rows in blocks of k + 2: A, A_B^1..A_B^k, B) into the three kinds of rows. */
export function splitSaltelli(y: ArrayLike<number>, k: number): SaltelliOutputs {
  const block = k + 2;
  if (y.length % block !== 0) throw new RangeError(`a Saltelli design with ${k} factors has a multiple of ${block} rows, got ${y.length}`);
  const keep: number[] = [];
  for (let j = 0; j < y.length / block; j++) {
    let finite = true;
    for (let r = 0; r < block; r++) finite &&= Number.isFinite(y[j * block + r]);
    if (finite) keep.push(j);
  }
  const n = keep.length;
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  const ab = Array.from({ length: k }, () => new Float64Array(n));
  keep.forEach((j, t) => {
    a[t] = y[j * block];
    for (let i = 0; i < k; i++) ab[i][t] = y[j * block + 1 + i];
    b[t] = y[j * block + k + 1];
  });
  return { a, b, ab, dropped: y.length / block - n };
}

/** The 2k indices (S_1..S_k, ST_1..ST_k) over the base samples in `rows`, plus mean and variance. */
function estimate(o: SaltelliOutputs, rows: ArrayLike<number>): { s: Float64Array; mean: number; variance: number } {
  const n = rows.length;
  const k = o.ab.length;
  let sum = 0;
  for (let t = 0; t < n; t++) sum += o.a[rows[t]] + o.b[rows[t]];
  const f0 = sum / (2 * n);
  let ss = 0;
  for (let t = 0; t < n; t++) ss += (o.a[rows[t]] - f0) ** 2 + (o.b[rows[t]] - f0) ** 2;
  const v = ss / (2 * n - 1);
  const s = new Float64Array(2 * k);
  for (let i = 0; i < k; i++) {
    let first = 0;
    let total = 0;
    for (let t = 0; t < n; t++) {
      const j = rows[t];
      // centred on f0, which removes the estimator's sensitivity to the output's offset
      const fa = o.a[j] - f0;
      const fb = o.b[j] - f0;
      const fab = o.ab[i][j] - f0;
      first += fb * (fab - fa);
      total += (fa - fab) ** 2;
    }
    s[i] = first / n / v;
    s[k + i] = total / (2 * n) / v;
  }
  return { s, mean: f0, variance: v };
}

/** Sobol' first- and total-order indices with bootstrap confidence intervals. */
export function sobolIndices(y: ArrayLike<number>, k: number, options: SobolOptions = {}): SobolResult {
  const { resamples = 1000, level = 0.95, seed = 0 } = options;
  const o = splitSaltelli(y, k);
  const n = o.a.length;
  if (n < 2) throw new InsufficientDataError(`Sobol' indices need at least 2 complete base samples, got ${n}`);
  const all = Int32Array.from({ length: n }, (_, t) => t);
  const point = estimate(o, all);
  const ci = bootstrap(n, 2 * k, (rows) => estimate(o, rows).s, { resamples, level, seed });
  return {
    baseSamples: n,
    dropped: o.dropped,
    mean: point.mean,
    variance: point.variance,
    first: Array.from(point.s.subarray(0, k)),
    total: Array.from(point.s.subarray(k)),
    firstInterval: ci.slice(0, k),
    totalInterval: ci.slice(k),
  };
}
