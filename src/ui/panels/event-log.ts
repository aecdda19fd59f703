// The event log: luck and bad luck, politics, initiatives, budget decisions and the player's settings,
// newest first. A sign glyph and words carry good or bad news, not colour alone. The player's own cards
// and settings are marked ("Your card"); routine initiatives, a few every month, are left out unless
// asked for (they flooded the log), with a count of how many. New entries are prepended; the list is
// rebuilt only when the language or the filter changes or the run starts over.
import { h, heading, setText, uid, type Texts } from '../dom';
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
    // the path is on the entry; the value only in the model's text, "<path> set to <value>"
    const m = /^(\S+) set to (\S+)$/.exec(e.text);
    const path = e.path ?? m?.[1];
    name = path && m ? i18n.t('event.setTo', { setting: settingLabel(i18n, path), value: formatSetting(i18n, path, Number(m[2])) }) : i18n.t('event.set');
  } else name = i18n.tDynamic(`event.${e.type}`, i18n.t('event.other', { type: e.type }));
  const parts = [e.manager ? `${i18n.t(`manager.${e.manager}`)}: ${name}` : name];
  if (e.success !== undefined) parts.push(i18n.t(e.success ? 'event.succeeded' : 'event.failed'));
  return parts.join(', ');
}

/** routine initiatives: a few a month, shown only on request */
export function isRoutine(e: EventLogEntry): boolean {
  return e.kind === 'initiative' && e.type === 'routine';
}

export class EventLog {
  readonly root: HTMLElement;
  private list: HTMLOListElement;
  private empty: HTMLElement;
  private hiddenNote: HTMLElement;
  private routineBox: HTMLInputElement;
  private entries: EventLogEntry[] = [];
  /** entries already in the list */
  private rendered = 0;
  private rebuild = true;
  private hiddenCount = 0;

  constructor(
    private readonly texts: Texts,
    /** whether an entry is the player's own card or setting */
    private readonly mine: (e: EventLogEntry) => boolean = () => false,
  ) {
    this.list = h('ol', { class: 'event-log' });
    this.empty = texts.text(h('p', { class: 'hint' }), 'log.empty');
    this.hiddenNote = h('p', { class: 'hint log-hidden' });
    const boxId = uid('routine');
    this.routineBox = h('input', { type: 'checkbox', id: boxId, 'data-control': 'log-routine' });
    this.routineBox.addEventListener('change', () => {
      this.rebuild = true;
      this.render();
    });
    this.root = h(
      'section',
      { class: 'panel log-panel', 'aria-labelledby': 'log-heading' },
      h('div', { class: 'panel-head' }, heading(texts, 2, 'log.heading', { id: 'log-heading' }), h('span', { class: 'check' }, this.routineBox, texts.text(h('label', { for: boxId }), 'log.showRoutine'))),
      this.empty,
      h('div', { class: 'log-scroll', tabindex: '0', role: 'region', 'aria-labelledby': 'log-heading' }, this.list),
      this.hiddenNote,
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
    if (this.entries.length > MAX_SHOWN * 4) {
      const drop = this.entries.length - MAX_SHOWN * 2;
      this.entries = this.entries.slice(drop);
      this.rendered = Math.max(0, this.rendered - drop);
    }
  }

  private shows(e: EventLogEntry): boolean {
    return this.routineBox.checked || !isRoutine(e);
  }

  private item(e: EventLogEntry): HTMLLIElement {
    const { i18n } = this.texts;
    const signWord = i18n.t(e.sign > 0 ? 'event.signGood' : e.sign < 0 ? 'event.signBad' : 'event.signNeutral');
    const mine = this.mine(e);
    return h(
      'li',
      { 'data-sign': e.sign, 'data-kind': e.kind, 'data-mine': mine ? 'true' : null },
      h('span', { class: 'log-month' }, i18n.t('log.month', { month: i18n.int(e.month) })),
      h('span', { class: 'log-sign', 'aria-hidden': 'true' }, SIGN_GLYPH[e.sign]),
      h('span', { class: 'visually-hidden' }, `${signWord}: `),
      h(
        'span',
        { class: 'log-text' },
        mine ? h('span', { class: 'log-mine' }, i18n.t(e.kind === 'setting' ? 'log.yourSetting' : 'log.yourCard')) : null,
        describeEvent(i18n, e),
      ),
    );
  }

  render(): void {
    if (this.rebuild) {
      this.rebuild = false;
      const shown = this.entries.filter((e) => this.shows(e));
      this.hiddenCount = this.entries.length - shown.length;
      this.list.replaceChildren(...shown.slice(-MAX_SHOWN).reverse().map((e) => this.item(e)));
      this.rendered = this.entries.length;
    } else if (this.rendered < this.entries.length) {
      const fresh = this.entries.slice(this.rendered);
      const shown = fresh.filter((e) => this.shows(e));
      this.hiddenCount += fresh.length - shown.length;
      this.list.prepend(...shown.reverse().map((e) => this.item(e)));
      this.rendered = this.entries.length;
      while (this.list.childElementCount > MAX_SHOWN) this.list.lastElementChild!.remove();
    }
    const empty = this.entries.length === 0;
    if (this.empty.hidden !== !empty) this.empty.hidden = !empty;
    const { i18n } = this.texts;
    setText(this.hiddenNote, this.hiddenCount > 0 ? i18n.t('log.routineHidden', { count: i18n.int(this.hiddenCount) }) : '');
  }
}
