// What a sweep worker does, independent of how it is hosted: workers/sweep.node-worker.ts exposes
// it over comlink from a worker thread; tests and --workers 0 call it in-process.
import { createRunner, type ModelApi, type RunResult } from './runner';
import type { ResolvedExperiment } from './resolve';

export interface SweepWorkerApi {
  init(experiment: ResolvedExperiment): void;
  run(run: number): RunResult;
}

export function createSweepWorkerApi(model: ModelApi): SweepWorkerApi {
  let runner: ((run: number) => RunResult) | null = null;
  return {
    init(experiment) {
      runner = createRunner(experiment, model);
    },
    run(run) {
      if (!runner) throw new Error('sweep worker used before init');
      return runner(run);
    },
  };
}
