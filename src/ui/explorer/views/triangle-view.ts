// Moore's triangle of one manager (or of the municipality) at one month, drawn in SVG: the three corners
// on axes 120 degrees apart (public value up, operational capacity right, legitimacy left), the full
// triangle and its half as guides, an optional second triangle to compare with (dashed), and a sentence
// that says the same (its text alternative).
import './views.css';
import { h, setText, uid, type Texts } from '../../dom';
import { CORNERS, type Corner, type CornerTriple } from '../../../model/types';
import type { ExplorerText } from '../i18n/index';
import { svg } from './svg';

export const CORNER_COLORS: Record<Corner, string> = { value: '#0b5fa5', capacity: '#a34f00', legitimacy: '#1b7443' };
const ANGLE: Record<Corner, number> = { value: -90, capacity: 30, legitimacy: 150 };

export function weakestCorner(c: CornerTriple): Corner {
  return CORNERS.reduce<Corner>((w, k) => (c[k] < c[w] ? k : w), 'value');
}

/** 1 when the three corners are equal (the model's balanceOf). */
export function balance(c: CornerTriple): number {
  return 1 - (Math.max(c.value, c.capacity, c.legitimacy) - Math.min(c.value, c.capacity, c.legitimacy));
}

export interface TriangleState {
  who: string;
  month: number;
  corners: CornerTriple;
  /** drawn dashed behind, e.g. the other branch or the start */
  compare?: CornerTriple | null;
}

export class TriangleView {
  readonly root: HTMLElement;
  private plot: HTMLElement;
  private description: HTMLElement;
  private label: HTMLElement;
  private state: TriangleState | null = null;
  private room = 0;

  constructor(
    private readonly texts: Texts,
    private readonly x: ExplorerText,
    private readonly size = 240,
    name = 'triangle',
  ) {
    const labelId = uid('tri-label');
    const descId = uid('tri-desc');
    this.label = h('span', { id: labelId, class: 'visually-hidden' });
    this.description = h('p', { id: descId, class: 'tri-desc' });
    this.plot = h('div', { class: 'tri-plot', role: 'img', 'aria-labelledby': labelId, 'aria-describedby': descId });
    this.root = h('figure', { class: 'tri', 'data-view': name }, this.plot, h('figcaption', {}, this.label, this.description));
    // words beside the corners need room; where the figure is narrower (a phone), the letters are used
    if (typeof ResizeObserver !== 'undefined') {
      new ResizeObserver(() => {
        const room = Math.round(this.root.clientWidth);
        if (room > 0 && room !== this.room) {
          this.room = room;
          if (this.state) this.draw(this.state);
        }
      }).observe(this.root);
    }
    texts.on(() => this.render());
  }

  update(state: TriangleState): void {
    this.state = state;
    this.render();
  }

  get descriptionText(): string {
    return this.description.textContent ?? '';
  }

  private render(): void {
    const s = this.state;
    if (!s) return;
    const i18n = this.x.i18n;
    const c = s.corners;
    setText(this.label, this.x.t('tri.label', { who: s.who, month: s.month }));
    setText(
      this.description,
      this.x.t('tri.summary', {
        who: s.who,
        month: s.month,
        value: i18n.score(c.value),
        capacity: i18n.score(c.capacity),
        legitimacy: i18n.score(c.legitimacy),
        weakest: i18n.t(`corner.${weakestCorner(c)}`).toLowerCase(),
        balance: i18n.decimal(balance(c)),
      }),
    );
    this.draw(s);
  }

  private draw(s: TriangleState): void {
    const size = this.size;
    // a large triangle names its corners in words beside them (so it is wider than tall); a small one
    // uses the corners' letters under them (the description and the legend say the words)
    const words = size >= 250 && (this.room === 0 || this.room >= size * 1.6);
    const width = Math.round(size * (words ? 1.6 : 1.1));
    const cx = width / 2;
    const cy = size * 0.56;
    const r = size * 0.38;
    const at = (corner: Corner, v: number) => {
      const a = (ANGLE[corner] * Math.PI) / 180;
      return [cx + r * v * Math.cos(a), cy + r * v * Math.sin(a)] as const;
    };
    const poly = (t: CornerTriple | Record<Corner, number>) => CORNERS.map((k) => at(k, Math.max(0, Math.min(1, t[k]))).map((n) => n.toFixed(1)).join(',')).join(' ');
    const full = { value: 1, capacity: 1, legitimacy: 1 };
    const half = { value: 0.5, capacity: 0.5, legitimacy: 0.5 };
    const root = svg('svg', { width, height: size, viewBox: `0 0 ${width} ${size}`, 'aria-hidden': 'true', class: 'tri-svg' });
    root.append(svg('polygon', { points: poly(full), class: 'tri-frame' }), svg('polygon', { points: poly(half), class: 'tri-half' }));
    for (const k of CORNERS) {
      const [x, y] = at(k, 1);
      root.append(svg('line', { x1: cx, y1: cy, x2: x, y2: y, class: 'tri-axis' }));
    }
    if (s.compare) root.append(svg('polygon', { points: poly(s.compare), class: 'tri-compare' }));
    root.append(svg('polygon', { points: poly(s.corners), class: 'tri-shape' }));
    const i18n = this.x.i18n;
    for (const k of CORNERS) {
      const [x, y] = at(k, 1);
      const [px, py] = at(k, Math.max(0, Math.min(1, s.corners[k])));
      root.append(svg('circle', { cx: px, cy: py, r: 5, fill: CORNER_COLORS[k], class: 'tri-dot' }));
      // value above its corner; capacity beside (or under) the lower right corner, legitimacy the lower left
      const pos = k === 'value' ? { x, y: y - 8, anchor: 'middle' } : !words ? { x, y: y + 17, anchor: 'middle' } : k === 'capacity' ? { x: x + 6, y: y + 16, anchor: 'start' } : { x: x - 6, y: y + 16, anchor: 'end' };
      const name = words ? i18n.t(`corner.${k}.short`) : this.x.t(`tri.letter.${k}`);
      root.append(svg('text', { x: pos.x, y: pos.y, 'text-anchor': pos.anchor, class: 'tri-text', fill: CORNER_COLORS[k] }, `${name} ${i18n.score(s.corners[k])}`));
    }
    this.plot.replaceChildren(root);
  }
}
