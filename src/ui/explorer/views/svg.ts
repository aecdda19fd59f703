// Small SVG helpers for the explorer's charts: elements, linear scales and round tick values.
const NS = 'http://www.w3.org/2000/svg';

type Attrs = Record<string, string | number | null | undefined>;

export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Node | string)[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined) el.setAttribute(k, String(v));
  el.append(...children);
  return el;
}

export interface Scale {
  (x: number): number;
  domain: [number, number];
}

export function linear(domain: [number, number], range: [number, number]): Scale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  const f = ((x: number) => r0 + (x - d0) * k) as Scale;
  f.domain = domain;
  return f;
}

/** About `count` round values covering [lo, hi] (1, 2 or 5 times a power of ten apart). */
export function ticks(lo: number, hi: number, count: number): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Math.round(v / step) * step);
  return out;
}

/** An SVG path through the points, skipping gaps (NaN) rather than drawing through them. */
export function linePath(xs: ArrayLike<number>, ys: ArrayLike<number>): string {
  let d = '';
  let pen = false;
  for (let i = 0; i < xs.length; i++) {
    const y = ys[i];
    if (!Number.isFinite(y)) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${xs[i].toFixed(1)},${y.toFixed(1)}`;
    pen = true;
  }
  return d;
}

/** The dash pattern of a line, as SVG's stroke-dasharray. */
export function dashArray(dash: readonly number[] | undefined): string | null {
  return dash && dash.length > 0 ? dash.join(' ') : null;
}

/** A small legend swatch: a short line in the series' colour and dash. */
export function swatch(color: string, dash?: readonly number[], width = 2.5): SVGSVGElement {
  return svg('svg', { width: 28, height: 10, viewBox: '0 0 28 10', 'aria-hidden': 'true', class: 'swatch' }, svg('line', { x1: 1, y1: 5, x2: 27, y2: 5, stroke: color, 'stroke-width': width, 'stroke-dasharray': dashArray(dash) }));
}
