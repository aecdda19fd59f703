// What a browser sweep worker does: the command line's sweep worker (workerApi.ts: the same runner,
// design, plan and seeds) plus preparing an experiment whose scenario is given inline.
import type { PreparedSweep } from './browserSweep';
import { totalRuns } from './plan';
import { prepareExperiment } from './prepare';
import { parseExperiment, resolveExperiment } from './resolve';
import { monthlyHeader, runPlanOf, runsHeader, type ModelApi } from './runner';
import { createSweepWorkerApi, type SweepWorkerApi } from './workerApi';
import { InputError, parseScenario } from '../scenario/parse';

/**
 * Checks and resolves an experiment given as JSON with its base scenario inline (a browser has no
 * files to read a scenario path from), then checks factors and outputs against the model, exactly as
 * the command line does. Throws InputError naming every problem by its JSON path.
 */
export function prepareInlineSweep(json: unknown, source: string, model: ModelApi): PreparedSweep {
  const input = parseExperiment(json, source);
  const resolved = resolveExperiment(input, source, {
    load: (path) => {
      throw new InputError(source, [{ path: '$.scenario', message: `"${path}" is a file path; in the browser the scenario must be given inline` }]);
    },
    check: (scenario, where) => parseScenario(scenario, where) as Record<string, unknown>,
  });
  const experiment = prepareExperiment(resolved, source, model);
  return {
    experiment,
    runsHeader: runsHeader(experiment),
    monthlyHeader: experiment.monthly.length > 0 ? monthlyHeader(experiment) : null,
    runs: totalRuns(runPlanOf(experiment)),
  };
}

/** An input error as plain data: it crosses the worker boundary with its issues intact. */
export type PrepareResult = { ok: true; prepared: PreparedSweep } | { ok: false; source: string; issues: { path: string; message: string }[] };

export interface BrowserSweepWorkerApi extends SweepWorkerApi {
  prepare(json: unknown, source: string): PrepareResult;
}

export function createBrowserSweepWorkerApi(model: ModelApi): BrowserSweepWorkerApi {
  return {
    ...createSweepWorkerApi(model),
    prepare(json, source) {
      try {
        return { ok: true, prepared: prepareInlineSweep(json, source, model) };
      } catch (e) {
        if (e instanceof InputError) return { ok: false, source: e.source, issues: e.issues };
        throw e;
      }
    },
  };
}
