// "Success is relative": every manager's and every audience's own verdict side by side, with a one-line
// answer to the question a newcomer asks (who calls it a success, who does not).
import { h, type Texts } from '../dom';
import { AUDIENCE_IDS, MANAGER_IDS, type Verdict } from '../../model/types';
import type { RunReport } from '../../engine/sandbox-api';
import type { I18n } from '../i18n/index';
import { ANSWER_GLYPH, answerBadge, answerOf, colHead, dataTable, glyph, panelSection, ReportPanel, rowHead, scoreBar, type Answer } from './panel-parts';

export interface Stakeholder {
  key: string;
  name: string;
  verdict: Verdict;
}

export function stakeholders(i18n: I18n, r: RunReport): Stakeholder[] {
  return [
    ...MANAGER_IDS.map((id) => ({ key: `manager-${id}`, name: i18n.t(`manager.${id}`), verdict: r.managers[id] })),
    ...AUDIENCE_IDS.map((id) => ({ key: `audience-${id}`, name: i18n.t(`audience.${id}`), verdict: r.audiences[id] })),
  ];
}

export function verdictHeadline(i18n: I18n, r: RunReport): string[] {
  const all = stakeholders(i18n, r);
  const names = (a: Answer) => all.filter((s) => answerOf(s.verdict.label) === a).map((s) => s.name);
  const yes = names('yes');
  const mixed = names('mixed');
  const no = names('no');
  const lines = [
    i18n.t('verdict.successFor', { list: yes.length ? i18n.list(yes) : i18n.t('verdict.nobody') }),
    i18n.t('verdict.notFor', { list: no.length ? i18n.list(no) : i18n.t('verdict.nobody') }),
  ];
  if (mixed.length) lines.push(i18n.t('verdict.mixedFor', { list: i18n.list(mixed) }));
  return lines;
}

export class VerdictPanel extends ReportPanel {
  readonly root: HTMLElement;
  /** the same answer in one line, for the top of the page (placed by app.ts) */
  readonly strip: HTMLElement;
  private stripText: HTMLElement;
  private headline: HTMLElement;
  private body: HTMLElement;

  constructor(texts: Texts) {
    super(texts);
    this.headline = h('div', { class: 'verdict-headline' });
    this.stripText = h('span');
    const more = texts.text(h('a', { href: '#verdict-heading' }), 'verdict.more');
    this.strip = h('p', { class: 'verdict-strip' }, texts.text(h('strong'), 'verdict.heading'), ' ', this.stripText, ' ', more);
    this.body = h('div', { class: 'verdict-body' });
    this.root = panelSection(texts, 'verdict', 'verdict.intro', this.headline, this.body);
    texts.on(() => this.render());
  }

  protected render(): void {
    const { i18n } = this.texts;
    const r = this.report;
    if (!r) {
      this.forget();
      this.stripText.textContent = i18n.t('verdict.none');
      this.headline.replaceChildren(h('p', {}, i18n.t('verdict.none')));
      this.body.replaceChildren();
      return;
    }
    const all0 = stakeholders(i18n, r);
    const signature = [i18n.lang, ...all0.map((s) => `${i18n.score(s.verdict.score)}${s.verdict.label}`)].join('|');
    if (!this.changed(signature)) return;
    const lines = verdictHeadline(i18n, r);
    this.stripText.textContent = lines.join(' ');
    this.headline.replaceChildren(
      ...lines.map((line, i) => h('p', { class: `headline-${['yes', 'no', 'mixed'][i]}` }, glyph(ANSWER_GLYPH[(['yes', 'no', 'mixed'] as const)[i]]), line)),
    );
    const all = all0;
    const group = (title: string, list: Stakeholder[]) =>
      dataTable(
        'data verdicts',
        title,
        [colHead(i18n.t('verdict.who')), colHead(i18n.t('verdict.score'), 'num'), colHead(i18n.t('verdict.label'))],
        list.map((s) =>
          h(
            'tr',
            { 'data-stakeholder': s.key, 'data-answer': answerOf(s.verdict.label) },
            rowHead(s.name),
            h('td', { class: 'num' }, scoreBar(s.verdict.score), i18n.score(s.verdict.score)),
            answerBadge('td', i18n, s.verdict.label),
          ),
        ),
      );
    this.body.replaceChildren(group(i18n.t('verdict.managers'), all.slice(0, MANAGER_IDS.length)), group(i18n.t('verdict.audiences'), all.slice(MANAGER_IDS.length)));
  }
}
