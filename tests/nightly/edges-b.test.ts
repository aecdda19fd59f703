// Nightly (npm run test:nightly), half B: 5,000 random edge cases (half A has the rest of the 10,000).
import { describe } from 'vitest';
import { NIGHTLY_BUDGET } from '../support/edge-scenarios';
import { edgeSuite } from '../support/edge-suite';
import { nightlySeed } from './seed';

describe('nightly, half B: random edges', () => {
  edgeSuite({ random: 5000, seed: nightlySeed(1), budget: NIGHTLY_BUDGET });
});
