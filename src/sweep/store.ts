// The sweep's output directory, written so that a kill at any moment (SIGKILL, power loss) leaves
// files a resume can repair to exactly the runs committed, never more and never corrupt.
//
// Rules that make it so:
//  1. Rows are committed in run order (the sweep reorders results), so runs.csv always holds a
//     prefix of the shard's runs and "how far did we get" is its line count.
//  2. For each batch, monthly.csv rows are written (and flushed to disk) before the runs.csv rows
//     of the same runs, so every run in runs.csv has its monthly rows on disk.
//  3. On resume, a partial last line is cut off, and monthly rows of runs that runs.csv does not
//     hold (written just before a kill) are cut off from the end of monthly.csv.
//  4. manifest.json and experiment.json are replaced atomically (write, fsync, rename).
import { closeSync, existsSync, fstatSync, fsyncSync, ftruncateSync, mkdirSync, openSync, readSync, renameSync, rmdirSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { StringDecoder } from 'node:string_decoder';

export const RUNS_FILE = 'runs.csv';
export const MONTHLY_FILE = 'monthly.csv';
export const MANIFEST_FILE = 'manifest.json';
export const EXPERIMENT_FILE = 'experiment.json';

/** File-system error codes that come from where the user asked us to read or write, not from a defect. */
const USER_FS_CODES = new Set(['ENOENT', 'ENOTDIR', 'EEXIST', 'EISDIR', 'EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EDQUOT', 'ENAMETOOLONG', 'ELOOP', 'EBUSY', 'ETXTBSY']);

/** Is this a file-system error about the path the user gave (permission, read-only, not a folder, disk full)? */
export function isUserFsError(e: unknown): e is NodeJS.ErrnoException {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && USER_FS_CODES.has(code);
}

/** A file-system error in plain words. */
export function fsReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'ENOTDIR':
      return 'a part of the path is a file, not a folder';
    case 'EEXIST':
      return 'a file of that name exists, not a folder';
    case 'EISDIR':
      return 'is a folder, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'read-only file system';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EDQUOT':
      return 'disk quota exceeded';
    case 'ENAMETOOLONG':
      return 'the name is too long';
    default:
      return (e as Error)?.message ?? String(e);
  }
}

/**
 * Creates a folder and its missing parents; returns the folders it created, outermost first (so a
 * failed command can remove them again). Unlike mkdirSync(dir, { recursive: true }), which loops
 * forever on Node 20 where the kernel answers ENOENT for an existing parent (e.g. under /proc), it
 * makes one folder at a time. Throws the file-system error (see fsReason) or ENOTDIR for a file.
 */
export function makeDir(dir: string): string[] {
  const missing: string[] = [];
  for (let p = resolve(dir); ; ) {
    let isDir: boolean;
    try {
      isDir = statSync(p).isDirectory();
    } catch (e) {
      const parent = dirname(p);
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT' || parent === p) throw e;
      missing.push(p);
      p = parent;
      continue;
    }
    if (!isDir) {
      const code = p === resolve(dir) ? 'EEXIST' : 'ENOTDIR';
      throw Object.assign(new Error(`${code}: not a directory, mkdir '${p}'`), { code });
    }
    break;
  }
  const created: string[] = [];
  try {
    for (const p of missing.reverse()) {
      mkdirSync(p);
      created.push(p);
    }
  } catch (e) {
    removeDirs(created);
    throw e;
  }
  return created;
}

/** Removes folders made by makeDir (innermost first), if they are empty; never throws. */
export function removeDirs(created: readonly string[]): void {
  for (const p of [...created].reverse()) {
    try {
      rmdirSync(p);
    } catch {
      return;
    }
  }
}

