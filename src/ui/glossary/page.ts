// The glossary page (glossary.html): every term in Dutch and English, grouped, with its meaning and
// where it lives in the sandbox; in the language the sandbox remembers, switchable here too.
import { h, Texts } from '../dom';
import { I18n, LANGUAGES } from '../i18n/index';
import { GLOSSARY, type GlossaryGroup } from './entries';

const GROUPS: GlossaryGroup[] = ['moore', 'success', 'loop', 'people', 'work', 'play'];

export function startGlossary(root: HTMLElement): void {
  const i18n = new I18n();
  const texts = new Texts(i18n);
  const body = h('div', { class: 'glossary-body' });
  const langGroup = h('div', { class: 'lang-switch', role: 'group' });
  texts.attr(langGroup, 'aria-label', 'lang.label');
  const buttons = LANGUAGES.map((lang) => {
    const b = h('button', { type: 'button', lang, 'data-lang': lang }, i18n.t(`lang.${lang}`));
    b.addEventListener('click', () => i18n.set(lang));
    langGroup.append(b);
    return [lang, b] as const;
  });
  root.replaceChildren(
    h(
      'header',
      { class: 'site-header' },
      h('div', { class: 'brand' }, texts.text(h('p', { class: 'glossary-app' }), 'app.title'), texts.text(h('p', { class: 'subtitle' }), 'app.subtitle')),
      h('div', { class: 'header-tools' }, langGroup, texts.text(h('a', { href: './', class: 'header-link', 'data-action': 'back' }), 'glossary.back')),
    ),
    h('main', { class: 'glossary', id: 'main' }, texts.text(h('h1'), 'glossary.title'), texts.text(h('p', { class: 'intro' }), 'glossary.intro'), body),
  );
  const render = () => {
    const lang = i18n.lang;
    document.documentElement.lang = lang;
    document.title = `${i18n.t('glossary.title')}: ${i18n.t('app.title')}`;
    for (const [l, b] of buttons) b.setAttribute('aria-pressed', String(l === lang));
    body.replaceChildren(
      ...GROUPS.map((g) =>
        h(
          'section',
          { class: 'glossary-group', 'aria-labelledby': `group-${g}` },
          h('h2', { id: `group-${g}` }, i18n.t(`glossary.groups.${g}`)),
          h(
            'table',
            { class: 'data glossary-table' },
            h('caption', { class: 'visually-hidden' }, i18n.t(`glossary.groups.${g}`)),
            h(
              'thead',
              {},
              h('tr', {}, ...(['glossary.dutch', 'glossary.english', 'glossary.meaning', 'glossary.inModel'] as const).map((k) => h('th', { scope: 'col' }, i18n.t(k)))),
            ),
            h(
              'tbody',
              {},
              ...GLOSSARY.filter((x) => x.group === g).map((x) =>
                h('tr', { id: x.id }, h('th', { scope: 'row', lang: 'nl' }, x.nl), h('td', { lang: 'en' }, x.en), h('td', {}, x.meaning[lang]), h('td', {}, x.model[lang])),
              ),
            ),
          ),
        ),
      ),
    );
  };
  texts.on(render);
}
