// Decisions are committed by a writer thread (workers/decision-writer.node-worker.ts) with its own SQLite
// connection, so the fsync of synchronous = FULL never blocks the event loop that receives, checks and
// acknowledges the room's decisions. One batch is in flight at a time, in order; a decision is
// acknowledged only when its batch has committed. A writer that dies may have committed its batch
// before its answer was lost: the batch is looked up in the file (`committed`), and counts as stored if it
// is there, else it fails ("not saved"); the writer is started again and the next batch goes to the new one.
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { NewDecision } from './store';
import type { WriterReply } from './writer-db';

export class DecisionWriter {
  private worker: Worker;
  private nextId = 1;
  private readonly waiting = new Map<number, { batch: readonly NewDecision[]; resolve: (seqs: number[]) => void; reject: (e: Error) => void }>();
  private closed = false;

  constructor(
    private readonly entry: string,
    private readonly file: string,
    /** the batch's sequence numbers if it is in the file (all of it: a transaction), else null */
    private readonly committed: (batch: readonly NewDecision[]) => number[] | null,
  ) {
    if (!existsSync(entry)) throw new Error(`the decision writer is missing at ${entry}; run npm run build:cli`);
    this.worker = this.start();
  }

  private start(): Worker {
    const worker = new Worker(this.entry, { workerData: { file: this.file }, execArgv: [] });
    worker.on('message', (r: WriterReply) => {
      const w = this.waiting.get(r.id);
      if (!w) return;
      this.waiting.delete(r.id);
      if ('error' in r) w.reject(new Error(r.error));
      else w.resolve(r.seqs);
    });
    const failed = (why: string) => {
      if (this.worker !== worker) return;
      for (const w of this.waiting.values()) {
        const seqs = this.committed(w.batch);
        if (seqs) w.resolve(seqs);
        else w.reject(new Error(`the writer stopped (${why})`));
      }
      this.waiting.clear();
      if (!this.closed) this.worker = this.start();
    };
    worker.on('error', (e) => failed(e.message));
    worker.on('exit', (code) => failed(`exit ${code}`));
    return worker;
  }

  /** commit one batch in one transaction; resolves with the rows' sequence numbers once on disk */
  write(batch: readonly NewDecision[]): Promise<number[]> {
    if (this.closed) return Promise.reject(new Error('the writer is closed'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { batch, resolve, reject });
      this.worker.postMessage({ id, batch });
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.worker.terminate();
  }
}
