// Morris elementary-effects screening (Morris 1991), with mu* (Campolongo, Cariboni & Saltelli
// 2007). Along a trajectory one factor moves per step; the elementary effect of that factor is
//   EE_i = (f(x + delta e_i) - f(x)) / delta,
// measured in the unit hypercube so effects of factors with different units compare. Per factor:
// mu = mean EE (direction), mu* = mean |EE| (overall influence, the ranking measure), and
// sigma = standard deviation of EE (non-linearity or interactions).
import { bootstrap, InsufficientDataError, mean, type Interval } from './stats';

export interface MorrisOptions {
  resamples?: number;
  level?: number;
  seed?: number;
}

export interface MorrisResult {
  trajectories: number;
  /** trajectories left out because an output was not a finite number */
  dropped: number;
  mu: number[];
  muStar: number[];
  sigma: number[];
  /** percentile bootstrap interval of mu* over trajectories (as SALib's mu_star_conf) */
  muStarInterval: Interval[];
}

/**
 * Elementary effects, one row per complete trajectory and one column per factor.
 * `unit` holds the design's points in the unit hypercube, trajectory after trajectory (k + 1 each).
 */
export function elementaryEffects(unit: ArrayLike<number>[], y: ArrayLike<number>, k: number): { effects: number[][]; dropped: number } {
  const steps = k + 1;
  if (unit.length !== y.length || unit.length % steps !== 0) {
    throw new RangeError(`a Morris design with ${k} factors has a multiple of ${steps} rows and one output per row`);
  }
  const effects: number[][] = [];
  let dropped = 0;
  for (let t = 0; t < unit.length / steps; t++) {
    const ee = new Array<number>(k).fill(NaN);
    let ok = true;
    for (let s = 0; s < k; s++) {
      const from = t * steps + s;
      const to = from + 1;
      const moved: number[] = [];
      for (let i = 0; i < k; i++) if (unit[to][i] !== unit[from][i]) moved.push(i);
      if (moved.length !== 1) throw new RangeError(`trajectory ${t}, step ${s}: ${moved.length} factors move, Morris needs exactly 1`);
      const i = moved[0];
      const delta = unit[to][i] - unit[from][i];
      ee[i] = (y[to] - y[from]) / delta;
      ok &&= Number.isFinite(ee[i]);
    }
    if (ok) effects.push(ee);
    else dropped++;
  }
  return { effects, dropped };
}

function summarise(effects: number[][], rows: ArrayLike<number>, i: number): { mu: number; muStar: number; sigma: number } {
  const ee = Array.from(rows, (r) => effects[r][i]);
  const mu = mean(ee);
  const muStar = mean(ee.map(Math.abs));
  const sigma = ee.length > 1 ? Math.sqrt(ee.reduce((s, e) => s + (e - mu) ** 2, 0) / (ee.length - 1)) : NaN;
  return { mu, muStar, sigma };
}

export function morrisIndices(unit: ArrayLike<number>[], y: ArrayLike<number>, k: number, options: MorrisOptions = {}): MorrisResult {
  const { resamples = 1000, level = 0.95, seed = 0 } = options;
  const { effects, dropped } = elementaryEffects(unit, y, k);
  const r = effects.length;
  if (r < 1) throw new InsufficientDataError('Morris indices need at least one complete trajectory');
  const all = Array.from({ length: r }, (_, t) => t);
  const stats = Array.from({ length: k }, (_, i) => summarise(effects, all, i));
  const muStarInterval = bootstrap(r, k, (rows) => Array.from({ length: k }, (_, i) => summarise(effects, rows, i).muStar), {
    resamples,
    level,
    seed,
  });
  return {
    trajectories: r,
    dropped,
    mu: stats.map((s) => s.mu),
    muStar: stats.map((s) => s.muStar),
    sigma: stats.map((s) => s.sigma),
    muStarInterval,
  };
}
