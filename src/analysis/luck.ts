// Luck versus strategy: how much of the spread in an outcome comes from what was chosen (the design
// point: strategy and conditions) and how much from the draw of chance (the replicate's seed).
//
// Two decompositions, both classical random-effects ANOVA (Searle, Casella & McCulloch, Variance
// Components, 1992, ch. 3-4):
//  - one-way, when replicates draw independent seeds: between points (strategy) vs within points (luck);
//  - two-way crossed, with common random numbers (replicate r has the same seed at every point):
//    strategy (point), common luck (replicate), and their interaction (the same luck playing out
//    differently under different strategies).
// And against the twin: the model's twin runs the same municipality and the same luck without the
// managers' strategy, so actual - twin isolates what the strategy added.
import { InsufficientDataError, mean, variance } from './stats';

export interface OneWayDecomposition {
  kind: 'one-way';
  points: number;
  runs: number;
  /** sums of squares: between points, within points, total */
  ssBetween: number;
  ssWithin: number;
  ssTotal: number;
  /** estimated variance components (ANOVA estimators, truncated at 0) */
  varStrategy: number;
  varLuck: number;
  /** varStrategy / (varStrategy + varLuck): the intraclass correlation */
  strategyShare: number;
  luckShare: number;
}

export interface TwoWayDecomposition {
  kind: 'two-way';
  points: number;
  replicates: number;
  ssStrategy: number;
  ssLuck: number;
  ssInteraction: number;
  ssTotal: number;
  varStrategy: number;
  varLuck: number;
  varInteraction: number;
  strategyShare: number;
  luckShare: number;
  interactionShare: number;
}

/** One-way decomposition. `groups[p]` holds the outcomes of design point p's replicates (NaN skipped). */
export function decomposeOneWay(groups: ArrayLike<number>[]): OneWayDecomposition {
  const clean = groups.map((g) => Array.from(g).filter(Number.isFinite)).filter((g) => g.length > 0);
  const P = clean.length;
  const N = clean.reduce((s, g) => s + g.length, 0);
  if (P < 2 || N <= P) throw new InsufficientDataError(`a luck decomposition needs at least 2 design points and more runs than points (got ${P} points, ${N} runs)`);
  const grand = clean.reduce((s, g) => s + g.reduce((a, b) => a + b, 0), 0) / N;
  let ssBetween = 0;
  let ssWithin = 0;
  for (const g of clean) {
    const m = mean(g);
    ssBetween += g.length * (m - grand) ** 2;
    for (const x of g) ssWithin += (x - m) ** 2;
  }
  const msBetween = ssBetween / (P - 1);
  const msWithin = ssWithin / (N - P);
  // n0: the effective group size of an unbalanced one-way layout
  const n0 = (N - clean.reduce((s, g) => s + g.length ** 2, 0) / N) / (P - 1);
  const varStrategy = Math.max(0, (msBetween - msWithin) / n0);
  const varLuck = msWithin;
  const total = varStrategy + varLuck;
  return {
    kind: 'one-way',
    points: P,
    runs: N,
    ssBetween,
    ssWithin,
    ssTotal: ssBetween + ssWithin,
    varStrategy,
    varLuck,
    strategyShare: total > 0 ? varStrategy / total : NaN,
    luckShare: total > 0 ? varLuck / total : NaN,
  };
}

/**
 * Two-way crossed decomposition with one run per cell: `table[p][r]` is the outcome of design
 * point p under the common seed of replicate r. Points with a missing replicate are left out.
 */
export function decomposeTwoWay(table: ArrayLike<number>[]): TwoWayDecomposition {
  const R = table.length > 0 ? table[0].length : 0;
  const rows = table.filter((row) => row.length === R && Array.from(row).every(Number.isFinite)).map((row) => Array.from(row));
  const P = rows.length;
  if (P < 2 || R < 2) throw new InsufficientDataError(`a crossed decomposition needs at least 2 complete points and 2 replicates (got ${P} and ${R})`);
  const grand = rows.reduce((s, row) => s + row.reduce((a, b) => a + b, 0), 0) / (P * R);
  const pointMeans = rows.map((row) => mean(row));
  const repMeans = Array.from({ length: R }, (_, r) => rows.reduce((s, row) => s + row[r], 0) / P);
  const ssStrategy = R * pointMeans.reduce((s, m) => s + (m - grand) ** 2, 0);
  const ssLuck = P * repMeans.reduce((s, m) => s + (m - grand) ** 2, 0);
  let ssTotal = 0;
  for (const row of rows) for (const x of row) ssTotal += (x - grand) ** 2;
  const ssInteraction = Math.max(0, ssTotal - ssStrategy - ssLuck);
  const msE = ssInteraction / ((P - 1) * (R - 1));
  const varStrategy = Math.max(0, (ssStrategy / (P - 1) - msE) / R);
  const varLuck = Math.max(0, (ssLuck / (R - 1) - msE) / P);
  const varInteraction = msE;
  const total = varStrategy + varLuck + varInteraction;
  return {
    kind: 'two-way',
    points: P,
    replicates: R,
    ssStrategy,
    ssLuck,
    ssInteraction,
    ssTotal,
    varStrategy,
    varLuck,
    varInteraction,
    strategyShare: total > 0 ? varStrategy / total : NaN,
    luckShare: total > 0 ? varLuck / total : NaN,
    interactionShare: total > 0 ? varInteraction / total : NaN,
  };
}

export interface TwinComparison {
  runs: number;
  /** mean and standard deviation of the strategy effect, actual - twin */
  meanEffect: number;
  sdEffect: number;
  /** share of runs where the strategy did better than the twin (higher, or lower when lower is better) */
  beatTwin: number;
  varActual: number;
  varTwin: number;
  varEffect: number;
  covariance: number;
  /**
   * Var(actual) = Var(twin) + Var(effect) + 2 Cov(twin, effect): the three shares sum to 1.
   * twinShare is what the circumstances and luck alone would have produced; effectShare what the
   * strategy added; a negative covarianceShare means strategy damped what luck dealt.
   */
  twinShare: number;
  effectShare: number;
  covarianceShare: number;
}

/** Compares each run with its twin (NaN pairs skipped). */
export function compareWithTwin(actual: ArrayLike<number>, twin: ArrayLike<number>, better: 'higher' | 'lower' = 'higher'): TwinComparison {
  if (actual.length !== twin.length) throw new RangeError(`actual and twin outcomes differ in length (${actual.length} vs ${twin.length})`);
  const a: number[] = [];
  const t: number[] = [];
  for (let i = 0; i < actual.length; i++) {
    if (Number.isFinite(actual[i]) && Number.isFinite(twin[i])) {
      a.push(actual[i]);
      t.push(twin[i]);
    }
  }
  const n = a.length;
  if (n < 2) throw new InsufficientDataError('a twin comparison needs at least 2 runs');
  const e = a.map((x, i) => x - t[i]);
  const me = mean(e);
  const mt = mean(t);
  const covariance = t.reduce((s, x, i) => s + (x - mt) * (e[i] - me), 0) / (n - 1);
  const varActual = variance(a);
  const varTwin = variance(t);
  const varEffect = variance(e);
  const share = (v: number) => (varActual > 0 ? v / varActual : NaN);
  return {
    runs: n,
    meanEffect: me,
    sdEffect: Math.sqrt(varEffect),
    beatTwin: e.filter((x) => (better === 'higher' ? x > 0 : x < 0)).length / n,
    varActual,
    varTwin,
    varEffect,
    covariance,
    twinShare: share(varTwin),
    effectShare: share(varEffect),
    covarianceShare: share(2 * covariance),
  };
}
