// What the issue-7 browser tests measure on a page: words split across lines, controls whose text does
// not fit, tables over each other, sideways scrolling, the month each panel shows, and the contrast of
// what the canvas draws, sampled from its pixels. Each returns what it found, so a failure names it.
import { afterAll, beforeAll, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { axe, hook, requireChromium, startHarness, type Harness } from './harness';

/** One built site and browser for a test file: the getter gives the harness once beforeAll has made it. */
export function useHarness(): () => Harness {
  let harness: Harness | null = null;
  beforeAll(async () => {
    requireChromium(); // fails (never skips) with the apt-get command when Chromium is missing
    harness = await startHarness();
  }, 180_000);
  afterAll(async () => {
    await harness?.close();
  });
  return () => {
    if (!harness) throw new Error('the harness is not started');
    return harness;
  };
}

/** axe-core finds no serious or critical violation in the page's present state. */
export async function expectNoSeriousAxe(page: Page, label: string): Promise<void> {
  const violations = await axe(page);
  expect(violations, `axe in state "${label}": ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

/** The page's elements laid out in full (panels below the fold skip layout until seen). */
export async function layOutEverything(page: Page): Promise<void> {
  await page.addStyleTag({ content: '.results .panel { content-visibility: visible !important; }' });
  await page.waitForTimeout(150);
}

/**
 * Words of visible text (in `root`) that the browser broke across two lines: "EUR 308,245 ,433",
 * "P r o c e s s". A word is a run of letters and digits; a break at a hyphen or a slash is a word boundary.
 */
export function brokenWords(page: Page, root = 'main'): Promise<string[]> {
  return page.evaluate((sel) => {
    const out: string[] = [];
    const base = document.querySelector(sel);
    if (!base) return ['no ' + sel];
    const walker = document.createTreeWalker(base, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n && out.length < 20; n = walker.nextNode()) {
      const t = n as Text;
      const el = t.parentElement;
      if (!el || el.closest('.visually-hidden, [hidden], .stage-tip')) continue;
      const re = /[\p{L}\p{N}.,’'%€×]+/gu;
      for (let m = re.exec(t.data); m; m = re.exec(t.data)) {
        const word = m[0].replace(/[.,]+$/, '');
        if (word.length < 2) continue;
        const range = document.createRange();
        range.setStart(t, m.index);
        range.setEnd(t, m.index + word.length);
        const rects = [...range.getClientRects()].filter((r) => r.width > 0.5);
        if (rects.length === 0) continue;
        const lines = new Set(rects.map((r) => Math.round(r.top)));
        if (lines.size > 1) out.push(`"${word}" in ${el.tagName.toLowerCase()}.${el.className} (${lines.size} lines)`);
      }
    }
    return out;
  }, root);
}

/** Buttons, tabs and labels whose text is wider than the control (clipped or running out of it). */
export function clippedControls(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('main button, main label, main summary, main th, header button')]
      .filter((el) => el.offsetParent !== null && !el.closest('.visually-hidden, .stage-parts'))
      .filter((el) => el.scrollWidth > el.clientWidth + 1)
      .map((el) => `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 40)}" ${el.scrollWidth} > ${el.clientWidth}`),
  );
}

/** Pairs of visible tables whose boxes overlap (one printed over the other). */
export function overlappingTables(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const tables = [...document.querySelectorAll('table')].filter((t) => t.getClientRects().length > 0 && !t.closest('[hidden], dialog:not([open])'));
    // a table in a scroll box is seen only inside it
    const box = (t: Element) => {
      const r = t.getBoundingClientRect();
      const clip = t.closest('.table-scroll, .chart-table')?.getBoundingClientRect();
      if (!clip) return r;
      return new DOMRect(Math.max(r.left, clip.left), Math.max(r.top, clip.top), Math.min(r.right, clip.right) - Math.max(r.left, clip.left), Math.min(r.bottom, clip.bottom) - Math.max(r.top, clip.top));
    };
    const out: string[] = [];
    for (let i = 0; i < tables.length; i++) {
      for (let j = i + 1; j < tables.length; j++) {
        if (tables[i].contains(tables[j]) || tables[j].contains(tables[i])) continue;
        const a = box(tables[i]);
        const b = box(tables[j]);
        const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (x > 1 && y > 1) out.push(`"${tables[i].caption?.textContent}" over "${tables[j].caption?.textContent}" (${Math.round(x)}x${Math.round(y)} px)`);
      }
    }
    return out;
  });
}

/** How far the page scrolls sideways (0 when it does not). */
export function sidewaysScroll(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth));
}

