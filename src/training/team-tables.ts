// Teams' results as tables: teams side by side (facilitator, projector, debrief), one team's managers and
// audiences (the god view), and a small SVG triangle with its words. Everything is text nodes: names
// typed by people are never markup.
import { h } from '../ui/dom';
import { answerBadge, boxedTable, colHead, rowHead, scoreBar } from '../ui/panels/panel-parts';
import { AUDIENCE_IDS, CORNERS, MANAGER_IDS, type CornerTriple } from '../model/types';
import { DIMENSIONS } from '../engine/sandbox-api';
import type { TeamResult } from '../session/model-api';
import type { TrainingContext } from './context';

export type Measure = 'stock' | 'toWork' | 'composite' | 'regime' | 'meta' | 'luck' | 'dimensions' | 'twin';

/** one row per measure, one column per team; in a box that scrolls sideways when a phone is narrower */
export function teamsSideBySide(ctx: TrainingContext, names: string[], results: (TeamResult | null)[], measures: Measure[], caption: string): HTMLElement {
  const { i18n } = ctx;
  const rows: HTMLTableRowElement[] = [];
  const row = (label: string, cells: (Node | string)[], key: string) => rows.push(h('tr', { 'data-measure': key }, rowHead(label), ...cells.map((c) => h('td', { class: 'num' }, c))));
  const each = (f: (r: TeamResult) => Node | string) => results.map((r) => (r ? f(r) : '–'));
  for (const m of measures) {
    if (m === 'stock') row(ctx.tt('tr.team.stock'), each((r) => i18n.int(r.headline.stock ?? NaN)), m);
    else if (m === 'toWork') row(ctx.tt('tr.team.toWork'), each((r) => i18n.int(r.headline.toWorkThisRound)), m);
    else if (m === 'composite') row(ctx.tt('tr.team.composite'), each((r) => h('span', {}, scoreBar(r.headline.composite ?? NaN), i18n.score(r.headline.composite ?? NaN))), m);
    else if (m === 'regime') row(ctx.tt('tr.team.regime'), each((r) => (r.snapshot ? i18n.t(`regimeLabel.${r.snapshot.loop.regime}`) : '–')), m);
    else if (m === 'meta') {
      for (const c of CORNERS) row(`${ctx.tt('tr.team.meta')}: ${i18n.t(`corner.${c}.short`)}`, each((r) => (r.snapshot ? i18n.pct(r.snapshot.meta.corners[c]) : '–')), `meta-${c}`);
    } else if (m === 'luck') row(i18n.t('luck.heading'), each((r) => ctx.tt('tr.team.luck', { good: r.luck.good, bad: r.luck.bad })), m);
    else if (m === 'dimensions') {
      for (const d of DIMENSIONS) row(i18n.t(`dimension.${d}`), each((r) => (r.report ? answerBadge('span', i18n, r.report.dimensions[d].label) : '–')), `dimension-${d}`);
    } else if (m === 'twin') {
      row(`${i18n.t('twin.difference')}: ${i18n.t('twin.composite')}`, each((r) => (r.report ? i18n.signed((r.report.twin.composite - r.report.twin.twinComposite) * 100) : '–')), 'twin-composite');
      row(`${i18n.t('twin.difference')}: ${i18n.t('twin.stock')}`, each((r) => (r.report ? i18n.signed(r.report.twin.stock - r.report.twin.twinStock) : '–')), 'twin-stock');
    }
  }
  return boxedTable('data teams-side', caption, [colHead(ctx.tt('tr.deb.measure')), ...names.map((n) => colHead(n, 'num'))], rows);
}

/** one team's four managers (who plays them, their triangle, their verdict) and its audiences' support */
export function teamDetail(ctx: TrainingContext, name: string, r: TeamResult | null): HTMLElement {
  const { i18n } = ctx;
  if (!r) return h('div', { class: 'team-detail' }, h('h3', {}, name), h('p', {}, ctx.tt('tr.team.none')));
  const managers = boxedTable(
    'data team-managers',
    ctx.tt('tr.deb.teamDetail', { team: name }),
    [colHead(ctx.tt('tr.fac.role')), ...CORNERS.map((c) => colHead(i18n.t(`corner.${c}.short`), 'num')), colHead(i18n.t('verdict.label'))],
    MANAGER_IDS.map((id) => {
      const v = r.roles[id];
      return h(
        'tr',
        { 'data-role': id },
        rowHead(`${i18n.t(`manager.${id}`)} (${ctx.tt(`tr.team.control.${v.control}`)})`),
        ...CORNERS.map((c) => h('td', { class: 'num' }, i18n.pct(v.corners[c]))),
        r.snapshot ? answerBadge('td', i18n, v.verdict.label) : h('td', {}, '–'),
      );
    }),
  );
  const support = r.snapshot
    ? boxedTable(
        'data team-audiences',
        i18n.t('verdict.audiences'),
        [colHead(i18n.t('verdict.who')), colHead(i18n.t('verdict.score'), 'num')],
        AUDIENCE_IDS.map((a) => h('tr', {}, rowHead(i18n.t(`audience.${a}`)), h('td', { class: 'num' }, scoreBar(r.snapshot!.audiences[a].support), i18n.pct(r.snapshot!.audiences[a].support)))),
      )
    : null;
  return h('div', { class: 'team-detail' }, h('h3', {}, name), managers, support);
}

/** a strategic triangle as a small SVG (decorative) plus the same three numbers in words */
export function triangleFigure(ctx: TrainingContext, corners: CornerTriple, label: string): HTMLElement {
  const size = 120;
  const cx = size / 2;
  const top = { x: cx, y: 8 };
  const left = { x: 8, y: size - 8 };
  const right = { x: size - 8, y: size - 8 };
  const centre = { x: cx, y: (top.y + left.y + right.y) / 3 };
  const at = (p: { x: number; y: number }, v: number) => `${(centre.x + (p.x - centre.x) * v).toFixed(1)},${(centre.y + (p.y - centre.y) * v).toFixed(1)}`;
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', `0 0 ${size} ${size}`);
  svg.setAttribute('class', 'triangle-svg');
  svg.setAttribute('aria-hidden', 'true');
  const outline = document.createElementNS(ns, 'polygon');
  outline.setAttribute('points', [top, right, left].map((p) => `${p.x},${p.y}`).join(' '));
  outline.setAttribute('class', 'triangle-outline');
  const shape = document.createElementNS(ns, 'polygon');
  shape.setAttribute('points', [at(top, corners.value), at(right, corners.capacity), at(left, corners.legitimacy)].join(' '));
  shape.setAttribute('class', 'triangle-shape');
  svg.append(outline, shape);
  const { i18n } = ctx;
  const words = h(
    'ul',
    { class: 'triangle-words' },
    ...CORNERS.map((c) => h('li', { 'data-corner': c }, h('span', { class: `corner-dot corner-${c}`, 'aria-hidden': 'true' }), `${i18n.t(`corner.${c}`)}: `, h('strong', {}, i18n.pct(corners[c])))),
  );
  return h('figure', { class: 'triangle-figure' }, svg, h('figcaption', {}, h('span', { class: 'visually-hidden' }, label), words));
}
