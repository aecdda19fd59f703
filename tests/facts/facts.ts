// The stylised facts with their bands: each fact's measurement (tests/facts/measures.ts) on its runs
// (tests/facts/experiments.ts), and the band it must fall in. One table for the pattern tests and for
// scripts/calibrate.ts; docs/model.md section 1 gives the evidence for every band.
import * as E from './experiments';
import * as M from './measures';
import type { RawRun } from './raw';
import { INDICATORS, VALUE_PROFILES } from '../../src/model/values';
import { mean } from './stats';

export interface Check {
  /** what is measured, in words */
  name: string;
  value: number;
  /** inclusive band; either end may be open */
  lo?: number;
  hi?: number;
}

export const inBand = (c: Check): boolean => (c.lo === undefined || c.value >= c.lo) && (c.hi === undefined || c.value <= c.hi);

const IDS = INDICATORS.map((s) => s.id);

/**
 * Columns that are 0 by design: tiers 1-2 get a participation place only when their wellbeing is below 0.25
 * (werkbedrijf.ts), and their resting wellbeing (0.7 - 0.45 x distance) never falls that low.
 */
export const STRUCTURAL_ZEROS = ['caseload.participation.tier1', 'caseload.participation.tier2'];

// --- the baseline over 240 months ---------------------------------------------------------------------

export function baselineChecks(runs: RawRun[]): Record<string, Check[]> {
  const dd = M.durationDependence(runs);
  const ch = M.churn(runs, 60);
  const st = M.stationarity(runs, E.N0);
  const pr = M.practice(runs);
  const rk = M.rankStability(runs);
  const at96 = runs.map((r) => E.prefix(r, 96));
  const wf = VALUE_PROFILES.workFirst;
  const inc = VALUE_PROFILES.inclusive;
  const council = wf.map((w, k) => 0.5 * w + 0.5 * inc[k]);
  return {
    SF1: [
      { name: 'yearly exit rate, spells under 12 months', value: dd.under12 },
      { name: 'yearly exit rate, spells over 36 months', value: dd.over36 },
      { name: 'ratio under 12 / over 36 months', value: dd.ratio, lo: 2, hi: 3 },
    ],
    SF4: [
      { name: 'job starts followed (all seeds)', value: ch.starts },
      { name: 'share back on bijstand within 12 months', value: ch.back12, lo: 0.18, hi: 0.22 },
      { name: 'share back on bijstand within 60 months', value: ch.backHorizon, lo: 0.3, hi: 0.38 },
    ],
    SF8: [
      { name: 'year-to-year Spearman correlation of the yearly composite across seeds', value: rk.spearman, lo: 0.1, hi: 0.8 },
      { name: 'percentile a year later of the top decile (0.95 = stays on top; below 0.9 = on average out of the top decile)', value: rk.topDecileNextYearPercentile, hi: 0.9 },
    ],
    SF10: [{ name: 'share of 48-month terms with a political fall of the alderman', value: M.politicalFalls(runs), lo: 0.15, hi: 0.3 }],
    stationarity: [
      { name: 'mean stock months 85-96 / N0', value: st.stock85to96, lo: 0.95, hi: 1.05 },
      { name: 'mean stock months 229-240 / N0', value: st.stock229to240, lo: 0.95, hi: 1.05 },
      { name: 'yearly outflow, last cycle / first cycle', value: st.outflowLastCycle / st.outflowFirstCycle, lo: 0.95, hi: 1.05 },
      { name: 'yearly outflow to work, last cycle / first cycle', value: st.toWorkLastCycle / st.toWorkFirstCycle, lo: 0.95, hi: 1.05 },
      { name: 'yearly outflow (all reasons) / stock', value: mean(st.outflowByYear), lo: 0.22, hi: 0.27 },
      { name: 'yearly outflow to work / stock', value: mean(st.toWorkByYear), lo: 0.08, hi: 0.12 },
      { name: 'yearly inflow (new and re-entries) / stock', value: mean(st.inflowByYear), lo: 0.22, hi: 0.27 },
      { name: 'work as a share of all outflow', value: st.workShareOfOutflow, lo: 0.4, hi: 0.55 },
    ],
    practice: [
      { name: 're-integration budget month 240 / month 1 (mean over seeds)', value: pr.reintegrationEndOverStart, lo: 0.75, hi: 1.33 },
      { name: 're-integration budget month 240 / month 1, 5th percentile', value: pr.reintegrationP05, lo: 0.33 },
      { name: 're-integration budget month 240 / month 1, 95th percentile', value: pr.reintegrationP95, hi: 3 },
      { name: 'share of the caseload in a trajectory or participation', value: pr.shareInService, lo: 0.2, hi: 0.35 },
      { name: 'wage-cost subsidy spending / benefit spending', value: pr.lksShareOfBuig, lo: 0.05, hi: 0.15 },
    ],
    outputs: [
      {
        name: `monthly.csv columns that never change in any run, besides ${STRUCTURAL_ZEROS.join(', ')} (${M.constantColumns(runs).filter((c) => !STRUCTURAL_ZEROS.includes(c)).join(', ') || 'none'})`,
        value: M.constantColumns(runs).filter((c) => !STRUCTURAL_ZEROS.includes(c)).length,
        hi: 0,
      },
    ],
    SF13weights: [
      { name: 'share of runs a work-first and an inclusive council judge a label step apart', value: M.judgedApart(at96, wf, inc, IDS).share, lo: 1 / 3 },
      { name: 'share of runs the council and the clients\' council judge a label step apart', value: M.judgedApart(at96, council, VALUE_PROFILES.clientsCouncil, IDS).share },
      { name: 'Spearman across seeds: council support against the council\'s verdict', value: M.supportFollowsPerformance(at96, council, IDS), lo: 0.3 },
    ],
  };
}

