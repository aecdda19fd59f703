// Luck and bad luck as pulses on the loop: an expanding ring at the station an event hits, a marker
// (star for good luck, jagged burst for bad, diamond for neutral) and the event's name. The marker
// stays for some months of play (a pause never makes it vanish); the player's own cards stay longer
// and say "Your card". In reduced motion the ring is left out.
import { Container, Graphics, Text } from 'pixi.js';
import { LOOP_STATIONS, type MonthSnapshot } from '../../model/types';
import {
  PULSE_RING_MS,
  SLOTS_PER_STATION,
  chooseSlot,
  eventLabel,
  fitPulseLabel,
  placePulseLabel,
  shrinkToFit,
  pulseFrame,
  pulseLabelAnchorX,
  pulseExpired,
  pulsesFor,
  type PulseFrame,
  type PulseSpec,
} from './eventPulses';
import type { LoopGeometry } from './loopGeometry';
import { PALETTE } from './palette';
import { insetRect, type Rect } from './rect';
import { GLYPH_UNIT, type SharedShapes } from './shapes';
import { label, setFontSize } from './text';
import type { EventLogEntry } from '../../model/types';
import type { StageInk, StageLabels } from './types';
import { textInk } from './inks';


/** Below this ring radius (px) a station shows one pulse at a time, in smaller type. */
const SMALL_RING_RADIUS = 120;

interface Pulse {
  root: Container;
  ring: Graphics;
  marker: Graphics;
  plate: Graphics;
  text: Text;
  spec: PulseSpec | null;
  startMs: number;
  /** the player's own card */
  played: boolean;
  /** time it has been on screen while the run played */
  shownMs: number;
  /** which of its station's slots it occupies (labels stack) */
  slot: number;
}

export class PulseView {
  readonly root = new Container();
  /** one pulse per station and slot: pool[station * SLOTS_PER_STATION + slot] */
  private readonly pool: Pulse[] = [];
  private readonly slotStarts: (number | null)[] = new Array<number | null>(SLOTS_PER_STATION).fill(null);
  private geometry: LoopGeometry | null = null;
  /** the loop panel, inset: every label's plate stays inside it */
  private bounds: Rect | null = null;
  /** label boxes placed so far in this pass (placeAll) */
  private readonly placed: Rect[] = [];
  /** the stations' names and levels (LoopView.labelBoxes): labels keep off them too */
  private obstacles: readonly Rect[] = [];
  private fontSize = 12;
  private eventLabels: Record<string, string> = {};
  private playedLabel = 'Your card: {event}';
  private lastMonthMs: number | null = null;
  private readonly frame: PulseFrame = { ring: 0, ringAlpha: 0, markerAlpha: 0, done: true };
  private active = 0;

  constructor(private readonly shapes: SharedShapes) {
    for (let i = 0; i < LOOP_STATIONS.length * SLOTS_PER_STATION; i++) {
      const root = new Container();
      const ring = new Graphics();
      const plate = new Graphics();
      const marker = new Graphics(shapes.marker.neutral);
      const text = label(12, { weight: '600' });
      text.style.align = 'center';
      root.addChild(ring, plate, marker, text);
      root.visible = false;
      this.root.addChild(root);
      this.pool.push({ root, ring, marker, plate, text, spec: null, startMs: 0, played: false, shownMs: 0, slot: i % SLOTS_PER_STATION });
    }
  }

  /** `panel` is the loop panel's rectangle: labels are kept inside it. */
  layout(geometry: LoopGeometry, fontSize: number, panel: Rect, obstacles: readonly Rect[] = []): void {
    this.geometry = geometry;
    this.obstacles = obstacles;
    this.bounds = insetRect(panel, 4);
    this.fontSize = fontSize;
    for (const p of this.pool) {
      setFontSize(p.text, Math.round(fontSize * (geometry.radius < SMALL_RING_RADIUS ? 0.8 : 0.92)));
    }
    this.placeAll();
  }

  setLabels(labels: StageLabels, language: 'nl' | 'en' = 'en'): void {
    this.eventLabels = labels.events;
    this.playedLabel = labels.playedCard ?? (language === 'nl' ? 'Jouw kaart: {event}' : 'Your card: {event}');
    for (const p of this.pool) if (p.spec) this.setText(p);
    this.placeAll();
  }

