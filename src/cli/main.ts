// The meerwaarde command line. Every user mistake ends with a plain message and exit code 2;
// only a defect in Meerwaarde itself gives exit code 1.
import { InputError } from '../scenario/parse';
import { MODEL_VERSION } from '../model/version';
import { TOOL_VERSION } from '../sweep/provenance';
import { EXIT_INPUT, EXIT_INTERNAL, UsageError } from './errors';
import { runCommand } from './run';
import { validateCommand } from './validate';
import { schemaCommand } from './schema';
import { researchCommands, validateExperimentJson } from './research';

export const VERSION_LINE = `meerwaarde ${TOOL_VERSION} (model ${MODEL_VERSION})`;

export const MAIN_HELP = `${VERSION_LINE}: Moore's strategic triangle in Dutch municipal labour integration

Usage: meerwaarde <command> [options]

Commands:
  run <scenario.json>      run one scenario with its benchmark twin; writes monthly.csv and summary.json
  validate <file.json>     check a scenario or experiment file (exit 0, or 2 with one line per error)
  schema [scenario|experiment]  print the JSON Schema of a file type
  sweep <experiment.json>  run a parameter sweep (research mode)
  merge DIR... --out DIR   combine the shards of a sweep
  design <experiment.json> print a sweep's design matrix as CSV
  analyze DIR --method M   sensitivity analysis, scenario discovery, luck versus strategy
  serve [--port P] [--db FILE] [--host H]  the training server (sessions with teams on their own devices)

Run 'meerwaarde <command> --help' for a command's options.
Exit codes: 0 success, 1 internal failure, 2 bad input or usage.`;

type Command = (argv: string[]) => number | Promise<number>;

const COMMANDS: Record<string, Command> = {
  run: runCommand,
  validate: (argv) => validateCommand(argv, validateExperimentJson),
  schema: schemaCommand,
  ...researchCommands,
  // loaded only when used, so the other commands start without the server's libraries
  serve: async (argv) => (await import('../server/serve')).serveCommand(argv),
};

/**
 * A reader that closes standard output early (`meerwaarde design x.json | head`) ends the command
 * quietly, not with a stack trace. A closed standard error (progress piped into a reader that quit)
 * only silences the messages: a sweep goes on.
 */
let pipeWatched = false;
function quitOnClosedPipe(): void {
  if (pipeWatched) return;
  pipeWatched = true;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  process.stderr.on('error', () => {});
}

export async function main(argv: string[]): Promise<number> {
  quitOnClosedPipe();
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${MAIN_HELP}\n`);
    return name === undefined ? EXIT_INPUT : 0;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(`${VERSION_LINE}\n`);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`meerwaarde: unknown command "${name}" (commands: ${Object.keys(COMMANDS).join(', ')}); see meerwaarde --help\n`);
    return EXIT_INPUT;
  }
  try {
    return await command(rest);
  } catch (e) {
    return reportError(e, name);
  }
}

export function reportError(e: unknown, command: string): number {
  if (e instanceof InputError) {
    for (const line of e.lines()) process.stderr.write(`${line}\n`);
    return EXIT_INPUT;
  }
  if (e instanceof UsageError) {
    process.stderr.write(`meerwaarde ${e.command}: ${e.message}\nRun 'meerwaarde ${e.command} --help' for usage.\n`);
    return EXIT_INPUT;
  }
  // node:util parseArgs reports unknown options and missing values with these codes
  const code = (e as { code?: string }).code;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' || code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    process.stderr.write(`meerwaarde ${command}: ${(e as Error).message}\nRun 'meerwaarde ${command} --help' for usage.\n`);
    return EXIT_INPUT;
  }
  process.stderr.write(`meerwaarde ${command}: internal error (please report): ${(e as Error)?.stack ?? String(e)}\n`);
  return EXIT_INTERNAL;
}
