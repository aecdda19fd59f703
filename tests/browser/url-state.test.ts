// The run in the address bar: what is written is read back the same; a malformed link gives one problem
// per mistake; and no link, however hostile, puts the sandbox outside what a scenario file allows.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatUrlState, parseUrlState, plainDecimal, readLink, MAX_MONTHS, MAX_SEED, type LinkProblem, type RunAddress } from '../../src/ui/url-state';
import { SETTINGS, checkControls, type PlayerControl } from '../../src/engine/sandbox-api';
import { LUCK_EVENTS } from '../../src/model/types';
import { BUILTIN_SCENARIOS } from '../../src/scenario/builtin';
import { parseScenario, withEvents } from '../../src/scenario/parse';
import { settableRange } from '../../src/scenario/schema';
import { PARAM_SPECS } from '../../src/model/params';
import { Simulation } from '../../src/engine/simulation';

const KNOWN = BUILTIN_SCENARIOS.map((s) => ({ id: s.id, months: s.months ?? 96 }));

const control: fc.Arbitrary<PlayerControl> = fc.oneof(
  fc.constantFrom(...SETTINGS).chain((s) =>
    fc.record({
      month: fc.integer({ min: 0, max: 95 }),
      type: fc.constant('set' as const),
      path: fc.constant(s.path),
      value: fc.double({ min: s.min, max: s.max, noNaN: true }),
    }),
  ),
  fc.record({ month: fc.integer({ min: 0, max: 95 }), type: fc.constantFrom(...LUCK_EVENTS) }),
);

const kinds = (search: string, scenarios = KNOWN): LinkProblem['kind'][] => readLink(search, scenarios).problems.map((p) => p.kind);

