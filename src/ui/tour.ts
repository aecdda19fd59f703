// A three-step tour on the first visit (pick a scenario, press play, move a lever and read the
// verdicts): a small non-modal dialog beside each step's control, with Back, Next and Skip. It can be
// skipped at any step (Escape too), and never comes back unasked: it is marked seen as soon as it
// shows; the help dialog offers it again.
import { h, type Texts } from './dom';
import type { MessageKey } from './i18n/index';

const SEEN_KEY = 'meerwaarde.tourSeen';

export interface TourStep {
  title: MessageKey;
  text: MessageKey;
  /** the control the step points at */
  target: () => HTMLElement | null;
}

function remember(): void {
  try {
    localStorage.setItem(SEEN_KEY, '1');
  } catch {
    // not remembered: it may be offered again on the next visit
  }
}

export function tourSeen(): boolean {
  try {
    return localStorage.getItem(SEEN_KEY) === '1';
  } catch {
    return true; // storage blocked: do not offer it on every visit
  }
}

export class Tour {
  readonly root: HTMLElement;
  private step = 0;
  private title: HTMLElement;
  private text: HTMLElement;
  private progress: HTMLElement;
  private back: HTMLButtonElement;
  private next: HTMLButtonElement;
  private returnFocus: HTMLElement | null = null;

  constructor(
    private readonly texts: Texts,
    private readonly steps: TourStep[],
  ) {
    this.title = h('h2', { id: 'tour-title', tabindex: '-1' });
    this.text = h('p', { id: 'tour-text' });
    this.progress = h('p', { class: 'tour-progress' });
    this.back = h('button', { type: 'button', class: 'secondary small', 'data-action': 'tour-back' });
    this.next = h('button', { type: 'button', class: 'primary small', 'data-action': 'tour-next' });
    const skip = texts.text(h('button', { type: 'button', class: 'secondary small', 'data-action': 'tour-skip' }), 'tour.skip');
    this.root = h(
      'div',
      { class: 'tour', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': 'tour-title', 'aria-describedby': 'tour-text', hidden: true },
      this.progress,
      this.title,
      this.text,
      h('div', { class: 'button-row' }, this.back, this.next, skip),
    );
    this.back.addEventListener('click', () => this.go(this.step - 1));
    this.next.addEventListener('click', () => (this.step >= this.steps.length - 1 ? this.close() : this.go(this.step + 1)));
    skip.addEventListener('click', () => this.close());
    this.root.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        this.close();
      }
    });
    window.addEventListener('resize', () => {
      if (!this.root.hidden) this.place();
    });
    texts.on(() => this.render());
  }

  get open(): boolean {
    return !this.root.hidden;
  }

  /** show the first step (and remember that it was offered) */
  start(): void {
    remember();
    this.returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    this.root.hidden = false;
    this.go(0);
  }

  /** on a first visit only */
  offer(): void {
    if (!tourSeen()) this.start();
  }

  close(): void {
    if (this.root.hidden) return;
    this.root.hidden = true;
    document.querySelectorAll('.tour-target').forEach((el) => el.classList.remove('tour-target'));
    const back = this.steps[this.step]?.target() ?? this.returnFocus;
    back?.focus?.();
  }

  private go(i: number): void {
    this.step = Math.max(0, Math.min(this.steps.length - 1, i));
    this.render();
    this.place();
    this.title.focus();
  }

  private render(): void {
    const { i18n } = this.texts;
    const s = this.steps[this.step];
    if (!s) return;
    this.title.textContent = i18n.t(s.title);
    this.text.textContent = i18n.t(s.text);
    this.progress.textContent = i18n.t('tour.progress', { n: this.step + 1, total: this.steps.length });
    this.back.textContent = i18n.t('tour.back');
    this.back.hidden = this.step === 0;
    this.next.textContent = i18n.t(this.step >= this.steps.length - 1 ? 'tour.done' : 'tour.next');
  }

  /** beside the step's control: below it if there is room, else above; inside the viewport */
  private place(): void {
    document.querySelectorAll('.tour-target').forEach((el) => el.classList.remove('tour-target'));
    const target = this.steps[this.step]?.target();
    if (!target) return;
    target.classList.add('tour-target');
    target.scrollIntoView({ block: 'nearest' });
    const r = target.getBoundingClientRect();
    const w = Math.min(360, window.innerWidth - 16);
    this.root.style.width = `${w}px`;
    const left = Math.max(8, Math.min(r.left, window.innerWidth - w - 8));
    const height = this.root.offsetHeight;
    const below = r.bottom + 10;
    const top = below + height <= window.innerHeight ? below : Math.max(8, r.top - height - 10);
    this.root.style.left = `${left + window.scrollX}px`;
    this.root.style.top = `${top + window.scrollY}px`;
  }
}
