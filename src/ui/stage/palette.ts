// Colours of the stage. Hues follow Okabe & Ito (2008), which stay distinct under the common
// colour-vision deficiencies; no meaning is carried by colour alone (shapes, dash patterns, glyphs
// and labels carry it too). Text colours reach WCAG 1.4.3 (4.5:1) on the panel; graphics that carry
// meaning reach WCAG 1.4.11 (3:1), darkened where the pure Okabe-Ito hue is too light on white.
import type { ManagerId, Status } from '../../model/types';

/** A colour as 0xRRGGBB. */
export type Rgb = number;

/** WCAG 2.x relative luminance of an sRGB colour. */
export function relativeLuminance(rgb: Rgb): number {
  const channel = (c: number): number => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel((rgb >> 16) & 0xff) + 0.7152 * channel((rgb >> 8) & 0xff) + 0.0722 * channel(rgb & 0xff);
}

/** WCAG contrast ratio between two colours, from 1 to 21. */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** Scale a colour towards black by factor f in [0,1] (1 = unchanged). */
export function darken(rgb: Rgb, f: number): Rgb {
  const r = Math.round(((rgb >> 16) & 0xff) * f);
  const g = Math.round(((rgb >> 8) & 0xff) * f);
  const b = Math.round((rgb & 0xff) * f);
  return (r << 16) | (g << 8) | b;
}

/** The lightest darkening of `rgb` that reaches `minRatio` against `background`. */
export function withContrast(rgb: Rgb, background: Rgb, minRatio: number): Rgb {
  let f = 1;
  let c = rgb;
  while (contrastRatio(c, background) < minRatio && f > 0) {
    f -= 0.02;
    c = darken(rgb, Math.max(0, f));
  }
  return c;
}

/** Okabe-Ito, as published. */
export const OKABE_ITO = {
  orange: 0xe69f00,
  skyBlue: 0x56b4e9,
  bluishGreen: 0x009e73,
  yellow: 0xf0e442,
  blue: 0x0072b2,
  vermillion: 0xd55e00,
  reddishPurple: 0xcc79a7,
  grey: 0x999999,
} as const;

const PANEL: Rgb = 0xffffff;

export const PALETTE = {
  background: 0xf3f2ee as Rgb,
  panel: PANEL,
  /** decorative: the outline of the three panels (they are told apart by their content, not the line) */
  panelBorder: 0xc5c9cf as Rgb,
  /** decorative guides: the ring's path, radar axes, the 50% triangle, a gauge's empty track */
  grid: 0xdadde2 as Rgb,
  /** lines that carry meaning: the 100% triangle, station rims, zone borders (3:1 on the panel) */
  frame: 0x80868f as Rgb,
  /** primary text: about 16:1 on the panel */
  text: 0x1b1f24 as Rgb,
  /** secondary text: about 7.5:1 on the panel */
  textMuted: 0x4b5563 as Rgb,
  /** a flow that raises the next station */
  positive: OKABE_ITO.blue,
  /** a flow that lowers the next station */
  negative: withContrast(OKABE_ITO.vermillion, PANEL, 3),
  /** a flow too small to have a sign */
  neutral: 0x6b7280 as Rgb,
  station: 0x33415c as Rgb,
  stationRing: 0x6b717a as Rgb,
  /** a station's level as an arc around its rim */
  stationLevel: 0x1b1f24 as Rgb,
  virtuous: withContrast(OKABE_ITO.bluishGreen, PANEL, 3),
  vicious: withContrast(OKABE_ITO.vermillion, PANEL, 3),
  damped: 0x6b7280 as Rgb,
  /** balancing pressures (B loops): the pistons and bars */
  balancing: withContrast(OKABE_ITO.reddishPurple, PANEL, 3.2),
  /** their tags (B1, B2, ...) are text: 4.5:1 */
  balancingText: withContrast(OKABE_ITO.reddishPurple, 0xf3f2ee, 4.6),
  good: withContrast(OKABE_ITO.bluishGreen, PANEL, 3),
  bad: withContrast(OKABE_ITO.vermillion, PANEL, 3),
  /** the player's own cards: their pulse's plate and label */
  played: 0x1a4fd6 as Rgb,
  eventNeutral: 0x6b7280 as Rgb,
  meta: OKABE_ITO.blue,
  /** dark rim baked into every client dot, so light hues still stand out on white */
  dotRim: 0x2a2f36 as Rgb,
};

/**
 * What each colour is for, as the contrast test reads it: 'text' needs 4.5:1 on the panel, 'graphic'
 * 3:1 (WCAG 1.4.3 and 1.4.11), 'decoration' nothing (outlines and guides whose meaning is carried by
 * something else).
 */
export const PALETTE_ROLE: Record<keyof typeof PALETTE, 'text' | 'graphic' | 'decoration' | 'background'> = {
  background: 'background',
  panel: 'background',
  panelBorder: 'decoration',
  grid: 'decoration',
  frame: 'graphic',
  text: 'text',
  textMuted: 'text',
  positive: 'graphic',
  negative: 'graphic',
  neutral: 'graphic',
  station: 'graphic',
  stationRing: 'graphic',
  stationLevel: 'graphic',
  virtuous: 'graphic',
  vicious: 'graphic',
  damped: 'graphic',
  balancing: 'graphic',
  balancingText: 'text',
  good: 'graphic',
  bad: 'graphic',
  played: 'text',
  eventNeutral: 'graphic',
  meta: 'graphic',
  dotRim: 'graphic',
};

/** A colour as CSS hex ("#0072b2"), for the DOM legend that mirrors the canvas. */
export function cssHex(rgb: Rgb): string {
  return `#${rgb.toString(16).padStart(6, '0')}`;
}

/** Manager hues (fill) and the darkened stroke that reaches 3:1 on the panel. */
export const MANAGER_COLOURS: Record<ManagerId, { fill: Rgb; stroke: Rgb }> = {
  W: { fill: OKABE_ITO.orange, stroke: withContrast(OKABE_ITO.orange, PANEL, 3) },
  D: { fill: OKABE_ITO.skyBlue, stroke: withContrast(OKABE_ITO.skyBlue, PANEL, 3) },
  H: { fill: OKABE_ITO.bluishGreen, stroke: withContrast(OKABE_ITO.bluishGreen, PANEL, 3) },
  P: { fill: OKABE_ITO.reddishPurple, stroke: withContrast(OKABE_ITO.reddishPurple, PANEL, 3) },
};

/** Client statuses: hue plus a shape each (the shape is the non-colour cue while a dot travels). */
export const STATUS_STYLE: Record<Status, { colour: Rgb; shape: DotShape }> = {
  benefit: { colour: OKABE_ITO.orange, shape: 'circle' },
  trajectory: { colour: OKABE_ITO.skyBlue, shape: 'triangle' },
  participation: { colour: OKABE_ITO.reddishPurple, shape: 'diamond' },
  subsidised: { colour: OKABE_ITO.yellow, shape: 'square' },
  employed: { colour: OKABE_ITO.bluishGreen, shape: 'plus' },
  exited: { colour: OKABE_ITO.grey, shape: 'ring' },
};
export type DotShape = 'circle' | 'triangle' | 'diamond' | 'square' | 'plus' | 'ring';

export const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "DejaVu Sans", sans-serif';
