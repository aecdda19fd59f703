// The jobseekers: labelled status zones with head counts, one dot per sampled client in the zone of its
// status, and a legend ("1 dot ≈ 6 people"). Dots differ by shape as well as hue. A dot glides when its
// person changes status and is done before the next month arrives; a person who leaves bijstand drifts
// into Left bijstand and fades there (a "ghost"), since that zone holds a running total, not people on
// the caseload. Zone names and counts are drawn above the dots, so a gliding dot never hides them.
import { BitmapText, CanvasTextMetrics, Container, Graphics, Particle, ParticleContainer, Sprite, Text } from 'pixi.js';
import { STATUSES, type MonthSnapshot } from '../../model/types';
import type { Rect } from './rect';
import {
  EXITED_CODE,
  HIDDEN,
  ZoneSpots,
  clientsLayout,
  dotChange,
  dotPosition,
  dotRadius,
  dotStride,
  glideTiming,
  statusCounts,
  type Zone,
} from './zoneLayout';
import { PALETTE, STATUS_STYLE } from './palette';
import { atlasScale, type DotAtlas } from './shapes';
import { MIN_TEXT_PX, fitWidth, label, numbers, setFontSize } from './text';
import { easeInOutCubic } from './tween';
import type { Point } from './loopGeometry';
import { CLIENT_WORDS, dotScaleText, formatCount, peoplePerDot, type StageLanguage } from './format';
import type { StageInk, StageLabels, StagePart } from './types';
import { textInk } from './inks';

/** Where a hidden particle waits (off the canvas: position is the only per-frame upload). */
const AWAY = -10_000;
/** Ghosts in flight at most; a busier month lets the rest vanish at once. */
const GHOSTS = 96;
/** A ghost lives at least this long, so a leaver is seen even at the fastest speeds. */
const GHOST_MIN_MS = 450;
/** Share of a ghost's life spent gliding; it fades over the last part. */
const GHOST_GLIDE = 0.7;

export class ClientsView {
  readonly root = new Container();
  private readonly boxes = new Graphics();
  private readonly dots: ParticleContainer;
  private readonly ghosts: ParticleContainer;
  private readonly particles: Particle[] = [];
  private readonly ghostParticles: Particle[] = [];
  private readonly names: Text[] = [];
  private readonly counts: BitmapText[] = [];
  private readonly icons: Sprite[] = [];
  private readonly note: Text;
  private readonly legend: Text;
  private zones: Zone[] = [];
  private legendBox: Rect = { x: 0, y: 0, width: 0, height: 0 };
  private fontSize = 12;
  private headerLines: 1 | 2 = 1;
  private language: StageLanguage = 'en';
  private labels: StageLabels | null = null;
  private readonly countValues = new Array<number>(STATUSES.length).fill(0);
  private hasCounts = false;
  private perDot = 0;
  /** the latest sample (the dots are redrawn from it when a new layout draws a different share) */
  private sample: Uint8Array | null = null;
  /** draw every stride-th dot of the sample (dotStride) */
  private stride = 1;

  // per-dot state (structure of arrays, reallocated only when the sample size changes)
  /** the status a dot shows (below EXITED_CODE), or HIDDEN */
  private shown = new Uint8Array(0);
  /** a dot's spot in its zone (ZoneSpots) */
  private spot = new Int32Array(0);
  private spots = new ZoneSpots(STATUSES.length, 0);
  private fromX = new Float32Array(0);
  private fromY = new Float32Array(0);
  private toX = new Float32Array(0);
  private toY = new Float32Array(0);
  private start = new Float64Array(0);
  private length = new Float32Array(0);
  private moving = false;
  private radius = 3;
  private readonly scratch: Point = { x: 0, y: 0 };

  // ghosts: leavers on their way into Left bijstand
  private readonly ghostFromX = new Float32Array(GHOSTS);
  private readonly ghostFromY = new Float32Array(GHOSTS);
  private readonly ghostToX = new Float32Array(GHOSTS);
  private readonly ghostToY = new Float32Array(GHOSTS);
  private readonly ghostStart = new Float64Array(GHOSTS);
  private readonly ghostLife = new Float32Array(GHOSTS);
  private readonly ghostBusy = new Uint8Array(GHOSTS);
  private ghostsActive = 0;
  private ghostSerial = 0;

