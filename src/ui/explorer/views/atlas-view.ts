// The atlas of strategies against contexts: an HTML table (rows: strategies, columns: contexts), each
// cell the strategy's mean score in that context, shaded by its rank there, marked ★ when best and ▲ in
// the top fifth (shape and word, never colour alone). The student's strategy is a marked row. A table is
// its own text alternative; the sentence above it says what to look for.
import { h } from '../../dom';

export interface AtlasRow {
  key: string;
  /** the strategy in words (two short lines) */
  label: [string, string];
  yours: boolean;
  /** per context: mean score, rank (1 = best), and whether it is in the top fifth */
  cells: { score: number; rank: number; top: boolean; best: boolean }[];
}

export interface AtlasData {
  caption: string;
  strategyHead: string;
  countHead: string;
  contexts: string[];
  rows: AtlasRow[];
  /** ranks run from 1 to this */
  count: number;
  format: (v: number) => string;
  words: { best: string; top: string; yours: string };
}

/** a light blue tint for good ranks, near white for poor ones (text stays dark: contrast above 7:1) */
function shade(rank: number, count: number): string {
  const t = count > 1 ? 1 - (rank - 1) / (count - 1) : 1;
  const l = 97 - 22 * t;
  return `hsl(210 60% ${l.toFixed(1)}%)`;
}

export function atlasTable(d: AtlasData): HTMLElement {
  const head = h(
    'tr',
    {},
    h('th', { scope: 'col' }, d.strategyHead),
    ...d.contexts.map((c) => h('th', { scope: 'col', class: 'num' }, c)),
    h('th', { scope: 'col', class: 'num' }, d.countHead),
  );
  const rows = d.rows.map((r) =>
    h(
      'tr',
      { class: r.yours ? 'yours' : null, 'data-strategy': r.key },
      h('th', { scope: 'row' }, r.yours ? h('strong', {}, d.words.yours) : null, r.yours ? h('br') : null, h('span', { class: 'atlas-line' }, r.label[0]), h('br'), h('span', { class: 'atlas-line muted' }, r.label[1])),
      ...r.cells.map((c) =>
        h(
          'td',
          { class: 'num atlas-cell', style: `background:${shade(c.rank, d.count)}`, 'data-rank': c.rank, 'data-top': String(c.top) },
          d.format(c.score),
          c.best ? h('span', { class: 'mark' }, h('span', { 'aria-hidden': 'true' }, ' ★'), h('span', { class: 'visually-hidden' }, ` (${d.words.best})`)) : c.top ? h('span', { class: 'mark' }, h('span', { 'aria-hidden': 'true' }, ' ▲'), h('span', { class: 'visually-hidden' }, ` (${d.words.top})`)) : null,
        ),
      ),
      h('td', { class: 'num' }, String(r.cells.filter((c) => c.top).length)),
    ),
  );
  // the title above the scroll box, so it wraps at the box's width (a caption is as wide as the table,
  // and the box cuts it off where the table scrolls); screen readers hear it once, as the caption
  return h(
    'div',
    { class: 'atlas-box' },
    h('p', { class: 'table-title', 'aria-hidden': 'true' }, d.caption),
    h('div', { class: 'scroll-x atlas-scroll', tabindex: '0', role: 'region', 'aria-label': d.caption }, h('table', { class: 'data atlas', 'data-table': 'atlas' }, h('caption', { class: 'visually-hidden' }, d.caption), h('thead', {}, head), h('tbody', {}, ...rows))),
  );
}
