// Property tests over random valid scenarios (fast-check): clients are conserved, every state stays in its
// range, nothing is NaN; and random invalid scenarios are rejected with a path, never a crash.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Simulation } from '../src/engine/simulation';
import { PARAM_SPECS, PARAM_NAMES, type ParamName } from '../src/model/params';
import { CORNERS, LUCK_EVENTS, MANAGER_IDS } from '../src/model/types';
import { PROFILE_NAMES } from '../src/model/values';
import { InputError, parseScenario, type Scenario } from '../src/scenario/parse';

const text = { nl: 'proef', en: 'test' };
// a varied subset of parameters per scenario; N0 kept small so a property run is fast
const TUNABLE = PARAM_NAMES.filter((n) => n !== 'N0' && n !== 'firstElectionMonth');

const paramValue = (name: ParamName) => {
  const s = PARAM_SPECS[name];
  return 'integer' in s && s.integer ? fc.integer({ min: s.min, max: s.max }) : fc.double({ min: s.min, max: s.max, noNaN: true, noDefaultInfinity: true });
};

const unit = fc.double({ min: 0, max: 1, noNaN: true });
const corners = fc.record({ value: unit, capacity: unit, legitimacy: unit }, { requiredKeys: [] });

const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    params: fc.uniqueArray(fc.constantFrom(...TUNABLE), { maxLength: 12 }).chain((names) =>
      fc.tuple(...names.map((n) => paramValue(n))).map((values) => Object.fromEntries(names.map((n, i) => [n, values[i]]))),
    ),
    N0: fc.integer({ min: 50, max: 400 }),
    firstElectionMonth: fc.integer({ min: 1, max: 30 }),
    manager: fc.record({ stance: corners, attention: corners, courage: unit, design: unit, reframe: unit, control: fc.constantFrom('auto' as const, 'fixed' as const), profile: fc.constantFrom(...PROFILE_NAMES) }, { requiredKeys: [] }),
    managerId: fc.constantFrom(...MANAGER_IDS),
    events: fc.array(
      fc.oneof(
        fc.record({ month: fc.integer({ min: 0, max: 30 }), type: fc.constantFrom(...LUCK_EVENTS), magnitude: fc.double({ min: 0, max: 3, noNaN: true }) }),
        fc.record({ month: fc.integer({ min: 0, max: 30 }), type: fc.constant('electionLoss' as const) }),
        fc.record({ month: fc.integer({ min: 0, max: 30 }), type: fc.constant('merger' as const) }),
        fc.record({ month: fc.integer({ min: 0, max: 30 }), type: fc.constant('perceptionShock' as const), magnitude: fc.double({ min: -0.5, max: 0.5, noNaN: true }), months: fc.integer({ min: 1, max: 12 }) }),
        fc.record({ month: fc.integer({ min: 0, max: 30 }), type: fc.constant('initiative' as const), manager: fc.constantFrom(...MANAGER_IDS), kind: fc.constantFrom('routine' as const, 'bold' as const, 'designed' as const, 'reframe' as const), corner: fc.constantFrom(...CORNERS) }),
        fc.record({ month: fc.integer({ min: 0, max: 30 }), type: fc.constant('set' as const), path: fc.constantFrom('managers.W.stance.value', 'managers.H.attention.capacity', 'params.strictness', 'params.luckIntensity'), value: unit }),
      ),
      { maxLength: 6 },
    // the schema allows one merger (the werkbedrijf and the sheltered-work company merge once)
    ).filter((events) => events.filter((e) => e.type === 'merger').length <= 1),
  })
  .map(({ params, N0, firstElectionMonth, manager, managerId, events }) =>
    parseScenario({ id: 'prop', title: text, description: text, notice: text, months: 30, params: { ...params, N0, firstElectionMonth }, managers: { [managerId]: manager }, events }, 'property'),
  );

function assertUnit(name: string, x: number): void {
  if (!(x >= 0 && x <= 1)) throw new Error(`${name} = ${x} is outside [0, 1]`);
}

