// The server's sessions: each a SessionCore rebuilt from the store (set-up, action log, decisions, seats)
// and kept current. Every change is committed to SQLite before it is applied in memory and before anyone
// is told; decisions are committed by the writer (a thread of its own), those arriving while a batch is on
// its way together in the next, and a facilitator's action first waits for every decision received before
// it, so the log order is the real order.
// The model's results are computed in the model pool from the seed and the stored decisions.
import { MODEL_VERSION } from '../model/version';
import { builtinScenario } from '../scenario/builtin';
import { scenarioHash } from '../scenario/parse';
import type { Scenario } from '../scenario/schema';
import { SessionCore, type SeatInfo } from '../session/core';
import { decisionsCsv, sessionExport } from '../session/export';
import type { TeamReplay, TeamResult } from '../session/model-api';
import type { WhatIf } from '../session/protocol';
import { resultsRound, RuleError, type FacilitatorAction, type LoggedAction } from '../session/rules';
import { seatKey, sessionScenario, type Decision, type Role, type SessionSetup } from '../session/setup';
import type { ModelPool } from './model-pool';
import { hashSecret, joinCode, randomToken, secretMatches, sessionId } from './secrets';
import type { NewDecision, Store } from './store';

/** what commits a batch of decisions and answers with their sequence numbers (src/server/writer.ts) */
export interface DecisionSink {
  write(batch: NewDecision[]): Promise<number[]>;
}

export const APP_VERSION = '0.1.0';
/** dots on the projector's stage per team */
const SAMPLE_SIZE = 400;

interface PendingDecision {
  core: SessionCore;
  team: number;
  role: Role;
  round: number;
  decision: Decision;
  name: string;
  at: number;
  resolve: (at: number) => void;
  reject: (e: Error) => void;
}

interface Live {
  core: SessionCore;
  secretHash: string;
  /** token hash -> seat key */
  tokens: Map<string, string>;
  timer: NodeJS.Timeout | null;
  computing: boolean;
}

export class SessionService {
  private live = new Map<string, Live>();
  private queue: PendingDecision[] = [];
  private flushQueued = false;
  /** the batch being committed (one at a time, in order) */
  private writing: Promise<void> | null = null;

  constructor(
    private readonly store: Store,
    private readonly pool: ModelPool,
    /** called after a session's views changed (the hub sends them) */
    private readonly changed: (id: string) => void,
    private readonly now: () => number = Date.now,
    /** commits decisions: the writer thread (serve), or the store on this thread */
    private readonly writer: DecisionSink = { write: async (batch) => store.addDecisions(batch) },
  ) {}

  /** Rebuild every stored session: fold its log, index its decisions and seats, recompute its results. */
  loadAll(): number {
    for (const row of this.store.sessions()) {
      const scenario = sessionScenario(row.setup, builtinScenario);
      if (typeof scenario === 'string') throw new Error(`session ${row.id}: ${scenario}`);
      const core = new SessionCore(row.id, row.code, row.setup, scenario, row.createdAt, row.versions);
      for (const logged of this.store.actions(row.id)) core.commitAction(logged, core.tryAction(logged));
      for (const d of this.store.decisions(row.id)) core.commitDecision(d);
      const tokens = new Map<string, string>();
      for (const seat of this.store.seats(row.id)) {
        core.takeSeat({ team: seat.team, role: seat.role, name: seat.name, takenAt: seat.takenAt });
        tokens.set(seat.tokenHash, seatKey(seat));
      }
      const live: Live = { core, secretHash: row.secretHash, tokens, timer: null, computing: false };
      this.live.set(row.id, live);
      this.afterChange(live);
    }
    return this.live.size;
  }

  create(setup: SessionSetup): { id: string; code: string; secret: string } {
    const scenario = sessionScenario(setup, builtinScenario);
    if (typeof scenario === 'string') throw new RuleError('scenario', scenario);
    let code = joinCode();
    while (this.store.codeTaken(code)) code = joinCode();
    const id = sessionId();
    const secret = randomToken(24);
    const createdAt = this.now();
    const versions = { modelVersion: MODEL_VERSION, app: APP_VERSION, scenarioHash: scenarioHash(scenario) };
    this.store.createSession({ id, code, secretHash: hashSecret(secret), setup, createdAt, versions });
    const core = new SessionCore(id, code, setup, scenario, createdAt, versions);
    const live: Live = { core, secretHash: hashSecret(secret), tokens: new Map(), timer: null, computing: false };
    this.live.set(id, live);
    this.afterChange(live);
    return { id, code, secret };
  }

