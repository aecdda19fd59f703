// The help dialog (native <dialog>: focus moves in, Escape closes, focus returns) and the keyboard
// shortcuts. Shortcuts use Alt (Option on a Mac) with a letter, matched by physical key so they work on
// every layout, and never fire while typing in a text field; screen readers do not use these chords.
import { h, type Texts } from './dom';
import type { MessageKey } from './i18n/index';

export interface Shortcut {
  code: string;
  keys: string;
  label: MessageKey;
  run(): void;
}

export function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement) return true;
  if (target instanceof HTMLInputElement) return !['range', 'radio', 'checkbox', 'button', 'submit'].includes(target.type);
  return false;
}

export function installShortcuts(shortcuts: Shortcut[]): void {
  window.addEventListener('keydown', (e) => {
    if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || e.repeat) return;
    if (isTextField(e.target)) return;
    const s = shortcuts.find((x) => x.code === e.code);
    if (!s) return;
    e.preventDefault();
    s.run();
  });
}

export class HelpDialog {
  readonly dialog: HTMLDialogElement;
  readonly openButton: HTMLButtonElement;

  constructor(texts: Texts, shortcuts: Shortcut[], more: { glossaryHref: string; tour(): void }) {
    const close = texts.text(h('button', { type: 'button', class: 'secondary' }), 'help.close');
    const glossary = texts.text(h('a', { href: more.glossaryHref, 'data-action': 'help-glossary' }), 'help.glossary');
    const tour = texts.text(h('button', { type: 'button', class: 'secondary', 'data-action': 'tour' }), 'help.tour');
    tour.addEventListener('click', () => {
      this.dialog.close();
      more.tour();
    });
    const rows = shortcuts.map((s) => h('tr', {}, h('th', { scope: 'row' }, h('kbd', {}, s.keys)), texts.text(h('td'), s.label)));
    this.dialog = h(
      'dialog',
      { class: 'help', 'aria-labelledby': 'help-title' },
      texts.text(h('h2', { id: 'help-title' }), 'help.title'),
      texts.text(h('p'), 'help.intro'),
      texts.text(h('p'), 'help.play'),
      texts.text(h('p'), 'help.levers'),
      texts.text(h('p'), 'help.verdicts'),
      texts.text(h('p'), 'help.canvas'),
      h('p', {}, glossary),
      h('div', { class: 'button-row' }, tour),
      texts.text(h('h3'), 'help.keys'),
      texts.text(h('p', { class: 'hint' }), 'help.keysNote'),
      h('table', { class: 'data keys' }, texts.text(h('caption', { class: 'visually-hidden' }), 'help.keys'), h('tbody', {}, ...rows)),
      h('div', { class: 'button-row end' }, close),
    );
    close.addEventListener('click', () => this.dialog.close());
    this.dialog.addEventListener('click', (e) => {
      if (e.target === this.dialog) this.dialog.close(); // a click on the backdrop
    });
    this.openButton = h('button', { type: 'button', class: 'secondary', 'aria-haspopup': 'dialog', 'aria-keyshortcuts': 'Alt+H', 'data-action': 'help' });
    this.openButton.append(h('span', { class: 'icon', 'aria-hidden': 'true' }, '?'), texts.text(h('span'), 'help.open'));
    this.openButton.addEventListener('click', () => this.open());
  }

  open(): void {
    if (!this.dialog.open) this.dialog.showModal();
  }
}
