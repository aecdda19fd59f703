// What the research commands share: argument parsing, reading input files, and turning the
// user's mistakes into one plain line each and exit code 2 (a defect in Meerwaarde is left to the
// CLI's handler: exit 1).
import { closeSync, constants, openSync, readSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { InputError, parseJsonText, parseScenario } from '../scenario/parse';
import { parseExperiment, resolveExperiment, type ResolvedExperiment } from './resolve';
import { fsReason, isUserFsError, StoreError } from './store';

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
      for (const line of e.lines()) process.stderr.write(`${line}\n`);
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

/** Input files larger than this are refused (a scenario or an experiment is kilobytes; this bounds /dev/zero too). */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

/** How long a named pipe may stay silent before reading it gives up (a pipe nobody writes to). */
const PIPE_WAIT_MS = 5000;

/** Waits a little without spinning (the command is synchronous here). */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Reads a whole file as UTF-8, refusing one larger than MAX_INPUT_BYTES (also when its size is not known
 * in advance). A named pipe is opened without blocking and read as its writer writes; one that nobody
 * writes to (or that stays silent) for PIPE_WAIT_MS is given up, so that reading never hangs.
 */
function readBounded(path: string): string {
  const st = statSync(path);
  if (st.isSocket()) throw Object.assign(new Error('is a socket'), { code: 'ESOCKET' });
  const pipe = st.isFIFO();
  const fd = openSync(path, pipe ? constants.O_RDONLY | constants.O_NONBLOCK : 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    let silentSince = Date.now();
    let buf = Buffer.alloc(1 << 20);
    for (;;) {
      let n: number;
      try {
        n = readSync(fd, buf, 0, buf.length, null);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
        n = -1; // a writer, no data yet
      }
      // a pipe without a writer yet reads as the end: wait for one, as for data
      if (n < 0 || (n === 0 && pipe && total === 0)) {
        if (Date.now() - silentSince > PIPE_WAIT_MS) throw Object.assign(new Error('silent pipe'), { code: 'ESILENT' });
        pause(20);
        continue;
      }
      silentSince = Date.now();
      if (n === 0) break;
      total += n;
      if (total > MAX_INPUT_BYTES) throw Object.assign(new Error('too large'), { code: 'E2BIG' });
      chunks.push(n === buf.length ? buf : buf.subarray(0, n));
      buf = Buffer.alloc(1 << 20);
    }
    return Buffer.concat(chunks, total).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

export function readJson(path: string): unknown {
  let text: string;
  try {
    text = readBounded(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'E2BIG') throw new InputError(path, [{ path: '$', message: `cannot read: larger than ${MAX_INPUT_BYTES / 1024 / 1024} MB` }]);
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file'
      : code === 'EISDIR' ? 'is a folder, not a file'
      : code === 'ESOCKET' || code === 'ENXIO' ? 'is a socket or a device, not a file'
      : code === 'ESILENT' ? `a named pipe that nobody wrote to for ${PIPE_WAIT_MS / 1000} s`
      : isUserFsError(e) ? fsReason(e)
      : (e as Error).message;
    throw new InputError(path, [{ path: '$', message: `cannot read: ${why}` }]);
  }
  return parseJsonText(text, path);
}

/**
 * Reads, validates and resolves an experiment file. A scenario given by path is read relative to
 * the experiment file. With `withScenario` false the scenario is not read (for `design`). `json`: the
 * file's content when it has been read already.
 */
export function loadExperiment(file: string, withScenario: boolean, json: unknown = readJson(file)): ResolvedExperiment {
  const input = parseExperiment(json, file);
  const base = dirname(resolve(file));
  const scenarios = {
    load: (path: string) => {
      const full = resolve(base, path);
      let json: unknown;
      try {
        json = readJson(full);
      } catch (e) {
        // a scenario file that cannot be read is named where the experiment names it
        if (e instanceof InputError) throw new InputError(file, e.issues.map((i) => ({ path: '$.scenario', message: `${full}: ${i.message}` })), e.total);
        throw e;
      }
      return parseScenario(json, path === full ? path : `${path} (${full})`) as Record<string, unknown>;
    },
    check: (json: unknown) => {
      try {
        return parseScenario(json, file) as Record<string, unknown>;
      } catch (e) {
        // an inline scenario's problems are named by their path in the experiment file
        if (e instanceof InputError) throw new InputError(file, e.issues.map((i) => ({ path: `$.scenario${i.path.slice(1)}`, message: i.message })), e.total);
        throw e;
      }
    },
  };
  return resolveExperiment(withScenario ? input : { ...input, scenario: undefined }, file, scenarios);
}
