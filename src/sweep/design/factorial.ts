// Full factorial design: every combination of the factors' grids.
import { gridSize, gridValue, type Factor } from '../factors';
import { checkIndex, type Design } from './types';

/**
 * Points in lexicographic order with the last factor varying fastest (as itertools.product and
 * R's expand.grid reversed), so point i is read off i in the mixed radix of the grid sizes.
 */
export function factorialDesign(factors: readonly Factor[], steps: number): Design {
  // grids are read value by value, never made: an integer factor may range over billions of values
  const sizes = factors.map((f) => gridSize(f.distribution, steps));
  const size = sizes.reduce((n, g) => n * g, 1);
  if (!Number.isSafeInteger(size)) throw new RangeError(`the factorial design has too many points (${size})`);
  return {
    kind: 'factorial',
    factors,
    size,
    structure: { kind: 'plain' },
    point(i) {
      checkIndex(i, size);
      const values = new Array(sizes.length);
      let rest = i;
      for (let f = sizes.length - 1; f >= 0; f--) {
        const n = sizes[f];
        values[f] = gridValue(factors[f].distribution, steps, rest % n);
        rest = Math.floor(rest / n);
      }
      return values;
    },
  };
}
