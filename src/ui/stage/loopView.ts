// The success loop: stations on a ring, flows along the arrows, the loop gain badge in the centre and
// the balancing loops pressing on the arrows from inside (their gauges are in gaugesView).
import { BitmapText, Container, Graphics, Particle, ParticleContainer, Text } from 'pixi.js';
import { LOOP_STATIONS, type LoopSnapshot } from '../../model/types';
import type { Rect } from './rect';
import {
  BALANCING,
  BALANCING_KEYS,
  STATION_COUNT,
  arrowHeadPoints,
  badgeSpin,
  dashAngles,
  loopGeometry,
  pointOnArc,
  radialAnchor,
  stationRadius,
  type ArcPoint,
  type LoopGeometry,
} from './loopGeometry';
import { PALETTE, type Rgb } from './palette';
import { GLYPH_UNIT, atlasScale, triangle, type DotAtlas, type SharedShapes } from './shapes';
import { MIN_TEXT_PX, fitWidth, label, numbers, setFontSize } from './text';
import { VectorTween, flowStrength, flowTone, quantise } from './tween';
import { rectHitsCircle } from './eventPulses';
import { formatGain, formatPercent, type StageLanguage } from './format';
import type { StageInk, StageLabels, StagePart } from './types';
import { textInk } from './inks';

const PARTICLES_PER_ARC = 6;
/** tween slots: levels 0-4, flow strengths 5-9, balancing pressures 10-13 (BALANCING_KEYS order) */
const LEVEL = 0;
const STRENGTH = 5;
const PRESSURE = 10;

type Regime = LoopSnapshot['regime'];

function toneColour(tone: number): Rgb {
  return tone > 0 ? PALETTE.positive : tone < 0 ? PALETTE.negative : PALETTE.neutral;
}

export class LoopView {
  readonly root = new Container();
  private geometry: LoopGeometry | null = null;
  private box: Rect = { x: 0, y: 0, width: 0, height: 0 };
  private fontSize = 12;
  private language: StageLanguage = 'en';
  private labels: StageLabels | null = null;

  private readonly guide = new Graphics();
  private readonly tracks: Graphics[] = [];
  private readonly rims = new Graphics();
  /** each station's level as an arc round its rim (the disc's size alone hid 47% against 56%) */
  private readonly levelArcs = new Graphics();
  private readonly drawnLevel = new Float64Array(STATION_COUNT).fill(-1);
  /** flow particles move only while the run plays: at rest nothing is redrawn */
  private flowing = false;
  private readonly discs: Graphics[] = [];
  private readonly flow: ParticleContainer;
  private readonly particles: Particle[] = [];
  private readonly glyphs: Graphics[] = [];
  private readonly plates = new Graphics();
  private readonly rods: Graphics[] = [];
  private readonly tags: Text[] = [];
  private readonly badgeBg = new Graphics();
  private readonly spinner = new Graphics();
  private readonly icon: Graphics;
  private readonly regimeText: Text;
  private readonly gainText: BitmapText;
  private readonly names: Text[] = [];
  private readonly values: BitmapText[] = [];

  private readonly tween = new VectorTween(14);
  private readonly tone = new Int8Array(STATION_COUNT);
  private readonly drawnTone = new Int8Array(STATION_COUNT).fill(-128);
  private readonly drawnWidth = new Float64Array(STATION_COUNT).fill(-1);
  private readonly phase = new Float64Array(STATION_COUNT);
  private readonly visible = new Uint8Array(STATION_COUNT);
  private readonly scratch: ArcPoint = { x: 0, y: 0, angle: 0 };
  private readonly head: number[] = [0, 0, 0, 0, 0, 0];
  private regime: Regime = 'damped';
  private gain = 1;
  private spin = 0;

