// Interpolation between monthly snapshots. Pure: the caller passes the clock.
import { clamp } from './rect';

export function lerp(a: number, b: number, t: number): number {
  return a + (b - a) * t;
}

/** Smooth start and stop, t in [0,1]. */
export function easeInOutCubic(t: number): number {
  const x = clamp(t, 0, 1);
  return x < 0.5 ? 4 * x * x * x : 1 - ((-2 * x + 2) ** 3) / 2;
}

/**
 * How long a transition between months lasts: most of the time between updates (so a fast run still
 * looks continuous), at most `maxMs` (so a slow, round-based run settles quickly).
 */
export function transitionMs(intervalMs: number | null, maxMs = 650, minMs = 60): number {
  if (intervalMs === null || !Number.isFinite(intervalMs) || intervalMs <= 0) return maxMs;
  return clamp(intervalMs * 0.85, minMs, maxMs);
}

/**
 * A fixed-length vector of numbers that glides from where it is to a new target. `to` is written
 * by the caller, then `retarget` starts the glide from the current values; `sample` advances.
 */
export class VectorTween {
  readonly from: Float64Array;
  readonly to: Float64Array;
  readonly value: Float64Array;
  private startMs = 0;
  private durationMs = 0;
  private running = false;

  constructor(readonly length: number) {
    this.from = new Float64Array(length);
    this.to = new Float64Array(length);
    this.value = new Float64Array(length);
  }

  get active(): boolean {
    return this.running;
  }

  /** Glide from the current value to `to` over durationMs from nowMs; 0 jumps. */
  retarget(nowMs: number, durationMs: number): void {
    this.from.set(this.value);
    this.startMs = nowMs;
    this.durationMs = durationMs;
    this.running = true;
    if (durationMs <= 0) this.snap();
  }

  /** Jump to the target. */
  snap(): void {
    this.value.set(this.to);
    this.from.set(this.to);
    this.running = false;
  }

  /** whether a month has arrived since the last clear(): the first one jumps, later ones glide */
  hasData = false;

  /** A new month's target (already written into `to`): glide to it, or jump if it is the first. */
  arrive(nowMs: number, durationMs: number): void {
    if (this.hasData) this.retarget(nowMs, durationMs);
    else this.snap();
    this.hasData = true;
  }

  /** One frame: advance (or, with motion off, finish at once); true if the values changed. */
  step(nowMs: number, motion: boolean): boolean {
    if (!motion && this.running) {
      this.snap();
      return true;
    }
    return this.sample(nowMs);
  }

  /** Back to zero, with no data. */
  clear(): void {
    this.to.fill(0);
    this.snap();
    this.hasData = false;
  }

  /** Advance to nowMs; true if the values changed. */
  sample(nowMs: number): boolean {
    if (!this.running) return false;
    const t = this.durationMs > 0 ? (nowMs - this.startMs) / this.durationMs : 1;
    if (t >= 1) {
      this.snap();
      return true;
    }
    const e = easeInOutCubic(t);
    for (let i = 0; i < this.length; i++) this.value[i] = this.from[i] + (this.to[i] - this.from[i]) * e;
    return true;
  }
}

/**
 * The scale of loop flows. The model's flows are monthly changes whose size depends on the scenario,
 * so arrows are drawn relative to a slowly decaying maximum of recent |flow| (about a two-year memory).
 */
export class FlowScale {
  private max: number;
  constructor(
    private readonly floor = 1e-4,
    private readonly decayPerMonth = 0.96,
  ) {
    this.max = floor;
  }

  get value(): number {
    return this.max;
  }

  /** Feed one month's largest |flow|; returns the scale to divide by. */
  observe(absMax: number): number {
    const m = Number.isFinite(absMax) ? Math.abs(absMax) : 0;
    this.max = Math.max(this.floor, m, this.max * this.decayPerMonth);
    return this.max;
  }

  reset(): void {
    this.max = this.floor;
  }
}

/** Strength of a flow in [0,1] relative to the scale; square root so small flows stay visible. */
export function flowStrength(flow: number, scale: number): number {
  if (!Number.isFinite(flow) || scale <= 0) return 0;
  return Math.sqrt(clamp(Math.abs(flow) / scale, 0, 1));
}

/** Sign of a flow as drawn: 0 when it is under `deadZone` of the scale. */
export function flowTone(flow: number, scale: number, deadZone = 0.03): -1 | 0 | 1 {
  if (!Number.isFinite(flow) || scale <= 0 || Math.abs(flow) < deadZone * scale) return 0;
  return flow > 0 ? 1 : -1;
}

/** Round to a step, so a Graphics is redrawn only when what it shows changes visibly. */
export function quantise(x: number, step: number): number {
  return Math.round(x / step) * step;
}