/** The month each report panel says it shows, and the header's. */
export function panelMonths(page: Page): Promise<{ header: number; panels: Record<string, string> }> {
  return page.evaluate(() => {
    const header = Number(/\d+/.exec(document.querySelector('.month')?.textContent ?? '')?.[0] ?? -1);
    const panels: Record<string, string> = {};
    for (const el of document.querySelectorAll<HTMLElement>('[data-panel]')) {
      const m = el.querySelector<HTMLElement>('.panel-month');
      panels[el.dataset.panel!] = m?.dataset.month ?? 'none';
    }
    return { header, panels };
  });
}

export interface InkCheck {
  name: string;
  role: 'text' | 'graphic';
  measured: number;
  fontPx?: number;
  text?: string;
}

/**
 * The contrast of each thing the stage draws (its inks), measured on the canvas as shown: in each
 * ink's box, the most common colour is the background and the pixel furthest from it the ink.
 */
export async function canvasInks(page: Page): Promise<InkCheck[]> {
  const inks = await hook<{ name: string; role: 'text' | 'graphic'; x: number; y: number; width: number; height: number; fontPx?: number; text?: string }[]>(page, 'inks');
  const canvas = page.locator('.stage-host canvas');
  const png = await canvas.screenshot();
  return page.evaluate(
    async ({ b64, inks }) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const c = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = c.getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      const scale = bitmap.width / (document.querySelector('.stage-host canvas') as HTMLCanvasElement).getBoundingClientRect().width;
      const lum = (r: number, g: number, b: number) => {
        const ch = (v: number) => {
          const s = v / 255;
          return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        };
        return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b);
      };
      const ratio = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      return inks
        .filter((k) => k.width >= 1 && k.height >= 1 && (k.role === 'graphic' || (k.text ?? '').trim() !== ''))
        .map((k) => {
          const x0 = Math.max(0, Math.floor(k.x * scale));
          const y0 = Math.max(0, Math.floor(k.y * scale));
          const w = Math.max(1, Math.min(bitmap.width - x0, Math.ceil(k.width * scale)));
          const h = Math.max(1, Math.min(bitmap.height - y0, Math.ceil(k.height * scale)));
          const data = ctx.getImageData(x0, y0, w, h).data;
          const counts = new Map<number, number>();
          for (let i = 0; i < data.length; i += 4) {
            const key = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
            counts.set(key, (counts.get(key) ?? 0) + 1);
          }
          let bg = 0xffffff;
          let most = 0;
          for (const [key, n] of counts) if (n > most) [bg, most] = [key, n];
          const lb = lum((bg >> 16) & 255, (bg >> 8) & 255, bg & 255);
          let best = 1;
          for (const key of counts.keys()) best = Math.max(best, ratio(lum((key >> 16) & 255, (key >> 8) & 255, key & 255), lb));
          return { name: k.name, role: k.role, measured: Math.round(best * 100) / 100, fontPx: k.fontPx, text: k.text };
        });
    },
    { b64: png.toString('base64'), inks },
  );
}

/** The inks that fail WCAG: text under 4.5:1 or under 11 px, graphics under 3:1. */
export function failingInks(list: InkCheck[]): string[] {
  return list
    .filter((k) => (k.role === 'text' ? k.measured < 4.5 || (k.fontPx ?? 99) < 11 : k.measured < 3))
    .map((k) => `${k.name}${k.text ? ` "${k.text}"` : ''}: ${k.measured}:1${k.fontPx ? `, ${k.fontPx.toFixed(1)} px` : ''}`);
}

/**
 * Form controls that stick out of their panel (the seed field squeezed to a sliver and its button over
 * the panel's edge on a Dutch phone), and text fields too narrow to show a number.
 */
export function escapingControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('main button, main input, main select, header button')) {
      if (el.offsetParent === null || el.closest('.visually-hidden, .stage-parts, [hidden]')) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0) continue;
      const name = `${el.tagName.toLowerCase()} "${(el.textContent || (el as HTMLInputElement).value || el.className).trim().slice(0, 30)}"`;
      const box = el.closest('.panel, .site-header, .verdict-strip')?.getBoundingClientRect();
      if (box && (r.left < box.left - 1 || r.right > box.right + 1)) out.push(`${name} sticks out of its panel (${Math.round(r.left)}..${Math.round(r.right)} in ${Math.round(box.left)}..${Math.round(box.right)})`);
      if (el.matches('input[type=text], input:not([type])') && r.width < 3 * parseFloat(getComputedStyle(el).fontSize)) out.push(`${name} is only ${Math.round(r.width)} px wide`);
    }
    return out;
  });
}

/** Words of a chart (axis titles, ticks, legend) drawn outside its picture, where they are cut off. */
export function clippedChartText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const svg of document.querySelectorAll<SVGSVGElement>('svg.line-chart')) {
      if (svg.getClientRects().length === 0) continue;
      const box = svg.getBoundingClientRect();
      for (const t of svg.querySelectorAll('text')) {
        const r = t.getBoundingClientRect();
        if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1) out.push(`"${t.textContent}" outside the chart`);
      }
    }
    return out;
  });
}

