// Pure geometry, layout, colour and timing code of the Pixi stage (no Pixi imported here).
import { describe, expect, it } from 'vitest';
import { LOOP_STATIONS, LUCK_EVENTS, MANAGER_IDS, POLITICAL_EVENTS, STATUSES, type EventLogEntry } from '../src/model/types';
import { MANAGER_COLOURS, PALETTE, PALETTE_ROLE, STATUS_STYLE, contrastRatio, darken, withContrast } from '../src/ui/stage/palette';
import {
  COLUMNS_MIN_WIDTH,
  computeStageLayout,
  gaugeColumns,
  gaugeStripHeight,
  minimumHeight,
  naturalHeight,
  splitLoopPanel,
  type Rect,
} from '../src/ui/stage/layout';
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
  ringHeightFor,
  stationRadius,
} from '../src/ui/stage/loopGeometry';
import { arrangeTriangles, fitRadar, meanCorner, radarPads, radarVertices, relativeArea } from '../src/ui/stage/triangleGeometry';
import {
  EXITED_CODE,
  HIDDEN,
  LEGIBLE_DOT_RADIUS,
  ZoneSpots,
  clientsLayout,
  dotChange,
  dotPosition,
  dotRadius,
  dotStride,
  glideTiming,
  statusCounts,
  zoneColumns,
  zoneHeaderHeight,
  zoneLayout,
} from '../src/ui/stage/zoneLayout';
import { ClientSample, SAMPLE_NOBODY, clientRank, type ClientSlots } from '../src/engine/sandbox-api';
import { Simulation } from '../src/engine/simulation';
import { BUILTIN_SCENARIOS } from '../src/scenario/index';
import { FlowScale, VectorTween, easeInOutCubic, flowStrength, flowTone, quantise, transitionMs } from '../src/ui/stage/tween';
import {
  MIN_SHOW_MS,
  PLAYED_MARKER_MONTHS,
  STATIC_MARKER_MONTHS,
  pulseExpired,
  SLOTS_PER_STATION,
  chooseSlot,
  eventLabel,
  eventStation,
  eventTone,
  PULSE_MIN_SCALE,
  clampBox,
  fitPulseLabel,
  placePulseLabel,
  pulseFrame,
  pulseLabelAnchorX,
  pulsesFor,
  rectHitsCircle,
  rectsOverlap,
  shrinkToFit,
  type PulseFrame,
} from '../src/ui/stage/eventPulses';
import { CLIENT_WORDS, dotScaleText, formatCount, formatGain, formatPercent, peoplePerDot } from '../src/ui/stage/format';

const WIDTHS = [320, 360, 414, 600, 719, 720, 768, 1024, 1280, 1440, 1920, 2560];

function inside(inner: Rect, outer: Rect, tol = 0.5): boolean {
  return (
    inner.x >= outer.x - tol &&
    inner.y >= outer.y - tol &&
    inner.x + inner.width <= outer.x + outer.width + tol &&
    inner.y + inner.height <= outer.y + outer.height + tol
  );
}

function overlap(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;
}

function entry(type: string, sign: -1 | 0 | 1, kind: EventLogEntry['kind'] = 'luck', month = 5): EventLogEntry {
  return { month, kind, type, sign, scheduled: false, magnitude: 1, text: `text of ${type}` };
}

describe('palette', () => {
  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio(0x000000, 0xffffff)).toBeCloseTo(21, 5);
    expect(contrastRatio(0x777777, 0x777777)).toBeCloseTo(1, 5);
    // a published pair: #767676 on white is the lightest grey at 4.5:1
    expect(contrastRatio(0x767676, 0xffffff)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(0x777777, 0xffffff)).toBeLessThan(4.5);
  });

  it('keeps text at 4.5:1 on the panels and on the page background', () => {
    const texts = (Object.keys(PALETTE_ROLE) as (keyof typeof PALETTE)[]).filter((k) => PALETTE_ROLE[k] === 'text').map((k) => PALETTE[k]);
    expect(texts).toContain(PALETTE.balancingText);
    for (const text of texts) {
      expect(contrastRatio(text, PALETTE.panel)).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(text, PALETTE.background)).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(text, 0xfafaf8)).toBeGreaterThanOrEqual(4.5); // zone fill
    }
  });

  it('keeps graphics that carry meaning at 3:1 on the panel', () => {
    const meaningful = [
      ...(Object.keys(PALETTE_ROLE) as (keyof typeof PALETTE)[]).filter((k) => PALETTE_ROLE[k] !== 'decoration' && PALETTE_ROLE[k] !== 'background').map((k) => PALETTE[k]),
      PALETTE.positive,
      PALETTE.negative,
      PALETTE.neutral,
      PALETTE.virtuous,
      PALETTE.vicious,
      PALETTE.damped,
      PALETTE.balancing,
      PALETTE.good,
      PALETTE.bad,
      PALETTE.eventNeutral,
      PALETTE.meta,
      PALETTE.station,
      PALETTE.dotRim,
      ...MANAGER_IDS.map((id) => MANAGER_COLOURS[id].stroke),
    ];
    for (const c of meaningful) expect(contrastRatio(c, PALETTE.panel)).toBeGreaterThanOrEqual(3);
  });

  it('tells good from bad flows by more than hue: the two differ in lightness too', () => {
    expect(Math.abs(contrastRatio(PALETTE.positive, PALETTE.panel) - contrastRatio(PALETTE.negative, PALETTE.panel))).toBeGreaterThan(0.5);
  });

  it('darkens a colour just enough to reach a ratio', () => {
    const c = withContrast(0xe69f00, 0xffffff, 3);
    expect(contrastRatio(c, 0xffffff)).toBeGreaterThanOrEqual(3);
    expect(contrastRatio(darken(c, 1.02), 0xffffff)).toBeLessThan(3.2);
    expect(withContrast(0x000000, 0xffffff, 3)).toBe(0x000000);
  });

  it('gives each client status its own shape and hue', () => {
    expect(new Set(STATUSES.map((s) => STATUS_STYLE[s].shape)).size).toBe(STATUSES.length);
    expect(new Set(STATUSES.map((s) => STATUS_STYLE[s].colour)).size).toBe(STATUSES.length);
  });
});

