// Which events the stage shows as pulses, where on the loop they land and how they look.
// Pure: no Pixi, no DOM.
import type { EventLogEntry, LoopStation } from '../../model/types';

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

/** Envelope of a pulse over its life, for `ageMs` since it started: ring radius and opacities. */
export interface PulseFrame {
  /** expanding ring: 0..1 of its final radius */
  ring: number;
  ringAlpha: number;
  /** the marker (star or burst) and its label */
  markerAlpha: number;
  done: boolean;
}

export const PULSE_RING_MS = 1200;
export const PULSE_LIFE_MS = 3200;
const FADE_MS = 500;

export function pulseFrame(ageMs: number, out: PulseFrame): PulseFrame {
  const t = Math.max(0, ageMs);
  const ringT = Math.min(1, t / PULSE_RING_MS);
  out.ring = 1 - (1 - ringT) * (1 - ringT);
  out.ringAlpha = t < PULSE_RING_MS ? 0.9 * (1 - ringT) : 0;
  out.markerAlpha = t < PULSE_LIFE_MS - FADE_MS ? 1 : Math.max(0, (PULSE_LIFE_MS - t) / FADE_MS);
  out.done = t >= PULSE_LIFE_MS;
  return out;
}

/** In reduced motion a pulse is a static marker that stays for this many months. */
export const STATIC_MARKER_MONTHS = 3;
