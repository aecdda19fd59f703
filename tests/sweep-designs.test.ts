import { describe, expect, it } from 'vitest';
import { deriveRunSeed, fmix32 } from '../src/sweep/seeds';
import { JOE_KUO_ROWS } from '../src/sweep/sobolDirections';
import { parseDirectionRow, SOBOL_MAX_DIMENSIONS, sobolInteger, sobolPoint } from '../src/sweep/sobolSequence';
import { KeyedPermutation } from '../src/sweep/permutation';
import { fromUnit, gridValues, type Factor } from '../src/sweep/factors';
import { logNormalCdf, normalCdf, normalQuantile, normalQuantileFromLog } from '../src/sweep/normal';
import { makeDesign } from '../src/sweep/designs';
import { randomTrajectory, selectSpread, trajectoryDistance } from '../src/sweep/design/morris';
import { alea } from '../src/sweep/rng';

const uniform = (name: string, min = 0, max = 1): Factor => ({ name, path: `params.${name}`, distribution: { kind: 'uniform', min, max } });

describe('run seeds', () => {
  it('are fixed functions of experiment seed and run index (snapshot: changing them breaks every published sweep)', () => {
    expect([0, 1, 2, 1000, 2 ** 32, 2 ** 40 + 7].map((i) => deriveRunSeed(42, i))).toMatchInlineSnapshot(`
      [
        1204184128,
        711631816,
        1608947516,
        460027455,
        969339675,
        1297815401,
      ]
    `);
    expect(deriveRunSeed(0, 0)).not.toBe(deriveRunSeed(1, 0));
  });

  it('are integers from 0 to 2^31 - 1 (R\'s integers), nearly all distinct over 100,000 runs', () => {
    const seen = new Set<number>();
    let high = 0;
    for (let i = 0; i < 100_000; i++) {
      const s = deriveRunSeed(7, i);
      expect(Number.isInteger(s) && s >= 0 && s <= 2 ** 31 - 1).toBe(true);
      if (s >= 2 ** 30) high++;
      seen.add(s);
    }
    // 100,000 draws from 2^31 values collide about twice (birthday bound); the top bit left is used
    expect(seen.size).toBeGreaterThan(99_980);
    expect(high / 100_000).toBeCloseTo(0.5, 1);
  });

  it('refuse what is not a seed or an index', () => {
    expect(() => deriveRunSeed(-1, 0)).toThrow(/experiment seed/);
    expect(() => deriveRunSeed(2 ** 31, 0)).toThrow(/experiment seed/);
    expect(() => deriveRunSeed(1, 1.5)).toThrow(/run index/);
  });

  it('mix with the MurmurHash3 finaliser, exact in integer arithmetic (checked against BigInt)', () => {
    const M = 2n ** 32n;
    const reference = (x: bigint): bigint => {
      let h = x;
      h ^= h >> 16n;
      h = (h * 0x85ebca6bn) % M;
      h ^= h >> 13n;
      h = (h * 0xc2b2ae35n) % M;
      h ^= h >> 16n;
      return h;
    };
    const next = alea('fmix');
    for (let t = 0; t < 10_000; t++) {
      const x = Math.floor(next() * 2 ** 32);
      expect(fmix32(x)).toBe(Number(reference(BigInt(x))));
    }
    expect(fmix32(0)).toBe(0);
  });
});

