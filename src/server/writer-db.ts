// The decision writer's side of the database (run in its worker thread, workers/decision-writer.node-worker.ts):
// its own connection to the server's SQLite file, set up as the store's (WAL, synchronous = FULL, foreign
// keys), and the one statement it runs, a batch of decisions in one transaction.
import Database from 'better-sqlite3';
import type { NewDecision } from './store';

export interface WriterRequest {
  id: number;
  batch: NewDecision[];
}

export type WriterReply = { id: number; seqs: number[] } | { id: number; error: string };

export function openDecisionWriter(file: string): (batch: readonly NewDecision[]) => number[] {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  const insert = db.prepare('INSERT INTO decisions (session, team, role, round, name, decision, at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const many = db.transaction((list: readonly NewDecision[]) =>
    list.map((d) => Number(insert.run(d.session, d.team, d.role, d.round, d.name, JSON.stringify(d.decision), d.at).lastInsertRowid)),
  );
  return (batch) => many(batch);
}
