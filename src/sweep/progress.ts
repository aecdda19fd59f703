// Progress of a sweep: a bar with runs done, rate and ETA on a terminal; a plain line every few
// seconds when output goes to a file or a Slurm log; nothing with --quiet.

export interface Progress {
  /** `capacity`: runs in flight at once (the rate is measured once they have all come back once) */
  start(total: number, done: number, capacity: number): void;
  update(done: number): void;
  finish(done: number, message: string): void;
  /** a message while the bar runs (a signal): on a line of its own, the bar redrawn after it */
  note(message: string): void;
  /** the sweep ends at once: the bar's line is ended, then the message */
  interrupt(message: string): void;
}

export const silentProgress: Progress = { start() {}, update() {}, finish() {}, note() {}, interrupt() {} };

function clock(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--:--';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (x: number) => String(x).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}

/**
 * Rate and ETA of a sweep, measured only once it runs at speed: the first runs back include the
 * workers' warm-up (a cold JIT makes them several times slower) and the filling of the pipeline, so
 * the clock starts when `capacity` runs have come back, and the ETA is shown once as many again have.
 * Until then the rate and the ETA are unknown (NaN and Infinity).
 */
export class RateMeter {
  private mark: { t: number; done: number } | null = null;

  constructor(
    private readonly startDone: number,
    private readonly capacity: number,
  ) {}

  figures(done: number, total: number, t: number) {
    const since = done - this.startDone;
    if (!this.mark && since >= this.capacity) this.mark = { t, done };
    const measured = this.mark ? done - this.mark.done : 0;
    const seconds = this.mark ? t - this.mark.t : 0;
    const rate = measured >= this.capacity && seconds > 0 ? measured / seconds : NaN;
    const eta = done >= total ? 0 : rate > 0 ? (total - done) / rate : Infinity;
    return { percent: total > 0 ? (100 * done) / total : 100, rate, eta };
  }
}

export interface StreamLike {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/**
 * The bar's line, fitted to `columns - 3` characters so that the terminal never wraps it, also not
 * when it echoes a Ctrl-C ("^C") after it (a wrapped line makes every redraw scroll): the bar
 * shrinks, then goes, then the rate, then the label.
 */
export function barLine(label: string, done: number, total: number, f: { percent: number; rate: number; eta: number }, columns: number): string {
  const max = Math.max(1, columns - 3);
  const count = `${done}/${total} runs`;
  const percent = `${f.percent.toFixed(1)}%`;
  const rate = Number.isNaN(f.rate) ? '' : `${f.rate.toFixed(1)} runs/s`;
  const eta = `ETA ${Number.isFinite(f.eta) ? clock(f.eta) : '--:--'}`;
  const join = (parts: string[]) => parts.filter((p) => p !== '').join('  ');
  const figures = join([count, percent, rate, eta]);
  const room = max - label.length - figures.length - 4; // "label [" + "] "
  if (room >= 10) {
    const width = Math.min(40, room);
    const filled = Math.round((width * f.percent) / 100);
    return `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${figures}`;
  }
  for (const line of [`${label} ${figures}`, `${label} ${join([count, percent, eta])}`, join([count, percent, eta]), join([count, eta]), count]) {
    if (line.length <= max) return line;
  }
  return count.slice(0, max);
}

/**
 * Progress on a stream (stderr): redrawn bar on a terminal, a line every `intervalMs` otherwise. On a
 * terminal the bar is also redrawn every `tickMs` while no run comes back (long runs), so that its
 * ETA keeps counting down.
 */
export function streamProgress(out: StreamLike, label: string, now: () => number = Date.now, intervalMs = 5000, tickMs = 1000): Progress {
  let total = 0;
  let meter = new RateMeter(0, 1);
  let last = -Infinity;
  let lastDone = 0;
  /** the cursor is on the bar's line, after the bar */
  let onBar = false;
  let ticker: ReturnType<typeof setInterval> | null = null;
  const tty = out.isTTY === true;
  const figures = (done: number) => meter.figures(done, total, now() / 1000);
  const draw = (done: number) => {
    out.write(`\r${barLine(label, done, total, figures(done), out.columns ?? 80)}\x1b[K`);
    onBar = true;
    last = now();
  };
  const stopTicker = () => {
    if (ticker) clearInterval(ticker);
    ticker = null;
  };
  const endBar = () => {
    stopTicker();
    if (onBar) out.write('\n');
    onBar = false;
  };
  return {
    start(n, done, capacity) {
      total = n;
      lastDone = done;
      meter = new RateMeter(done, Math.max(1, capacity));
      if (done > 0) out.write(`${label}: resuming at ${done}/${n} runs\n`);
      if (tty && tickMs > 0) {
        ticker = setInterval(() => {
          if (onBar && now() - last >= tickMs) draw(lastDone);
        }, tickMs);
        ticker.unref();
      }
    },
    update(done) {
      lastDone = done;
      const t = now();
      if (t - last < (tty ? 100 : intervalMs)) {
        figures(done); // the meter still sees every run come back
        return;
      }
      if (tty) draw(done);
      else {
        last = t;
        const f = figures(done);
        const rate = Number.isNaN(f.rate) ? '' : `  ${f.rate.toFixed(1)} runs/s`;
        out.write(`${label}: ${done}/${total} runs  ${f.percent.toFixed(1)}%${rate}  ETA ${Number.isFinite(f.eta) ? clock(f.eta) : '--:--'}\n`);
      }
    },
    finish(done, message) {
      if (tty) {
        draw(done);
        endBar();
      }
      stopTicker();
      out.write(`${label}: ${message}\n`);
    },
    note(message) {
      if (onBar) out.write('\r\x1b[K');
      onBar = false;
      out.write(`${label}: ${message}\n`);
      if (tty && total > 0) draw(lastDone);
    },
    interrupt(message) {
      endBar();
      out.write(`${label}: ${message}\n`);
    },
  };
}
