// A manager's decision for a round: attention over the three levers, a strategy per corner and maybe an
// initiative card. Native controls with visible labels (they work by touch at 390 px and by keyboard);
// the sliders are the sandbox's (src/ui/controls/slider.ts).
import { h, setText, uid } from '../ui/dom';
import { Slider } from '../ui/controls/slider';
import { CORNERS, type Corner } from '../model/types';
import { CARD_KINDS, type Card, type Decision } from '../session/terms';
import type { TrainingContext } from './context';

const STEP = 0.05;

export class DecisionForm {
  readonly root: HTMLFormElement;
  readonly saveButton: HTMLButtonElement;
  readonly statusLine: HTMLElement;
  private attention: Record<Corner, Slider>;
  private stance: Record<Corner, Slider>;
  private cardInputs: HTMLInputElement[] = [];
  private corner: HTMLSelectElement;
  private heading: HTMLElement;

  constructor(
    private readonly ctx: TrainingContext,
    onSubmit: (d: Decision) => void,
    onEdit: (d: Decision) => void = () => {},
  ) {
    const { i18n, texts } = ctx;
    const share = (c: Corner) => {
      const total = CORNERS.reduce((a, k) => a + (this.attention?.[k]?.value ?? 0), 0);
      const own = this.attention?.[c]?.value ?? 0;
      return total > 0 ? own / total : 0;
    };
    /** each attention readout is a share of the three: rewrite them all */
    const refreshShares = () => {
      for (const c of CORNERS) {
        const slider = this.attention[c];
        const v = slider.value;
        slider.value = v;
      }
    };
    const edited = () => {
      refreshShares();
      onEdit(this.get());
    };
    this.attention = {} as Record<Corner, Slider>;
    for (const c of CORNERS) {
      this.attention[c] = new Slider(texts, {
        label: `corner.${c}`,
        min: 0,
        max: 1,
        step: STEP,
        name: `attention.${c}`,
        format: () => i18n.pct(share(c)),
        onCommit: edited,
        onInput: refreshShares,
      });
    }
    this.stance = {} as Record<Corner, Slider>;
    for (const c of CORNERS) {
      this.stance[c] = new Slider(texts, {
        label: `corner.${c}`,
        min: 0,
        max: 1,
        step: STEP,
        name: `stance.${c}`,
        ends: [`levers.stance.${c}.pull`, `levers.stance.${c}.push`],
        format: (v) => i18n.t('levers.stanceValue', { pct: i18n.pct(v) }),
        onCommit: edited,
      });
    }
    const cardName = uid('card');
    const cardOptions = (['none', ...CARD_KINDS] as const).map((kind) => {
      const id = uid('card');
      const input = h('input', { type: 'radio', name: cardName, id, value: kind, 'data-card': kind });
      if (kind === 'none') input.checked = true;
      input.addEventListener('change', () => {
        this.corner.disabled = kind === 'none';
        edited();
      });
      this.cardInputs.push(input);
      return h('div', { class: 'radio' }, input, ctx.text(h('label', { for: id }), `tr.play.card.${kind}`));
    });
    const cornerId = uid('corner');
    this.corner = h('select', { id: cornerId, 'data-field': 'card-corner', disabled: true });
    for (const c of CORNERS) this.corner.append(texts.text(h('option', { value: c }), `corner.${c}`));
    this.corner.addEventListener('change', edited);

    this.heading = h('h2', { id: uid('decision') });
    this.saveButton = h('button', { type: 'submit', class: 'primary', 'data-action': 'save-decision' });
    ctx.text(this.saveButton, 'tr.play.save');
    this.statusLine = h('p', { class: 'save-status', role: 'status', 'aria-live': 'polite' });
    const attHint = uid('hint');
    this.root = h(
      'form',
      { class: 'panel decision-form', 'aria-labelledby': this.heading.id, novalidate: true },
      this.heading,
      h(
        'fieldset',
        { class: 'attention', 'aria-describedby': attHint },
        ctx.text(h('legend'), 'tr.play.attention'),
        ctx.text(h('p', { class: 'hint', id: attHint }), 'tr.play.attentionHint'),
        ...CORNERS.map((c) => this.attention[c].root),
      ),
      h('fieldset', { class: 'stance' }, ctx.text(h('legend'), 'tr.play.stance'), ...CORNERS.map((c) => this.stance[c].root)),
      h(
        'fieldset',
        { class: 'card' },
        ctx.text(h('legend'), 'tr.play.card'),
        ...cardOptions,
        h('div', { class: 'field' }, ctx.text(h('label', { for: cornerId }), 'tr.play.cardCorner'), this.corner),
      ),
      h('div', { class: 'button-row' }, this.saveButton),
      this.statusLine,
    );
    this.root.addEventListener('submit', (e) => {
      e.preventDefault();
      onSubmit(this.get());
    });
  }

  setRound(round: number): void {
    setText(this.heading, this.ctx.tt('tr.play.decision', { round }));
    this.heading.dataset.round = String(round);
  }

  set(d: Decision): void {
    for (const c of CORNERS) this.attention[c].value = d.attention[c];
    for (const c of CORNERS) this.attention[c].value = d.attention[c];
    for (const c of CORNERS) this.stance[c].value = d.stance[c];
    const kind = d.card?.kind ?? 'none';
    for (const input of this.cardInputs) input.checked = input.value === kind;
    this.corner.disabled = kind === 'none';
    if (d.card) this.corner.value = d.card.corner;
  }

  get(): Decision {
    const round = (x: number) => Math.round(x / STEP) / (1 / STEP);
    const kind = this.cardInputs.find((i) => i.checked)?.value ?? 'none';
    const card: Card | null = kind === 'none' ? null : { kind: kind as Card['kind'], corner: this.corner.value as Corner };
    return {
      attention: { value: round(this.attention.value.value), capacity: round(this.attention.capacity.value), legitimacy: round(this.attention.legitimacy.value) },
      stance: { value: round(this.stance.value.value), capacity: round(this.stance.capacity.value), legitimacy: round(this.stance.legitimacy.value) },
      card,
    };
  }

  setEnabled(on: boolean): void {
    for (const el of this.root.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLButtonElement>('input, select, button')) {
      el.disabled = !on || (el === this.corner && (this.cardInputs.find((i) => i.checked)?.value ?? 'none') === 'none');
    }
  }

  status(text: string, kind: 'saved' | 'unsent' | 'error' | 'info' = 'info'): void {
    setText(this.statusLine, text);
    this.statusLine.dataset.kind = kind;
  }
}

/** a decision that rounds the way the sliders do (attention and stance from the model's own state) */
export function decisionFrom(attention: Record<Corner, number>, stance: Record<Corner, number>): Decision {
  const r = (x: number) => Math.min(1, Math.max(0, Math.round(x / STEP) / (1 / STEP)));
  const att = { value: r(attention.value), capacity: r(attention.capacity), legitimacy: r(attention.legitimacy) };
  if (att.value + att.capacity + att.legitimacy === 0) att.value = STEP;
  return { attention: att, stance: { value: r(stance.value), capacity: r(stance.capacity), legitimacy: r(stance.legitimacy) }, card: null };
}
