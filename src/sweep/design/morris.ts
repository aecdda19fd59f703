// Morris's elementary-effects screening design (Morris, Technometrics 33, 1991), with the
// trajectory selection of Campolongo, Cariboni & Saltelli (Environ. Model. Softw. 22, 2007).
import { pointFromUnit, type Factor } from '../factors';
import { checkCount, checkIndex, type Design } from './types';
import { alea, randomInt, shuffle, type Uniform } from '../rng';
import { STREAM, streamSeed } from '../seeds';

export interface MorrisOptions {
  /** r: trajectories kept */
  trajectories: number;
  /** p: grid levels per factor, even (the usual 4 gives delta = 2/3) */
  levels: number;
  /** M > r: draw M trajectories and keep the r most spread out (Campolongo et al. 2007) */
  candidates?: number;
}

/** A trajectory: k + 1 points of the p-level grid in [0, 1]^k, one factor moving per step. */
export type Trajectory = number[][];

/**
 * One random trajectory. The base point is drawn uniformly from the grid {0, 1/(p-1), .., 1};
 * then the factors move one at a time, in random order, by delta = p / (2 (p - 1)): up from the
 * lower half of the grid and down from the upper half, which is Morris's random orientation B*.
 */
export function randomTrajectory(k: number, p: number, next: Uniform): Trajectory {
  const half = p / 2;
  const level = Array.from({ length: k }, () => randomInt(next, p));
  const order = shuffle(Array.from({ length: k }, (_, i) => i), next);
  const points = [level.map((l) => l / (p - 1))];
  for (const f of order) {
    level[f] += level[f] + half <= p - 1 ? half : -half;
    points.push(level.map((l) => l / (p - 1)));
  }
  return points;
}

/** Campolongo's distance between two trajectories: the sum of Euclidean distances of all point pairs. */
export function trajectoryDistance(a: Trajectory, b: Trajectory): number {
  let total = 0;
  for (const x of a) {
    for (const y of b) {
      let s = 0;
      for (let i = 0; i < x.length; i++) s += (x[i] - y[i]) * (x[i] - y[i]);
      total += Math.sqrt(s);
    }
  }
  return total;
}

/**
 * Keeps the r of M trajectories with the largest total spread. Campolongo et al. maximise the sum
 * of squared pairwise distances over all r-subsets, which is combinatorial; like SALib's local
 * optimisation (Ruano et al. 2012) this drops, one at a time, the trajectory contributing least.
 */
export function selectSpread(candidates: Trajectory[], r: number): Trajectory[] {
  const m = candidates.length;
  // squares by multiplication: the choice fixes the design, so it must round alike in every host
  const squared = (a: Trajectory, b: Trajectory) => {
    const d = a === b ? 0 : trajectoryDistance(a, b);
    return d * d;
  };
  const dist = candidates.map((a) => candidates.map((b) => squared(a, b)));
  const kept = new Set(candidates.map((_, i) => i));
  while (kept.size > r) {
    let worst = -1;
    let worstSum = Infinity;
    for (const i of kept) {
      let s = 0;
      for (const j of kept) s += dist[i][j];
      if (s < worstSum) [worst, worstSum] = [i, s];
    }
    kept.delete(worst);
  }
  return [...Array(m).keys()].filter((i) => kept.has(i)).map((i) => candidates[i]);
}

/**
 * Morris trajectories are drawn and kept in memory (the selection compares all of them): at most this
 * many coordinates, trajectories x (factors + 1) x factors, about 1 GB as JavaScript arrays.
 */
export const MORRIS_MAX_COORDINATES = 10_000_000;

/** Coordinates a Morris design holds in memory while it is built. */
export function morrisCoordinates(k: number, options: Pick<MorrisOptions, 'trajectories' | 'candidates'>): number {
  return (options.candidates ?? options.trajectories) * (k + 1) * k;
}

/** Operations to pick r of M candidates: the M x M distances of (k + 1)^2 point pairs of k coordinates, then the selection (M^3 / 2). */
export function morrisSelectionWork(k: number, options: Pick<MorrisOptions, 'trajectories' | 'candidates'>): number {
  const m = options.candidates;
  if (m === undefined) return 0;
  return ((m * m) / 2) * (k + 1) * (k + 1) * k + (m * m * m) / 2;
}

export function morrisDesign(factors: readonly Factor[], options: MorrisOptions, seed: number): Design {
  const { trajectories: r, levels: p, candidates } = options;
  checkCount('trajectories', r);
  if (!Number.isInteger(p) || p < 2 || p % 2 !== 0) throw new RangeError(`Morris levels must be an even integer >= 2, got ${p}`);
  if (candidates !== undefined && (!Number.isInteger(candidates) || candidates < r)) {
    throw new RangeError(`Morris candidates must be an integer >= trajectories (${r}), got ${candidates}`);
  }
  const k = factors.length;
  const coordinates = morrisCoordinates(k, options);
  if (coordinates > MORRIS_MAX_COORDINATES) {
    throw new RangeError(
      `a Morris design of ${(candidates ?? r).toLocaleString('en-US')} ${candidates === undefined ? 'trajectories' : 'candidates'} over ${k} factor${k === 1 ? '' : 's'} holds ${coordinates.toLocaleString('en-US')} coordinates in memory; at most ${MORRIS_MAX_COORDINATES.toLocaleString('en-US')} (fewer trajectories or candidates)`,
    );
  }
  const size = r * (k + 1);
  // drawn (and selected) at the first point asked for, so that checking an experiment costs nothing
  let chosen: Trajectory[] | null = null;
  const trajectories = (): Trajectory[] => {
    if (chosen) return chosen;
    const next = alea(streamSeed(seed, STREAM.morris));
    const drawn = Array.from({ length: candidates ?? r }, () => randomTrajectory(k, p, next));
    chosen = candidates === undefined ? drawn : selectSpread(drawn, r);
    return chosen;
  };
  const unit = (i: number): number[] => {
    checkIndex(i, size);
    return [...trajectories()[Math.floor(i / (k + 1))][i % (k + 1)]];
  };
  return {
    kind: 'morris',
    factors,
    size,
    structure: { kind: 'morris', trajectories: r, factors: k, levels: p, delta: p / (2 * (p - 1)) },
    unit,
    point: (i) => pointFromUnit(factors, unit(i)),
  };
}
