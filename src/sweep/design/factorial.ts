// Full factorial design: every combination of the factors' grids.
import { gridValues, type Factor } from '../factors';
import { checkIndex, type Design } from './types';

/**
 * Points in lexicographic order with the last factor varying fastest (as itertools.product and
 * R's expand.grid reversed), so point i is read off i in the mixed radix of the grid sizes.
 */
export function factorialDesign(factors: readonly Factor[], steps: number): Design {
  const grids = factors.map((f) => gridValues(f.distribution, steps));
  const size = grids.reduce((n, g) => n * g.length, 1);
  if (!Number.isSafeInteger(size)) throw new RangeError(`the factorial design has too many points (${size})`);
  return {
    kind: 'factorial',
    factors,
    size,
    structure: { kind: 'plain' },
    point(i) {
      checkIndex(i, size);
      const values = new Array(grids.length);
      let rest = i;
      for (let f = grids.length - 1; f >= 0; f--) {
        const n = grids[f].length;
        values[f] = grids[f][rest % n];
        rest = Math.floor(rest / n);
      }
      return values;
    },
  };
}
