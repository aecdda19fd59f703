// Nightly (npm run test:nightly), half A: each parameter alone at its min and max for 600 months at the
// default size, all at min, all at max, and 4,700 random edge cases. Half B runs 5,000 more in parallel.
import { describe } from 'vitest';
import { NIGHTLY_BUDGET } from '../support/edge-scenarios';
import { edgeSuite } from '../support/edge-suite';
import { nightlySeed } from './seed';

describe('nightly, half A: every parameter alone, all at min and max, random edges', () => {
  edgeSuite({ random: 4700, seed: nightlySeed(0), budget: NIGHTLY_BUDGET, oneParameter: { months: 600 } });
});