  get(id: string): SessionCore | null {
    return this.live.get(id)?.core ?? null;
  }

  ids(): string[] {
    return [...this.live.keys()];
  }

  byCode(code: string): SessionCore | null {
    for (const l of this.live.values()) if (l.core.code === code && !l.core.state.ended) return l.core;
    return null;
  }

  isFacilitator(id: string, secret: string): boolean {
    const l = this.live.get(id);
    return !!l && secretMatches(secret, l.secretHash);
  }

  /** the seat a token holds in this session, or null (a token of another session, or of a released seat) */
  seatOf(id: string, token: string): { team: number; role: Role } | null {
    const key = this.live.get(id)?.tokens.get(hashSecret(token));
    if (!key) return null;
    const [team, role] = key.split(':');
    return { team: Number(team), role: role as Role };
  }

  takeSeat(core: SessionCore, team: number, role: Role, name: string): string {
    const l = this.mustLive(core.id);
    if (core.state.ended) throw new RuleError('ended', 'the session has ended');
    if (team >= core.setup.teams.length) throw new RuleError('team', `there is no team ${team + 1}`);
    if (!core.setup.roles.includes(role)) throw new RuleError('role', `role ${role} is played by the model in this session`);
    if (core.seats.has(seatKey({ team, role }))) throw new RuleError('taken', 'this seat is taken; ask the facilitator to free it if it is yours');
    const token = randomToken(24);
    const seat: SeatInfo = { team, role, name, takenAt: this.now() };
    if (!this.store.takeSeat(core.id, { ...seat, tokenHash: hashSecret(token) })) throw new RuleError('taken', 'this seat is taken');
    core.takeSeat(seat);
    l.tokens.set(hashSecret(token), seatKey(seat));
    this.changed(core.id);
    return token;
  }

