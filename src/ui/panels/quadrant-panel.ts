// The deck's 2x2 of public values in labour integration (individual/collective x outcome/process),
// with the score of each quadrant.
import { h, type Texts } from '../dom';
import type { Quadrant } from '../../engine/sandbox-api';
import { clamp01, colHead, panelSection, ReportPanel, rowHead } from './panel-parts';

export class QuadrantPanel extends ReportPanel {
  readonly root: HTMLElement;
  private table: HTMLTableElement;

  constructor(texts: Texts) {
    super(texts);
    this.table = h('table', { class: 'quadrants' });
    this.root = panelSection(texts, 'quadrant', 'quadrant.intro', this.monthEl, this.table);
    this.follow();
  }

  protected render(): void {
    const { i18n } = this.texts;
    const q = this.report?.quadrants;
    const signature = [i18n.lang, ...(q ? Object.values(q).map((x) => i18n.score(x)) : [])].join('|');
    if (!this.changed(signature)) return;
    const cell = (q: Quadrant) => {
      const score = this.report?.quadrants[q] ?? NaN;
      return h(
        'td',
        { 'data-quadrant': q, style: `--score:${clamp01(score)}` },
        // the column's name, shown only when the 2x2 stacks on a phone
        h('span', { class: 'quadrant-col', 'aria-hidden': 'true' }, `${i18n.t(q.startsWith('individual') ? 'quadrant.individual' : 'quadrant.collective')} · ${i18n.t(q.endsWith('Outcome') ? 'quadrant.outcome' : 'quadrant.process')}`),
        h('span', { class: 'quadrant-score' }, i18n.score(score)),
        h('span', { class: 'quadrant-values' }, i18n.t(`quadrant.${q}`)),
      );
    };
    this.table.replaceChildren(
      h('caption', { class: 'visually-hidden' }, i18n.t('quadrant.heading')),
      h('thead', {}, h('tr', {}, h('td'), colHead(i18n.t('quadrant.outcome')), colHead(i18n.t('quadrant.process')))),
      h(
        'tbody',
        {},
        h('tr', {}, rowHead(i18n.t('quadrant.individual')), cell('individualOutcome'), cell('individualProcess')),
        h('tr', {}, rowHead(i18n.t('quadrant.collective')), cell('collectiveOutcome'), cell('collectiveProcess')),
      ),
    );
  }
}
