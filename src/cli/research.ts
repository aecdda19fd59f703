// Research mode on the command line: sweep, merge, design, analyze (src/sweep and src/analysis), and
// experiment-file validation for `meerwaarde validate`.
import { analyzeCommand, designCommand, mergeCommand, sweepCommand } from '../sweep/command';
import { experimentJsonSchema } from '../sweep/experiment';
import { parseExperiment } from '../sweep/resolve';

export { experimentJsonSchema };

export function validateExperimentJson(json: unknown, source: string): void {
  parseExperiment(json, source);
}

export const researchCommands: Record<string, (argv: string[]) => number | Promise<number>> = {
  sweep: sweepCommand,
  merge: mergeCommand,
  design: designCommand,
  analyze: analyzeCommand,
};