/** Writes a file so that readers see the old or the new content, never a mix. */
export function writeAtomic(path: string, text: string): void {
  const tmp = `${path}.tmp`;
  writeFileSync(tmp, text);
  const fd = openSync(tmp, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

const CHUNK = 1 << 20;

/** Byte offset just after the last "\n" of an open file (0 when there is none). */
function endOfLastLine(fd: number): number {
  let end = fstatSync(fd).size;
  const buf = Buffer.alloc(CHUNK);
  while (end > 0) {
    const start = Math.max(0, end - CHUNK);
    const n = readSync(fd, buf, 0, end - start, start);
    const i = buf.subarray(0, n).lastIndexOf(10);
    if (i >= 0) return start + i + 1;
    end = start;
  }
  return 0;
}

/** Calls `onLine` for every complete line of the file's first `limit` bytes, in order, in O(1) memory. */
export function forEachLine(fd: number, limit: number, onLine: (line: string, index: number) => void): void {
  const buf = Buffer.alloc(CHUNK);
  let pos = 0;
  let carry = '';
  let index = 0;
  const decoder = new StringDecoder('utf8');
  while (pos < limit) {
    const n = readSync(fd, buf, 0, Math.min(CHUNK, limit - pos), pos);
    if (n <= 0) break;
    pos += n;
    const text = carry + decoder.write(buf.subarray(0, n));
    const lines = text.split('\n');
    carry = lines.pop()!;
    for (const line of lines) onLine(line, index++);
  }
}

/** The first line of a file, or null. */
function firstLine(fd: number): string | null {
  let first: string | null = null;
  const buf = Buffer.alloc(64 * 1024);
  const n = readSync(fd, buf, 0, buf.length, 0);
  const i = buf.subarray(0, n).indexOf(10);
  if (i >= 0) first = buf.toString('utf8', 0, i);
  return first;
}

export interface OpenedStore {
  store: SweepStore;
  /** rows already in runs.csv (committed runs of this shard) */
  committed: number;
}

/** An output directory open for appending. */
export class SweepStore {
  private constructor(
    readonly dir: string,
    private readonly runsFd: number,
    private readonly monthlyFd: number | null,
  ) {}

  /**
   * Opens the files of a sweep, creating them with their headers, or, when they exist, repairing
   * them after a crash (rule 3). `lastRunOf(committed)` gives the run id of the committed-th run.
   */
  static open(dir: string, runsHeader: string, monthlyHeader: string | null, runOfRow: (k: number) => number): OpenedStore {
    const runsFd = openFor(join(dir, RUNS_FILE));
    const committed = repairRuns(runsFd, runsHeader, runOfRow, join(dir, RUNS_FILE));
    let monthlyFd: number | null = null;
    if (monthlyHeader !== null) {
      monthlyFd = openFor(join(dir, MONTHLY_FILE));
      repairMonthly(monthlyFd, monthlyHeader, committed > 0 ? runOfRow(committed - 1) : -1, join(dir, MONTHLY_FILE));
    }
    return { store: new SweepStore(dir, runsFd, monthlyFd), committed };
  }

  /** Appends a batch of committed runs: monthly rows first, on disk, then their runs.csv rows. */
  append(rows: string, monthly: string): void {
    if (this.monthlyFd !== null && monthly.length > 0) {
      writeAll(this.monthlyFd, monthly);
      fsyncSync(this.monthlyFd);
    }
    writeAll(this.runsFd, rows);
  }

  /** Flushes runs.csv to disk. */
  sync(): void {
    fsyncSync(this.runsFd);
  }

  close(): void {
    this.sync();
    closeSync(this.runsFd);
    if (this.monthlyFd !== null) closeSync(this.monthlyFd);
  }
}

function openFor(path: string): number {
  return openSync(path, existsSync(path) ? 'r+' : 'w+');
}

function writeAll(fd: number, text: string): void {
  const buf = Buffer.from(text, 'utf8');
  const size = fstatSync(fd).size;
  let done = 0;
  while (done < buf.length) done += writeSync(fd, buf, done, buf.length - done, size + done);
}

/** Cuts a partial last line, checks the header and the rows' run ids; returns the committed count. */
function repairRuns(fd: number, header: string, runOfRow: (k: number) => number, path: string): number {
  const end = endOfLastLine(fd);
  if (end === 0) {
    ftruncateSync(fd, 0);
    writeAll(fd, header);
    fsyncSync(fd);
    return 0;
  }
  const first = firstLine(fd);
  if (first + '\n' !== header) throw new StoreError(`${path} has other columns than this experiment: ${first}`);
  let rows = 0;
  let bad: string | null = null;
  forEachLine(fd, end, (line, i) => {
    if (i === 0) return;
    const run = Number(line.slice(0, line.indexOf(',')));
    if (bad === null && run !== runOfRow(i - 1)) bad = `row ${i} holds run ${run} where run ${runOfRow(i - 1)} belongs`;
    rows++;
  });
  if (bad) throw new StoreError(`${path} is not a prefix of this sweep's runs: ${bad}`);
  // only a file that belongs to this sweep loses its partial last line
  ftruncateSync(fd, end);
  return rows;
}

/** Cuts a partial last line and the rows of runs after `lastRun`; writes the header if missing. */
function repairMonthly(fd: number, header: string, lastRun: number, path: string): void {
  let end = endOfLastLine(fd);
  if (end === 0) {
    ftruncateSync(fd, 0);
    writeAll(fd, header);
    fsyncSync(fd);
    return;
  }
  const first = firstLine(fd);
  if (first + '\n' !== header) throw new StoreError(`${path} has other columns than this experiment: ${first}`);
  end = Math.max(Buffer.byteLength(header), lastRowEnd(fd, end, lastRun));
  ftruncateSync(fd, end);
}

/**
 * End offset of the last row whose run id is at most `lastRun`, reading backwards from `end`.
 * Rows are in run order, so the rows to cut (runs not committed to runs.csv) are all at the end.
 */
function lastRowEnd(fd: number, end: number, lastRun: number): number {
  let pos = end; // a line ends at pos (byte pos - 1 is "\n")
  let bufStart = end;
  let buf = Buffer.alloc(0); // bytes [bufStart, pos)
  for (;;) {
    const nl = pos - bufStart >= 2 ? buf.lastIndexOf(10, pos - bufStart - 2) : -1;
    if (nl < 0 && bufStart > 0) {
      // the line starts before the buffer: read the chunk before it
      const start = Math.max(0, bufStart - CHUNK);
      const chunk = Buffer.alloc(bufStart - start);
      readSync(fd, chunk, 0, chunk.length, start);
      buf = Buffer.concat([chunk, buf]);
      bufStart = start;
      continue;
    }
    const line = buf.toString('utf8', nl + 1, pos - bufStart - 1);
    const run = Number(line.slice(0, line.indexOf(',')));
    // stop at a row that belongs, or at the header
    if (!Number.isInteger(run) || run <= lastRun || nl < 0) return nl < 0 && Number.isInteger(run) && run > lastRun ? 0 : pos;
    pos = bufStart + nl + 1;
    buf = buf.subarray(0, pos - bufStart);
  }
}

/** A sweep directory that cannot be resumed as asked. */
export class StoreError extends Error {
  override name = 'StoreError';
}
