// The run in the address bar: what is written is read back the same; malformed links are rejected with
// a message naming the problem.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatUrlState, parseUrlState, type RunAddress } from '../../src/ui/url-state';
import { SETTINGS, type PlayerControl } from '../../src/engine/sandbox-api';
import { LUCK_EVENTS } from '../../src/model/types';

const control: fc.Arbitrary<PlayerControl> = fc.oneof(
  fc.record({
    month: fc.integer({ min: 0, max: 95 }),
    type: fc.constant('set' as const),
    path: fc.constantFrom(...SETTINGS.map((s) => s.path)),
    value: fc.double({ min: 0, max: 1, noNaN: true }),
  }),
  fc.record({ month: fc.integer({ min: 0, max: 95 }), type: fc.constantFrom(...LUCK_EVENTS) }),
);

describe('the URL state', () => {
  it('round-trips scenario, seed, months, controls and the month reached', () => {
    fc.assert(
      fc.property(
        fc.record({
          scenario: fc.constantFrom('baseline', 'budget-cuts', 'luck-lab'),
          seed: fc.integer({ min: 0, max: 4294967295 }),
          months: fc.constant(96),
          controls: fc.array(control, { maxLength: 12 }),
          at: fc.integer({ min: 0, max: 96 }),
        }),
        (a: RunAddress) => {
          const parsed = parseUrlState(formatUrlState(a))!;
          expect(parsed.scenario).toBe(a.scenario);
          expect(parsed.seed).toBe(a.seed);
          expect(parsed.months).toBe(a.months);
          expect(parsed.c).toEqual(a.controls);
          expect(parsed.at).toBe(a.at);
        },
      ),
    );
  });

  it('keeps the link readable', () => {
    const q = formatUrlState({ scenario: 'baseline', seed: 42, months: 96, controls: [{ month: 0, type: 'set', path: 'managers.W.stance.value', value: 0.35 }, { month: 12, type: 'recession' }], at: 24 });
    expect(q).toBe('?v=1&scenario=baseline&seed=42&months=96&c=0~managers.W.stance.value~0.35&c=12~recession&at=24');
  });

  it('treats a link without a scenario as a plain visit', () => {
    expect(parseUrlState('')).toBeNull();
    expect(parseUrlState('?utm_source=x')).toBeNull();
  });

  it('rejects malformed links with a message', () => {
    expect(() => parseUrlState('?scenario=baseline&seed=-1')).toThrow(/seed/);
    expect(() => parseUrlState('?scenario=baseline&seed=1.5')).toThrow(/seed/);
    expect(() => parseUrlState('?scenario=Base%20line')).toThrow(/scenario/);
    expect(() => parseUrlState('?scenario=baseline&c=3~managers.X.courage~1')).toThrow(/not month~setting~value/);
    expect(() => parseUrlState('?scenario=baseline&c=3~earthquake')).toThrow(/control/);
    expect(() => parseUrlState('?scenario=baseline&months=12&c=20~recession')).toThrow(/beyond the run length/);
    expect(() => parseUrlState('?scenario=baseline&v=9')).toThrow(/v/);
  });
});
