// Stylised facts of policy over 50 seeds, each against the baseline under the same seeds (SF5 creaming,
// SF6 small net effect, SF11 structure beats policy), measured from the CLI's raw outputs.
import { describe } from 'vitest';
import * as E from './facts/experiments';
import { policyChecks } from './facts/facts';
import { libraryScenario } from './facts/raw';
import { FACT_SEEDS, describeChecks } from './facts/suite';

describe(`policy facts over ${FACT_SEEDS} seeds`, () => {
  const seeds = E.seedList(FACT_SEEDS);
  const base = E.runAll(libraryScenario('baseline'), seeds, E.POLICY_MONTHS);
  describeChecks(policyChecks(base, E.creamingRuns(seeds), E.doubleBudgetRuns(seeds), E.structureRuns(seeds)));
});
