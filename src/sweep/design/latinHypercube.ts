// Latin hypercube sampling (McKay, Beckman & Conover, Technometrics 21, 1979): each factor's range
// is cut into n equal-probability strata and every stratum holds exactly one of the n points.
import { pointFromUnit, type Factor } from '../factors';
import { checkCount, checkIndex, type Design } from './types';
import { KeyedPermutation } from '../permutation';
import { alea } from '../rng';
import { STREAM, streamSeed } from '../seeds';

export function latinHypercubeDesign(factors: readonly Factor[], samples: number, seed: number, centered: boolean): Design {
  checkCount('samples', samples);
  // Factor d puts point i in stratum perm_d(i); a keyed permutation needs no stored table.
  const strata = factors.map((_, d) => new KeyedPermutation(samples, streamSeed(seed, STREAM.latinPermutation, d)));
  const unit = (i: number): number[] => {
    checkIndex(i, samples);
    const next = centered ? () => 0.5 : alea(streamSeed(seed, STREAM.latinHypercube, i));
    return strata.map((perm) => (perm.at(i) + next()) / samples);
  };
  return {
    kind: 'lhs',
    factors,
    size: samples,
    structure: { kind: 'plain' },
    unit,
    point: (i) => pointFromUnit(factors, unit(i)),
  };
}