describe('Sobol sequence', () => {
  it('starts with the published points (Joe & Kuo; SciPy unscrambled)', () => {
    const first = Array.from({ length: 8 }, (_, i) => sobolPoint(i, 3));
    expect(first).toEqual([
      [0, 0, 0],
      [0.5, 0.5, 0.5],
      [0.75, 0.25, 0.25],
      [0.25, 0.75, 0.75],
      [0.375, 0.375, 0.625],
      [0.875, 0.875, 0.125],
      [0.625, 0.125, 0.875],
      [0.125, 0.625, 0.375],
    ]);
  });

  it('has a direction table of primitive polynomials with valid initial numbers', () => {
    // a degree-s polynomial over GF(2) is primitive when x has multiplicative order 2^s - 1
    const primitive = (s: number, a: number): boolean => {
      const poly = (1 << s) | (a << 1) | 1;
      const order = 2 ** s - 1;
      let x = 1;
      for (let e = 1; e <= order; e++) {
        x <<= 1;
        if (x & (1 << s)) x ^= poly;
        if (x === 1) return e === order;
      }
      return false;
    };
    const degrees = new Map<number, number>();
    for (const row of JOE_KUO_ROWS) {
      const { degree, coefficients, initial } = parseDirectionRow(row);
      expect(primitive(degree, coefficients), row).toBe(true);
      initial.forEach((m, k) => {
        expect(m % 2, row).toBe(1);
        expect(m < 2 ** (k + 1), row).toBe(true);
      });
      degrees.set(degree, (degrees.get(degree) ?? 0) + 1);
    }
    // every primitive polynomial of degree 1..9, in order: phi(2^s - 1) / s of each
    expect([...degrees.values()]).toEqual([1, 1, 2, 2, 6, 6, 18, 16, 48]);
    expect(SOBOL_MAX_DIMENSIONS).toBe(101);
  });

  it('stratifies every one-dimensional projection: 2^m points hit each interval of width 2^-m once', () => {
    for (let d = 0; d < SOBOL_MAX_DIMENSIONS; d++) {
      for (const m of [1, 4, 8, 10]) {
        const cells = new Set<number>();
        for (let i = 0; i < 2 ** m; i++) cells.add(sobolInteger(i, d) >>> (32 - m));
        expect(cells.size, `dimension ${d + 1}, m = ${m}`).toBe(2 ** m);
      }
    }
  });

  it('keeps that stratification under a random digital shift', () => {
    const design = makeDesign({ kind: 'sobol', samples: 256 }, ['a', 'b', 'c'].map((n) => uniform(n)), 99);
    for (let d = 0; d < 3; d++) {
      const cells = new Set(Array.from({ length: 256 }, (_, i) => Math.floor(design.unit!(i)[d] * 256)));
      expect(cells.size).toBe(256);
    }
    expect(design.unit!(0)).not.toEqual([0, 0, 0]);
  });
});

