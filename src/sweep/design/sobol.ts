// Sobol' quasi-random designs: plain low-discrepancy points, and Saltelli's scheme for estimating
// Sobol' sensitivity indices.
import { pointFromUnit, type Factor } from '../factors';
import { checkCount, checkIndex, type Design } from './types';
import { SOBOL_MAX_DIMENSIONS, sobolPoint } from '../sobolSequence';
import { STREAM, streamSeed } from '../seeds';

/** One random 32-bit digital shift per dimension, or none when `seed` is undefined. */
function digitalShifts(dimensions: number, seed: number | undefined): number[] | undefined {
  if (seed === undefined) return undefined;
  return Array.from({ length: dimensions }, (_, d) => streamSeed(seed, STREAM.sobolShift, d));
}

function checkDimensions(dimensions: number): void {
  if (dimensions > SOBOL_MAX_DIMENSIONS) {
    throw new RangeError(`this design needs ${dimensions} Sobol' dimensions; the direction table holds ${SOBOL_MAX_DIMENSIONS}`);
  }
}

/** Sobol' points 0..samples-1. Balance properties hold best when `samples` is a power of two. */
export function sobolDesign(factors: readonly Factor[], samples: number, seed: number | undefined): Design {
  checkCount('samples', samples);
  checkDimensions(factors.length);
  const shifts = digitalShifts(factors.length, seed);
  const unit = (i: number): number[] => {
    checkIndex(i, samples);
    return sobolPoint(i, factors.length, shifts);
  };
  return {
    kind: 'sobol',
    factors,
    size: samples,
    structure: { kind: 'plain' },
    unit,
    point: (i) => pointFromUnit(factors, unit(i)),
  };
}

/**
 * Saltelli's sampling scheme (Saltelli 2002; Saltelli et al., Comput. Phys. Commun. 181, 2010):
 * two independent base matrices A and B (N x k) from one 2k-dimensional Sobol' sequence (A its
 * first k coordinates, B the last k), and for each factor i the matrix A_B^i, which is A with
 * column i taken from B. Rows come in blocks of k + 2 per base sample j: A_j, A_B^1_j .. A_B^k_j,
 * B_j, as SALib orders them, so a partial sweep that stops between blocks still has whole blocks.
 * N * (k + 2) model runs give first- and total-order indices of all k factors.
 */
export function saltelliDesign(factors: readonly Factor[], baseSamples: number, seed: number | undefined): Design {
  checkCount('baseSamples', baseSamples);
  const k = factors.length;
  checkDimensions(2 * k);
  const shifts = digitalShifts(2 * k, seed);
  const size = baseSamples * (k + 2);
  if (!Number.isSafeInteger(size)) throw new RangeError(`the Saltelli design has too many points (${size})`);
  const unit = (i: number): number[] => {
    checkIndex(i, size);
    const j = Math.floor(i / (k + 2));
    const block = i % (k + 2);
    const ab = sobolPoint(j, 2 * k, shifts);
    const a = ab.slice(0, k);
    if (block === 0) return a;
    if (block === k + 1) return ab.slice(k);
    a[block - 1] = ab[k + block - 1];
    return a;
  };
  return {
    kind: 'saltelli',
    factors,
    size,
    structure: { kind: 'saltelli', baseSamples, factors: k },
    unit,
    point: (i) => pointFromUnit(factors, unit(i)),
  };
}
