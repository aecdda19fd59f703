// Responsive layout of the stage, in CSS pixels. Pure: no Pixi, no DOM.
// Narrow containers (phones, from 360 px) stack the three panels; wider ones put the success loop
// in a left column and the meta triangle above the jobseekers in a right column.
import { clamp, type Rect } from './rect';
import { ringHeightFor } from './loopGeometry';

export { clamp, gridCells, insetRect, type Rect } from './rect';

export type StageMode = 'stacked' | 'columns';

export interface StageLayout {
  mode: StageMode;
  width: number;
  height: number;
  padding: number;
  /** base font size of labels, in CSS px */
  fontSize: number;
  loop: Rect;
  triangles: Rect;
  clients: Rect;
}

/** From this width on, the loop gets a column of its own. */
export const COLUMNS_MIN_WIDTH = 560;
/** The shortest a columns layout may be before it overflows its container. */
export const COLUMNS_MIN_HEIGHT = 420;

/**
 * Type grows with the stage, from 12 px on a phone to 18 px on a wide screen; `textScale` enlarges it
 * further (the projector view: readable from the back of a room at 1024x768).
 */
export function stageFontSize(width: number, textScale = 1): number {
  return Math.round(clamp(Math.round(width / 88), 12, 18) * Math.max(1, textScale));
}

export function stagePadding(width: number): number {
  return clamp(Math.round(width * 0.012), 6, 14);
}

/**
 * Gauges of the balancing loops sit in one row of four when each gets about 13 em (room for the
 * longest name, "Zwaardere gevallen over", at full size), 2 by 2 when each gets 13 em, else one a row:
 * names never shrink below MIN_TEXT_PX (they were shrunk to about 7 px, issue 7 defect 9).
 */
export function gaugeColumns(panelWidth: number, fontSize: number): 1 | 2 | 4 {
  if (panelWidth >= fontSize * 52) return 4;
  return panelWidth >= fontSize * 24 ? 2 : 1;
}

/** One gauge: a label line, then a bar with its value. */
export function gaugeRowHeight(fontSize: number): number {
  return Math.round(fontSize * 2.9 + 8);
}

export function gaugeStripHeight(panelWidth: number, fontSize: number): number {
  return (4 / gaugeColumns(panelWidth, fontSize)) * gaugeRowHeight(fontSize);
}

/** Loop panel: the ring drawing, then the gauges (the views inset panels by about 0.7 em). */
function loopPanelHeight(width: number, fontSize: number): number {
  const inner = width - 2 * Math.round(fontSize * 0.7);
  return ringHeightFor(inner, fontSize) + gaugeStripHeight(inner, fontSize) + 2 * Math.round(fontSize * 0.7);
}

/** The widest loop panel whose drawing and gauges still fit `height` (bisection; height grows with width). */
function widestLoopFor(height: number, fontSize: number): number {
  let lo = 200;
  let hi = 4000;
  for (let k = 0; k < 20; k++) {
    const mid = (lo + hi) / 2;
    if (loopPanelHeight(mid, fontSize) <= height) lo = mid;
    else hi = mid;
  }
  return Math.floor(lo);
}

/** Heights of the stacked panels for an inner width w (ratios chosen so each panel's content fits). */
function stackedHeights(innerWidth: number, fontSize: number): [number, number, number] {
  const loop = loopPanelHeight(innerWidth, fontSize);
  const triangles = Math.round(innerWidth * 0.62 + fontSize * 2);
  const clients = Math.round(innerWidth * 0.62 + fontSize * 2);
  return [loop, triangles, clients];
}

/** The height the stage wants at this width when its container does not fix one. */
export function naturalHeight(width: number, textScale = 1): number {
  const pad = stagePadding(width);
  const fs = stageFontSize(width, textScale);
  if (width < COLUMNS_MIN_WIDTH) {
    const [a, b, c] = stackedHeights(width - 2 * pad, fs);
    return a + b + c + 4 * pad;
  }
  const left = Math.round((width - 3 * pad) / 2);
  return Math.max(COLUMNS_MIN_HEIGHT, loopPanelHeight(left, fs) + 2 * pad);
}

/** The least height the stage accepts at this width (below it, the stage overflows its container). */
export function minimumHeight(width: number, textScale = 1): number {
  return width < COLUMNS_MIN_WIDTH ? naturalHeight(width, textScale) : COLUMNS_MIN_HEIGHT;
}

/**
 * Lay out the three panels in a box of `width` by `availableHeight` CSS px.
 * An availableHeight of 0 (a container without a set height) takes the natural height.
 */
export function computeStageLayout(width: number, availableHeight: number, textScale = 1): StageLayout {
  const w = Math.max(1, Math.floor(width));
  const pad = stagePadding(w);
  const fontSize = stageFontSize(w, textScale);
  const height = availableHeight > 0 ? Math.max(Math.floor(availableHeight), minimumHeight(w, textScale)) : naturalHeight(w, textScale);

  if (w < COLUMNS_MIN_WIDTH) {
    const inner = w - 2 * pad;
    const [loopH, triH, cliH] = stackedHeights(inner, fontSize);
    // Any extra height goes to the client zones.
    const extra = Math.max(0, height - (loopH + triH + cliH + 4 * pad));
    const loop = { x: pad, y: pad, width: inner, height: loopH };
    const triangles = { x: pad, y: loop.y + loopH + pad, width: inner, height: triH };
    const clients = { x: pad, y: triangles.y + triH + pad, width: inner, height: cliH + extra };
    return { mode: 'stacked', width: w, height, padding: pad, fontSize, loop, triangles, clients };
  }

  const innerH = height - 2 * pad;
  // the loop needs room for its names beside the ring: on narrower stages it takes a little more than half
  const half = Math.round((w - 3 * pad) * (w < 900 ? 0.55 : 0.5));
  // On short, wide screens the loop needs less than half the width: give the rest to the right column.
  // never under 45%: a short stage fits its ring to the height rather than starving it of width
  const loopW = Math.max(Math.round((w - 3 * pad) * 0.45), Math.min(half, widestLoopFor(innerH, fontSize)));
  const rightW = w - 3 * pad - loopW;
  const triH = Math.round((innerH - pad) * 0.45);
  const loop = { x: pad, y: pad, width: loopW, height: innerH };
  const triangles = { x: 2 * pad + loopW, y: pad, width: rightW, height: triH };
  const clients = { x: 2 * pad + loopW, y: 2 * pad + triH, width: rightW, height: innerH - pad - triH };
  return { mode: 'columns', width: w, height, padding: pad, fontSize, loop, triangles, clients };
}

/** Split the loop panel into the ring's box and the strip of balancing gauges below it. */
export function splitLoopPanel(panel: Rect, fontSize: number): { ring: Rect; gauges: Rect; columns: 1 | 2 | 4 } {
  const columns = gaugeColumns(panel.width, fontSize);
  const stripH = gaugeStripHeight(panel.width, fontSize);
  // The ring takes what it can use; spare height goes around the pair, not between them.
  const ringH = Math.max(0, Math.min(panel.height - stripH, ringHeightFor(panel.width, fontSize)));
  const top = panel.y + Math.max(0, (panel.height - stripH - ringH) / 2);
  const ring = { x: panel.x, y: top, width: panel.width, height: ringH };
  const gauges = { x: panel.x, y: top + ringH, width: panel.width, height: stripH };
  return { ring, gauges, columns };
}
