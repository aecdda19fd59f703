// One time-series chart drawn as SVG: the same drawing on screen, in print and in the exported SVG and
// PNG files (uPlot drew on a canvas, which neither prints sharply nor exports as SVG). Every axis is
// labelled (the months below, each y axis with its unit), and the legend inside the drawing shows each
// series' dash pattern as well as its colour. Drawn at the size it is shown (text stays at CSS px),
// and updated in place: a new month rewrites a few path strings.
import type { ChartFormat, ChartSpec } from './chart-specs';

const SVG = 'http://www.w3.org/2000/svg';
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
const INK = '#1c2330';
const MUTED = '#3d4450';
const GRID = '#e3e1dc';
const AXIS = '#767676';

/** Round tick values for the range [min, max], about `count` of them (1, 2, 2.5 or 5 times a power of ten). */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [0];
  if (max <= min) max = min + 1;
  const raw = (max - min) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const out: number[] = [];
  // (+ 0 turns -0 into 0: an axis never says "−0")
  for (let v = Math.ceil(min / step - 1e-9) * step; v <= max + step * 1e-9; v += step) out.push(Math.round(v / step) * step + 0);
  return out;
}

/** Ticks along the months: every 6, 12 or 24 months, whichever gives at most about 8 ticks. */
export function monthTicks(months: number): number[] {
  const step = [3, 6, 12, 24, 48].find((s) => months / s <= 8) ?? 60;
  const out: number[] = [];
  for (let m = 0; m <= months; m += step) out.push(m);
  return out;
}

export interface ChartLabels {
  title: string;
  month: string;
  /** per line of the spec, in order */
  lines: string[];
  /** the left axis' unit ("%", "people", "€ million"), and the right one's when the spec has one */
  left: string;
  right?: string;
  format: (v: number, format: ChartFormat) => string;
}

function el<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, parent?: Element): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  parent?.append(e);
  return e;
}

function text(parent: Element, x: number, y: number, content: string, attrs: Record<string, string | number> = {}): SVGTextElement {
  const t = el('text', { x, y, 'font-family': FONT, 'font-size': 12, fill: MUTED, ...attrs }, parent);
  t.textContent = content;
  return t;
}

/** Estimated width of a label (the legend is laid out before the text is measured). */
const textWidth = (s: string, size: number) => s.length * size * 0.56;

