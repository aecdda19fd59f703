import { defineConfig } from 'vitest/config';

// The nightly-sized property run (npm run test:nightly): 10,000 edge cases in two files, one per core, and
// 400 documents through the command line (tests/nightly/cli-fuzz.test.ts).
export default defineConfig({
  test: {
    include: ['tests/nightly/**/*.test.ts'],
    testTimeout: 4 * 3600_000,
    pool: 'forks',
    // one file per core, in parallel
    maxWorkers: 2,
  },
});
