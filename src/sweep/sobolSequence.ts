// Sobol' low-discrepancy sequence (Sobol' 1967) with Joe & Kuo (2008) direction numbers, in the
// Gray-code order of Antonov & Saleev (1979), as Joe & Kuo's reference program and SciPy emit it.
// Any point is computed directly from its index, so a shard can take its share without generating
// the points before it.
import { JOE_KUO_ROWS } from './sobolDirections';

/** Bits of precision: points are multiples of 2^-32. */
export const SOBOL_BITS = 32;
/** Dimensions the direction table supports. */
export const SOBOL_MAX_DIMENSIONS = JOE_KUO_ROWS.length + 1;

/** One parsed row of the direction table. */
export interface DirectionRow {
  degree: number;
  coefficients: number;
  initial: number[];
}

export function parseDirectionRow(row: string): DirectionRow {
  const [degree, coefficients, ...initial] = row.split(' ').map(Number);
  if (initial.length !== degree) throw new Error(`direction row '${row}' has degree ${degree} but ${initial.length} numbers`);
  return { degree, coefficients, initial };
}

/** Direction numbers v_1..v_32 of one dimension, scaled to 32-bit integers (Bratley & Fox 1988). */
function directionVector(dimension: number): Uint32Array {
  const v = new Uint32Array(SOBOL_BITS);
  if (dimension === 0) {
    for (let j = 0; j < SOBOL_BITS; j++) v[j] = 2 ** (31 - j);
    return v;
  }
  const { degree: s, coefficients: a, initial: m } = parseDirectionRow(JOE_KUO_ROWS[dimension - 1]);
  for (let j = 0; j < SOBOL_BITS; j++) {
    if (j < s) {
      v[j] = m[j] * 2 ** (31 - j);
      continue;
    }
    // v_j = a_1 v_{j-1} xor ... xor a_{s-1} v_{j-s+1} xor v_{j-s} xor (v_{j-s} >> s)
    let x = v[j - s] ^ (v[j - s] >>> s);
    for (let k = 1; k < s; k++) if ((a >>> (s - 1 - k)) & 1) x ^= v[j - k];
    v[j] = x >>> 0;
  }
  return v;
}

const cache: Uint32Array[] = [];
function directions(dimension: number): Uint32Array {
  if (!Number.isInteger(dimension) || dimension < 0 || dimension >= SOBOL_MAX_DIMENSIONS) {
    throw new RangeError(`Sobol' dimension ${dimension + 1} is beyond the ${SOBOL_MAX_DIMENSIONS} the table holds`);
  }
  return (cache[dimension] ??= directionVector(dimension));
}

/** The 32-bit integer of coordinate `dimension` (0-based) of point `index` (0-based). */
export function sobolInteger(index: number, dimension: number): number {
  if (!Number.isInteger(index) || index < 0 || index >= 2 ** SOBOL_BITS) {
    throw new RangeError(`Sobol' point index must be in [0, 2^32), got ${index}`);
  }
  const v = directions(dimension);
  let gray = (index ^ (index >>> 1)) >>> 0;
  let x = 0;
  for (let j = 0; gray !== 0; j++, gray >>>= 1) if (gray & 1) x ^= v[j];
  return x >>> 0;
}

/**
 * Point `index` of the d-dimensional sequence in [0, 1)^d. With `shifts` (one uint32 per
 * dimension) it is a random digital shift (Owen 1995's simplest randomisation): each coordinate is
 * xor-ed with a fixed random word, which keeps the (t, m, s)-net property and lets a bootstrap
 * treat the design as random.
 */
export function sobolPoint(index: number, dimensions: number, shifts?: ArrayLike<number>): number[] {
  const point = new Array<number>(dimensions);
  for (let d = 0; d < dimensions; d++) {
    const x = shifts ? (sobolInteger(index, d) ^ shifts[d]) >>> 0 : sobolInteger(index, d);
    point[d] = x / 2 ** SOBOL_BITS;
  }
  return point;
}
