// How each stylised fact is measured, from the raw outputs only (tests/facts/raw.ts): monthly.csv rows and
// the clients.csv trace, parsed back from the text the CLI writes. docs/model.md section 1 states the same
// operationalisations in words. Months here are 0-based row indices: row i is the state at the end of
// month i + 1 (the `month` column).
import { RS, ST, type Monthly, type RawRun, type Trace } from './raw';
import { bimodality, mean, ranks, rng, sd, spearman, sum, windowMean } from './stats';

const TIERS = [1, 2, 3, 4] as const;
const ON_BIJSTAND = ['benefit', 'trajectory', 'participation'] as const;

/** clients on bijstand in a tier, by month */
export function bijstandTier(m: Monthly, tier: number): Float64Array {
  const out = new Float64Array(m.rows);
  for (const st of ON_BIJSTAND) {
    const c = m.num(`caseload.${st}.tier${tier}`);
    for (let i = 0; i < m.rows; i++) out[i] += c[i];
  }
  return out;
}

/** share of tiers 3-4 among clients on bijstand, by month */
export function hardShare(m: Monthly): Float64Array {
  const t = TIERS.map((k) => bijstandTier(m, k));
  return Float64Array.from({ length: m.rows }, (_, i) => (t[2][i] + t[3][i]) / (t[0][i] + t[1][i] + t[2][i] + t[3][i]));
}

/** yearly rate of a monthly flow per mean stock, over rows [from, to) */
export function yearlyRate(m: Monthly, flow: string, from: number, to: number): number {
  return (sum(m.num(flow), from, to) * (12 / (to - from))) / windowMean(m.num('stock'), from, to);
}

export function outflowRate(m: Monthly, from: number, to: number): number {
  return yearlyRate(m, 'flows.toWork', from, to) + yearlyRate(m, 'flows.otherExits', from, to);
}

const seedMean = (runs: RawRun[], f: (r: RawRun) => number): number => mean(runs.map(f));

// --- SF1 duration dependence (clients.csv) ------------------------------------------------------------

/**
 * Spells on bijstand that start during the run (inflow, re-entry, end of a subsidy), followed month by month
 * until they end (a job, a subsidised job, another exit, the pension) or the run ends. Exits per person-month
 * at risk in three duration bands (< 12, 12-36, > 36 months), as yearly rates 1 - (1 - e/r)^12.
 */
export function durationDependence(runs: RawRun[]): { under12: number; from12to36: number; over36: number; ratio: number } {
  const exits = [0, 0, 0];
  const risk = [0, 0, 0];
  const band = (d: number) => (d < 12 ? 0 : d <= 36 ? 1 : 2);
  for (const r of runs) {
    const t = r.trace as Trace;
    const start = new Map<number, number>();
    const addRisk = (from: number, to: number) => {
      // months from..to-1 at durations 0.. (to - from - 1)
      for (let d = 0; d < to - from; d++) risk[band(d)]++;
    };
    for (let i = 0; i < t.n; i++) {
      const c = t.client[i];
      const reason = t.reason[i];
      if (t.to[i] === ST.benefit && (reason === RS.inflow || reason === RS.reentry || reason === RS.subsidyEnded)) {
        start.set(c, t.month[i]);
      } else if (reason === RS.job || reason === RS.subsidisedJob || reason === RS.otherExit || reason === RS.pension) {
        if (t.from[i] > ST.participation) continue;
        const s = start.get(c);
        if (s === undefined) continue; // a spell that began before the run
        const d = t.month[i] - s;
        addRisk(s, t.month[i] + 1);
        exits[band(d)]++;
        start.delete(c);
      }
    }
    for (const s of start.values()) addRisk(s, r.months);
  }
  const yearly = (b: number) => 1 - (1 - exits[b] / risk[b]) ** 12;
  return { under12: yearly(0), from12to36: yearly(1), over36: yearly(2), ratio: yearly(0) / yearly(2) };
}

