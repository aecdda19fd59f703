// Experimental designs: which points of the factor space an experiment runs.
//
// Every design is random-access: point(i) is computed from i (and the experiment seed) alone, so a
// shard or a resumed sweep takes exactly the points an uninterrupted sweep would, and memory does
// not grow with the number of points (SALib and the EMA Workbench materialise the whole matrix).
import type { Factor } from './factors';
import type { Design, DesignSpec } from './design/types';
import { factorialDesign } from './design/factorial';
import { listDesign } from './design/list';
import { monteCarloDesign } from './design/monteCarlo';
import { latinHypercubeDesign } from './design/latinHypercube';
import { saltelliDesign, sobolDesign } from './design/sobol';
import { morrisDesign } from './design/morris';

export type { Design, DesignKind, DesignSpec, DesignStructure } from './design/types';

/** Builds a design. `seed` is the experiment seed: it fixes every random choice of the design. */
export function makeDesign(spec: DesignSpec, factors: readonly Factor[], seed: number): Design {
  if (factors.length === 0) throw new RangeError('an experiment needs at least one factor');
  switch (spec.kind) {
    case 'factorial':
      return factorialDesign(factors, spec.steps ?? 3);
    case 'list':
      return listDesign(factors, spec.points);
    case 'montecarlo':
      return monteCarloDesign(factors, spec.samples, seed);
    case 'lhs':
      return latinHypercubeDesign(factors, spec.samples, seed, spec.centered ?? false);
    case 'sobol':
      return sobolDesign(factors, spec.samples, spec.scramble === false ? undefined : seed);
    case 'saltelli':
      return saltelliDesign(factors, spec.baseSamples, spec.scramble === false ? undefined : seed);
    case 'morris':
      return morrisDesign(factors, { trajectories: spec.trajectories, levels: spec.levels ?? 4, candidates: spec.candidates }, seed);
  }
}
