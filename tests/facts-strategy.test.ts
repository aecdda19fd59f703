// Strategy that matters, in context (issue 8, Deliver 2): over a grid of 24 strategies (every manager's
// stance on the three corners, push or pull, times three attention emphases), in four scenarios, strategy
// explains a clear share of the composite's variance against luck, several distinct strategies reach the
// top fifth (tested against a permutation of strategy labels within seeds), and the best strategy differs
// between scenarios. Measured from monthly.csv's composite column.
import { describe } from 'vitest';
import * as E from './facts/experiments';
import { strategyChecks } from './facts/facts';
import { describeChecks } from './facts/suite';

/** seeds per strategy and scenario (24 strategies x 4 scenarios x these seeds runs of 48 months) */
const STRATEGY_SEEDS = 6;

describe(`strategy in context: ${E.STRATEGY_FOCUS.length * 8} strategies x ${E.STRATEGY_SCENARIOS.length} scenarios x ${STRATEGY_SEEDS} seeds`, () => {
  const grid = E.strategyGrid(E.STRATEGY_FOCUS);
  const seeds = E.seedList(STRATEGY_SEEDS);
  const results = E.STRATEGY_SCENARIOS.map((scenario) => ({ scenario, grid: E.strategyRuns(scenario, grid, seeds) }));
  describeChecks(strategyChecks(results, grid));
});