describe('stage layout', () => {
  it('stacks below the columns breakpoint and uses columns from it', () => {
    expect(computeStageLayout(COLUMNS_MIN_WIDTH - 1, 0).mode).toBe('stacked');
    expect(computeStageLayout(COLUMNS_MIN_WIDTH, 0).mode).toBe('columns');
  });

  it('keeps the three panels inside the stage and apart, at every width and height', () => {
    for (const w of WIDTHS) {
      for (const h of [0, 300, 600, 900, 1400]) {
        const l = computeStageLayout(w, h);
        const stage = { x: 0, y: 0, width: l.width, height: l.height };
        const panels = [l.loop, l.triangles, l.clients];
        for (const p of panels) {
          expect(inside(p, stage), `w=${w} h=${h}`).toBe(true);
          expect(p.width).toBeGreaterThan(100);
          expect(p.height).toBeGreaterThan(100);
        }
        expect(overlap(l.loop, l.triangles) || overlap(l.loop, l.clients) || overlap(l.triangles, l.clients)).toBe(false);
      }
    }
  });

  it('takes the natural height without a container height, and never less than the minimum with one', () => {
    for (const w of WIDTHS) {
      expect(computeStageLayout(w, 0).height).toBe(naturalHeight(w));
      expect(computeStageLayout(w, 10).height).toBe(minimumHeight(w));
      expect(computeStageLayout(w, 5000).height).toBe(5000);
    }
  });

  it('uses larger type on wider screens, within 12 to 18 px', () => {
    const sizes = WIDTHS.map((w) => computeStageLayout(w, 0).fontSize);
    for (let i = 1; i < sizes.length; i++) expect(sizes[i]).toBeGreaterThanOrEqual(sizes[i - 1]);
    expect(Math.min(...sizes)).toBe(12);
    expect(Math.max(...sizes)).toBe(18);
  });

  it('splits the loop panel into a ring box and gauges below it, both inside', () => {
    for (const w of WIDTHS) {
      const l = computeStageLayout(w, 0);
      const { ring, gauges, columns } = splitLoopPanel(l.loop, l.fontSize);
      expect(inside(ring, l.loop)).toBe(true);
      expect(inside(gauges, l.loop)).toBe(true);
      expect(ring.y + ring.height).toBeLessThanOrEqual(gauges.y + 0.5);
      expect(gauges.height).toBe(gaugeStripHeight(l.loop.width, l.fontSize));
      expect([1, 2, 4]).toContain(columns);
    }
  });

  it('puts the four gauges in a row only when each gets about 13 em', () => {
    expect(gaugeColumns(900, 15)).toBe(4);
    expect(gaugeColumns(620, 15)).toBe(2);
    expect(gaugeColumns(250, 12)).toBe(1); // a narrow phone: one gauge a row, so a name keeps its size
    expect(gaugeStripHeight(620, 15)).toBe(2 * gaugeStripHeight(900, 15));
  });

  it('gives a short, very wide screen a loop column no wider than its drawing needs', () => {
    const l = computeStageLayout(2400, 500);
    expect(l.loop.width).toBeLessThan(l.triangles.width);
  });
});

