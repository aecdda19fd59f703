// The scenario library (scenarios/*.json): every file is a valid scenario named after its id, runs
// without NaN, and the named scenarios mean what they say. The teaching-point checks compare each
// scenario with the baseline under the same seeds (common random numbers) and average over seeds;
// they come from the "Teaching / validation point" column of the reference's scenario library (§7).
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Simulation } from '../src/engine/simulation';
import type { Summary } from '../src/engine/summary';
import type { MonthSnapshot } from '../src/model/types';
import { parseScenario } from '../src/scenario/parse';
import type { Scenario } from '../src/scenario/schema';

const DIR = fileURLToPath(new URL('../scenarios/', import.meta.url));
const FILES = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();

const NAMED = [
  'baseline',
  'budget-cuts',
  'tight-labour-market',
  'recession',
  'new-alderman',
  'scandal',
  'banenafspraak-push',
  'payment-by-results',
  'trust-experiment',
  'sociaal-ontwikkelbedrijf',
  'luck-lab',
];

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(join(DIR, file), 'utf8'));
}

const scenarios = new Map<string, Scenario>();
function scenario(id: string): Scenario {
  let s = scenarios.get(id);
  if (!s) {
    s = parseScenario(readJson(`${id}.json`), `${id}.json`);
    scenarios.set(id, s);
  }
  return s;
}

/** Paths of every number in a value that is NaN or infinite. */
function nonFinite(value: unknown, path = '$', out: string[] = []): string[] {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) out.push(`${path} = ${value}`);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => nonFinite(v, `${path}[${i}]`, out));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) nonFinite(v, `${path}.${k}`, out);
  }
  return out;
}

// --- runs, cached: a scenario over seeds 1..n for a number of months -------------------------------

interface Run {
  snapshots: MonthSnapshot[];
  summary: Summary;
}
const runCache = new Map<string, Run[]>();

function runs(id: string, months: number, n: number): Run[] {
  const key = `${id}:${months}`;
  const cached = runCache.get(key);
  if (cached && cached.length >= n) return cached.slice(0, n);
  const out: Run[] = [];
  for (let seed = 1; seed <= n; seed++) {
    const sim = new Simulation({ scenario: scenario(id), seed, months });
    sim.run();
    out.push({ snapshots: sim.snapshots, summary: sim.summary() });
  }
  runCache.set(key, out);
  return out;
}

const SEEDS = 16;
/** the baseline's snapshots over this horizon serve every snapshot check (a shorter run is a prefix) */
const HORIZON = 60;
const baseline = (n = SEEDS) => runs('baseline', HORIZON, n);

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs: number[]): number => {
  const m = mean(xs);
  return Math.sqrt(mean(xs.map((x) => (x - m) ** 2)));
};
/** mean of f over snapshots [from, to) (0-based: snapshots[i] is the state after month i + 1) */
const window = (r: Run, from: number, to: number, f: (s: MonthSnapshot) => number): number => mean(r.snapshots.slice(from, to).map(f));
/** seed-averaged f of a scenario and of the baseline */
const paired = (id: Run[], base: Run[], f: (r: Run) => number) => ({ scenario: mean(id.map(f)), baseline: mean(base.slice(0, id.length).map(f)), perSeed: id.map((r, i) => f(r) - f(base[i])) });
const round = (x: number, d = 4) => Math.round(x * 10 ** d) / 10 ** d;

/** share of tiers 3-4 among clients on benefit (every status but employed and exited) */
function hardShare(s: MonthSnapshot): number {
  let hard = 0;
  let all = 0;
  for (const st of ['benefit', 'trajectory', 'participation', 'subsidised'] as const) {
    const c = s.caseload[st];
    hard += c[2] + c[3];
    all += c[0] + c[1] + c[2] + c[3];
  }
  return all > 0 ? hard / all : 0;
}

// --- the files ------------------------------------------------------------------------------------

