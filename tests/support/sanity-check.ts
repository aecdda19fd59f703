// The deep check of one edge case, month by month, on the model's own state (both worlds: the actual
// municipality and its twin) and on the outputs: every state variable in its documented range (docs/model.md,
// section 7.20), every number finite, every client accounted for, the caseload at most the inhabitants,
// memory bounded by the inhabitants and the months; then the production output check (auditRun) must pass.
import { auditRun, describeFault } from '../../src/engine/audit';
import { Simulation } from '../../src/engine/simulation';
import { LM_SHOCK_MAX, STAFF_TARGET_MAX, qEffMax } from '../../src/model/bounds';
import { S_EXITED } from '../../src/model/clients';
import { tracked } from '../../src/model/flows';
import type { World } from '../../src/model/world';
import { parseScenario } from '../../src/scenario/parse';
import type { EdgeCase } from './edge-scenarios';

const TOL = 1e-9;

class Broken extends Error {}

function unit(where: string, x: number): void {
  if (!(x >= -TOL && x <= 1 + TOL)) throw new Broken(`${where} = ${x}, outside [0, 1]`);
}
function finite(where: string, x: number): void {
  if (!Number.isFinite(x)) throw new Broken(`${where} = ${x}, not finite`);
}
function atLeast(where: string, x: number, min: number): void {
  finite(where, x);
  if (x < min) throw new Broken(`${where} = ${x}, below ${min}`);
}

/** Log entries a month can add besides the scheduled events (luck, media, politics, initiatives, resources, budget). */
export const LOG_ENTRIES_PER_MONTH = 40;