  /** Check now, store with the next group commit, resolve with the time once committed. */
  decide(id: string, team: number, role: Role, round: number, decision: Decision): Promise<number> {
    const core = this.mustLive(id).core;
    core.tryDecision(team, role, round);
    const name = core.seats.get(seatKey({ team, role }))?.name ?? '';
    return new Promise((resolve, reject) => {
      this.queue.push({ core, team, role, round, decision, name, at: this.now(), resolve, reject });
      if (!this.flushQueued) {
        this.flushQueued = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /**
   * Send the waiting decisions to the writer as one transaction, unless a batch is being committed: then
   * they go together once it has (a group commit that grows with the load). Each is acknowledged when its
   * batch has committed; a batch that fails is refused ("not saved") and changes nothing.
   */
  flush(): void {
    this.flushQueued = false;
    if (this.writing || this.queue.length === 0) return;
    const batch = this.queue;
    this.queue = [];
    this.writing = this.writer
      .write(batch.map((p) => ({ session: p.core.id, team: p.team, role: p.role, round: p.round, decision: p.decision, at: p.at, name: p.name })))
      .then(
        (seqs) => {
          const touched = new Set<string>();
          batch.forEach((p, i) => {
            p.core.commitDecision({ seq: seqs[i], team: p.team, role: p.role, round: p.round, decision: p.decision, at: p.at, name: p.name });
            touched.add(p.core.id);
            p.resolve(p.at);
          });
          for (const id of touched) this.changed(id);
        },
        (e: Error) => {
          for (const p of batch) p.reject(new Error(`not saved: ${e.message}`));
        },
      )
      .finally(() => {
        this.writing = null;
        this.flush();
      });
  }

  /** every decision received so far committed (and in its session): before an action, a delete, a stop */
  async drain(): Promise<void> {
    for (;;) {
      this.flush();
      if (!this.writing) return;
      await this.writing;
    }
  }

  /** a facilitator's action, after every decision received before it has committed (a restart replays the same) */
  async act(id: string, action: FacilitatorAction, by: LoggedAction['by'] = 'facilitator'): Promise<void> {
    await this.drain();
    const l = this.mustLive(id);
    const logged: LoggedAction = { action, at: this.now(), by };
    const next = l.core.tryAction(logged);
    const seq = l.core.log.length;
    if (action.type === 'release') this.store.releaseSeat(id, action.team, action.role, seq, logged);
    else this.store.appendAction(id, seq, logged);
    l.core.commitAction(logged, next);
    if (action.type === 'release') {
      for (const [hash, key] of l.tokens) if (key === seatKey(action)) l.tokens.delete(hash);
    }
    this.afterChange(l);
  }

  async whatIf(id: string, change: WhatIf): Promise<{ result: TeamResult; actual: TeamResult | null }> {
    const core = this.mustLive(id).core;
    const req = core.whatIfRequest(change);
    const result = await this.pool.teamRun(req);
    return { result: { ...result, summaryJson: null }, actual: core.resultsCurrent ? core.results[change.team] : null };
  }

  /** one team's months so far, each with its snapshot and dots (the debrief's stage) */
  replay(id: string, team: number): Promise<TeamReplay> {
    const core = this.mustLive(id).core;
    if (team >= core.setup.teams.length) throw new RuleError('team', `there is no team ${team + 1}`);
    return this.pool.teamReplay(core.requests(undefined, SAMPLE_SIZE)[team]);
  }

  /** the team's scenario with every control as an event, to the round the teams see */
  effectiveScenario(id: string, team: number): Promise<Scenario> {
    const core = this.mustLive(id).core;
    return this.pool.effectiveScenario(core.requests()[team]);
  }

  exportJson(id: string): string {
    return `${JSON.stringify(sessionExport(this.mustLive(id).core, this.now()), null, 2)}\n`;
  }

  exportCsv(id: string): string {
    return decisionsCsv(this.mustLive(id).core);
  }

  /** wait until the results of the round the teams should see are in (tests, export) */
  async settled(id: string): Promise<void> {
    const core = this.mustLive(id).core;
    while (!core.resultsCurrent) await new Promise((r) => setTimeout(r, 10));
  }

  async delete(id: string): Promise<void> {
    await this.drain();
    const l = this.mustLive(id);
    if (l.timer) clearTimeout(l.timer);
    this.store.deleteSession(id);
    this.live.delete(id);
    this.pool.forget(id);
    this.changed(id);
  }

  private mustLive(id: string): Live {
    const l = this.live.get(id);
    if (!l) throw new RuleError('no-session', 'this session does not exist (any more)');
    return l;
  }

  /** re-arm the round timer, start computing results if they are behind, tell the pages */
  private afterChange(l: Live): void {
    if (l.timer) clearTimeout(l.timer);
    l.timer = null;
    const s = l.core.state;
    if (s.phase === 'open' && s.deadline !== null) {
      const id = l.core.id;
      l.timer = setTimeout(() => {
        // (refused when the round was closed meanwhile)
        this.act(id, { type: 'close' }, 'timer').catch(() => undefined);
      }, Math.max(0, s.deadline - this.now()));
    }
    void this.compute(l);
    this.changed(l.core.id);
  }

  private async compute(l: Live): Promise<void> {
    if (l.computing) return;
    l.computing = true;
    try {
      for (let failures = 0; !l.core.resultsCurrent && this.live.get(l.core.id) === l; ) {
        const round = resultsRound(l.core.state);
        try {
          const results = await this.pool.teamRuns(l.core.requests(round, SAMPLE_SIZE));
          if (resultsRound(l.core.state) === round) {
            l.core.setResults(round, results);
            this.changed(l.core.id);
          }
        } catch (e) {
          // a model thread died: it has been replaced; try again, a few times
          if (++failures >= 3) {
            process.stderr.write(`meerwaarde serve: session ${l.core.id}: the model failed (${(e as Error).message})\n`);
            return;
          }
          await new Promise((r) => setTimeout(r, 200));
        }
      }
    } finally {
      l.computing = false;
    }
  }
}
