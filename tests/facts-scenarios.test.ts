// Stylised facts of the library's scenarios over 50 seeds (SF2 composition drift in a tight market, SF3 the
// lagged counter-cyclical caseload, SF12 the banenafspraak behind its target), against the baseline under
// the same seeds, measured from the CLI's raw outputs.
import { describe } from 'vitest';
import * as E from './facts/experiments';
import { scenarioChecks } from './facts/facts';
import { libraryScenario } from './facts/raw';
import { FACT_SEEDS, describeChecks } from './facts/suite';

describe(`scenario facts over ${FACT_SEEDS} seeds`, () => {
  const seeds = E.seedList(FACT_SEEDS);
  const base = E.runAll(libraryScenario('baseline'), seeds, 96, true);
  describeChecks(scenarioChecks(base, E.tightRuns(seeds), E.recessionRuns(seeds), E.banenafspraakRuns(seeds)));
});
