// One whole run, for headless callers (sweeps, tests): scenario + seed + months in, checked summary and
// monthly snapshots out. The CLI and the sandbox use Simulation directly for files and step-by-step control.
import type { MonthSnapshot } from '../model/types';
import type { Scenario } from '../scenario/schema';
import { assertSaneRun } from './audit';
import { Simulation } from './simulation';
import type { Summary } from './summary';

export interface RunInput {
  scenario: Scenario;
  seed: number;
  months?: number;
}

export interface RunOutput {
  summary: Summary;
  monthly: MonthSnapshot[];
}

/** Runs and checks the output (audit.ts): a run that fails the check throws RunCheckError instead of answering. */
export function runScenario(input: RunInput): RunOutput {
  const sim = new Simulation(input);
  sim.run();
  assertSaneRun(sim);
  return { summary: sim.summary(), monthly: sim.snapshots };
}

/** Tracked clients in a month (on bijstand, subsidised or employed), for client-months per second. */
export function clientsInMonth(month: MonthSnapshot): number {
  let n = 0;
  for (const status of ['benefit', 'trajectory', 'participation', 'subsidised', 'employed'] as const) {
    const tiers = month.caseload[status];
    n += tiers[0] + tiers[1] + tiers[2] + tiers[3];
  }
  return n;
}
