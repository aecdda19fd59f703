// File input and output for the command line. Output files are written to a temporary name in the same
// folder and renamed into place, so a reader never sees a half-written file.
import { closeSync, openSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { InputError } from '../scenario/parse';
import { readJson } from '../sweep/commandSupport';
import { fsReason, isUserFsError, makeDir, removeDirs } from '../sweep/store';
import { onInterrupt, removeStaleTemps, tempName, yieldToSignals } from './interrupt';

/** Reads and parses a JSON input file; any problem is the user's InputError naming the file. */
export function readJsonFile(path: string): unknown {
  return readJson(path);
}

/** Creates the output folder (and missing parents); returns the folders it created. A failure is the user's InputError. */
export function ensureDir(dir: string): string[] {
  try {
    return makeDir(dir);
  } catch (e) {
    if (!isUserFsError(e)) throw e;
    throw new InputError(dir, [{ path: '$', message: `cannot create the output folder: ${fsReason(e)}` }]);
  }
}

/**
 * Checks, before any work is done, that files of these names can be put in dir: dir is not a file,
 * and none of the names is taken by a folder. Throws the user's InputError.
 */
export function checkOutput(dir: string, names: readonly string[]): void {
  // stat follows links: a link to a folder is a folder
  const kind = (p: string) => {
    try {
      return statSync(p).isDirectory() ? 'folder' : 'file';
    } catch {
      return 'absent';
    }
  };
  // the folder, or the nearest of its parents that exists, must be a folder
  for (let p = resolve(dir); ; p = dirname(p)) {
    const k = kind(p);
    if (k === 'file') throw new InputError(dir, [{ path: '$', message: `${p === resolve(dir) ? 'is' : `${p} is`} a file, not a folder (choose another --out)` }]);
    if (k === 'folder' || dirname(p) === p) break;
  }
  for (const name of names) {
    if (kind(join(dir, name)) === 'folder') throw new InputError(join(dir, name), [{ path: '$', message: `is a folder: cannot write ${name} there (choose another --out)` }]);
  }
}

/** Writes text given in pieces (a large trace never becomes one string), letting signals in between. */
async function writeChunks(path: string, chunks: Iterable<string>): Promise<void> {
  const fd = openSync(path, 'w');
  try {
    for (const chunk of chunks) {
      writeSync(fd, chunk);
      await yieldToSignals();
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes all files, each atomically (temp name, then rename); nothing is renamed before every file is
 * written. When writing fails (permission, disk full, a folder in the way) or a signal stops the command,
 * the temporary files and any folder made for them are removed and the files already there are left as
 * they were. Temporary files of these outputs left by a killed process are removed first.
 */
export async function writeFilesAtomically(dir: string, files: Record<string, string | Iterable<string>>): Promise<void> {
  checkOutput(dir, Object.keys(files));
  const created = ensureDir(dir);
  removeStaleTemps(dir, Object.keys(files));
  const temps: [string, string][] = [];
  let current: string | null = null;
  const undo = () => {
    for (const temp of [...temps.map(([t]) => t), ...(current ? [current] : [])]) rmSync(temp, { force: true });
    removeDirs(created);
  };
  const stopWatching = onInterrupt(undo);
  try {
    for (const [name, content] of Object.entries(files)) {
      const target = join(dir, name);
      current = tempName(dirname(target), name);
      if (typeof content === 'string') writeFileSync(current, content);
      else await writeChunks(current, content);
      temps.push([current, target]);
      current = null;
      await yieldToSignals();
    }
  } catch (e) {
    undo();
    stopWatching();
    if (!isUserFsError(e)) throw e;
    throw new InputError(dir, [{ path: '$', message: `cannot write the output: ${fsReason(e)}` }]);
  }
  // the renames are quick and not interrupted: all files or none
  for (const [temp, target] of temps) renameSync(temp, target);
  stopWatching();
}
