// Radar triangles of Moore's three corners, for each manager and for the municipality (the meta
// triangle). Pure: no Pixi, no DOM.
import type { Corner, CornerTriple } from '../../model/types';
import { clamp, type Rect } from './rect';

/** Axis directions: value up, capacity lower right, legitimacy lower left (radians, screen y down). */
export const AXIS_ANGLE: Record<Corner, number> = {
  value: -Math.PI / 2,
  capacity: Math.PI / 6,
  legitimacy: (5 * Math.PI) / 6,
};

export interface Radar {
  cx: number;
  cy: number;
  /** length of each axis (a corner at 1 reaches it) */
  r: number;
}

function safe(v: number): number {
  return clamp(Number.isFinite(v) ? v : 0, 0, 1);
}

/** The triangle's vertices [vx, vy, cx, cy, lx, ly] (value, capacity, legitimacy), written into `out`. */
export function radarVertices(radar: Radar, corners: CornerTriple, out: number[]): number[] {
  return radarVerticesOf(radar, corners.value, corners.capacity, corners.legitimacy, out);
}

/** Same as radarVertices from three loose numbers (value, capacity, legitimacy); no allocation. */
export function radarVerticesOf(radar: Radar, value: number, capacity: number, legitimacy: number, out: number[]): number[] {
  writeAxis(radar, AXIS_ANGLE.value, safe(value), out, 0);
  writeAxis(radar, AXIS_ANGLE.capacity, safe(capacity), out, 2);
  writeAxis(radar, AXIS_ANGLE.legitimacy, safe(legitimacy), out, 4);
  return out;
}

/** The point at fraction v along the axis at `angle`, written at out[i], out[i + 1]. */
export function writeAxis(radar: Radar, angle: number, v: number, out: number[], i: number): void {
  out[i] = radar.cx + v * radar.r * Math.cos(angle);
  out[i + 1] = radar.cy + v * radar.r * Math.sin(angle);
}

/** The mean corner: the balanced triangle of the same total drawn behind the actual one. */
export function meanCorner(value: number, capacity: number, legitimacy: number): number {
  return (safe(value) + safe(capacity) + safe(legitimacy)) / 3;
}

/** Area of the radar triangle relative to the full one (all corners at 1). */
export function relativeArea(value: number, capacity: number, legitimacy: number): number {
  const v = safe(value);
  const c = safe(capacity);
  const l = safe(legitimacy);
  // Three sub-triangles with 120 degrees between axes: area ∝ vc + cl + lv.
  return (v * c + c * l + l * v) / 3;
}

/** Half-width and heights of a radar's full triangle relative to r (equilateral, centred on the axis origin). */
const HALF_WIDTH = Math.sqrt(3) / 2;

/**
 * Fit a radar into a cell, leaving `top` px above the value axis and `bottom` px below the lower
 * corners (for labels) and `side` px left and right.
 */
export function fitRadar(cell: Rect, top: number, bottom: number, side: number): Radar {
  const r = Math.max(4, Math.min((cell.width - 2 * side) / (2 * HALF_WIDTH), (cell.height - top - bottom) / 1.5));
  const used = top + 1.5 * r + bottom;
  const cy = cell.y + (cell.height - used) / 2 + top + r;
  return { cx: cell.x + cell.width / 2, cy, r };
}

/**
 * Room a radar's labels need around its triangle, in px. The meta triangle has a title line, then its
 * value corner's name and level above the top vertex, and name and level under each lower vertex.
 * A manager's has its name above and the corners' initials at the vertices.
 */
export function radarPads(fontSize: number, large: boolean): { top: number; bottom: number; side: number; line: number } {
  const line = Math.round(fontSize * 1.3);
  if (large) return { top: 3 * line + 6, bottom: 2 * line + 6, side: fontSize * 3.4, line };
  return { top: line + Math.round(fontSize * 0.9) + 4, bottom: Math.round(fontSize * 0.6), side: fontSize * 1.2, line };
}

export interface TriangleArrangement {
  meta: Radar;
  managers: Radar[];
  /** where the meta triangle's cell is, for its label */
  metaCell: Rect;
  managerCells: Rect[];
}

/**
 * Place the large meta triangle and four smaller manager triangles in a panel. Tries the meta
 * triangle beside a 2x2 grid of managers and above a row of four, and keeps the one that draws
 * both larger.
 */
export function arrangeTriangles(panel: Rect, fontSize: number): TriangleArrangement {
  const big = radarPads(fontSize, true);
  const small = radarPads(fontSize, false);
  const metaTop = big.top;
  const metaBottom = big.bottom;
  const metaSide = big.side;
  const mgrTop = small.top;
  const mgrBottom = small.bottom;
  const mgrSide = small.side;

  const candidates: TriangleArrangement[] = [];
  // A: meta on the left (55 %), managers 2x2 on the right.
  {
    const mw = panel.width * 0.55;
    const metaCell = { x: panel.x, y: panel.y, width: mw, height: panel.height };
    const right = { x: panel.x + mw, y: panel.y, width: panel.width - mw, height: panel.height };
    const managerCells = grid(right, 2, 2);
    candidates.push({
      meta: fitRadar(metaCell, metaTop, metaBottom, metaSide),
      managers: managerCells.map((c) => fitRadar(c, mgrTop, mgrBottom, mgrSide)),
      metaCell,
      managerCells,
    });
  }
  // B: meta on top (62 %), managers in a row of four below.
  {
    const mh = panel.height * 0.62;
    const metaCell = { x: panel.x, y: panel.y, width: panel.width, height: mh };
    const below = { x: panel.x, y: panel.y + mh, width: panel.width, height: panel.height - mh };
    const managerCells = grid(below, 4, 1);
    candidates.push({
      meta: fitRadar(metaCell, metaTop, metaBottom, metaSide),
      managers: managerCells.map((c) => fitRadar(c, mgrTop, mgrBottom, mgrSide)),
      metaCell,
      managerCells,
    });
  }
  let best = candidates[0];
  for (const c of candidates) if (score(c) > score(best)) best = c;
  return best;
}

function score(a: TriangleArrangement): number {
  // The meta triangle should be the larger; a manager triangle under a third of it is too small to read.
  const m = a.managers[0].r;
  return a.meta.r + 2 * Math.min(m, a.meta.r * 0.75);
}

function grid(rect: Rect, columns: number, rows: number): Rect[] {
  const out: Rect[] = [];
  const cw = rect.width / columns;
  const ch = rect.height / rows;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) out.push({ x: rect.x + c * cw, y: rect.y + r * ch, width: cw, height: ch });
  }
  return out;
}
