// What the report panels share: redrawing only on change, the panel section with its heading, score
// bars, answer badges and small data tables.
import { h, heading, type Texts } from '../dom';
import type { McConnellLabel } from '../../model/types';
import type { RunReport } from '../../engine/sandbox-api';
import type { I18n, MessageKey } from '../i18n/index';

/** McConnell's five labels fold into three answers to "is it a success?" */
export type Answer = 'yes' | 'mixed' | 'no';
export function answerOf(label: McConnellLabel): Answer {
  return label === 'success' || label === 'resilient' ? 'yes' : label === 'conflicted' ? 'mixed' : 'no';
}
/** a shape per answer, so colour is never the only cue */
export const ANSWER_GLYPH: Record<Answer, string> = { yes: '✓', mixed: '~', no: '✗' };

export function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}

type PanelName = 'account' | 'dimension' | 'quadrant' | 'twin' | 'verdict';

/**
 * A panel: `section.panel.<name>-panel` named by its h2 (`<name>.heading`, id `<name>-heading`),
 * an intro paragraph when given, then the body.
 */
export function panelSection(texts: Texts, name: PanelName, intro: MessageKey | null, ...body: Node[]): HTMLElement {
  const id = `${name}-heading`;
  return h(
    'section',
    { class: `panel ${name}-panel`, 'aria-labelledby': id },
    heading(texts, 2, `${name}.heading`, { id }),
    intro && texts.text(h('p', { class: 'intro' }), intro),
    ...body,
  );
}

/** a glyph beside a word: hidden from assistive technology, which reads the word */
export function glyph(text: string): HTMLSpanElement {
  return h('span', { class: 'glyph', 'aria-hidden': 'true' }, text);
}

/** the bar behind a score (decorative: the score is written beside it) */
export function scoreBar(score: number): HTMLSpanElement {
  return h('span', { class: 'score-bar', style: `--score:${clamp01(score)}`, 'aria-hidden': 'true' });
}

/** a McConnell label as its answer's glyph and its word, in a `tag` of class `answer answer-<answer>` */
export function answerBadge<K extends 'span' | 'td'>(tag: K, i18n: I18n, label: McConnellLabel): HTMLElementTagNameMap[K] {
  const answer = answerOf(label);
  return h(tag, { class: `answer answer-${answer}` }, glyph(ANSWER_GLYPH[answer]), i18n.t(`label.${label}`));
}

/** a column header; `cls` undefined leaves the class out */
export function colHead(text: string, cls?: string): HTMLTableCellElement {
  return h('th', { scope: 'col', class: cls }, text);
}

/** a row header */
export function rowHead(text: string): HTMLTableCellElement {
  return h('th', { scope: 'row' }, text);
}

/** a table of class `cls`: its caption, one row of column headers and the body rows */
export function dataTable(cls: string, caption: string | HTMLTableCaptionElement, head: Node[], rows: Node[]): HTMLTableElement {
  return h(
    'table',
    { class: cls },
    typeof caption === 'string' ? h('caption', {}, caption) : caption,
    h('thead', {}, h('tr', {}, ...head)),
    h('tbody', {}, ...rows),
  );
}

/**
 * A panel that shows the latest RunReport. Subclasses build `root`, then call
 * `texts.on(() => this.render())`; `render` draws only when `changed(signature)` says what it would
 * show differs from what it shows.
 */
export abstract class ReportPanel {
  abstract readonly root: HTMLElement;
  protected report: RunReport | null = null;
  private shown = '';

  constructor(protected readonly texts: Texts) {}

  update(report: RunReport | null): void {
    this.report = report;
    this.render();
  }

  protected abstract render(): void;

  /** false if `signature` is what is shown already; otherwise true, and it is taken as shown */
  protected changed(signature: string): boolean {
    if (signature === this.shown) return false;
    this.shown = signature;
    return true;
  }

  /** the panel shows no report: the next report is drawn whatever its signature */
  protected forget(): void {
    this.shown = '';
  }
}