/** An axis title in lines of words that each fit `room` (a y axis' title runs along a short plot in two). */
export function axisTitleLines(title: string, room: number, size = 12): string[] {
  const lines: string[] = [];
  for (const word of title.split(/\s+/).filter(Boolean)) {
    const last = lines.length - 1;
    if (last >= 0 && textWidth(`${lines[last]} ${word}`, size) <= room) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  return lines;
}

export class LineChart {
  readonly svg: SVGSVGElement;
  private width = 480;
  private height = 240;
  private months: number[] = [];
  private columns: number[][] = [];
  private xMax = 12;
  /** what the axes were drawn for: a new month redraws only the lines unless this changes */
  private drawnFrame = '';
  private paths: SVGPathElement[] = [];
  private scales: { x: (m: number) => number; yl: (v: number) => number; yr: (v: number) => number } | null = null;

  constructor(
    readonly spec: ChartSpec,
    private labels: ChartLabels,
  ) {
    this.svg = el('svg', { xmlns: SVG, role: 'img', 'aria-hidden': 'true', class: 'line-chart' });
  }

  setLabels(labels: ChartLabels): void {
    this.labels = labels;
    this.drawnFrame = '';
    this.draw();
  }

  setSize(width: number, height: number): void {
    const w = Math.max(200, Math.round(width));
    const h = Math.max(160, Math.round(height));
    if (w === this.width && h === this.height) return;
    this.width = w;
    this.height = h;
    this.draw();
  }

  /** The months so far, one column per line of the spec, and the run's length (the x axis' end). */
  setData(months: number[], columns: number[][], runMonths: number): void {
    this.months = months;
    this.columns = columns;
    this.xMax = Math.max(1, runMonths);
    this.draw();
  }

  private range(right: boolean): [number, number] {
    if (this.spec.format === 'percent' && !right) return [0, 1];
    let max = 0;
    let min = 0;
    this.spec.lines.forEach((l, i) => {
      if (Boolean(l.right) !== right) return;
      for (const v of this.columns[i] ?? []) {
        if (v > max) max = v;
        if (v < min) min = v;
      }
    });
    const ticks = niceTicks(min, max > 0 ? max * 1.05 : 1, 4);
    return [Math.min(min, ticks[0]), Math.max(ticks[ticks.length - 1], max)];
  }

  /**
   * Redraw: the axes, grid and legend only when the size, the words or a scale changed (a few dozen
   * elements), else just the lines' paths (what a new month changes while playing).
   */
  private draw(): void {
    const leftRange = this.range(false);
    const rightRange = this.spec.lines.some((l) => l.right) ? this.range(true) : leftRange;
    const frame = [this.width, this.height, this.xMax, ...leftRange, ...rightRange, this.labels.title, this.labels.month].join('|');
    if (frame !== this.drawnFrame || !this.scales) {
      this.drawnFrame = frame;
      this.drawFrame(leftRange, rightRange);
    }
    this.drawLines();
  }

  private drawFrame(leftRange: [number, number], rightRange: [number, number]): void {
    const { width: W, height: H, labels: L, spec } = this;
    const svg = this.svg;
    svg.replaceChildren();
    svg.setAttribute('width', String(W));
    svg.setAttribute('height', String(H));
    svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
    el('rect', { x: 0, y: 0, width: W, height: H, fill: '#ffffff' }, svg);
    const hasRight = spec.lines.some((l) => l.right);

    // legend rows on top: a line sample in each series' colour and dash, then its name
    const legendFont = 12;
    let lx = 4;
    let ly = 14;
    const legend = el('g', { class: 'legend' }, svg);
    spec.lines.forEach((line, i) => {
      const name = L.lines[i] ?? '';
      const w = 28 + textWidth(name, legendFont) + 14;
      if (lx + w > W && lx > 4) {
        lx = 4;
        ly += 18;
      }
      el('line', { x1: lx, y1: ly - 4, x2: lx + 24, y2: ly - 4, stroke: line.color, 'stroke-width': Math.max(2, line.width ?? 1.5), 'stroke-dasharray': line.dash?.join(' ') ?? 'none' }, legend);
      text(legend, lx + 28, ly, name, { fill: INK, 'font-size': legendFont });
      lx += w;
    });

    const top = ly + 18;
    // room for the widest tick label beside each axis, and for the axis' title beside that
    const tickRoom = (range: [number, number]) => Math.max(...niceTicks(range[0], range[1], 4).map((v) => textWidth(L.format(v, spec.format), 12)));
    const bottom = 40;
    const plotH = Math.max(10, H - top - bottom);
    // each y axis' title along the plot's height, in as many lines (14 px apart) as it needs
    const leftTitle = axisTitleLines(L.left, plotH);
    const rightTitle = hasRight && L.right ? axisTitleLines(L.right, plotH) : [];
    const left = Math.round(12 + 14 * leftTitle.length + tickRoom(leftRange) + 6);
    const right = hasRight ? Math.round(12 + 14 * Math.max(1, rightTitle.length) + tickRoom(rightRange) + 6) : 14;
    const plotW = Math.max(10, W - left - right);
    const x = (m: number) => left + (m / this.xMax) * plotW;
    const yOf = (range: [number, number]) => (v: number) => top + plotH - ((v - range[0]) / (range[1] - range[0] || 1)) * plotH;
    const yl = yOf(leftRange);
    const yr = yOf(rightRange);
    this.scales = { x, yl, yr };

    // grid and the left axis
    const axes = el('g', { class: 'axes' }, svg);
    for (const v of niceTicks(leftRange[0], leftRange[1], 4)) {
      if (v < leftRange[0] - 1e-9 || v > leftRange[1] + 1e-9) continue;
      el('line', { x1: left, x2: left + plotW, y1: yl(v), y2: yl(v), stroke: GRID, 'stroke-width': 1 }, axes);
      text(axes, left - 6, yl(v) + 4, L.format(v, spec.format), { 'text-anchor': 'end' });
    }
    if (hasRight) {
      for (const v of niceTicks(rightRange[0], rightRange[1], 4)) {
        if (v < rightRange[0] - 1e-9 || v > rightRange[1] + 1e-9) continue;
        text(axes, left + plotW + 6, yr(v) + 4, L.format(v, spec.format));
      }
    }
    el('line', { x1: left, x2: left + plotW, y1: top + plotH, y2: top + plotH, stroke: AXIS, 'stroke-width': 1 }, axes);
    el('line', { x1: left, x2: left, y1: top, y2: top + plotH, stroke: AXIS, 'stroke-width': 1 }, axes);
    for (const m of monthTicks(this.xMax)) {
      el('line', { x1: x(m), x2: x(m), y1: top + plotH, y2: top + plotH + 4, stroke: AXIS, 'stroke-width': 1 }, axes);
      text(axes, x(m), top + plotH + 16, L.format(m, 'integer'), { 'text-anchor': 'middle' });
    }
    // axis titles: the months below, the units beside each y axis
    text(axes, left + plotW / 2, H - 6, L.month, { 'text-anchor': 'middle', fill: INK });
    const mid = top + plotH / 2;
    leftTitle.forEach((line, i) => text(axes, 12 + 14 * i, mid, line, { 'text-anchor': 'middle', fill: INK, transform: `rotate(-90 ${12 + 14 * i} ${mid})` }));
    rightTitle.forEach((line, i) => text(axes, W - 12 - 14 * i, mid, line, { 'text-anchor': 'middle', fill: INK, transform: `rotate(90 ${W - 12 - 14 * i} ${mid})` }));

    // the series' paths (their points are written by drawLines)
    this.paths = spec.lines.map((line) =>
      el('path', { d: 'M0 0', fill: 'none', stroke: line.color, 'stroke-width': line.width ?? 1.5, 'stroke-dasharray': line.dash?.join(' ') ?? 'none', 'stroke-linejoin': 'round', 'data-series': line.column }, svg),
    );
  }

  private drawLines(): void {
    const sc = this.scales;
    if (!sc) return;
    const n = this.months.length;
    this.spec.lines.forEach((line, i) => {
      const col = this.columns[i] ?? [];
      const y = line.right ? sc.yr : sc.yl;
      let d = '';
      for (let k = 0; k < n; k++) {
        const v = col[k];
        if (!Number.isFinite(v)) continue;
        d += `${d ? 'L' : 'M'}${sc.x(this.months[k]).toFixed(1)} ${y(v).toFixed(1)}`;
      }
      const path = this.paths[i];
      const next = d || 'M0 0';
      if (path && path.getAttribute('d') !== next) path.setAttribute('d', next);
    });
  }

  /** A standalone SVG file: the chart under a title and a caption (scenario, seed, month). */
  toSvgFile(caption: string): string {
    const W = this.width;
    const H = this.height;
    const head = 44;
    const wrap = `<svg xmlns="${SVG}" width="${W}" height="${H + head}" viewBox="0 0 ${W} ${H + head}">`;
    const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const title = `<title>${esc(this.labels.title)}</title><rect width="${W}" height="${H + head}" fill="#ffffff"/>`;
    const t1 = `<text x="4" y="17" font-family='${FONT}' font-size="15" font-weight="700" fill="${INK}">${esc(this.labels.title)}</text>`;
    const t2 = `<text x="4" y="35" font-family='${FONT}' font-size="12" fill="${MUTED}">${esc(caption)}</text>`;
    const inner = new XMLSerializer().serializeToString(this.svg).replace(/^<svg[^>]*>/, '').replace(/<\/svg>$/, '');
    return `${wrap}${title}${t1}${t2}<g transform="translate(0 ${head})">${inner}</g></svg>\n`;
  }
}
