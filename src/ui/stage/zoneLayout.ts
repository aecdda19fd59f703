// Status zones of the jobseekers and where each sampled client's dot sits inside its zone.
// Pure: no Pixi, no DOM.
import { STATUSES } from '../../model/types';
import { clamp, gridCells, type Rect } from './rect';
import type { Point } from './loopGeometry';

export interface Zone {
  /** the whole zone */
  box: Rect;
  /** the area dots may occupy (below the zone's header) */
  dots: Rect;
}

/**
 * Zones come in the order of STATUSES (benefit first, exited last): the path to work reads left to right.
 * A grid whose cells are narrower than `minCellWidth` (the longest word of a zone's name at the least
 * text size) is not taken while a wider one exists: a name never runs out of its box.
 */
export function zoneColumns(panel: Rect, minCellWidth = 0): 2 | 3 | 6 {
  // Pick the grid whose cells are closest to a 1.5:1 landscape box, as dots spread best there.
  let best: 2 | 3 | 6 = 2;
  let bestCost = Infinity;
  for (const cols of [2, 3, 6] as const) {
    if (cols > 2 && panel.width / cols < minCellWidth) continue;
    const rows = STATUSES.length / cols;
    const aspect = panel.width / cols / (panel.height / rows);
    const cost = Math.abs(Math.log(aspect / 1.5));
    if (cost < bestCost) {
      bestCost = cost;
      best = cols;
    }
  }
  return best;
}

export interface ClientsLayout {
  /** one per status, in STATUSES order */
  zones: Zone[];
  /** the line under the zones for the legend ("1 dot ≈ 6 people") */
  legend: Rect;
}

/** Height of a zone's header: one line (icon, name, count) or two (the count under the name). */
export function zoneHeaderHeight(fontSize: number, lines: 1 | 2 = 1): number {
  return Math.round(fontSize * (lines === 2 ? 3.1 : 1.9));
}

/** The zones, and under them a line for the legend. */
export function clientsLayout(panel: Rect, fontSize: number, headerLines: 1 | 2 = 1, minCellWidth = 0): ClientsLayout {
  const legendHeight = Math.round(fontSize * 1.5);
  const grid = { x: panel.x, y: panel.y, width: panel.width, height: Math.max(1, panel.height - legendHeight) };
  const legend = { x: panel.x, y: panel.y + panel.height - legendHeight, width: panel.width, height: legendHeight };
  return { zones: zoneLayout(grid, fontSize, headerLines, minCellWidth), legend };
}

export function zoneLayout(panel: Rect, fontSize: number, headerLines: 1 | 2 = 1, minCellWidth = 0): Zone[] {
  const gap = Math.max(4, Math.round(fontSize * 0.5));
  const cells = gridCells(panel, STATUSES.length, zoneColumns(panel, minCellWidth), gap);
  const header = zoneHeaderHeight(fontSize, headerLines);
  const inset = Math.max(4, Math.round(fontSize * 0.5));
  return cells.map((box) => ({
    box,
    dots: {
      x: box.x + inset,
      y: box.y + header,
      width: Math.max(1, box.width - 2 * inset),
      height: Math.max(1, box.height - header - inset),
    },
  }));
}

// R2 quasi-random sequence (Roberts 2018): successive indices fill a square evenly, so any subset
// of clients in a zone spreads out without per-zone bookkeeping.
const PLASTIC = 1.324717957244746;
const A1 = 1 / PLASTIC;
const A2 = 1 / (PLASTIC * PLASTIC);

/** Position of client `index`'s dot inside `area`, written into `out`; the same index always lands on the same spot. */
export function dotPosition(index: number, area: Rect, margin: number, out: Point): Point {
  const u = (0.5 + A1 * index) % 1;
  const v = (0.5 + A2 * index) % 1;
  const w = Math.max(0, area.width - 2 * margin);
  const h = Math.max(0, area.height - 2 * margin);
  out.x = area.x + margin + u * w;
  out.y = area.y + margin + v * h;
  return out;
}

/** The smallest dot radius (CSS px) at which the six shapes still tell apart. */
export const LEGIBLE_DOT_RADIUS = 2.5;

/**
 * Which of the sample's dots to draw: every `stride`-th, so that all of them, were they in one zone,
 * would still be drawn at LEGIBLE_DOT_RADIUS (dotRadius). The sample is in random order, so every
 * stride-th dot is a random sample too; the legend counts the drawn dots.
 */
