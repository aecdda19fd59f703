// meerwaarde schema [scenario|experiment]: prints a published JSON Schema (so editors autocomplete).
import { parseArgs } from 'node:util';
import { scenarioJsonSchema } from '../scenario/schema';
import { UsageError } from './errors';
import { experimentJsonSchema } from './research';

export const SCHEMA_HELP = `Usage: meerwaarde schema [scenario|experiment]

Prints the JSON Schema of scenario files (default) or experiment files. The published copies live in
docs/schema/ and scenario files point to theirs with "$schema".`;

export function schemaCommand(argv: string[]): number {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, strict: true, options: { help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    process.stdout.write(`${SCHEMA_HELP}\n`);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError(`expected one schema name, got ${positionals.length}`, 'schema');
  const kind = positionals[0] ?? 'scenario';
  if (kind === 'scenario') process.stdout.write(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
  else if (kind === 'experiment') process.stdout.write(`${JSON.stringify(experimentJsonSchema(), null, 2)}\n`);
  else throw new UsageError(`unknown schema "${kind}" (scenario or experiment)`, 'schema');
  return 0;
}
