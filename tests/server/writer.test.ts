// The decision writer thread (src/server/writer.ts) on a real SQLite file: a batch has committed (another
// connection reads it) when its promise resolves, batches keep their order, a writer that dies reports its
// batch as the file holds it (stored or not, never half) and the next batch goes to a new writer; a
// refused batch writes nothing.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { Store, type NewDecision } from '../../src/server/store';
import { DecisionWriter } from '../../src/server/writer';
import { SessionSetupSchema } from '../../src/session/setup';
import { DECISION, ROOT, SETUP, tempDir } from './harness';

const file = join(tempDir(), 'writer.db');
const ENTRY = join(ROOT, 'dist-cli', 'decision-writer.mjs');
const decision = (session: string, i: number): NewDecision => ({ session, team: 0, role: 'W', round: 1, name: `P${i}`, decision: DECISION, at: 1000 + i });

describe('the decision writer thread', () => {
  const store = new Store(file);
  const writer = new DecisionWriter(ENTRY, file, (batch) => store.committedDecisions(batch));
  afterAll(async () => {
    await writer.close();
    store.close();
  });
  store.createSession({ id: 'session-writer-test-1', code: 'ABCDEF', secretHash: 'x', setup: SessionSetupSchema.parse(SETUP), createdAt: 1, versions: { app: 't', modelVersion: 't', scenarioHash: 't' } as never });

  it('resolves once the batch is on disk, in order, with its sequence numbers', async () => {
    const [a, b] = await Promise.all([writer.write([decision('session-writer-test-1', 1), decision('session-writer-test-1', 2)]), writer.write([decision('session-writer-test-1', 3)])]);
    expect(a).toHaveLength(2);
    expect(b[0]).toBeGreaterThan(a[1]);
    const other = new Database(file, { readonly: true });
    expect(other.prepare('SELECT name FROM decisions ORDER BY seq').all()).toEqual([{ name: 'P1' }, { name: 'P2' }, { name: 'P3' }]);
    other.close();
    expect(store.decisions('session-writer-test-1').map((d) => d.name)).toEqual(['P1', 'P2', 'P3']);
  });

  it('refuses a batch that breaks a rule of the file (an unknown session) as a whole, writing nothing of it', async () => {
    await expect(writer.write([decision('session-writer-test-1', 4), decision('no-such-session', 5)])).rejects.toThrow(/FOREIGN KEY/);
    expect(store.decisions('session-writer-test-1').map((d) => d.name)).toEqual(['P1', 'P2', 'P3']);
  });

  it('a writer that dies fails its batch, and the next batch goes to a new one', async () => {
    const w = writer as unknown as { worker: { terminate(): Promise<number> } };
    const dying = writer.write([decision('session-writer-test-1', 6)]);
    void w.worker.terminate();
    const settled = await dying.then(
      () => 'committed',
      (e: Error) => e.message,
    );
    // committed before the thread went (its answer lost: found in the file), or failed with nothing
    // written: what the caller is told is what the file holds
    const names = store.decisions('session-writer-test-1').map((d) => d.name);
    if (settled === 'committed') expect(names).toContain('P6');
    else {
      expect(settled).toMatch(/writer stopped/);
      expect(names).not.toContain('P6');
    }
    await expect(writer.write([decision('session-writer-test-1', 7)])).resolves.toHaveLength(1);
    expect(store.decisions('session-writer-test-1').map((d) => d.name)).toContain('P7');
  });
});