  constructor(private readonly atlas: DotAtlas, fontName: string) {
    this.dots = new ParticleContainer({
      dynamicProperties: { position: true, rotation: false, vertex: false, uvs: false, color: false },
    });
    // ghosts fade: colour (alpha) is uploaded every frame too, for these few particles only
    this.ghosts = new ParticleContainer({
      dynamicProperties: { position: true, rotation: false, vertex: false, uvs: false, color: true },
    });
    for (let g = 0; g < GHOSTS; g++) {
      const p = new Particle({ texture: atlas.status.benefit, anchorX: 0.5, anchorY: 0.5, x: AWAY, y: AWAY });
      this.ghostParticles.push(p);
    }
    this.ghosts.addParticle(...this.ghostParticles);
    this.note = label(12, { fill: PALETTE.textMuted, align: 'center' });
    this.note.anchor.set(0.5);
    this.legend = label(12, { fill: PALETTE.textMuted });
    this.legend.anchor.set(0, 0.5);
    // dots first: names, counts and the legend stay readable over anything in flight
    this.root.addChild(this.boxes, this.dots, this.ghosts);
    for (const s of STATUSES) {
      const icon = new Sprite(atlas.status[s]);
      icon.anchor.set(0.5);
      icon.tint = STATUS_STYLE[s].colour;
      const name = label(12, { weight: '600' });
      const count = numbers(fontName, 12, PALETTE.text);
      this.icons.push(icon);
      this.names.push(name);
      this.counts.push(count);
      this.root.addChild(icon, name, count);
    }
    this.root.addChild(this.note, this.legend);
  }

  get size(): number {
    return this.shown.length;
  }

  layout(panel: Rect, fontSize: number): void {
    this.fontSize = fontSize;
    const inset = Math.max(4, Math.round(fontSize * 0.5));
    const iconR = fontSize * 0.42;
    const nameX = inset + 2 * iconR + fontSize * 0.35;
    for (let s = 0; s < STATUSES.length; s++) {
      setFontSize(this.names[s], fontSize);
      setFontSize(this.counts[s], fontSize);
      if (this.names[s].style.wordWrap) this.names[s].style.wordWrap = false;
      this.names[s].scale.set(1);
    }
    // Name and count share a line when every name, shrunk to 85% at most, fits beside a four-digit
    // count; else the count goes under the name (narrow zones, long Dutch names), rather than
    // shrinking names out of reach.
    const countRoom = Math.max(fontSize * 2.8, ...this.counts.map((c) => c.width)) + fontSize * 0.5;
    // a zone is at least as wide as the longest word of any name at the least text size (else fewer columns)
    const longestWord = Math.max(0, ...this.names.map((t) => Math.max(0, ...t.text.split(/\s+/).map((w) => CanvasTextMetrics.measureText(w, t.style).width))));
    const minCell = nameX + inset + longestWord * (MIN_TEXT_PX / fontSize) + 2;
    const oneLine = clientsLayout(panel, fontSize, 1, minCell);
    const fits = oneLine.zones.every((z, s) => this.names[s].width * 0.85 <= z.box.width - nameX - inset - countRoom);
    this.headerLines = fits ? 1 : 2;
    const l = fits ? oneLine : clientsLayout(panel, fontSize, 2, minCell);
    this.zones = l.zones;
    this.legendBox = l.legend;
    const b = this.boxes.clear();
    this.zones.forEach((z, s) => {
      b.roundRect(z.box.x, z.box.y, z.box.width, z.box.height, 6).stroke({ width: 1, color: PALETTE.frame });
      this.icons[s].scale.set(atlasScale(iconR));
      this.icons[s].position.set(z.box.x + inset + iconR, z.box.y + fontSize * 0.95);
      this.names[s].position.set(z.box.x + nameX, z.box.y + fontSize * 0.3);
    });
    this.wrapNames();
    this.layoutNote();
    this.layoutLegend();
    this.clearGhosts();
    const stride = this.sample && this.zones.length ? dotStride(this.zones[0].dots, this.sample.length) : 1;
    if (this.sample && stride !== this.stride) {
      // another share of the sample is drawn: new dots, in place at once
      this.stride = stride;
      this.resize(0);
      this.applySample(this.sample, 0, 0);
    }
    this.radius = this.zones.length ? dotRadius(this.zones[0].dots, Math.max(200, this.size)) : 3;
    this.restyleAll();
    this.snapAll();
  }

