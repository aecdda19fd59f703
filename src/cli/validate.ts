// meerwaarde validate <file.json>: a scenario or an experiment file; exit 0, or 2 with one line per error.
import { parseArgs } from 'node:util';
import { parseScenario } from '../scenario/parse';
import { UsageError } from './errors';
import { readJsonFile } from './io';

export const VALIDATE_HELP = `Usage: meerwaarde validate <file.json>

Checks a scenario file against the scenario schema (docs/schema/scenario.schema.json)
or, when it has a "factors" key, an experiment file. Prints "ok" and exits 0, or prints
one line per problem (file: JSON path: what is wrong; at most 50, then how many more) and
exits 2. A valid experiment that sweep would refuse without --force (too many runs, a design
slow to build) gets a warning; validating never builds the design.`;

/** Checks an experiment file; returns warnings (a valid sweep that needs --force), throws InputError. */
export type ExperimentValidator = (json: unknown, source: string) => string[];

export function validateCommand(argv: string[], validateExperiment?: ExperimentValidator): number {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, strict: true, options: { help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    process.stdout.write(`${VALIDATE_HELP}\n`);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'missing the file to validate' : `expected one file, got ${positionals.length}`, 'validate');
  const file = positionals[0];
  const json = readJsonFile(file);
  const isExperiment = json !== null && typeof json === 'object' && !Array.isArray(json) && 'factors' in json;
  const warnings = isExperiment && validateExperiment ? validateExperiment(json, file) : (parseScenario(json, file), []);
  for (const w of warnings) process.stderr.write(`warning: ${w}\n`);
  process.stdout.write(`ok: ${file} is a valid ${isExperiment ? 'experiment' : 'scenario'}\n`);
  return 0;
}
