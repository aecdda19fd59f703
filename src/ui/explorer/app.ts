// The student explorer (explore.html): a header, the seven chapters with the student's progress, and the
// chapter shown. A chapter is a link (?chapter=luck, with a trainer's preset after it); moving between
// chapters keeps the page (history.pushState) and its workers: the model worker the sandbox uses
// (replays, rewind and branch) and the pool of sweep workers (chapters 6 and 7).
import { h, setText, Texts } from '../dom';
import { I18n, LANGUAGES, type Language } from '../i18n/index';
import { Announcer } from '../announcer';
import { startWorker } from '../player';
import { ExplorerText } from './i18n/index';
import { ProgressStore } from './progress';
import { CHAPTERS, MAX_RUNS, readRoute, type ChapterId, type PresetProblem, type Route } from './route';
import { echo, LinkNotice } from '../link-notice';
import { ChapterView, chapterNumber, type ChapterContext } from './chapter';
import { CHAPTER_DEFS } from './chapters/index';
import { SweepPool } from './sweep-pool';

export interface ExplorerHandle {
  ready: Promise<void>;
}

export function startExplorer(root: HTMLElement): ExplorerHandle {
  const i18n = new I18n();
  const texts = new Texts(i18n);
  const x = new ExplorerText(i18n);
  document.documentElement.lang = i18n.lang;
  const announcer = new Announcer(document.body);
  const { api: model } = startWorker();
  const pool = new SweepPool();
  const progress = new ProgressStore();
  const motionQuery = matchMedia('(prefers-reduced-motion: reduce)');
  let reducedMotion = motionQuery.matches;

  let current: ChapterView | null = null;
  let route: Route = { chapter: null, run: null, runs: null, contexts: null };
  let ctxBase: Omit<ChapterContext, 'route'> | null = null;

  // a malformed link: the sandbox's notice (the same words for the run's part), and the chapter starts from its own settings
  const notice = new LinkNotice(texts, x.bind('x.linkDefaults'));
  const main = h('main', { id: 'chapter', class: 'explorer-main', tabindex: '-1' });
  const navList = h('ol', { class: 'chapter-list' });
  const navName = h('span', {});
  // the progress is said once, in the list's heading
  const progressText = h('span', { class: 'progress-text', 'data-part': 'progress' });
  const resetProgress = texts.text(h('button', { type: 'button', class: 'secondary small', 'data-action': 'reset-progress' }), x.bind('x.progressReset'));
  resetProgress.addEventListener('click', () => {
    progress.reset();
    announcer.say(x.t('x.progressResetDone'), 'progress');
  });
  // the chapter list: always open beside the chapter on a wide screen; folded above it on a phone, so a
  // chapter opened from a link starts on the first screen
  const navSummary = h('summary', { class: 'nav-title', id: 'chapter-nav-title' }, navName, ' · ', progressText);
  const navDetails = h('details', { class: 'chapter-details' }, navSummary, navList, resetProgress);
  const nav = h('nav', { class: 'chapter-nav', 'aria-labelledby': 'chapter-nav-title' }, navDetails);
  const wide = matchMedia('(min-width: 901px)');
  const fold = () => {
    navDetails.open = wide.matches || route.chapter === null;
    // beside the chapter the list cannot be folded: its summary is a heading then, not a control
    if (wide.matches) navSummary.setAttribute('tabindex', '-1');
    else navSummary.removeAttribute('tabindex');
  };
  wide.addEventListener('change', fold);

  const langGroup = h('div', { class: 'lang-switch', role: 'group' });
  texts.attr(langGroup, 'aria-label', 'lang.label');
  const langButtons = LANGUAGES.map((lang) => {
    const b = h('button', { type: 'button', lang, class: 'lang', 'data-lang': lang }, i18n.t(`lang.${lang}`));
    b.addEventListener('click', () => setLanguage(lang));
    langGroup.append(b);
    return b;
  });
  const motion = h('input', { type: 'checkbox', id: 'x-motion', 'data-control': 'motion' });
  motion.checked = reducedMotion;
  motion.addEventListener('change', () => setReducedMotion(motion.checked));
  const sandbox = texts.text(h('a', { href: './index.html', class: 'button-link secondary' }), x.bind('x.toSandbox'));
  const header = h(
    'header',
    { class: 'site-header explorer-header' },
    h('div', { class: 'brand' }, h('p', { class: 'brand-name' }, h('a', { href: '?', 'data-nav': 'home' }, texts.text(h('span'), x.bind('x.title')))), texts.text(h('p', { class: 'subtitle' }), x.bind('x.subtitle'))),
    h('div', { class: 'header-tools' }, langGroup, h('span', { class: 'check' }, motion, texts.text(h('label', { for: 'x-motion' }), 'motion.label')), sandbox),
  );
  const skip = texts.text(h('a', { href: '#chapter', class: 'skip-link' }), x.bind('x.skip'));
  root.replaceChildren(skip, header, h('div', { class: 'explorer-layout' }, nav, main));

  function setLanguage(lang: Language): void {
    i18n.set(lang);
    document.documentElement.lang = lang;
    renderChrome();
  }

  function setReducedMotion(on: boolean): void {
    reducedMotion = on;
    motion.checked = on;
    document.documentElement.dataset.reducedMotion = String(on);
  }
  setReducedMotion(reducedMotion);
  motionQuery.addEventListener('change', () => setReducedMotion(motionQuery.matches));

  function renderChrome(): void {
    for (const b of langButtons) b.setAttribute('aria-pressed', String(b.dataset.lang === i18n.lang));
    document.title = route.chapter ? `${x.t(CHAPTER_DEFS[route.chapter].title)} · ${x.t('x.title')}` : x.t('x.title');
    navList.replaceChildren(
      ...CHAPTERS.map((id) => {
        const p = progress.chapter(id);
        const mark = p.revealed ? '✓' : p.opened ? '•' : '';
        const state = p.revealed ? x.t('x.done') : p.opened ? x.t('x.opened') : '';
        const a = h(
          'a',
          { href: `?chapter=${id}`, 'data-nav': id, 'aria-current': route.chapter === id ? 'page' : null },
          h('span', { class: 'chapter-num' }, String(chapterNumber(id))),
          h('span', { class: 'chapter-name' }, x.t(CHAPTER_DEFS[id].title)),
          h('span', { class: 'chapter-mark', 'aria-hidden': 'true' }, mark),
          state ? h('span', { class: 'visually-hidden' }, ` (${state})`) : null,
        );
        return h('li', { 'data-state': p.revealed ? 'done' : p.opened ? 'opened' : 'new' }, a);
      }),
    );
    setText(progressText, x.t('x.progress', { done: progress.doneCount(), total: CHAPTERS.length }));
    setText(navName, x.t('x.nav'));
  }
  progress.onChange(() => renderChrome());
  texts.on(() => renderChrome());

  function overview(): HTMLElement {
    const last = progress.progress.last;
    const next = CHAPTERS.find((id) => !progress.chapter(id).revealed) ?? last ?? 'triangle';
    const start = h('a', { href: `?chapter=${next}`, class: 'button-link', 'data-nav': next });
    texts.text(start, () => (progress.doneCount() === 0 && !last ? x.t('intro.start') : x.t('intro.continue', { n: chapterNumber(next), title: x.t(CHAPTER_DEFS[next].title) })));
    return h(
      'article',
      { class: 'chapter overview', 'aria-labelledby': 'chapter-title' },
      texts.text(h('h2', { id: 'chapter-title', tabindex: '-1' }), x.bind('intro.title')),
      texts.text(h('p', { class: 'lead' }), x.bind('intro.p1')),
      texts.text(h('p'), x.bind('intro.p2')),
      h(
        'ol',
        { class: 'overview-list' },
        ...CHAPTERS.map((id) => h('li', {}, h('a', { href: `?chapter=${id}`, 'data-nav': id }, texts.text(h('strong'), x.bind(CHAPTER_DEFS[id].title))), ' ', texts.text(h('span'), x.bind(CHAPTER_DEFS[id].lead)))),
      ),
      texts.text(h('p', { class: 'hint' }), x.bind('intro.time')),
      h('p', {}, start),
    );
  }

  function pager(id: ChapterId): HTMLElement {
    const i = CHAPTERS.indexOf(id);
    const link = (to: ChapterId | undefined, key: 'x.prev' | 'x.next', rel: string) =>
      to ? texts.text(h('a', { href: `?chapter=${to}`, 'data-nav': to, rel, class: 'button-link secondary' }), () => x.t(key, { title: x.t(CHAPTER_DEFS[to].title) })) : h('span');
    return h('nav', { class: 'chapter-pager', 'aria-label': x.t('x.nav') }, link(CHAPTERS[i - 1], 'x.prev', 'prev'), link(CHAPTERS[i + 1], 'x.next', 'next'));
  }

  function show(search: string, focus: boolean): void {
    const read = readRoute(search, ctxBase?.scenarios);
    route = read.route;
    const words = (p: PresetProblem) => () => x.t(`x.link.${p.kind}`, { text: echo(p.text), max: MAX_RUNS });
    if (read.link.length + read.preset.length > 0) notice.show(read.link, header, read.preset.map(words));
    else notice.dismiss();
    current?.dispose();
    current = null;
    if (!ctxBase) return;
    if (route.chapter) {
      current = new ChapterView(CHAPTER_DEFS[route.chapter], { ...ctxBase, route }, progress);
      main.replaceChildren(current.root, pager(route.chapter));
    } else {
      main.replaceChildren(overview());
    }
    renderChrome();
    fold();
    if (focus) (main.querySelector('#chapter-title') as HTMLElement | null)?.focus();
  }

  // chapter links move within the page
  root.addEventListener('click', (e) => {
    const a = (e.target as Element).closest('a[data-nav]') as HTMLAnchorElement | null;
    if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    const url = new URL(a.href);
    history.pushState(null, '', `${location.pathname}${url.search === '?' ? '' : url.search}`);
    show(location.search, true);
    window.scrollTo(0, 0);
  });
  addEventListener('popstate', () => show(location.search, true));

  const ready = (async () => {
    main.replaceChildren(texts.text(h('p', { class: 'boot' }), x.bind('x.loading')));
    const scenarios = await model.scenarios();
    ctxBase = { texts, x, i18n, model, pool, scenarios, announcer };
    show(location.search, false);
    exposeExplorerForTests(() => current?.state ?? null, () => route, progress);
  })();
  addEventListener('pagehide', () => pool.stop());
  return { ready };
}

/** A read-only window for the browser tests (no control goes through it; the tests use the page). */
function exposeExplorerForTests(chapter: () => ChapterView['state'] | null, route: () => Route, progress: ProgressStore): void {
  (window as unknown as { __explorer: unknown }).__explorer = {
    ready: true,
    chapter,
    route,
    progress: () => progress.progress,
  };
}