describe('success loop geometry', () => {
  const box = { x: 10, y: 20, width: 500, height: 460 };
  const g = loopGeometry(box, 14);

  it('puts five stations on the ring, performance at the top, then clockwise in loop order', () => {
    expect(g.stations).toHaveLength(STATION_COUNT);
    expect(LOOP_STATIONS).toHaveLength(STATION_COUNT);
    for (const s of g.stations) expect(Math.hypot(s.x - g.cx, s.y - g.cy)).toBeCloseTo(g.radius, 6);
    expect(g.stations[0].x).toBeCloseTo(g.cx, 6);
    expect(g.stations[0].y).toBeLessThan(g.cy);
    // clockwise on screen (y down): the second station is to the right of the first
    expect(g.stations[1].x).toBeGreaterThan(g.stations[0].x);
    for (let i = 1; i < STATION_COUNT; i++) expect(g.stations[i].angle).toBeGreaterThan(g.stations[i - 1].angle);
  });

  it('runs each arrow between two stations without touching either', () => {
    for (let i = 0; i < STATION_COUNT; i++) {
      const a = g.arcs[i];
      const from = g.stations[i].angle;
      const to = from + (2 * Math.PI) / STATION_COUNT;
      expect((a.start - from) * g.radius).toBeGreaterThan(g.stationMaxRadius);
      expect((to - a.end) * g.radius).toBeGreaterThan(g.stationMaxRadius);
      expect(a.length).toBeCloseTo((a.end - a.start) * g.radius, 6);
      expect(a.mid).toBeCloseTo((a.start + a.end) / 2, 9);
    }
  });

  it('fits the drawing and its labels in the box, for every stage size', () => {
    for (const w of WIDTHS) {
      const l = computeStageLayout(w, 0);
      const { ring } = splitLoopPanel(l.loop, l.fontSize);
      const lg = loopGeometry(ring, l.fontSize);
      const labelW = Math.min(l.fontSize * 6.2, ring.width * 0.25);
      const side = lg.stations[1];
      expect(side.x + lg.stationMaxRadius + labelW).toBeLessThanOrEqual(ring.x + ring.width + 1);
      expect(lg.stations[4].x - lg.stationMaxRadius - labelW).toBeGreaterThanOrEqual(ring.x - 1);
      expect(lg.stations[0].y - lg.stationMaxRadius - l.fontSize * 2.6).toBeGreaterThanOrEqual(ring.y - 1);
      expect(lg.stations[2].y + lg.stationMaxRadius + l.fontSize * 2.6).toBeLessThanOrEqual(ring.y + ring.height + 1);
      // the badge and the pistons fit inside the ring
      expect(lg.badgeRadius + 12).toBeLessThan(lg.radius - lg.stationMaxRadius);
    }
  });

  it('asks for the height at which the width, not the height, limits the ring', () => {
    for (const w of [300, 500, 900]) {
      const h = ringHeightFor(w, 13);
      const tall = loopGeometry({ x: 0, y: 0, width: w, height: h + 400 }, 13);
      const exact = loopGeometry({ x: 0, y: 0, width: w, height: h }, 13);
      expect(exact.radius).toBeCloseTo(tall.radius, 0);
    }
  });

  it('grows a station with its level (area linear in the level), and never to nothing', () => {
    const r0 = stationRadius(0, g);
    const r1 = stationRadius(1, g);
    expect(r0).toBeGreaterThan(0);
    expect(r0).toBeCloseTo(g.stationMinRadius, 6);
    expect(r1).toBeCloseTo(g.stationMaxRadius, 6);
    const a = (l: number): number => stationRadius(l, g) ** 2;
    expect(a(0.5) - a(0)).toBeCloseTo(a(1) - a(0.5), 6);
    expect(stationRadius(Number.NaN, g)).toBe(r0);
    expect(stationRadius(7, g)).toBe(r1);
  });

  it('moves along an arrow in the clockwise direction, writing into a reused point', () => {
    const out = { x: 0, y: 0, angle: 0 };
    const p0 = { ...pointOnArc(g, 0, 0, out) };
    const p1 = pointOnArc(g, 0, 1, out);
    expect(p1).toBe(out);
    const a0 = Math.atan2(p0.y - g.cy, p0.x - g.cx);
    expect(a0).toBeCloseTo(g.arcs[0].start, 6);
    // the direction of travel is perpendicular to the radius
    const rx = Math.cos(a0);
    const ry = Math.sin(a0);
    expect(rx * Math.cos(p0.angle) + ry * Math.sin(p0.angle)).toBeCloseTo(0, 6);
  });

  it('dashes an arrow within its span', () => {
    const span = g.arcs[2];
    const d = dashAngles(span, g.radius, 8, 4);
    expect(d.length % 2).toBe(0);
    expect(d.length / 2).toBe(Math.ceil(span.length / 12));
    for (let k = 0; k < d.length; k += 2) {
      expect(d[k]).toBeGreaterThanOrEqual(span.start);
      expect(d[k + 1]).toBeLessThanOrEqual(span.end + 1e-12);
      expect(d[k + 1]).toBeGreaterThan(d[k]);
    }
    expect(dashAngles(span, 0, 8, 4)).toEqual([]);
  });

  it('points an arrowhead along its direction', () => {
    const out = [0, 0, 0, 0, 0, 0];
    arrowHeadPoints(100, 50, 0, 10, 4, out);
    expect(out.slice(0, 2)).toEqual([100, 50]);
    expect(out[2]).toBeCloseTo(90, 9);
    expect(out[4]).toBeCloseTo(90, 9);
    expect(Math.abs(out[3] - out[5])).toBeCloseTo(8, 9);
  });

  it('anchors labels so they grow away from the ring', () => {
    const right = radialAnchor(0);
    expect(right.x).toBeCloseTo(0, 9);
    expect(right.y).toBeCloseTo(0.5, 9);
    const top = radialAnchor(-Math.PI / 2);
    expect(top.x).toBeCloseTo(0.5, 9);
    expect(top.y).toBeCloseTo(1, 9);
  });

  it('gives each balancing loop its own arrow and tag', () => {
    expect(BALANCING_KEYS).toHaveLength(4);
    const arcs = BALANCING_KEYS.map((k) => BALANCING[k].arc);
    expect(new Set(arcs).size).toBe(4);
    for (const a of arcs) expect(a >= 0 && a < STATION_COUNT).toBe(true);
    expect(BALANCING.aspirations.arc).toBe(0); // performance -> perception
    expect(new Set(BALANCING_KEYS.map((k) => BALANCING[k].tag)).size).toBe(4);
  });

  it('spins the badge with a virtuous loop, against it with a vicious one, not when damped', () => {
    expect(badgeSpin('virtuous', 1.3)).toBeGreaterThan(0);
    expect(badgeSpin('vicious', 1.3)).toBeLessThan(0);
    expect(badgeSpin('damped', 1.3)).toBe(0);
    expect(badgeSpin('virtuous', 2)).toBeGreaterThan(badgeSpin('virtuous', 1.1));
    expect(Number.isFinite(badgeSpin('vicious', Number.NaN))).toBe(true);
  });
});

