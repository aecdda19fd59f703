import { describe, expect, it } from 'vitest';
import { makeDesign } from '../src/sweep/designs';
import type { Factor } from '../src/sweep/factors';
import { alea } from '../src/sweep/rng';
import { normalQuantile } from '../src/sweep/normal';
import { sobolIndices } from '../src/analysis/sobol';
import { morrisIndices } from '../src/analysis/morris';
import { prim, type PrimColumn } from '../src/analysis/prim';
import { compareWithTwin, decomposeOneWay, decomposeTwoWay } from '../src/analysis/luck';
import { configurationDistance, equifinality, rmsPairwiseDistance } from '../src/analysis/equifinality';
import { formatTable } from '../src/analysis/table';
import { binomialUpperTail, logGamma } from '../src/analysis/stats';
import { gFunction, gFunctionIndices, ishigami, ishigamiIndices } from '../src/analysis/testFunctions';

const uniform = (name: string, min = 0, max = 1): Factor => ({ name, path: `params.${name}`, distribution: { kind: 'uniform', min, max } });

/** Runs a model over every point of a design. */
function evaluate(design: ReturnType<typeof makeDesign>, f: (x: number[]) => number): Float64Array {
  return Float64Array.from({ length: design.size }, (_, i) => f(design.point(i) as number[]));
}

describe('Sobol indices (Saltelli 2010 / Jansen 1999 estimators)', () => {
  it('recover the Ishigami function analytic indices (a = 7, b = 0.1)', () => {
    const exact = ishigamiIndices();
    // the published values, to four digits
    expect(exact.first.map((x) => +x.toFixed(4))).toEqual([0.3139, 0.4424, 0]);
    expect(exact.total.map((x) => +x.toFixed(4))).toEqual([0.5576, 0.4424, 0.2437]);
    const factors = ['x1', 'x2', 'x3'].map((n) => uniform(n, -Math.PI, Math.PI));
    const design = makeDesign({ kind: 'saltelli', baseSamples: 2 ** 13 }, factors, 2024);
    const r = sobolIndices(evaluate(design, (x) => ishigami(x)), 3, { resamples: 500, seed: 1 });
    for (let i = 0; i < 3; i++) {
      expect(Math.abs(r.first[i] - exact.first[i]), `S${i + 1}`).toBeLessThan(0.01);
      expect(Math.abs(r.total[i] - exact.total[i]), `ST${i + 1}`).toBeLessThan(0.01);
      expect(r.firstInterval[i].low).toBeLessThanOrEqual(exact.first[i]);
      expect(r.firstInterval[i].high).toBeGreaterThanOrEqual(exact.first[i]);
      expect(r.totalInterval[i].low).toBeLessThanOrEqual(exact.total[i]);
      expect(r.totalInterval[i].high).toBeGreaterThanOrEqual(exact.total[i]);
    }
    expect(r.baseSamples).toBe(2 ** 13);
    expect(r.mean).toBeCloseTo(3.5, 1); // E f = a / 2
  });

  it("recover Sobol's g-function analytic indices (a = 0, 1, 4.5, 9, 99, 99, 99, 99)", () => {
    const a = [0, 1, 4.5, 9, 99, 99, 99, 99];
    const exact = gFunctionIndices(a);
    const factors = a.map((_, i) => uniform(`x${i + 1}`));
    const design = makeDesign({ kind: 'saltelli', baseSamples: 2 ** 12 }, factors, 7);
    const r = sobolIndices(evaluate(design, (x) => gFunction(x, a)), a.length, { resamples: 500, seed: 2 });
    for (let i = 0; i < a.length; i++) {
      expect(Math.abs(r.first[i] - exact.first[i]), `S${i + 1}`).toBeLessThan(0.01);
      expect(Math.abs(r.total[i] - exact.total[i]), `ST${i + 1}`).toBeLessThan(0.01);
      for (const [ci, x] of [
        [r.firstInterval[i], exact.first[i]],
        [r.totalInterval[i], exact.total[i]],
      ] as const) {
        expect(ci.low, `interval of factor ${i + 1}`).toBeLessThanOrEqual(x);
        expect(ci.high, `interval of factor ${i + 1}`).toBeGreaterThanOrEqual(x);
      }
    }
    // the ranking the g-function is built to have
    expect(r.total[0]).toBeGreaterThan(r.total[1]);
    expect(r.total[1]).toBeGreaterThan(r.total[2]);
  });

  it('leave out blocks with a failed run, and say how many', () => {
    const factors = ['x1', 'x2', 'x3'].map((n) => uniform(n, -Math.PI, Math.PI));
    const design = makeDesign({ kind: 'saltelli', baseSamples: 256 }, factors, 1);
    const y = evaluate(design, (x) => ishigami(x));
    y[7] = NaN; // a row in block 1
    const r = sobolIndices(y, 3, { resamples: 50 });
    expect([r.baseSamples, r.dropped]).toEqual([255, 1]);
    expect(() => sobolIndices(y.subarray(0, 7), 3)).toThrow(/multiple of 5 rows/);
  });

  it('give seeded, repeatable bootstrap intervals', () => {
    const factors = ['x1', 'x2', 'x3'].map((n) => uniform(n, -Math.PI, Math.PI));
    const design = makeDesign({ kind: 'saltelli', baseSamples: 128 }, factors, 1);
    const y = evaluate(design, (x) => ishigami(x));
    expect(sobolIndices(y, 3, { seed: 5, resamples: 100 })).toEqual(sobolIndices(y, 3, { seed: 5, resamples: 100 }));
  });
});

