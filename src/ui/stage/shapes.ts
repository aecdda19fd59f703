// Shared drawings: GraphicsContexts that many Graphics reuse (swapping a context is cheap,
// re-tessellating is not) and the texture atlas of dot shapes for the ParticleContainers.
import { Graphics, GraphicsContext, Rectangle, Texture, type Renderer } from 'pixi.js';
import { PALETTE, STATUS_STYLE, type DotShape, type Rgb } from './palette';
import { STATUSES, type Status } from '../../model/types';

/**
 * Add the triangle [x0, y0, x1, y1, x2, y2] to a Graphics' path. Unlike poly(), this keeps no
 * reference to the array, so one scratch array can be reused for many triangles.
 */
export function triangle(g: Graphics, pts: ArrayLike<number>): Graphics {
  return g.moveTo(pts[0], pts[1]).lineTo(pts[2], pts[3]).lineTo(pts[4], pts[5]).closePath();
}

/** Size at which glyphs, markers and icons are drawn; views scale them. */
export const GLYPH_UNIT = 10;

function sign(kind: 'plus' | 'minus' | 'zero', colour: Rgb): GraphicsContext {
  const u = GLYPH_UNIT;
  const c = new GraphicsContext().circle(0, 0, u).fill(PALETTE.panel).stroke({ width: 2, color: colour });
  const bar = { width: 2.4, color: colour, cap: 'round' as const };
  if (kind === 'plus') c.moveTo(-u * 0.5, 0).lineTo(u * 0.5, 0).moveTo(0, -u * 0.5).lineTo(0, u * 0.5).stroke(bar);
  if (kind === 'minus') c.moveTo(-u * 0.5, 0).lineTo(u * 0.5, 0).stroke(bar);
  if (kind === 'zero') c.moveTo(-u * 0.45, -u * 0.22).lineTo(u * 0.45, -u * 0.22).moveTo(-u * 0.45, u * 0.22).lineTo(u * 0.45, u * 0.22).stroke({ ...bar, width: 1.6 });
  return c;
}

/** A jagged burst: bad luck. */
function burst(colour: Rgb): GraphicsContext {
  const pts: number[] = [];
  const spikes = 9;
  for (let i = 0; i < spikes * 2; i++) {
    const a = (i * Math.PI) / spikes - Math.PI / 2;
    const r = i % 2 === 0 ? GLYPH_UNIT : GLYPH_UNIT * (i % 4 === 1 ? 0.45 : 0.6);
    pts.push(r * Math.cos(a), r * Math.sin(a));
  }
  return new GraphicsContext().poly(pts).fill(colour).stroke({ width: 1.5, color: PALETTE.panel });
}

export interface SharedShapes {
  stationDisc: GraphicsContext;
  glyph: Record<'1' | '-1' | '0', GraphicsContext>;
  marker: Record<'good' | 'bad' | 'neutral', GraphicsContext>;
  icon: Record<'virtuous' | 'vicious' | 'damped', GraphicsContext>;
  /** unit square (0..1 by -0.5..0.5) for bars that grow by scale.x */
  unitBar: GraphicsContext;
  destroy(): void;
}

export function createSharedShapes(): SharedShapes {
  const u = GLYPH_UNIT;
  const shapes = {
    stationDisc: new GraphicsContext().circle(0, 0, 1).fill(PALETTE.station),
    glyph: { '1': sign('plus', PALETTE.positive), '-1': sign('minus', PALETTE.negative), '0': sign('zero', PALETTE.neutral) },
    marker: {
      // good luck: a five-pointed star; bad luck: a jagged burst; neutral: a diamond
      good: new GraphicsContext().star(0, 0, 5, u, u * 0.45).fill(PALETTE.good).stroke({ width: 1.5, color: PALETTE.panel }),
      bad: burst(PALETTE.bad),
      neutral: new GraphicsContext().poly([0, -u, u * 0.75, 0, 0, u, -u * 0.75, 0]).fill(PALETTE.eventNeutral).stroke({ width: 1.5, color: PALETTE.panel }),
    },
    icon: {
      // virtuous: a rising triangle; vicious: a falling one; damped: two level bars
      virtuous: new GraphicsContext().poly([0, -u, u, u * 0.7, -u, u * 0.7]).fill(PALETTE.virtuous),
      vicious: new GraphicsContext().poly([0, u, u, -u * 0.7, -u, -u * 0.7]).fill(PALETTE.vicious),
      damped: new GraphicsContext().roundRect(-u, -u * 0.55, 2 * u, u * 0.4, 1).roundRect(-u, u * 0.15, 2 * u, u * 0.4, 1).fill(PALETTE.damped),
    },
    unitBar: new GraphicsContext().rect(0, -0.5, 1, 1).fill(0xffffff),
  };
  const all = [shapes.stationDisc, ...Object.values(shapes.glyph), ...Object.values(shapes.marker), ...Object.values(shapes.icon), shapes.unitBar];
  return { ...shapes, destroy: () => all.forEach((c) => c.destroy()) };
}