describe('triangle geometry', () => {
  const radar = { cx: 100, cy: 100, r: 50 };

  it('draws the full triangle as an equilateral of side r·√3 with value at the top', () => {
    const v = radarVertices(radar, { value: 1, capacity: 1, legitimacy: 1 }, []);
    const side = (i: number, j: number): number => Math.hypot(v[2 * i] - v[2 * j], v[2 * i + 1] - v[2 * j + 1]);
    expect(side(0, 1)).toBeCloseTo(50 * Math.sqrt(3), 6);
    expect(side(1, 2)).toBeCloseTo(50 * Math.sqrt(3), 6);
    expect(side(2, 0)).toBeCloseTo(50 * Math.sqrt(3), 6);
    expect(v[0]).toBeCloseTo(100, 9);
    expect(v[1]).toBeCloseTo(50, 9);
    expect(v[2]).toBeGreaterThan(100); // capacity on the right
    expect(v[4]).toBeLessThan(100); // legitimacy on the left
  });

  it('puts each corner to scale on its axis, clamped to [0,1]', () => {
    const v = radarVertices(radar, { value: 0.2, capacity: 2, legitimacy: Number.NaN }, []);
    expect(Math.hypot(v[0] - 100, v[1] - 100)).toBeCloseTo(10, 6);
    expect(Math.hypot(v[2] - 100, v[3] - 100)).toBeCloseTo(50, 6);
    expect(Math.hypot(v[4] - 100, v[5] - 100)).toBeCloseTo(0, 6);
  });

  it('measures area and the balanced mean', () => {
    expect(relativeArea(1, 1, 1)).toBeCloseTo(1, 9);
    expect(relativeArea(0.5, 0.5, 0.5)).toBeCloseTo(0.25, 9);
    expect(relativeArea(1, 0, 0)).toBe(0);
    expect(meanCorner(0.3, 0.6, 0.9)).toBeCloseTo(0.6, 9);
    // the same mean, less balanced, covers less area: imbalance shows
    expect(relativeArea(0.3, 0.6, 0.9)).toBeLessThan(relativeArea(0.6, 0.6, 0.6));
  });

  it('fits a radar and its label room in a cell', () => {
    const cell = { x: 0, y: 0, width: 200, height: 160 };
    const r = fitRadar(cell, 20, 30, 10);
    expect(r.cy - r.r - 20).toBeGreaterThanOrEqual(-0.01);
    expect(r.cy + r.r / 2 + 30).toBeLessThanOrEqual(160.01);
    expect(r.cx - r.r * (Math.sqrt(3) / 2) - 10).toBeGreaterThanOrEqual(-0.01);
  });

  it('draws the meta triangle larger than any manager and keeps all inside the panel', () => {
    for (const w of WIDTHS) {
      const l = computeStageLayout(w, 0);
      const a = arrangeTriangles(l.triangles, l.fontSize);
      const big = radarPads(l.fontSize, true);
      expect(a.managers).toHaveLength(MANAGER_IDS.length);
      expect(a.meta.r).toBeGreaterThan(a.managers[0].r);
      expect(a.meta.cy - a.meta.r - big.top).toBeGreaterThanOrEqual(l.triangles.y - 0.5);
      expect(a.meta.cy + a.meta.r / 2 + big.bottom).toBeLessThanOrEqual(l.triangles.y + l.triangles.height + 0.5);
      for (const m of a.managers) {
        expect(m.r).toBeGreaterThan(10);
        expect(m.cx).toBeGreaterThan(l.triangles.x);
        expect(m.cx).toBeLessThan(l.triangles.x + l.triangles.width);
      }
      for (let i = 0; i < a.managerCells.length; i++) {
        for (let j = i + 1; j < a.managerCells.length; j++) expect(overlap(a.managerCells[i], a.managerCells[j])).toBe(false);
        expect(overlap(a.managerCells[i], a.metaCell)).toBe(false);
      }
    }
  });
});

describe('client zones', () => {
  it('lays six zones in the panel, apart, in status order (reading order)', () => {
    for (const w of WIDTHS) {
      const l = computeStageLayout(w, 0);
      const zones = zoneLayout(l.clients, l.fontSize);
      expect(zones).toHaveLength(STATUSES.length);
      for (let i = 0; i < zones.length; i++) {
        expect(inside(zones[i].box, l.clients)).toBe(true);
        expect(inside(zones[i].dots, zones[i].box)).toBe(true);
        for (let j = i + 1; j < zones.length; j++) expect(overlap(zones[i].box, zones[j].box)).toBe(false);
      }
      // reading order: a later zone is right of, or below, an earlier one
      for (let i = 1; i < zones.length; i++) {
        const a = zones[i - 1].box;
        const b = zones[i].box;
        expect(b.y > a.y + 1 || b.x > a.x + 1).toBe(true);
      }
    }
  });

  it('prefers landscape cells: one row on a wide strip, two columns on a phone', () => {
    expect(zoneColumns({ x: 0, y: 0, width: 1800, height: 200 })).toBe(6);
    expect(zoneColumns({ x: 0, y: 0, width: 340, height: 300 })).toBe(2);
  });

  it('puts each client on a fixed spot inside the zone, spread evenly', () => {
    const area = { x: 10, y: 10, width: 200, height: 100 };
    const p = { x: 0, y: 0 };
    const seen: { x: number; y: number }[] = [];
    for (let i = 0; i < 400; i++) {
      dotPosition(i, area, 3, p);
      expect(p.x).toBeGreaterThanOrEqual(13);
      expect(p.x).toBeLessThanOrEqual(207);
      expect(p.y).toBeGreaterThanOrEqual(13);
      expect(p.y).toBeLessThanOrEqual(107);
      seen.push({ ...p });
    }
    expect(dotPosition(123, area, 3, { x: 0, y: 0 })).toEqual(seen[123]);
    // low discrepancy: every cell of a 5 x 5 grid gets some of the first 100 points
    const cells = new Set<number>();
    for (const q of seen.slice(0, 100)) cells.add(Math.floor(((q.x - 13) / 194) * 5) * 5 + Math.floor(((q.y - 13) / 94) * 5));
    expect(cells.size).toBe(25);
  });

  it('sizes dots to the zone and the sample, within limits', () => {
    const area = { x: 0, y: 0, width: 300, height: 150 };
    expect(dotRadius(area, 1000)).toBeLessThan(dotRadius(area, 100));
    expect(dotRadius(area, 1e6)).toBe(1.75);
    expect(dotRadius(area, 1)).toBe(4.5);
  });

  it('keeps a line for the legend under the zones, and a taller header when the count goes under the name', () => {
    for (const w of WIDTHS) {
      const l = computeStageLayout(w, 0);
      for (const lines of [1, 2] as const) {
        const c = clientsLayout(l.clients, l.fontSize, lines);
        expect(inside(c.legend, l.clients)).toBe(true);
        expect(c.legend.height).toBeGreaterThanOrEqual(l.fontSize * 1.2);
        for (const z of c.zones) {
          expect(inside(z.box, l.clients)).toBe(true);
          expect(inside(z.dots, z.box)).toBe(true);
          expect(overlap(z.box, c.legend)).toBe(false);
          // dots start below the header (names and counts)
          expect(z.dots.y - z.box.y).toBe(zoneHeaderHeight(l.fontSize, lines));
        }
      }
      expect(zoneHeaderHeight(l.fontSize, 2)).toBeGreaterThanOrEqual(zoneHeaderHeight(l.fontSize, 1) + l.fontSize * 1.1);
    }
  });

  it('gives a dot entering a zone the lowest free spot, which it keeps while it stays', () => {
    const spots = new ZoneSpots(STATUSES.length, 10);
    expect([spots.take(0), spots.take(0), spots.take(0), spots.take(1)]).toEqual([0, 1, 2, 0]);
    spots.free(0, 1);
    expect(spots.take(0)).toBe(1); // the hole is filled first
    expect(spots.take(0)).toBe(3);
    spots.free(0, 0);
    spots.free(0, 0); // twice: no harm
    expect(spots.take(0)).toBe(0);
    expect(spots.take(0)).toBe(4);
    spots.clear();
    expect(spots.take(0)).toBe(0);
  });

  it('tells a move from a new person, a leaver and an empty dot', () => {
    const [benefit, trajectory] = [0, 1];
    expect(dotChange(benefit, benefit)).toBe('stay');
    expect(dotChange(benefit, trajectory)).toBe('move');
    expect(dotChange(HIDDEN, trajectory)).toBe('appear');
    expect(dotChange(trajectory, EXITED_CODE)).toBe('leave');
    expect(dotChange(trajectory, SAMPLE_NOBODY)).toBe('hide');
    expect(dotChange(HIDDEN, EXITED_CODE)).toBe('stay');
    expect(dotChange(HIDDEN, SAMPLE_NOBODY)).toBe('stay');
    expect(EXITED_CODE).toBe(STATUSES.indexOf('exited'));
  });

  it('ends every glide of a month before the next month is due, and jumps without motion', () => {
    for (const d of [60, 70, 120, 283, 650]) {
      const { glideMs, spreadMs } = glideTiming(d);
      expect(glideMs).toBeGreaterThan(0);
      expect(glideMs + spreadMs).toBeLessThanOrEqual(d + 1e-9);
    }
    expect(glideTiming(650).glideMs).toBeGreaterThan(400);
    expect(glideTiming(0)).toEqual({ glideMs: 0, spreadMs: 0 });
  });

  it('draws only a share of a large sample in small zones, so dots stay legible', () => {
    const big = { x: 0, y: 0, width: 140, height: 80 };
    expect(dotStride(big, 600)).toBe(1);
    const small = { x: 0, y: 0, width: 100, height: 44 };
    const stride = dotStride(small, 600);
    expect(stride).toBeGreaterThan(1);
    expect(dotRadius(small, Math.ceil(600 / stride))).toBeGreaterThanOrEqual(LEGIBLE_DOT_RADIUS - 1e-9);
    expect(dotRadius(small, Math.ceil(600 / (stride - 1)))).toBeLessThan(LEGIBLE_DOT_RADIUS);
    expect(dotStride({ x: 0, y: 0, width: 1, height: 1 }, 600)).toBe(1); // degenerate: no division by zero
  });

  it('counts heads over the distance tiers', () => {
    const caseload = {
      benefit: [1, 2, 3, 4],
      trajectory: [0, 0, 0, 1],
      participation: [5, 0, 0, 0],
      subsidised: [0, 0, 0, 0],
      employed: [10, 10, 0, 0],
      exited: [7, 0, 0, 0],
    };
    expect(statusCounts(caseload, [])).toEqual([10, 1, 5, 0, 20, 7]);
  });
});

