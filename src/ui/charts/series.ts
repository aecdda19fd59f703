// The run's time series on the page: one growing column per SERIES_COLUMNS entry, appended from the
// rows the worker sends with each frame.
import { SERIES_COLUMNS, type SeriesColumn } from '../../engine/sandbox-api';

const WIDTH = SERIES_COLUMNS.length;

export class SeriesStore {
  private columns = new Map<SeriesColumn, number[]>(SERIES_COLUMNS.map((c) => [c, []]));
  /** bumped on every change, so views redraw only when needed */
  version = 0;

  reset(): void {
    for (const c of this.columns.values()) c.length = 0;
    this.version++;
  }

  append(rows: Float64Array): void {
    if (rows.length === 0) return;
    for (let r = 0; r < rows.length; r += WIDTH) {
      SERIES_COLUMNS.forEach((name, i) => this.columns.get(name)!.push(rows[r + i]));
    }
    this.version++;
  }

  get(name: SeriesColumn): number[] {
    return this.columns.get(name)!;
  }

  get length(): number {
    return this.columns.get('month')!.length;
  }
}
