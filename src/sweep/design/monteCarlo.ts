// Monte Carlo design: each point an independent uniform draw in the unit hypercube, mapped through
// the factors' distributions.
import { pointFromUnit, type Factor } from '../factors';
import { checkCount, checkIndex, type Design } from './types';
import { alea } from '../rng';
import { STREAM, streamSeed } from '../seeds';

export function monteCarloDesign(factors: readonly Factor[], samples: number, seed: number): Design {
  checkCount('samples', samples);
  // One Alea stream per point, seeded from (experiment seed, point): random access, any order.
  const unit = (i: number): number[] => {
    checkIndex(i, samples);
    const next = alea(streamSeed(seed, STREAM.monteCarlo, i));
    return factors.map(() => next());
  };
  return {
    kind: 'montecarlo',
    factors,
    size: samples,
    structure: { kind: 'plain' },
    unit,
    point: (i) => pointFromUnit(factors, unit(i)),
  };
}