describe('the URL state', () => {
  it('round-trips scenario, seed, months, controls and the month reached', () => {
    fc.assert(
      fc.property(
        fc.record({
          scenario: fc.constantFrom('baseline', 'budget-cuts', 'luck-lab'),
          seed: fc.integer({ min: 0, max: MAX_SEED }),
          months: fc.constant(96),
          controls: fc.array(control, { maxLength: 12 }),
          at: fc.integer({ min: 0, max: 96 }),
        }),
        (a: RunAddress) => {
          const parsed = parseUrlState(formatUrlState(a), KNOWN)!;
          expect(parsed.scenario).toBe(a.scenario);
          expect(parsed.seed).toBe(a.seed);
          expect(parsed.months).toBe(a.months);
          expect(parsed.c).toEqual(a.controls);
          expect(parsed.at).toBe(a.at);
        },
      ),
    );
  });

  it('writes every number in plain decimals that read back exactly', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const s = plainDecimal(x);
        expect(s).toMatch(/^-?\d+(\.\d+)?$/);
        expect(Number(s)).toBe(x === 0 ? 0 : x);
      }),
    );
    expect(plainDecimal(1.5e-7)).toBe('0.00000015');
    expect(plainDecimal(1e21)).toBe('1000000000000000000000');
  });

  it('keeps the link readable', () => {
    const q = formatUrlState({ scenario: 'baseline', seed: 42, months: 96, controls: [{ month: 0, type: 'set', path: 'managers.W.stance.value', value: 0.35 }, { month: 12, type: 'recession' }], at: 24 });
    expect(q).toBe('?v=1&scenario=baseline&seed=42&months=96&c=0~managers.W.stance.value~0.35&c=12~recession&at=24');
  });

  it('treats a link without a scenario as a plain visit', () => {
    expect(parseUrlState('')).toBeNull();
    expect(parseUrlState('?utm_source=x')).toBeNull();
  });

  it('names every problem of a malformed link, one each', () => {
    expect(kinds('?scenario=baseline&seed=-1')).toEqual(['seed']);
    expect(kinds('?scenario=baseline&seed=1.5')).toEqual(['seed']);
    expect(kinds('?scenario=Base%20line')).toEqual(['scenario']);
    expect(kinds('?scenario=atlantis')).toEqual(['unknownScenario']);
    expect(kinds('?scenario=baseline&c=3~managers.X.courage~1')).toEqual(['controlSetting']);
    expect(kinds('?scenario=baseline&c=3~earthquake')).toEqual(['controlCard']);
    expect(kinds('?scenario=baseline&months=12&c=20~recession')).toEqual(['controlBeyond']);
    expect(kinds('?scenario=baseline&v=9')).toEqual(['version']);
    expect(kinds('?scenario=baseline&seed=1&seed=2')).toEqual(['twice']);
    expect(kinds('?scenario=baseline&c=x~recession&c=5')).toEqual(['controlMonth', 'controlForm']);
    // several at once: every one is named, in the order of the link
    expect(kinds('?scenario=baseline&seed=x&months=0&at=-1&c=1~params.luckIntensity~99&c=2~boom')).toEqual(['seed', 'months', 'at', 'controlRange']);
  });

  // issue 13, point 1: the URL path checked only that a value was finite
  it('refuses a setting outside the range a scenario file allows (the schema\'s range, not a copy)', () => {
    const [p] = readLink('?scenario=baseline&c=5~params.luckIntensity~99', KNOWN).problems;
    expect(p).toMatchObject({ kind: 'controlRange', path: 'params.luckIntensity', min: PARAM_SPECS.luckIntensity.min, max: PARAM_SPECS.luckIntensity.max });
    expect(kinds('?scenario=baseline&c=5~managers.H.stance.capacity~1e308')).toEqual(['controlRange']);
    expect(kinds('?scenario=baseline&c=5~managers.H.stance.capacity~1.0000001')).toEqual(['controlRange']);
    expect(kinds('?scenario=baseline&c=5~managers.H.stance.capacity~-0.1')).toEqual(['controlRange']);
    expect(kinds('?scenario=baseline&c=5~managers.H.stance.capacity~1')).toEqual([]);
    // the sandbox's own slider table has the schema's ranges
    for (const s of SETTINGS) expect(settableRange(s.path)).toMatchObject({ min: s.min, max: s.max });
  });

  // issue 13, point 2: lenient numbers
  it('reads plain decimal integers only: no blanks, hex, octal, exponents or underflow', () => {
    for (const seed of ['', ' ', '0o7', '0x10', '1e3', '+5', ' 5', '5 ', '٣', '1_000', 'Infinity', 'NaN', '2147483648', '99999999999999999999']) {
      expect(kinds(`?scenario=baseline&seed=${encodeURIComponent(seed)}`), JSON.stringify(seed)).toEqual(['seed']);
    }
    for (const months of ['0x10', '1e1', '0', '241', '16.0']) expect(kinds(`?scenario=baseline&months=${months}`), months).toEqual(['months']);
    for (const value of ['1e-400', '0x1', '.5', '5.', '1e0', 'Infinity', ' 0.5', '0,5']) {
      expect(kinds(`?scenario=baseline&c=0~managers.W.courage~${encodeURIComponent(value)}`), value).toEqual(['controlRange']);
    }
    expect(parseUrlState(`?scenario=baseline&seed=${MAX_SEED}&months=16`, KNOWN)).toMatchObject({ seed: MAX_SEED, months: 16 });
  });

  it('a link longer than anyone writes is refused by its count, not read to the end', () => {
    const many = Array.from({ length: 2500 }, (_, i) => `c=${i % 90}~boom`).join('&');
    expect(kinds(`?scenario=baseline&${many}`)).toEqual(['tooMany']);
  });

  // the property: whatever a link says, what is accepted is a run a scenario file could describe
  it('accepts no hostile link that puts a setting, a seed, a month or a card outside the scenario schema', () => {
    const numberText = fc.oneof(
      fc.double().map(String),
      fc.integer().map(String),
      fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String),
      fc.constantFrom('', ' ', '-0', '0x10', '0o7', '0b1', '1e308', '1e-400', '-1e308', 'NaN', 'Infinity', '-Infinity', '.5', '5.', '1_0', '٣', '１', '00', '007', '4294967295', '2147483647', '2147483648', '0.9999999999999999', '1.0000000000000002', '3.0000000001', '2.9999'),
      fc.string({ maxLength: 12 }),
    );
    const path = fc.oneof(fc.constantFrom(...SETTINGS.map((s) => s.path), 'params.N0', 'params.kappaBase', 'managers.W.control', 'managers.W.profile', '__proto__.x', 'managers.__proto__.courage', 'managers.W.stance.value.x'), fc.string({ maxLength: 20 }));
    const hostile = <T>(plausible: fc.Arbitrary<T>, weird: fc.Arbitrary<T>) => fc.oneof({ arbitrary: plausible, weight: 4 }, { arbitrary: weird, weight: 1 });
    // near each setting's range: inside, at the ends, just past them, written in plain decimals
    const nearRange = fc.constantFrom(...SETTINGS).chain((st) =>
      fc.tuple(fc.constant(st.path), fc.double({ min: st.min - 0.5, max: st.max + 0.5, noNaN: true }).map(plainDecimal)),
    );
    const controlText = fc.oneof(
      { arbitrary: fc.tuple(fc.integer({ min: 0, max: 50 }), nearRange).map(([m, [p, v]]) => `${m}~${p}~${v}`), weight: 4 },
      { arbitrary: fc.tuple(fc.integer({ min: 0, max: 50 }), fc.constantFrom(...LUCK_EVENTS)).map(([m, c]) => `${m}~${c}`), weight: 2 },
      { arbitrary: fc.tuple(numberText, path, numberText).map(([m, p, v]) => `${m}~${p}~${v}`), weight: 1 },
      { arbitrary: fc.tuple(numberText, fc.oneof(fc.constantFrom(...LUCK_EVENTS, 'set', 'merger', 'electionLoss', 'constructor', '__proto__'), fc.string({ maxLength: 10 }))).map(([m, c]) => `${m}~${c}`), weight: 1 },
      { arbitrary: fc.string({ maxLength: 30 }), weight: 1 },
    );
    const link = fc.record(
      {
        v: hostile(fc.constant('1'), numberText),
        scenario: hostile(fc.constantFrom(...KNOWN.map((s) => s.id)), fc.oneof(fc.constantFrom('Baseline', '../x', '__proto__', ''), fc.string({ maxLength: 10 }))),
        seed: hostile(fc.integer({ min: -5, max: MAX_SEED + 5 }).map(String), numberText),
        months: hostile(fc.integer({ min: 0, max: 250 }).map(String), numberText),
        at: hostile(fc.integer({ min: 0, max: 40 }).map(String), numberText),
        c: fc.array(controlText, { maxLength: 4 }),
        extra: fc.array(fc.tuple(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 })), { maxLength: 3 }),
      },
      { requiredKeys: ['scenario', 'c'] },
    );
    let accepted = 0;
    let withControls = 0;
    fc.assert(
      fc.property(link, (l) => {
        const q = new URLSearchParams();
        for (const key of ['v', 'scenario', 'seed', 'months', 'at'] as const) if (l[key] !== undefined) q.append(key, l[key]!);
        for (const c of l.c) q.append('c', c);
        for (const [k, v] of l.extra ?? []) q.append(k, v);
        const { state, problems } = readLink(`?${q}`, KNOWN);
        if (!state) {
          expect(problems.length).toBeGreaterThan(0);
          return;
        }
        expect(problems).toEqual([]);
        accepted++;
        if (state.c.length > 0) withControls++;
        const scenario = BUILTIN_SCENARIOS.find((s) => s.id === state.scenario)!;
        const months = state.months ?? Math.min(scenario.months ?? 96, MAX_MONTHS);
        expect(Number.isInteger(months) && months >= 1 && months <= MAX_MONTHS).toBe(true);
        if (state.seed !== undefined) expect(Number.isInteger(state.seed) && state.seed >= 0 && state.seed <= MAX_SEED).toBe(true);
        expect(Number.isInteger(state.at) && state.at >= 0 && state.at <= months).toBe(true);
        // the controls, as events of the scenario, pass the scenario schema: every range a scenario file has
        expect(() => parseScenario(withEvents(scenario, state.c.map((c) => ({ ...c }))), 'link')).not.toThrow();
        // and the worker's own check (a message from the page) agrees
        expect(() => checkControls(state.c, months)).not.toThrow();
      }),
      { numRuns: 3000 },
    );
    // the property bites only if hostile-looking links are accepted too, some of them with controls
    expect(accepted).toBeGreaterThan(150);
    expect(withControls).toBeGreaterThan(50);
  });

  it('a run from an accepted link with every setting at its extremes stays finite', () => {
    const c = SETTINGS.flatMap((s, i) => [`${i % 12}~${s.path}~${plainDecimal(s.max)}`, `${12 + (i % 12)}~${s.path}~${plainDecimal(s.min)}`]);
    const state = parseUrlState(`?scenario=baseline&seed=3&months=36&${c.map((x) => `c=${x}`).join('&')}`, KNOWN)!;
    const scenario = withEvents(BUILTIN_SCENARIOS.find((s) => s.id === 'baseline')!, state.c);
    const sim = new Simulation({ scenario, seed: state.seed!, months: state.months! });
    sim.run();
    for (const s of sim.snapshots) {
      expect(Number.isFinite(s.composite)).toBe(true);
      for (const m of Object.values(s.managers)) for (const v of Object.values(m.corners)) expect(Number.isFinite(v)).toBe(true);
    }
  });
});