/** How the baseline's dimensions and verdicts spread over the labels at 96 months. */
export function labelChecks(runs: RawRun[]): { spread: Record<string, Record<string, number>>; checks: Check[] } {
  const spread = M.labelSpread(runs.map((r) => ({ ...r, summary: (r as RawRun & { summaries: Record<number, RawRun['summary']> }).summaries[96] })));
  const checks: Check[] = [];
  for (const [key, shares] of Object.entries(spread)) {
    const idx = M.LABEL_ORDER.reduce((a, l, i) => a + i * shares[l], 0);
    checks.push({ name: `${key}: mean label (0 failure .. 4 success)`, value: idx, lo: 1.5, hi: 2.5 });
    checks.push({ name: `${key}: labels used`, value: Object.values(shares).filter((s) => s > 0).length, lo: 3 });
    checks.push({ name: `${key}: largest share of one label`, value: Math.max(...Object.values(shares)), hi: 0.6 });
  }
  return { spread, checks };
}

// --- policy: creaming, budget, structure (48 months, against the baseline under the same seeds) ------------

export function policyChecks(base: RawRun[], cream: ReturnType<typeof E.creamingRuns>, double: RawRun[], structure: Record<string, RawRun[]>): Record<string, Check[]> {
  const b48 = base.map((r) => E.prefix(r, E.POLICY_MONTHS));
  const c = M.creaming(cream.low, cream.high, cream.lowNoEffect, cream.highNoEffect);
  const stock = (runs: RawRun[]) => M.meanStock(runs, 36, 48);
  const baseStock = stock(b48);
  const effect = (name: string) => Math.abs(stock(structure[name]) - baseStock);
  const structural = Object.keys(E.STRUCTURE).map(effect);
  const policy = Object.keys(E.POLICY).map(effect);
  return {
    SF5: [
      { name: 'placements from a trajectory, kappa 0.8 / kappa 0.2', value: c.grossHigh / c.grossLow, lo: 1.3 },
      { name: 'access of tiers 3-4 to a service, kappa 0.8 minus kappa 0.2', value: c.accessHigh - c.accessLow, hi: -0.05 },
      { name: 'deadweight share of placements, kappa 0.8 minus kappa 0.2', value: c.deadweightHigh - c.deadweightLow, lo: 0.05 },
      { name: 'back within 12 months after a trajectory placement, kappa 0.8 minus kappa 0.2', value: c.back12High - c.back12Low, lo: 0.01 },
      { name: 'net effect (job starts caused by services), kappa 0.8 / kappa 0.2', value: c.netHigh / c.netLow, lo: 0.75, hi: 1.25 },
      { name: 'net job starts caused by services at kappa 0.2 (48 months)', value: c.netLow, lo: 1 },
    ],
    SF6: [{ name: 'doubling the re-integration budget: extra yearly outflow to work, points', value: M.toWorkPoints(b48, double, E.POLICY_MONTHS), lo: 1, hi: 3 }],
    SF11: [
      ...Object.keys(E.STRUCTURE).map((name, i) => ({ name: `structure: ${name}, |change of the stock| months 37-48`, value: structural[i] })),
      ...Object.keys(E.POLICY).map((name, i) => ({ name: `policy: ${name}, |change of the stock| months 37-48`, value: policy[i] })),
      { name: 'smallest structural effect / largest policy effect', value: Math.min(...structural) / Math.max(...policy), lo: 1.5 },
    ],
  };
}