describe('factor distributions', () => {
  it('map the unit interval through the inverse CDF', () => {
    expect(fromUnit({ kind: 'uniform', min: 2, max: 4 }, 0.25)).toBe(2.5);
    expect(fromUnit({ kind: 'loguniform', min: 1, max: 100 }, 0.5)).toBeCloseTo(10, 12);
    expect(fromUnit({ kind: 'integer', min: 1, max: 3 }, 0.999)).toBe(3);
    expect(fromUnit({ kind: 'levels', levels: ['push', 'pull'] }, 0.49)).toBe('push');
    expect(fromUnit({ kind: 'levels', levels: ['push', 'pull'] }, 1)).toBe('pull');
    expect(fromUnit({ kind: 'triangular', min: 0, mode: 0, max: 1 }, 0.75)).toBeCloseTo(0.5, 12);
    const normal = { kind: 'normal', mean: 10, sd: 2, min: 0, max: 20 } as const;
    expect(fromUnit(normal, 0.5)).toBeCloseTo(10, 12);
    expect(fromUnit(normal, 0)).toBeCloseTo(0, 9);
    expect(fromUnit(normal, 1)).toBeCloseTo(20, 9);
    // truncated to [12, 20]: the whole range above the mean, inverted in the reflected lower tail
    const tail = { kind: 'normal', mean: 10, sd: 2, min: 12, max: 20 } as const;
    const xs = [0.001, 0.3, 0.7, 0.999].map((u) => fromUnit(tail, u) as number);
    expect(xs.every((x, i) => x >= 12 && x <= 20 && (i === 0 || x > xs[i - 1]))).toBe(true);
  });

  it('use an accurate normal CDF and quantile', () => {
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 14);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 13);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 11);
    for (const x of [-5, -1.3, 0, 0.4, 2.7]) expect(normalQuantile(normalCdf(x))).toBeCloseTo(x, 9);
  });

  it('truncate a normal far outside its range to the right tail: values at the near end, spread as the truncated normal', () => {
    // the reviewer's case: every value came out 0 (the far end) because Phi(-10) was taken as 0
    const reviewed = { kind: 'normal', mean: 1.5, sd: 0.05, min: 0, max: 1 } as const;
    const values = Array.from({ length: 99 }, (_, i) => fromUnit(reviewed, (i + 1) / 100) as number);
    expect(Math.min(...values)).toBeGreaterThan(0.97);
    expect(Math.max(...values)).toBeLessThanOrEqual(1);
    // at b = -10 sd the truncated normal is nearly exponential with scale sd / 10: median 1 - 0.005 ln 2
    expect(values[49]).toBeCloseTo(1 - 0.005 * Math.LN2, 4);
    expect(gridValues(reviewed, 3)).toEqual([0, expect.closeTo(1 - 0.005 * Math.LN2, 4), 1]);

    // Against an independent reference: the truncated CDF by numerical integration of the density,
    // exp(-(t^2 - b^2) / 2) in s = b - t (no Phi, so nothing of the code under test), F(x(u)) = u.
    const cdfByIntegration = (a: number, b: number, z: number) => {
      const far = Math.max(-b, 1); // the density exp(b s - s^2 / 2) falls off with scale 1 / |b|
      const top = Math.min(b - a, 60 / far + 12);
      const integrate = (lo: number, hi: number) => {
        const n = 20_000;
        const h = (hi - lo) / n;
        let sum = 0;
        for (let i = 0; i <= n; i++) {
          const s = lo + i * h;
          sum += (i === 0 || i === n ? 1 : i % 2 ? 4 : 2) * Math.exp(b * s - (s * s) / 2);
        }
        return (sum * h) / 3;
      };
      return integrate(Math.min(b - z, top), top) / integrate(0, top);
    };
    const cases = [
      reviewed,
      { kind: 'normal', mean: -2, sd: 0.1, min: 0, max: 1 }, // above the mean: reflected
      { kind: 'normal', mean: 0, sd: 1, min: -45, max: -40 }, // Phi underflows to 0 in double precision
      { kind: 'normal', mean: 0.5, sd: 1e-3, min: 0.9, max: 1 }, // 400 to 500 sd away
      { kind: 'normal', mean: 0, sd: 1, min: -7, max: -6 }, // Phi(b) keeps only 6 digits by direct subtraction
    ] as const;
    for (const d of cases) {
      let a = (d.min - d.mean) / d.sd;
      let b = (d.max - d.mean) / d.sd;
      const flip = a > 0;
      if (flip) [a, b] = [-b, -a];
      for (const u of [0.001, 0.1, 0.37, 0.5, 0.9, 0.999]) {
        const x = fromUnit(d, u) as number;
        expect(x >= d.min && x <= d.max, `${JSON.stringify(d)} u=${u}: ${x}`).toBe(true);
        const z = (x - d.mean) / d.sd;
        const F = cdfByIntegration(a, b, flip ? -z : z);
        expect(flip ? 1 - F : F, `${JSON.stringify(d)} u=${u}`).toBeCloseTo(u, 6);
      }
    }
  });

  it('compute log Phi and its inverse in the far tail', () => {
    // references: log(erfc(-x / sqrt 2) / 2) in double precision (Python's math.erfc), and for x = -1000
    // the asymptotic series -x^2/2 - log(-x sqrt(2 pi)) - 1/x^2 + 5/(2 x^4)
    const reference: [number, number][] = [[-3, -6.607726221510348], [-5, -15.064998393988724], [-10, -53.23128515051246], [-37, -689.0305855768905]];
    for (const [x, lp] of reference) expect(logNormalCdf(x) / lp).toBeCloseTo(1, 14);
    const x = -1000;
    expect(logNormalCdf(x)).toBeCloseTo(-(x * x) / 2 - Math.log(-x * Math.sqrt(2 * Math.PI)) - 1 / x ** 2 + 5 / (2 * x ** 4), 8);
    for (const lp of [-1, -3, -50, -800, -5000, -5e5]) expect(logNormalCdf(normalQuantileFromLog(lp)) / lp).toBeCloseTo(1, 13);
  });

  it('give factorial grids that include the range ends', () => {
    expect(gridValues({ kind: 'uniform', min: 0, max: 1 }, 5)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(gridValues({ kind: 'levels', levels: ['a', 'b'] }, 5)).toEqual(['a', 'b']);
    expect(gridValues({ kind: 'integer', min: 2, max: 4 }, 9)).toEqual([2, 3, 4]);
  });
});

