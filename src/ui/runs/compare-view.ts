// Two runs side by side, and their difference: the meta triangle and the managers' corners, the public
// value account's scores, the four dimensions and every stakeholder's verdict, each as A, B and B − A.
// A component: `new CompareView(texts)`, `update(a, b)` with two kept runs (or a report each), `root`
// into any container, `dispose()`.
import { h, type Texts } from '../dom';
import { ACCOUNT_ACHIEVEMENTS, ACCOUNT_COSTS, DIMENSIONS, type RunReport, type TriangleCorners } from '../../engine/sandbox-api';
import { CORNERS, MANAGER_IDS } from '../../model/types';
import type { I18n } from '../i18n/index';
import { colHead, boxedTable, labelBadge, rowHead } from '../panels/panel-parts';
import { stakeholders } from '../panels/verdict-panel';
import { PALETTE, cssHex } from '../stage/palette';

export interface ComparedRun {
  /** how the run is named in the headers ("Baseline, seed 1, month 24 of 96") */
  name: string;
  report: RunReport;
  /** its link (opens the run again) */
  href?: string;
}

const NS = 'http://www.w3.org/2000/svg';

/** a radar triangle of the three corners (value up, capacity right, legitimacy left) in a 120x104 box */
export function triangleSvg(c: TriangleCorners, colour: string, label: string): SVGSVGElement {
  const r = 48;
  const cx = 60;
  const cy = 58;
  const at = (v: number, a: number) => `${(cx + v * r * Math.cos(a)).toFixed(1)},${(cy + v * r * Math.sin(a)).toFixed(1)}`;
  const A = [-Math.PI / 2, Math.PI / 6, (5 * Math.PI) / 6];
  const pts = (v: number, k: number, l: number) => `${at(v, A[0])} ${at(k, A[1])} ${at(l, A[2])}`;
  const mean = (c.value + c.capacity + c.legitimacy) / 3;
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('viewBox', '0 0 120 90');
  svg.setAttribute('width', '120');
  svg.setAttribute('height', '90');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  svg.innerHTML =
    `<polygon points="${pts(1, 1, 1)}" fill="none" stroke="${cssHex(PALETTE.frame)}" stroke-width="1.5"/>` +
    `<polygon points="${pts(0.5, 0.5, 0.5)}" fill="none" stroke="${cssHex(PALETTE.grid)}"/>` +
    `<polygon points="${pts(mean, mean, mean)}" fill="none" stroke="${cssHex(PALETTE.textMuted)}" stroke-width="1.2"/>` +
    `<polygon points="${pts(c.value, c.capacity, c.legitimacy)}" fill="${colour}" fill-opacity="0.35" stroke="${colour}" stroke-width="2.5" stroke-linejoin="round"/>`;
  return svg;
}

function diffCell(i18n: I18n, d: number): HTMLTableCellElement {
  const points = Math.round(d * 100);
  return h('td', { class: `num diff ${points > 0 ? 'diff-up' : points < 0 ? 'diff-down' : ''}` }, points === 0 ? i18n.t('compare.same') : i18n.signed(points));
}

export class CompareView {
  readonly root: HTMLElement;
  private a: ComparedRun | null = null;
  private b: ComparedRun | null = null;
  private unfollow: () => void;

  constructor(private readonly texts: Texts) {
    this.root = h('div', { class: 'compare-view', 'data-view': 'compare' });
    this.unfollow = texts.on(() => this.render());
  }

  update(a: ComparedRun | null, b: ComparedRun | null): void {
    this.a = a;
    this.b = b;
    this.render();
  }

  dispose(): void {
    this.unfollow();
    this.root.remove();
  }