  constructor(
    private readonly shapes: SharedShapes,
    private readonly atlas: DotAtlas,
    fontName: string,
  ) {
    this.flow = new ParticleContainer({
      dynamicProperties: { position: true, rotation: true, vertex: false, uvs: false, color: false },
    });
    this.root.addChild(this.guide);
    for (let i = 0; i < STATION_COUNT; i++) {
      const t = new Graphics();
      this.tracks.push(t);
      this.root.addChild(t);
    }
    this.root.addChild(this.flow);
    for (let i = 0; i < STATION_COUNT * PARTICLES_PER_ARC; i++) {
      const p = new Particle({ texture: atlas.flowDot, anchorX: 0.5, anchorY: 0.5, x: -1e4, y: -1e4 });
      this.particles.push(p);
      this.flow.addParticle(p);
    }
    this.root.addChild(this.plates);
    for (let k = 0; k < BALANCING_KEYS.length; k++) {
      const rod = new Graphics(shapes.unitBar);
      rod.tint = PALETTE.balancing;
      this.rods.push(rod);
      this.root.addChild(rod);
    }
    this.root.addChild(this.rims, this.levelArcs);
    for (let i = 0; i < STATION_COUNT; i++) {
      const d = new Graphics(shapes.stationDisc);
      this.discs.push(d);
      this.root.addChild(d);
      const g = new Graphics(shapes.glyph['0']);
      this.glyphs.push(g);
      this.root.addChild(g);
    }
    this.root.addChild(this.badgeBg, this.spinner);
    this.icon = new Graphics(shapes.icon.damped);
    this.regimeText = label(12, { weight: '700' });
    this.regimeText.anchor.set(0.5);
    this.gainText = numbers(fontName, 12, PALETTE.textMuted);
    this.root.addChild(this.icon, this.regimeText, this.gainText);
    for (let i = 0; i < STATION_COUNT; i++) {
      const n = label(12, { weight: '600' });
      const v = numbers(fontName, 12, PALETTE.textMuted);
      this.names.push(n);
      this.values.push(v);
      this.root.addChild(n, v);
    }
    for (let k = 0; k < BALANCING_KEYS.length; k++) {
      const tag = label(12, { weight: '700', fill: PALETTE.balancingText });
      tag.text = BALANCING[BALANCING_KEYS[k]].tag;
      tag.anchor.set(0.5);
      this.tags.push(tag);
      this.root.addChild(tag);
    }
    this.reset();
  }

  layout(ring: Rect, fontSize: number): void {
    this.box = ring;
    const g = loopGeometry(ring, fontSize);
    this.geometry = g;
    this.fontSize = fontSize;
    this.guide.clear().circle(g.cx, g.cy, g.radius).stroke({ width: 1, color: PALETTE.grid });

    this.rims.clear();
    for (const s of g.stations) {
      this.rims.circle(s.x, s.y, g.stationMaxRadius).fill(PALETTE.panel).stroke({ width: 2, color: PALETTE.stationRing });
    }
    for (let i = 0; i < STATION_COUNT; i++) {
      this.discs[i].position.set(g.stations[i].x, g.stations[i].y);
      const mid = pointOnArc(g, i, 0.5, this.scratch);
      this.glyphs[i].position.set(mid.x, mid.y);
      this.glyphs[i].scale.set(g.glyphRadius / GLYPH_UNIT);
      setFontSize(this.names[i], fontSize);
      setFontSize(this.values[i], fontSize);
      this.drawnWidth[i] = -1;
      this.drawnLevel[i] = -1;
    }

    // Balancing pistons: a plate pressed against the inside of the arrow, its rod growing with the pressure.
    this.plates.clear();
    const plateAt = g.radius - g.glyphRadius - 4;
    const half = g.glyphRadius * 1.1;
    for (let k = 0; k < BALANCING_KEYS.length; k++) {
      const span = g.arcs[BALANCING[BALANCING_KEYS[k]].arc];
      const a = span.mid;
      const c = Math.cos(a);
      const s = Math.sin(a);
      const px = g.cx + plateAt * c;
      const py = g.cy + plateAt * s;
      this.plates
        .moveTo(px - s * half, py + c * half)
        .lineTo(px + s * half, py - c * half)
        .stroke({ width: 4, color: PALETTE.balancing, cap: 'round' });
      const rod = this.rods[k];
      rod.position.set(px, py);
      rod.rotation = a + Math.PI; // grows from the plate towards the centre
      rod.scale.y = 3;
      rod.alpha = 0.85;
      const tagR = g.radius + g.glyphRadius + fontSize * 0.9;
      setFontSize(this.tags[k], Math.round(fontSize * 0.9));
      this.tags[k].position.set(g.cx + tagR * c, g.cy + tagR * s);
    }

    setFontSize(this.regimeText, fontSize);
    setFontSize(this.gainText, Math.round(fontSize * 0.9));
    this.drawBadge();
    this.placeParticlesStatic();
    this.applyValues();
    this.placeLabels();
  }

