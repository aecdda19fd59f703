// A line chart over the months of a run (SVG), with a legend that shows each line's colour and dash,
// a sentence describing the lines (its text alternative) and a table view of the data.
import { h } from '../../dom';
import { ChartFigure, chartTable, tableMonths } from './chart-figure';
import { dashArray, linear, linePath, svg, swatch, ticks } from './svg';

export interface ChartLine {
  key: string;
  name: string;
  /** values[i] is month i + 1 */
  values: ArrayLike<number>;
  color: string;
  dash?: number[];
  width?: number;
}

export interface LineChartData {
  lines: ChartLine[];
  /** the y range; default [0, 1] */
  y?: [number, number];
  /** a vertical marker at this month (a branch point, a new alderman) */
  marker?: number | null;
  /** what the marker stands for, in the description (default: the branch) */
  markerLabel?: string;
  /** a horizontal reference line (loop gain 1) */
  reference?: number | null;
  format: (v: number) => string;
}

/** table rows every this many months */
const TABLE_EVERY = 6;

export class LineChart extends ChartFigure<LineChartData> {
  protected override legendOf(d: LineChartData): HTMLElement[] {
    return d.lines.map((l) => h('li', {}, swatch(l.color, l.dash, l.width ?? 2.5), l.name));
  }

  protected describe(d: LineChartData): string {
    const parts = d.lines.map((l) => {
      const first = firstFinite(l.values);
      const last = lastFinite(l.values);
      return this.x.t('chart.seriesAt', { name: l.name, first: d.format(first.v), m1: first.i + 1, last: d.format(last.v), m2: last.i + 1 });
    });
    if (d.marker) parts.push(d.markerLabel ?? this.x.t('chart.marker', { month: d.marker }));
    // one line named as the chart: its name says the title already
    const one = d.lines.length === 1 && d.lines[0].name === this.title();
    return one ? `${parts.join('; ')}.` : this.x.t('chart.summary', { title: this.title(), series: parts.join('; ') + '.' });
  }

  protected tableOf(d: LineChartData): HTMLTableElement {
    const months = d.lines[0]?.values.length ?? 0;
    return chartTable(this.title(), [this.x.t('chart.month'), ...d.lines.map((l) => l.name)], tableMonths(months, TABLE_EVERY).map((m) => [m, ...d.lines.map((l) => d.format(l.values[m - 1]))]));
  }

  protected svgOf(d: LineChartData, width: number): SVGSVGElement {
    const height = this.height;
    const pad = { left: 46, right: 12, top: 10, bottom: 34 };
    const months = Math.max(1, d.lines[0]?.values.length ?? 1);
    const [y0, y1] = d.y ?? [0, 1];
    const sx = linear([1, months], [pad.left, width - pad.right]);
    const sy = linear([y0, y1], [height - pad.bottom, pad.top]);
    const root = svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, 'aria-hidden': 'true', class: 'xchart-svg' });
    for (const t of ticks(y0, y1, 4)) {
      root.append(svg('line', { x1: pad.left, x2: width - pad.right, y1: sy(t), y2: sy(t), class: 'grid' }));
      root.append(svg('text', { x: pad.left - 6, y: sy(t) + 4, 'text-anchor': 'end', class: 'tick' }, d.format(t)));
    }
    const step = months > 60 ? 24 : 12;
    for (let m = step; m <= months; m += step) {
      root.append(svg('line', { x1: sx(m), x2: sx(m), y1: height - pad.bottom, y2: height - pad.bottom + 4, class: 'axis' }));
      root.append(svg('text', { x: sx(m), y: height - pad.bottom + 16, 'text-anchor': 'middle', class: 'tick' }, String(m)));
    }
    root.append(svg('text', { x: (pad.left + width - pad.right) / 2, y: height - 4, 'text-anchor': 'middle', class: 'axis-title' }, this.x.t('chart.month')));
    root.append(svg('line', { x1: pad.left, x2: width - pad.right, y1: height - pad.bottom, y2: height - pad.bottom, class: 'axis' }));
    if (d.reference !== null && d.reference !== undefined && d.reference >= y0 && d.reference <= y1) {
      root.append(svg('line', { x1: pad.left, x2: width - pad.right, y1: sy(d.reference), y2: sy(d.reference), class: 'reference' }));
    }
    if (d.marker) root.append(svg('line', { x1: sx(d.marker), x2: sx(d.marker), y1: pad.top, y2: height - pad.bottom, class: 'marker' }));
    for (const l of d.lines) {
      const xs = Array.from({ length: l.values.length }, (_, i) => sx(i + 1));
      const ys = Array.from(l.values, (v) => (Number.isFinite(v) ? sy(Math.min(y1, Math.max(y0, v))) : NaN));
      root.append(svg('path', { d: linePath(xs, ys), fill: 'none', stroke: l.color, 'stroke-width': l.width ?? 2, 'stroke-dasharray': dashArray(l.dash), 'data-line': l.key }));
    }
    return root;
  }
}

function firstFinite(v: ArrayLike<number>): { v: number; i: number } {
  for (let i = 0; i < v.length; i++) if (Number.isFinite(v[i])) return { v: v[i], i };
  return { v: NaN, i: 0 };
}

function lastFinite(v: ArrayLike<number>): { v: number; i: number } {
  for (let i = v.length - 1; i >= 0; i--) if (Number.isFinite(v[i])) return { v: v[i], i };
  return { v: NaN, i: 0 };
}
