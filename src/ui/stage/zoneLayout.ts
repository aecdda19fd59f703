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

/** Zones come in the order of STATUSES (benefit first, exited last): the path to work reads left to right. */
export function zoneColumns(panel: Rect): 2 | 3 | 6 {
  // Pick the grid whose cells are closest to a 1.5:1 landscape box, as dots spread best there.
  let best: 2 | 3 | 6 = 3;
  let bestCost = Infinity;
  for (const cols of [2, 3, 6] as const) {
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

export function zoneLayout(panel: Rect, fontSize: number): Zone[] {
  const gap = Math.max(4, Math.round(fontSize * 0.5));
  const cells = gridCells(panel, STATUSES.length, zoneColumns(panel), gap);
  const header = Math.round(fontSize * 1.9);
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