  setLabels(labels: StageLabels, language: StageLanguage): void {
    this.labels = labels;
    this.language = language;
    LOOP_STATIONS.forEach((s, i) => (this.names[i].text = labels.stations[s]));
    this.regimeText.text = labels[this.regime];
    this.writeValues();
    this.placeLabels();
    this.drawBadge();
  }

  /** Take a month's loop telemetry; `scale` is the current flow scale (see FlowScale). */
  setMonth(loop: LoopSnapshot, scale: number, nowMs: number, durationMs: number): void {
    const to = this.tween.to;
    LOOP_STATIONS.forEach((s, i) => (to[LEVEL + i] = loop.levels[s]));
    for (let i = 0; i < STATION_COUNT; i++) {
      to[STRENGTH + i] = flowStrength(loop.flows[i], scale);
      this.tone[i] = flowTone(loop.flows[i], scale);
    }
    BALANCING_KEYS.forEach((key, k) => (to[PRESSURE + k] = loop.balancing[key]));
    this.tween.arrive(nowMs, durationMs);

    if (loop.regime !== this.regime || loop.gain !== this.gain) {
      this.regime = loop.regime;
      this.gain = loop.gain;
      this.spin = badgeSpin(loop.regime, loop.gain);
      if (this.labels) this.regimeText.text = this.labels[loop.regime];
      this.drawBadge();
    }
    this.styleParticles();
    this.writeValues();
    this.placeLabels();
    this.applyValues();
  }

  /** Particles flow and the badge spins only while the run plays. */
  setFlowing(on: boolean): void {
    this.flowing = on;
  }

  /** Advance animations; returns whether anything moved. */
  tick(nowMs: number, dtMs: number, motion: boolean): boolean {
    let changed = false;
    if (this.tween.step(nowMs, motion)) changed = this.applyValues();
    if (motion && this.flowing && this.tween.hasData) {
      this.moveParticles(dtMs);
      if (this.spin !== 0) this.spinner.rotation += (this.spin * dtMs) / 1000;
      changed = true;
    }
    return changed;
  }

  /** Where each station, arrow, balancing piston and the badge is (CSS px), for the page's focusable parts. */
  parts(): StagePart[] {
    const g = this.geometry;
    if (!g) return [];
    const out: StagePart[] = [];
    const square = (x: number, y: number, r: number) => ({ x: x - r, y: y - r, width: 2 * r, height: 2 * r });
    LOOP_STATIONS.forEach((st, i) => out.push({ kind: 'station', key: st, ...square(g.stations[i].x, g.stations[i].y, g.stationMaxRadius + 3) }));
    LOOP_STATIONS.forEach((st, i) => {
      const mid = pointOnArc(g, i, 0.5, this.scratch);
      out.push({ kind: 'flow', key: st, ...square(mid.x, mid.y, Math.max(12, g.glyphRadius * 1.6)) });
    });
    BALANCING_KEYS.forEach((key, k) => {
      const t = this.tags[k];
      const r = Math.max(12, t.width * 0.75);
      out.push({ kind: 'balancing', key, ...square(t.x, t.y, r) });
    });
    out.push({ kind: 'badge', key: 'gain', ...square(g.cx, g.cy, g.badgeRadius) });
    return out;
  }

  /**
   * Where each station's name and level are written (a level not yet written gets a line under its
   * name): luck's labels keep off them (a label over "Capacity" at projector size, issue 7).
   */
  labelBoxes(): Rect[] {
    return LOOP_STATIONS.map((_, i) => {
      const a = this.names[i].getBounds();
      const v = this.values[i].text ? this.values[i].getBounds() : { x: a.x, y: a.y + a.height, width: a.width, height: this.fontSize * 1.2 };
      const x = Math.min(a.x, v.x);
      const y = Math.min(a.y, v.y);
      return { x, y, width: Math.max(a.x + a.width, v.x + v.width) - x, height: Math.max(a.y + a.height, v.y + v.height) - y };
    });
  }