/** Atlas cell size and the radius shapes are drawn at inside it (CSS px at scale 1). */
const CELL = 32;
export const ATLAS_SHAPE_RADIUS = 12;

export interface DotAtlas {
  status: Record<Status, Texture>;
  flowDot: Texture;
  flowBar: Texture;
  destroy(): void;
}

function drawShape(g: Graphics, shape: DotShape | 'flowDot' | 'flowBar', x: number, y: number): void {
  const r = ATLAS_SHAPE_RADIUS;
  const rim = { width: 3, color: PALETTE.dotRim };
  switch (shape) {
    case 'circle':
      g.circle(x, y, r).fill(0xffffff).stroke(rim);
      break;
    case 'triangle':
      g.poly([x, y - r * 1.1, x + r * 1.05, y + r * 0.8, x - r * 1.05, y + r * 0.8]).fill(0xffffff).stroke(rim);
      break;
    case 'diamond':
      g.poly([x, y - r * 1.15, x + r * 1.0, y, x, y + r * 1.15, x - r * 1.0, y]).fill(0xffffff).stroke(rim);
      break;
    case 'square':
      g.rect(x - r * 0.88, y - r * 0.88, r * 1.76, r * 1.76).fill(0xffffff).stroke(rim);
      break;
    case 'plus': {
      const a = r * 0.42;
      g.poly([x - a, y - r, x + a, y - r, x + a, y - a, x + r, y - a, x + r, y + a, x + a, y + a, x + a, y + r, x - a, y + r, x - a, y + a, x - r, y + a, x - r, y - a, x - a, y - a])
        .fill(0xffffff)
        .stroke(rim);
      break;
    }
    case 'ring':
      // hollow: a tinted band between two dark rims
      g.circle(x, y, r - 2).stroke({ width: 6, color: 0xffffff });
      g.circle(x, y, r + 1.5).stroke({ width: 2.5, color: PALETTE.dotRim });
      g.circle(x, y, r - 5.5).stroke({ width: 2, color: PALETTE.dotRim });
      break;
    case 'flowDot':
      g.circle(x, y, r).fill(0xffffff);
      break;
    case 'flowBar':
      g.roundRect(x - r, y - r * 0.38, 2 * r, r * 0.76, r * 0.3).fill(0xffffff);
      break;
  }
}

/** Render every dot shape once into one texture, so all particles share a base texture (one draw call). */
export function createDotAtlas(renderer: Renderer): DotAtlas {
  const shapes: (DotShape | 'flowDot' | 'flowBar')[] = [...STATUSES.map((s) => STATUS_STYLE[s].shape), 'flowDot', 'flowBar'];
  const g = new Graphics();
  // a transparent frame so the texture spans every cell from (0, 0)
  g.rect(0, 0, CELL * shapes.length, CELL).fill({ color: 0xffffff, alpha: 0 });
  shapes.forEach((s, i) => drawShape(g, s, i * CELL + CELL / 2, CELL / 2));
  const base = renderer.generateTexture({ target: g, resolution: 3, frame: new Rectangle(0, 0, CELL * shapes.length, CELL) });
  g.destroy();
  const frame = (i: number): Texture => new Texture({ source: base.source, frame: new Rectangle(i * CELL, 0, CELL, CELL) });
  const status = Object.fromEntries(STATUSES.map((s, i) => [s, frame(i)])) as Record<Status, Texture>;
  const flowDot = frame(STATUSES.length);
  const flowBar = frame(STATUSES.length + 1);
  return {
    status,
    flowDot,
    flowBar,
    destroy: () => {
      for (const t of Object.values(status)) t.destroy(false);
      flowDot.destroy(false);
      flowBar.destroy(false);
      base.destroy(true);
    },
  };
}

/** Scale of an atlas sprite so that its shape has `radius` CSS px. */
export function atlasScale(radius: number): number {
  return radius / ATLAS_SHAPE_RADIUS;
}
