// Scenarios drawn at and near the edges of every range (fast-check), for the property tests of
// tests/edges.test.ts (500 cases in npm test) and tests/nightly/ (10,000 and more: npm run test:nightly).
// Every scenario here is one the schema accepts; the ones it must refuse come with the reason.
import fc from 'fast-check';
import { PARAM_NAMES, PARAM_SPECS, type ParamName } from '../../src/model/params';
import { AUDIENCE_IDS, CORNERS, LUCK_EVENTS, MANAGER_IDS } from '../../src/model/types';
import { PROFILE_NAMES } from '../../src/model/values';

const text = { nl: 'rand', en: 'edge' };

/** A scenario document (JSON as a user writes it) and the months and seed to run it with. */
export interface EdgeCase {
  kind: string;
  doc: Record<string, unknown>;
  months: number;
  seed: number;
}

/** The smallest positive double, the smallest normal double, and a few tiny weights users may type. */
export const TINY = [5e-324, 2.2250738585072014e-308, 1e-300, 1e-12] as const;

/** What a case may cost (N0 x months), so that 500 cases stay within about a minute on 2 cores. */
export interface Budget {
  /** N0 x months of the largest case */
  clientMonths: number;
}
export const TEST_BUDGET: Budget = { clientMonths: 20_000 };
export const NIGHTLY_BUDGET: Budget = { clientMonths: 100_000 };

const spec = (n: ParamName) => PARAM_SPECS[n];
const isInt = (n: ParamName) => 'integer' in spec(n) && spec(n).integer === true;

/** The double just above a and just below b (the "near the edge" values). */
function nextUp(x: number): number {
  if (x === 0) return 5e-324;
  const f = new Float64Array([x]);
  const i = new BigInt64Array(f.buffer);
  i[0] += x > 0 ? 1n : -1n;
  return f[0];
}
function nextDown(x: number): number {
  return -nextUp(-x);
}

/** Values at and near a parameter's edges: min, max, one step inside, a hair inside, the default. */
export function edgeValues(name: ParamName): number[] {
  const s = spec(name);
  if (isInt(name)) return [...new Set([s.min, Math.min(s.max, s.min + 1), Math.max(s.min, s.max - 1), s.max, s.default])];
  const span = s.max - s.min;
  return [...new Set([s.min, nextUp(s.min), s.min + span * 1e-6, s.max - span * 1e-6, nextDown(s.max), s.max, s.default])];
}

const paramAt = (name: ParamName, which: 'min' | 'max') => spec(name)[which];

/** Months for a case: long runs for small municipalities, short ones for large (the budget). */
function monthsFor(n0: number, wanted: number, budget: Budget): number {
  return Math.max(1, Math.min(wanted, 600, Math.floor(budget.clientMonths / n0)));
}

const monthsArb = fc.constantFrom(1, 2, 13, 36, 60, 120, 600);
const seedArb = fc.oneof(fc.constantFrom(0, 1, 2 ** 31 - 1), fc.integer({ min: 0, max: 2 ** 31 - 1 }));
const smallN0 = fc.constantFrom(50, 51, 120, 300);

function doc(fields: Record<string, unknown>): Record<string, unknown> {
  return { id: 'edge', title: text, description: text, notice: text, ...fields };
}

/**
 * Each parameter alone at its min and at its max, the others at their defaults (an exhaustive list), for
 * `months` months. `n0`, when given, sets the municipality's size for every case but N0's own (a quicker run).
 */
export function oneParameterCases(budget: Budget, months: number, n0?: number): EdgeCase[] {
  const out: EdgeCase[] = [];
  for (const name of PARAM_NAMES) {
    for (const which of ['min', 'max'] as const) {
      const value = paramAt(name, which);
      const size = name === 'N0' ? value : (n0 ?? spec('N0').default);
      const params = name === 'N0' || n0 === undefined ? { [name]: value } : { N0: n0, [name]: value };
      out.push({ kind: `${name}=${which}`, doc: doc({ params }), months: name === 'N0' ? monthsFor(size, months, budget) : months, seed: 1 });
    }
  }
  return out;
}

