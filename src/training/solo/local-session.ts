// A session on one screen, without a server: the same SessionCore and rules as the server, the model in a
// Web Worker (workers/session.worker.ts), and the session kept in the browser's localStorage (set-up,
// action log, decisions: everything else is replayed). Export and import use the server's export format,
// so a server session can be continued here, and the other way round for its record.
import * as Comlink from 'comlink';
import { MODEL_VERSION } from '../../model/version';
import type { Scenario } from '../../scenario/schema';
import { SessionCore, type DecisionRecord } from '../../session/core';
import { EXPORT_FORMAT, sessionExport } from '../../session/export';
import type { SessionModelApi } from '../../session/model-api';
import { FacilitatorActionSchema, resultsRound, RuleError, type FacilitatorAction, type LoggedAction } from '../../session/rules';
import { DecisionSchema, ROLES, type Decision, type Role, type SessionSetup } from '../../session/terms';

const STORAGE_KEY = 'meerwaarde.solo';
const APP_VERSION = '0.1.0';

interface Saved {
  id: string;
  setup: SessionSetup;
  createdAt: number;
  log: LoggedAction[];
  decisions: DecisionRecord[];
}

export class LocalSession {
  core: SessionCore;
  private api: Comlink.Remote<SessionModelApi>;
  private computing = false;
  private listeners = new Set<() => void>();

  private constructor(saved: Saved, scenario: Scenario, hash: string, api: Comlink.Remote<SessionModelApi>) {
    this.api = api;
    this.core = new SessionCore(saved.id, '', saved.setup, scenario, saved.createdAt, { modelVersion: MODEL_VERSION, app: APP_VERSION, scenarioHash: hash });
    for (const logged of saved.log) this.core.commitAction(logged, this.core.tryAction(logged));
    for (const d of saved.decisions) this.core.commitDecision(d);
    for (const role of saved.setup.roles) saved.setup.teams.forEach((_, team) => this.core.takeSeat({ team, role, name: role, takenAt: saved.createdAt }));
  }

  static worker(): Comlink.Remote<SessionModelApi> {
    return Comlink.wrap<SessionModelApi>(new Worker(new URL('../../../workers/session.worker.ts', import.meta.url), { type: 'module', name: 'meerwaarde-session' }));
  }

  /** a session from a saved state, its set-up checked in full by the worker (the page holds no model code) */
  private static async open(saved: Saved, api: Comlink.Remote<SessionModelApi>, store: boolean): Promise<LocalSession> {
    const resolved = await api.resolveSetup(saved.setup);
    if (!resolved.ok) throw new RuleError('setup', resolved.message);
    const s = new LocalSession({ ...saved, setup: resolved.setup }, resolved.scenario, resolved.scenarioHash, api);
    if (store) s.save();
    s.refresh();
    return s;
  }

  static create(setup: SessionSetup, api = LocalSession.worker()): Promise<LocalSession> {
    return LocalSession.open({ id: `solo-${Date.now().toString(36)}`, setup, createdAt: Date.now(), log: [], decisions: [] }, api, true);
  }

  /** the session kept in this browser, or null */
  static async restore(api = LocalSession.worker()): Promise<LocalSession | null> {
    const saved = LocalSession.saved();
    return saved ? LocalSession.open(saved, api, false) : null;
  }

  static saved(): Saved | null {
    try {
      const raw = localStorage.getItem(STORAGE_KEY);
      return raw ? (JSON.parse(raw) as Saved) : null;
    } catch {
      return null;
    }
  }

  static discard(): void {
    localStorage.removeItem(STORAGE_KEY);
  }

  /** a session export (the server's or this mode's) as a saved session; throws RuleError naming what is wrong */
  static async fromExport(text: string, api = LocalSession.worker()): Promise<LocalSession> {
    let json: Record<string, unknown>;
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch {
      throw new RuleError('import', 'not JSON');
    }
    if (json.format !== EXPORT_FORMAT) throw new RuleError('import', `$.format: must be "${EXPORT_FORMAT}"`);
    if (!json.setup || typeof json.setup !== 'object') throw new RuleError('import', '$.setup: missing');
    const actions = Array.isArray(json.actions) ? json.actions : [];
    const decisions = Array.isArray(json.decisions) ? json.decisions : [];
    const log: LoggedAction[] = actions.map((a: { at: string; by: string; action: unknown }, i: number) => {
      const action = FacilitatorActionSchema.safeParse(a.action);
      if (!action.success) throw new RuleError('import', `$.actions[${i}].action: not an action`);
      return { at: Date.parse(a.at), by: a.by === 'timer' ? 'timer' : 'facilitator', action: action.data };
    });
    const records: DecisionRecord[] = decisions.map((d: { seq: number; at: string; round: number; team: number; role: string; name: string; decision: unknown }, i: number) => {
      const decision = DecisionSchema.safeParse(d.decision);
      if (!decision.success || !ROLES.includes(d.role as Role)) throw new RuleError('import', `$.decisions[${i}]: not a decision`);
      return { seq: d.seq, at: Date.parse(d.at), round: d.round, team: d.team, role: d.role as Role, name: String(d.name), decision: decision.data };
    });
    const session = json.session as { id?: string; createdAt?: string } | undefined;
    const saved: Saved = { id: String(session?.id ?? `solo-${Date.now().toString(36)}`), setup: json.setup as SessionSetup, createdAt: Date.parse(session?.createdAt ?? '') || Date.now(), log, decisions: records };
    return LocalSession.open(saved, api, true);
  }

  onChange(fn: () => void): void {
    this.listeners.add(fn);
  }

  private changed(): void {
    for (const fn of this.listeners) fn();
  }

  private save(): void {
    this.write(this.core.log, this.core.decisions);
  }

  private write(log: LoggedAction[], decisions: DecisionRecord[]): void {
    const saved: Saved = { id: this.core.id, setup: this.core.setup, createdAt: this.core.createdAt, log, decisions };
    localStorage.setItem(STORAGE_KEY, JSON.stringify(saved));
  }

  /** stored first, then applied (as on the server) */
  act(action: FacilitatorAction): void {
    const logged: LoggedAction = { action, at: Date.now(), by: 'facilitator' };
    const next = this.core.tryAction(logged);
    this.write([...this.core.log, logged], this.core.decisions);
    this.core.commitAction(logged, next);
    this.refresh();
  }

  decide(team: number, role: Role, decision: Decision): void {
    const round = this.core.state.round;
    this.core.tryDecision(team, role, round);
    const record: DecisionRecord = { seq: this.core.decisions.length + 1, team, role, round, decision, at: Date.now(), name: role };
    this.write([...this.core.log], [...this.core.decisions, record]);
    this.core.commitDecision(record);
    this.changed();
  }

  exportJson(): string {
    return `${JSON.stringify(sessionExport(this.core, Date.now()), null, 2)}\n`;
  }

  private refresh(): void {
    this.changed();
    void this.compute();
  }

  private async compute(): Promise<void> {
    if (this.computing) return;
    this.computing = true;
    try {
      while (!this.core.resultsCurrent) {
        const round = resultsRound(this.core.state);
        const results = await Promise.all(this.core.requests(round, 400).map((r) => this.api.teamRun(r)));
        if (resultsRound(this.core.state) === round) this.core.setResults(round, results);
        this.changed();
      }
    } finally {
      this.computing = false;
    }
  }
}
