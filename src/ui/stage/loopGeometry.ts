// Geometry of the success loop: five stations on a ring, arrows between consecutive stations,
// particles along the arrows, the centre badge and the balancing pistons. Pure: no Pixi, no DOM.
import type { LoopSnapshot } from '../../model/types';
import { clamp, type Rect } from './rect';

export const STATION_COUNT = 5;

export interface Point {
  x: number;
  y: number;
}

/** A point on an arrow and the direction of travel there (radians, screen coordinates). */
export interface ArcPoint extends Point {
  angle: number;
}

export interface ArcSpan {
  /** start and end angle on the ring, clockwise, in radians */
  start: number;
  end: number;
  mid: number;
  /** length of the arc in px */
  length: number;
}

export interface LoopGeometry {
  cx: number;
  cy: number;
  /** radius of the ring the stations sit on */
  radius: number;
  stationMaxRadius: number;
  stationMinRadius: number;
  badgeRadius: number;
  /** radius of the +/− glyph discs at the arrows' midpoints */
  glyphRadius: number;
  stations: ArcPoint[];
  arcs: ArcSpan[];
}

/** Station i sits at 12 o'clock for performance, then clockwise in loop order. */
/** The largest station's radius, relative to the ring's. */
export const STATION_SIZE = 0.17;
/** Share of the full disc a station at level 0 still shows, so an empty station stays visible. */
export const STATION_FLOOR = 0.1;

export function stationAngle(i: number): number {
  return -Math.PI / 2 + (i * 2 * Math.PI) / STATION_COUNT;
}

/** The ring's radius allowed by a box's width, leaving room beside the side stations for their names. */
function radiusByWidth(width: number, fontSize: number): number {
  // A name such as "Legitimiteit" or "Perception" in bold is about 6.2 em wide.
  const labelWidth = Math.min(fontSize * 6.2, width * 0.25);
  return (width / 2 - labelWidth) / (SIDE_COS + STATION_SIZE);
}

// Above the top station and below the two lower ones go two lines (name, level).
const labelHeight = (fontSize: number): number => fontSize * 2.6;
/** the side stations sit 18 degrees above the horizontal, the lower ones 54 degrees below */
const SIDE_COS = Math.cos((-Math.PI / 2) + (2 * Math.PI) / 5);
const LOW_SIN = Math.sin((-Math.PI / 2) + (4 * Math.PI) / 5);
/** vertical extent of the drawing above and below the ring's centre, per unit radius (plus labels) */
const REACH_UP = 1 + STATION_SIZE;
const REACH_DOWN = LOW_SIN + STATION_SIZE;

/** The height the loop drawing needs in a box of this width (labels included). */
export function ringHeightFor(width: number, fontSize: number): number {
  const r = Math.max(10, radiusByWidth(width, fontSize));
  return Math.ceil(r * (REACH_UP + REACH_DOWN) + 2 * labelHeight(fontSize));
}

/** Fit the loop into a box: as large as its width and height allow, centred. */
export function loopGeometry(ring: Rect, fontSize: number): LoopGeometry {
  const lh = labelHeight(fontSize);
  const byHeight = (ring.height - 2 * lh) / (REACH_UP + REACH_DOWN);
  const radius = Math.max(10, Math.min(radiusByWidth(ring.width, fontSize), byHeight));
  const cx = ring.x + ring.width / 2;
  // centre the drawing's vertical extent (top label to lower labels) in the box
  const top = radius * REACH_UP + lh;
  const bottom = radius * REACH_DOWN + lh;
  const cy = ring.y + ring.height / 2 + (top - bottom) / 2;
  const stationMaxRadius = radius * STATION_SIZE;
  const stationMinRadius = stationMaxRadius * Math.sqrt(STATION_FLOOR);
  const gap = (stationMaxRadius + 5) / radius;
  const stations: ArcPoint[] = [];
  const arcs: ArcSpan[] = [];
  for (let i = 0; i < STATION_COUNT; i++) {
    const a = stationAngle(i);
    stations.push({ x: cx + radius * Math.cos(a), y: cy + radius * Math.sin(a), angle: a });
    const start = a + gap;
    const end = stationAngle(i + 1) - gap;
    arcs.push({ start, end, mid: (start + end) / 2, length: (end - start) * radius });
  }
  return {
    cx,
    cy,
    radius,
    stationMaxRadius,
    stationMinRadius,
    badgeRadius: radius * 0.42,
    glyphRadius: clamp(radius * 0.075, 7, 11),
    stations,
    arcs,
  };
}

