// Stylised facts of perception over 50 seeds (SF7 negativity bias and the success loop, SF13 success judged
// by who judges), measured from the CLI's raw outputs against the baseline under the same seeds.
import { describe } from 'vitest';
import * as E from './facts/experiments';
import { perceptionChecks } from './facts/facts';
import { libraryScenario } from './facts/raw';
import { FACT_SEEDS, describeChecks } from './facts/suite';

describe(`perception facts over ${FACT_SEEDS} seeds`, () => {
  const seeds = E.seedList(FACT_SEEDS);
  const base = E.runAll(libraryScenario('baseline'), seeds, 96);
  describeChecks(perceptionChecks(base, E.negativityRuns(seeds), E.judgementRuns(seeds), E.loopRuns(seeds)));
});