/** All parameters at their min, all at their max (N0 included: the largest municipality runs at least 2 months). */
export function allAtCases(budget: Budget, months: number): EdgeCase[] {
  return (['min', 'max'] as const).map((which) => {
    const params = Object.fromEntries(PARAM_NAMES.map((n) => [n, paramAt(n, which)]));
    return { kind: `all=${which}`, doc: doc({ params }), months: Math.max(2, monthsFor(params.N0 as number, months, budget)), seed: 1 };
  });
}

/** Random corners: every chosen parameter at its min or its max. */
const cornerParams = fc
  .uniqueArray(fc.constantFrom(...PARAM_NAMES.filter((n) => n !== 'N0')), { minLength: 1, maxLength: PARAM_NAMES.length })
  .chain((names) => fc.tuple(...names.map(() => fc.boolean())).map((ends) => Object.fromEntries(names.map((n, i) => [n, paramAt(n, ends[i] ? 'max' : 'min')]))));

/** Near the edges: each chosen parameter at one of its edge values. */
const nearEdgeParams = fc
  .uniqueArray(fc.constantFrom(...PARAM_NAMES.filter((n) => n !== 'N0')), { minLength: 1, maxLength: 40 })
  .chain((names) => fc.tuple(...names.map((n) => fc.constantFrom(...edgeValues(n)))).map((values) => Object.fromEntries(names.map((n, i) => [n, values[i]]))));

const MAX_MAGNITUDE = 3;
const bigLuck = (month: number) => LUCK_EVENTS.map((type) => ({ month, type, magnitude: MAX_MAGNITUDE }));

/** Stacked events of the largest magnitude: one type (or all) at every month, or a pile-up in one month. */
const stackedEvents = (months: number) =>
  fc.oneof(
    fc.constantFrom(...LUCK_EVENTS).map((type) => Array.from({ length: months }, (_, month) => ({ month, type, magnitude: MAX_MAGNITUDE }))),
    fc.constant(Array.from({ length: months }, (_, month) => bigLuck(month)).flat()),
    fc.tuple(fc.constantFrom(...LUCK_EVENTS), fc.integer({ min: 0, max: months - 1 }), fc.integer({ min: 2, max: 40 })).map(([type, month, n]) => Array.from({ length: n }, () => ({ month, type, magnitude: MAX_MAGNITUDE }))),
    fc.tuple(fc.constantFrom('bold', 'designed', 'reframe', 'routine'), fc.integer({ min: 0, max: months - 1 })).map(([kind, mergerMonth]) => [
      ...Array.from({ length: months }, (_, month) => [
        { month, type: 'perceptionShock', magnitude: month % 2 === 0 ? 0.5 : -0.5, months: 60 },
        { month, type: 'electionLoss' },
        ...MANAGER_IDS.map((manager) => ({ month, type: 'initiative', manager, kind, corner: CORNERS[month % 3] })),
      ]).flat(),
      { month: mergerMonth, type: 'merger' },
    ]),
  );

/** set events to the edges of their range, at random months. */
const settable = PARAM_NAMES.filter((n) => !['N0', 'staffMorale0', 'methodQuality0', 'otherExitBase', 'otherExitDur'].includes(n));
const setEvents = (months: number) =>
  fc.array(
    fc.oneof(
      fc.tuple(fc.constantFrom(...settable), fc.boolean(), fc.integer({ min: 0, max: months - 1 })).map(([n, max, month]) => ({ month, type: 'set', path: `params.${n}`, value: paramAt(n, max ? 'max' : 'min') })),
      fc.tuple(fc.constantFrom(...MANAGER_IDS), fc.constantFrom('stance', 'attention'), fc.constantFrom(...CORNERS), fc.constantFrom(0, 1, ...TINY), fc.integer({ min: 0, max: months - 1 })).map(([m, f, c, value, month]) => ({ month, type: 'set', path: `managers.${m}.${f}.${c}`, value })),
    ),
    { maxLength: 30 },
  );

const weight = fc.constantFrom(0, 1, ...TINY, 0.5);
/** A profile mixture with zero and subnormal weights (at least one above 0, as the schema asks). */
const mixture = fc
  .dictionary(fc.constantFrom(...PROFILE_NAMES), weight, { minKeys: 1 })
  .filter((m) => Object.values(m).some((v) => v > 0));
