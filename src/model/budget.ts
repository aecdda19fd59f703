// The yearly budget cycle (reference 6.7.9): BUIG from the state (forecast on the structural caseload,
// which the benchmark twin stands for), the re-integration and wage-subsidy budgets set by the council:
// grown by council support, fed by a BUIG surplus, cut by a deficit. This closes success loop R1 and
// the budget ceiling B3.
import { logEvent, type World } from './world';

/** the BUIG result moves the re-integration budget by at most this share of its initial size a year */
const BUIG_EFFECT_CAP = 0.1;

/** Month 11 of each year (0-based month t % 12 === 11): next year's budgets. */
export function budgetCycle(w: World, twinStock: number): void {
  const p = w.params;
  const result = w.buigYear - w.buigSpendYtd;
  w.lastBuigResult = result;
  const year = Math.floor(w.t / 12) + 1; // the year that starts next month (0-based)
  const councilTilt = 1 + p.gL * (2 * w.audiences.council.support - 1);
  // the BUIG result moves the re-integration budget, by at most a tenth of its initial size a year
  // (most of a BUIG surplus or deficit is absorbed by the general municipal budget)
  const buigEffect = Math.max(-BUIG_EFFECT_CAP * w.reint0, Math.min(BUIG_EFFECT_CAP * w.reint0, p.reinvestShare * Math.max(0, result) - p.deficitCutShare * Math.max(0, -result)));
  const cutNow = cutFor(p.budgetCutYear2, p.budgetCutYear3, year);
  const cutBefore = cutFor(p.budgetCutYear2, p.budgetCutYear3, year - 1);
  // this year's structural budget (grants were one-off), with the scenario's cut for next year
  let reint = ((w.reintYear - w.grantsYtd) * (1 - cutNow)) / (1 - cutBefore);
  // the council budgets from the norm: part of a past increase or cut fades each year (no runaway)
  reint += p.budgetReversion * (w.reint0 * (1 - cutNow) - reint);
  reint = reint * councilTilt + buigEffect;
  const floor = 0.1 * w.reint0 * (1 - cutNow);
  reint = Math.min(4 * w.reint0, Math.max(floor, reint));
  w.reintYear = reint;
  const lks = w.lksYear + p.budgetReversion * (w.lks0 - w.lksYear);
  w.lksYear = Math.min(4 * w.lks0, Math.max(0.25 * w.lks0, lks * councilTilt));
  w.buigYear = p.benefitCostYear * twinStock * (1 + p.buigBias + w.buigShockNext);
  w.buigShockNext = 0;
  w.buigSpendYtd = 0;
  w.reintSpendYtd = 0;
  w.lksSpendYtd = 0;
  w.grantsYtd = 0;
  logEvent(w, {
    kind: 'budget',
    type: 'budgetCycle',
    sign: result >= 0 ? 1 : -1,
    scheduled: false,
    magnitude: Math.round(result),
    text: `Budget: BUIG ${result >= 0 ? 'surplus' : 'deficit'} of EUR ${Math.round(Math.abs(result) / 1000)}k; re-integration next year EUR ${Math.round(reint / 1000)}k`,
  });
}

function cutFor(cut2: number, cut3: number, year: number): number {
  if (year >= 2) return Math.max(cut2, cut3);
  if (year >= 1) return cut2;
  return 0;
}

/** The BUIG deficit so far this year, as a share of the budget: creaming pressure. */
export function buigPressure(w: World): void {
  const monthInYear = (w.t % 12) + 1;
  const budgetSoFar = (w.buigYear * monthInYear) / 12;
  w.buigDeficitShare = w.buigYear > 0 ? Math.max(0, w.buigSpendYtd - budgetSoFar) / w.buigYear : 0;
}
