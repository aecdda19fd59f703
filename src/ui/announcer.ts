// Status messages for screen readers at a calm pace (WCAG 4.1.3), after PhET's AriaLiveAnnouncer:
// two polite live regions used in turn (so a repeated sentence is still read), a minimum gap between
// messages, and "latest wins" per topic so a fast run never floods the queue.
import { h } from './dom';

interface Pending {
  topic: string;
  text: string;
}

export class Announcer {
  private regions: HTMLElement[];
  private turn = 0;
  private queue: Pending[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastAt = -Infinity;
  private muted = false;

  constructor(
    parent: HTMLElement,
    private readonly gapMs = 1500,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.regions = [0, 1].map(() => h('div', { class: 'visually-hidden', 'aria-live': 'polite', 'aria-atomic': 'true' }));
    parent.append(...this.regions);
  }

  /** queue a message; a newer message on the same topic replaces a pending one */
  say(text: string, topic = text): void {
    if (this.muted) return;
    const i = this.queue.findIndex((p) => p.topic === topic);
    if (i >= 0) this.queue[i] = { topic, text };
    else this.queue.push({ topic, text });
    this.pump();
  }

  /** drop pending messages (used by reset, which then says one thing) */
  clear(): void {
    this.queue = [];
  }

  /** mute while a batch of changes happens (loading a link), then speak once */
  setMuted(on: boolean): void {
    this.muted = on;
    if (on) this.clear();
  }

  /** the text last placed in a live region (for tests) */
  get lastText(): string {
    return this.regions[(this.turn + 1) % 2].textContent ?? '';
  }

  private pump(): void {
    if (this.timer !== null || this.queue.length === 0) return;
    const wait = Math.max(0, this.lastAt + this.gapMs - this.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      const next = this.queue.shift();
      if (next) {
        const region = this.regions[this.turn];
        this.regions[(this.turn + 1) % 2].textContent = '';
        region.textContent = next.text;
        this.turn = (this.turn + 1) % 2;
        this.lastAt = this.now();
      }
      this.pump();
    }, wait);
  }
}