  /** Text and meaningful graphics with their colours (the contrast test samples the pixels under them). */
  inks(out: StageInk[]): void {
    const g = this.geometry;
    if (!g) return;
    for (let i = 0; i < STATION_COUNT; i++) {
      out.push(textInk(`station name ${LOOP_STATIONS[i]}`, this.names[i], PALETTE.text));
      if (this.values[i].text) out.push(textInk(`station level ${LOOP_STATIONS[i]}`, this.values[i], PALETTE.textMuted));
      const s = g.stations[i];
      const r = g.stationMaxRadius;
      out.push({ name: `station rim ${LOOP_STATIONS[i]}`, role: 'graphic', colour: PALETTE.stationRing, x: s.x - r - 3, y: s.y - 4, width: 6, height: 8 });
    }
    for (let i = 0; i < STATION_COUNT; i++) {
      // the + / − / = sign on each arrow: its ring is drawn in the flow's colour
      const tone = this.tone[i];
      const gl = this.glyphs[i];
      const r = g.glyphRadius;
      out.push({ name: `flow sign ${LOOP_STATIONS[i]}`, role: 'graphic', colour: toneColour(tone), x: gl.x - r - 2, y: gl.y - 3, width: 6, height: 6 });
    }
    BALANCING_KEYS.forEach((key, k) => out.push(textInk(`balancing tag ${key}`, this.tags[k], PALETTE.balancingText)));
    out.push(textInk('regime', this.regimeText, PALETTE.text));
    if (this.gainText.text) out.push(textInk('loop gain', this.gainText, PALETTE.textMuted));
  }

  reset(): void {
    this.tween.clear();
    this.drawnLevel.fill(-1);
    this.tone.fill(0);
    this.regime = 'damped';
    this.gain = 1;
    this.spin = 0;
    this.spinner.rotation = 0;
    this.icon.context = this.shapes.icon.damped;
    if (this.labels) this.regimeText.text = this.labels.damped;
    this.gainText.text = '';
    for (const v of this.values) v.text = '';
    this.styleParticles();
    this.drawBadge();
    this.applyValues();
    this.placeLabels();
  }

  /** Apply the current (interpolated) values to the drawing; true if something was redrawn. */
  private applyValues(): boolean {
    const g = this.geometry;
    if (!g) return false;
    const v = this.tween.value;
    let arcs = false;
    for (let i = 0; i < STATION_COUNT; i++) {
      const level = this.tween.hasData ? quantise(Math.max(0, Math.min(1, v[LEVEL + i])), 0.005) : 0;
      if (level !== this.drawnLevel[i]) arcs = true;
    }
    if (arcs) this.drawLevels(g, v);
    for (let i = 0; i < STATION_COUNT; i++) {
      this.discs[i].scale.set(stationRadius(v[LEVEL + i], g));
      const width = this.tween.hasData ? quantise(1.5 + 7 * v[STRENGTH + i], 1) : 1;
      const tone = this.tone[i];
      if (width !== this.drawnWidth[i] || tone !== this.drawnTone[i]) {
        this.drawTrack(i, width, tone);
        this.drawnWidth[i] = width;
        this.drawnTone[i] = tone;
      }
      this.glyphs[i].context = this.shapes.glyph[tone > 0 ? '1' : tone < 0 ? '-1' : '0'];
    }
    const maxRod = Math.max(2, g.radius - g.glyphRadius - 8 - (g.badgeRadius + 12));
    for (let k = 0; k < BALANCING_KEYS.length; k++) {
      const p = Math.max(0, Math.min(1, v[PRESSURE + k]));
      this.rods[k].scale.x = Math.max(0.5, p * maxRod);
    }
    return true;
  }

  /** An arc round each station's rim from 12 o'clock, clockwise, as long as its level (100% = full circle). */
  private drawLevels(g: LoopGeometry, v: Float64Array): void {
    const a = this.levelArcs.clear();
    const r = g.stationMaxRadius + 3;
    for (const s of g.stations) a.circle(s.x, s.y, r);
    a.stroke({ width: 3, color: PALETTE.grid });
    for (let i = 0; i < STATION_COUNT; i++) {
      const level = this.tween.hasData ? quantise(Math.max(0, Math.min(1, v[LEVEL + i])), 0.005) : 0;
      this.drawnLevel[i] = level;
      if (level <= 0) continue;
      const s = g.stations[i];
      a.moveTo(s.x, s.y - r).arc(s.x, s.y, r, -Math.PI / 2, -Math.PI / 2 + level * 2 * Math.PI);
    }
    a.stroke({ width: 3, color: PALETTE.stationLevel, cap: 'butt' });
  }

