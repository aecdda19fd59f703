// Bundled for the browser by tests/determinism.browser.test.ts: the same runs as in Node, hashed.
import { Simulation } from '../../src/engine/simulation';
import { parseScenario, sha256Hex } from '../../src/scenario/parse';
import baseline from '../../scenarios/baseline.json';
import recession from '../../scenarios/recession.json';
import luckLab from '../../scenarios/luck-lab.json';

export const CASES = [
  { json: baseline, seed: 1, months: 96 },
  { json: baseline, seed: 987654321, months: 60 },
  { json: recession, seed: 2, months: 72 },
  { json: luckLab, seed: 3, months: 72 },
];

/** sha256 of summary.json + monthly.csv for each case */
export function runHashes(): string[] {
  return CASES.map(({ json, seed, months }) => {
    const sim = new Simulation({ scenario: parseScenario(json, 'case'), seed, months });
    sim.run();
    return sha256Hex(sim.summaryJson() + sim.monthlyCsv());
  });
}
