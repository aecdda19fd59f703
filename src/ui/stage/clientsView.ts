// The jobseekers: labelled status zones with head counts, and one dot per sampled client that glides
// to its status zone when its status changes. Dots differ by shape as well as hue.
import { BitmapText, Container, Graphics, Particle, ParticleContainer, Sprite, Text } from 'pixi.js';
import { STATUSES, type MonthSnapshot } from '../../model/types';
import type { Rect } from './rect';
import { dotPosition, dotRadius, statusCounts, zoneLayout, type Zone } from './zoneLayout';
import { PALETTE, STATUS_STYLE } from './palette';
import { atlasScale, type DotAtlas } from './shapes';
import { fitWidth, label, numbers, setFontSize } from './text';
import { easeInOutCubic } from './tween';
import type { Point } from './loopGeometry';
import { formatCount, type StageLanguage } from './format';
import type { StageLabels } from './types';

const GLIDE_MS = 700;
/** Dots leave over this spread, in index order, so a month's moves read as a stream. */
const STAGGER_MS = 350;

export class ClientsView {
  readonly root = new Container();
  private readonly boxes = new Graphics();
  private readonly dots: ParticleContainer;
  private readonly particles: Particle[] = [];
  private readonly names: Text[] = [];
  private readonly counts: BitmapText[] = [];
  private readonly icons: Sprite[] = [];
  private zones: Zone[] = [];
  private fontSize = 12;
  private language: StageLanguage = 'en';
  private readonly countValues = new Array<number>(STATUSES.length).fill(0);
  private hasCounts = false;

  // per-dot state (structure of arrays, reallocated only when the sample size changes)
  private status = new Uint8Array(0);
  private fromX = new Float32Array(0);
  private fromY = new Float32Array(0);
  private toX = new Float32Array(0);
  private toY = new Float32Array(0);
  private start = new Float64Array(0);
  private moving = false;
  private radius = 3;
  private readonly scratch: Point = { x: 0, y: 0 };

  constructor(private readonly atlas: DotAtlas, fontName: string) {
    this.dots = new ParticleContainer({
      dynamicProperties: { position: true, rotation: false, vertex: false, uvs: false, color: false },
    });
    this.root.addChild(this.boxes);
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
    this.root.addChild(this.dots);
  }

  get size(): number {
    return this.status.length;
  }

  layout(panel: Rect, fontSize: number): void {
    this.fontSize = fontSize;
    this.zones = zoneLayout(panel, fontSize);
    const b = this.boxes.clear();
    const inset = Math.max(4, Math.round(fontSize * 0.5));
    this.zones.forEach((z, s) => {
      b.roundRect(z.box.x, z.box.y, z.box.width, z.box.height, 6).stroke({ width: 1, color: PALETTE.panelBorder });
      const iconR = fontSize * 0.42;
      this.icons[s].scale.set(atlasScale(iconR));
      this.icons[s].position.set(z.box.x + inset + iconR, z.box.y + fontSize * 0.95);
      setFontSize(this.names[s], fontSize);
      setFontSize(this.counts[s], fontSize);
      this.names[s].position.set(z.box.x + inset + 2 * iconR + fontSize * 0.35, z.box.y + fontSize * 0.3);
    });
    this.placeCounts();
    this.fitNames();
    this.radius = this.zones.length ? dotRadius(this.zones[0].dots, Math.max(200, this.size)) : 3;
    this.restyleDots();
    this.snapAll();
  }

  setLabels(labels: StageLabels, language: StageLanguage): void {
    this.language = language;
    STATUSES.forEach((s, i) => (this.names[i].text = labels.statuses[s]));
    this.writeCounts();
    this.fitNames();
  }

  setMonth(snapshot: MonthSnapshot, sample: Uint8Array, nowMs: number, motion: boolean): void {
    statusCounts(snapshot.caseload, this.countValues);
    this.hasCounts = true;
    this.writeCounts();

    const n = sample.length;
    const fresh = n !== this.size;
    if (fresh) this.resize(n);
    let restyle = fresh;
    for (let i = 0; i < n; i++) {
      const code = sample[i] < STATUSES.length ? sample[i] : 0;
      if (!fresh && code === this.status[i]) continue;
      this.status[i] = code;
      const p = this.particles[i];
      this.fromX[i] = p.x;
      this.fromY[i] = p.y;
      const z = this.zones[code];
      if (z) dotPosition(i, z.dots, this.radius + 1, this.scratch);
      this.toX[i] = this.scratch.x;
      this.toY[i] = this.scratch.y;
      this.start[i] = nowMs + (STAGGER_MS * i) / Math.max(1, n);
      restyle = true;
    }
    if (restyle) this.restyleDots();
    if (fresh || !motion) this.snapAll();
    else this.moving = true;
  }

