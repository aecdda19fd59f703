// The runs behind each stylised fact: which scenario, which change, which seeds, how many months. The
// pattern tests (tests/patterns-*.test.ts) and the calibration script (scripts/calibrate.ts) use these same
// definitions, so what the script prints is what the tests assert. Policy comparisons use common random
// numbers: the same seeds with and without the change.
import { libraryScenario, rawRun, variant, type RawRun } from './raw';
import type { Scenario, ScenarioEvent } from '../../src/scenario/parse';

export const N0 = 2200;
/** seeds 1..n */
export const seedList = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);

export function runAll(scenario: Scenario, seeds: number[], months: number, trace = false, summaryAt: number[] = []) {
  return seeds.map((seed) => rawRun(scenario, seed, months, trace, summaryAt));
}

const baseline = () => libraryScenario('baseline');

/** The baseline over 240 months, traced, with summary.json at 96 months (the default horizon) too. */
export const baselineLong = (seeds: number[]) => runAll(baseline(), seeds, 240, true, [96]);

/** The first `months` rows of a longer run, as a run of that length (for comparisons with shorter runs). */
export function prefix(r: RawRun, months: number): RawRun {
  const m = r.monthly;
  const cut = {
    ...m,
    rows: months,
    num: (name: string) => m.num(name).subarray(0, months),
    text: (name: string) => m.text(name).slice(0, months),
  };
  let trace = r.trace;
  if (trace) {
    let n = 0;
    while (n < trace.n && trace.month[n] < months) n++;
    trace = { n, month: trace.month.subarray(0, n), client: trace.client.subarray(0, n), from: trace.from.subarray(0, n), to: trace.to.subarray(0, n), reason: trace.reason.subarray(0, n), tier: trace.tier.subarray(0, n) };
  }
  return { ...r, months, monthly: cut, trace };
}

// --- policy experiments (48 months) -----------------------------------------------------------------

export const POLICY_MONTHS = 48;

/** SF5: creaming low and high, each with and without any service effect (the counterfactual for the net effect). */
export function creamingRuns(seeds: number[]) {
  const k = (kappa: number, betaSvc?: number) => variant(baseline(), { 'params.kappaBase': kappa, ...(betaSvc === undefined ? {} : { 'params.betaSvc': betaSvc }) });
  return {
    low: runAll(k(0.2), seeds, POLICY_MONTHS, true),
    high: runAll(k(0.8), seeds, POLICY_MONTHS, true),
    lowNoEffect: runAll(k(0.2, 0), seeds, POLICY_MONTHS, true),
    highNoEffect: runAll(k(0.8, 0), seeds, POLICY_MONTHS, true),
  };
}

/** SF6: the re-integration budget doubled. */
export const doubleBudgetRuns = (seeds: number[]) => runAll(variant(baseline(), { 'params.reintBudgetYear': 2 * 2.2e6 }), seeds, POLICY_MONTHS);

/** SF11: structural changes (labour market, inflow) and policy changes, each against the baseline. */
export const STRUCTURE = {
  'labour market V/U 1.0 to 0.6': { 'params.lm0': 0.6 },
  'inflow 20% to 26% a year': { 'params.inflowRateYear': 0.26 },
} as const;
export const POLICY = {
  'creaming kappa 0.5 to 0.8': { 'params.kappaBase': 0.8 },
  're-integration budget doubled': { 'params.reintBudgetYear': 4.4e6 },
  'strictness 0.3 to 0.6': { 'params.strictness': 0.6 },
  'every manager pushes on every corner': Object.fromEntries(['W', 'D', 'H', 'P'].flatMap((id) => [['value', 'capacity', 'legitimacy'].map((c) => [`managers.${id}.stance.${c}`, 1] as const), [[`managers.${id}.control`, 'fixed'] as const]].flat())),
} as const;

export function structureRuns(seeds: number[]) {
  const out: Record<string, RawRun[]> = {};
  for (const [name, values] of Object.entries({ ...STRUCTURE, ...POLICY })) out[name] = runAll(variant(baseline(), values as Record<string, unknown>), seeds, POLICY_MONTHS);
  return out;
}

// --- perception --------------------------------------------------------------------------------------

/** SF7: a news shock of +0.1 and of -0.1 on perceived performance for six months from month 24. */
export const SHOCK = { month: 24, months: 6, size: 0.1, runMonths: 42 };
export function negativityRuns(seeds: number[]) {
  const shock = (m: number): ScenarioEvent => ({ month: SHOCK.month, type: 'perceptionShock', magnitude: m, months: SHOCK.months });
  return {
    up: runAll(variant(baseline(), {}, [shock(SHOCK.size)]), seeds, SHOCK.runMonths),
    down: runAll(variant(baseline(), {}, [shock(-SHOCK.size)]), seeds, SHOCK.runMonths),
  };
}

