// The meta triangle: the municipality's triangle, large, and each manager's, smaller, as radar
// triangles on the same three axes (value up, capacity lower right, legitimacy lower left). A thin
// equilateral of the same mean sits behind each, so an unbalanced triangle shows at a glance.
import { BitmapText, Container, Graphics, Text } from 'pixi.js';
import { CORNERS, MANAGER_IDS, type MonthSnapshot } from '../../model/types';
import type { Rect } from './rect';
import { AXIS_ANGLE, arrangeTriangles, meanCorner, radarPads, radarVerticesOf, type Radar } from './triangleGeometry';
import { MANAGER_COLOURS, PALETTE, type Rgb } from './palette';
import { label, numbers, setFontSize } from './text';
import { triangle } from './shapes';
import { VectorTween } from './tween';
import { formatPercent, type StageLanguage } from './format';
import type { StageLabels } from './types';

/** One radar: static grid, the live triangle, a name and corner marks. */
class RadarView {
  readonly grid = new Graphics();
  readonly shape = new Graphics();
  readonly name: Text;
  /** meta: full corner names; managers: their initials */
  readonly corners: Text[] = [];
  readonly values: BitmapText[] = [];
  radar: Radar = { cx: 0, cy: 0, r: 0 };
  private readonly pts = [0, 0, 0, 0, 0, 0];
  private readonly ref = [0, 0, 0, 0, 0, 0];

  constructor(
    readonly fill: Rgb,
    readonly stroke: Rgb,
    readonly large: boolean,
    fontName: string,
  ) {
    this.name = label(12, { weight: '700' });
    this.name.anchor.set(0.5, 0);
    for (let k = 0; k < 3; k++) {
      const t = label(12, { weight: large ? '600' : '400', fill: large ? PALETTE.text : PALETTE.textMuted });
      this.corners.push(t);
      if (large) this.values.push(numbers(fontName, 12, PALETTE.textMuted));
    }
  }

  addTo(parent: Container): void {
    parent.addChild(this.grid, this.shape, this.name, ...this.corners, ...this.values);
  }

  layout(radar: Radar, fontSize: number): void {
    this.radar = radar;
    const g = this.grid.clear();
    const { cx, cy, r } = radar;
    for (let k = 0; k < 3; k++) {
      const a = AXIS_ANGLE[CORNERS[k]];
      g.moveTo(cx, cy).lineTo(cx + r * Math.cos(a), cy + r * Math.sin(a));
    }
    g.stroke({ width: 1, color: PALETTE.grid });
    radarVerticesOf(radar, 1, 1, 1, this.ref);
    triangle(g, this.ref).stroke({ width: 1.5, color: PALETTE.panelBorder });
    radarVerticesOf(radar, 0.5, 0.5, 0.5, this.ref);
    triangle(g, this.ref).stroke({ width: 1, color: PALETTE.grid });

    const pads = radarPads(fontSize, this.large);
    const line = pads.line;
    const top = cy - r;
    const lowY = cy + r * 0.5;
    if (this.large) {
      setFontSize(this.name, fontSize);
      this.name.anchor.set(0.5, 0);
      this.name.position.set(cx, top - 4 - 3 * line - 2);
      for (let k = 0; k < 3; k++) {
        const t = this.corners[k];
        setFontSize(t, fontSize);
        setFontSize(this.values[k], fontSize);
        const a = AXIS_ANGLE[CORNERS[k]];
        if (k === 0) {
          t.anchor.set(0.5, 0);
          t.position.set(cx, top - 4 - 2 * line);
        } else {
          // capacity, legitimacy: centred under their vertex
          t.anchor.set(0.5, 0);
          t.position.set(cx + r * Math.cos(a), lowY + 4);
        }
      }
    } else {
      const small = Math.round(fontSize * 0.85);
      setFontSize(this.name, Math.round(fontSize * 0.95));
      this.name.anchor.set(0.5, 0);
      this.name.position.set(cx, top - 4 - Math.round(fontSize * 0.9) - line);
      for (let k = 0; k < 3; k++) {
        const t = this.corners[k];
        setFontSize(t, small);
        const a = AXIS_ANGLE[CORNERS[k]];
        const x = cx + r * Math.cos(a);
        if (k === 0) {
          t.anchor.set(0.5, 1);
          t.position.set(cx, top - 2);
        } else {
          t.anchor.set(k === 1 ? 0 : 1, 0.5);
          t.position.set(x + (k === 1 ? 4 : -4), lowY);
        }
      }
    }
    this.placeValues();
  }

