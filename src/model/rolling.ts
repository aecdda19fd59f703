// Twelve-month rolling sums of monthly series (the indicators are 12-month rolling figures).
export const SERIES = [
  'jobStarts',
  'durableStarts',
  'ladderNet',
  'sanctions',
  'wrongful',
  'reentries',
  'programmeSpend',
  'targetGroupJobs',
  'stock',
  'displaced',
] as const;
export type SeriesName = (typeof SERIES)[number];

export class Rolling {
  private readonly buf: Float64Array;
  private readonly sums: Float64Array;
  private pos = 0;
  filled = 0;

  constructor(readonly window: number) {
    this.buf = new Float64Array(window * SERIES.length);
    this.sums = new Float64Array(SERIES.length);
  }

  /** adds one month (values in SERIES order) */
  push(values: Record<SeriesName, number>): void {
    const base = this.pos * SERIES.length;
    for (let s = 0; s < SERIES.length; s++) {
      const v = values[SERIES[s]];
      this.sums[s] += v - this.buf[base + s];
      this.buf[base + s] = v;
    }
    this.pos = (this.pos + 1) % this.window;
    if (this.filled < this.window) this.filled++;
  }

  /** sum over the window, scaled up to a full year while the window fills */
  yearly(name: SeriesName): number {
    const i = SERIES.indexOf(name);
    return this.filled === 0 ? 0 : (this.sums[i] * this.window) / this.filled;
  }

  /** mean over the window */
  mean(name: SeriesName): number {
    const i = SERIES.indexOf(name);
    return this.filled === 0 ? 0 : this.sums[i] / this.filled;
  }
}
