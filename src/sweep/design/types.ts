// The shapes every design shares, and the checks they all make.
import type { Factor, FactorValue } from '../factors';

export type DesignSpec =
  /** every combination of factor levels; continuous factors take `steps` points of their range */
  | { kind: 'factorial'; steps?: number }
  /** explicit parameter sets, keyed by factor name */
  | { kind: 'list'; points: Record<string, FactorValue>[] }
  /** independent uniform draws, mapped through each factor's distribution */
  | { kind: 'montecarlo'; samples: number }
  /** Latin hypercube (McKay, Beckman & Conover 1979); `centered` puts each point mid-stratum */
  | { kind: 'lhs'; samples: number; centered?: boolean }
  /** Sobol' quasi-random points (Sobol' 1967), digitally shifted unless `scramble` is false */
  | { kind: 'sobol'; samples: number; scramble?: boolean }
  /** Saltelli's scheme for Sobol' indices (Saltelli et al. 2010): N * (k + 2) points */
  | { kind: 'saltelli'; baseSamples: number; scramble?: boolean }
  /** Morris elementary-effects trajectories (Morris 1991; Campolongo et al. 2007 when `candidates`) */
  | { kind: 'morris'; trajectories: number; levels?: number; candidates?: number };

export type DesignKind = DesignSpec['kind'];

/** What an analysis needs to know about how the points hang together. */
export type DesignStructure =
  | { kind: 'plain' }
  /** rows grouped in blocks of k + 2: A, A_B^1 .. A_B^k, B (the order SALib uses) */
  | { kind: 'saltelli'; baseSamples: number; factors: number }
  /** rows grouped in trajectories of k + 1 points; one factor moves by +-delta per step */
  | { kind: 'morris'; trajectories: number; factors: number; levels: number; delta: number };

export interface Design {
  readonly kind: DesignKind;
  readonly factors: readonly Factor[];
  /** number of design points */
  readonly size: number;
  readonly structure: DesignStructure;
  /** factor values of point i, in factor order */
  point(i: number): FactorValue[];
  /** coordinates of point i in the unit hypercube; absent for explicit lists */
  unit?(i: number): number[];
}

/** Checks a point index against a design's size (shared by all designs). */
export function checkIndex(i: number, size: number): void {
  if (!Number.isInteger(i) || i < 0 || i >= size) throw new RangeError(`design point ${i} is outside [0, ${size})`);
}

/** Checks a sample count: a positive safe integer. */
export function checkCount(name: string, n: number): void {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`${name} must be a positive integer, got ${n}`);
}
