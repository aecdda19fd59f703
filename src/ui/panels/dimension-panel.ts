// The four dimensions of success (Compton and 't Hart) with McConnell's labels.
import { h, type Texts } from '../dom';
import { DIMENSIONS } from '../../engine/sandbox-api';
import { answerBadge, answerOf, panelSection, ReportPanel, scoreBar } from './panel-parts';

export class DimensionPanel extends ReportPanel {
  readonly root: HTMLElement;
  private list: HTMLElement;

  constructor(texts: Texts) {
    super(texts);
    this.list = h('dl', { class: 'dimensions' });
    this.root = panelSection(texts, 'dimension', null, this.list);
    texts.on(() => this.render());
  }

  protected render(): void {
    const { i18n } = this.texts;
    const d = this.report?.dimensions;
    const signature = [i18n.lang, ...(d ? Object.values(d).map((v) => `${i18n.score(v.score)}${v.label}`) : [])].join('|');
    if (!this.changed(signature)) return;
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
            scoreBar(v?.score ?? NaN),
            h('span', { class: 'num' }, i18n.score(v?.score ?? NaN)),
            v && answer ? answerBadge('span', i18n, v.label) : null,
          ),
        );
      }),
    );
  }
}
