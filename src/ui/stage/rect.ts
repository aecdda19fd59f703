// Rectangles and small numeric helpers shared by the layout modules. Pure.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

/** Cells of a grid of `columns` columns and enough rows for `count`, with `gap` between cells. */
export function gridCells(rect: Rect, count: number, columns: number, gap: number): Rect[] {
  const rows = Math.ceil(count / columns);
  const cw = (rect.width - gap * (columns - 1)) / columns;
  const ch = (rect.height - gap * (rows - 1)) / rows;
  const cells: Rect[] = [];
  for (let i = 0; i < count; i++) {
    const c = i % columns;
    const r = Math.floor(i / columns);
    cells.push({ x: rect.x + c * (cw + gap), y: rect.y + r * (ch + gap), width: cw, height: ch });
  }
  return cells;
}

export function insetRect(r: Rect, dx: number, dy: number = dx): Rect {
  return { x: r.x + dx, y: r.y + dy, width: Math.max(0, r.width - 2 * dx), height: Math.max(0, r.height - 2 * dy) };
}
