// File input and output for the command line. Output files are written to a temporary name in the same
// folder and renamed into place, so a reader never sees a half-written file.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { InputError, parseJsonText } from '../scenario/parse';

export function readJsonFile(path: string): unknown {
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

export function ensureDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new InputError(dir, [{ path: '$', message: `cannot create the output folder: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` }]);
  }
}

/** Writes all files, each atomically (temp name, then rename); nothing is renamed before every file is written. */
export function writeFilesAtomically(dir: string, files: Record<string, string>): void {
  ensureDir(dir);
  const temps: [string, string][] = [];
  for (const [name, content] of Object.entries(files)) {
    const target = join(dir, name);
    const temp = join(dirname(target), `.${name}.${process.pid}.tmp`);
    writeFileSync(temp, content);
    temps.push([temp, target]);
  }
  for (const [temp, target] of temps) renameSync(temp, target);
}
