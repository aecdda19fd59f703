// The session store: one SQLite file (better-sqlite3, WAL). It keeps what cannot be recomputed (each
// session's set-up, the facilitator's action log, every decision with its time, the seats) and nothing
// that can: the model's state is replayed from the seed and the decisions (src/session/model-api.ts).
// Every write is a transaction that has committed when the function returns.
import Database from 'better-sqlite3';
import type { LoggedAction, StoredDecision } from '../session/rules';
import type { Role, SessionSetup } from '../session/setup';

export interface SessionRow {
  id: string;
  code: string;
  secretHash: string;
  setup: SessionSetup;
  createdAt: number;
  versions: Versions;
}

export interface Versions {
  modelVersion: string;
  app: string;
  scenarioHash: string;
}

export interface SeatRow {
  team: number;
  role: Role;
  name: string;
  tokenHash: string;
  takenAt: number;
}

export interface DecisionRow extends StoredDecision {
  seq: number;
  name: string;
}

export interface PresetRow {
  id: string;
  name: string;
  setup: SessionSetup;
  createdAt: number;
}

/** a preset as stored: whose it is (the SHA-256 of its owner's preset key, never the key) */
export interface OwnedPreset extends PresetRow {
  ownerHash: string;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS sessions (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  secret_hash TEXT NOT NULL,
  setup TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  versions TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS actions (
  session TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  at INTEGER NOT NULL,
  by TEXT NOT NULL,
  action TEXT NOT NULL,
  PRIMARY KEY (session, seq)
);
CREATE TABLE IF NOT EXISTS seats (
  session TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  team INTEGER NOT NULL,
  role TEXT NOT NULL,
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  taken_at INTEGER NOT NULL,
  PRIMARY KEY (session, team, role)
);
CREATE TABLE IF NOT EXISTS decisions (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  session TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  team INTEGER NOT NULL,
  role TEXT NOT NULL,
  round INTEGER NOT NULL,
  name TEXT NOT NULL,
  decision TEXT NOT NULL,
  at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS decisions_by_session ON decisions(session, seq);
CREATE TABLE IF NOT EXISTS presets (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  setup TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  owner_hash TEXT NOT NULL DEFAULT ''
);
`;

export interface NewDecision extends StoredDecision {
  session: string;
  name: string;
}

export class Store {
  private readonly db: Database.Database;
  private readonly q;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    // FULL: a commit is on disk (fsync of the WAL) before it returns, so an acknowledged decision
    // survives a crash of the machine, not only of the process.
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
    // a file from before presets had owners: its presets get none (nobody lists them; see docs/training.md)
    const cols = (this.db.pragma('table_info(presets)') as { name: string }[]).map((c) => c.name);
    if (!cols.includes('owner_hash')) this.db.exec("ALTER TABLE presets ADD COLUMN owner_hash TEXT NOT NULL DEFAULT ''");
    const db = this.db;
    this.q = {
      insertSession: db.prepare('INSERT INTO sessions (id, code, secret_hash, setup, created_at, versions) VALUES (?, ?, ?, ?, ?, ?)'),
      sessions: db.prepare('SELECT id, code, secret_hash, setup, created_at, versions FROM sessions ORDER BY created_at'),
      session: db.prepare('SELECT id, code, secret_hash, setup, created_at, versions FROM sessions WHERE id = ?'),
      byCode: db.prepare('SELECT id FROM sessions WHERE code = ?'),
      codeTaken: db.prepare('SELECT 1 FROM sessions WHERE code = ?'),
      deleteSession: db.prepare('DELETE FROM sessions WHERE id = ?'),
      insertAction: db.prepare('INSERT INTO actions (session, seq, at, by, action) VALUES (?, ?, ?, ?, ?)'),
      actions: db.prepare('SELECT seq, at, by, action FROM actions WHERE session = ? ORDER BY seq'),
      insertSeat: db.prepare('INSERT INTO seats (session, team, role, name, token_hash, taken_at) VALUES (?, ?, ?, ?, ?, ?)'),
      seats: db.prepare('SELECT team, role, name, token_hash, taken_at FROM seats WHERE session = ? ORDER BY team, role'),
      deleteSeat: db.prepare('DELETE FROM seats WHERE session = ? AND team = ? AND role = ?'),
      insertDecision: db.prepare('INSERT INTO decisions (session, team, role, round, name, decision, at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      decisions: db.prepare('SELECT seq, team, role, round, name, decision, at FROM decisions WHERE session = ? ORDER BY seq'),
      findDecision: db.prepare('SELECT seq FROM decisions WHERE session = ? AND team = ? AND role = ? AND round = ? AND name = ? AND decision = ? AND at = ? ORDER BY seq DESC LIMIT 1'),
      insertPreset: db.prepare('INSERT INTO presets (id, name, setup, created_at, owner_hash) VALUES (?, ?, ?, ?, ?)'),
      presets: db.prepare("SELECT id, name, setup, created_at FROM presets WHERE owner_hash = ? AND owner_hash <> '' ORDER BY created_at"),
      deletePreset: db.prepare("DELETE FROM presets WHERE id = ? AND owner_hash = ? AND owner_hash <> ''"),
    };
  }

  createSession(row: SessionRow): void {
    this.q.insertSession.run(row.id, row.code, row.secretHash, JSON.stringify(row.setup), row.createdAt, JSON.stringify(row.versions));
  }

  codeTaken(code: string): boolean {
    return this.q.codeTaken.get(code) !== undefined;
  }

  sessionIdByCode(code: string): string | null {
    const row = this.q.byCode.get(code) as { id: string } | undefined;
    return row?.id ?? null;
  }

  sessions(): SessionRow[] {
    return (this.q.sessions.all() as RawSession[]).map(toSession);
  }

  session(id: string): SessionRow | null {
    const row = this.q.session.get(id) as RawSession | undefined;
    return row ? toSession(row) : null;
  }

  /** removes the session with its log, seats and decisions */
  deleteSession(id: string): void {
    this.q.deleteSession.run(id);
  }

  appendAction(session: string, seq: number, logged: LoggedAction): void {
    this.q.insertAction.run(session, seq, logged.at, logged.by, JSON.stringify(logged.action));
  }

  actions(session: string): LoggedAction[] {
    return (this.q.actions.all(session) as { at: number; by: string; action: string }[]).map((r) => ({ at: r.at, by: r.by as LoggedAction['by'], action: JSON.parse(r.action) }));
  }

  /** false when the seat is taken */
  takeSeat(session: string, seat: SeatRow): boolean {
    try {
      this.q.insertSeat.run(session, seat.team, seat.role, seat.name, seat.tokenHash, seat.takenAt);
      return true;
    } catch (e) {
      if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return false;
      throw e;
    }
  }

  seats(session: string): SeatRow[] {
    return (this.q.seats.all(session) as { team: number; role: string; name: string; token_hash: string; taken_at: number }[]).map((r) => ({
      team: r.team,
      role: r.role as Role,
      name: r.name,
      tokenHash: r.token_hash,
      takenAt: r.taken_at,
    }));
  }

  /** releases a seat and logs the facilitator's act, in one transaction */
  releaseSeat(session: string, team: number, role: Role, seq: number, logged: LoggedAction): void {
    this.db.transaction(() => {
      this.q.deleteSeat.run(session, team, role);
      this.appendAction(session, seq, logged);
    })();
  }

  /** stores decisions in one transaction (a group commit); returns their sequence numbers */
  addDecisions(list: readonly NewDecision[]): number[] {
    return this.db.transaction(() =>
      list.map((d) => Number(this.q.insertDecision.run(d.session, d.team, d.role, d.round, d.name, JSON.stringify(d.decision), d.at).lastInsertRowid)),
    )();
  }

  /** the sequence numbers of a batch of decisions if every one is in the file, else null (see src/server/writer.ts) */
  committedDecisions(list: readonly NewDecision[]): number[] | null {
    const seqs: number[] = [];
    for (const d of list) {
      const row = this.q.findDecision.get(d.session, d.team, d.role, d.round, d.name, JSON.stringify(d.decision), d.at) as { seq: number } | undefined;
      if (!row) return null;
      seqs.push(row.seq);
    }
    return seqs;
  }

  decisions(session: string): DecisionRow[] {
    return (this.q.decisions.all(session) as { seq: number; team: number; role: string; round: number; name: string; decision: string; at: number }[]).map((r) => ({
      seq: r.seq,
      team: r.team,
      role: r.role as Role,
      round: r.round,
      name: r.name,
      decision: JSON.parse(r.decision),
      at: r.at,
    }));
  }

  addPreset(p: OwnedPreset): void {
    this.q.insertPreset.run(p.id, p.name, JSON.stringify(p.setup), p.createdAt, p.ownerHash);
  }

  /** the presets of one owner (by the hash of their key) */
  presets(ownerHash: string): PresetRow[] {
    return (this.q.presets.all(ownerHash) as { id: string; name: string; setup: string; created_at: number }[]).map((r) => ({ id: r.id, name: r.name, setup: JSON.parse(r.setup), createdAt: r.created_at }));
  }

  /** delete a preset if it is this owner's; false when there is none such */
  deletePreset(id: string, ownerHash: string): boolean {
    return this.q.deletePreset.run(id, ownerHash).changes > 0;
  }

  close(): void {
    this.db.close();
  }
}

interface RawSession {
  id: string;
  code: string;
  secret_hash: string;
  setup: string;
  created_at: number;
  versions: string;
}

function toSession(r: RawSession): SessionRow {
  return { id: r.id, code: r.code, secretHash: r.secret_hash, setup: JSON.parse(r.setup), createdAt: r.created_at, versions: JSON.parse(r.versions) };
}