// --- SF4 churn (clients.csv) ------------------------------------------------------------------------------

/**
 * Every start of a job or a subsidised job in months [0, months - horizon]: the share back on bijstand (a
 * re-entry or the end of a subsidy) within 12 and within `horizon` months of the start.
 */
export function churn(runs: RawRun[], horizon = 60): { starts: number; back12: number; backHorizon: number; back12Trajectory: number } {
  let starts = 0;
  let back12 = 0;
  let backH = 0;
  let startsTraj = 0;
  let back12Traj = 0;
  for (const r of runs) {
    const t = r.trace as Trace;
    const open = new Map<number, { month: number; fromTraj: boolean }>();
    const last = r.months - horizon;
    for (let i = 0; i < t.n; i++) {
      const c = t.client[i];
      const reason = t.reason[i];
      if (reason === RS.job || reason === RS.subsidisedJob) {
        if (t.month[i] < last) {
          open.set(c, { month: t.month[i], fromTraj: t.from[i] === ST.trajectory });
          starts++;
          if (t.from[i] === ST.trajectory) startsTraj++;
        }
      } else if (reason === RS.reentry || reason === RS.subsidyEnded) {
        const o = open.get(c);
        if (!o) continue;
        const after = t.month[i] - o.month;
        if (after <= 12) {
          back12++;
          if (o.fromTraj) back12Traj++;
        }
        if (after <= horizon) backH++;
        open.delete(c);
      }
    }
  }
  return { starts, back12: back12 / starts, backHorizon: backH / starts, back12Trajectory: startsTraj > 0 ? back12Traj / startsTraj : NaN };
}

// --- the baseline over 240 months: stationarity, outflow, politics, budgets -----------------------------

export function stationarity(runs: RawRun[], n0: number) {
  const stock = (from: number, to: number) => seedMean(runs, (r) => windowMean(r.monthly.num('stock'), from, to)) / n0;
  const years = Math.floor(runs[0].months / 12);
  const byYear = (f: (m: Monthly, from: number, to: number) => number) => Array.from({ length: years }, (_, y) => seedMean(runs, (r) => f(r.monthly, 12 * y, 12 * y + 12)));
  const outflow = byYear(outflowRate);
  const toWork = byYear((m, a, b) => yearlyRate(m, 'flows.toWork', a, b));
  const inflow = byYear((m, a, b) => yearlyRate(m, 'flows.inflow', a, b) + yearlyRate(m, 'flows.reentries', a, b));
  // a full business cycle (96 months) at the start and at the end
  const cycle = (xs: number[], first: boolean) => mean(first ? xs.slice(0, 8) : xs.slice(years - 8));
  return {
    stock85to96: stock(84, 96),
    stock229to240: years >= 20 ? stock(228, 240) : NaN,
    outflowByYear: outflow,
    toWorkByYear: toWork,
    inflowByYear: inflow,
    outflowFirstCycle: cycle(outflow, true),
    outflowLastCycle: cycle(outflow, false),
    toWorkFirstCycle: cycle(toWork, true),
    toWorkLastCycle: cycle(toWork, false),
    workShareOfOutflow: mean(toWork) / mean(outflow),
  };
}

/** Share of 48-month council terms (months 0-47, 48-95, ...) in which the alderman falls politically. */
export function politicalFalls(runs: RawRun[]): number {
  let terms = 0;
  let withFall = 0;
  for (const r of runs) {
    const events = r.monthly.text('events');
    for (let from = 0; from + 48 <= r.months; from += 48) {
      terms++;
      if (events.slice(from, from + 48).some((e) => e.split(';').includes('aldermanFall'))) withFall++;
    }
  }
  return withFall / terms;
}

