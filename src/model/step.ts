// One month of the model, in the order of the reference schedule (6.3). The run (src/engine) steps the
// benchmark twin first and hands its stock and indicators to the actual world as its benchmark.
import { perceiveAndSupport, goodwillAndTrust } from './audiences';
import { budgetCycle, buigPressure } from './budget';
import { clientsMonth, durationTables, inflow, newTally, tallyClients, type Tally } from './flows';
import { drawLuck, expireEffects, labourMarket } from './environment';
import { computeIndicators, scoreIndicators } from './indicators';
import { cornerDynamics, decide, resolveInitiatives, verdicts } from './managers';
import { metaTriangle, updateLoop } from './meta';
import { politics } from './politics';
import { applyScheduled } from './schedule';
import { allocateServices } from './werkbedrijf';
import { emptyFlows, type World } from './world';

export interface Stepper {
  world: World;
  tally: Tally;
  lnDur: Float64Array;
  otherDur: Float64Array;
}

export function createStepper(world: World): Stepper {
  const { lnDur, otherDur } = durationTables(world.params);
  const tally = newTally();
  tallyClients(world, tally, lnDur);
  return { world, tally, lnDur, otherDur };
}

/** Advances the world by one month. twinStock: the benchmark's caseload (the world's own for the twin). */
export function stepMonth(s: Stepper, twinStock: number | null): void {
  const w = s.world;
  w.events = [];
  w.flows = emptyFlows();
  w.scandalThisMonth = false;
  expireEffects(w);
  // 1. environment: scheduled events, labour market, luck
  applyScheduled(w);
  labourMarket(w);
  drawLuck(w);
  // 2-3. politics and the managers' decisions
  politics(w);
  if (w.t % 3 === 0) decide(w);
  resolveInitiatives(w);
  // 4-5. corners and the meta triangle
  cornerDynamics(w);
  metaTriangle(w);
  // 6-7. werkbedrijf and clients
  allocateServices(w, s.lnDur, s.tally);
  inflow(w);
  clientsMonth(w, s.lnDur, s.otherDur, s.tally);
  // 8. accounting and indicators
  const stock = s.tally.stockByTier[0] + s.tally.stockByTier[1] + s.tally.stockByTier[2] + s.tally.stockByTier[3];
  computeIndicators(w, s.tally, twinStock ?? stock);
  scoreIndicators(w);
  verdicts(w);
  // 9. perception and legitimacy
  perceiveAndSupport(w);
  goodwillAndTrust(w);
  buigPressure(w);
  // 10. budget cycle
  if (w.t % 12 === 11) budgetCycle(w, twinStock ?? stock);
  // 11. telemetry
  updateLoop(w);
  w.t++;
}

export function stockOf(s: Stepper): number {
  const t = s.tally.stockByTier;
  return t[0] + t[1] + t[2] + t[3];
}
