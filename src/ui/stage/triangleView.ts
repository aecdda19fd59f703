// The meta triangle: the municipality's triangle, large, and each manager's, smaller, as radar
// triangles on the same three axes (value up, capacity lower right, legitimacy lower left). A thin
// equilateral of the same mean sits behind each, so an unbalanced triangle shows at a glance.
import { BitmapText, Container, Graphics, Text } from 'pixi.js';
import { CORNERS, MANAGER_IDS, type MonthSnapshot } from '../../model/types';
import type { Rect } from './rect';
import { AXIS_ANGLE, arrangeTriangles, meanCorner, radarPads, radarVerticesOf, type Radar } from './triangleGeometry';
import { MANAGER_COLOURS, PALETTE, type Rgb } from './palette';
import { MIN_TEXT_PX, fitWidth, label, numbers, setFontSize } from './text';
import { triangle } from './shapes';
import { VectorTween } from './tween';
import { formatPercent, type StageLanguage } from './format';
import type { StageInk, StageLabels, StagePart } from './types';
import { textInk } from './inks';

/** One radar: static grid, the live triangle, a name and corner marks. */
class RadarView {
  readonly grid = new Graphics();
  readonly shape = new Graphics();
  readonly name: Text;
  /** meta: full corner names; managers: their initials */
  readonly corners: Text[] = [];
  readonly values: BitmapText[] = [];
  radar: Radar = { cx: 0, cy: 0, r: 0 };
  /** the name, and what stands in for it when even at the smallest size it would run into its neighbour */
  fullName = '';
  shortName = '';
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
      const t = label(12, { weight: '600', fill: PALETTE.text });
      this.corners.push(t);
      if (large) this.values.push(numbers(fontName, 12, PALETTE.textMuted));
    }
  }

  addTo(parent: Container): void {
    parent.addChild(this.grid, this.shape, this.name, ...this.corners, ...this.values);
  }

  /** `cellWidth`: the room the radar's name has (its cell of the arrangement) */
  layout(radar: Radar, fontSize: number, cellWidth = radar.r * 2, bounds?: Rect): void {
    this.radar = radar;
    const g = this.grid.clear();
    const { cx, cy, r } = radar;
    for (let k = 0; k < 3; k++) {
      const a = AXIS_ANGLE[CORNERS[k]];
      g.moveTo(cx, cy).lineTo(cx + r * Math.cos(a), cy + r * Math.sin(a));
    }
    g.stroke({ width: 1, color: PALETTE.grid });
    radarVerticesOf(radar, 1, 1, 1, this.ref);
    // the 100% frame carries meaning (how far each corner could reach): 3:1 on the panel
    triangle(g, this.ref).stroke({ width: 1.5, color: PALETTE.frame });
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
      // a small triangle (a short panel, large type): the two lower names would meet in the middle, so
      // each grows outwards from its vertex instead
      const [, capacity, legitimacy] = this.corners;
      if ((capacity.width + legitimacy.width) / 2 + 8 > 2 * r * Math.cos(Math.PI / 6)) {
        // (never past the middle: on a tiny triangle, 16:9 projector, they would run into each other)
        capacity.anchor.set(0, 0);
        capacity.x = Math.max(cx + 3, cx + r * Math.cos(AXIS_ANGLE.capacity) - fontSize * 0.8);
        legitimacy.anchor.set(1, 0);
        legitimacy.x = Math.min(cx - 3, cx + r * Math.cos(AXIS_ANGLE.legitimacy) + fontSize * 0.8);
      }
      // every label stays inside the panel
      if (bounds) for (const t of [this.name, ...this.corners]) {
        const left = t.x - t.anchor.x * t.width;
        const shift = Math.max(bounds.x - left, 0) + Math.min(bounds.x + bounds.width - (left + t.width), 0);
        t.x += shift;
      }
    } else {
      const small = Math.max(MIN_TEXT_PX + 1, Math.round(fontSize * 0.85));
      setFontSize(this.name, Math.round(fontSize * 0.95));
      // a long name ("Werkbedrijf") must not run into its neighbour's: fit it to the radar's cell, or
      // show its short form ("Werkb."; the part's tooltip names it in full)
      if (this.name.text !== this.fullName) this.name.text = this.fullName;
      fitWidth(this.name, Math.max(20, cellWidth - 2), MIN_TEXT_PX / Math.round(fontSize * 0.95));
      if (this.name.width > cellWidth + 1 && this.shortName) {
        this.name.text = this.shortName;
        this.name.scale.set(1);
      }
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
    this.meta.layout(a.meta, fontSize, a.metaCell.width, panel);
    this.managers.forEach((m, i) => m.layout(a.managers[i], fontSize, a.managerCells[i].width));
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
    MANAGER_IDS.forEach((id, i) => {
      const m = this.managers[i];
      m.fullName = labels.managers[id];
      m.shortName = labels.managersShort?.[id] ?? id;
      m.name.text = m.fullName;
    });
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

  parts(): StagePart[] {
    const box = (key: string, r: Radar): StagePart => ({ kind: 'triangle', key, x: r.cx - r.r * 0.9, y: r.cy - r.r, width: r.r * 1.8, height: r.r * 1.5 });
    return [box('municipality', this.meta.radar), ...MANAGER_IDS.map((id, i) => box(id, this.managers[i].radar))];
  }

  inks(out: StageInk[]): void {
    const frame = (name: string, r: Radar) => {
      // a box across the 100% frame's lower edge, between the two lower corners
      const y = r.cy + r.r * 0.5;
      out.push({ name, role: 'graphic', colour: PALETTE.frame, x: r.cx - 4, y: y - 3, width: 8, height: 6 });
    };
    out.push(textInk('triangle name municipality', this.meta.name, PALETTE.text));
    this.meta.corners.forEach((t, k) => out.push(textInk(`meta corner ${CORNERS[k]}`, t, PALETTE.text)));
    this.meta.values.forEach((t, k) => t.text && out.push(textInk(`meta level ${CORNERS[k]}`, t, PALETTE.textMuted)));
    frame('meta 100% frame', this.meta.radar);
    MANAGER_IDS.forEach((id, i) => {
      const m = this.managers[i];
      out.push(textInk(`triangle name ${id}`, m.name, PALETTE.text));
      m.corners.forEach((t, k) => out.push(textInk(`${id} corner ${CORNERS[k]}`, t, PALETTE.text)));
      frame(`${id} 100% frame`, m.radar);
    });
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
