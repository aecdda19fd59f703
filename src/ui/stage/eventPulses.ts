// Which events the stage shows as pulses, where on the loop they land and how they look.
// Pure: no Pixi, no DOM.
import type { EventLogEntry, LoopStation } from '../../model/types';
import { clamp, type Rect } from './rect';

export type PulseTone = 'good' | 'bad' | 'neutral';

/**
 * The loop station an event hits first (model-research §6.7.11): labour-market and employer events
 * change results; grants and the national budget change resources; stories and scandals change how
 * results are seen or supported; staff and partner losses change capacity; politics changes support.
 */
const STATION_OF_TYPE: Record<string, LoopStation> = {
  recession: 'performance',
  recessionShock: 'performance',
  boom: 'performance',
  employerClosure: 'performance',
  employerOpening: 'performance',
  windfallGrant: 'resources',
  nationalBudgetChange: 'resources',
  mediaScandal: 'legitimacy',
  positiveStory: 'perception',
  keyStaffDeparture: 'capacity',
  partnerCrisis: 'capacity',
  election: 'legitimacy',
  aldermanFall: 'legitimacy',
  aldermanLeaves: 'legitimacy',
  directorLeaves: 'capacity',
  headLeaves: 'capacity',
};

const STATION_OF_KIND: Partial<Record<EventLogEntry['kind'], LoopStation>> = {
  luck: 'performance',
  shock: 'performance',
  politics: 'legitimacy',
  budget: 'resources',
};

/** Kinds the stage pulses: luck, bad luck, scenario shocks and politics. Initiatives and settings are for the panels. */
const PULSED_KINDS: ReadonlySet<EventLogEntry['kind']> = new Set(['luck', 'shock', 'politics']);

export function isPulsed(entry: EventLogEntry): boolean {
  return PULSED_KINDS.has(entry.kind);
}

export function eventStation(entry: EventLogEntry): LoopStation {
  return STATION_OF_TYPE[entry.type] ?? STATION_OF_KIND[entry.kind] ?? 'performance';
}

export function eventTone(entry: EventLogEntry): PulseTone {
  return entry.sign > 0 ? 'good' : entry.sign < 0 ? 'bad' : 'neutral';
}

/** The label of an event: the translated type, else the model's English text, else the type itself. */
export function eventLabel(entry: EventLogEntry, labels: Record<string, string>): string {
  return labels[entry.type] ?? (entry.text || entry.type);
}

export interface PulseSpec {
  entry: EventLogEntry;
  station: LoopStation;
  tone: PulseTone;
}

/** Pulses a station shows at once (labels stack); more events than this in a month are left to the panels. */
export const SLOTS_PER_STATION = 2;

/**
 * The pulses of one month's events: at most SLOTS_PER_STATION per station, bad luck first (negativity
 * bias makes it weigh more), then good, then neutral, each in log order.
 */
export function pulsesFor(events: readonly EventLogEntry[]): PulseSpec[] {
  const pulsed = events.filter(isPulsed);
  const rank = (e: EventLogEntry): number => (e.sign < 0 ? 0 : e.sign > 0 ? 1 : 2);
  pulsed.sort((a, b) => rank(a) - rank(b));
  const perStation = new Map<LoopStation, number>();
  const out: PulseSpec[] = [];
  for (const entry of pulsed) {
    const station = eventStation(entry);
    const n = perStation.get(station) ?? 0;
    if (n >= SLOTS_PER_STATION) continue;
    perStation.set(station, n + 1);
    out.push({ entry, station, tone: eventTone(entry) });
  }
  return out;
}

/**
 * Which of a station's slots a new pulse takes: the first free one (null), else the one that started
 * longest ago. `startedMs` holds each slot's start time, or null when free.
 */
export function chooseSlot(startedMs: readonly (number | null)[]): number {
  let oldest = 0;
  for (let i = 0; i < startedMs.length; i++) {
    const t = startedMs[i];
    if (t === null) return i;
    const o = startedMs[oldest];
    if (o !== null && t < o) oldest = i;
  }
  return oldest;
}

/** Horizontal anchor of an event label near a station at `angle`: it grows away from the ring's vertical axis. */
export function pulseLabelAnchorX(angle: number): number {
  return 0.5 - 0.45 * Math.cos(angle);
}

/** The smallest a pulse label shrinks to fit its panel before it wraps to a second line instead. */
export const PULSE_MIN_SCALE = 0.85;

/** How a label measured `width` px wide (one line, full size) fits a panel `maxWidth` px wide. */
export interface PulseLabelFit {
  /** scale to draw the text at */
  scale: number;
  /** wrap the text at this width (unscaled px), or null for one line */
  wrapWidth: number | null;
}

/**
 * Fit a pulse label to its panel: as is when it fits, else shrunk (down to `minScale`), else wrapped at
 * the width that, drawn at `minScale`, fills the panel. A wrapped text is measured again by the caller
 * and, if one word is still too wide, shrunk with `shrinkToFit`.
 */
export function fitPulseLabel(width: number, maxWidth: number, minScale = PULSE_MIN_SCALE): PulseLabelFit {
  if (!(maxWidth > 0) || width <= maxWidth) return { scale: 1, wrapWidth: null };
  const s = maxWidth / width;
  if (s >= minScale) return { scale: s, wrapWidth: null };
  return { scale: minScale, wrapWidth: maxWidth / minScale };
}

