// A labelled range input with a live readout, an aria-valuetext in words, optional labels for its two
// ends, and a "now" readout for the model's current value (managers adapt on their own).
import { h, setAttr, setText, uid, type Texts } from '../dom';
import type { MessageKey } from '../i18n/index';

export interface SliderOptions {
  label: MessageKey | (() => string);
  min: number;
  max: number;
  step: number;
  /** the readout and aria-valuetext */
  format: (value: number) => string;
  /** labels under the two ends (pull on the left, push on the right) */
  ends?: [MessageKey, MessageKey];
  hint?: MessageKey;
  /** called on release or on each key press, not while dragging */
  onCommit: (value: number) => void;
  /** called while dragging */
  onInput?: (value: number) => void;
  /** a stable name for tests and styling */
  name?: string;
}

export class Slider {
  readonly root: HTMLElement;
  readonly input: HTMLInputElement;
  private output: HTMLOutputElement;
  private nowEl: HTMLElement;
  private nowValue: number | null = null;

  constructor(
    private readonly texts: Texts,
    private readonly opts: SliderOptions,
  ) {
    const id = uid('slider');
    const label = texts.text(h('label', { for: id }), opts.label);
    this.output = h('output', { for: id, class: 'slider-value' });
    this.input = h('input', { type: 'range', id, min: opts.min, max: opts.max, step: opts.step, 'data-setting': opts.name });
    this.nowEl = h('span', { class: 'slider-now' });
    const describedBy: string[] = [];
    let endsEl: HTMLElement | null = null;
    if (opts.ends) {
      // the two end labels are seen side by side; a screen reader hears one sentence naming both ends
      // (it heard them run together, "outsidePush", issue 7 defect 6)
      const endsId = uid('ends');
      describedBy.push(endsId);
      const [left, right] = opts.ends;
      endsEl = h(
        'div',
        { class: 'slider-ends' },
        h('span', { 'aria-hidden': 'true' }, texts.text(h('span'), left)),
        h('span', { 'aria-hidden': 'true' }, texts.text(h('span'), right)),
        texts.text(h('span', { id: endsId, class: 'visually-hidden' }), () => texts.i18n.t('levers.ends', { left: texts.i18n.t(left), right: texts.i18n.t(right) })),
      );
    }
    const nowId = uid('now');
    this.nowEl.id = nowId;
    describedBy.push(nowId);
    let hintEl: HTMLElement | null = null;
    if (opts.hint) {
      const hintId = uid('hint');
      describedBy.push(hintId);
      hintEl = texts.text(h('p', { class: 'hint', id: hintId }), opts.hint);
    }
    this.input.setAttribute('aria-describedby', describedBy.join(' '));
    this.root = h('div', { class: 'slider' }, h('div', { class: 'slider-head' }, label, this.output), this.input, endsEl, h('div', { class: 'slider-foot' }, this.nowEl), hintEl);
    this.input.addEventListener('input', () => {
      const v = this.input.valueAsNumber;
      this.show(v);
      opts.onInput?.(v);
    });
    this.input.addEventListener('change', () => opts.onCommit(this.input.valueAsNumber));
    texts.on(() => {
      this.show(this.input.valueAsNumber);
      this.renderNow();
    });
  }

  /** set the value shown (not while the user holds the thumb) */
  set value(v: number) {
    if (document.activeElement === this.input && this.input.matches(':active')) return;
    if (this.input.valueAsNumber !== v) this.input.value = String(v);
    this.show(this.input.valueAsNumber);
  }

  get value(): number {
    return this.input.valueAsNumber;
  }

  /** the model's current value, shown beside the setting */
  set now(v: number | null) {
    if (v === this.nowValue) return;
    this.nowValue = v;
    this.renderNow();
  }

  set disabled(on: boolean) {
    if (this.input.disabled !== on) this.input.disabled = on;
  }

  private renderNow(): void {
    setText(this.nowEl, this.nowValue === null ? '' : this.texts.i18n.t('levers.now', { value: this.opts.format(this.nowValue) }));
  }

  private show(v: number): void {
    const text = this.opts.format(v);
    setText(this.output, text);
    setAttr(this.input, 'aria-valuetext', text);
  }
}
