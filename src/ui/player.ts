// Plays the run: asks the worker for months at the chosen speed, one request in flight at a time.
// At a set speed, months fall due with the clock. At full speed the page asks for one batch per
// animation frame and the worker steps for part of a frame's time (as many months as fit), so the run
// goes as fast as the page can draw while the worker leaves room for drawing on small machines. The page
// keeps only the latest snapshot per drawn frame (app.ts), so frames never queue up.
import * as Comlink from 'comlink';
import type { AdvanceRequest, Frame, LoadRequest, SandboxApi } from '../engine/sandbox-api';
import type { ReplayApi } from '../engine/replay';
import { MONTHS_PER_SECOND, type Speed } from './store';

/** the worker's API: the live run (sandbox-api) and whole runs, rewind and branch (replay) */
export type SandboxRemote = Comlink.Remote<SandboxApi & ReplayApi>;

export function startWorker(): { api: SandboxRemote; worker: Worker } {
  const worker = new Worker(new URL('../../workers/sim.worker.ts', import.meta.url), { type: 'module', name: 'meerwaarde-model' });
  return { api: Comlink.wrap<SandboxApi & ReplayApi>(worker), worker };
}

/** how long the worker steps per batch (one batch per animation frame) at full speed */
const FULL_SPEED_BUDGET_MS = 8;
/** the panels' report is asked for at most this often while playing */
const REPORT_EVERY_MS = 500;

export interface PlayerEvents {
  frame(frame: Frame, kind: 'load' | 'advance'): void;
  error(error: unknown): void;
  /** playing stopped by itself (end of the run) */
  stopped(): void;
}

export class Player {
  playing = false;
  speed: Speed = 'normal';
  private generation = 0;
  private inFlight = false;
  /** the request on its way, if any (pause waits for it, so the report that follows is the last month's) */
  private pending: Promise<void> | null = null;
  private due = 0;
  private lastTick = -1;
  private lastReport = -Infinity;
  done = false;

  constructor(
    private readonly api: SandboxRemote,
    private readonly events: PlayerEvents,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** start a run; frames of an earlier run still on their way are dropped */
  async load(req: LoadRequest): Promise<Frame> {
    this.playing = false;
    const generation = ++this.generation;
    this.inFlight = true;
    try {
      const frame = await this.api.load(req);
      if (generation === this.generation) {
        this.done = frame.done;
        this.events.frame(frame, 'load');
      }
      return frame;
    } finally {
      if (generation === this.generation) this.inFlight = false;
    }
  }

  play(): void {
    if (this.done) return;
    this.playing = true;
    this.due = 0;
    this.lastTick = -1;
  }

  pause(): void {
    this.playing = false;
  }

  setSpeed(speed: Speed): void {
    this.speed = speed;
    this.due = 0;
  }

  /** one month, with a fresh report; resolves when it has arrived */
  async step(): Promise<void> {
    if (this.done) return;
    this.playing = false;
    await this.request({ months: 1, report: true });
  }

  /** call once per animation frame */
  tick(time: number): void {
    const speed = this.speed;
    const dt = this.lastTick < 0 ? 0 : Math.min(250, time - this.lastTick);
    this.lastTick = time;
    if (!this.playing) return;
    if (speed === 'full') {
      if (!this.inFlight) void this.request({ months: Number.MAX_SAFE_INTEGER, budgetMs: FULL_SPEED_BUDGET_MS, report: false });
      return;
    }
    this.due += (dt / 1000) * MONTHS_PER_SECOND[speed];
    if (this.inFlight || this.due < 1) return;
    const months = Math.floor(this.due);
    this.due -= months;
    void this.request({ months, report: false });
  }

  /**
   * The report of the month reached, without stepping. A request still on its way (full speed) lands
   * first, so the report is never a month behind the frame the page shows (issue 7, defect 1: after a
   * pause at full speed the panels kept showing a month the header had left).
   */
  async refreshReport(): Promise<void> {
    while (this.pending) await this.pending;
    await this.request({ months: 0, report: true });
  }

  /** resolves when no request is on its way */
  async settle(): Promise<void> {
    while (this.pending) await this.pending;
  }

  private request(req: AdvanceRequest): Promise<void> {
    if (this.inFlight) return this.pending ?? Promise.resolve();
    const p = this.send(req).finally(() => {
      if (this.pending === p) this.pending = null;
    });
    this.pending = p;
    return p;
  }

  private async send(req: AdvanceRequest): Promise<void> {
    const t = this.now();
    const report = req.report || t - this.lastReport >= REPORT_EVERY_MS;
    if (report) this.lastReport = t;
    const generation = this.generation;
    this.inFlight = true;
    let frame: Frame;
    try {
      frame = await this.api.advance({ ...req, report });
    } catch (error) {
      this.inFlight = false;
      this.playing = false;
      this.events.error(error);
      return;
    }
    this.inFlight = false;
    if (generation !== this.generation) return;
    this.done = frame.done;
    this.events.frame(frame, 'advance');
    if (frame.done && this.playing) {
      this.playing = false;
      this.events.stopped();
    }
  }
}