/** Tables that do not fit their box and scroll sideways inside it (a desk's screen has the room). */
export function tablesScrollingSideways(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.table-scroll, .chart-table')]
      .filter((b) => b.getClientRects().length > 0 && b.scrollWidth > b.clientWidth + 1)
      .map((b) => `"${b.querySelector('caption')?.textContent ?? b.className}" is ${b.scrollWidth} px wide in ${b.clientWidth}`),
  );
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width - 1 && b.x < a.x + a.width - 1 && a.y < b.y + b.height - 1 && b.y < a.y + a.height - 1;
const inside = (a: Box, b: Box) => a.x >= b.x - 1 && a.y >= b.y - 1 && a.x + a.width <= b.x + b.width + 1 && a.y + a.height <= b.y + b.height + 1;

/**
 * On the stage: a zone's name or count outside its box, and any two words written over each other
 * (a name wrapped on two lines is a box that its count shares at the right of the second line: those
 * two are left out).
 */
export async function stageWordsOutOfPlace(page: Page): Promise<string[]> {
  const inks = await hook<(Box & { name: string; text?: string; role: string; fontPx?: number })[]>(page, 'inks');
  const parts = await hook<(Box & { kind: string; key: string })[]>(page, 'parts');
  const out: string[] = [];
  for (const zone of parts.filter((p) => p.kind === 'zone')) {
    for (const k of inks.filter((x) => x.name === `zone name ${zone.key}` || x.name === `zone count ${zone.key}`)) {
      if (!inside(k, zone)) out.push(`"${k.text}" runs out of its zone (${Math.round(k.x)},${Math.round(k.y)} ${Math.round(k.width)}x${Math.round(k.height)} in ${Math.round(zone.x)},${Math.round(zone.y)} ${Math.round(zone.width)}x${Math.round(zone.height)})`);
    }
  }
  const words = inks.filter((k) => k.role === 'text' && (k.text ?? '').trim() !== '' && k.width > 0);
  const wrapped = (k: (typeof words)[number]) => k.height > 1.7 * (k.fontPx ?? k.height);
  const x2 = (a: Box, b: Box) => Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x) > 2 && Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y) > 2;
  for (let i = 0; i < words.length; i++) {
    for (let j = i + 1; j < words.length; j++) {
      const [a, b] = [words[i], words[j]];
      const pair = [a.name, b.name].sort().join(' ');
      if (/^zone count (\w+) zone name \1$/.test(pair) && (wrapped(a) || wrapped(b))) continue;
      if (x2(a, b)) out.push(`"${a.text}" (${a.name}) over "${b.text}" (${b.name})`);
    }
  }
  return out;
}

/** On the stage: luck's labels over a station, a station's name or level, or each other. */
export async function luckLabelClashes(page: Page): Promise<string[]> {
  const inks = await hook<(Box & { name: string; text?: string })[]>(page, 'inks');
  const parts = await hook<(Box & { kind: string; key: string })[]>(page, 'parts');
  const labels = inks.filter((k) => k.name.startsWith('event label'));
  const obstacles = [
    ...parts.filter((p) => p.kind === 'station').map((p) => ({ ...p, what: `the ${p.key} station` })),
    ...inks.filter((k) => /^station (name|level) /.test(k.name)).map((k) => ({ ...k, what: `"${k.text}"` })),
  ];
  const out: string[] = [];
  for (const l of labels) for (const o of obstacles) if (overlaps(l, o)) out.push(`"${l.text}" over ${o.what}`);
  for (let i = 0; i < labels.length; i++) for (let j = i + 1; j < labels.length; j++) if (overlaps(labels[i], labels[j])) out.push(`"${labels[i].text}" over "${labels[j].text}"`);
  return out;
}

/** WCAG contrast of an element's text colour against its background colour (both as computed). */
export function textContrast(page: Page, selector: string): Promise<number> {
  return page.locator(selector).first().evaluate((el) => {
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? ['0', '0', '0']).slice(0, 3).map(Number);
    const lum = ([r, g, b]: number[]) => {
      const ch = (v: number) => {
        const s = v / 255;
        return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b);
    };
    // the first ancestor with a background that is not transparent
    let bg = 'rgb(255, 255, 255)';
    for (let e: Element | null = el; e; e = e.parentElement) {
      const c = getComputedStyle(e).backgroundColor;
      if (!/rgba\(.*,\s*0\)$/.test(c) && c !== 'transparent') {
        bg = c;
        break;
      }
    }
    const a = lum(rgb(getComputedStyle(el).color));
    const b = lum(rgb(bg));
    return Math.round(((Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)) * 100) / 100;
  });
}