  setLabels(labels: StageLabels, language: StageLanguage): void {
    this.labels = labels;
    this.language = language;
    STATUSES.forEach((s, i) => (this.names[i].text = labels.statuses[s]));
    this.note.text = labels.exitedNote ?? CLIENT_WORDS[language].exitedNote;
    this.writeCounts();
    this.wrapNames();
    this.layoutNote();
    this.writeLegend();
  }

  /**
   * One month: head counts, the legend, and each dot's change (see dotChange). `durationMs` is the
   * time until the next month is expected (0 in reduced motion: everything jumps).
   */
  setMonth(snapshot: MonthSnapshot, sample: Uint8Array, nowMs: number, durationMs: number): void {
    statusCounts(snapshot.caseload, this.countValues);
    this.hasCounts = true;
    this.writeCounts();

    this.sample = sample;
    this.applySample(sample, nowMs, durationMs);
  }

  /** Each dot's change (dotChange) from what it shows to the sample, and the legend. */
  private applySample(sample: Uint8Array, nowMs: number, durationMs: number): void {
    if (this.zones.length) this.stride = dotStride(this.zones[0].dots, sample.length);
    const stride = this.stride;
    const n = Math.ceil(sample.length / stride);
    if (n !== this.size) this.resize(n);
    const motion = durationMs > 0;
    const { glideMs, spreadMs } = glideTiming(durationMs);
    const ghostLife = Math.max(GHOST_MIN_MS, durationMs);
    const hasExitZone = this.zones.length > EXITED_CODE;
    let restyled = false;
    let newGhosts = false;
    let onCaseload = 0;
    for (let i = 0; i < n; i++) {
      const next = sample[i * stride];
      if (next < EXITED_CODE) onCaseload++;
      const was = this.shown[i];
      const change = dotChange(was, next);
      if (change === 'stay') continue;
      const p = this.particles[i];
      if (was !== HIDDEN) this.spots.free(was, this.spot[i]);
      if (change === 'leave' && motion && hasExitZone) newGhosts = this.launchGhost(p, was, nowMs + (spreadMs * i) / n, ghostLife) || newGhosts;
      if (change === 'leave' || change === 'hide') {
        this.shown[i] = HIDDEN;
        this.park(i);
        continue;
      }
      this.shown[i] = next;
      this.spot[i] = this.spots.take(next);
      this.style(p, next);
      restyled = true;
      const z = this.zones[next];
      if (!z) continue;
      dotPosition(this.spot[i], z.dots, this.margin(), this.scratch);
      this.toX[i] = this.scratch.x;
      this.toY[i] = this.scratch.y;
      if (change === 'appear' || !motion) {
        this.place(i);
        continue;
      }
      this.fromX[i] = p.x;
      this.fromY[i] = p.y;
      this.start[i] = nowMs + (spreadMs * i) / n;
      this.length[i] = glideMs;
      this.moving = true;
    }
    if (restyled) this.dots.update();
    if (newGhosts) this.ghosts.update();
    if (!motion) {
      this.snapAll();
      this.clearGhosts();
    }

    const tracked = this.countValues.reduce((sum, c, s) => (s < EXITED_CODE ? sum + c : sum), 0);
    const perDot = peoplePerDot(tracked, onCaseload);
    if (perDot !== this.perDot) {
      this.perDot = perDot;
      this.writeLegend();
    }
  }

