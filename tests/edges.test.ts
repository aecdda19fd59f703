// Every valid scenario runs sanely (issue 12): 500 cases at and near the edges of every range, each run
// month by month under the deep check (tests/support/sanity-check.ts), plus the cases the issue reported.
// The nightly run (tests/nightly/, npm run test:nightly) runs the same suite with 10,000 cases and more.
import { describe, expect, it } from 'vitest';
import { Simulation } from '../src/engine/simulation';
import { inhabitants, LM_SHOCK_MAX } from '../src/model/bounds';
import { ces } from '../src/model/meta';
import { mixProfiles, relativeWeights, VALUE_PROFILES } from '../src/model/values';
import { InputError, parseScenario } from '../src/scenario/parse';
import { refusedCases, TEST_BUDGET } from './support/edge-scenarios';
import { edgeSuite } from './support/edge-suite';
import { checkEdgeCase } from './support/sanity-check';

const text = { nl: 'r', en: 'r' };
const doc = (fields: Record<string, unknown>) => ({ id: 'r', title: text, description: text, notice: text, ...fields });

describe('500 scenarios at and near the edges of every range', () => {
  // 304 one-parameter cases (152 parameters at min and max) + 2 all-at cases + 194 random = 500
  const cases = edgeSuite({ random: 194, seed: 1212, budget: TEST_BUDGET, oneParameter: { months: 120, n0: 200 } });
  it('adds up to 500 cases', () => expect(cases).toBe(500));
});

describe('the reported cases run to finite, bounded results', () => {
  const files = (sim: Simulation) => ({ csv: sim.monthlyCsv(), summary: sim.summaryJson() });
  const noNaN = (sim: Simulation) => {
    const { csv, summary } = files(sim);
    expect(csv).not.toMatch(/NaN|Infinity/);
    expect(summary).not.toMatch(/null|NaN|Infinity/);
  };

  it('two stacked recessions of the largest magnitude: the labour market saturates, the caseload stays below the inhabitants', () => {
    const sim = checkEdgeCase({ kind: 'two recessions', doc: doc({ events: [{ month: 0, type: 'recession', magnitude: 3 }, { month: 1, type: 'recession', magnitude: 3 }] }), months: 96, seed: 1 });
    noNaN(sim);
    expect(sim.snapshots[1].environment.labourMarket).toBeGreaterThan(0);
    expect(sim.summary().caseload.stock).toBeLessThan(inhabitants(2200));
  });

  it('inflowElast 2 with a recession a year: the inflow saturates, no NaN', () => {
    const sim = checkEdgeCase({ kind: 'elastic inflow', doc: doc({ params: { inflowElast: 2, rateRecession: 1 } }), months: 96, seed: 1 });
    noNaN(sim);
    // the labour market multiplies the inflow by at most 4 (bounds.ts); recessions add at most 30% each
    const base = (2200 * 0.22) / 12;
    for (const s of sim.snapshots) expect(s.flows.inflow).toBeLessThan(base * 4 * 3 + 5 * Math.sqrt(base * 12));
  });

  it('two dozen stacked recessions: memory stays bounded by the inhabitants', () => {
    const events = Array.from({ length: 24 }, (_, month) => ({ month, type: 'recession', magnitude: 3 }));
    const sim = checkEdgeCase({ kind: 'two dozen recessions', doc: doc({ events }), months: 48, seed: 1 });
    noNaN(sim);
    expect(sim.world.lmX).toBeGreaterThanOrEqual(-LM_SHOCK_MAX);
    expect(sim.world.pool.capacity).toBeLessThanOrEqual(inhabitants(2200));
    expect(sim.twinWorld.pool.capacity).toBeLessThanOrEqual(inhabitants(2200));
  });

  it('subnormal weights count as relative weights: 5e-324 alone is the whole profile', () => {
    expect(mixProfiles({ workFirst: 5e-324 })).toEqual(mixProfiles({ workFirst: 1 }));
    mixProfiles({ workFirst: 5e-324 }).forEach((w, k) => expect(w).toBeCloseTo(VALUE_PROFILES.workFirst[k], 12));
    expect(mixProfiles({ workFirst: 5e-324, inclusive: 5e-324 })).toEqual(mixProfiles({ workFirst: 1, inclusive: 1 }));
    expect(relativeWeights([0.4, 0.3, 0.15, 0.15])).toEqual([1.6, 1.2, 0.6, 0.6]);
    const sim = checkEdgeCase({ kind: 'subnormal', doc: doc({ managers: { W: { profile: { workFirst: 5e-324 } } }, audiences: { council: { power: 5e-324 }, public: { power: 0 }, clients: { power: 0 }, employers: { power: 0 } } }), months: 36, seed: 1 });
    noNaN(sim);
    // only the council counts in the political dimension
    expect(sim.summary().dimensions.political.score).toBeCloseTo(sim.world.audiences.council.support, 12);
  });

  it('a CES exponent of 0 is the geometric mean (the limit), and the CES is continuous there', () => {
    const xs = [0.2, 0.5, 0.7, 0.9];
    const geometric = Math.sqrt(Math.sqrt(xs.reduce((a, b) => a * b, 1)));
    expect(ces(xs, 0)).toBeCloseTo(geometric, 12);
    expect(ces(xs, 2e-6)).toBeCloseTo(geometric, 5);
    expect(ces(xs, -2e-6)).toBeCloseTo(geometric, 5);
    const sim = checkEdgeCase({ kind: 'rho 0', doc: doc({ params: { rhoC: 0, rhoL: 0 } }), months: 24, seed: 1 });
    noNaN(sim);
  });
});

describe('combinations that cannot make sense are refused, naming the paths', () => {
  for (const c of refusedCases()) {
    it(c.kind, () => {
      let error: unknown = null;
      try {
        parseScenario(c.doc, 'x.json');
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(InputError);
      const issues = (error as InputError).issues;
      expect(issues.map((i) => i.path)).toContain(c.path);
      for (const p of c.names) expect(issues.map((i) => i.message).join(' ')).toContain(p);
    });
  }
});
