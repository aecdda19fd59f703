// Pattern-oriented validation (Grimm et al. 2005): the baseline must reproduce what is known about Dutch
// bijstand dynamics, over many seeds. Targets: docs/model.md section 1 and the reference's section 5.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario, setScenarioValue, withEvents, type Scenario } from '../src/scenario/parse';
import { Simulation } from '../src/engine/simulation';
import { AUDIENCE_IDS } from '../src/model/types';

const SEEDS = Array.from({ length: 50 }, (_, i) => i + 1);
const baseline = parseScenario(JSON.parse(readFileSync('scenarios/baseline.json', 'utf8')), 'scenarios/baseline.json');
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

function run(scenario: Scenario, seed: number, months: number): Simulation {
  const sim = new Simulation({ scenario, seed, months });
  sim.run();
  return sim;
}

describe('baseline patterns over 50 seeds', () => {
  const runs = SEEDS.map((seed) => run(baseline, seed, 96));
  const patterns = runs.map((r) => r.summary().patterns);

  it('SF1 duration dependence: yearly exit under 12 months is 2 to 3 times that over 36 months', () => {
    const ratio = mean(patterns.map((p) => p.yearlyExitUnder12Months)) / mean(patterns.map((p) => p.yearlyExitOver36Months));
    expect(ratio).toBeGreaterThanOrEqual(2);
    expect(ratio).toBeLessThanOrEqual(3);
  });

  it('yearly outflow to work is 6-12% and total outflow 18-30% of the stock', () => {
    const work = mean(patterns.map((p) => p.yearlyOutflowToWork));
    const total = mean(patterns.map((p) => p.yearlyOutflowTotal));
    expect(work).toBeGreaterThanOrEqual(0.06);
    expect(work).toBeLessThanOrEqual(0.12);
    expect(total).toBeGreaterThanOrEqual(0.18);
    expect(total).toBeLessThanOrEqual(0.3);
  });

  it('SF4 churn: 15-25% of those who found work are back within 12 months', () => {
    const back = mean(patterns.map((p) => p.reentryWithin12Months));
    expect(back).toBeGreaterThanOrEqual(0.15);
    expect(back).toBeLessThanOrEqual(0.25);
  });

  it('SF10 political cycle: 10-35% of runs lose the alderman in a political fall within 48 months', () => {
    const share = runs.filter((r) => r.world.aldermanFallMonths.some((m) => m < 48)).length / runs.length;
    expect(share).toBeGreaterThanOrEqual(0.1);
    expect(share).toBeLessThanOrEqual(0.35);
  });
});

describe('policy patterns with common random numbers', () => {
  it('SF5 creaming: a higher creaming parameter gives more placements and lower fairness', () => {
    const low = setScenarioValue(baseline, 'params.kappaBase', 0.2);
    const high = setScenarioValue(baseline, 'params.kappaBase', 0.8);
    const placements: number[] = [];
    const fairness: number[] = [];
    for (const seed of SEEDS) {
      const a = run(low, seed, 48).summary();
      const b = run(high, seed, 48).summary();
      placements.push(b.publicValueAccount.achievements.missionAchievement.jobStarts - a.publicValueAccount.achievements.missionAchievement.jobStarts);
      fairness.push(b.publicValueAccount.achievements.justiceAndFairness.fairnessIndex - a.publicValueAccount.achievements.justiceAndFairness.fairnessIndex);
    }
    expect(mean(placements)).toBeGreaterThan(0);
    expect(mean(fairness)).toBeLessThan(0);
    // not a fluke of a few seeds
    expect(placements.filter((d) => d > 0).length).toBeGreaterThan(SEEDS.length * 0.7);
    expect(fairness.filter((d) => d < 0).length).toBeGreaterThan(SEEDS.length * 0.7);
  });

  it('SF6 small net effects: doubling the re-integration budget adds 1 to 4 points of yearly outflow to work', () => {
    const double = setScenarioValue(baseline, 'params.reintBudgetYear', 2 * 2.2e6);
    const diffs = SEEDS.map((seed) => run(double, seed, 48).summary().patterns.yearlyOutflowToWork - run(baseline, seed, 48).summary().patterns.yearlyOutflowToWork);
    const points = 100 * mean(diffs);
    expect(points).toBeGreaterThanOrEqual(1);
    expect(points).toBeLessThanOrEqual(4);
  });

  it('SF7 negativity bias: bad news lowers support about twice as much as equally good news raises it', () => {
    const shock = (m: number) => withEvents(baseline, [{ month: 24, type: 'perceptionShock', magnitude: m, months: 6 }]);
    const support = (s: Simulation) => AUDIENCE_IDS.reduce((a, id) => a + s.snapshots[26].audiences[id].support, 0);
    const up: number[] = [];
    const down: number[] = [];
    for (const seed of SEEDS) {
      const control = support(run(baseline, seed, 27));
      up.push(support(run(shock(0.1), seed, 27)) - control);
      down.push(control - support(run(shock(-0.1), seed, 27)));
    }
    expect(mean(up)).toBeGreaterThan(0);
    const ratio = mean(down) / mean(up);
    expect(ratio).toBeGreaterThanOrEqual(1.5);
    expect(ratio).toBeLessThanOrEqual(2.6);
  });
});

// SF9 equifinality is tested in tests/facts-strategy.test.ts: 24 strategies in four scenarios, the top
// fifth tested against a permutation of strategy labels within seeds (here it was the top fifth of single
// runs over three seeds, which luck alone could fill).
