// The training session's model API: what the server's worker_threads (workers/session.node-worker.ts)
// and the one-screen mode's Web Worker (workers/session.worker.ts) expose over comlink. A team's state is
// always the replay of its scenario, seed and controls (one list per round); a cached run is reused only
// when the controls it has applied are exactly the start of the requested ones, so a cache can never
// give another answer than a fresh replay.
import { Simulation } from '../engine/simulation';
import { ClientSample, SERIES_COLUMNS, seriesRow, toReport, type RunReport } from '../engine/sandbox-api';
import { label } from '../engine/summary';
import type { RunIdentity } from '../engine/monthly-csv';
import { AUDIENCE_IDS, MANAGER_IDS, type AudienceId, type CornerTriple, type EventLogEntry, type ManagerId, type MonthSnapshot, type Verdict } from '../model/types';
import { attentionShares } from '../model/world';
import type { Scenario } from '../scenario/schema';
import { BUILTIN_SCENARIOS, builtinScenario } from '../scenario/builtin';
import { formatIssues, scenarioHash } from '../scenario/parse';
import type { RoundControls } from './rules';
import { SessionSetupSchema, sessionScenario, type SessionSetup } from './setup';

export interface TeamRunRequest {
  /** cache key (session and team); null: never cached (a "what if") */
  key: string | null;
  scenario: Scenario;
  seed: number;
  /** the whole session: rounds x months per round */
  months: number;
  monthsPerRound: number;
  /** the controls of rounds 1 to r: the run is played to the end of round r (r = 0: the start) */
  rounds: RoundControls[];
  /** dots for the projector's stage (0: none) */
  sampleSize: number;
}

/** What one role would know: their own triangle, stance and attention, and the audiences they answer to. */
export interface RoleView {
  role: ManagerId;
  corners: CornerTriple;
  stance: CornerTriple;
  /** shares summing to 1 */
  attention: CornerTriple;
  credibility: number;
  verdict: Verdict;
  audiences: { id: AudienceId; share: number; support: number }[];
  /** did the model decide for this manager (auto) or a player (fixed) */
  control: 'auto' | 'fixed';
}

/** The municipal headline figures everybody may see. */
export interface Headline {
  month: number;
  /** null before the first month */
  stock: number | null;
  toWorkThisRound: number;
  reintegrationYear: number;
  /** null before the first month */
  composite: number | null;
}

export interface TeamResult {
  round: number;
  month: number;
  identity: RunIdentity;
  /** summary.json of the run so far (null at the start): the bytes `meerwaarde run` writes for the same input */
  summaryJson: string | null;
  report: RunReport | null;
  snapshot: MonthSnapshot | null;
  /** SERIES_COLUMNS per month played, flattened */
  series: number[];
  /** events of the last round played */
  roundEvents: EventLogEntry[];
  /** every luck, political and initiative event so far (for the month-by-month replay) */
  events: EventLogEntry[];
  roles: Record<ManagerId, RoleView>;
  headline: Headline;
  luck: { good: number; bad: number };
  /** the projector's dots (STATUS_CODE per dot) */
  sample: number[];
}

/** A team's run month by month: each month's snapshot and the dots drawn that month. */
export interface TeamReplay {
  snapshots: MonthSnapshot[];
  /** STATUS_CODE per dot, one list per month */
  samples: number[][];
}

/** a set-up checked in full, with its scenario and the scenario's hash, or what is wrong and where */
export type ResolvedSetup = { ok: true; setup: SessionSetup; scenario: Scenario; scenarioHash: string } | { ok: false; message: string };

export interface SessionModelApi {
  teamRun(req: TeamRunRequest): TeamResult;
  /** the built-in scenarios (id and title), for a set-up form */
  catalogue(): { id: string; title: { nl: string; en: string } }[];
  /** check a set-up in full (an uploaded scenario by the scenario schema); the one-screen mode asks this */
  resolveSetup(json: unknown): ResolvedSetup;
  /** the effective scenario (with every control as an event): `meerwaarde run` on it replays the team */
  effectiveScenario(req: TeamRunRequest): Scenario;
  /** monthly.csv of the run so far */
  monthlyCsv(req: TeamRunRequest): string;
  /** every month of the run so far, for the debrief's stage (a fresh replay, never the cache) */
  teamReplay(req: TeamRunRequest): TeamReplay;
  forget(keyPrefix: string): void;
}

interface CachedRun {
  sim: Simulation;
  applied: string[];
  sample: ClientSample;
  setupHash: string;
}

const CACHE_LIMIT = 48;

function roleView(sim: Simulation, id: ManagerId): RoleView {
  const w = sim.world;
  const m = w.managers[id];
  const audiences = AUDIENCE_IDS.filter((a) => (m.audienceMix[a] ?? 0) > 0).map((a) => ({ id: a, share: m.audienceMix[a] ?? 0, support: w.audiences[a].support }));
  const verdictScore = sim.snapshots.length > 0 ? m.verdict : 0.5;
  return {
    role: id,
    corners: { value: m.V, capacity: m.C, legitimacy: m.L },
    stance: { ...m.stance },
    attention: attentionShares(m),
    credibility: m.credibility,
    verdict: { score: verdictScore, label: label(verdictScore) },
    audiences,
    control: m.control,
  };
}

