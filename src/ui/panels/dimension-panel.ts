// The four dimensions of success (Compton and 't Hart) with McConnell's labels, on the report's scale.
import { h, type Texts } from '../dom';
import { DIMENSIONS } from '../../engine/sandbox-api';
import { labelBadge, panelSection, ReportPanel, scaleText, scoreBar } from './panel-parts';

export class DimensionPanel extends ReportPanel {
  readonly root: HTMLElement;
  private list: HTMLElement;
  private scale: HTMLElement;

  constructor(texts: Texts) {
    super(texts);
    this.list = h('dl', { class: 'dimensions' });
    this.scale = h('p', { class: 'hint' });
    this.root = panelSection(texts, 'dimension', null, this.monthEl, this.list, this.scale);
    this.follow();
  }

  protected render(): void {
    const { i18n } = this.texts;
    const d = this.report?.dimensions;
    const signature = [i18n.lang, ...(d ? Object.values(d).map((v) => `${i18n.score(v.score)}${v.label}`) : [])].join('|');
    if (!this.changed(signature)) return;
    this.scale.textContent = this.report ? scaleText(i18n, this.report.labelScale) : '';
    this.list.replaceChildren(
      ...DIMENSIONS.map((key) => {
        const v = this.report?.dimensions[key];
        return h(
          'div',
          { class: 'dimension', 'data-dimension': key, 'data-label': v?.label ?? '' },
          h('dt', {}, h('span', { class: 'dimension-name' }, i18n.t(`dimension.${key}`)), h('span', { class: 'hint' }, i18n.t(`dimension.${key}.hint`))),
          h('dd', {}, scoreBar(v?.score ?? NaN), h('span', { class: 'num' }, i18n.score(v?.score ?? NaN)), v ? labelBadge('span', i18n, v.label) : null),
        );
      }),
    );
  }
}
