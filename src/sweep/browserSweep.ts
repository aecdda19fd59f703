// A sweep without a file system: the browser's (the student explorer's chapters 6 and 7). The same
// experiment schema, design, run plan, seeds and run function as `meerwaarde sweep` (runner.ts through
// each worker's SweepWorkerApi), with results committed in run order, so runs.csv and monthly.csv are the
// bytes the command line writes for the same experiment. Progress after every committed run; an
// AbortSignal cancels (no new runs start, the pool is closed, and the sweep reports what it finished).
//
// This module runs on the page: it imports no model code (the workers prepare the experiment and run it,
// browserWorkerApi.ts).
import { shardRun, shardSize, WHOLE } from './plan';
import type { Executor } from './pool';
import type { RunResult } from './runner';
import { dispatchInOrder } from './dispatch';
import type { ResolvedExperiment } from './resolve';

/** An experiment ready to run, with the two CSV headers and its number of runs. */
export interface PreparedSweep {
  experiment: ResolvedExperiment;
  runsHeader: string;
  monthlyHeader: string | null;
  runs: number;
}

export interface SweepProgress {
  done: number;
  total: number;
}

export interface InMemorySweep {
  /** runs.csv as `meerwaarde sweep` writes it (a prefix of the runs when cancelled) */
  runsCsv: string;
  /** monthly.csv, or null when the experiment collects no monthly series */
  monthlyCsv: string | null;
  done: number;
  total: number;
  failed: number;
  cancelled: boolean;
}

/** Runs every run of a prepared sweep on an executor, committing results in run order. */
export async function sweepInMemory(
  prepared: PreparedSweep,
  executor: Executor,
  opts: { signal?: AbortSignal; onProgress?: (p: SweepProgress) => void; onRun?: (r: RunResult) => void } = {},
): Promise<InMemorySweep> {
  const total = shardSize(prepared.runs, WHOLE);
  const rows: string[] = [prepared.runsHeader];
  const monthly: string[] = prepared.monthlyHeader === null ? [] : [prepared.monthlyHeader];
  let done = 0;
  let failed = 0;
  const stopped = () => opts.signal?.aborted === true;
  await dispatchInOrder(executor, {
    count: total,
    runOf: (k) => shardRun(WHOLE, k),
    stop: stopped,
    commit: (c) => {
      rows.push(c.row);
      if (c.monthly) monthly.push(c.monthly);
      if (c.error) failed++;
      done++;
      opts.onRun?.(c);
    },
    afterCommits: () => opts.onProgress?.({ done, total }),
    // a run cut off by the cancel is not an error
    expected: stopped,
    onWake: (wake) => opts.signal?.addEventListener('abort', wake),
  });
  return {
    runsCsv: rows.join(''),
    monthlyCsv: prepared.monthlyHeader === null ? null : monthly.join(''),
    done,
    total,
    failed,
    cancelled: done < total,
  };
}