/** The state of one world after a month: ranges, finiteness, conservation, bounded memory. */
export function checkWorld(w: World, name: string, scheduledEvents: number): void {
  const at = (q: string) => `${name} month ${w.t}: ${q}`;
  for (const [q, x] of Object.entries({ employerGoodwill: w.employerGoodwill, staffMorale: w.staffMorale, methodQuality: w.methodQuality, conflict: w.conflict, alignment: w.alignment, kappa: w.kappa, metaV: w.metaV, metaC: w.metaC, metaL: w.metaL, overload: w.overload, composite: w.composite })) unit(at(q), x);
  // effective method quality may exceed 1 (a clear agenda and high morale focus it), up to qEffMax
  atLeast(at('qEff'), w.qEff, 0);
  if (w.qEff > qEffMax(w.params.clarityFocus) * (1 + TOL)) throw new Broken(`${at('qEff')} = ${w.qEff}, above ${qEffMax(w.params.clarityFocus)}`);
  if (Math.abs(w.lmX) > LM_SHOCK_MAX) throw new Broken(`${at('lmX')} = ${w.lmX}, beyond +-${LM_SHOCK_MAX}`);
  if (!(w.lm > 0)) throw new Broken(`${at('lm')} = ${w.lm}, not positive`);
  for (const [q, x] of Object.entries({ vacPool: w.vacPool, carved: w.carved, buigYear: w.buigYear, reintYear: w.reintYear, lksYear: w.lksYear, slots: w.slots, buigDeficitShare: w.buigDeficitShare, jobDemand: w.jobDemand })) atLeast(at(q), x, 0);
  atLeast(at('staffFte'), w.staffFte, 0.5);
  if (w.staffTarget > STAFF_TARGET_MAX * w.params.staffFte * (1 + TOL)) throw new Broken(`${at('staffTarget')} = ${w.staffTarget}, above ${STAFF_TARGET_MAX} x staffFte`);
  for (const [q, x] of Object.entries({ caseloadPerFte: w.caseloadPerFte, allocationTilt: w.allocationTilt, loopGain: w.loopGain, perceivedMean: w.perceivedMean })) finite(at(q), x);
  for (const m of Object.values(w.managers)) {
    const who = (q: string) => at(`managers.${m.id}.${q}`);
    for (const [q, x] of Object.entries({ clarity: m.clarity, V: m.V, C: m.C, L: m.L, credibility: m.credibility, courage: m.courage, design: m.design, reframe: m.reframe, aspiration: m.aspiration, verdict: m.verdict, ...m.stance, ...Object.fromEntries(Object.entries(m.trust).map(([k, v]) => [`trust.${k}`, v])) })) unit(who(q), x);
    for (const [q, x] of Object.entries({ res: m.res, amb: m.amb })) finite(who(q), x);
    for (const [c, x] of Object.entries(m.attention)) atLeast(who(`attention.${c}`), x, 0);
    const total = m.weights.reduce((a, b) => a + b, 0);
    if (!(Math.abs(total - 1) < 1e-9) || m.weights.some((x) => !(x >= 0))) throw new Broken(`${who('weights')} sum to ${total}`);
  }
  for (const a of Object.values(w.audiences)) {
    unit(at(`audiences.${a.id}.support`), a.support);
    unit(at(`audiences.${a.id}.aspiration`), a.aspiration);
    finite(at(`audiences.${a.id}.perceived`), a.perceived);
    finite(at(`audiences.${a.id}.frame`), a.frame);
    atLeast(at(`audiences.${a.id}.power`), a.power, 0);
  }
  if (!Object.values(w.audiences).some((a) => a.power > 0)) throw new Broken(at('every audience power is 0'));
  for (let k = 0; k < w.x.length; k++) {
    finite(at(`x[${k}]`), w.x[k]);
    unit(at(`z[${k}]`), w.z[k]);
  }
  // every client: distance, wellbeing and satisfaction in [0, 1], a rung on the ladder, an age below the AOW age
  const p = w.pool;
  let count = 0;
  const aow = w.params.aowAgeYears * 12;
  for (let j = 0; j < p.size; j++) {
    if (p.status[j] === S_EXITED) continue;
    count++;
    if (!(p.d[j] >= 0 && p.d[j] <= 1 && p.wellbeing[j] >= 0 && p.wellbeing[j] <= 1 && p.satisfaction[j] >= 0 && p.satisfaction[j] <= 1)) {
      throw new Broken(`${at(`client ${p.uid[j]}`)}: distance ${p.d[j]}, wellbeing ${p.wellbeing[j]}, satisfaction ${p.satisfaction[j]}`);
    }
    if (p.ladder[j] < 1 || p.ladder[j] > 6 || p.dur[j] < 0 || p.ageM[j] >= aow) throw new Broken(`${at(`client ${p.uid[j]}`)}: ladder ${p.ladder[j]}, duration ${p.dur[j]}, age ${p.ageM[j]} months`);
  }
  if (count !== tracked(p)) throw new Broken(`${at('tracked')} ${count} against the pool's ${tracked(p)}`);
  const L = w.ledger;
  if (count + L.otherExits + L.outOfSight !== w.params.N0 + L.initialSubsidised + L.initialEmployed + L.inflow) throw new Broken(`${at('conservation')}: ${count} tracked + ${L.otherExits} other exits + ${L.outOfSight} out of sight != ${w.params.N0} + ${L.initialSubsidised} + ${L.initialEmployed} + ${L.inflow}`);
  // bounded memory: the pool never holds more slots than the inhabitants; logs grow by a bounded amount a month
  if (count > w.inhabitants || p.capacity > w.inhabitants) throw new Broken(`${at('pool')} ${count} tracked in ${p.capacity} slots, above the ${w.inhabitants} inhabitants`);
  if (w.eventLog.length > LOG_ENTRIES_PER_MONTH * w.t + scheduledEvents) throw new Broken(`${at('event log')} ${w.eventLog.length} entries`);
  if (w.effects.length > 12 * (8 + scheduledEvents) || w.pending.length > 8 * w.t + scheduledEvents + 8) throw new Broken(`${at('effects/pending')} ${w.effects.length}/${w.pending.length}`);
}

/** Runs one edge case; throws with what broke, where and when. Returns the simulation for further checks. */
export function checkEdgeCase(c: EdgeCase): Simulation {
  const scenario = parseScenario(c.doc, `edge case ${c.kind}`);
  const sim = new Simulation({ scenario, seed: c.seed, months: c.months });
  const scheduled = scenario.events?.length ?? 0;
  try {
    while (!sim.done) {
      sim.step();
      checkWorld(sim.twinWorld, 'twin', scheduled);
      checkWorld(sim.world, 'actual', scheduled);
    }
    if (sim.snapshots.length !== c.months) throw new Broken(`${sim.snapshots.length} snapshots for ${c.months} months`);
    const fault = auditRun(sim);
    if (fault) throw new Broken(`output check: ${describeFault(fault)}`);
  } catch (e) {
    if (e instanceof Broken) throw new Error(`${c.kind} (seed ${c.seed}, ${c.months} months): ${e.message}\nscenario: ${JSON.stringify(c.doc).slice(0, 2000)}`, { cause: e });
    throw e;
  }
  return sim;
}
