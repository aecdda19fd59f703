// Nightly (npm run test:nightly): the command line fuzzed at the edges, 400 documents through validate and
// run, each judged from its written files (tests/support/cli-fuzz.ts). npm test runs 12 (tests/cli-edges.test.ts).
import { describe, expect, it } from 'vitest';
import { fuzzCli } from '../support/cli-fuzz';
import { TEST_BUDGET } from '../support/edge-scenarios';
import { SUITE_TIMEOUT } from '../support/edge-suite';
import { nightlySeed } from './seed';

describe('nightly: the command line fuzzed at the edges', () => {
  it('400 drawn documents: validate exit 0 means run exit 0 with sane files (or exit 1, nothing written); a refusal refuses in run too', () => {
    const seed = nightlySeed(2);
    const result = fuzzCli(400, seed, TEST_BUDGET);
    console.log(`cli fuzz (seed ${seed}): ${result.validated} valid, ${result.refused} refused, ${result.failedCheck} failed the output check, ${result.broken.length} broken`);
    expect(result.broken, `${result.broken.length} of 400 broke`).toEqual([]);
  }, SUITE_TIMEOUT);
});