/** The scale at which a text `width` px wide fits `maxWidth` (never above `scale`). */
export function shrinkToFit(width: number, maxWidth: number, scale = 1): number {
  return width * scale > maxWidth && width > 0 && maxWidth > 0 ? maxWidth / width : scale;
}

export interface Circle {
  x: number;
  y: number;
  r: number;
}

/** Whether a rectangle and a disc overlap (touching does not count). */
export function rectHitsCircle(r: Rect, c: Circle): boolean {
  const dx = c.x - clamp(c.x, r.x, r.x + r.width);
  const dy = c.y - clamp(c.y, r.y, r.y + r.height);
  return dx * dx + dy * dy < c.r * c.r;
}

/** Move a box inside `bounds` (a box larger than the bounds keeps its left or top edge on theirs). */
export function clampBox(box: Rect, bounds: Rect): Rect {
  const x = Math.max(bounds.x, Math.min(box.x, bounds.x + bounds.width - box.width));
  const y = Math.max(bounds.y, Math.min(box.y, bounds.y + bounds.height - box.height));
  return { x, y, width: box.width, height: box.height };
}

/** Whether two rectangles overlap (touching does not count). */
export function rectsOverlap(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/**
 * Where a pulse label's box goes: as near as possible to where it wants to be (`box`), wholly inside
 * `bounds` (the loop panel), off the centre badge (`avoid`) and off the labels placed before it
 * (`others`) when some position allows it. Candidates are the clamped box and the box slid left,
 * right, up or down just past the badge or past one of the other labels; the valid one that moves
 * least wins. When none clears everything, clearing the badge comes first; failing that, the box
 * stays clamped inside the bounds.
 */
export function placePulseLabel(box: Rect, bounds: Rect, avoid: Circle | null, others: readonly Rect[] = [], gap = 3): Rect {
  const c = clampBox(box, bounds);
  const clearOfOthers = (k: Rect): boolean => others.every((o) => !rectsOverlap(k, o));
  if ((!avoid || !rectHitsCircle(c, avoid)) && clearOfOthers(c)) return c;
  const candidates: Rect[] = [c];
  if (avoid) {
    const r = avoid.r + gap;
    // sideways: past the disc's chord at the box's nearest row; vertically: past its chord at the nearest column
    const dy = avoid.y - clamp(avoid.y, c.y, c.y + c.height);
    const halfW = Math.sqrt(Math.max(0, r * r - dy * dy));
    candidates.push({ ...c, x: avoid.x - halfW - c.width }, { ...c, x: avoid.x + halfW });
    const dx = avoid.x - clamp(avoid.x, c.x, c.x + c.width);
    const halfH = Math.sqrt(Math.max(0, r * r - dx * dx));
    candidates.push({ ...c, y: avoid.y - halfH - c.height }, { ...c, y: avoid.y + halfH });
  }
  for (const o of others) {
    candidates.push(
      { ...c, x: o.x - gap - c.width },
      { ...c, x: o.x + o.width + gap },
      { ...c, y: o.y - gap - c.height },
      { ...c, y: o.y + o.height + gap },
    );
  }
  const pick = (ok: (k: Rect) => boolean): Rect | null => {
    let best: Rect | null = null;
    let bestD = Infinity;
    for (const k of candidates) {
      const inside = clampBox(k, bounds);
      if (inside.x !== k.x || inside.y !== k.y || !ok(k)) continue;
      const d = (k.x - box.x) ** 2 + (k.y - box.y) ** 2;
      if (d < bestD) {
        bestD = d;
        best = k;
      }
    }
    return best;
  };
  const offBadge = (k: Rect): boolean => !avoid || !rectHitsCircle(k, avoid);
  return pick((k) => offBadge(k) && clearOfOthers(k)) ?? pick(offBadge) ?? c;
}

/** Envelope of a pulse's ring for `ageMs` since it started: its radius and opacity; the marker stays. */
export interface PulseFrame {
  /** expanding ring: 0..1 of its final radius */
  ring: number;
  ringAlpha: number;
  /** the marker (star or burst) and its label: shown until the pulse expires (pulseExpired) */
  markerAlpha: number;
  /** the ring has finished: nothing of the pulse moves any more */
  done: boolean;
}

export const PULSE_RING_MS = 1200;

export function pulseFrame(ageMs: number, out: PulseFrame): PulseFrame {
  const t = Math.max(0, ageMs);
  const ringT = Math.min(1, t / PULSE_RING_MS);
  out.ring = 1 - (1 - ringT) * (1 - ringT);
  out.ringAlpha = t < PULSE_RING_MS ? 0.9 * (1 - ringT) : 0;
  out.markerAlpha = 1;
  out.done = t >= PULSE_RING_MS;
  return out;
}

/** A drawn event's marker stays this many months (a label that vanished seconds after a pause was lost). */
export const STATIC_MARKER_MONTHS = 3;
/** The player's own card stays this long: a lasting mark of what they did. */
export const PLAYED_MARKER_MONTHS = 12;
/** and, at any speed, at least this long on screen while the run plays (at full speed months fly by) */
export const MIN_SHOW_MS = 1500;

/**
 * Whether a marker goes, checked when a month arrives (never while paused: time at rest does not
 * count): it has stood its months and been seen long enough.
 */
export function pulseExpired(entryMonth: number, month: number, shownMs: number, played: boolean): boolean {
  const months = played ? PLAYED_MARKER_MONTHS : STATIC_MARKER_MONTHS;
  return month - entryMonth >= months && shownMs >= MIN_SHOW_MS;
}
