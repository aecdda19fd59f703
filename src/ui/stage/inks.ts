// What the stage draws in which colour, and where: the browser test samples the canvas pixels under
// each of these and checks the contrast against the panel (WCAG 1.4.3 for text, 1.4.11 for graphics),
// and that no text is drawn smaller than MIN_TEXT_PX. Pure bookkeeping: nothing here draws.
import type { BitmapText, Text } from 'pixi.js';
import type { Rgb } from './palette';
import type { StageInk } from './types';

/** A text's box (CSS px, stage coordinates) and its drawn size. */
export function textInk(name: string, t: Text | BitmapText, colour: Rgb): StageInk {
  const b = t.getBounds();
  const size = Number(t.style.fontSize) * Math.abs(t.scale.y);
  return { name, role: 'text', colour, x: b.x, y: b.y, width: b.width, height: b.height, fontPx: size, text: t.text };
}
