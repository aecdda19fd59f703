// The deck's 2x2 of public values in labour integration (individual/collective x outcome/process),
// with the score of each quadrant.
import { h, heading, type Texts } from '../dom';
import type { Quadrant, RunReport } from '../../engine/sandbox-api';
import { clamp01 } from './verdict-panel';

export class QuadrantPanel {
  readonly root: HTMLElement;
  private table: HTMLTableElement;
  private report: RunReport | null = null;
  private shown = '';

  constructor(private readonly texts: Texts) {
    this.table = h('table', { class: 'quadrants' });
    this.root = h(
      'section',
      { class: 'panel quadrant-panel', 'aria-labelledby': 'quadrant-heading' },
      heading(texts, 2, 'quadrant.heading', { id: 'quadrant-heading' }),
      texts.text(h('p', { class: 'intro' }), 'quadrant.intro'),
      this.table,
    );
    texts.on(() => this.render());
  }

  update(report: RunReport | null): void {
    this.report = report;
    this.render();
  }

  private render(): void {
    const { i18n } = this.texts;
    const q = this.report?.quadrants;
    const signature = [i18n.lang, ...(q ? Object.values(q).map((x) => i18n.score(x)) : [])].join('|');
    if (signature === this.shown) return;
    this.shown = signature;
    const cell = (q: Quadrant) => {
      const score = this.report?.quadrants[q] ?? NaN;
      return h(
        'td',
        { 'data-quadrant': q, style: `--score:${clamp01(score)}` },
        h('span', { class: 'quadrant-score' }, i18n.score(score)),
        h('span', { class: 'quadrant-values' }, i18n.t(`quadrant.${q}`)),
      );
    };
    this.table.replaceChildren(
      h('caption', { class: 'visually-hidden' }, i18n.t('quadrant.heading')),
      h('thead', {}, h('tr', {}, h('td'), h('th', { scope: 'col' }, i18n.t('quadrant.outcome')), h('th', { scope: 'col' }, i18n.t('quadrant.process')))),
      h(
        'tbody',
        {},
        h('tr', {}, h('th', { scope: 'row' }, i18n.t('quadrant.individual')), cell('individualOutcome'), cell('individualProcess')),
        h('tr', {}, h('th', { scope: 'row' }, i18n.t('quadrant.collective')), cell('collectiveOutcome'), cell('collectiveProcess')),
      ),
    );
  }
}
