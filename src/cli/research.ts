// Research mode on the command line: sweep, merge, design, analyze (src/sweep and src/analysis), and
// experiment-file validation for `meerwaarde validate`.
import { analyzeCommand, designCommand, mergeCommand, sweepCommand } from '../sweep/command';
import { loadExperiment } from '../sweep/commandSupport';
import { experimentJsonSchema } from '../sweep/experiment';
import { modelApi } from '../sweep/model';
import { prepareExperiment } from '../sweep/prepare';
import { scaleProblems } from '../sweep/scale';

export { experimentJsonSchema };

/**
 * Checks an experiment file as thoroughly as `sweep` does before its first run: the schema, the
 * design (list points, sizes), the base scenario (read relative to the file), every factor's values
 * on that scenario, the outputs and the monthly series. An experiment without a scenario is checked
 * as far as `design` needs it.
 */
export function validateExperimentJson(json: unknown, source: string): string[] {
  const experiment = loadExperiment(source, true, json);
  if (experiment.scenario) prepareExperiment(experiment, source, modelApi);
  // valid, but a sweep refuses it without --force: say so (validation itself never builds the design)
  return scaleProblems(experiment).map((p) => `${source}: ${p.path}: ${p.message}`);
}

export const researchCommands: Record<string, (argv: string[]) => number | Promise<number>> = {
  sweep: sweepCommand,
  merge: mergeCommand,
  design: designCommand,
  analyze: analyzeCommand,
};