describe('interpolation', () => {
  it('eases from 0 to 1, symmetric, monotone', () => {
    expect(easeInOutCubic(0)).toBe(0);
    expect(easeInOutCubic(1)).toBe(1);
    expect(easeInOutCubic(0.5)).toBeCloseTo(0.5, 9);
    expect(easeInOutCubic(0.25) + easeInOutCubic(0.75)).toBeCloseTo(1, 9);
    let last = 0;
    for (let t = 0; t <= 1; t += 0.05) {
      expect(easeInOutCubic(t)).toBeGreaterThanOrEqual(last);
      last = easeInOutCubic(t);
    }
  });

  it('glides a vector to its target and stops', () => {
    const tw = new VectorTween(2);
    tw.to.set([1, -1]);
    tw.snap();
    expect(Array.from(tw.value)).toEqual([1, -1]);
    tw.to.set([3, 1]);
    tw.retarget(1000, 500);
    expect(tw.active).toBe(true);
    expect(tw.sample(1250)).toBe(true);
    expect(tw.value[0]).toBeCloseTo(2, 9);
    expect(tw.value[1]).toBeCloseTo(0, 9);
    // retarget mid-way starts from where it is, without a jump
    tw.to.set([0, 0]);
    tw.retarget(1250, 500);
    tw.sample(1250);
    expect(tw.value[0]).toBeCloseTo(2, 9);
    expect(tw.sample(1750)).toBe(true);
    expect(Array.from(tw.value)).toEqual([0, 0]);
    expect(tw.active).toBe(false);
    expect(tw.sample(2000)).toBe(false);
  });

  it('jumps when the transition has no duration (reduced motion)', () => {
    const tw = new VectorTween(1);
    tw.to[0] = 5;
    tw.retarget(0, 0);
    expect(tw.value[0]).toBe(5);
    expect(tw.active).toBe(false);
  });

  it('makes transitions fill most of the time between months, within limits', () => {
    expect(transitionMs(null)).toBe(650);
    expect(transitionMs(2000)).toBe(650);
    expect(transitionMs(200)).toBeCloseTo(170, 9);
    expect(transitionMs(10)).toBe(60);
    expect(transitionMs(Number.NaN)).toBe(650);
  });

  it('scales flows to a slowly forgetting maximum', () => {
    const s = new FlowScale(1e-4, 0.9);
    expect(s.observe(0.02)).toBeCloseTo(0.02, 12);
    expect(s.observe(0.001)).toBeCloseTo(0.018, 12);
    expect(s.observe(0.05)).toBeCloseTo(0.05, 12);
    for (let i = 0; i < 500; i++) s.observe(0);
    expect(s.value).toBe(1e-4);
    expect(s.observe(Number.NaN)).toBe(1e-4);
  });

  it('maps a flow to a strength in [0,1] and a sign with a dead zone', () => {
    expect(flowStrength(0.01, 0.04)).toBeCloseTo(0.5, 9);
    expect(flowStrength(-0.04, 0.04)).toBe(1);
    expect(flowStrength(1, 0.04)).toBe(1);
    expect(flowStrength(Number.NaN, 0.04)).toBe(0);
    expect(flowTone(0.01, 0.04)).toBe(1);
    expect(flowTone(-0.01, 0.04)).toBe(-1);
    expect(flowTone(0.0005, 0.04)).toBe(0);
    expect(flowTone(0.01, 0)).toBe(0);
  });

  it('quantises to steps', () => {
    expect(quantise(2.26, 0.5)).toBe(2.5);
    expect(quantise(2.24, 0.5)).toBe(2);
  });
});