  tick(nowMs: number, motion: boolean): boolean {
    if (!this.moving) return false;
    if (!motion) {
      this.snapAll();
      return true;
    }
    let inFlight = false;
    const n = this.size;
    for (let i = 0; i < n; i++) {
      const t = (nowMs - this.start[i]) / GLIDE_MS;
      const p = this.particles[i];
      if (t >= 1) {
        p.x = this.toX[i];
        p.y = this.toY[i];
        continue;
      }
      inFlight = true;
      if (t <= 0) continue;
      const e = easeInOutCubic(t);
      p.x = this.fromX[i] + (this.toX[i] - this.fromX[i]) * e;
      p.y = this.fromY[i] + (this.toY[i] - this.fromY[i]) * e;
    }
    this.moving = inFlight;
    return true;
  }

  reset(): void {
    this.resize(0);
    this.countValues.fill(0);
    this.hasCounts = false;
    for (const c of this.counts) c.text = '';
  }

  private resize(n: number): void {
    this.dots.removeParticles();
    this.particles.length = 0;
    for (let i = 0; i < n; i++) {
      const p = new Particle({ texture: this.atlas.status.benefit, anchorX: 0.5, anchorY: 0.5 });
      this.particles.push(p);
    }
    if (n > 0) this.dots.addParticle(...this.particles);
    this.status = new Uint8Array(n);
    this.fromX = new Float32Array(n);
    this.fromY = new Float32Array(n);
    this.toX = new Float32Array(n);
    this.toY = new Float32Array(n);
    this.start = new Float64Array(n);
    this.moving = false;
    if (this.zones.length) this.radius = dotRadius(this.zones[0].dots, Math.max(200, n));
  }

  /** Shape, hue and size of every dot (static particle properties: one upload). */
  private restyleDots(): void {
    const scale = atlasScale(this.radius);
    for (let i = 0; i < this.particles.length; i++) {
      const p = this.particles[i];
      const s = STATUSES[this.status[i]];
      p.texture = this.atlas.status[s];
      p.tint = STATUS_STYLE[s].colour;
      p.scaleX = scale;
      p.scaleY = scale;
    }
    this.dots.update();
  }

  /** Every dot at its zone (after a resize, a jump in the sample or in reduced motion). */
  private snapAll(): void {
    for (let i = 0; i < this.particles.length; i++) {
      const z = this.zones[this.status[i]];
      if (!z) continue;
      dotPosition(i, z.dots, this.radius + 1, this.scratch);
      this.toX[i] = this.fromX[i] = this.scratch.x;
      this.toY[i] = this.fromY[i] = this.scratch.y;
      // arrived: a later month's tick must not replay this dot's last glide
      this.start[i] = -Infinity;
      this.particles[i].x = this.scratch.x;
      this.particles[i].y = this.scratch.y;
    }
    this.moving = false;
  }

  private writeCounts(): void {
    if (!this.hasCounts) return;
    for (let s = 0; s < STATUSES.length; s++) this.counts[s].text = formatCount(this.countValues[s], this.language);
    this.placeCounts();
    this.fitNames();
  }

  private placeCounts(): void {
    const inset = Math.max(4, Math.round(this.fontSize * 0.5));
    this.zones.forEach((z, s) => {
      const c = this.counts[s];
      c.position.set(z.box.x + z.box.width - inset - c.width, z.box.y + this.fontSize * 0.3);
    });
  }

  private fitNames(): void {
    const inset = Math.max(4, Math.round(this.fontSize * 0.5));
    this.zones.forEach((z, s) => {
      const room = z.box.width - (this.names[s].x - z.box.x) - inset - this.counts[s].width - this.fontSize * 0.5;
      fitWidth(this.names[s], room);
    });
  }
}