// --- perception: negativity bias, the loop, success judged ------------------------------------------------

export function perceptionChecks(base: RawRun[], neg: ReturnType<typeof E.negativityRuns>, judge: ReturnType<typeof E.judgementRuns>, loop: ReturnType<typeof E.loopRuns>): Record<string, Check[]> {
  const control = base.map((r) => E.prefix(r, E.SHOCK.runMonths));
  const n = M.negativity(control, neg.up, neg.down, E.SHOCK.month, E.SHOCK.runMonths);
  const b96 = base.map((r) => E.prefix(r, 96));
  const s = M.loopSplit(loop.strengthened);
  const cut = M.loopSplit(loop.cut);
  const base96 = M.loopSplit(b96);
  const follows = M.supportFollowsValues(judge.workFirst, judge.inclusive, VALUE_PROFILES.workFirst, VALUE_PROFILES.inclusive, IDS);
  const frame = M.supportShift(judge.framed, b96);
  return {
    SF7negativity: [
      { name: 'peak fall of support after bad news (power-weighted, four audiences)', value: n.down },
      { name: 'peak rise of support after equally good news', value: n.up },
      { name: 'ratio bad / good', value: n.ratio, lo: 1.5, hi: 2.5 },
    ],
    SF7loop: [
      { name: 'strengthened loop: share of seeds whose budget ends at 1.5x the start or more (virtuous)', value: s.virtuousShare, lo: 0.2 },
      { name: 'strengthened loop: share of seeds whose budget ends at 0.5x the start or less (vicious)', value: s.viciousShare, lo: 0.2 },
      { name: 'loop cut: share of seeds ending at 1.5x or more, or 0.5x or less', value: cut.virtuousShare + cut.viciousShare, hi: 0.05 },
      { name: 'spread of the composite in years 9-10, strengthened / cut', value: s.compositeSd / cut.compositeSd, lo: 1.3 },
      { name: 'bimodality coefficient of the final budget, strengthened loop (> 0.555 two modes)', value: s.budgetBimodality },
      { name: 'mean loop gain G after year 1: strengthened', value: s.meanGain },
      { name: 'mean loop gain G after year 1: cut', value: cut.meanGain, hi: s.meanGain },
      { name: 'share of months with G > 1: strengthened loop', value: s.shareMonthsAboveOne, lo: 0.3 },
      { name: 'share of months with G > 1: loop cut', value: cut.shareMonthsAboveOne, hi: 0.15 },
      { name: 'share of months with G > 1: baseline', value: base96.shareMonthsAboveOne },
    ],
    SF13: [
      { name: 'work-first vs inclusive council, same seeds: Spearman of their support gap against their verdict gap', value: follows.spearman },
      { name: 'share of seeds whose council support is a label apart, in the direction of the verdicts', value: follows.shareApart, lo: 1 / 3 },
      { name: 'a +0.1 frame in months 49-96: share of seeds with a higher council-support label, net of lower', value: frame.netShare, lo: 1 / 3 },
      { name: 'council support with the frame minus without (last 12 months)', value: frame.meanGap, lo: 0.05 },
    ],
  };
}

// --- scenarios --------------------------------------------------------------------------------------------