describe('Morris elementary effects', () => {
  it('rank factors by mu* and flag non-linearity by sigma', () => {
    // linear in x1 (strong) and x2 (weak), quadratic in x3, x3-x4 interaction, x5 inert
    const f = (x: number[]) => 10 * x[0] + 2 * x[1] + 8 * x[2] ** 2 + 6 * x[2] * x[3] + 0 * x[4];
    const factors = Array.from({ length: 5 }, (_, i) => uniform(`x${i + 1}`));
    const design = makeDesign({ kind: 'morris', trajectories: 40, levels: 4, candidates: 200 }, factors, 9);
    const units = Array.from({ length: design.size }, (_, i) => design.unit!(i));
    const r = morrisIndices(units, evaluate(design, f), 5, { resamples: 200 });
    expect(r.trajectories).toBe(40);
    // linear factors: every effect equals the slope, so mu* = |mu| = slope and sigma = 0
    expect(r.muStar[0]).toBeCloseTo(10, 10);
    expect(r.sigma[0]).toBeCloseTo(0, 10);
    expect(r.muStar[1]).toBeCloseTo(2, 10);
    expect(r.muStar[4]).toBe(0);
    const order = [0, 1, 2, 3, 4].sort((a, b) => r.muStar[b] - r.muStar[a]);
    expect(order[0]).toBe(2); // x3: 8 (2x + delta) + 6 x4 averages about 14
    expect(order.slice(-2)).toEqual([1, 4]);
    expect(r.sigma[2]).toBeGreaterThan(1);
    expect(r.sigma[3]).toBeGreaterThan(1);
    expect(r.muStarInterval[0].low).toBeCloseTo(10, 10);
  });

  it('refuse a design in which a step moves two factors', () => {
    expect(() => morrisIndices([[0, 0], [1, 1], [1, 0]], [1, 2, 3], 2)).toThrow(/2 factors move/);
  });
});

