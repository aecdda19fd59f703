// The edge property suite, at two sizes: 500 cases in npm test (tests/edges.test.ts) and 10,000 and more
// in the nightly run (tests/nightly/, npm run test:nightly). Each case runs month by month under the deep
// check of sanity-check.ts; a failure names the case, its seed and months, and the scenario to rerun it.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { allAtCases, edgeCaseArb, oneParameterCases, type Budget, type EdgeCase } from './edge-scenarios';
import { checkEdgeCase } from './sanity-check';

export interface EdgeSuiteSize {
  /** random cases: corners, near-edge values, stacked events, tiny weights, mixtures of all */
  random: number;
  /** fast-check's seed for the random cases */
  seed: number;
  budget: Budget;
  /** the exhaustive list of each parameter alone at min and max (and all at min, all at max); omit to skip */
  oneParameter?: { months: number; n0?: number };
}

/**
 * A whole suite of runs takes minutes on a loaded machine: its tests get a limit far above their cost, so that
 * load never fails them (vitest's default of 120 s is for single checks). This is no assertion on time.
 */
export const SUITE_TIMEOUT = 4 * 3600_000;

/** Runs a list of cases and fails with every broken one (the list is exhaustive: all of them are reported). */
function runAll(cases: EdgeCase[]): void {
  const broken: string[] = [];
  for (const c of cases) {
    try {
      checkEdgeCase(c);
    } catch (e) {
      broken.push((e as Error).message);
    }
  }
  expect(broken, `${broken.length} of ${cases.length} cases broke`).toEqual([]);
}

/** Registers the suite's tests in the current describe block; returns the number of cases it runs. */
export function edgeSuite(size: EdgeSuiteSize): number {
  let cases = size.random;
  if (size.oneParameter) {
    const { months, n0 } = size.oneParameter;
    const one = oneParameterCases(size.budget, months, n0);
    const all = allAtCases(size.budget, months);
    cases += one.length + all.length;
    it(`each parameter alone at its min and at its max (${one.length} cases, ${months} months${n0 ? `, N0 ${n0}` : ''})`, () => runAll(one), SUITE_TIMEOUT);
    it('all parameters at their min, and all at their max', () => runAll(all), SUITE_TIMEOUT);
  }
  it(`${size.random} random scenarios at and near the edges (fast-check seed ${size.seed})`, () => {
    fc.assert(
      fc.property(edgeCaseArb(size.budget), (c) => {
        checkEdgeCase(c);
      }),
      // no shrinking: a case is a whole run, and the message already holds the scenario to rerun it
      { numRuns: size.random, seed: size.seed, endOnFailure: true },
    );
  }, SUITE_TIMEOUT);
  return cases;
}