describe('event pulses', () => {
  it('places every luck and political event at a loop station', () => {
    for (const type of [...LUCK_EVENTS, ...POLITICAL_EVENTS]) {
      const kind = (LUCK_EVENTS as readonly string[]).includes(type) ? 'luck' : 'politics';
      expect(LOOP_STATIONS).toContain(eventStation(entry(type, 0, kind)));
    }
    expect(eventStation(entry('windfallGrant', 1))).toBe('resources');
    expect(eventStation(entry('mediaScandal', -1))).toBe('legitimacy');
    expect(eventStation(entry('keyStaffDeparture', -1))).toBe('capacity');
    expect(eventStation(entry('somethingNew', -1, 'shock'))).toBe('performance');
  });

  it('tells good, bad and neutral events apart by sign', () => {
    expect(eventTone(entry('boom', 1))).toBe('good');
    expect(eventTone(entry('recession', -1))).toBe('bad');
    expect(eventTone(entry('election', 0, 'politics'))).toBe('neutral');
  });

  it('pulses luck, shocks and politics (not initiatives or settings), bad luck first, two per station', () => {
    const specs = pulsesFor([
      entry('boom', 1),
      entry('bold', 1, 'initiative'),
      entry('recession', -1),
      entry('employerOpening', 1),
      entry('strictness', 0, 'setting'),
      entry('election', 0, 'politics'),
    ]);
    expect(specs.map((s) => s.entry.type)).toEqual(['recession', 'boom', 'election']);
    expect(specs.filter((s) => s.station === 'performance')).toHaveLength(SLOTS_PER_STATION);
  });

  it('takes a free slot, else the oldest', () => {
    expect(chooseSlot([null, null])).toBe(0);
    expect(chooseSlot([100, null])).toBe(1);
    expect(chooseSlot([300, 200])).toBe(1);
    expect(chooseSlot([100, 200])).toBe(0);
  });

  it('grows the ring and fades it, and holds the marker', () => {
    const f: PulseFrame = { ring: 0, ringAlpha: 0, markerAlpha: 0, done: false };
    pulseFrame(0, f);
    expect(f.ring).toBe(0);
    expect(f.markerAlpha).toBe(1);
    const early = pulseFrame(300, f).ring;
    const later = pulseFrame(900, f).ring;
    expect(later).toBeGreaterThan(early);
    pulseFrame(1500, f);
    expect(f.ringAlpha).toBe(0);
    expect(f.markerAlpha).toBe(1);
    expect(f.done).toBe(true);
    expect(pulseFrame(60_000, f).markerAlpha).toBe(1); // a pause does not make it vanish (issue 7, defect 8)
  });

  it('retires a marker by months, never while paused; the player\'s cards stay longer', () => {
    expect(pulseExpired(5, 6, 10_000, false)).toBe(false);
    expect(pulseExpired(5, 5 + STATIC_MARKER_MONTHS, 10_000, false)).toBe(true);
    expect(pulseExpired(5, 5 + STATIC_MARKER_MONTHS, MIN_SHOW_MS - 1, false)).toBe(false); // full speed: seen first
    expect(pulseExpired(5, 5 + STATIC_MARKER_MONTHS, 10_000, true)).toBe(false);
    expect(pulseExpired(5, 5 + PLAYED_MARKER_MONTHS, 10_000, true)).toBe(true);
  });

  it('labels an event by its translated type, else by its own text', () => {
    expect(eventLabel(entry('boom', 1), { boom: 'Hoogconjunctuur' })).toBe('Hoogconjunctuur');
    expect(eventLabel(entry('boom', 1), {})).toBe('text of boom');
  });

  it('keeps a pulse label inside the loop panel, as near its station as it can', () => {
    const panel = { x: 10, y: 10, width: 380, height: 400 };
    // "A new alderman takes office" growing right from the right-hand station, past the panel's edge
    const right = placePulseLabel({ x: 300, y: 200, width: 190, height: 18 }, panel, null);
    expect(inside(right, panel)).toBe(true);
    expect(right.x + right.width).toBe(390);
    expect(right.y).toBe(200);
    // "Sleutelmedewerkers vertrekken" growing left from the left-hand station, and below the panel
    const left = placePulseLabel({ x: -80, y: 400, width: 200, height: 18 }, panel, null);
    expect(left).toEqual({ x: 10, y: 392, width: 200, height: 18 });
    // a label that fits is left where it is
    const box = { x: 50, y: 60, width: 100, height: 18 };
    expect(placePulseLabel(box, panel, null)).toEqual(box);
  });

  it('moves a clamped pulse label off the centre badge by the least it can, inside the panel', () => {
    const panel = { x: 0, y: 0, width: 400, height: 400 };
    const badge = { x: 200, y: 200, r: 60 };
    // a label pushed in from the right edge onto the badge's right half slides right just past it
    const wanted = { x: 230, y: 190, width: 190, height: 18 };
    const placed = placePulseLabel(wanted, panel, badge);
    expect(inside(placed, panel)).toBe(true);
    expect(rectHitsCircle(placed, badge)).toBe(false);
    // it went up or down (sideways there is no room for 190 px), by less than the badge's diameter
    expect(placed.x).toBe(210);
    expect(Math.abs(placed.y - wanted.y)).toBeLessThan(2 * badge.r);
    // a small label left of centre slides left, 3 px clear of the disc (23 px), rather than down (68 px)
    const small = placePulseLabel({ x: 100, y: 195, width: 60, height: 16 }, panel, badge);
    expect(rectHitsCircle(small, badge)).toBe(false);
    expect(small).toEqual({ x: 200 - 63 - 60, y: 195, width: 60, height: 16 });
    // one straddling the centre line goes the shortest way: down, just past the disc (63 px) rather than
    // left (73 px)
    expect(placePulseLabel({ x: 150, y: 195, width: 60, height: 16 }, panel, badge)).toEqual({ x: 150, y: 263, width: 60, height: 16 });
    // no room anywhere: the label stays clamped (and covers the badge)
    const tight = { x: 0, y: 0, width: 130, height: 130 };
    const stuck = placePulseLabel({ x: 0, y: 0, width: 120, height: 120 }, tight, { x: 65, y: 65, r: 50 });
    expect(stuck).toEqual({ x: 0, y: 0, width: 120, height: 120 });
  });

  it('places every pulse label inside the panel for random labels, panels and badges', () => {
    let seed = 7;
    const rnd = (): number => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let k = 0; k < 2000; k++) {
      const panel = { x: rnd() * 20, y: rnd() * 20, width: 300 + rnd() * 500, height: 300 + rnd() * 300 };
      const w = 40 + rnd() * 260;
      const wanted = { x: panel.x - 100 + rnd() * (panel.width + 100), y: panel.y - 30 + rnd() * (panel.height + 30), width: w, height: 18 };
      const badge = { x: panel.x + panel.width / 2, y: panel.y + panel.height / 2, r: 30 + rnd() * 60 };
      const placed = placePulseLabel(wanted, panel, badge);
      expect(inside(placed, panel), JSON.stringify({ panel, wanted, placed })).toBe(true);
      expect(placed.width).toBe(wanted.width);
      // off the badge whenever the clamped box was not already clear of it: every corner of the panel leaves room here
      expect(rectHitsCircle(placed, badge)).toBe(false);
    }
  });

  it('keeps a pulse label off the labels placed before it, and off the badge, when the panel has room', () => {
    const panel = { x: 0, y: 0, width: 380, height: 400 };
    const badge = { x: 190, y: 180, r: 50 };
    const first = placePulseLabel({ x: 40, y: 240, width: 150, height: 18 }, panel, badge);
    // the second, clamped in from the right edge, would land on the first
    const second = placePulseLabel({ x: 220, y: 240, width: 190, height: 18 }, panel, badge, [first]);
    expect(inside(second, panel)).toBe(true);
    expect(rectsOverlap(first, second)).toBe(false);
    expect(rectHitsCircle(second, badge)).toBe(false);
    // with no room for both, the label still stays in the panel
    const full = { x: 0, y: 0, width: 200, height: 20 };
    const squeezed = placePulseLabel({ x: 0, y: 0, width: 150, height: 18 }, full, null, [{ x: 0, y: 0, width: 150, height: 18 }]);
    expect(inside(squeezed, full)).toBe(true);
  });

  it('clamps a box larger than its bounds to their top-left corner', () => {
    expect(clampBox({ x: 50, y: 50, width: 500, height: 10 }, { x: 0, y: 0, width: 100, height: 100 })).toEqual({ x: 0, y: 50, width: 500, height: 10 });
  });

  it('fits a pulse label to the panel: as is, shrunk a little, else wrapped', () => {
    expect(fitPulseLabel(200, 300)).toEqual({ scale: 1, wrapWidth: null });
    const shrunk = fitPulseLabel(330, 300);
    expect(shrunk.wrapWidth).toBeNull();
    expect(330 * shrunk.scale).toBeCloseTo(300, 9);
    const wrapped = fitPulseLabel(600, 300);
    expect(wrapped.scale).toBe(PULSE_MIN_SCALE);
    expect(wrapped.wrapWidth! * PULSE_MIN_SCALE).toBeCloseTo(300, 9);
    // after wrapping, one long word still too wide is shrunk to fit
    expect(shrinkToFit(400, 300, PULSE_MIN_SCALE) * 400).toBeCloseTo(300, 9);
    expect(shrinkToFit(200, 300, PULSE_MIN_SCALE)).toBe(PULSE_MIN_SCALE);
  });

  it('lets labels on the right grow right and on the left grow left', () => {
    expect(pulseLabelAnchorX(0)).toBeLessThan(0.1);
    expect(pulseLabelAnchorX(Math.PI)).toBeGreaterThan(0.9);
    expect(pulseLabelAnchorX(-Math.PI / 2)).toBeCloseTo(0.5, 9);
  });
});

