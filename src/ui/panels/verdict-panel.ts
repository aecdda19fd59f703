// "Success is relative": every manager's and every audience's own verdict side by side, and one answer
// to the question a newcomer asks (who calls it what). The headline groups the stakeholders by their
// McConnell label, in the table's own words, so the two can never disagree (issue 7, defect 6: the
// headline said "a success for nobody" beside a table of "precarious successes"). The scale that turns
// scores into labels is shown from the report's labelScale.
import { h, setText, type Texts } from '../dom';
import { AUDIENCE_IDS, MANAGER_IDS, type McConnellLabel, type Verdict } from '../../model/types';
import type { RunReport } from '../../engine/sandbox-api';
import type { I18n } from '../i18n/index';
import { LABEL_GLYPH, LABEL_TONE, colHead, boxedTable, glyph, labelBadge, panelSection, ReportPanel, rowHead, scaleText, scoreBar } from './panel-parts';

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

export interface VerdictGroup {
  label: McConnellLabel;
  names: string[];
}

/** The stakeholders grouped by label, best label first (the report's scale order); empty groups left out. */
export function verdictGroups(i18n: I18n, r: RunReport): VerdictGroup[] {
  const all = stakeholders(i18n, r);
  return r.labelScale
    .map((step) => ({ label: step.label, names: all.filter((s) => s.verdict.label === step.label).map((s) => s.name) }))
    .filter((g) => g.names.length > 0);
}

/** One sentence per group: "Conflicted success: Alderman, Director and Employers." */
export function verdictHeadline(i18n: I18n, r: RunReport): string[] {
  return verdictGroups(i18n, r).map((g) => i18n.t('verdict.group', { label: i18n.t(`label.${g.label}`), list: i18n.list(g.names) }));
}

export class VerdictPanel extends ReportPanel {
  readonly root: HTMLElement;
  /** the same answer in one line, for the top of the page (placed by the layout) */
  readonly strip: HTMLElement;
  private stripText: HTMLElement;
  private stripMonth: HTMLElement;
  private headline: HTMLElement;
  private scale: HTMLElement;
  private body: HTMLElement;

  constructor(texts: Texts) {
    super(texts);
    this.headline = h('div', { class: 'verdict-headline' });
    this.stripText = h('span', { class: 'strip-groups' });
    this.stripMonth = h('span', { class: 'panel-month strip-month' });
    this.scale = h('p', { class: 'hint verdict-scale' });
    const more = texts.text(h('a', { href: '#verdict-heading', class: 'strip-more' }), 'verdict.more');
    this.strip = h('p', { class: 'verdict-strip', 'data-panel': 'strip' }, texts.text(h('strong'), 'verdict.heading'), ' ', this.stripText, ' ', this.stripMonth, ' ', more);
    this.body = h('div', { class: 'verdict-body' });
    this.root = panelSection(texts, 'verdict', 'verdict.intro', this.monthEl, this.headline, this.body, this.scale);
    this.follow();
  }

  protected render(): void {
    const { i18n } = this.texts;
    const r = this.report;
    setText(this.stripMonth, this.monthEl.textContent ?? '');
    this.stripMonth.dataset.month = this.month;
    if (!r) {
      this.forget();
      this.stripText.textContent = i18n.t('verdict.none');
      this.headline.replaceChildren(h('p', {}, i18n.t('verdict.none')));
      this.body.replaceChildren();
      this.scale.textContent = '';
      return;
    }
    const all = stakeholders(i18n, r);
    const signature = [i18n.lang, r.month, ...all.map((s) => `${i18n.score(s.verdict.score)}${s.verdict.label}`)].join('|');
    if (!this.changed(signature)) return;
    const groups = verdictGroups(i18n, r);
    const sentence = (g: VerdictGroup) => i18n.t('verdict.group', { label: i18n.t(`label.${g.label}`), list: i18n.list(g.names) });
    this.stripText.replaceChildren(
      ...groups.map((g) => h('span', { class: `strip-group tone-${LABEL_TONE[g.label]}`, 'data-label': g.label }, glyph(LABEL_GLYPH[g.label]), sentence(g))),
    );
    this.headline.replaceChildren(
      ...groups.map((g) => h('p', { class: `headline-group tone-${LABEL_TONE[g.label]}`, 'data-label': g.label }, glyph(LABEL_GLYPH[g.label]), sentence(g))),
    );
    this.scale.textContent = scaleText(i18n, r.labelScale);
    const group = (title: string, list: Stakeholder[]) =>
      boxedTable(
        'data verdicts',
        title,
        [colHead(i18n.t('verdict.who')), colHead(i18n.t('verdict.score'), 'num'), colHead(i18n.t('verdict.label'))],
        list.map((s) =>
          h(
            'tr',
            { 'data-stakeholder': s.key, 'data-label': s.verdict.label },
            rowHead(s.name),
            h('td', { class: 'num' }, scoreBar(s.verdict.score), i18n.score(s.verdict.score)),
            labelBadge('td', i18n, s.verdict.label),
          ),
        ),
      );
    this.body.replaceChildren(group(i18n.t('verdict.managers'), all.slice(0, MANAGER_IDS.length)), group(i18n.t('verdict.audiences'), all.slice(MANAGER_IDS.length)));
  }
}