describe('PRIM scenario discovery', () => {
  it('recovers a planted box, and its quasi-p-values single out the spurious restrictions', () => {
    const next = alea('prim');
    const n = 4000;
    const cols = Array.from({ length: 5 }, () => new Float64Array(n));
    const policy: string[] = [];
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      for (const c of cols) c[i] = next();
      policy.push(['workFirst', 'inclusive', 'partnership'][Math.floor(next() * 3)]);
      const inBox = cols[0][i] >= 0.2 && cols[0][i] <= 0.6 && cols[2][i] >= 0.5;
      // 5 % label noise both ways
      y[i] = (next() < 0.05 ? !inBox : inBox) ? 1 : 0;
    }
    const columns: PrimColumn[] = [
      ...cols.map((values, j): PrimColumn => ({ name: `x${j}`, kind: 'numeric', values })),
      { name: 'policy', kind: 'categorical', values: policy },
    ];
    const r = prim(columns, y, { alpha: 0.05, minSupport: 0.02 });
    // the trajectory peels from the whole space to ever denser boxes
    expect(r.trajectory[0].support).toBe(1);
    expect(r.trajectory[0].coverage).toBe(1);
    for (let s = 1; s < r.trajectory.length; s++) expect(r.trajectory[s].support).toBeLessThan(r.trajectory[s - 1].support);
    const box = r.box;
    expect(box.restricted).toEqual(expect.arrayContaining(['x0', 'x2']));
    const x0 = box.limits.x0;
    const x2 = box.limits.x2;
    if (x0.kind !== 'numeric' || x2.kind !== 'numeric') throw new Error('numeric limits expected');
    expect(Math.abs(x0.low - 0.2)).toBeLessThan(0.03);
    expect(Math.abs(x0.high - 0.6)).toBeLessThan(0.03);
    expect(Math.abs(x2.low - 0.5)).toBeLessThan(0.03);
    // with 5 % noise both ways the planted box holds 95 % successes and about 78 % of them
    expect(box.density).toBeGreaterThan(0.9);
    expect(box.coverage).toBeGreaterThan(0.75);
    // real restrictions are overwhelmingly significant; any spurious one is not
    expect(r.quasiP.x0).toBeLessThan(1e-10);
    expect(r.quasiP.x2).toBeLessThan(1e-10);
    for (const name of box.restricted.filter((d) => d !== 'x0' && d !== 'x2')) expect(r.quasiP[name]).toBeGreaterThan(0.01);
  });

  it('peels categorical factors by dropping levels', () => {
    const levels = ['a', 'b', 'c', 'd'];
    const values = Array.from({ length: 400 }, (_, i) => levels[i % 4]);
    const y = values.map((v) => (v === 'b' ? 1 : 0));
    const r = prim([{ name: 'stance', kind: 'categorical', values }], y, { minSupport: 0.1 });
    expect(r.box.limits.stance).toEqual({ kind: 'categorical', levels: ['b'] });
    expect([r.box.density, r.box.coverage]).toEqual([1, 1]);
  });

  it('pasting widens a box where that costs no density', () => {
    const n = 2000;
    const next = alea('paste');
    const x = Float64Array.from({ length: n }, () => next());
    const y = Array.from(x, (v) => (v > 0.5 ? 1 : 0));
    const r = prim([{ name: 'x', kind: 'numeric', values: x }], y, { paste: true, choose: { by: 'density', minCoverage: 0.3 } });
    expect(r.box.density).toBe(1);
    const lim = r.box.limits.x;
    expect(lim.kind === 'numeric' && Math.abs(lim.low - 0.5) < 0.01).toBe(true);
  });
});

describe('luck versus strategy', () => {
  // y = mu + strategy_p + luck_r + interaction_pr, with known variances 4, 1 and 1
  function synthetic(P: number, R: number, seed: string) {
    const next = alea(seed);
    const gauss = () => normalQuantile(Math.min(1 - 1e-12, Math.max(1e-12, next())));
    const strategy = Array.from({ length: P }, () => 2 * gauss());
    const luck = Array.from({ length: R }, () => gauss());
    return strategy.map((s) => luck.map((l) => 50 + s + l + gauss()));
  }

  it('with common random numbers, separates strategy, common luck and their interaction', () => {
    const table = synthetic(400, 200, 'crn');
    const d = decomposeTwoWay(table);
    expect(d.varStrategy).toBeGreaterThan(3.3);
    expect(d.varStrategy).toBeLessThan(4.7);
    expect(d.varLuck).toBeGreaterThan(0.75);
    expect(d.varLuck).toBeLessThan(1.25);
    expect(d.varInteraction).toBeCloseTo(1, 1);
    expect(d.strategyShare + d.luckShare + d.interactionShare).toBeCloseTo(1, 12);
    expect(d.strategyShare).toBeCloseTo(4 / 6, 1);
  });

  it('with independent seeds, splits between points (strategy) and within points (luck)', () => {
    // read as independent replicates, luck (1) and interaction (1) both vary within a point: 2
    const d = decomposeOneWay(synthetic(400, 30, 'independent'));
    expect(d.varLuck).toBeCloseTo(2, 0);
    expect(d.varStrategy).toBeGreaterThan(3.3);
    expect(d.varStrategy).toBeLessThan(4.7);
    expect(d.strategyShare + d.luckShare).toBeCloseTo(1, 12);
    expect(d.ssBetween + d.ssWithin).toBeCloseTo(d.ssTotal, 6);
  });

  it('against the twin: actual - twin isolates what the strategy added', () => {
    const next = alea('twin');
    const gauss = () => normalQuantile(next());
    const twin: number[] = [];
    const actual: number[] = [];
    for (let i = 0; i < 20_000; i++) {
      const luck = 3 * gauss(); // variance 9
      const effect = 1 + gauss(); // mean 1, variance 1
      twin.push(10 + luck);
      actual.push(10 + luck + effect);
    }
    const c = compareWithTwin(actual, twin);
    expect(c.meanEffect).toBeCloseTo(1, 1);
    expect(c.varEffect).toBeCloseTo(1, 1);
    expect(c.twinShare).toBeCloseTo(0.9, 1);
    expect(c.twinShare + c.effectShare + c.covarianceShare).toBeCloseTo(1, 10);
    expect(c.beatTwin).toBeCloseTo(0.841, 1); // P(N(1, 1) > 0)
    expect(compareWithTwin(actual, twin, 'lower').beatTwin).toBeCloseTo(1 - c.beatTwin, 12);
  });
});

