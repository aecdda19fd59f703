// The page header: title, and the tools a visitor needs on every view in the same place (WCAG 3.2.6):
// the projector view, runs to compare, language, reduced motion and help (which links the glossary).
import { h, uid, type Texts } from './dom';
import { LANGUAGES, type Language } from './i18n/index';

export interface HeaderEvents {
  language(lang: Language): void;
  reducedMotion(on: boolean): void;
  projector(on: boolean): void;
  compare(): void;
  print(): void;
}

export class Header {
  readonly root: HTMLElement;
  readonly languageButtons = new Map<Language, HTMLButtonElement>();
  readonly motion: HTMLInputElement;
  readonly projectorButton: HTMLButtonElement;
  readonly compareButton: HTMLButtonElement;
  /** shown in the projector view, whose page hides the export panel */
  readonly printButton: HTMLButtonElement;
  private compareCount = 0;

  constructor(
    private readonly texts: Texts,
    helpButton: HTMLButtonElement,
    events: HeaderEvents,
  ) {
    const langGroup = h('div', { class: 'lang-switch', role: 'group' });
    texts.attr(langGroup, 'aria-label', 'lang.label');
    for (const lang of LANGUAGES) {
      // each language names itself, in its own language
      const b = h('button', { type: 'button', lang, class: 'lang', 'data-lang': lang }, texts.i18n.t(`lang.${lang}`));
      b.addEventListener('click', () => events.language(lang));
      langGroup.append(b);
      this.languageButtons.set(lang, b);
    }
    const motionId = uid('motion');
    this.motion = h('input', { type: 'checkbox', id: motionId, 'data-control': 'motion' });
    this.motion.addEventListener('change', () => events.reducedMotion(this.motion.checked));
    this.projectorButton = h('button', { type: 'button', class: 'secondary', 'aria-pressed': 'false', 'data-action': 'projector' });
    texts.text(this.projectorButton, 'view.projector');
    texts.attr(this.projectorButton, 'title', 'view.projectorHint');
    this.projectorButton.addEventListener('click', () => events.projector(this.projectorButton.getAttribute('aria-pressed') !== 'true'));
    this.compareButton = h('button', { type: 'button', class: 'secondary', 'aria-haspopup': 'dialog', 'data-action': 'compare' });
    this.compareButton.addEventListener('click', () => events.compare());
    this.printButton = h('button', { type: 'button', class: 'secondary header-print', 'data-action': 'print' });
    texts.text(this.printButton, 'export.printShort');
    this.printButton.addEventListener('click', () => events.print());
    this.root = h(
      'header',
      { class: 'site-header' },
      h('div', { class: 'brand' }, texts.text(h('h1'), 'app.title'), texts.text(h('p', { class: 'subtitle' }), 'app.subtitle')),
      h(
        'div',
        { class: 'header-tools' },
        this.projectorButton,
        this.compareButton,
        this.printButton,
        langGroup,
        h('span', { class: 'check' }, this.motion, texts.text(h('label', { for: motionId }), 'motion.label')),
        helpButton,
      ),
    );
    texts.on(() => {
      for (const [lang, b] of this.languageButtons) b.setAttribute('aria-pressed', String(lang === texts.i18n.lang));
      this.renderCompare();
    });
  }

  setProjector(on: boolean): void {
    this.projectorButton.setAttribute('aria-pressed', String(on));
  }

  /** how many runs are kept for comparison */
  setCompareCount(n: number): void {
    this.compareCount = n;
    this.renderCompare();
  }

  private renderCompare(): void {
    const { i18n } = this.texts;
    this.compareButton.textContent = this.compareCount > 0 ? i18n.t('runs.openCount', { count: i18n.int(this.compareCount) }) : i18n.t('runs.open');
  }
}
