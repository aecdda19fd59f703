// The question a student answers before the reveal: a native radio group (keyboard: arrows move within
// it), its legend the question. The chosen option is kept in the progress store.
import { h, setText, uid } from '../dom';

export interface Option {
  id: string;
  label: () => string;
}

export class PredictionPanel {
  readonly root: HTMLFieldSetElement;
  private legend: HTMLLegendElement;
  private list: HTMLElement;
  private options: Option[] = [];
  private inputs = new Map<string, HTMLInputElement>();
  private readonly name = uid('prediction');
  private listeners: ((id: string) => void)[] = [];

  constructor(private question: () => string) {
    this.legend = h('legend', {});
    this.list = h('div', { class: 'options' });
    this.root = h('fieldset', { class: 'prediction', 'data-part': 'prediction' }, this.legend, this.list);
  }

  setOptions(options: Option[], chosen: string | null): void {
    this.options = options;
    this.inputs.clear();
    this.list.replaceChildren(
      ...options.map((o) => {
        const id = uid('opt');
        const input = h('input', { type: 'radio', name: this.name, id, value: o.id, 'data-option': o.id });
        input.checked = o.id === chosen;
        input.addEventListener('change', () => {
          if (input.checked) for (const fn of this.listeners) fn(o.id);
        });
        this.inputs.set(o.id, input);
        return h('div', { class: 'option' }, input, h('label', { for: id }, o.label()));
      }),
    );
    this.refresh();
  }

  setQuestion(question: () => string): void {
    this.question = question;
    this.refresh();
  }

  /** texts in the current language */
  refresh(): void {
    setText(this.legend, this.question());
    this.options.forEach((o) => {
      const input = this.inputs.get(o.id);
      const label = input?.nextElementSibling;
      if (label) setText(label, o.label());
    });
  }

  get value(): string | null {
    for (const [id, input] of this.inputs) if (input.checked) return id;
    return null;
  }

  labelOf(id: string): string {
    return this.options.find((o) => o.id === id)?.label() ?? id;
  }

  onChange(fn: (id: string) => void): void {
    this.listeners.push(fn);
  }

  focus(): void {
    (this.inputs.values().next().value as HTMLInputElement | undefined)?.focus();
  }
}
