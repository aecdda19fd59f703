// What one month looks like from outside: aggregates only (no per-client objects).
import { S_BENEFIT, S_EMPLOYED, S_EXITED, S_PARTICIPATION, S_SUBSIDISED, S_TRAJECTORY } from './clients';
import { areaOf, balanceOf, loopLevels, loopRegime } from './meta';
import { stockOf, type Stepper } from './step';
import {
  AUDIENCE_IDS,
  LOOP_STATIONS,
  MANAGER_IDS,
  STATUSES,
  type AudienceId,
  type AudienceSnapshot,
  type LoopStation,
  type ManagerId,
  type ManagerSnapshot,
  type MonthSnapshot,
  type Status,
} from './types';
import { attentionShares } from './world';

const STATUS_SLOT: Record<Status, number> = {
  benefit: S_BENEFIT,
  trajectory: S_TRAJECTORY,
  participation: S_PARTICIPATION,
  subsidised: S_SUBSIDISED,
  employed: S_EMPLOYED,
  exited: S_EXITED,
};

export function snapshot(s: Stepper, twin: Stepper | null, prevLevels: number[] | null): MonthSnapshot {
  const w = s.world;
  const managers = {} as Record<ManagerId, ManagerSnapshot>;
  for (const id of MANAGER_IDS) {
    const m = w.managers[id];
    const corners = { value: m.V, capacity: m.C, legitimacy: m.L };
    managers[id] = {
      corners,
      balance: balanceOf(corners),
      area: areaOf(corners),
      stance: { ...m.stance },
      attention: attentionShares(m),
      courage: m.courage,
      design: m.design,
      reframe: m.reframe,
      credibility: m.credibility,
      aspiration: m.aspiration,
      verdict: m.verdict,
    };
  }
  const meta = { value: w.metaV, capacity: w.metaC, legitimacy: w.metaL };
  const audiences = {} as Record<AudienceId, AudienceSnapshot>;
  for (const id of AUDIENCE_IDS) {
    const a = w.audiences[id];
    audiences[id] = { support: a.support, aspiration: a.aspiration, perceived: a.perceived };
  }
  // before the first month (the sandbox's month 0) the loop has no history yet: its levels as they stand
  const current = w.loopLevels[w.loopLevels.length - 1] ?? loopLevels(w);
  const levels = {} as Record<LoopStation, number>;
  LOOP_STATIONS.forEach((st, i) => (levels[st] = current[i]));
  const prev = prevLevels ?? Array.from(current);
  // flow along arrow e is the change it delivers to the station it points to
  const flows = [1, 2, 3, 4, 0].map((to) => current[to] - prev[to]) as [number, number, number, number, number];
  const caseload = {} as Record<Status, [number, number, number, number]>;
  for (const st of STATUSES) {
    const base = STATUS_SLOT[st] * 4;
    const c = s.tally.caseload;
    caseload[st] = [c[base], c[base + 1], c[base + 2], c[base + 3]];
  }
  const left = w.ledger.leftByTier;
  caseload.exited = [left[0], left[1], left[2], left[3]];
  const meanAsp = AUDIENCE_IDS.reduce((acc, id) => acc + w.audiences[id].aspiration, 0) / AUDIENCE_IDS.length;
  const stock = stockOf(s);
  const hard = s.tally.stockByTier[2] + s.tally.stockByTier[3];
  const monthlyBudget = (w.reintYear / 12) * ((w.t - 1) % 12 + 1);
  return {
    month: w.t,
    managers,
    meta: { corners: meta, balance: balanceOf(meta), area: areaOf(meta), alignment: w.alignment, conflict: w.conflict },
    audiences,
    loop: {
      levels,
      flows,
      gain: w.loopGain,
      regime: loopRegime(w),
      balancing: {
        aspirations: clamp(meanAsp),
        budgetCeiling: clamp(Math.max(w.buigDeficitShare * 10, monthlyBudget > 0 ? w.reintSpendYtd / monthlyBudget - 0.5 : 0)),
        harderClients: stock > 0 ? hard / stock : 0,
        scandalHazard: clamp(w.scandalRateYear * w.params.luckIntensity),
      },
    },
    environment: {
      labourMarket: w.lm,
      vacancies: w.vacPool,
      employerGoodwill: w.employerGoodwill,
      staffFte: w.staffFte,
      staffMorale: w.staffMorale,
      methodQuality: w.methodQuality,
      kappa: w.kappa,
      strictness: w.strictness,
      slots: w.slots,
    },
    budgets: {
      buigYear: w.buigYear,
      buigSpendYtd: w.buigSpendYtd,
      reintegrationYear: w.reintYear,
      reintegrationSpendYtd: w.reintSpendYtd,
      lksYear: w.lksYear,
      lksSpendYtd: w.lksSpendYtd,
    },
    caseload,
    flows: {
      inflow: w.flows.inflow,
      toWork: w.flows.toWork,
      otherExits: w.flows.otherExits,
      reentries: w.flows.reentries,
      sanctions: w.flows.sanctions,
      wrongfulSanctions: w.flows.wrongfulSanctions,
      ladderSteps: w.flows.ladderSteps,
    },
    stock,
    z: Array.from(w.z),
    twin: twin ? { stock: stockOf(twin), toWork: twin.world.flows.toWork, composite: twin.world.composite } : { stock, toWork: w.flows.toWork, composite: w.composite },
    composite: w.composite,
    events: w.events.slice(),
  };
}

function clamp(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

