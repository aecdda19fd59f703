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
import { closeSync, existsSync, fstatSync, fsyncSync, ftruncateSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmdirSync, rmSync, statSync, utimesSync, writeFileSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { StringDecoder } from 'node:string_decoder';

export const RUNS_FILE = 'runs.csv';
export const MONTHLY_FILE = 'monthly.csv';
export const MANIFEST_FILE = 'manifest.json';
export const EXPERIMENT_FILE = 'experiment.json';
export const LOCK_FILE = '.sweep.lock';

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

/** How often a running sweep touches its lock, and how long an untouched lock counts as held. */
const LOCK_BEAT_MS = 10_000;
const LOCK_STALE_MS = 60_000;

interface LockHolder {
  pid: number;
  host: string;
  started: string;
  /** Linux: the owner's start time in clock ticks after boot (/proc/PID/stat field 22), so a pid reused by another process is not taken for the owner */
  since?: number;
}

export interface SweepLock {
  release(): void;
}

/**
 * Takes the output directory for one sweep process, so that the same sweep started twice (two
 * terminals, a job array submitted again) cannot append to the same files. The lock is a file created
 * exclusively and touched every few seconds; one left by a process that died (killed, node failure)
 * is taken over: on the same host at once when its process is gone or a zombie (killed, not yet reaped),
 * on another host when it is a minute old.
 */
export function lockDirectory(dir: string): SweepLock {
  const path = join(dir, LOCK_FILE);
  const since = processStat(process.pid)?.since;
  const me = `${JSON.stringify({ pid: process.pid, host: hostname(), started: new Date().toISOString(), ...(since !== undefined ? { since } : {}) })}\n`;
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      try {
        writeSync(fd, me);
      } finally {
        closeSync(fd);
      }
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = readLock(path);
      if (attempt > 0 || lockIsHeld(path, holder)) {
        const who = holder ? `pid ${holder.pid} on ${holder.host}, since ${holder.started}` : 'another process';
        throw new StoreError(`${dir} is in use by another sweep (${who}): wait for it to finish or stop it; if none is running, delete ${path}`);
      }
      rmSync(path, { force: true });
    }
  }
  const beat = setInterval(() => {
    try {
      const now = new Date();
      utimesSync(path, now, now);
    } catch {
      // the next beat tries again
    }
  }, LOCK_BEAT_MS);
  beat.unref();
  return {
    release() {
      clearInterval(beat);
      try {
        if (readFileSync(path, 'utf8') === me) rmSync(path, { force: true });
      } catch {
        // gone already
      }
    },
  };
}

function readLock(path: string): LockHolder | null {
  try {
    const h = JSON.parse(readFileSync(path, 'utf8')) as LockHolder;
    return Number.isSafeInteger(h?.pid) && typeof h.host === 'string' ? h : null;
  } catch {
    return null;
  }
}

function lockIsHeld(path: string, holder: LockHolder | null): boolean {
  let age: number;
  try {
    age = Date.now() - statSync(path).mtimeMs;
  } catch {
    return false;
  }
  if (!holder || age > LOCK_STALE_MS) return false;
  if (holder.host !== hostname()) return true;
  return processIsAlive(holder.pid, holder.since);
}

/** State and start time of a process from /proc/PID/stat (Linux), or null where there is no such file. */
function processStat(pid: number): { state: string; since: number } | null {
  if (process.platform !== 'linux') return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the command name (field 2) is in parentheses and may hold spaces: fields 3.. follow the last ")"
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0], since: Number(fields[19]) };
  } catch {
    return null;
  }
}

/**
 * Is a process on this host still running? A zombie (killed, not yet reaped by its parent: state Z
 * in /proc/PID/stat) or a dying process (X) is not, nor a new process that reuses the pid (another
 * start time). Elsewhere than Linux: whether signal 0 reaches it.
 */
export function processIsAlive(pid: number, since?: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
  if (process.platform !== 'linux') return true;
  const stat = processStat(pid);
  if (!stat) return false; // gone between the two looks
  if (stat.state === 'Z' || stat.state === 'X' || stat.state === 'x') return false;
  return since === undefined || stat.since === since;
}
