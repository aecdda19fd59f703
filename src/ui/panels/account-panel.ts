// Moore's public value account of the run so far: costs against achievements, in raw units and scores.
import { h, heading, type Texts } from '../dom';
import { ACCOUNT_ACHIEVEMENTS, ACCOUNT_COSTS, type AccountLine, type RunReport } from '../../engine/sandbox-api';
import type { I18n } from '../i18n/index';
import { clamp01 } from './verdict-panel';

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

export class AccountPanel {
  readonly root: HTMLElement;
  private body: HTMLElement;
  private report: RunReport | null = null;
  private shown = '';

  constructor(private readonly texts: Texts) {
    this.body = h('div', { class: 'account-body' });
    this.root = h(
      'section',
      { class: 'panel account-panel', 'aria-labelledby': 'account-heading' },
      heading(texts, 2, 'account.heading', { id: 'account-heading' }),
      texts.text(h('p', { class: 'intro' }), 'account.intro'),
      this.body,
    );
    texts.on(() => this.render());
  }

  update(report: RunReport | null): void {
    this.report = report;
    this.render();
  }

  private render(): void {
    const { i18n } = this.texts;
    const r = this.report;
    const signature = [i18n.lang, ...(r?.account ?? []).map((l) => `${formatRaw(i18n, l)}/${i18n.score(l.score)}`)].join('|');
    if (signature === this.shown) return;
    this.shown = signature;
    const lines = (keys: readonly string[]) => (r ? r.account.filter((l) => keys.includes(l.key)) : []);
    const table = (title: 'account.costs' | 'account.achievements', list: AccountLine[]) =>
      h(
        'table',
        { class: 'data account' },
        h('caption', {}, i18n.t(title)),
        h(
          'thead',
          {},
          h('tr', {}, h('th', { scope: 'col' }, i18n.t('account.item')), h('th', { scope: 'col', class: 'num' }, i18n.t('account.raw')), h('th', { scope: 'col', class: 'num' }, i18n.t('account.score'))),
        ),
        h(
          'tbody',
          {},
          ...list.map((l) =>
            h(
              'tr',
              { 'data-account': l.key },
              h('th', { scope: 'row' }, i18n.t(`account.${l.key}`)),
              h('td', { class: 'num' }, formatRaw(i18n, l)),
              h('td', { class: 'num' }, h('span', { class: 'score-bar', style: `--score:${clamp01(l.score)}`, 'aria-hidden': 'true' }), i18n.score(l.score)),
            ),
          ),
        ),
      );
    this.body.replaceChildren(table('account.costs', lines(ACCOUNT_COSTS)), table('account.achievements', lines(ACCOUNT_ACHIEVEMENTS)));
  }
}
