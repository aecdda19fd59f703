// What the report panels share: redrawing only on change, the panel section with its heading and the
// month it shows, McConnell labels as glyph and word, the label scale, score bars and small tables.
import { h, heading, setText, type Texts } from '../dom';
import type { McConnellLabel } from '../../model/types';
import type { LabelStep, RunReport } from '../../engine/sandbox-api';
import type { I18n, MessageKey } from '../i18n/index';

/** a shape per McConnell label, so colour is never the only cue; the word beside it is the table's word */
export const LABEL_GLYPH: Record<McConnellLabel, string> = { success: '✓', resilient: '✓', conflicted: '~', precarious: '!', failure: '✗' };
/** the tone a label is coloured in (good, mixed, bad) */
export type Tone = 'good' | 'mixed' | 'bad';
export const LABEL_TONE: Record<McConnellLabel, Tone> = { success: 'good', resilient: 'good', conflicted: 'mixed', precarious: 'mixed', failure: 'bad' };

export function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}

export type PanelName = 'account' | 'dimension' | 'quadrant' | 'twin' | 'verdict';

/**
 * A panel: `section.panel.<name>-panel` named by its h2 (`<name>.heading`, id `<name>-heading` plus
 * `idSuffix`), the month it shows beside the heading, an intro paragraph when given, then the body.
 */
export function panelSection(texts: Texts, name: PanelName, intro: MessageKey | null, month: HTMLElement, ...body: Node[]): HTMLElement {
  const id = `${name}-heading${panelSuffix(name)}`;
  return h(
    'section',
    { class: `panel report-panel ${name}-panel`, 'aria-labelledby': id, 'data-panel': name },
    h('div', { class: 'panel-head' }, heading(texts, 2, `${name}.heading`, { id }), month),
    intro && texts.text(h('p', { class: 'intro' }), intro),
    ...body,
  );
}

const mounted = new Map<PanelName, number>();
/** ids stay unique when a panel is made twice (the compare view, another page): "-2", "-3", ... */
function panelSuffix(name: PanelName): string {
  const n = (mounted.get(name) ?? 0) + 1;
  mounted.set(name, n);
  return n === 1 ? '' : `-${n}`;
}

/** a glyph beside a word: hidden from assistive technology, which reads the word */
export function glyph(text: string): HTMLSpanElement {
  return h('span', { class: 'glyph', 'aria-hidden': 'true' }, text);
}

/** the bar behind a score (decorative: the score is written beside it) */
export function scoreBar(score: number): HTMLSpanElement {
  return h('span', { class: 'score-bar', style: `--score:${clamp01(score)}`, 'aria-hidden': 'true' });
}

/** the former name of labelBadge (the training pages use it) */
export const answerBadge = labelBadge;

/** a McConnell label as its glyph and its word, in a `tag` of class `answer tone-<tone>` */
export function labelBadge<K extends 'span' | 'td'>(tag: K, i18n: I18n, label: McConnellLabel): HTMLElementTagNameMap[K] {
  return h(tag, { class: `answer tone-${LABEL_TONE[label]}`, 'data-label': label }, glyph(LABEL_GLYPH[label]), i18n.t(`label.${label}`));
}

/**
 * The label scale in words, from the report's labelScale (never a copy of the thresholds):
 * "Success 75 and up · Resilient success 60–74 · … · Failure below 30".
 */
export function scaleText(i18n: I18n, scale: readonly LabelStep[]): string {
  const parts = scale.map((s, i) => {
    const name = i18n.t(`label.${s.label}`);
    const min = Math.round(s.min * 100);
    if (i === 0) return i18n.t('scale.top', { label: name, min });
    const max = Math.round(scale[i - 1].min * 100) - 1;
    if (s.min <= 0) return i18n.t('scale.bottom', { label: name, below: max + 1 });
    return i18n.t('scale.band', { label: name, min, max });
  });
  return i18n.t('scale.sentence', { scale: parts.join(' · ') });
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
 * The same table in a box that scrolls sideways if the table is wider than its panel (a phone at
 * 320 px): the page never does, and the table never runs over what is beside it.
 */
export function boxedTable(cls: string, caption: string | HTMLTableCaptionElement, head: Node[], rows: Node[]): HTMLElement {
  return scrollBox(h('div', { class: 'table-scroll' }, dataTable(cls, caption, head, rows)));
}

// A box that scrolls only when its table is wider than the panel; then, and only then, it can be
// reached with the keyboard (a tab stop of its own, named by the table's caption), as WCAG 2.1.1 asks.
const overflowWatch =
  typeof ResizeObserver === 'undefined'
    ? null
    : new ResizeObserver((entries) => {
        for (const e of entries) {
          const box = e.target as HTMLElement;
          // a box taken out of the page (the panel drew a new table) reports a size of 0: let it go
          if (!box.isConnected) {
            overflowWatch!.unobserve(box);
            continue;
          }
          const scrolls = box.scrollWidth > box.clientWidth + 1;
          if (scrolls === box.hasAttribute('tabindex')) continue;
          if (scrolls) {
            box.setAttribute('tabindex', '0');
            box.setAttribute('role', 'region');
            box.setAttribute('aria-label', box.querySelector('caption')?.textContent ?? '');
          } else {
            box.removeAttribute('tabindex');
            box.removeAttribute('role');
            box.removeAttribute('aria-label');
          }
        }
      });

export function scrollBox<E extends HTMLElement>(box: E): E {
  overflowWatch?.observe(box);
  return box;
}

/**
 * A panel that shows the latest RunReport: `update(report)` draws it, `mount(container)` places it,
 * `dispose()` takes it out and stops following the language. Subclasses build `root` (with
 * `this.monthEl` beside the heading), then call `this.follow()`; `render` draws only when
 * `changed(signature)` says what it would show differs from what it shows.
 */
export abstract class ReportPanel {
  abstract readonly root: HTMLElement;
  protected report: RunReport | null = null;
  /** "Month 24", beside the heading: every panel says which month it shows */
  readonly monthEl: HTMLElement = h('span', { class: 'panel-month', 'data-month': '' });
  private shown = '';
  private unfollow: (() => void) | null = null;

  constructor(protected readonly texts: Texts) {}

  /** render now and on every language change */
  protected follow(): void {
    this.unfollow = this.texts.on(() => {
      this.renderMonth();
      this.render();
    });
  }

  update(report: RunReport | null): void {
    this.report = report;
    this.renderMonth();
    this.render();
  }

  mount(container: Element): this {
    container.append(this.root);
    return this;
  }

  dispose(): void {
    this.unfollow?.();
    this.unfollow = null;
    this.root.remove();
  }

  /** the month shown ('' before the first report) */
  get month(): string {
    return this.monthEl.dataset.month ?? '';
  }

  private renderMonth(): void {
    const m = this.report ? String(this.report.month) : '';
    if (this.monthEl.dataset.month !== m) this.monthEl.dataset.month = m;
    setText(this.monthEl, this.report ? this.texts.i18n.t('panel.month', { month: this.texts.i18n.int(this.report.month) }) : '');
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