  tick(nowMs: number, motion: boolean): boolean {
    if (!this.moving && this.ghostsActive === 0) return false;
    if (!motion) {
      this.snapAll();
      this.clearGhosts();
      return true;
    }
    if (this.moving) {
      let inFlight = false;
      const n = this.size;
      for (let i = 0; i < n; i++) {
        if (this.start[i] === -Infinity) continue;
        const p = this.particles[i];
        const t = (nowMs - this.start[i]) / this.length[i];
        if (t >= 1) {
          this.place(i);
          continue;
        }
        inFlight = true;
        if (t <= 0) continue;
        const e = easeInOutCubic(t);
        p.x = this.fromX[i] + (this.toX[i] - this.fromX[i]) * e;
        p.y = this.fromY[i] + (this.toY[i] - this.fromY[i]) * e;
      }
      this.moving = inFlight;
    }
    if (this.ghostsActive > 0) this.tickGhosts(nowMs);
    return true;
  }

  parts(): StagePart[] {
    const out: StagePart[] = this.zones.map((z, s) => ({ kind: 'zone' as const, key: STATUSES[s], x: z.box.x, y: z.box.y, width: z.box.width, height: z.box.height }));
    // the legend's line, whether or not it has words yet (parts are laid out once, before the first month)
    if (this.legendBox.width > 0) out.push({ kind: 'dots', key: 'legend', x: this.legendBox.x, y: this.legendBox.y, width: Math.min(this.legendBox.width, this.fontSize * 12), height: this.legendBox.height });
    return out;
  }

  inks(out: StageInk[]): void {
    STATUSES.forEach((st, s) => {
      out.push(textInk(`zone name ${st}`, this.names[s], PALETTE.text));
      if (this.counts[s].text) out.push(textInk(`zone count ${st}`, this.counts[s], PALETTE.text));
      const z = this.zones[s];
      if (z) out.push({ name: `zone border ${st}`, role: 'graphic', colour: PALETTE.frame, x: z.box.x + z.box.width / 2 - 4, y: z.box.y + z.box.height - 3, width: 8, height: 6 });
    });
    if (this.legend.text) out.push(textInk('dots legend', this.legend, PALETTE.textMuted));
    if (this.note.text && this.note.visible) out.push(textInk('left bijstand note', this.note, PALETTE.textMuted));
  }

  reset(): void {
    this.sample = null;
    this.resize(0);
    this.clearGhosts();
    this.countValues.fill(0);
    this.hasCounts = false;
    this.perDot = 0;
    for (const c of this.counts) c.text = '';
    this.writeLegend();
  }

  private resize(n: number): void {
    this.dots.removeParticles();
    this.particles.length = 0;
    for (let i = 0; i < n; i++) {
      const p = new Particle({ texture: this.atlas.status.benefit, anchorX: 0.5, anchorY: 0.5, x: AWAY, y: AWAY });
      this.particles.push(p);
    }
    if (n > 0) this.dots.addParticle(...this.particles);
    this.shown = new Uint8Array(n).fill(HIDDEN);
    this.spot = new Int32Array(n);
    this.spots = new ZoneSpots(STATUSES.length, n);
    this.fromX = new Float32Array(n);
    this.fromY = new Float32Array(n);
    this.toX = new Float32Array(n);
    this.toY = new Float32Array(n);
    this.start = new Float64Array(n).fill(-Infinity);
    this.length = new Float32Array(n).fill(1);
    this.moving = false;
    if (this.zones.length) this.radius = dotRadius(this.zones[0].dots, Math.max(200, n));
    this.restyleAll();
  }

  /** How far a dot reaches from its centre: the diamond is 1.15 radii tall, plus its rim. */
  private margin(): number {
    return this.radius * 1.3 + 0.5;
  }

  private style(p: Particle, code: number): void {
    const s = STATUSES[code] ?? 'benefit';
    p.texture = this.atlas.status[s];
    p.tint = STATUS_STYLE[s].colour;
    const scale = atlasScale(this.radius);
    p.scaleX = scale;
    p.scaleY = scale;
  }