describe('number formats', () => {
  it('formats per language', () => {
    expect(formatCount(1234, 'nl')).toBe('1.234');
    expect(formatCount(1234, 'en')).toBe('1,234');
    expect(formatPercent(0.624, 'en')).toBe('62%');
    expect(formatPercent(0.624, 'nl')).toMatch(/^62\s?%$/);
    expect(formatGain(1.084, 'nl')).toBe('G 1,08');
    expect(formatGain(1.084, 'en')).toBe('G 1.08');
    expect(formatGain(Number.NaN, 'en')).toBe('G –');
    expect(formatCount(Number.NaN, 'en')).toBe('0');
  });
});

describe('the dots legend', () => {
  it('rounds people per dot: whole numbers below 20, fives below 100, then two digits', () => {
    expect(peoplePerDot(3547, 585)).toBe(6);
    expect(peoplePerDot(3547, 292)).toBe(12);
    expect(peoplePerDot(3000, 100)).toBe(30);
    expect(peoplePerDot(3300, 100)).toBe(35);
    expect(peoplePerDot(12345, 10)).toBe(1200);
    expect(peoplePerDot(300, 600)).toBe(1); // fewer people than dots: never below one
    expect(peoplePerDot(3000, 0)).toBe(0);
    expect(peoplePerDot(0, 600)).toBe(0);
  });

  it('words the legend per language, or as the app says it', () => {
    expect(dotScaleText(6, 'en')).toBe('1 dot ≈ 6 people');
    expect(dotScaleText(1200, 'nl')).toBe('1 stip ≈ 1.200 mensen');
    expect(dotScaleText(1, 'en')).toBe('1 dot = 1 person');
    expect(dotScaleText(0, 'en')).toBe('');
    expect(dotScaleText(6, 'en', { dotScale: 'one dot: {n}' })).toBe('one dot: 6');
    expect(CLIENT_WORDS.nl.exitedNote).toMatch(/sinds maand 0/);
  });
});

