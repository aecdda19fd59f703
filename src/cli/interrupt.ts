// Ctrl-C, SIGTERM (a scheduler's time limit) and SIGHUP (a closed terminal) while a command works:
// undo what it left half-done (temporary files, folders it made) and exit 128 + the signal's number,
// as a shell expects. Handlers run between the command's steps (it yields to the event loop), never in
// the middle of a write. A temporary file left by a process that was killed outright (SIGKILL, power
// loss) is removed by the next command that writes there (removeStaleTemps).
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { processIsAlive } from '../sweep/lock';

const SIGNALS = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 } as const;

/** Runs `undo` and exits when a signal arrives, until the returned function is called. */
export function onInterrupt(undo: () => void): () => void {
  const handlers = Object.entries(SIGNALS).map(([name, n]) => {
    const handler = () => {
      try {
        undo();
      } finally {
        process.stderr.write(`\nmeerwaarde: stopped by ${name}; nothing was written\n`);
        process.exit(128 + n);
      }
    };
    process.on(name, handler);
    return [name, handler] as const;
  });
  return () => {
    for (const [name, handler] of handlers) process.off(name, handler);
  };
}

/** Lets pending signals be handled (a long synchronous stretch would hold them back). */
export function yieldToSignals(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** The temporary name a file is written under before it is renamed into place. */
export function tempName(dir: string, name: string): string {
  return join(dir, `.${name}.${process.pid}.tmp`);
}

/** Removes temporary files of these outputs left in `dir` by processes that are gone; returns their names. */
export function removeStaleTemps(dir: string, names: readonly string[]): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const entry of entries) {
    const m = /^\.(.+)\.(\d+)\.tmp$/.exec(entry);
    if (!m || !names.includes(m[1]) || processIsAlive(Number(m[2]))) continue;
    rmSync(join(dir, entry), { force: true });
    removed.push(entry);
  }
  return removed;
}