  /** Shape, hue and size of every dot (static particle properties: one upload). */
  private restyleAll(): void {
    for (let i = 0; i < this.particles.length; i++) this.style(this.particles[i], this.shown[i] === HIDDEN ? 0 : this.shown[i]);
    this.dots.update();
    const scale = atlasScale(this.radius);
    for (const g of this.ghostParticles) {
      g.scaleX = scale;
      g.scaleY = scale;
    }
    this.ghosts.update();
  }

  /** A dot at rest: at its target, or away when hidden. */
  private place(i: number): void {
    const p = this.particles[i];
    this.start[i] = -Infinity;
    if (this.shown[i] === HIDDEN) {
      p.x = AWAY;
      p.y = AWAY;
      return;
    }
    this.fromX[i] = this.toX[i];
    this.fromY[i] = this.toY[i];
    p.x = this.toX[i];
    p.y = this.toY[i];
  }

  private park(i: number): void {
    this.start[i] = -Infinity;
    this.particles[i].x = AWAY;
    this.particles[i].y = AWAY;
  }

  /** Every dot at its zone (after a layout change, or in reduced motion). */
  private snapAll(): void {
    for (let i = 0; i < this.particles.length; i++) {
      const z = this.zones[this.shown[i]];
      if (z) {
        dotPosition(this.spot[i], z.dots, this.margin(), this.scratch);
        this.toX[i] = this.scratch.x;
        this.toY[i] = this.scratch.y;
      }
      this.place(i);
    }
    this.moving = false;
  }

  /** A leaver's ghost: from where its dot is into the running total of Left bijstand, fading as it arrives. */
  private launchGhost(p: Particle, code: number, startMs: number, lifeMs: number): boolean {
    if (p.x === AWAY) return false;
    let g = -1;
    for (let k = 0; k < GHOSTS; k++) {
      if (!this.ghostBusy[k]) {
        g = k;
        break;
      }
    }
    if (g < 0) return false;
    const q = this.ghostParticles[g];
    this.style(q, code);
    q.alpha = 1;
    q.x = p.x;
    q.y = p.y;
    // around the count, spread a little so that a month's leavers do not stack on one point
    const c = this.counts[EXITED_CODE];
    const k = this.ghostSerial++;
    const spread = this.fontSize * 0.6;
    this.scratch.x = c.x + Math.max(c.width, this.fontSize) / 2 + ((k * 0.618) % 1 - 0.5) * 2 * spread;
    this.scratch.y = c.y + this.fontSize * 0.6 + ((k * 0.382) % 1 - 0.5) * spread;
    this.ghostFromX[g] = p.x;
    this.ghostFromY[g] = p.y;
    this.ghostToX[g] = this.scratch.x;
    this.ghostToY[g] = this.scratch.y;
    this.ghostStart[g] = startMs;
    this.ghostLife[g] = lifeMs;
    this.ghostBusy[g] = 1;
    this.ghostsActive++;
    return true;
  }

  private tickGhosts(nowMs: number): void {
    for (let g = 0; g < GHOSTS; g++) {
      if (!this.ghostBusy[g]) continue;
      const q = this.ghostParticles[g];
      const t = (nowMs - this.ghostStart[g]) / this.ghostLife[g];
      if (t >= 1) {
        this.endGhost(g);
        continue;
      }
      if (t <= 0) continue;
      const e = easeInOutCubic(t / GHOST_GLIDE);
      q.x = this.ghostFromX[g] + (this.ghostToX[g] - this.ghostFromX[g]) * e;
      q.y = this.ghostFromY[g] + (this.ghostToY[g] - this.ghostFromY[g]) * e;
      q.alpha = t <= 0.5 ? 1 : 1 - (t - 0.5) / 0.5;
    }
  }

  private endGhost(g: number): void {
    const q = this.ghostParticles[g];
    q.x = AWAY;
    q.y = AWAY;
    q.alpha = 0;
    this.ghostBusy[g] = 0;
    this.ghostsActive--;
  }

  private clearGhosts(): void {
    for (let g = 0; g < GHOSTS; g++) if (this.ghostBusy[g]) this.endGhost(g);
    this.ghostsActive = 0;
  }

