// Research mode on the command line: sweep, merge, design, analyze (implemented in src/sweep and
// src/analysis), and experiment-file validation for `meerwaarde validate`.
import { experimentJsonSchema } from '../sweep/experiment';
import { parseExperiment } from '../sweep/resolve';

export { experimentJsonSchema };

export function validateExperimentJson(json: unknown, source: string): void {
  parseExperiment(json, source);
}

/** Filled in as the research commands land (src/sweep/command.ts). */
export const researchCommands: Record<string, (argv: string[]) => number | Promise<number>> = {};