/** Re-integration budget, share in a service, wage-cost subsidy against benefit spending (monthly.csv). */
export function practice(runs: RawRun[]) {
  const last = runs[0].months - 1;
  const reint = runs.map((r) => r.monthly.num('budgets.reintegrationYear')[last] / r.monthly.num('budgets.reintegrationYear')[0]);
  const sorted = [...reint].sort((a, b) => a - b);
  const inService = seedMean(runs, (r) => {
    const m = r.monthly;
    let s = 0;
    for (let i = 0; i < m.rows; i++) {
      let active = 0;
      for (const k of TIERS) active += m.num(`caseload.trajectory.tier${k}`)[i] + m.num(`caseload.participation.tier${k}`)[i];
      s += active / m.num('stock')[i];
    }
    return s / m.rows;
  });
  // spending so far this year, at each year's eleventh month (the budget cycle resets it in the twelfth)
  const lksShare = seedMean(runs, (r) => {
    const m = r.monthly;
    let lks = 0;
    let buig = 0;
    for (let i = 10; i < m.rows; i += 12) {
      lks += m.num('budgets.lksSpendYtd')[i];
      buig += m.num('budgets.buigSpendYtd')[i];
    }
    return lks / buig;
  });
  return {
    reintegrationEndOverStart: mean(reint),
    reintegrationP05: sorted[Math.floor(0.05 * (sorted.length - 1))],
    reintegrationP95: sorted[Math.ceil(0.95 * (sorted.length - 1))],
    shareInService: inService,
    lksShareOfBuig: lksShare,
  };
}

// --- SF8 luck: rankings across seeds are unstable -------------------------------------------------------

/**
 * Year-to-year Spearman correlation across seeds of the composite in each year's last month (the yearly
 * report: its scores rest on that year's 12-month flows, so consecutive years do not share months), and the
 * percentile a year later of the seeds in the top decile.
 */
export function rankStability(runs: RawRun[]): { spearman: number; topDecileNextYearPercentile: number } {
  const years = Math.floor(runs[0].months / 12);
  const yearly = runs.map((r) => Array.from({ length: years }, (_, y) => r.monthly.num('composite')[12 * y + 11]));
  const rhos: number[] = [];
  const tops: number[] = [];
  for (let y = 1; y + 1 < years; y++) {
    const a = yearly.map((v) => v[y]);
    const b = yearly.map((v) => v[y + 1]);
    rhos.push(spearman(a, b));
    const ra = ranks(a);
    const rb = ranks(b);
    const n = a.length;
    const top = ra.map((x, i) => [x, i] as const).filter(([x]) => x > 0.9 * n).map(([, i]) => i);
    tops.push(mean(top.map((i) => (rb[i] - 0.5) / n)));
  }
  return { spearman: mean(rhos), topDecileNextYearPercentile: mean(tops) };
}

// --- labels ------------------------------------------------------------------------------------------

export const LABEL_ORDER = ['failure', 'precarious', 'conflicted', 'resilient', 'success'];

/** How the baseline's dimensions and verdicts spread over the labels (summary.json of each seed). */
export function labelSpread(runs: RawRun[]) {
  const out: Record<string, Record<string, number>> = {};
  const add = (key: string, label: string) => {
    out[key] ??= Object.fromEntries(LABEL_ORDER.map((l) => [l, 0]));
    out[key][label] += 1 / runs.length;
  };
  for (const r of runs) {
    for (const [k, v] of Object.entries(r.summary.dimensions)) add(`dimension.${k}`, v.label);
    for (const [k, v] of Object.entries(r.summary.verdicts.managers)) add(`manager.${k}`, v.label);
    for (const [k, v] of Object.entries(r.summary.verdicts.audiences)) add(`audience.${k}`, v.label);
  }
  return out;
}

/** monthly.csv columns that never change within any run (identity columns aside). */
export function constantColumns(runs: RawRun[]): string[] {
  const cols = runs[0].monthly.columns.filter((c) => !['modelVersion', 'scenarioHash', 'seed'].includes(c));
  return cols.filter((c) =>
    runs.every((r) => {
      const v = r.monthly.text(c);
      return v.every((x) => x === v[0]);
    }),
  );
}

// --- SF2 composition drift in a tight market ------------------------------------------------------------

