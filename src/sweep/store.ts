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
import { closeSync, existsSync, fstatSync, fsyncSync, ftruncateSync, openSync, readSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';

export const RUNS_FILE = 'runs.csv';
export const MONTHLY_FILE = 'monthly.csv';
export const MANIFEST_FILE = 'manifest.json';
export const EXPERIMENT_FILE = 'experiment.json';

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
    const committed = repairRuns(runsFd, runsHeader, runOfRow);
    let monthlyFd: number | null = null;
    if (monthlyHeader !== null) {
      monthlyFd = openFor(join(dir, MONTHLY_FILE));
      repairMonthly(monthlyFd, monthlyHeader, committed > 0 ? runOfRow(committed - 1) : -1);
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
function repairRuns(fd: number, header: string, runOfRow: (k: number) => number): number {
  const end = endOfLastLine(fd);
  ftruncateSync(fd, end);
  if (end === 0) {
    writeAll(fd, header);
    fsyncSync(fd);
    return 0;
  }
  const first = firstLine(fd);
  if (first + '\n' !== header) throw new StoreError(`${RUNS_FILE} has other columns than this experiment: ${first}`);
  let rows = 0;
  let bad: string | null = null;
  forEachLine(fd, end, (line, i) => {
    if (i === 0) return;
    const run = Number(line.slice(0, line.indexOf(',')));
    if (bad === null && run !== runOfRow(i - 1)) bad = `row ${i} holds run ${run} where run ${runOfRow(i - 1)} belongs`;
    rows++;
  });
  if (bad) throw new StoreError(`${RUNS_FILE} is not a prefix of this sweep's runs: ${bad}`);
  return rows;
}

/** Cuts a partial last line and the rows of runs after `lastRun`; writes the header if missing. */
function repairMonthly(fd: number, header: string, lastRun: number): void {
  let end = endOfLastLine(fd);
  if (end === 0) {
    ftruncateSync(fd, 0);
    writeAll(fd, header);
    fsyncSync(fd);
    return;
  }
  const first = firstLine(fd);
  if (first + '\n' !== header) throw new StoreError(`${MONTHLY_FILE} has other columns than this experiment: ${first}`);
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