  private writeCounts(): void {
    if (!this.hasCounts) return;
    for (let s = 0; s < STATUSES.length; s++) this.counts[s].text = formatCount(this.countValues[s], this.language);
    this.placeCounts();
    if (this.headerLines === 1) this.fitNames();
  }

  private writeLegend(): void {
    this.legend.text = dotScaleText(this.perDot, this.language, this.labels ?? {});
    this.layoutLegend();
  }

  private placeCounts(): void {
    const inset = Math.max(4, Math.round(this.fontSize * 0.5));
    this.zones.forEach((z, s) => {
      const c = this.counts[s];
      const right = z.box.x + z.box.width - inset - c.width;
      if (this.headerLines === 1) c.position.set(right, z.box.y + this.fontSize * 0.3);
      // two lines: under the name, or at the right of the second line when the name takes both
      else c.position.set(this.names[s].style.wordWrap ? right : this.names[s].x, z.box.y + this.fontSize * 1.5);
    });
  }

  /**
   * Names shrink to fit their header. With two header lines a name too long for one line wraps onto
   * both (decided here, at a layout or a language change, never monthly: a wrap re-rasterises the text).
   */
  private wrapNames(): void {
    const inset = Math.max(4, Math.round(this.fontSize * 0.5));
    const countRoom = Math.max(this.fontSize * 3.4, ...this.counts.map((c) => c.width)) + this.fontSize * 0.5;
    this.zones.forEach((z, s) => {
      const t = this.names[s];
      const room = Math.max(10, z.box.width - (t.x - z.box.x) - inset);
      if (t.style.wordWrap) t.style.wordWrap = false;
      t.scale.set(1);
      // wrap only a name that would shrink to under 80% on one line, and whose second line leaves room for the count
      if (this.headerLines !== 2 || t.width * Math.max(0.8, MIN_TEXT_PX / this.fontSize) <= room || !t.text.trim().includes(' ')) return;
      const style = t.style.clone();
      style.wordWrap = true;
      style.wordWrapWidth = room;
      const m = CanvasTextMetrics.measureText(t.text, style);
      const scale = Math.min(1, room / Math.max(...m.lineWidths));
      if (m.lines.length !== 2 || m.lineWidths[1] * scale + countRoom > room) return;
      t.style.wordWrapWidth = room;
      t.style.wordWrap = true;
    });
    this.placeCounts();
    this.fitNames();
  }

  private fitNames(): void {
    const inset = Math.max(4, Math.round(this.fontSize * 0.5));
    this.zones.forEach((z, s) => {
      const beside = this.headerLines === 2 ? 0 : this.counts[s].width + this.fontSize * 0.5;
      fitWidth(this.names[s], z.box.width - (this.names[s].x - z.box.x) - inset - beside, MIN_TEXT_PX / this.fontSize);
    });
  }

  /** The note in Left bijstand: centred in the zone's body, wrapped, shrunk if it still does not fit. */
  private layoutNote(): void {
    const z = this.zones[EXITED_CODE];
    if (!z) return;
    const size = Math.max(11, Math.round(this.fontSize * 0.85));
    setFontSize(this.note, size);
    const room = z.dots;
    this.note.style.wordWrap = true;
    this.note.style.wordWrapWidth = Math.max(40, room.width);
    this.note.scale.set(1);
    const h = this.note.height;
    if (h > room.height && room.height > 0) this.note.scale.set(room.height / h);
    // too small to read: leave it out (the zone's explanation on the page says the same)
    this.note.visible = this.note.scale.y * size >= MIN_TEXT_PX;
    this.note.position.set(room.x + room.width / 2, room.y + room.height / 2);
  }

  private layoutLegend(): void {
    const size = Math.max(11, Math.round(this.fontSize * 0.85));
    setFontSize(this.legend, size);
    const inset = Math.max(4, Math.round(this.fontSize * 0.5));
    this.legend.position.set(this.legendBox.x + inset, this.legendBox.y + this.legendBox.height / 2);
    fitWidth(this.legend, this.legendBox.width - 2 * inset, MIN_TEXT_PX / size);
  }
}