export function compositionDrift(runs: RawRun[]) {
  return {
    stockMonth1: seedMean(runs, (r) => r.monthly.num('stock')[0]),
    stockMonths25to36: seedMean(runs, (r) => windowMean(r.monthly.num('stock'), 24, 36)),
    outflowYear1: seedMean(runs, (r) => outflowRate(r.monthly, 0, 12)),
    outflowYear3: seedMean(runs, (r) => outflowRate(r.monthly, 24, 36)),
    hardShareMonth1: seedMean(runs, (r) => hardShare(r.monthly)[0]),
    hardShareMonths25to36: seedMean(runs, (r) => windowMean(hardShare(r.monthly), 24, 36)),
  };
}

// --- SF3 lagged, counter-cyclical caseload ---------------------------------------------------------------

/** The recession's excess stock over the baseline (seed means, same seeds): trough of the labour market, peak of the excess, rise and recovery. */
export function recessionLag(rec: RawRun[], base: RawRun[]) {
  const months = Math.min(rec[0].months, base[0].months);
  const excess = Array.from({ length: months }, (_, i) => mean(rec.map((r, k) => r.monthly.num('stock')[i] - base[k].monthly.num('stock')[i])));
  const lmGap = Array.from({ length: months }, (_, i) => mean(rec.map((r, k) => r.monthly.num('environment.labourMarket')[i] - base[k].monthly.num('environment.labourMarket')[i])));
  let trough = 0;
  for (let i = 0; i < months; i++) if (lmGap[i] < lmGap[trough]) trough = i;
  let peak = 0;
  for (let i = 0; i < months; i++) if (excess[i] > excess[peak]) peak = i;
  const half = excess[peak] / 2;
  let up = peak;
  while (up > 0 && excess[up - 1] >= half) up--;
  let down = peak;
  while (down < months - 1 && excess[down + 1] >= half) down++;
  // when the excess has not halved by the end of the run, the months left are a lower bound
  return { troughMonth: trough + 1, peakMonth: peak + 1, lag: peak - trough, peakExcess: excess[peak], peakExcessShare: excess[peak] / mean(base.map((r) => r.monthly.num('stock')[peak])), riseMonths: peak - up, halfRecoveryMonths: down - peak, recovered: down < months - 1 };
}

// --- SF5 creaming, SF6 budget, SF11 structure ---------------------------------------------------------

/** placements from a trajectory (gross), all job starts, the 12-month return of placements, and hard clients' access to services */
export function placements(r: RawRun, months = r.months) {
  const t = r.trace as Trace;
  let gross = 0;
  let all = 0;
  for (let i = 0; i < t.n; i++) {
    if (t.month[i] >= months) break;
    if (t.reason[i] === RS.job || t.reason[i] === RS.subsidisedJob) {
      all++;
      if (t.from[i] === ST.trajectory) gross++;
    }
  }
  const m = r.monthly;
  let served = [0, 0];
  const stock = [0, 0];
  for (let i = 0; i < months; i++) {
    for (const k of TIERS) {
      const s = m.num(`caseload.trajectory.tier${k}`)[i] + m.num(`caseload.participation.tier${k}`)[i];
      const g = k <= 2 ? 0 : 1;
      served[g] += s;
      stock[g] += s + m.num(`caseload.benefit.tier${k}`)[i];
    }
  }
  served = served.map((s, g) => s / stock[g]);
  // access of tiers 3-4 to a service relative to the whole caseload's
  const access = served[1] / ((served[0] * stock[0] + served[1] * stock[1]) / (stock[0] + stock[1]));
  return { gross, all, access };
}