  private drawTrack(i: number, width: number, tone: number): void {
    const g = this.geometry;
    if (!g) return;
    const t = this.tracks[i];
    const span = g.arcs[i];
    const colour = toneColour(tone);
    const headLen = 6 + width * 1.4;
    const endTrack = span.end - (headLen * 0.6) / g.radius;
    t.clear();
    if (tone < 0) {
      // bad flows are dashed
      const d = dashAngles({ ...span, end: endTrack }, g.radius, 7 + width, 4 + width * 0.5);
      for (let k = 0; k < d.length; k += 2) {
        t.moveTo(g.cx + g.radius * Math.cos(d[k]), g.cy + g.radius * Math.sin(d[k])).arc(g.cx, g.cy, g.radius, d[k], d[k + 1]);
      }
      t.stroke({ width, color: colour, alpha: 0.45, cap: 'butt' });
    } else if (tone > 0) {
      t.arc(g.cx, g.cy, g.radius, span.start, endTrack).stroke({ width, color: colour, alpha: 0.45, cap: 'butt' });
    } else {
      // no flow to speak of: a thin dotted line
      const d = dashAngles({ ...span, end: endTrack }, g.radius, 2, 5);
      for (let k = 0; k < d.length; k += 2) {
        t.moveTo(g.cx + g.radius * Math.cos(d[k]), g.cy + g.radius * Math.sin(d[k])).arc(g.cx, g.cy, g.radius, d[k], d[k + 1]);
      }
      t.stroke({ width: 2, color: colour, alpha: 0.7 });
    }
    // Arrowhead: filled triangle (good), open chevron (bad), small open triangle (none).
    const tipX = g.cx + g.radius * Math.cos(span.end);
    const tipY = g.cy + g.radius * Math.sin(span.end);
    const dir = span.end - headLen / (2 * g.radius) + Math.PI / 2;
    const half = headLen * 0.6;
    arrowHeadPoints(tipX, tipY, dir, headLen, half, this.head);
    const h = this.head;
    if (tone > 0) {
      triangle(t, h).fill(colour);
    } else if (tone < 0) {
      t.moveTo(h[2], h[3]).lineTo(h[0], h[1]).lineTo(h[4], h[5]).stroke({ width: 2.5, color: colour, cap: 'round', join: 'round' });
    } else {
      triangle(t, h).stroke({ width: 1.5, color: colour });
    }
  }

  private drawBadge(): void {
    const g = this.geometry;
    if (!g) return;
    const r = g.badgeRadius;
    const colour = this.regime === 'virtuous' ? PALETTE.virtuous : this.regime === 'vicious' ? PALETTE.vicious : PALETTE.damped;
    this.badgeBg.clear().circle(g.cx, g.cy, r).stroke({ width: 2.5, color: colour });
    // Chevrons on a ring around the badge point the way the loop spirals; dots when it is damped.
    this.spinner.clear();
    this.spinner.position.set(g.cx, g.cy);
    const ringR = r + Math.max(7, r * 0.09);
    const n = 10;
    const dirSign = this.regime === 'virtuous' ? 1 : -1;
    for (let k = 0; k < n; k++) {
      const a = (k * 2 * Math.PI) / n;
      const x = ringR * Math.cos(a);
      const y = ringR * Math.sin(a);
      if (this.regime === 'damped') {
        this.spinner.circle(x, y, 1.6);
      } else {
        const size = Math.max(4, r * 0.07);
        arrowHeadPoints(x, y, a + (dirSign * Math.PI) / 2, size, size * 0.85, this.head);
        const h = this.head;
        this.spinner.moveTo(h[2], h[3]).lineTo(h[0], h[1]).lineTo(h[4], h[5]);
      }
    }
    if (this.regime === 'damped') this.spinner.fill(colour);
    else this.spinner.stroke({ width: 1.8, color: colour, cap: 'round', join: 'round' });

    this.icon.context = this.shapes.icon[this.regime];
    const iconScale = Math.min(1.2, (r * 0.3) / 10);
    this.icon.scale.set(iconScale);
    this.icon.position.set(g.cx, g.cy - r * 0.45);
    this.regimeText.position.set(g.cx, g.cy + r * 0.08);
    // a long name ("Neerwaartse spiraal") in a small badge takes two lines rather than shrinking out of sight
    const room = r * 1.8;
    const t = this.regimeText;
    if (t.style.wordWrap) t.style.wordWrap = false;
    fitWidth(t, room, MIN_TEXT_PX / this.fontSize);
    if (t.width > room + 0.5 && t.text.includes(' ')) {
      t.style.align = 'center';
      t.style.wordWrapWidth = room / t.scale.x;
      t.style.wordWrap = true;
      fitWidth(t, room, MIN_TEXT_PX / this.fontSize);
      // two lines: the icon and the name move up to make room for the gain under them
      this.icon.scale.set(iconScale * 0.8);
      this.icon.position.set(g.cx, g.cy - r * 0.62);
      t.position.set(g.cx, g.cy - r * 0.08);
    }
    this.gainText.position.set(g.cx - this.gainText.width / 2, t.y + t.height / 2 + 2);
  }