describe('scenario files', () => {
  it('include the baseline and the ten named scenarios', () => {
    expect(FILES.map((f) => basename(f, '.json'))).toEqual(expect.arrayContaining(NAMED));
  });

  it.each(FILES)('%s parses, points at the JSON Schema and has the id of its file name', (file) => {
    const json = readJson(file);
    const s = parseScenario(json, file);
    expect(s.id).toBe(basename(file, '.json'));
    expect(s.$schema).toBe('../docs/schema/scenario.schema.json');
  });

  it('have unique ids', () => {
    const ids = FILES.map((f) => parseScenario(readJson(f), f).id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(FILES)('%s runs 24 months without NaN in its summary', (file) => {
    const s = parseScenario(readJson(file), file);
    const sim = new Simulation({ scenario: s, seed: 1, months: 24 });
    sim.run();
    expect(sim.snapshots).toHaveLength(24);
    expect(nonFinite(sim.summary())).toEqual([]);
  });
});

// --- what each scenario must show -----------------------------------------------------------------

describe('teaching points (seed-averaged, against the baseline under the same seeds)', () => {
  it('budget-cuts: a smaller re-integration budget in year 3 and more creaming (kappa) than the baseline', () => {
    const cut = runs('budget-cuts', 36, SEEDS);
    const base = baseline();
    // the budget cycle at the end of month 24 sets year 3's budget (snapshots[23] onward)
    const reint = paired(cut, base, (r) => r.snapshots[30].budgets.reintegrationYear);
    const kappa = paired(cut, base, (r) => window(r, 24, 36, (s) => s.environment.kappa));
    for (const d of reint.perSeed) expect(d).toBeLessThan(0);
    expect(reint.scenario, `re-integration budget in year 3: ${JSON.stringify(reint)}`).toBeLessThan(0.75 * reint.baseline);
    expect(kappa.scenario, `mean kappa in year 3: ${JSON.stringify(kappa)}`).toBeGreaterThan(kappa.baseline);
  });

  it('tight-labour-market: the stock shrinks below the baseline', () => {
    const tight = runs('tight-labour-market', 36, SEEDS);
    const stock = paired(tight, baseline(), (r) => window(r, 24, 36, (s) => s.stock));
    expect(stock.scenario, JSON.stringify(stock)).toBeLessThan(stock.baseline);
  });

  it('tight-labour-market: the stock left after 36 months is harder (more tiers 3-4) than at the start', () => {
    const tight = runs('tight-labour-market', 36, SEEDS);
    const start = mean(tight.map((r) => hardShare(r.snapshots[0])));
    const after = mean(tight.map((r) => hardShare(r.snapshots[35])));
    const base = mean(baseline().map((r) => hardShare(r.snapshots[35])));
    expect(after, `share of tiers 3-4: month 1 ${round(start)}, month 36 ${round(after)} (baseline month 36 ${round(base)})`).toBeGreaterThan(start);
  });

  it('tight-labour-market: the stock left after 36 months is harder than the baseline\'s', () => {
    const tight = runs('tight-labour-market', 36, SEEDS);
    const share = paired(tight, baseline(), (r) => hardShare(r.snapshots[35]));
    expect(share.scenario, JSON.stringify(share)).toBeGreaterThan(share.baseline);
  });

  it('recession: the stock rises above the baseline 12-36 months after the shock (month 18)', () => {
    const rec = runs('recession', 54, SEEDS);
    const stock = paired(rec, baseline(), (r) => window(r, 30, 54, (s) => s.stock));
    expect(stock.scenario, JSON.stringify(stock)).toBeGreaterThan(1.1 * stock.baseline);
    for (const d of stock.perSeed) expect(d).toBeGreaterThan(0);
  });

  it('new-alderman: the election in month 46 brings an alderman of the other camp and a conflict shock', () => {
    const na = runs('new-alderman', 48, SEEDS);
    for (const r of na) {
      const at46 = r.snapshots[46].events;
      expect(at46.some((e) => e.type === 'election' && e.scheduled && e.month === 46)).toBe(true);
      expect(at46.some((e) => e.type === 'newAlderman' && e.month === 46)).toBe(true);
    }
    // in most seeds the inclusive alderman is still in office and gives way to a work-first one
    const workFirst = na.filter((r) => r.snapshots[46].events.some((e) => e.type === 'newAlderman' && e.text.includes('(workFirst)'))).length;
    expect(workFirst).toBeGreaterThanOrEqual(Math.ceil(SEEDS / 2));
    const jump = paired(na, baseline(), (r) => r.snapshots[46].meta.conflict - r.snapshots[45].meta.conflict);
    expect(jump.scenario, JSON.stringify(jump)).toBeGreaterThan(jump.baseline);
    expect(jump.scenario).toBeGreaterThan(0.1);
  });

  it('scandal: public support after month 20 stays below the baseline', () => {
    const sc = runs('scandal', 36, SEEDS);
    const support = paired(sc, baseline(), (r) => window(r, 21, 36, (s) => s.audiences.public.support));
    expect(support.scenario, JSON.stringify(support)).toBeLessThan(support.baseline - 0.05);
    // in a few seeds the baseline meets bad luck of its own (a drawn scandal, a fallen alderman)
    expect(support.perSeed.filter((d) => d < 0).length, JSON.stringify(support.perSeed)).toBeGreaterThanOrEqual(Math.ceil(0.75 * SEEDS));
  });

  it('banenafspraak-push: more banenafspraak jobs than the baseline', () => {
    const push = runs('banenafspraak-push', 36, SEEDS);
    const base = runs('baseline', 36, SEEDS);
    const jobs = paired(push, base, (r) => r.summary.publicValueAccount.achievements.missionAchievement.banenafspraakJobs);
    expect(jobs.scenario, JSON.stringify(jobs)).toBeGreaterThan(jobs.baseline);
  });

  it('payment-by-results: more creaming and a lower fairness score than the baseline (10 seeds)', () => {
    const pbr = runs('payment-by-results', 36, 10);
    const base = runs('baseline', 36, 10);
    const kappa = paired(pbr, base, (r) => window(r, 0, 36, (s) => s.environment.kappa));
    const fair = paired(pbr, base, (r) => r.summary.publicValueAccount.achievements.justiceAndFairness.score);
    expect(kappa.scenario, JSON.stringify(kappa)).toBeGreaterThan(kappa.baseline + 0.1);
    expect(fair.scenario, JSON.stringify(fair)).toBeLessThan(fair.baseline);
  });

  it('trust-experiment: fewer sanctions than the baseline', () => {
    const trust = runs('trust-experiment', 36, SEEDS);
    const base = runs('baseline', 36, SEEDS);
    const sanctions = paired(trust, base, (r) => r.summary.publicValueAccount.costs.socialCostsOfAuthority.sanctions);
    expect(sanctions.scenario, JSON.stringify(sanctions)).toBeLessThan(0.6 * sanctions.baseline);
    for (const d of sanctions.perSeed) expect(d).toBeLessThan(0);
  });

  it('sociaal-ontwikkelbedrijf: a J-curve, below the baseline in the merger year and above it later', () => {
    const sob = runs('sociaal-ontwikkelbedrijf', HORIZON, SEEDS);
    const base = baseline();
    const dip = paired(sob, base, (r) => window(r, 12, 24, (s) => s.composite));
    const gain = paired(sob, base, (r) => window(r, 36, 60, (s) => s.composite));
    expect(dip.scenario, `months 13-24: ${JSON.stringify(dip)}`).toBeLessThan(dip.baseline);
    expect(gain.scenario, `months 37-60: ${JSON.stringify(gain)}`).toBeGreaterThan(gain.baseline);
  });

  it('luck-lab: more luck events and a wider spread of outcomes across seeds than the baseline', () => {
    const lab = runs('luck-lab', HORIZON, SEEDS);
    const base = baseline();
    const events = paired(lab, base, (r) => r.snapshots.flatMap((s) => s.events).filter((e) => e.kind === 'luck').length);
    expect(events.scenario, JSON.stringify(events)).toBeGreaterThan(1.5 * events.baseline);
    // absolute outcomes: the composite is judged against the benchmark twin, which meets the same luck
    const spread = (f: (r: Run) => number) => ({ scenario: sd(lab.map(f)), baseline: sd(base.map(f)) });
    const stock = spread((r) => r.snapshots[HORIZON - 1].stock);
    const starts = spread((r) => r.snapshots.reduce((a, s) => a + s.flows.toWork, 0));
    expect(stock.scenario, `spread of the stock in month ${HORIZON}: ${JSON.stringify(stock)}`).toBeGreaterThan(stock.baseline);
    expect(starts.scenario, `spread of job starts: ${JSON.stringify(starts)}`).toBeGreaterThan(starts.baseline);
  });
});