export function creaming(low: RawRun[], high: RawRun[], lowNoEffect: RawRun[], highNoEffect: RawRun[]) {
  const pl = (rs: RawRun[]) => rs.map((r) => placements(r));
  const [a, b, a0, b0] = [pl(low), pl(high), pl(lowNoEffect), pl(highNoEffect)];
  const gross = (p: ReturnType<typeof placements>[]) => mean(p.map((x) => x.gross));
  const net = (p: typeof a, p0: typeof a) => mean(p.map((x, i) => x.all - p0[i].all));
  const netLow = net(a, a0);
  const netHigh = net(b, b0);
  return {
    grossLow: gross(a),
    grossHigh: gross(b),
    accessLow: mean(a.map((x) => x.access)),
    accessHigh: mean(b.map((x) => x.access)),
    netLow,
    netHigh,
    deadweightLow: 1 - netLow / gross(a),
    deadweightHigh: 1 - netHigh / gross(b),
    back12Low: churn(low, 12).back12Trajectory,
    back12High: churn(high, 12).back12Trajectory,
  };
}

/** yearly outflow to work per mean stock over the run, in points (seed means of paired differences) */
export function toWorkPoints(a: RawRun[], b: RawRun[], months: number): number {
  return 100 * mean(a.map((r, i) => yearlyRate(b[i].monthly, 'flows.toWork', 0, months) - yearlyRate(r.monthly, 'flows.toWork', 0, months)));
}

export function meanStock(runs: RawRun[], from: number, to: number): number {
  return seedMean(runs, (r) => windowMean(r.monthly.num('stock'), from, to));
}

// --- SF7 negativity bias and the loop ---------------------------------------------------------------

/** power-weighted support of the four audiences (the political dimension), by month */
export function support(m: Monthly, power = { council: 0.4, public: 0.3, clients: 0.15, employers: 0.15 }): Float64Array {
  const out = new Float64Array(m.rows);
  let total = 0;
  for (const [a, p] of Object.entries(power)) {
    total += p;
    const s = m.num(`audiences.${a}.support`);
    for (let i = 0; i < m.rows; i++) out[i] += p * s[i];
  }
  for (let i = 0; i < m.rows; i++) out[i] /= total;
  return out;
}

/** Peak response of support to news shocks of +x and -x against no shock (same seeds), and their ratio. */
export function negativity(control: RawRun[], up: RawRun[], down: RawRun[], from: number, to: number) {
  let bestUp = 0;
  let bestDown = 0;
  for (let i = from; i < to; i++) {
    const u = mean(up.map((r, k) => support(r.monthly)[i] - support(control[k].monthly)[i]));
    const d = mean(down.map((r, k) => support(control[k].monthly)[i] - support(r.monthly)[i]));
    bestUp = Math.max(bestUp, u);
    bestDown = Math.max(bestDown, d);
  }
  return { up: bestUp, down: bestDown, ratio: bestDown / bestUp };
}

/**
 * The success loop over a run: the re-integration budget in the last year against the first month (a
 * virtuous spiral ends far above it, a vicious one far below), the composite's spread across seeds in the
 * last two years, and the loop-gain telemetry (loop.gain) after the first year.
 */
export function loopSplit(runs: RawRun[]) {
  const budget = runs.map((r) => {
    const b = r.monthly.num('budgets.reintegrationYear');
    return windowMean(b, r.months - 12, r.months) / b[0];
  });
  const composite = runs.map((r) => windowMean(r.monthly.num('composite'), r.months - 24, r.months));
  const gains = runs.map((r) => r.monthly.num('loop.gain').slice(12));
  return {
    virtuousShare: budget.filter((b) => b >= 1.5).length / runs.length,
    viciousShare: budget.filter((b) => b <= 0.5).length / runs.length,
    budgetBimodality: bimodality(budget),
    compositeSd: sd(composite),
    meanGain: mean(gains.map((g) => mean(g))),
    shareMonthsAboveOne: mean(gains.map((g) => g.filter((x) => x > 1).length / g.length)),
  };
}

// --- SF12 banenafspraak -------------------------------------------------------------------------------

