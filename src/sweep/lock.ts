// One sweep process per output folder: a lock file, created exclusively and touched while the sweep
// runs, that a killed sweep's successor takes over.
import { closeSync, openSync, readFileSync, rmSync, statSync, utimesSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { StoreError } from './store';

export const LOCK_FILE = '.sweep.lock';

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