export function createSessionModelApi(): SessionModelApi {
  const cache = new Map<string, CachedRun>();

  const setupHashOf = (req: TeamRunRequest) => `${req.seed}|${req.months}|${req.monthsPerRound}|${JSON.stringify(req.scenario)}`;

  /** a run at the end of req.rounds, from the cache when it holds the start of exactly these controls */
  const runFor = (req: TeamRunRequest, useCache: boolean): CachedRun => {
    const wanted = req.rounds.map((r) => JSON.stringify(r));
    const setupHash = setupHashOf(req);
    let run = useCache && req.key !== null ? cache.get(req.key) : undefined;
    const usable = run && run.setupHash === setupHash && run.applied.length <= wanted.length && run.applied.every((c, i) => c === wanted[i]);
    if (!run || !usable) {
      run = { sim: new Simulation({ scenario: req.scenario, seed: req.seed, months: req.months }), applied: [], sample: new ClientSample(req.sampleSize), setupHash };
    }
    for (let r = run.applied.length; r < req.rounds.length; r++) {
      for (const event of req.rounds[r]) run.sim.schedule(event);
      for (let i = 0; i < req.monthsPerRound && !run.sim.done; i++) run.sim.step();
      run.applied.push(wanted[r]);
    }
    if (useCache && req.key !== null) {
      cache.delete(req.key);
      cache.set(req.key, run);
      while (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
    }
    return run;
  };

  return {
    teamRun(req) {
      const run = runFor(req, true);
      const sim = run.sim;
      const snaps = sim.snapshots;
      const last = snaps[snaps.length - 1] ?? null;
      const summary = last ? sim.summary() : null;
      const series: number[] = [];
      for (const s of snaps) series.push(...seriesRow(s));
      const from = Math.max(0, snaps.length - req.monthsPerRound);
      const roundSnaps = req.rounds.length > 0 ? snaps.slice(from) : [];
      const roundEvents = roundSnaps.flatMap((s) => s.events);
      const luck = { good: 0, bad: 0 };
      for (const e of sim.world.eventLog) {
        if (e.kind !== 'luck') continue;
        if (e.sign > 0) luck.good++;
        else if (e.sign < 0) luck.bad++;
      }
      const roles = {} as Record<ManagerId, RoleView>;
      for (const id of MANAGER_IDS) roles[id] = roleView(sim, id);
      return {
        round: req.rounds.length,
        month: sim.month,
        identity: sim.identity(),
        summaryJson: last ? sim.summaryJson() : null,
        report: summary && last ? toReport(summary, last) : null,
        snapshot: last,
        series,
        roundEvents,
        events: sim.world.eventLog.filter((e) => e.kind === 'luck' || e.kind === 'politics' || e.kind === 'initiative'),
        roles,
        headline: {
          month: sim.month,
          stock: last?.stock ?? null,
          toWorkThisRound: roundSnaps.reduce((a, s) => a + s.flows.toWork, 0),
          reintegrationYear: last?.budgets.reintegrationYear ?? sim.world.reintYear,
          composite: last?.composite ?? null,
        },
        luck,
        sample: Array.from(run.sample.read(sim.world.pool)),
      };
    },
    catalogue: () => BUILTIN_SCENARIOS.map((sc) => ({ id: sc.id, title: sc.title })),
    resolveSetup(json) {
      const r = SessionSetupSchema.safeParse(json);
      if (!r.success) return { ok: false, message: formatIssues(r.error.issues as Parameters<typeof formatIssues>[0]).map((i) => `${i.path}: ${i.message}`).join('; ') };
      const scenario = sessionScenario(r.data, builtinScenario);
      if (typeof scenario === 'string') return { ok: false, message: scenario };
      return { ok: true, setup: r.data, scenario, scenarioHash: scenarioHash(scenario) };
    },
    effectiveScenario: (req) => runFor(req, false).sim.effectiveScenario(),
    monthlyCsv: (req) => runFor(req, false).sim.monthlyCsv(),
    teamReplay(req) {
      // the same steps as runFor, reading the dots after every month
      const sim = new Simulation({ scenario: req.scenario, seed: req.seed, months: req.months });
      const sample = new ClientSample(req.sampleSize);
      const samples: number[][] = [];
      for (const round of req.rounds) {
        for (const event of round) sim.schedule(event);
        for (let i = 0; i < req.monthsPerRound && !sim.done; i++) {
          sim.step();
          samples.push(Array.from(sample.read(sim.world.pool)));
        }
      }
      return { snapshots: [...sim.snapshots], samples };
    },
    forget(prefix) {
      for (const key of [...cache.keys()]) if (key.startsWith(prefix)) cache.delete(key);
    },
  };
}

export { SERIES_COLUMNS };
