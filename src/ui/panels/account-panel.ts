// Moore's public value account of the run so far: costs against achievements, in raw units and scores.
import { h, type Texts } from '../dom';
import { ACCOUNT_ACHIEVEMENTS, ACCOUNT_COSTS, type AccountLine } from '../../engine/sandbox-api';
import type { I18n } from '../i18n/index';
import { colHead, boxedTable, panelSection, ReportPanel, rowHead, scoreBar } from './panel-parts';

export function formatRaw(i18n: I18n, line: AccountLine): string {
  switch (line.unit) {
    case 'euro':
      return i18n.euro(line.raw);
    case 'share':
      return i18n.pct(line.raw);
    default:
      return i18n.t(`unit.${line.unit}`, { value: i18n.int(line.raw) });
  }
}

export class AccountPanel extends ReportPanel {
  readonly root: HTMLElement;
  private body: HTMLElement;

  constructor(texts: Texts) {
    super(texts);
    this.body = h('div', { class: 'account-body' });
    this.root = panelSection(texts, 'account', 'account.intro', this.monthEl, this.body);
    this.follow();
  }

  protected render(): void {
    const { i18n } = this.texts;
    const r = this.report;
    const signature = [i18n.lang, ...(r?.account ?? []).map((l) => `${formatRaw(i18n, l)}/${i18n.score(l.score)}`)].join('|');
    if (!this.changed(signature)) return;
    const lines = (keys: readonly string[]) => (r ? r.account.filter((l) => keys.includes(l.key)) : []);
    const table = (title: 'account.costs' | 'account.achievements', list: AccountLine[]) =>
      boxedTable(
        'data account',
        i18n.t(title),
        [colHead(i18n.t('account.item')), colHead(i18n.t('account.raw'), 'num'), colHead(i18n.t('account.score'), 'num')],
        list.map((l) =>
          h(
            'tr',
            { 'data-account': l.key },
            rowHead(i18n.t(`account.${l.key}`)),
            h('td', { class: 'num' }, formatRaw(i18n, l)),
            h('td', { class: 'num' }, scoreBar(l.score), i18n.score(l.score)),
          ),
        ),
      );
    this.body.replaceChildren(table('account.costs', lines(ACCOUNT_COSTS)), table('account.achievements', lines(ACCOUNT_ACHIEVEMENTS)));
  }
}