/** A station's radius from its level in [0,1]: the disc's area grows linearly with the level. */
export function stationRadius(level: number, g: Pick<LoopGeometry, 'stationMaxRadius'>): number {
  const l = clamp(Number.isFinite(level) ? level : 0, 0, 1);
  return g.stationMaxRadius * Math.sqrt(STATION_FLOOR + (1 - STATION_FLOOR) * l);
}

/** Write the point at fraction t of arrow `arc` (and its clockwise tangent) into `out`; no allocation. */
export function pointOnArc(g: LoopGeometry, arc: number, t: number, out: ArcPoint): ArcPoint {
  const span = g.arcs[arc];
  const a = span.start + (span.end - span.start) * t;
  out.x = g.cx + g.radius * Math.cos(a);
  out.y = g.cy + g.radius * Math.sin(a);
  out.angle = a + Math.PI / 2;
  return out;
}

/** Start and end angles of the dashes of a dashed arrow, as [a0, a1, a0, a1, ...]. */
export function dashAngles(span: ArcSpan, radius: number, dashPx: number, gapPx: number): number[] {
  const out: number[] = [];
  if (radius <= 0 || dashPx <= 0) return out;
  const da = dashPx / radius;
  const step = (dashPx + gapPx) / radius;
  for (let a = span.start; a < span.end; a += step) {
    out.push(a, Math.min(a + da, span.end));
  }
  return out;
}

/**
 * The three corners of an arrowhead with its tip at (x, y) pointing along `angle`:
 * [tipX, tipY, leftX, leftY, rightX, rightY], written into `out`.
 */
export function arrowHeadPoints(x: number, y: number, angle: number, length: number, halfWidth: number, out: number[]): number[] {
  const ux = Math.cos(angle);
  const uy = Math.sin(angle);
  const bx = x - ux * length;
  const by = y - uy * length;
  out[0] = x;
  out[1] = y;
  out[2] = bx - uy * halfWidth;
  out[3] = by + ux * halfWidth;
  out[4] = bx + uy * halfWidth;
  out[5] = by - ux * halfWidth;
  return out;
}

/**
 * Anchor of a label placed radially outside a point at `angle`, so the label grows away from the
 * ring: (0, 0.5) on the right, (0.5, 1) at the top, (1, 0.5) on the left, (0.5, 0) at the bottom.
 */
export function radialAnchor(angle: number): Point {
  return { x: 0.5 - 0.5 * Math.cos(angle), y: 0.5 - 0.5 * Math.sin(angle) };
}

/** Which arrow each balancing loop pushes against (research §2.3: B1, B2, B3, B5). */
export type BalancingKey = keyof LoopSnapshot['balancing'];
export const BALANCING_KEYS: readonly BalancingKey[] = ['aspirations', 'harderClients', 'budgetCeiling', 'scandalHazard'];
export const BALANCING: Record<BalancingKey, { arc: number; tag: string }> = {
  /** B1: rising aspirations make the same performance look worse (performance -> perception) */
  aspirations: { arc: 0, tag: 'B1' },
  /** B2: creaming leaves harder clients, so capacity buys less performance (capacity -> performance) */
  harderClients: { arc: 4, tag: 'B2' },
  /** B3: the budget ceiling caps what support can buy (legitimacy -> resources) */
  budgetCeiling: { arc: 2, tag: 'B3' },
  /** B5: scandal hazard erodes the support that perception earns (perception -> legitimacy) */
  scandalHazard: { arc: 1, tag: 'B5' },
};

/** Angular speed of the badge's chevron ring, radians per second: the spiral's direction and pace. */
export function badgeSpin(regime: LoopSnapshot['regime'], gain: number): number {
  if (regime === 'damped') return 0;
  const pace = 0.25 + 0.75 * Math.min(1, Math.max(0, (Number.isFinite(gain) ? gain : 1) - 1));
  return regime === 'virtuous' ? pace : -pace;
}