export function dotStride(area: Rect, sampleSize: number): number {
  const fit = Math.floor((area.width * area.height) / (0.6 * 4 * LEGIBLE_DOT_RADIUS * LEGIBLE_DOT_RADIUS));
  return sampleSize <= fit || fit < 1 ? 1 : Math.ceil(sampleSize / Math.max(1, fit));
}

/** Dot radius so that about `sampleSize` dots in one zone of the layout would nearly tile it. */
export function dotRadius(area: Rect, sampleSize: number): number {
  const n = Math.max(1, sampleSize * 0.6);
  return clamp(0.5 * Math.sqrt((area.width * area.height) / n), 1.75, 4.5);
}

/** Head counts per status from a month's caseload (summed over the four distance tiers). */
export function statusCounts(caseload: Record<(typeof STATUSES)[number], readonly number[]>, out: number[]): number[] {
  for (let s = 0; s < STATUSES.length; s++) {
    const tiers = caseload[STATUSES[s]];
    let sum = 0;
    if (tiers) for (let t = 0; t < tiers.length; t++) sum += tiers[t];
    out[s] = sum;
  }
  return out;
}

/**
 * Spots in the zones: a dot entering a zone takes the lowest free spot there and keeps it while it
 * stays, so each zone fills the start of the R2 sequence (evenly spread, whatever its head count) and
 * a dot never moves unless its person changes status. Spots are numbered from 0 in each zone.
 */
export class ZoneSpots {
  private readonly taken: Uint8Array[];
  /** no spot below this one is free, per zone */
  private readonly low: Int32Array;

  constructor(readonly zones: number, readonly capacity: number) {
    this.taken = Array.from({ length: zones }, () => new Uint8Array(capacity));
    this.low = new Int32Array(zones);
  }

  take(zone: number): number {
    const t = this.taken[zone];
    let k = this.low[zone];
    while (k < this.capacity && t[k]) k++;
    if (k >= this.capacity) return 0;
    t[k] = 1;
    this.low[zone] = k + 1;
    return k;
  }

  free(zone: number, spot: number): void {
    if (spot < 0 || spot >= this.capacity || !this.taken[zone][spot]) return;
    this.taken[zone][spot] = 0;
    if (spot < this.low[zone]) this.low[zone] = spot;
  }

  clear(): void {
    for (const t of this.taken) t.fill(0);
    this.low.fill(0);
  }
}

/** A dot code the stage reads as "this dot shows nobody" (anything beyond the statuses but exited). */
export const EXITED_CODE = STATUSES.length - 1;
/** A dot's resting state: a status code it shows in its zone, or HIDDEN. */
export const HIDDEN = 255;

/**
 * What a dot does between two months, from the code it showed (a status code below EXITED_CODE, or
 * HIDDEN) to the sample's next code. The sample (src/engine/sandbox-api.ts, ClientSample) gives a dot to
 * another person only after a frame of `exited` (its person left bijstand) or of nobody, so a move between
 * two statuses is one person's, and a dot coming from hidden is a new person.
 * - 'stay': nothing changes
 * - 'move': the same person changes status: the dot glides to its new zone
 * - 'appear': a new person: the dot shows up in its zone (no glide from elsewhere)
 * - 'leave': the person left bijstand: the dot goes away (in motion, through the Left bijstand zone)
 * - 'hide': the dot follows nobody
 */
export type DotChange = 'stay' | 'move' | 'appear' | 'leave' | 'hide';

export function dotChange(shown: number, next: number): DotChange {
  const wasShown = shown < EXITED_CODE;
  if (next < EXITED_CODE) return !wasShown ? 'appear' : next === shown ? 'stay' : 'move';
  if (!wasShown) return 'stay';
  return next === EXITED_CODE ? 'leave' : 'hide';
}

/**
 * Timing of a month's moves: each dot glides for `glideMs`, starting up to `spreadMs` after the update
 * (in index order, so the moves read as a stream), so that all of them end within `durationMs`, the
 * time until the next month is expected (tween.ts, transitionMs). Dots never lag behind the months.
 */
export function glideTiming(durationMs: number): { glideMs: number; spreadMs: number } {
  if (!(durationMs > 0)) return { glideMs: 0, spreadMs: 0 };
  const glideMs = Math.min(durationMs, Math.max(80, durationMs * 0.7));
  return { glideMs, spreadMs: Math.max(0, durationMs - glideMs) };
}
