// The notice for a malformed link: one short sentence per problem in the reader's language, at most
// MAX_SHOWN of them (then "and N more"), each quoting at most ECHO_MAX characters of the link. It can be
// dismissed; the sandbox has started from the defaults meanwhile.
import { h, type Texts } from './dom';
import type { MessageKey } from './i18n/index';
import { settingLabel } from './setting-label';
import { MAX_CONTROLS, MAX_MONTHS, MAX_SEED, URL_VERSION, type LinkProblem } from './url-state';

/** Problems listed before "and N more". */
export const MAX_SHOWN = 5;
/** Characters of the link quoted per problem. */
export const ECHO_MAX = 40;

/** The part of the link a problem quotes, cut to ECHO_MAX characters. */
export function echo(text: string): string {
  return text.length > ECHO_MAX ? `${text.slice(0, ECHO_MAX - 1)}…` : text;
}

const KEYS: Record<LinkProblem['kind'], MessageKey> = {
  version: 'link.version',
  scenario: 'link.scenario',
  unknownScenario: 'link.unknownScenario',
  seed: 'link.seed',
  months: 'link.months',
  at: 'link.at',
  twice: 'link.twice',
  controlForm: 'link.controlForm',
  controlMonth: 'link.controlMonth',
  controlBeyond: 'link.controlBeyond',
  controlSetting: 'link.controlSetting',
  controlCard: 'link.controlCard',
  controlRange: 'link.controlRange',
  tooMany: 'link.tooMany',
};

export class LinkNotice {
  readonly root: HTMLElement;
  private readonly list: HTMLUListElement;
  private readonly more: HTMLParagraphElement;
  private problems: LinkProblem[] = [];
  private extra: (() => string)[] = [];

  /** `defaults`: what the page did instead (the explorer's chapter starts from its own settings) */
  constructor(
    private readonly texts: Texts,
    defaultsText: MessageKey | (() => string) = 'link.defaults',
  ) {
    const title = texts.text(h('h2', { class: 'link-notice-title', id: 'link-notice-title' }), 'link.title');
    this.list = h('ul', { class: 'link-notice-list' });
    this.more = h('p', { class: 'link-notice-more', hidden: true });
    const defaults = texts.text(h('p', {}), defaultsText);
    const close = texts.text(h('button', { type: 'button', class: 'link-notice-close', 'data-action': 'dismiss-link' }), 'link.dismiss');
    close.addEventListener('click', () => this.dismiss());
    this.root = h('section', { class: 'error-box link-notice', role: 'alert', 'aria-labelledby': 'link-notice-title', hidden: true }, title, this.list, this.more, defaults, close);
    this.root.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') this.dismiss();
    });
    texts.on(() => this.render());
  }

  /** Shows the problems (placed after `anchor` when not in the page yet), after any the page words itself. */
  show(problems: LinkProblem[], anchor?: Element, extra: (() => string)[] = []): void {
    this.problems = problems;
    this.extra = extra;
    if (anchor && !this.root.isConnected) anchor.after(this.root);
    this.root.hidden = problems.length + extra.length === 0;
    this.render();
  }

  dismiss(): void {
    this.root.hidden = true;
    this.problems = [];
    this.extra = [];
  }

  private sentence(p: LinkProblem): string {
    const i18n = this.texts.i18n;
    const values: Record<string, string | number> = { text: echo(p.text), version: URL_VERSION, seedMax: i18n.int(MAX_SEED), monthsMax: MAX_MONTHS, controlsMax: i18n.int(MAX_CONTROLS) };
    if (p.kind === 'controlBeyond') values.months = p.months;
    if (p.kind === 'tooMany') values.count = i18n.int(p.count);
    if (p.kind === 'controlRange') Object.assign(values, { setting: settingLabel(i18n, p.path), min: i18n.decimal(p.min), max: i18n.decimal(p.max) });
    return i18n.t(KEYS[p.kind], values);
  }

  private render(): void {
    if (this.problems.length + this.extra.length === 0) return;
    const lines = [...this.extra.map((f) => f()), ...this.problems.map((p) => this.sentence(p))];
    this.list.replaceChildren(...lines.slice(0, MAX_SHOWN).map((line) => h('li', {}, line)));
    const rest = lines.length - MAX_SHOWN;
    this.more.hidden = rest <= 0;
    this.more.textContent = rest > 0 ? this.texts.i18n.t('link.more', { count: this.texts.i18n.int(rest) }) : '';
  }
}
