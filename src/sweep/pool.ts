// Executors run the runs of a sweep: a pool of worker_threads (default one per core) running the
// same model code as the browser's Web Worker, or the current thread (for tests and debugging).
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { ResolvedExperiment } from './resolve';
import type { RunResult } from './runner';
import type { SweepWorkerApi } from './workerApi';

export interface Executor {
  /** runs that can usefully be in flight at once */
  readonly capacity: number;
  run(run: number): Promise<RunResult>;
  close(): Promise<void>;
}

/** Runs in the current thread, one at a time. */
export function inlineExecutor(api: SweepWorkerApi, experiment: ResolvedExperiment): Executor {
  api.init(experiment);
  return {
    capacity: 1,
    run: async (run) => api.run(run),
    close: async () => {},
  };
}

export function defaultWorkerCount(): number {
  return availableParallelism();
}

/** How to start a worker thread: a script file, or a small bootstrap evaluated in the thread. */
export type WorkerEntry = { file: URL } | { bootstrap: string };

/**
 * Where the worker's code is: next to the bundled CLI (dist-cli/sweep-worker.mjs), or, when the
 * sources run unbundled (tests), the TypeScript entry loaded through tsx's loader, registered
 * inside the thread (Node 20 does not apply --import hooks to a worker's entry module).
 */
export function sweepWorkerEntry(): WorkerEntry {
  const bundledName = './sweep-worker.mjs';
  const bundled = new URL(bundledName, import.meta.url);
  if (existsSync(fileURLToPath(bundled))) return { file: bundled };
  const sourceName = '../../workers/sweep.node-worker.ts';
  const source = new URL(sourceName, import.meta.url).href;
  const tsxApi = pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
  return { bootstrap: `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); })` };
}

function startWorker(entry: WorkerEntry): Worker {
  // A worker inherits the parent's Node options; those that only make sense for a main script
  // (--input-type, --eval) would stop it from starting.
  const execArgv = process.execArgv.filter((a) => !/^--(input-type|eval|print)\b|^-[ep]$/.test(a));
  const start = (argv: string[]) => ('file' in entry ? new Worker(entry.file, { execArgv: argv }) : new Worker(entry.bootstrap, { eval: true, execArgv: argv }));
  try {
    return start(execArgv);
  } catch (err) {
    // V8's flags (`node --single-threaded-gc ...`) are the whole process's, and a worker refuses
    // them in its own options: start it without them
    if ((err as NodeJS.ErrnoException).code !== 'ERR_WORKER_INVALID_EXEC_ARGV') throw err;
    return start(loaderOptions(execArgv));
  }
}

/** The options that load code (`--import tsx`, `-r x`, `--conditions=c`), each with its value. */
function loaderOptions(argv: string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const m = /^(--(?:import|require|loader|experimental-loader|conditions)|-[rC])(=.*)?$/.exec(argv[i]);
    if (!m) continue;
    kept.push(argv[i]);
    if (m[2] === undefined && i + 1 < argv.length) kept.push(argv[++i]);
  }
  return kept;
}

/** In-flight calls per worker: two, so a worker never waits for its next run to arrive. */
const DEPTH = 2;

interface Slot {
  worker: Worker;
  api: Comlink.Remote<SweepWorkerApi>;
  pending: Set<(e: Error) => void>;
  failure: Error | null;
}

/** Starts `size` worker threads, each initialised with the experiment. */
export async function workerPool(size: number, experiment: ResolvedExperiment, entry = sweepWorkerEntry()): Promise<Executor> {
  const slots: Slot[] = [];
  for (let i = 0; i < size; i++) {
    const worker = startWorker(entry);
    const slot: Slot = { worker, api: Comlink.wrap<SweepWorkerApi>(nodeEndpoint(worker)), pending: new Set(), failure: null };
    const fail = (e: Error) => {
      slot.failure ??= e;
      for (const reject of slot.pending) reject(slot.failure);
      slot.pending.clear();
    };
    worker.on('error', (e) => fail(new Error(`sweep worker ${i} crashed: ${e.message}`)));
    worker.on('exit', (code) => fail(new Error(`sweep worker ${i} exited (code ${code})`)));
    slots.push(slot);
  }
  const call = <T>(slot: Slot, f: () => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (slot.failure) return reject(slot.failure);
      slot.pending.add(reject);
      f().then(resolve, reject).finally(() => slot.pending.delete(reject));
    });
  try {
    await Promise.all(slots.map((s) => call(s, () => s.api.init(experiment))));
  } catch (e) {
    await Promise.all(slots.map((s) => s.worker.terminate()));
    throw e;
  }
  let closed = false;
  return {
    capacity: size * DEPTH,
    run(run) {
      // the least busy worker
      const slot = slots.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
      return call(slot, () => slot.api.run(run) as Promise<RunResult>);
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const s of slots) {
        s.failure ??= new Error('sweep pool closed');
        s.api[Comlink.releaseProxy]();
      }
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