const triple = fc.record({ value: weight, capacity: weight, legitimacy: weight }, { requiredKeys: [] });
const managerEdges = fc.record(
  { profile: fc.oneof(fc.constantFrom(...PROFILE_NAMES), mixture), stance: triple, attention: triple, courage: weight, design: weight, reframe: weight, control: fc.constantFrom('auto', 'fixed') },
  { requiredKeys: [] },
);
const managersEdges = fc.record(Object.fromEntries(MANAGER_IDS.map((id) => [id, managerEdges])), { requiredKeys: [] });
/** Audience powers at 0 and subnormal values, never all four at 0 (the schema refuses that; see refusedCases). */
const audiencesEdges = fc
  .record(Object.fromEntries(AUDIENCE_IDS.map((id) => [id, fc.record({ profile: fc.oneof(fc.constantFrom(...PROFILE_NAMES), mixture), power: weight }, { requiredKeys: [] })])), { requiredKeys: [] })
  .filter((a) => !AUDIENCE_IDS.every((id) => (a as Record<string, { power?: number }>)[id]?.power === 0));

/** Any edge case: corners, near edges, stacked events, tiny weights, mixed. */
export function edgeCaseArb(budget: Budget): fc.Arbitrary<EdgeCase> {
  const parts = fc.record({ n0: smallN0, months: monthsArb, seed: seedArb });
  const withParams = (kind: string, params: fc.Arbitrary<Record<string, number>>) =>
    fc.tuple(parts, params).map(([p, params]) => {
      const months = monthsFor(p.n0, p.months, budget);
      return { kind, doc: doc({ params: { ...params, N0: p.n0 } }), months, seed: p.seed };
    });
  const withEvents = (kind: string) =>
    parts.chain((p) => {
      const months = monthsFor(p.n0, p.months, budget);
      return fc.tuple(stackedEvents(months), fc.oneof(fc.constant({}), cornerParams)).map(([events, params]) => ({ kind, doc: doc({ params: { ...params, N0: p.n0 }, events }), months, seed: p.seed }));
    });
  const withWeights = (kind: string) =>
    parts.chain((p) => {
      const months = monthsFor(p.n0, p.months, budget);
      return fc.tuple(managersEdges, audiencesEdges, setEvents(months)).map(([managers, audiences, events]) => ({ kind, doc: doc({ params: { N0: p.n0 }, managers, audiences, events }), months, seed: p.seed }));
    });
  const mixed = parts.chain((p) => {
    const months = monthsFor(p.n0, p.months, budget);
    return fc.tuple(nearEdgeParams, managersEdges, audiencesEdges, fc.oneof(stackedEvents(months), setEvents(months))).map(([params, managers, audiences, events]) => ({
      kind: 'mixed',
      doc: doc({ params: { ...params, N0: p.n0 }, managers, audiences, events }),
      months,
      seed: p.seed,
    }));
  });
  return fc.oneof(
    { weight: 3, arbitrary: withParams('corners', cornerParams) },
    { weight: 3, arbitrary: withParams('near-edges', nearEdgeParams) },
    { weight: 3, arbitrary: withEvents('stacked-events') },
    { weight: 2, arbitrary: withWeights('weights') },
    { weight: 3, arbitrary: mixed },
  );
}

/** Documents of valid values in combinations the schema must refuse: the path and the paths its message names. */
export function refusedCases(): { kind: string; doc: Record<string, unknown>; path: string; names: string[] }[] {
  const zeroPower = Object.fromEntries(AUDIENCE_IDS.map((id) => [id, { power: 0 }]));
  return [
    { kind: 'all four audience powers 0', doc: doc({ audiences: zeroPower }), path: '$.audiences', names: AUDIENCE_IDS.map((id) => `$.audiences.${id}.power`) },
    {
      kind: 'a second merger',
      doc: doc({ events: [{ month: 3, type: 'merger' }, { month: 5, type: 'boom' }, { month: 9, type: 'merger' }] }),
      path: '$.events[2].type',
      names: ['$.events[0]'],
    },
  ];
}
