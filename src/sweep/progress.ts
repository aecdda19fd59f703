// Progress of a sweep: a bar with runs done, rate and ETA on a terminal; a plain line every few
// seconds when output goes to a file or a Slurm log; nothing with --quiet.

export interface Progress {
  start(total: number, done: number): void;
  update(done: number): void;
  finish(done: number, message: string): void;
}

export const silentProgress: Progress = { start() {}, update() {}, finish() {} };

function clock(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--:--';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (x: number) => String(x).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}

/** The numbers a progress line shows. `since` counts runs done in this session only. */
export function progressFigures(done: number, total: number, since: number, seconds: number) {
  const rate = seconds > 0 ? since / seconds : 0;
  const eta = rate > 0 ? (total - done) / rate : Infinity;
  return { percent: total > 0 ? (100 * done) / total : 100, rate, eta };
}

export interface StreamLike {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** Progress on a stream (stderr): redrawn bar on a terminal, a line every `intervalMs` otherwise. */
export function streamProgress(out: StreamLike, label: string, now: () => number = Date.now, intervalMs = 5000): Progress {
  let total = 0;
  let startDone = 0;
  let t0 = 0;
  let last = -Infinity;
  const tty = out.isTTY === true;
  const line = (done: number) => {
    const { percent, rate, eta } = progressFigures(done, total, done - startDone, (now() - t0) / 1000);
    const figures = `${done}/${total} runs  ${percent.toFixed(1)}%  ${rate.toFixed(1)} runs/s  ETA ${clock(eta)}`;
    if (!tty) return `${label}: ${figures}\n`;
    const width = Math.max(10, Math.min(40, (out.columns ?? 80) - figures.length - label.length - 6));
    const filled = Math.round((width * percent) / 100);
    return `\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${figures}\x1b[K`;
  };
  return {
    start(n, done) {
      total = n;
      startDone = done;
      t0 = now();
      if (done > 0) out.write(`${label}: resuming at ${done}/${n} runs\n`);
    },
    update(done) {
      const t = now();
      if (t - last < (tty ? 100 : intervalMs)) return;
      last = t;
      out.write(line(done));
    },
    finish(done, message) {
      if (tty) out.write(line(done) + '\n');
      out.write(`${label}: ${message}\n`);
    },
  };
}
