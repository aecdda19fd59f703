// What the research commands share: argument parsing, reading input files, and turning the
// user's mistakes into one plain line each and exit code 2 (a defect in Meerwaarde is left to the
// CLI's handler: exit 1).
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { InputError, parseJsonText, parseScenario } from '../scenario/parse';
import { parseExperiment, resolveExperiment, type ResolvedExperiment } from './resolve';
import { StoreError } from './store';

export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_INPUT = 2;

/** A mistake in how a command was called. */
export class CommandError extends Error {
  override name = 'CommandError';
}

/** Runs a command body, mapping the user's mistakes to their messages on stderr and exit code 2. */
export async function runCommandBody(command: string, help: string, body: () => Promise<number> | number): Promise<number> {
  try {
    return await body();
  } catch (e) {
    if (e instanceof InputError) {
      for (const issue of e.issues) process.stderr.write(`${e.source}: ${issue.path}: ${issue.message}\n`);
      return EXIT_INPUT;
    }
    const code = (e as { code?: string }).code;
    if (e instanceof CommandError || e instanceof StoreError || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))) {
      process.stderr.write(`meerwaarde ${command}: ${(e as Error).message}\n`);
      if (!(e instanceof StoreError)) process.stderr.write(`${help.split('\n')[0]}\n`);
      return EXIT_INPUT;
    }
    throw e;
  }
}

export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T) {
  return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
}

/** A whole-number option within a range. */
export function intOption(name: string, raw: string | undefined, min: number, max: number, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
    throw new CommandError(`${name} must be a whole number between ${min} and ${max}, got "${raw}"`);
  }
  return n;
}

/** A number option within a range. */
export function numberOption(name: string, raw: string | undefined, min: number, max: number, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n) || n < min || n > max) throw new CommandError(`${name} must be a number between ${min} and ${max}, got "${raw}"`);
  return n;
}

export function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    throw new InputError(path, [{ path: '$', message: `cannot read: ${why}` }]);
  }
  return parseJsonText(text, path);
}

/**
 * Reads, validates and resolves an experiment file. A scenario given by path is read relative to
 * the experiment file. With `withScenario` false the scenario is not read (for `design`).
 */
export function loadExperiment(file: string, withScenario: boolean): ResolvedExperiment {
  const input = parseExperiment(readJson(file), file);
  const base = dirname(resolve(file));
  const scenarios = {
    load: (path: string) => {
      const full = resolve(base, path);
      return parseScenario(readJson(full), path) as Record<string, unknown>;
    },
    check: (json: unknown, source: string) => parseScenario(json, source) as Record<string, unknown>,
  };
  return resolveExperiment(withScenario ? input : { ...input, scenario: undefined }, file, scenarios);
}