  /** Levels sit under their corner's name (meta triangle only). */
  placeValues(): void {
    if (!this.large) return;
    for (let k = 0; k < 3; k++) {
      const t = this.corners[k];
      const v = this.values[k];
      v.position.set(Math.round(t.x + (t.width - v.width) / 2 - t.width * t.anchor.x), Math.round(t.y + t.height));
    }
  }

  draw(value: number, capacity: number, legitimacy: number): void {
    const s = this.shape.clear();
    const m = meanCorner(value, capacity, legitimacy);
    radarVerticesOf(this.radar, m, m, m, this.ref);
    triangle(s, this.ref).stroke({ width: 1.2, color: PALETTE.textMuted, alpha: 0.8 });
    radarVerticesOf(this.radar, value, capacity, legitimacy, this.pts);
    triangle(s, this.pts).fill({ color: this.fill, alpha: 0.35 }).stroke({ width: this.large ? 2.5 : 2, color: this.stroke, join: 'round' });
    const dot = this.large ? 3.5 : 2.5;
    for (let k = 0; k < 3; k++) s.circle(this.pts[2 * k], this.pts[2 * k + 1], dot);
    s.fill(this.stroke);
  }
}

export class TriangleView {
  readonly root = new Container();
  private readonly meta: RadarView;
  private readonly managers: RadarView[];
  /** tween slots: meta value, capacity, legitimacy, then 3 per manager in MANAGER_IDS order */
  private readonly tween = new VectorTween(3 + 3 * MANAGER_IDS.length);
  private language: StageLanguage = 'en';

  constructor(fontName: string) {
    this.meta = new RadarView(PALETTE.meta, PALETTE.meta, true, fontName);
    this.managers = MANAGER_IDS.map((id) => new RadarView(MANAGER_COLOURS[id].fill, MANAGER_COLOURS[id].stroke, false, fontName));
    this.meta.addTo(this.root);
    for (const m of this.managers) m.addTo(this.root);
  }

  layout(panel: Rect, fontSize: number): void {
    const a = arrangeTriangles(panel, fontSize);
    this.meta.layout(a.meta, fontSize);
    this.managers.forEach((m, i) => m.layout(a.managers[i], fontSize));
    this.apply();
  }

  setLabels(labels: StageLabels, language: StageLanguage): void {
    this.language = language;
    this.meta.name.text = labels.municipality;
    CORNERS.forEach((c, k) => {
      this.meta.corners[k].text = labels.corners[c];
      // managers' axes carry the corner's initial ("W", "C", "L" in Dutch; "V", "C", "L" in English)
      for (const m of this.managers) m.corners[k].text = labels.corners[c].charAt(0).toLocaleUpperCase(language);
    });
    MANAGER_IDS.forEach((id, i) => (this.managers[i].name.text = labels.managers[id]));
    this.writeValues();
  }

  setMonth(snapshot: MonthSnapshot, nowMs: number, durationMs: number): void {
    const to = this.tween.to;
    to[0] = snapshot.meta.corners.value;
    to[1] = snapshot.meta.corners.capacity;
    to[2] = snapshot.meta.corners.legitimacy;
    MANAGER_IDS.forEach((id, i) => {
      const c = snapshot.managers[id].corners;
      to[3 + 3 * i] = c.value;
      to[4 + 3 * i] = c.capacity;
      to[5 + 3 * i] = c.legitimacy;
    });
    this.tween.arrive(nowMs, durationMs);
    this.writeValues();
    this.apply();
  }

  tick(nowMs: number, motion: boolean): boolean {
    if (!this.tween.step(nowMs, motion)) return false;
    this.apply();
    return true;
  }

  reset(): void {
    this.tween.clear();
    for (const v of this.meta.values) v.text = '';
    this.apply();
  }

  private writeValues(): void {
    if (!this.tween.hasData) return;
    for (let k = 0; k < 3; k++) this.meta.values[k].text = formatPercent(this.tween.to[k], this.language);
    this.meta.placeValues();
  }

  private apply(): void {
    const v = this.tween.value;
    this.meta.draw(v[0], v[1], v[2]);
    this.managers.forEach((m, i) => m.draw(v[3 + 3 * i], v[4 + 3 * i], v[5 + 3 * i]));
  }
}