  /**
   * Start pulses for this month's events, and retire markers that have stood their months (counted
   * only while the run plays: a paused run keeps every marker). `played` tells the player's cards.
   */
  setMonth(snapshot: MonthSnapshot, nowMs: number, motion: boolean, played?: (e: EventLogEntry) => boolean): void {
    const since = this.lastMonthMs === null ? 0 : Math.min(nowMs - this.lastMonthMs, 2000);
    this.lastMonthMs = nowMs;
    for (const p of this.pool) {
      if (!p.spec) continue;
      p.shownMs += since;
      if (pulseExpired(p.spec.entry.month, snapshot.month, p.shownMs, p.played)) this.retire(p);
    }
    for (const spec of pulsesFor(snapshot.events)) {
      const p = this.claim(LOOP_STATIONS.indexOf(spec.station), spec.entry.type);
      p.spec = spec;
      p.startMs = nowMs;
      p.shownMs = 0;
      p.played = played?.(spec.entry) ?? false;
      p.marker.context = this.shapes.marker[spec.tone];
      p.root.visible = true;
      this.setText(p);
      this.show(p, motion ? 0 : PULSE_RING_MS, motion);
    }
    // place every live pulse again: a new one beside an old one may move it
    this.placeAll();
  }

  /** The next month comes after a pause: time at rest does not count towards a marker's life. */
  resume(nowMs: number): void {
    this.lastMonthMs = nowMs;
  }

  /** Animate the rings; false once every ring has finished (the markers then stand still). */
  tick(nowMs: number, motion: boolean): boolean {
    if (this.active === 0 || !motion) return false;
    let moving = false;
    for (const p of this.pool) {
      if (!p.spec || !p.ring.visible) continue;
      this.show(p, nowMs - p.startMs, motion);
      moving = true;
    }
    return moving;
  }

  /** Reduced motion switched on: freeze live pulses as markers. Off: let them finish their animation. */
  setMotion(motion: boolean, nowMs: number): void {
    for (const p of this.pool) {
      if (!p.spec) continue;
      p.startMs = nowMs - PULSE_RING_MS;
      this.show(p, PULSE_RING_MS, motion);
    }
  }

  reset(): void {
    for (const p of this.pool) this.retire(p);
    this.lastMonthMs = null;
  }

  inks(out: StageInk[]): void {
    for (const p of this.pool) if (p.spec) out.push(textInk(`event label ${p.text.text}`, p.text, p.played ? PALETTE.played : PALETTE.text));
  }

  /** The live markers' label boxes (the page lists the same events in its log). */
  labels(): { text: string; played: boolean; box: Rect }[] {
    return this.pool.filter((p) => p.spec).map((p) => ({ text: p.text.text, played: p.played, box: { x: p.text.x, y: p.text.y, width: p.text.width, height: p.text.height } }));
  }

  private show(p: Pulse, ageMs: number, motion: boolean): void {
    const f = pulseFrame(ageMs, this.frame);
    p.ring.visible = motion && !f.done && f.ringAlpha > 0;
    if (p.ring.visible) {
      p.ring.scale.set(0.25 + 0.75 * f.ring);
      p.ring.alpha = f.ringAlpha;
    }
  }

  /** The slot a new event takes at a station: the same event's if it is still showing, else chooseSlot's. */
  private claim(station: number, type: string): Pulse {
    const base = station * SLOTS_PER_STATION;
    for (let k = 0; k < SLOTS_PER_STATION; k++) {
      const p = this.pool[base + k];
      if (p.spec && p.spec.entry.type === type) return p;
      this.slotStarts[k] = p.spec ? p.startMs : null;
    }
    // a small ring (a phone) has room inside for one label per station: the newest replaces it
    const small = this.geometry !== null && this.geometry.radius < SMALL_RING_RADIUS;
    const p = this.pool[base + (small ? 0 : chooseSlot(this.slotStarts))];
    if (!p.spec) this.active++;
    return p;
  }

  private retire(p: Pulse): void {
    if (p.spec) this.active--;
    p.spec = null;
    p.root.visible = false;
  }

