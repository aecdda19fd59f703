// A fan chart: one thin line per seed of the same strategy, the band of the middle 80% and the median,
// over the months of the runs (Bret Victor's ladder: many runs at once, and a click on one line steps
// back down to that run). The pointer picks the line nearest to where it clicks; the keyboard picks a run
// from the run list the chapter shows beside it. A sentence and a table of quantiles say the same.
import type { Texts } from '../../dom';
import type { ExplorerText } from '../i18n/index';
import { ChartFigure, chartTable, tableMonths } from './chart-figure';
import { linear, linePath, svg, ticks } from './svg';

export interface FanLine {
  /** the run's number in runs.csv */
  run: number;
  values: Float64Array;
}

export interface FanData {
  lines: FanLine[];
  color: string;
  selected: number | null;
  format: (v: number) => string;
  /** the seed of a run, for the words */
  seedOf?: (run: number) => number;
  /** the y range; default [0, 1] */
  y?: [number, number];
  /** a horizontal line (0 for differences) */
  reference?: number;
}

/** The q-quantile (0..1) of finite values, by linear interpolation between order statistics. */
export function quantile(values: ArrayLike<number>, q: number): number {
  const v = Array.from(values).filter(Number.isFinite).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const pos = (v.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return v[lo] + (v[hi] - v[lo]) * (pos - lo);
}

const TABLE_EVERY = 12;

export class FanChart extends ChartFigure<FanData> {
  private select: (run: number) => void = () => {};
  private geometry: { sx: (m: number) => number; sy: (v: number) => number; months: number } | null = null;

  constructor(texts: Texts, x: ExplorerText, title: () => string, height = 230, name = 'fan') {
    super(texts, x, title, height, name, 'xchart fan');
    this.plot.classList.add('fan-plot');
    this.plot.addEventListener('click', (e) => this.pick(e));
  }

  onSelect(fn: (run: number) => void): void {
    this.select = fn;
  }

  protected describe(d: FanData): string {
    if (d.lines.length === 0) return '';
    const months = d.lines[0].values.length;
    const ends = d.lines.map((l) => l.values[months - 1]);
    const text = [this.x.t('fan.summary', { title: this.title(), month: months, median: d.format(quantile(ends, 0.5)), lo: d.format(quantile(ends, 0.1)), hi: d.format(quantile(ends, 0.9)), runs: d.lines.length })];
    const sel = d.lines.find((l) => l.run === d.selected);
    if (sel) text.push(this.x.t('fan.selected', { seed: d.seedOf?.(sel.run) ?? sel.run, value: d.format(sel.values[months - 1]) }));
    return text.join(' ');
  }

  protected tableOf(d: FanData): HTMLTableElement {
    const months = d.lines[0]?.values.length ?? 0;
    return chartTable(
      this.title(),
      [this.x.t('chart.month'), 'P10', 'P50', 'P90'],
      tableMonths(months, TABLE_EVERY).map((m) => {
        const at = d.lines.map((l) => l.values[m - 1]);
        return [m, ...[0.1, 0.5, 0.9].map((q) => d.format(quantile(at, q)))];
      }),
    );
  }

  protected svgOf(d: FanData, width: number): SVGSVGElement {
    const height = this.height;
    const pad = { left: 40, right: 10, top: 10, bottom: 34 };
    const months = d.lines[0].values.length;
    const sx = linear([1, months], [pad.left, width - pad.right]);
    const [y0, y1] = d.y ?? [0, 1];
    const sy = linear([y0, y1], [height - pad.bottom, pad.top]);
    this.geometry = { sx, sy, months };
    const root = svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, 'aria-hidden': 'true', class: 'xchart-svg' });
    if (d.lines.length === 0) return root;
    for (const t of ticks(y0, y1, 4)) {
      root.append(svg('line', { x1: pad.left, x2: width - pad.right, y1: sy(t), y2: sy(t), class: 'grid' }));
      root.append(svg('text', { x: pad.left - 6, y: sy(t) + 4, 'text-anchor': 'end', class: 'tick' }, d.format(t)));
    }
    for (let m = 24; m <= months; m += 24) root.append(svg('text', { x: sx(m), y: height - pad.bottom + 16, 'text-anchor': 'middle', class: 'tick' }, String(m)));
    root.append(svg('text', { x: (pad.left + width - pad.right) / 2, y: height - 4, 'text-anchor': 'middle', class: 'axis-title' }, this.x.t('chart.month')));
    if (d.reference !== undefined) root.append(svg('line', { x1: pad.left, x2: width - pad.right, y1: sy(d.reference), y2: sy(d.reference), class: 'reference' }));
    const xs = Array.from({ length: months }, (_, i) => sx(i + 1));
    // the band of the middle 80% and the median
    const q = (p: number) => xs.map((_, i) => quantile(d.lines.map((l) => l.values[i]), p));
    const lo = q(0.1);
    const hi = q(0.9);
    const band = `${linePath(xs, hi.map(sy))}L${xs
      .map((x0, i) => `${x0.toFixed(1)},${sy(lo[i]).toFixed(1)}`)
      .reverse()
      .join('L')}Z`;
    root.append(svg('path', { d: band, fill: d.color, 'fill-opacity': 0.12, stroke: 'none' }));
    for (const l of d.lines) {
      if (l.run === d.selected) continue;
      root.append(svg('path', { d: linePath(xs, Array.from(l.values, sy)), fill: 'none', stroke: d.color, 'stroke-opacity': 0.28, 'stroke-width': 1, 'data-run': l.run }));
    }
    root.append(svg('path', { d: linePath(xs, q(0.5).map(sy)), fill: 'none', stroke: '#1c2330', 'stroke-width': 2, 'stroke-dasharray': '6 3', class: 'median' }));
    const sel = d.lines.find((l) => l.run === d.selected);
    if (sel) root.append(svg('path', { d: linePath(xs, Array.from(sel.values, sy)), fill: 'none', stroke: '#1c2330', 'stroke-width': 3, class: 'selected', 'data-run': sel.run }));
    return root;
  }

  /** the line nearest to the click, at the month under the pointer */
  private pick(e: MouseEvent): void {
    const d = this.data;
    const g = this.geometry;
    if (!d || !g || d.lines.length === 0) return;
    const rect = this.plot.getBoundingClientRect();
    const px = e.clientX - rect.left;
    const py = e.clientY - rect.top;
    let month = 1;
    for (let m = 1; m <= g.months; m++) if (Math.abs(g.sx(m) - px) < Math.abs(g.sx(month) - px)) month = m;
    let best = d.lines[0];
    for (const l of d.lines) if (Math.abs(g.sy(l.values[month - 1]) - py) < Math.abs(g.sy(best.values[month - 1]) - py)) best = l;
    this.select(best.run);
  }
}