export function scenarioChecks(base: RawRun[], tight: RawRun[], recession: RawRun[], push: RawRun[]): Record<string, Check[]> {
  // against the baseline under the same seeds: the business cycle moves both (the run starts at its top)
  const d = M.compositionDrift(tight);
  const b = M.compositionDrift(base.map((r) => E.prefix(r, 36)));
  const lag = M.recessionLag(recession, base.map((r) => E.prefix(r, recession[0].months)));
  const bPush = M.banenafspraak(push, E.N0);
  const bBase = M.banenafspraak(base.map((r) => E.prefix(r, E.BANENAFSPRAAK_MONTHS)), E.N0);
  return {
    SF2: [
      { name: 'stock months 25-36 / month 1, tight market', value: d.stockMonths25to36 / d.stockMonth1, hi: 0.99 },
      { name: 'stock months 25-36 / month 1, tight market minus baseline', value: d.stockMonths25to36 / d.stockMonth1 - b.stockMonths25to36 / b.stockMonth1, hi: -0.02 },
      { name: 'yearly outflow, year 3 minus year 1, tight market', value: d.outflowYear3 - d.outflowYear1 },
      { name: 'yearly outflow, year 3 minus year 1, tight market minus baseline', value: d.outflowYear3 - d.outflowYear1 - (b.outflowYear3 - b.outflowYear1), hi: -0.005 },
      { name: 'share of tiers 3-4, months 25-36 minus month 1, tight market', value: d.hardShareMonths25to36 - d.hardShareMonth1 },
      { name: 'share of tiers 3-4, months 25-36 minus month 1, tight market minus baseline', value: d.hardShareMonths25to36 - d.hardShareMonth1 - (b.hardShareMonths25to36 - b.hardShareMonth1), lo: 0.05 },
    ],
    SF3: [
      { name: 'months from the labour-market trough to the peak of the excess stock', value: lag.lag, lo: 12, hi: 36 },
      { name: 'peak excess stock over the baseline, share', value: lag.peakExcessShare, lo: 0.05 },
      { name: `months to half recovery after the peak${lag.recovered ? '' : ' (not reached: months left)'} / months of the rise (half to peak)`, value: lag.halfRecoveryMonths / Math.max(1, lag.riseMonths), lo: 1.01 },
    ],
    SF12: [
      { name: 'banenafspraak-push: extra target-group jobs / pro-rata target (60 months)', value: bPush, lo: 0.6, hi: 0.8 },
      { name: 'baseline: extra target-group jobs / pro-rata target', value: bBase, hi: bPush },
    ],
  };
}

// --- strategy ---------------------------------------------------------------------------------------------

export interface StrategyResult {
  scenario: string;
  grid: number[][];
}

export function strategyChecks(results: StrategyResult[], strategies: E.Strategy[]): Record<string, Check[]> {
  const out: Check[] = [];
  const best = new Set<string>();
  for (const r of results) {
    const share = M.strategyShare(r.grid);
    const t = M.topFifthTest(r.grid);
    const top = t.top.map((i) => strategies[i]);
    best.add(top[0].id);
    // distinct routes: the top fifth holds strategies that differ in at least two of the four choices
    let maxDiff = 0;
    for (const a of top) for (const b of top) maxDiff = Math.max(maxDiff, a.stance.filter((x, i) => x !== b.stance[i]).length + (a.focus === b.focus ? 0 : 1));
    out.push({ name: `${r.scenario}: share of the composite's variance explained by strategy`, value: share, lo: 0.2, hi: 0.5 });
    out.push({ name: `${r.scenario}: best strategy ${top[0].id}; top fifth ${top.map((s) => s.id).join(' ')}`, value: top.length, lo: 3 });
    out.push({ name: `${r.scenario}: most different pair in the top fifth (choices that differ)`, value: maxDiff, lo: 2 });
    out.push({ name: `${r.scenario}: permutation p of the top fifth (strategy labels shuffled within seeds)`, value: t.p, hi: 0.01 });
  }
  out.push({ name: 'distinct best strategies across the scenarios', value: best.size, lo: 3 });
  return { strategy: out };
}
