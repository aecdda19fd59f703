// Turns the fact tables of tests/facts/facts.ts into vitest cases: one case per fact, failing with every
// check that is out of its band (measured value and band), so a failure says what moved and by how much.
import { expect, it } from 'vitest';
import { inBand, type Check } from './facts';

/** seeds of the pattern tests (the issue asks for at least 50) */
export const FACT_SEEDS = 50;

export function describeChecks(checks: Record<string, Check[]>): void {
  for (const [fact, list] of Object.entries(checks)) {
    const banded = list.filter((c) => c.lo !== undefined || c.hi !== undefined);
    if (banded.length === 0) continue;
    it(`${fact}: ${banded.map((c) => c.name).join('; ')}`, () => {
      const out = banded.filter((c) => !inBand(c)).map((c) => `${c.name}: ${c.value} not in [${c.lo ?? ''} .. ${c.hi ?? ''}]`);
      expect(out).toEqual([]);
    });
  }
}
