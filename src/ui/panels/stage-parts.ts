// The drawing explains itself: a transparent button over every station, arrow, balancing pressure,
// gauge, the badge, every triangle and zone (positions from stage.parts()), each named with its value
// now, and one tooltip with what the part means. As PhET's parallel DOM: the canvas draws, the DOM
// carries meaning. One tab stop for the group; the arrow keys, Home and End move between parts
// (roving tabindex). The tooltip follows focus and the pointer, stays while the pointer is on it, and
// Escape hides it (WCAG 1.4.13).
import { h, setAttr, setText, uid, type Texts } from '../dom';
import type { MonthSnapshot } from '../../model/types';
import type { StagePart } from '../stage/index';
import { explainPart, sortParts } from './stage-explain';

const HIDE_DELAY_MS = 250;

export class StageParts {
  readonly root: HTMLElement;
  readonly tooltip: HTMLElement;
  private buttons: HTMLButtonElement[] = [];
  private parts: StagePart[] = [];
  private snapshot: MonthSnapshot | null = null;
  private dotScale = '';
  private current = 0;
  private shown: number | null = null;
  private hideTimer: ReturnType<typeof setTimeout> | null = null;
  private tipName: HTMLElement;
  private tipWhat: HTMLElement;
  private tipNow: HTMLElement;

  constructor(private readonly texts: Texts) {
    const tipId = uid('stage-tip');
    this.tipName = h('strong', { class: 'tip-name' });
    this.tipNow = h('span', { class: 'tip-now' });
    this.tipWhat = h('span', { class: 'tip-what' });
    this.tooltip = h('div', { class: 'stage-tip', role: 'tooltip', id: tipId, hidden: true }, this.tipName, ' ', this.tipNow, h('br'), this.tipWhat);
    this.root = h('div', { class: 'stage-parts', role: 'group' });
    texts.attr(this.root, 'aria-label', 'stage.parts');
    this.root.addEventListener('keydown', (e) => this.onKey(e));
    this.root.addEventListener('focusout', (e) => {
      if (!this.root.contains(e.relatedTarget as Node | null)) this.scheduleHide();
    });
    this.tooltip.addEventListener('pointerenter', () => this.cancelHide());
    this.tooltip.addEventListener('pointerleave', () => this.scheduleHide());
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && this.shown !== null) this.hide();
    });
    texts.on(() => this.refresh());
  }

  /** new positions (the stage laid itself out again) */
  setParts(parts: StagePart[]): void {
    this.parts = sortParts(parts);
    const focused = this.buttons.indexOf(document.activeElement as HTMLButtonElement);
    while (this.buttons.length > this.parts.length) this.buttons.pop()!.remove();
    while (this.buttons.length < this.parts.length) {
      const i = this.buttons.length;
      const b = h('button', { type: 'button', class: 'stage-part', tabindex: '-1', 'aria-describedby': this.tooltip.id });
      b.addEventListener('focus', () => {
        this.current = i;
        this.syncTabIndex();
        this.show(i);
      });
      b.addEventListener('pointerenter', () => this.show(i));
      b.addEventListener('pointerleave', () => this.scheduleHide());
      b.addEventListener('click', () => this.show(i));
      this.buttons.push(b);
      this.root.append(b);
    }
    this.parts.forEach((p, i) => {
      const b = this.buttons[i];
      b.dataset.part = `${p.kind}:${p.key}`;
      Object.assign(b.style, { left: `${p.x}px`, top: `${p.y}px`, width: `${p.width}px`, height: `${p.height}px` });
    });
    if (this.current >= this.parts.length) this.current = 0;
    this.syncTabIndex();
    this.refresh();
    if (focused >= 0 && this.buttons[focused]) this.buttons[focused].focus();
  }

  /** the month shown changed: names and the open tooltip follow */
  setSnapshot(s: MonthSnapshot | null, dotScale: string): void {
    this.snapshot = s;
    this.dotScale = dotScale;
    this.refresh();
  }

  private refresh(): void {
    const { i18n } = this.texts;
    this.parts.forEach((p, i) => setAttr(this.buttons[i], 'aria-label', explainPart(i18n, p, this.snapshot, this.dotScale).name));
    if (this.shown !== null) this.fill(this.shown);
  }

  private syncTabIndex(): void {
    this.buttons.forEach((b, i) => {
      const t = i === this.current ? '0' : '-1';
      if (b.getAttribute('tabindex') !== t) b.setAttribute('tabindex', t);
    });
  }

  private onKey(e: KeyboardEvent): void {
    const n = this.buttons.length;
    if (n === 0) return;
    let next = -1;
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') next = (this.current + 1) % n;
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') next = (this.current + n - 1) % n;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = n - 1;
    else if (e.key === 'Escape') {
      this.hide();
      return;
    }
    if (next < 0) return;
    e.preventDefault();
    this.current = next;
    this.syncTabIndex();
    this.buttons[next].focus();
  }

  private fill(i: number): void {
    const p = this.parts[i];
    if (!p) return;
    const t = explainPart(this.texts.i18n, p, this.snapshot, this.dotScale);
    setText(this.tipName, t.name.split(', ')[0]);
    setText(this.tipNow, t.now);
    setText(this.tipWhat, t.what);
  }

  private show(i: number): void {
    this.cancelHide();
    const p = this.parts[i];
    if (!p) return;
    this.shown = i;
    this.fill(i);
    this.tooltip.hidden = false;
    // below the part if there is room in the drawing, else above; never past its sides
    const host = this.root.getBoundingClientRect();
    const tipW = Math.min(320, Math.max(200, host.width - 16));
    this.tooltip.style.width = `${tipW}px`;
    const left = Math.max(4, Math.min(p.x + p.width / 2 - tipW / 2, host.width - tipW - 4));
    this.tooltip.style.left = `${left}px`;
    const tipH = this.tooltip.offsetHeight;
    const below = p.y + p.height + 6;
    const top = below + tipH <= host.height || p.y - tipH - 6 < 0 ? below : p.y - tipH - 6;
    this.tooltip.style.top = `${top}px`;
  }

  private scheduleHide(): void {
    this.cancelHide();
    this.hideTimer = setTimeout(() => {
      if (this.root.contains(document.activeElement)) {
        const i = this.buttons.indexOf(document.activeElement as HTMLButtonElement);
        if (i >= 0) return this.show(i);
      }
      this.hide();
    }, HIDE_DELAY_MS);
  }

  private cancelHide(): void {
    if (this.hideTimer !== null) clearTimeout(this.hideTimer);
    this.hideTimer = null;
  }

  hide(): void {
    this.cancelHide();
    this.shown = null;
    this.tooltip.hidden = true;
  }
}
