// Small DOM helpers: element creation and text that follows the language.
import type { I18n, MessageKey, Values } from './i18n/index';

type Child = Node | string | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined>;

/** Create an element with attributes (false/null/undefined are left out) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child);
  }
  return el;
}

let counter = 0;
/** A unique id for label/for and aria links. */
export function uid(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}

type TextSource = MessageKey | (() => string);

/**
 * Text bound to the language: every bound text and attribute is rewritten when the language changes.
 * Components bind static labels once; dynamic values are rewritten by their own update().
 */
export class Texts {
  private bindings = new Set<() => void>();
  private detach: (() => void) | null = null;

  constructor(
    readonly i18n: I18n,
    parent?: Texts,
  ) {
    if (parent) this.detach = parent.on(() => this.refresh());
    else i18n.onChange(() => this.refresh());
  }

  /**
   * Texts of a view that may be taken down again: its bindings follow the language until dispose().
   * (A view made with the page's Texts follows it for as long as the page lives.)
   */
  scope(): Texts & { dispose(): void } {
    const child = new Texts(this.i18n, this) as Texts & { dispose(): void };
    child.dispose = () => {
      child.detach?.();
      child.bindings.clear();
    };
    return child;
  }

  private resolve(source: TextSource, values?: Values): string {
    return typeof source === 'function' ? source() : this.i18n.t(source, values);
  }

  /** set the element's text now and on every language change */
  text<E extends Element>(el: E, source: TextSource, values?: Values): E {
    const apply = () => {
      el.textContent = this.resolve(source, values);
    };
    apply();
    this.bindings.add(apply);
    return el;
  }

  attr<E extends Element>(el: E, name: string, source: TextSource, values?: Values): E {
    const apply = () => el.setAttribute(name, this.resolve(source, values));
    apply();
    this.bindings.add(apply);
    return el;
  }

  /** run fn now and on every language change; returns a function that stops it */
  on(fn: () => void): () => void {
    fn();
    this.bindings.add(fn);
    return () => this.bindings.delete(fn);
  }

  refresh(): void {
    for (const apply of [...this.bindings]) apply();
  }
}

/** A heading element with bound text. */
export function heading(texts: Texts, level: 2 | 3 | 4, key: MessageKey, attrs: Attrs = {}): HTMLHeadingElement {
  return texts.text(h(`h${level}`, attrs), key);
}

/** Offer a Blob as a download under a file name. */
export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: fileName, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Set text only when it changed: an unchanged text then costs no layout or paint. */
export function setText(el: Element, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}

/** Set an attribute only when it changed. */
export function setAttr(el: Element, name: string, value: string): void {
  if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}
