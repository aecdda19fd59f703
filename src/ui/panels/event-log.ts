// The event log: luck and bad luck, politics, initiatives, budget decisions and the player's settings,
// newest first. A sign glyph and words carry good or bad news, not colour alone. New entries are
// prepended; the list is rebuilt only when the language changes or the run starts over.
import { h, heading, type Texts } from '../dom';
import type { EventLogEntry } from '../../model/types';
import type { I18n } from '../i18n/index';
import { formatSetting, settingLabel } from '../setting-label';

const MAX_SHOWN = 200;
const SIGN_GLYPH = { 1: '+', 0: '•', [-1]: '−' } as const;

export function describeEvent(i18n: I18n, e: EventLogEntry): string {
  let name: string;
  if (e.type === 'election') name = i18n.t(e.sign > 0 ? 'event.election.won' : 'event.election.lost');
  else if (e.type === 'budgetCycle') name = i18n.t(e.sign >= 0 ? 'event.budgetCycle.surplus' : 'event.budgetCycle.deficit', { amount: i18n.euro(Math.abs(e.magnitude)) });
  else if (e.type === 'set') {
    // the model's text is "<path> set to <value>"
    const m = /^(\S+) set to (\S+)$/.exec(e.text);
    name = m ? i18n.t('event.setTo', { setting: settingLabel(i18n, m[1]), value: formatSetting(i18n, m[1], Number(m[2])) }) : i18n.t('event.set');
  } else name = i18n.tDynamic(`event.${e.type}`, i18n.t('event.other', { type: e.type }));
  const parts = [e.manager ? `${i18n.t(`manager.${e.manager}`)}: ${name}` : name];
  if (e.success !== undefined) parts.push(i18n.t(e.success ? 'event.succeeded' : 'event.failed'));
  return parts.join(', ');
}

export class EventLog {
  readonly root: HTMLElement;
  private list: HTMLOListElement;
  private empty: HTMLElement;
  private entries: EventLogEntry[] = [];
  /** entries already in the list */
  private rendered = 0;
  private rebuild = true;

  constructor(private readonly texts: Texts) {
    this.list = h('ol', { class: 'event-log' });
    this.empty = texts.text(h('p', { class: 'hint' }), 'log.empty');
    this.root = h(
      'section',
      { class: 'panel log-panel', 'aria-labelledby': 'log-heading' },
      heading(texts, 2, 'log.heading', { id: 'log-heading' }),
      this.empty,
      h('div', { class: 'log-scroll', tabindex: '0', role: 'region', 'aria-labelledby': 'log-heading' }, this.list),
    );
    texts.on(() => {
      this.rebuild = true;
      this.render();
    });
  }

  clear(): void {
    this.entries = [];
    this.rebuild = true;
  }

  add(events: EventLogEntry[]): void {
    if (events.length === 0) return;
    this.entries.push(...events);
    if (this.entries.length > MAX_SHOWN * 2) {
      const drop = this.entries.length - MAX_SHOWN;
      this.entries = this.entries.slice(drop);
      this.rendered = Math.max(0, this.rendered - drop);
    }
  }

  private item(e: EventLogEntry): HTMLLIElement {
    const { i18n } = this.texts;
    const signWord = i18n.t(e.sign > 0 ? 'event.signGood' : e.sign < 0 ? 'event.signBad' : 'event.signNeutral');
    return h(
      'li',
      { 'data-sign': e.sign, 'data-kind': e.kind },
      h('span', { class: 'log-month' }, i18n.t('log.month', { month: i18n.int(e.month) })),
      h('span', { class: 'log-sign', 'aria-hidden': 'true' }, SIGN_GLYPH[e.sign]),
      h('span', { class: 'visually-hidden' }, `${signWord}: `),
      h('span', { class: 'log-text' }, describeEvent(i18n, e)),
    );
  }

  render(): void {
    if (this.rebuild) {
      this.rebuild = false;
      this.list.replaceChildren(...this.entries.slice(-MAX_SHOWN).reverse().map((e) => this.item(e)));
      this.rendered = this.entries.length;
    } else if (this.rendered < this.entries.length) {
      const fresh = this.entries.slice(this.rendered).reverse().map((e) => this.item(e));
      this.list.prepend(...fresh);
      this.rendered = this.entries.length;
      while (this.list.childElementCount > MAX_SHOWN) this.list.lastElementChild!.remove();
    }
    const empty = this.entries.length === 0;
    if (this.empty.hidden !== !empty) this.empty.hidden = !empty;
  }
}
