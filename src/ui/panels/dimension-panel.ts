// The four dimensions of success (Compton and 't Hart) with McConnell's labels.
import { h, heading, type Texts } from '../dom';
import { DIMENSIONS, type RunReport } from '../../engine/sandbox-api';
import { ANSWER_GLYPH, answerOf, clamp01 } from './verdict-panel';

export class DimensionPanel {
  readonly root: HTMLElement;
  private list: HTMLElement;
  private report: RunReport | null = null;
  private shown = '';

  constructor(private readonly texts: Texts) {
    this.list = h('dl', { class: 'dimensions' });
    this.root = h(
      'section',
      { class: 'panel dimension-panel', 'aria-labelledby': 'dimension-heading' },
      heading(texts, 2, 'dimension.heading', { id: 'dimension-heading' }),
      this.list,
    );
    texts.on(() => this.render());
  }

  update(report: RunReport | null): void {
    this.report = report;
    this.render();
  }

  private render(): void {
    const { i18n } = this.texts;
    const d = this.report?.dimensions;
    const signature = [i18n.lang, ...(d ? Object.values(d).map((v) => `${i18n.score(v.score)}${v.label}`) : [])].join('|');
    if (signature === this.shown) return;
    this.shown = signature;
    this.list.replaceChildren(
      ...DIMENSIONS.map((d) => {
        const v = this.report?.dimensions[d];
        const answer = v ? answerOf(v.label) : null;
        return h(
          'div',
          { class: 'dimension', 'data-dimension': d, 'data-answer': answer ?? '' },
          h('dt', {}, i18n.t(`dimension.${d}`), h('span', { class: 'hint' }, i18n.t(`dimension.${d}.hint`))),
          h(
            'dd',
            {},
            h('span', { class: 'score-bar', style: `--score:${clamp01(v?.score ?? NaN)}`, 'aria-hidden': 'true' }),
            h('span', { class: 'num' }, i18n.score(v?.score ?? NaN)),
            v && answer ? h('span', { class: `answer answer-${answer}` }, h('span', { class: 'glyph', 'aria-hidden': 'true' }, ANSWER_GLYPH[answer]), i18n.t(`label.${v.label}`)) : null,
          ),
        );
      }),
    );
  }
}
