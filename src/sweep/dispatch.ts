// Keeping an executor busy and taking its results back in run order: runs are started as capacity
// allows and may finish in any order; results that arrive early wait (at most the executor's
// capacity of them) until every run before them is in. The browser's sweep uses it; the command
// line's (sweep.ts) does the same around its crash-safe store.
import type { Executor } from './pool';
import type { RunResult } from './runner';

export interface DispatchOptions {
  /** positions to run: from `from` (default 0) up to `count` */
  count: number;
  from?: number;
  /** the run at a position (default: the position itself) */
  runOf?: (k: number) => number;
  /** checked before each new start: when true, no more runs start and the runs in flight finish */
  stop?: () => boolean;
  /** one result, in position order */
  commit: (r: RunResult, k: number) => void;
  /** after the results that just arrived have been committed */
  afterCommits?: () => void;
  /** a run that failed to come back (a worker gone): true if that is expected (a cancel), else the dispatch rejects */
  expected?: (err: unknown) => boolean;
  /** when a new start is due (a cancel pressed): call the returned function to pump at once */
  onWake?: (wake: () => void) => void;
}

/** Resolves with the positions committed (a prefix: from .. from + n). */
export function dispatchInOrder(executor: Executor, o: DispatchOptions): Promise<number> {
  const runOf = o.runOf ?? ((k: number) => k);
  const ready = new Map<number, RunResult>();
  let next = o.from ?? 0;
  let done = next;
  let inFlight = 0;
  let broken = false;
  return new Promise<number>((resolve, reject) => {
    const pump = () => {
      while (!broken && inFlight < executor.capacity && next < o.count && !o.stop?.()) {
        const k = next++;
        inFlight++;
        executor.run(runOf(k)).then(
          (r) => {
            inFlight--;
            ready.set(k, r);
            while (ready.has(done)) {
              const c = ready.get(done)!;
              ready.delete(done);
              o.commit(c, done);
              done++;
            }
            o.afterCommits?.();
            pump();
          },
          (err: unknown) => {
            inFlight--;
            if (o.expected?.(err)) return pump();
            broken = true;
            reject(err instanceof Error ? err : new Error(String(err)));
          },
        );
      }
      if (inFlight === 0 && !broken) resolve(done - (o.from ?? 0));
    };
    o.onWake?.(pump);
    pump();
  });
}
