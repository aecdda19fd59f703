// Text on the stage. Names (translated, changing rarely) are Text; numbers that change every month
// are BitmapText drawn from one glyph atlas installed per stage (cheap to update).
import { BitmapFont, BitmapText, Text, type TextStyleFontWeight } from 'pixi.js';
import { FONT_FAMILY, PALETTE, type Rgb } from './palette';

let fontSerial = 0;

/** Install the numbers font for one stage; returns its name. Glyphs beyond the preset are added on demand. */
export function installNumberFont(resolution: number): string {
  const name = `meerwaarde-stage-numbers-${++fontSerial}`;
  BitmapFont.install({
    name,
    style: { fontFamily: FONT_FAMILY, fontSize: 30, fill: 0xffffff, fontWeight: '600' },
    chars: [['0', '9'], '%.,+-−–=G ×/\u00a0\u202f'],
    resolution: Math.max(2, Math.ceil(resolution)),
  });
  return name;
}

export function uninstallNumberFont(name: string): void {
  BitmapFont.uninstall(name);
}

export function label(fontSize: number, opts: { weight?: TextStyleFontWeight; fill?: Rgb; align?: 'left' | 'center' | 'right' } = {}): Text {
  return new Text({
    text: '',
    style: {
      fontFamily: FONT_FAMILY,
      fontSize,
      fontWeight: opts.weight ?? '400',
      fill: opts.fill ?? PALETTE.text,
      align: opts.align ?? 'left',
      lineHeight: Math.round(fontSize * 1.2),
    },
  });
}

export function numbers(fontName: string, fontSize: number, fill: Rgb = PALETTE.text): BitmapText {
  return new BitmapText({ text: '', style: { fontFamily: fontName, fontSize, fill } });
}

/** Set a text's size only when it changes (a change re-rasterises a Text). */
export function setFontSize(t: Text | BitmapText, size: number): void {
  if (t.style.fontSize === size) return;
  t.style.fontSize = size;
  if (t instanceof Text) t.style.lineHeight = Math.round(size * 1.2);
}

/** Shrink a text to fit `maxWidth` (never enlarge, never below `minScale`). */
export function fitWidth(t: Text | BitmapText, maxWidth: number, minScale = 0): void {
  t.scale.set(1);
  const w = t.width;
  if (w > maxWidth && maxWidth > 0) t.scale.set(Math.max(minScale, maxWidth / w));
}

/** Text on the stage is never drawn smaller than this many CSS px (the contrast test checks it). */
export const MIN_TEXT_PX = 11;