/**
 * Extra jobs for the banenafspraak's target group (clients.csv): starts of a subsidised job, or of a regular
 * job from tier 4 (the doelgroepregister: people who cannot earn the minimum wage unaided), that last (no return to bijstand within 12 months), per year, against a pro-rata target
 * of 2.5% of the starting caseload a year (125,000 jobs by 2026 for 17.9 million inhabitants, about 55 a
 * year for Middenstad). Starts in the run's first months - 12 months are counted.
 */
export function banenafspraak(runs: RawRun[], n0: number): number {
  return seedMean(runs, (r) => {
    const t = r.trace as Trace;
    const last = r.months - 12;
    const open = new Map<number, number>();
    let lasting = 0;
    for (let i = 0; i < t.n; i++) {
      const c = t.client[i];
      const reason = t.reason[i];
      if ((reason === RS.subsidisedJob || (reason === RS.job && t.tier[i] === 4)) && t.month[i] < last) {
        open.set(c, t.month[i]);
        lasting++;
      } else if (reason === RS.reentry || reason === RS.subsidyEnded) {
        const m = open.get(c);
        if (m !== undefined && t.month[i] - m <= 12) lasting--;
        open.delete(c);
      } else if (reason === RS.job) open.delete(c);
    }
    return lasting / ((0.025 * n0 * last) / 12);
  });
}

// --- SF13 success is socially constructed ------------------------------------------------------------

const LABEL_STEPS = (scale: { label: string; min: number }[]) => [...scale].sort((a, b) => a.min - b.min);
export function labelIndex(score: number, scale: { label: string; min: number }[]): number {
  const steps = LABEL_STEPS(scale);
  let idx = 0;
  for (let i = 0; i < steps.length; i++) if (score >= steps[i].min) idx = i;
  return idx;
}

/** an audience's verdict on a run from the scores in monthly.csv (the mean of the last 12 months), weighted by a value profile */
export function verdictFromRows(m: Monthly, weights: readonly number[], ids: readonly string[]): number {
  let v = 0;
  ids.forEach((id, k) => (v += weights[k] * windowMean(m.num(`z.${id}`), m.rows - 12, m.rows)));
  return v;
}

/** Share of runs in which two value profiles judge the same run a label step (or more) apart. */
export function judgedApart(runs: RawRun[], a: readonly number[], b: readonly number[], ids: readonly string[]): { share: number; meanGap: number } {
  let apart = 0;
  let gap = 0;
  for (const r of runs) {
    const va = verdictFromRows(r.monthly, a, ids);
    const vb = verdictFromRows(r.monthly, b, ids);
    gap += Math.abs(va - vb) / runs.length;
    if (labelIndex(va, r.summary.labelScale) !== labelIndex(vb, r.summary.labelScale)) apart++;
  }
  return { share: apart / runs.length, meanGap: gap };
}

const lastYear = (m: Monthly, name: string) => windowMean(m.num(name), m.rows - 12, m.rows);

/**
 * A frame or a news shock against no frame, same seeds: the share of seeds in which the audience's support
 * (mean of the last 12 months) gets a higher label, minus the share in which it gets a lower one, and the
 * mean difference of support.
 */
export function supportShift(a: RawRun[], b: RawRun[], audience = 'council'): { netShare: number; meanGap: number } {
  let net = 0;
  let gap = 0;
  a.forEach((r, i) => {
    const sa = lastYear(r.monthly, `audiences.${audience}.support`);
    const sb = lastYear(b[i].monthly, `audiences.${audience}.support`);
    gap += (sa - sb) / a.length;
    net += Math.sign(labelIndex(sa, r.summary.labelScale) - labelIndex(sb, r.summary.labelScale)) / a.length;
  });
  return { netShare: net, meanGap: gap };
}

/**
 * The same municipality under two councils that name different values (profiles wa and wb), same seeds:
 * does the council's support follow how its own values judge the run? Per seed, the difference of the two
 * councils' verdicts on the run (its scores in monthly.csv, both runs averaged) against the difference of
 * their support: the Spearman correlation across seeds, and the share of seeds in which support gets a
 * different label in the direction of the verdicts.
 */