describe('equifinality', () => {
  it('finds two distinct successful recipes and how far apart they are', () => {
    // success peaks at two corners of the square: (0.1, 0.1, push) and (0.9, 0.9, pull)
    const configs: (number | string)[][] = [];
    const outcomes: number[] = [];
    for (let i = 0; i <= 20; i++) {
      for (let j = 0; j <= 20; j++) {
        for (const stance of ['push', 'pull']) {
          const x = i / 20;
          const z = j / 20;
          const peak = stance === 'push' ? Math.hypot(x - 0.1, z - 0.1) : Math.hypot(x - 0.9, z - 0.9);
          configs.push([x, z, stance]);
          outcomes.push(-peak);
        }
      }
    }
    const r = equifinality(configs, outcomes, ['numeric', 'numeric', 'categorical'], { topShare: 0.2, radius: 0.25 });
    expect(r.top).toBe(Math.ceil(0.2 * configs.length));
    expect(r.distinct).toBe(2);
    expect(r.groups[0].size + r.groups[1].size).toBe(r.top);
    expect(r.groups.map((g) => g.leader).sort()).toEqual([
      [0.1, 0.1, 'push'],
      [0.9, 0.9, 'pull'],
    ]);
    // leaders differ by 0.8 in both numeric factors and in stance: sqrt((0.64 + 0.64 + 1) / 3)
    expect(r.maxDistance).toBeCloseTo(Math.sqrt(2.28 / 3), 12);
    expect(r.spread).toBeGreaterThan(0.5);
  });

  it('reports one recipe when all success sits in one place', () => {
    const configs = Array.from({ length: 100 }, (_, i) => [i / 99]);
    const r = equifinality(configs, configs.map((c) => -Math.abs(c[0] - 0.5)), ['numeric'], { radius: 0.15 });
    expect(r.distinct).toBe(1);
    expect(r.spread).toBeLessThan(0.25);
  });

  it('computes the exact root-mean-square pairwise distance', () => {
    const next = alea('rms');
    const configs = Array.from({ length: 60 }, () => [next(), next() < 0.5 ? 'a' : 'b', next() * 10]);
    const kinds = ['numeric', 'categorical', 'numeric'] as const;
    const ranges = [1, 0, 10];
    let s = 0;
    let pairs = 0;
    for (let a = 0; a < configs.length; a++) {
      for (let b = a + 1; b < configs.length; b++) {
        s += configurationDistance(configs[a], configs[b], [...kinds], ranges) ** 2;
        pairs++;
      }
    }
    expect(rmsPairwiseDistance(configs, [...kinds], ranges)).toBeCloseTo(Math.sqrt(s / pairs), 12);
  });
});

describe('helpers', () => {
  it('log-gamma and binomial tails match known values', () => {
    expect(logGamma(10)).toBeCloseTo(Math.log(362880), 12);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
    expect(binomialUpperTail(8, 10, 0.5)).toBeCloseTo(56 / 1024, 12);
    expect(binomialUpperTail(0, 10, 0.3)).toBe(1);
  });

  it('tables align numbers right and text left', () => {
    const t = formatTable(['factor', 'S1', 'ST'], [['kappa', 0.31391, 0.5576], ['aspiration', 0.44, 0.0012345]]);
    expect(t).toBe(
      ['factor         S1       ST', '----------  -----  -------', 'kappa       0.314    0.558', 'aspiration  0.440  0.00123', ''].join('\n'),
    );
  });
});