  private render(): void {
    const { i18n } = this.texts;
    const { a, b } = this;
    if (!a || !b) {
      this.root.replaceChildren(h('p', { class: 'hint' }, i18n.t('compare.pickTwo')));
      return;
    }
    const A = i18n.t('compare.a');
    const B = i18n.t('compare.b');
    const heads = (first: string) => [colHead(first), colHead(A, 'num'), colHead(B, 'num'), colHead(i18n.t('compare.difference'), 'num')];
    const name = (run: ComparedRun, letter: string) =>
      h('div', { class: 'compare-run' }, h('strong', {}, `${letter}: `), run.href ? h('a', { href: run.href }, run.name) : run.name);

    // triangles: the municipality's for each run, then every corner of every triangle as numbers
    const meta = (run: ComparedRun, letter: string, colour: string) =>
      h('figure', { class: 'compare-triangle' }, triangleSvg(run.report.triangles.municipality, colour, `${letter}: ${i18n.t('municipality')}`), h('figcaption', {}, `${letter}: ${i18n.t('municipality')}`));
    const triRows = [
      { who: i18n.t('municipality'), ta: a.report.triangles.municipality, tb: b.report.triangles.municipality },
      ...MANAGER_IDS.map((id) => ({ who: i18n.t(`manager.${id}`), ta: a.report.triangles.managers[id], tb: b.report.triangles.managers[id] })),
    ].flatMap(({ who, ta, tb }) =>
      CORNERS.map((corner) =>
        h('tr', {}, rowHead(`${who}: ${i18n.t(`corner.${corner}.short`)}`), h('td', { class: 'num' }, i18n.score(ta[corner])), h('td', { class: 'num' }, i18n.score(tb[corner])), diffCell(i18n, tb[corner] - ta[corner])),
      ),
    );
    const triangles = h(
      'section',
      { class: 'compare-section' },
      h('h3', {}, i18n.t('compare.triangles')),
      h('div', { class: 'compare-triangles' }, meta(a, A, cssHex(PALETTE.meta)), meta(b, B, cssHex(MANAGER_DARK))),
      boxedTable('data compare-table', hiddenCaption(i18n.t('compare.triangles')), heads(i18n.t('compare.measure')), triRows),
    );

    const accountRows = [...ACCOUNT_COSTS, ...ACCOUNT_ACHIEVEMENTS].map((key) => {
      const la = a.report.account.find((l) => l.key === key)!;
      const lb = b.report.account.find((l) => l.key === key)!;
      return h('tr', { 'data-account': key }, rowHead(i18n.t(`account.${key}`)), h('td', { class: 'num' }, i18n.score(la.score)), h('td', { class: 'num' }, i18n.score(lb.score)), diffCell(i18n, lb.score - la.score));
    });
    accountRows.push(
      h('tr', {}, rowHead(i18n.t('compare.composite')), h('td', { class: 'num' }, i18n.score(a.report.twin.composite)), h('td', { class: 'num' }, i18n.score(b.report.twin.composite)), diffCell(i18n, b.report.twin.composite - a.report.twin.composite)),
    );
    const account = h('section', { class: 'compare-section' }, h('h3', {}, i18n.t('compare.account')), boxedTable('data compare-table', hiddenCaption(i18n.t('compare.account')), heads(i18n.t('account.item')), accountRows));

    const verdictRow = (label: string, va: { score: number; label: Parameters<typeof labelBadge>[2] }, vb: typeof va) =>
      h('tr', {}, rowHead(label), cellWith(i18n, va), cellWith(i18n, vb), diffCell(i18n, vb.score - va.score));
    const dimensions = h(
      'section',
      { class: 'compare-section' },
      h('h3', {}, i18n.t('compare.dimensions')),
      boxedTable('data compare-table', hiddenCaption(i18n.t('compare.dimensions')), heads(i18n.t('compare.measure')), DIMENSIONS.map((d) => verdictRow(i18n.t(`dimension.${d}`), a.report.dimensions[d], b.report.dimensions[d]))),
    );
    const sa = stakeholders(i18n, a.report);
    const sb = stakeholders(i18n, b.report);
    const verdicts = h(
      'section',
      { class: 'compare-section' },
      h('h3', {}, i18n.t('compare.verdicts')),
      boxedTable('data compare-table', hiddenCaption(i18n.t('compare.verdicts')), heads(i18n.t('verdict.who')), sa.map((s, i) => verdictRow(s.name, s.verdict, sb[i].verdict))),
    );
    this.root.replaceChildren(h('div', { class: 'compare-runs' }, name(a, A), name(b, B)), h('div', { class: 'compare-grid' }, triangles, account, dimensions, verdicts));
  }
}

/** a table's caption for assistive technology (the section's heading says the same on screen) */
const hiddenCaption = (text: string) => h('caption', { class: 'visually-hidden' }, text);

/** the second run's triangle: a dark orange that keeps 3:1 on white, unlike the meta blue */
const MANAGER_DARK = 0x9a5b00;

function cellWith(i18n: I18n, v: { score: number; label: Parameters<typeof labelBadge>[2] }): HTMLTableCellElement {
  const td = h('td', { class: 'num' }, `${i18n.score(v.score)} `);
  td.append(labelBadge('span', i18n, v.label));
  return td;
}
