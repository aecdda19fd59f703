// The page header: title, the three steps a newcomer follows, language, reduced motion and help.
import { h, uid, type Texts } from './dom';
import { LANGUAGES, type Language } from './i18n/index';

export class Header {
  readonly root: HTMLElement;
  readonly languageButtons = new Map<Language, HTMLButtonElement>();
  readonly motion: HTMLInputElement;

  constructor(texts: Texts, helpButton: HTMLButtonElement, events: { language(lang: Language): void; reducedMotion(on: boolean): void }) {
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
    const step = (n: number, key: 'app.step1' | 'app.step2' | 'app.step3') =>
      h('li', {}, h('span', { class: 'step-number', 'aria-hidden': 'true' }, String(n)), texts.text(h('span'), key));
    this.root = h(
      'header',
      { class: 'site-header' },
      h(
        'div',
        { class: 'brand' },
        texts.text(h('h1'), 'app.title'),
        texts.text(h('p', { class: 'subtitle' }), 'app.subtitle'),
      ),
      h('ol', { class: 'steps' }, step(1, 'app.step1'), step(2, 'app.step2'), step(3, 'app.step3')),
      h(
        'div',
        { class: 'header-tools' },
        langGroup,
        h('span', { class: 'check' }, this.motion, texts.text(h('label', { for: motionId }), 'motion.label')),
        helpButton,
      ),
    );
    texts.on(() => {
      for (const [lang, b] of this.languageButtons) b.setAttribute('aria-pressed', String(lang === texts.i18n.lang));
    });
  }
}