  private writeValues(): void {
    if (!this.tween.hasData) return;
    const to = this.tween.to;
    for (let i = 0; i < STATION_COUNT; i++) this.values[i].text = formatPercent(to[LEVEL + i], this.language);
    this.gainText.text = formatGain(this.gain, this.language);
    const g = this.geometry;
    if (g) this.gainText.position.set(g.cx - this.gainText.width / 2, this.regimeText.y + this.regimeText.height / 2 + 2);
  }

  /** Station name above its level, placed radially outside the station so it grows away from the ring. */
  private placeLabels(): void {
    const g = this.geometry;
    if (!g) return;
    // clear of the level arc round the rim
    const gap = 8;
    const line = Math.round(this.fontSize * 1.2);
    for (let i = 0; i < STATION_COUNT; i++) {
      const s = g.stations[i];
      const name = this.names[i];
      const value = this.values[i];
      const w = Math.max(name.width, value.width);
      const h = line + (value.text ? line : 0);
      const a = radialAnchor(s.angle);
      // radially outside the station, but never past the panel's edge (long translations), and moved
      // out along the radius until the text's box clears the station and its level arc
      const rim = { x: s.x, y: s.y, r: g.stationMaxRadius + 5 };
      let ox = 0;
      let oy = 0;
      for (let d = g.stationMaxRadius + gap; d < g.stationMaxRadius + gap + 4 * this.fontSize; d += 2) {
        ox = Math.max(this.box.x, Math.min(this.box.x + this.box.width - w, s.x + Math.cos(s.angle) * d - a.x * w));
        oy = s.y + Math.sin(s.angle) * d - a.y * h;
        if (!rectHitsCircle({ x: ox, y: oy, width: w, height: h }, rim)) break;
      }
      name.position.set(Math.round(ox + (w - name.width) * a.x), Math.round(oy));
      value.position.set(Math.round(ox + (w - value.width) * a.x), Math.round(oy + line));
    }
  }

  /** Texture, colour and size of the flow particles follow each arrow's sign and strength (once a month). */
  private styleParticles(): void {
    const to = this.tween.to;
    for (let i = 0; i < STATION_COUNT; i++) {
      const tone = this.tone[i];
      const strength = to[STRENGTH + i];
      this.visible[i] = !this.tween.hasData || tone === 0 ? 0 : 1 + Math.round(strength * (PARTICLES_PER_ARC - 1));
      const scale = atlasScale(2.2 + 2.2 * strength);
      for (let k = 0; k < PARTICLES_PER_ARC; k++) {
        const p = this.particles[i * PARTICLES_PER_ARC + k];
        p.texture = tone < 0 ? this.atlas.flowBar : this.atlas.flowDot;
        p.tint = toneColour(tone);
        p.scaleX = scale;
        p.scaleY = scale;
      }
    }
    this.flow.update();
    this.placeParticlesStatic();
  }

  /** Particles evenly spaced along each arrow (the reduced-motion picture, and the start of motion). */
  private placeParticlesStatic(): void {
    this.moveParticles(0);
  }

  private moveParticles(dtMs: number): void {
    const g = this.geometry;
    if (!g) return;
    const v = this.tween.value;
    for (let i = 0; i < STATION_COUNT; i++) {
      const n = this.visible[i];
      const span = g.arcs[i];
      if (dtMs > 0 && n > 0 && span.length > 0) {
        // 14 to 80 px a second, faster for stronger flows
        const speed = 14 + 66 * v[STRENGTH + i];
        this.phase[i] = (this.phase[i] + (speed * dtMs) / 1000 / span.length) % 1;
      }
      for (let k = 0; k < PARTICLES_PER_ARC; k++) {
        const p = this.particles[i * PARTICLES_PER_ARC + k];
        if (k >= n) {
          p.x = -1e4;
          p.y = -1e4;
          continue;
        }
        const t = (this.phase[i] + (k + 0.5) / n) % 1;
        // keep clear of the arrowhead
        pointOnArc(g, i, t * 0.93, this.scratch);
        p.x = this.scratch.x;
        p.y = this.scratch.y;
        p.rotation = this.scratch.angle;
      }
    }
  }
}