export function supportFollowsValues(a: RawRun[], b: RawRun[], wa: readonly number[], wb: readonly number[], ids: readonly string[]): { spearman: number; shareApart: number } {
  const dv: number[] = [];
  const ds: number[] = [];
  let apart = 0;
  a.forEach((r, i) => {
    const v = (m: Monthly) => verdictFromRows(m, wa, ids) - verdictFromRows(m, wb, ids);
    const d = (v(r.monthly) + v(b[i].monthly)) / 2;
    const sa = lastYear(r.monthly, 'audiences.council.support');
    const sb = lastYear(b[i].monthly, 'audiences.council.support');
    dv.push(d);
    ds.push(sa - sb);
    const step = labelIndex(sa, r.summary.labelScale) - labelIndex(sb, r.summary.labelScale);
    if (step !== 0 && Math.sign(step) === Math.sign(d)) apart++;
  });
  return { spearman: spearman(dv, ds), shareApart: apart / a.length };
}

/** Spearman correlation across seeds between council support and the council's own verdict on performance (last 12 months). */
export function supportFollowsPerformance(runs: RawRun[], councilWeights: readonly number[], ids: readonly string[]): number {
  const perf = runs.map((r) => verdictFromRows(r.monthly, councilWeights, ids));
  const sup = runs.map((r) => windowMean(r.monthly.num('audiences.council.support'), r.monthly.rows - 12, r.monthly.rows));
  return spearman(perf, sup);
}

// --- strategy: variance shares, context and equifinality ----------------------------------------------

/** Share of the variance of the composite across (strategy, seed) runs explained by the strategy (one-way ANOVA, eta squared). */
/**
 * Share of the composite's variance that strategy explains, as omega squared: (SS_between - (g - 1) MS_within)
 * / (SS_total + MS_within), for g strategies (rows) over the same seeds (columns). Unlike the raw
 * SS_between / SS_total (eta squared), it does not count the luck left in each strategy's mean over a few
 * seeds as strategy (with 24 strategies and 6 seeds eta squared overstates the share by about 0.08).
 */
export function strategyShare(grid: number[][]): number {
  const all = grid.flat();
  const m = mean(all);
  let total = 0;
  let between = 0;
  for (const row of grid) {
    const rm = mean(row);
    between += row.length * (rm - m) ** 2;
    for (const x of row) total += (x - m) ** 2;
  }
  const g = grid.length;
  const msWithin = (total - between) / (all.length - g);
  return (between - (g - 1) * msWithin) / (total + msWithin);
}

/** Strategies (indices) ranked by their mean composite over seeds, best first. */
export function ranking(grid: number[][]): number[] {
  return grid.map((row, i) => [mean(row), i] as const).sort((a, b) => b[0] - a[0]).map(([, i]) => i);
}

/**
 * Equifinality that is not noise: the top fifth of strategies (by mean composite over seeds) against a
 * permutation null in which strategy labels are shuffled within each seed (luck kept, strategy taken away).
 * Returns the top fifth and the share of permutations whose top fifth does as well (a p value).
 */
export function topFifthTest(grid: number[][], permutations = 500, seed = 1) {
  const k = Math.max(1, Math.round(grid.length / 5));
  const topMean = (g: number[][]) => mean(g.map((row) => mean(row)).sort((a, b) => b - a).slice(0, k));
  const observed = topMean(grid);
  const next = rng(seed);
  let asGood = 0;
  const nSeeds = grid[0].length;
  for (let p = 0; p < permutations; p++) {
    const perm = grid.map((row) => [...row]);
    for (let s = 0; s < nSeeds; s++) {
      const col = grid.map((row) => row[s]);
      for (let i = col.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [col[i], col[j]] = [col[j], col[i]];
      }
      col.forEach((v, i) => (perm[i][s] = v));
    }
    if (topMean(perm) >= observed) asGood++;
  }
  return { top: ranking(grid).slice(0, k), observed, p: (asGood + 1) / (permutations + 1) };
}