/** SF13: the same municipality under a work-first council and under an inclusive council; and a frame. */
export function judgementRuns(seeds: number[]) {
  return {
    workFirst: runAll(variant(baseline(), { 'audiences.council.profile': 'workFirst' }), seeds, 96),
    inclusive: runAll(variant(baseline(), { 'audiences.council.profile': 'inclusive' }), seeds, 96),
    framed: runAll(variant(baseline(), {}, [{ month: 48, type: 'perceptionShock', magnitude: 0.1, months: 48 }]), seeds, 96),
  };
}

/** SF7: the success loop strengthened and cut (parameters of the loop's arrows), 120 months. */
export const LOOP_MONTHS = 120;
export const LOOP = {
  strengthened: { 'params.gL': 0.4, 'params.budgetReversion': 0, 'params.reinvestShare': 1, 'params.deficitCutShare': 1, 'params.perceptionGain': 4 },
  cut: { 'params.gL': 0, 'params.reinvestShare': 0, 'params.deficitCutShare': 0, 'params.pGrant0': 0 },
} as const;
export function loopRuns(seeds: number[]) {
  return {
    strengthened: runAll(variant(baseline(), LOOP.strengthened), seeds, LOOP_MONTHS),
    cut: runAll(variant(baseline(), LOOP.cut), seeds, LOOP_MONTHS),
  };
}

// --- scenarios ---------------------------------------------------------------------------------------

export const tightRuns = (seeds: number[]) => runAll(libraryScenario('tight-labour-market'), seeds, 36);
export const recessionRuns = (seeds: number[]) => runAll(libraryScenario('recession'), seeds, 96);
export const BANENAFSPRAAK_MONTHS = 60;
export const banenafspraakRuns = (seeds: number[]) => runAll(libraryScenario('banenafspraak-push'), seeds, BANENAFSPRAAK_MONTHS, true);

// --- strategy -----------------------------------------------------------------------------------------

/** A municipal strategy: every manager's stance on the three corners (1 push, 0 pull) and where attention goes. */
export interface Strategy {
  id: string;
  stance: [number, number, number];
  focus: 'balanced' | 'value' | 'capacity' | 'legitimacy';
}
/** relative attention over value, capacity and legitimacy (the focus gets half) */
const FOCUS: Record<Strategy['focus'], [number, number, number]> = {
  balanced: [1 / 3, 1 / 3, 1 / 3],
  value: [0.5, 0.25, 0.25],
  capacity: [0.25, 0.5, 0.25],
  legitimacy: [0.25, 0.25, 0.5],
};
export function strategyGrid(focuses: Strategy['focus'][]): Strategy[] {
  const out: Strategy[] = [];
  for (const focus of focuses) {
    for (let c = 0; c < 8; c++) {
      const stance: [number, number, number] = [(c >> 2) & 1, (c >> 1) & 1, c & 1];
      out.push({ id: `${stance.join('')}-${focus}`, stance, focus });
    }
  }
  return out;
}

/**
 * Every manager keeps the strategy's stance and attention (stanceStep = attnTemp = 0: searching no longer
 * moves them) but still evaluates, searches and launches initiatives (control auto).
 */
export function withStrategy(s: Scenario, st: Strategy): Scenario {
  const values: Record<string, unknown> = { 'params.stanceStep': 0, 'params.attnTemp': 0 };
  for (const id of ['W', 'D', 'H', 'P']) {
    ['value', 'capacity', 'legitimacy'].forEach((c, i) => {
      values[`managers.${id}.stance.${c}`] = st.stance[i];
      values[`managers.${id}.attention.${c}`] = FOCUS[st.focus][i];
    });
  }
  return variant(s, values);
}

export const STRATEGY_MONTHS = 48;
/** scenarios in which the best strategy is compared */
export const STRATEGY_SCENARIOS = ['baseline', 'budget-cuts', 'scandal', 'new-alderman'];
/** attention emphases of the grid (each with the eight stances) */
export const STRATEGY_FOCUS: Strategy['focus'][] = ['value', 'capacity', 'legitimacy'];
/** composite public value of every strategy in a scenario: rows = strategies, columns = seeds (mean of months 13-48) */
export function strategyRuns(scenarioId: string, grid: Strategy[], seeds: number[]): number[][] {
  const s = libraryScenario(scenarioId);
  return grid.map((st) => runAll(withStrategy(s, st), seeds, STRATEGY_MONTHS).map((r) => meanComposite(r)));
}

export function meanComposite(r: RawRun, from = 12, to = STRATEGY_MONTHS): number {
  const c = r.monthly.num('composite');
  let sum = 0;
  for (let i = from; i < to; i++) sum += c[i];
  return sum / (to - from);
}