  private slotTaken(station: number, slot: number): boolean {
    return this.pool[station * SLOTS_PER_STATION + slot].spec !== null;
  }

  private setText(p: Pulse): void {
    if (!p.spec) return;
    const name = eventLabel(p.spec.entry, this.eventLabels);
    p.text.text = p.played ? this.playedLabel.replace('{event}', name) : name;
  }

  /** Place every live pulse, each label clear of those placed before it where the panel allows. */
  private placeAll(): void {
    this.placed.length = 0;
    // the stations are obstacles too: a label over a station hid its level (issue 7, defect 8)
    const g = this.geometry;
    if (g) for (const s of g.stations) {
      const r = g.stationMaxRadius + 4;
      this.placed.push({ x: s.x - r, y: s.y - r, width: 2 * r, height: 2 * r });
    }
    // and the stations' names and levels
    this.placed.push(...this.obstacles);
    for (const p of this.pool) if (p.spec) this.place(p);
  }

  /** Marker just inside the station it hits, the label under it on a white plate; later slots stack below. */
  private place(p: Pulse): void {
    const g = this.geometry;
    if (!g || !p.spec) return;
    const i = LOOP_STATIONS.indexOf(p.spec.station);
    const s = g.stations[i];
    const tone = p.spec.tone === 'good' ? PALETTE.good : p.spec.tone === 'bad' ? PALETTE.bad : PALETTE.eventNeutral;
    const colour = p.played ? PALETTE.played : tone;
    const inward = g.radius - g.stationMaxRadius - this.fontSize * 1.6;
    let x = g.cx + inward * Math.cos(s.angle);
    let y = g.cy + inward * Math.sin(s.angle);
    let ax = pulseLabelAnchorX(s.angle);
    if (Math.abs(Math.cos(s.angle)) < 0.3) {
      // the top station: two pulses sit side by side, growing left and right (below is the badge)
      if (p.slot > 0 || this.slotTaken(i, 1)) {
        ax = p.slot === 0 ? 1 : 0;
        x += p.slot === 0 ? -4 : 4;
      }
    } else {
      // elsewhere a second pulse stacks below (above, at the two lower stations)
      y += (Math.sin(s.angle) > 0.5 ? -1 : 1) * p.slot * this.fontSize * 2.7;
    }
    const ringR = g.stationMaxRadius * 2.4;
    p.ring.clear().circle(0, 0, ringR).stroke({ width: 3, color: colour });
    p.ring.position.set(s.x, s.y);
    const markerR = this.fontSize * 0.85;
    p.marker.scale.set(markerR / GLYPH_UNIT);
    p.marker.position.set(x, y);
    this.fitText(p.text);
    const tw = p.text.width;
    const wanted = { x: x - 4 - ax * tw, y: y + markerR + 1, width: tw + 8, height: p.text.height + 2 };
    const badge = { x: g.cx, y: g.cy, r: g.badgeRadius + Math.max(7, g.badgeRadius * 0.09) + Math.max(4, g.badgeRadius * 0.07) };
    const box = this.bounds ? placePulseLabel(wanted, this.bounds, badge, this.placed) : wanted;
    this.placed.push(box);
    p.text.position.set(box.x + 4, box.y + 1);
    p.plate
      .clear()
      .roundRect(box.x, box.y, box.width, box.height, 4)
      .fill({ color: PALETTE.panel, alpha: 0.92 })
      .stroke({ width: p.played ? 2.5 : 1.5, color: colour });
    p.text.style.fill = p.played ? PALETTE.played : PALETTE.text;
  }

  /** One line at full size if it fits the panel, else shrunk a little, else two lines (see fitPulseLabel). */
  private fitText(t: Text): void {
    t.scale.set(1);
    if (t.style.wordWrap) t.style.wordWrap = false;
    if (!this.bounds) return;
    const maxWidth = this.bounds.width - 8;
    const fit = fitPulseLabel(t.width, maxWidth);
    let scale = fit.scale;
    if (fit.wrapWidth !== null) {
      t.style.wordWrapWidth = fit.wrapWidth;
      t.style.wordWrap = true;
      scale = shrinkToFit(t.width, maxWidth, fit.scale);
    }
    t.scale.set(scale);
  }
}