/** A client pool in miniature: slots with a status and a client number (0 = never used). */
function pool(clients: [uid: number, status: number][]): ClientSlots & { status: number[]; uid: number[] } {
  return { size: clients.length, status: clients.map((c) => c[1]), uid: clients.map((c) => c[0]) };
}

describe('the client sample behind the dots', () => {
  const EXITED = STATUSES.indexOf('exited');

  it('follows the lowest-ranked clients on the caseload, one dot each, always `size` codes long', () => {
    for (const [clients, size] of [
      [50, 10],
      [1000, 137],
      [3000, 600],
    ]) {
      // statuses spread so that the multiset of codes tells which clients were picked
      const p = pool(Array.from({ length: clients }, (_, j) => [3 * j + 7, (j * j) % 5] as [number, number]));
      const sample = new ClientSample(size);
      const out = sample.read(p);
      expect(out).toHaveLength(size);
      expect(out.buffer.byteLength).toBe(size);
      const lowest = p.uid
        .map((u, j) => ({ u, j }))
        .sort((a, b) => clientRank(a.u) - clientRank(b.u))
        .slice(0, size)
        .map((x) => p.status[x.j])
        .sort();
      expect([...out].sort()).toEqual(lowest);
      expect(sample.read(p)).toEqual(out); // nothing changed: nothing moves
    }
  });

  it('shows a leaver as exited for one read, then gives the dot to a client who joined', () => {
    const clients = Array.from({ length: 30 }, (_, j) => [j + 1, 0] as [number, number]);
    const p = pool(clients);
    const sample = new ClientSample(5);
    const first = sample.read(p);
    expect([...first]).toEqual([0, 0, 0, 0, 0]);
    // one followed client moves to a trajectory; another leaves and its slot goes to a newcomer
    const followed = p.uid.map((u, j) => ({ u, j })).sort((a, b) => clientRank(a.u) - clientRank(b.u)).slice(0, 5);
    p.status[followed[0].j] = 1;
    p.uid[followed[1].j] = 999;
    const second = sample.read(p);
    expect(second.filter((c) => c === 1)).toHaveLength(1);
    expect(second.filter((c) => c === EXITED)).toHaveLength(1);
    const third = sample.read(p);
    expect(third.filter((c) => c === EXITED)).toHaveLength(0);
    expect(third.filter((c) => c === SAMPLE_NOBODY)).toHaveLength(0);
    expect(third.indexOf(1)).toBe(second.indexOf(1)); // the mover kept its dot
  });

  it('leaves dots empty when the caseload is smaller than the sample', () => {
    const p = pool([
      [1, 0],
      [2, 4],
      [3, EXITED],
    ]);
    const out = new ClientSample(4).read(p);
    expect([...out].filter((c) => c === SAMPLE_NOBODY)).toHaveLength(2);
    expect([...out].filter((c) => c < EXITED).sort()).toEqual([0, 4]);
  });

  it('keeps dots with their clients through a real run, and its shares close to the head counts', () => {
    const scenario = BUILTIN_SCENARIOS.find((s) => s.id === 'baseline');
    if (!scenario) throw new Error('no baseline scenario');
    const sim = new Simulation({ scenario, seed: 1, months: 60 });
    const sample = new ClientSample(600);
    let prev = sample.read(sim.world.pool);
    let moves = 0;
    let worst = 0;
    while (!sim.done) {
      const snap = sim.step();
      const next = sample.read(sim.world.pool);
      const dots = new Array<number>(EXITED).fill(0);
      for (let i = 0; i < next.length; i++) {
        if (next[i] < EXITED) dots[next[i]]++;
        // a shown dot whose status changed (its client changed status: dots change hands only via exited or nobody)
        if (prev[i] < EXITED && next[i] < EXITED && prev[i] !== next[i]) moves++;
      }
      const counts = STATUSES.slice(0, EXITED).map((s) => snap.caseload[s].reduce((a, b) => a + b, 0));
      const tracked = counts.reduce((a, b) => a + b, 0);
      const shown = dots.reduce((a, b) => a + b, 0);
      for (let s = 0; s < EXITED; s++) worst = Math.max(worst, Math.abs(dots[s] / shown - counts[s] / tracked));
      prev = next;
    }
    // the old slot sample moved ~400 of 600 dots a month while the pool grew; people move far less
    expect(moves / 60).toBeLessThan(150);
    expect(worst).toBeLessThan(0.08);
  });
});

describe('VectorTween month handling', () => {
  it('jumps to the first month, glides to later ones, finishes at once without motion, and clears', () => {
    const t = new VectorTween(1);
    t.to[0] = 0.4;
    t.arrive(0, 500);
    expect(t.hasData).toBe(true);
    expect(t.value[0]).toBe(0.4);
    t.to[0] = 0.8;
    t.arrive(1000, 500);
    expect(t.step(1250, true)).toBe(true);
    expect(t.value[0]).toBeGreaterThan(0.4);
    expect(t.value[0]).toBeLessThan(0.8);
    expect(t.step(1260, false)).toBe(true);
    expect(t.value[0]).toBe(0.8);
    expect(t.step(1300, true)).toBe(false);
    t.clear();
    expect(t.hasData).toBe(false);
    expect(t.value[0]).toBe(0);
  });
});