describe('designs', () => {
  it('full factorial: every combination, last factor fastest', () => {
    const factors: Factor[] = [
      { name: 'stance', path: 'managers.W.stance.value', distribution: { kind: 'levels', levels: ['push', 'pull'] } },
      uniform('kappa'),
      { name: 'staff', path: 'params.staff', distribution: { kind: 'integer', min: 1, max: 4 } },
    ];
    const d = makeDesign({ kind: 'factorial', steps: 3 }, factors, 1);
    expect(d.size).toBe(2 * 3 * 4);
    expect(d.point(0)).toEqual(['push', 0, 1]);
    expect(d.point(1)).toEqual(['push', 0, 2]);
    expect(d.point(4)).toEqual(['push', 0.5, 1]);
    expect(d.point(23)).toEqual(['pull', 1, 4]);
    const keys = new Set(Array.from({ length: d.size }, (_, i) => JSON.stringify(d.point(i))));
    expect(keys.size).toBe(24);
  });

  it('explicit list: the points as given, and a clear error for a missing or unknown factor', () => {
    const factors = [uniform('a'), uniform('b')];
    const d = makeDesign({ kind: 'list', points: [{ a: 1, b: 2 }, { a: 3, b: 4 }] }, factors, 0);
    expect([d.size, d.point(1)]).toEqual([2, [3, 4]]);
    expect(() => makeDesign({ kind: 'list', points: [{ a: 1 }] }, factors, 0)).toThrow(/point 0 gives no value for factor 'b'/);
    expect(() => makeDesign({ kind: 'list', points: [{ a: 1, b: 2, c: 3 }] }, factors, 0)).toThrow(/'c', which is not a factor/);
  });

  it('Latin hypercube: each factor has exactly one point in each of the n strata', () => {
    for (const n of [1, 7, 100, 1000]) {
      const d = makeDesign({ kind: 'lhs', samples: n }, ['a', 'b', 'c', 'd'].map((x) => uniform(x)), 5);
      for (let f = 0; f < 4; f++) {
        const strata = new Set(Array.from({ length: n }, (_, i) => Math.floor(d.unit!(i)[f] * n)));
        expect(strata.size).toBe(n);
      }
    }
  });

  it('Latin hypercube: seeded, random access, and different for another seed', () => {
    const f = [uniform('a'), uniform('b')];
    const d1 = makeDesign({ kind: 'lhs', samples: 50 }, f, 5);
    const d2 = makeDesign({ kind: 'lhs', samples: 50 }, f, 5);
    const d3 = makeDesign({ kind: 'lhs', samples: 50 }, f, 6);
    expect(d1.point(17)).toEqual(d2.point(17));
    expect(d1.point(17)).not.toEqual(d3.point(17));
    const centred = makeDesign({ kind: 'lhs', samples: 4, centered: true }, f, 5);
    expect(Array.from({ length: 4 }, (_, i) => centred.point(i)[0]).sort()).toEqual([0.125, 0.375, 0.625, 0.875]);
  });

  it('keyed permutations are bijections of 0..n-1', () => {
    for (const n of [1, 2, 3, 5, 16, 17, 255, 1000, 4097]) {
      const p = new KeyedPermutation(n, 12345);
      const image = new Set(Array.from({ length: n }, (_, i) => p.at(i)));
      expect(image.size).toBe(n);
      expect(Math.max(...image)).toBe(n - 1);
    }
  });

  it('Monte Carlo: reproducible per point and uniform on average', () => {
    const d = makeDesign({ kind: 'montecarlo', samples: 20_000 }, [uniform('a', 10, 20)], 3);
    const again = makeDesign({ kind: 'montecarlo', samples: 20_000 }, [uniform('a', 10, 20)], 3);
    expect(d.point(12_345)).toEqual(again.point(12_345));
    let sum = 0;
    for (let i = 0; i < d.size; i++) sum += d.point(i)[0] as number;
    expect(sum / d.size).toBeCloseTo(15, 1);
  });

  it('Saltelli: N (k + 2) rows; A_B^i is A with column i from B', () => {
    const k = 4;
    const N = 64;
    const d = makeDesign({ kind: 'saltelli', baseSamples: N }, ['a', 'b', 'c', 'd'].map((x) => uniform(x)), 11);
    expect(d.size).toBe(N * (k + 2));
    expect(d.structure).toEqual({ kind: 'saltelli', baseSamples: N, factors: k });
    for (let j = 0; j < N; j++) {
      const a = d.unit!(j * (k + 2));
      const b = d.unit!(j * (k + 2) + k + 1);
      for (let i = 0; i < k; i++) {
        const abi = d.unit!(j * (k + 2) + 1 + i);
        expect(abi).toEqual(a.map((x, c) => (c === i ? b[c] : x)));
      }
    }
  });

  it('Saltelli: refuses more factors than the direction table supports', () => {
    const many = Array.from({ length: 51 }, (_, i) => uniform(`f${i}`));
    expect(() => makeDesign({ kind: 'saltelli', baseSamples: 8 }, many, 1)).toThrow(/102 Sobol' dimensions/);
  });

  it('Morris: r trajectories of k + 1 grid points; each step moves one factor by delta, each factor once', () => {
    const k = 5;
    const r = 12;
    const p = 4;
    const d = makeDesign({ kind: 'morris', trajectories: r, levels: p }, Array.from({ length: k }, (_, i) => uniform(`x${i}`)), 2);
    expect(d.size).toBe(r * (k + 1));
    const delta = p / (2 * (p - 1));
    for (let t = 0; t < r; t++) {
      const moved: number[] = [];
      for (let s = 0; s < k; s++) {
        const a = d.unit!(t * (k + 1) + s);
        const b = d.unit!(t * (k + 1) + s + 1);
        for (const x of b) expect(Math.abs(x * (p - 1) - Math.round(x * (p - 1)))).toBeLessThan(1e-12);
        const changed = a.map((x, i) => [i, b[i] - x]).filter(([, dx]) => dx !== 0);
        expect(changed).toHaveLength(1);
        expect(Math.abs(changed[0][1])).toBeCloseTo(delta, 12);
        moved.push(changed[0][0]);
      }
      expect(moved.sort()).toEqual([0, 1, 2, 3, 4]);
    }
  });

  it('Morris: Campolongo selection keeps trajectories more spread than the ones it drops', () => {
    const next = alea(1);
    const candidates = Array.from({ length: 30 }, () => randomTrajectory(4, 4, next));
    const chosen = selectSpread(candidates, 6);
    const spread = (ts: typeof candidates) => {
      let s = 0;
      for (let a = 0; a < ts.length; a++) for (let b = a + 1; b < ts.length; b++) s += trajectoryDistance(ts[a], ts[b]) ** 2;
      return s;
    };
    expect(chosen).toHaveLength(6);
    expect(spread(chosen)).toBeGreaterThan(spread(candidates.slice(0, 6)));
  });
});