function walkNumbers(value: unknown, path: string, visit: (path: string, x: number) => void): void {
  if (typeof value === 'number') visit(path, value);
  else if (Array.isArray(value)) value.forEach((v, i) => walkNumbers(v, `${path}[${i}]`, visit));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walkNumbers(v, `${path}.${k}`, visit);
}

describe('invariants over random valid scenarios', () => {
  it('conserves clients, keeps every state in range, and never produces NaN', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 0, max: 1_000_000 }), (scenario, seed) => {
        const sim = new Simulation({ scenario, seed, months: 30 });
        while (!sim.done) {
          const snap = sim.step();
          const w = sim.world;
          const L = w.ledger;
          // every client is somewhere: on benefit, at work (tracked), or gone for a known reason
          let tracked = 0;
          for (let j = 0; j < w.pool.size; j++) if (w.pool.status[j] !== 5) tracked++;
          expect(tracked + L.otherExits + L.outOfSight).toBe(w.params.N0 + L.initialSubsidised + L.initialEmployed + L.inflow);
          for (let j = 0; j < w.pool.size; j++) {
            if (w.pool.status[j] === 5) continue;
            assertUnit('distance', w.pool.d[j]);
            assertUnit('wellbeing', w.pool.wellbeing[j]);
            assertUnit('satisfaction', w.pool.satisfaction[j]);
          }
          for (const m of Object.values(snap.managers)) for (const v of [...Object.values(m.corners), ...Object.values(m.stance), m.balance, m.credibility]) assertUnit('manager state', v);
          for (const a of Object.values(snap.audiences)) assertUnit('support', a.support);
          for (const v of [...Object.values(snap.meta.corners), snap.meta.alignment, snap.meta.conflict, ...snap.z]) assertUnit('meta/z', v);
          expect(snap.stock).toBeGreaterThanOrEqual(0);
        }
        walkNumbers(sim.summary(), '$', (path, x) => {
          if (Number.isNaN(x)) throw new Error(`NaN at ${path}`);
        });
      }),
      { numRuns: 40, seed: 20261126 },
    );
  });

  it('gives identical bytes for the same scenario and seed, and different bytes for another seed', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 0, max: 1000 }), (scenario, seed) => {
        const a = new Simulation({ scenario, seed, months: 12 });
        const b = new Simulation({ scenario, seed, months: 12 });
        a.run();
        b.run();
        expect(a.summaryJson()).toBe(b.summaryJson());
        expect(a.monthlyCsv()).toBe(b.monthlyCsv());
      }),
      { numRuns: 10, seed: 7 },
    );
  });
});

describe('invalid scenarios', () => {
  it('are rejected with JSON paths, never a crash', () => {
    const valid = { id: 'x', title: text, description: text, notice: text };
    fc.assert(
      fc.property(
        fc.oneof(
          fc.record({ key: fc.constantFrom(...PARAM_NAMES), value: fc.oneof(fc.string(), fc.constant(null), fc.double({ min: 1e7, max: 1e9 }), fc.double({ min: -1e9, max: -1e7 })) }).map(({ key, value }) => ({ ...valid, params: { [key]: value } })),
          fc.string({ minLength: 1 }).filter((k) => !(k in valid) && !['params', 'managers', 'audiences', 'events', 'months', '$schema'].includes(k)).map((k) => ({ ...valid, [k]: 1 })),
          fc.record({ month: fc.oneof(fc.integer({ min: -100, max: -1 }), fc.string()), type: fc.string() }).map((e) => ({ ...valid, events: [e] })),
          fc.anything().filter((x) => x === null || typeof x !== 'object' || Array.isArray(x)),
        ),
        (json) => {
          try {
            parseScenario(json, 'bad.json');
          } catch (e) {
            expect(e).toBeInstanceOf(InputError);
            const issues = (e as InputError).issues;
            expect(issues.length).toBeGreaterThan(0);
            for (const i of issues) {
              expect(i.path.startsWith('$')).toBe(true);
              expect(i.message.length).toBeGreaterThan(3);
            }
            return;
          }
          throw new Error(`accepted invalid input ${JSON.stringify(json)}`);
        },
      ),
      { numRuns: 200, seed: 3 },
    );
  });
});
