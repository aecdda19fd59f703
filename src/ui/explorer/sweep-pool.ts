// The explorer's browser sweep: navigator.hardwareConcurrency Web Workers (workers/sweep.worker.ts), each
// running the command line's sweep worker code, driven by src/sweep/browserSweep.ts (results committed in
// run order: the runs.csv `meerwaarde sweep` writes). One sweep at a time per pool; cancel with an
// AbortSignal (the workers are stopped at once and started afresh for the next sweep).
import * as Comlink from 'comlink';
import { sweepInMemory, type InMemorySweep, type PreparedSweep, type SweepProgress } from '../../sweep/browserSweep';
import type { BrowserSweepWorkerApi } from '../../sweep/browserWorkerApi';
import type { Executor } from '../../sweep/pool';
import type { RunResult } from '../../sweep/runner';

/** Runs in flight per worker: two, so a worker never waits for its next run. */
const DEPTH = 2;

/** A sweep's experiment was refused: the problems, each with its JSON path. */
export class SweepInputError extends Error {
  constructor(readonly issues: { path: string; message: string }[]) {
    super(issues.map((i) => `${i.path}: ${i.message}`).join('; '));
    this.name = 'SweepInputError';
  }
}

interface Slot {
  worker: Worker;
  api: Comlink.Remote<BrowserSweepWorkerApi>;
  busy: number;
}

export function workerCount(): number {
  const n = typeof navigator === 'undefined' ? 1 : navigator.hardwareConcurrency;
  return Number.isInteger(n) && n > 0 ? n : 1;
}

export interface SweepRequest {
  /** the experiment, as an experiment.json would hold it, with the scenario inline */
  experiment: unknown;
  /** a name for messages */
  source: string;
  signal?: AbortSignal;
  onProgress?: (p: SweepProgress) => void;
  onRun?: (r: RunResult) => void;
}

export interface SweepOutcome extends InMemorySweep {
  prepared: PreparedSweep;
  workers: number;
}

export class SweepPool {
  private slots: Slot[] = [];

  constructor(readonly size = workerCount()) {}

  private start(): Slot[] {
    if (this.slots.length === 0) {
      for (let i = 0; i < this.size; i++) {
        const worker = new Worker(new URL('../../../workers/sweep.worker.ts', import.meta.url), { type: 'module', name: `meerwaarde-sweep-${i}` });
        this.slots.push({ worker, api: Comlink.wrap<BrowserSweepWorkerApi>(worker), busy: 0 });
      }
    }
    return this.slots;
  }

  /** stops every worker (a cancel, or the page leaving); the next sweep starts new ones */
  stop(): void {
    for (const s of this.slots) {
      s.api[Comlink.releaseProxy]();
      s.worker.terminate();
    }
    this.slots = [];
  }

  async run(req: SweepRequest): Promise<SweepOutcome> {
    const slots = this.start();
    const checked = await slots[0].api.prepare(req.experiment, req.source);
    if (!checked.ok) throw new SweepInputError(checked.issues);
    const prepared = checked.prepared;
    await Promise.all(slots.map((s) => s.api.init(prepared.experiment)));
    const failure = new Promise<never>((_, reject) => {
      for (const s of slots) s.worker.onerror = (e) => reject(new Error(`sweep worker failed: ${e.message}`));
    });
    const stopOnCancel = () => this.stop();
    req.signal?.addEventListener('abort', stopOnCancel, { once: true });
    const executor: Executor = {
      capacity: slots.length * DEPTH,
      run: (run) => {
        const slot = slots.reduce((a, b) => (b.busy < a.busy ? b : a));
        slot.busy++;
        const call = slot.api.run(run) as Promise<RunResult>;
        // a cancelled sweep terminates the workers: their calls never answer, so race them against the abort
        const aborted = new Promise<never>((_, reject) => req.signal?.addEventListener('abort', () => reject(new Error('cancelled')), { once: true }));
        return Promise.race([call, aborted, failure]).finally(() => slot.busy--);
      },
      close: async () => {},
    };
    try {
      const result = await sweepInMemory(prepared, executor, { signal: req.signal, onProgress: req.onProgress, onRun: req.onRun });
      return { ...result, prepared, workers: slots.length };
    } finally {
      req.signal?.removeEventListener('abort', stopOnCancel);
    }
  }
}
