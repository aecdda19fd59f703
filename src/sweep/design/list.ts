// Explicit design: the parameter sets the researcher lists, in the order given.
import type { Factor, FactorValue } from '../factors';
import { checkIndex, type Design } from './types';

export function listDesign(factors: readonly Factor[], points: Record<string, FactorValue>[]): Design {
  if (points.length === 0) throw new RangeError('a list design needs at least one point');
  const rows = points.map((p, i) =>
    factors.map((f) => {
      const v = p[f.name];
      if (v === undefined) throw new RangeError(`design point ${i} gives no value for factor '${f.name}'`);
      return v;
    }),
  );
  const known = new Set(factors.map((f) => f.name));
  points.forEach((p, i) => {
    for (const name of Object.keys(p)) {
      if (!known.has(name)) throw new RangeError(`design point ${i} names '${name}', which is not a factor`);
    }
  });
  return {
    kind: 'list',
    factors,
    size: rows.length,
    structure: { kind: 'plain' },
    point(i) {
      checkIndex(i, rows.length);
      return [...rows[i]];
    },
  };
}
