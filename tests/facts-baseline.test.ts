// Stylised facts of the baseline over 240 months and 50 seeds (SF1, SF4, SF8, SF10, SF13 by value profile,
// stationarity, Dutch practice, label spread), measured from monthly.csv, clients.csv and summary.json as
// the CLI writes them. Bands and evidence: docs/model.md, "Stylised facts".
import { describe } from 'vitest';
import * as E from './facts/experiments';
import { baselineChecks, labelChecks } from './facts/facts';
import { FACT_SEEDS, describeChecks } from './facts/suite';

describe(`baseline facts over ${FACT_SEEDS} seeds, 240 months`, () => {
  const base = E.baselineLong(E.seedList(FACT_SEEDS));
  describeChecks(baselineChecks(base));
  describeChecks({ labels: labelChecks(base).checks });
});
