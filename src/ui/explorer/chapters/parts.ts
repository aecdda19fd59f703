// Controls the chapters share: a municipality (scenario) and a seed, a manager's attention over the three
// corners (the sandbox's slider and rebalancing), a manager's strategy per corner as the deck's two
// strategies (or both halves), and a month slider. Each turns into the sandbox's player controls at
// month 0, so a chapter's run is a RunSpec the sandbox and the command line replay.
import { h, setText, uid, type Texts } from '../../dom';
import { Slider } from '../../controls/slider';
import { rebalanceAttention } from '../../controls/lever-controls';
import { CORNERS, type Corner, type ManagerId } from '../../../model/types';
import type { PlayerControl, ScenarioInfo } from '../../../engine/sandbox-api';
import type { RunSpec } from '../../../engine/replay';
import type { ExplorerText } from '../i18n/index';
import type { ChapterContext } from '../chapter';
import { MAX_SEED } from '../../url-state';

export type CornerTriple = Record<Corner, number>;

/** The chapter's run as a trainer's link preset it, else the chapter's own defaults. */
export function presetSpec(ctx: ChapterContext, defaults: RunSpec): RunSpec {
  const r = ctx.route.run;
  if (!r || !ctx.scenarios.some((s) => s.id === r.scenario)) return defaults;
  return { scenarioId: r.scenario, seed: r.seed ?? defaults.seed, months: r.months ?? defaults.months, controls: r.c };
}

/** The value a month-0 control of the preset gives a path, if any. */
export function presetValue(controls: readonly PlayerControl[], path: string): number | undefined {
  let v: number | undefined;
  for (const c of controls) if (c.month === 0 && c.type === 'set' && c.path === path) v = c.value;
  return v;
}

export function setControls(entries: [path: string, value: number][]): PlayerControl[] {
  return entries.map(([path, value]) => ({ month: 0, type: 'set', path, value }));
}

/** A field: label and control in one block. */
export function field(texts: Texts, label: () => string, control: HTMLElement, hint?: () => string): HTMLElement {
  const id = control.id || uid('field');
  control.id = id;
  return h('div', { class: 'field' }, texts.text(h('label', { for: id }), label), control, hint ? texts.text(h('p', { class: 'hint' }), hint) : null);
}

export class ScenarioField {
  readonly root: HTMLElement;
  readonly select: HTMLSelectElement;

  constructor(
    private readonly ctx: ChapterContext,
    private readonly ids: readonly string[] | null,
    value: string,
    onChange: () => void,
    label: () => string = ctx.x.bind('shell.scenario'),
  ) {
    this.select = h('select', { 'data-control': 'scenario' });
    this.root = field(ctx.texts, label, this.select);
    this.select.addEventListener('change', onChange);
    ctx.texts.on(() => this.fill(this.select.value || value));
  }

  private list(): ScenarioInfo[] {
    return this.ids ? this.ids.map((id) => this.ctx.scenarios.find((s) => s.id === id)).filter((s): s is ScenarioInfo => s !== undefined) : this.ctx.scenarios;
  }

  private fill(value: string): void {
    const lang = this.ctx.i18n.lang;
    this.select.replaceChildren(...this.list().map((s) => h('option', { value: s.id }, s.title[lang])));
    this.select.value = value;
  }

  get value(): string {
    return this.select.value;
  }

  title(id = this.value): string {
    return this.ctx.scenarios.find((s) => s.id === id)?.title[this.ctx.i18n.lang] ?? id;
  }
}

export class SeedField {
  readonly root: HTMLElement;
  readonly input: HTMLInputElement;
  private error: HTMLElement;
  private last: number;

  constructor(ctx: ChapterContext, value: number, onChange: () => void) {
    this.last = value;
    this.input = h('input', { type: 'number', min: 0, max: MAX_SEED, step: 1, inputmode: 'numeric', value, 'data-control': 'seed' });
    this.error = h('p', { class: 'field-error', role: 'alert', hidden: true });
    this.root = h('div', {}, field(ctx.texts, ctx.x.bind('shell.seed'), this.input), this.error);
    this.input.addEventListener('change', () => {
      const n = Number(this.input.value);
      const ok = this.input.value.trim() !== '' && Number.isInteger(n) && n >= 0 && n <= MAX_SEED;
      this.error.hidden = ok;
      this.input.setAttribute('aria-invalid', String(!ok));
      setText(this.error, ok ? '' : ctx.i18n.t('scenario.seedInvalid'));
      if (ok && n !== this.last) {
        this.last = n;
        onChange();
      }
    });
  }

  get value(): number {
    return this.last;
  }
}

/** A manager's attention over the three corners: three sliders that always add up to 100%. */
export class AttentionField {
  readonly root: HTMLElement;
  private sliders: Record<Corner, Slider>;
  private values: CornerTriple;

  constructor(texts: Texts, legend: () => string, start: CornerTriple, onChange: () => void, name = 'attention') {
    const { i18n } = texts;
    this.values = normalise(start);
    this.sliders = Object.fromEntries(
      CORNERS.map((c) => [
        c,
        new Slider(texts, {
          label: () => i18n.t(`corner.${c}`),
          min: 0,
          max: 1,
          step: 0.05,
          name: `${name}.${c}`,
          format: (v) => i18n.pct(v),
          onCommit: (v) => {
            this.values = rebalanceAttention(this.values, c, v);
            this.show();
            onChange();
          },
        }),
      ]),
    ) as Record<Corner, Slider>;
    const legendEl = h('legend', {});
    texts.text(legendEl, legend);
    this.root = h('fieldset', { class: 'attention-field', 'data-field': name }, legendEl, ...CORNERS.map((c) => this.sliders[c].root), texts.text(h('p', { class: 'hint' }), 'levers.attentionHint'));
    this.show();
  }

  private show(): void {
    for (const c of CORNERS) this.sliders[c].value = this.values[c];
  }

  get value(): CornerTriple {
    return { ...this.values };
  }
}

export function normalise(t: CornerTriple): CornerTriple {
  const sum = CORNERS.reduce((s, c) => s + Math.max(0, t[c]), 0);
  if (!(sum > 0)) return { value: 1 / 3, capacity: 1 / 3, legitimacy: 1 / 3 };
  const r = (v: number) => Math.round((Math.max(0, v) / sum) * 1000) / 1000;
  return { value: r(t.value), capacity: r(t.capacity), legitimacy: r(t.legitimacy) };
}

/** The deck's two strategies per corner, and both halves: 1 (own line), 0.5, 0 (from outside). */
export const STANCE_LEVELS = [1, 0.5, 0] as const;

export class StanceField {
  readonly root: HTMLElement;
  private groups: Record<Corner, HTMLInputElement[]>;

  constructor(texts: Texts, x: ExplorerText, legend: () => string, start: CornerTriple, onChange: () => void, corners: readonly Corner[] = CORNERS, name = 'stance') {
    const { i18n } = texts;
    this.groups = {} as Record<Corner, HTMLInputElement[]>;
    const sets = corners.map((c) => {
      const group = uid(`stance-${c}`);
      const inputs = STANCE_LEVELS.map((level) => {
        const input = h('input', { type: 'radio', name: group, value: level, id: uid('stance'), 'data-stance': `${c}:${level}` });
        input.checked = nearest(start[c]) === level;
        input.addEventListener('change', () => input.checked && onChange());
        return input;
      });
      this.groups[c] = inputs;
      const label = (level: number) => (level === 1 ? x.t(`stance.${c}.1`) : level === 0 ? x.t(`stance.${c}.0`) : x.t('stance.both'));
      const legendEl = h('legend', {});
      texts.text(legendEl, () => i18n.t(`corner.${c}`));
      const rows = inputs.map((input, i) => h('div', { class: 'option' }, input, texts.text(h('label', { for: input.id }), () => label(STANCE_LEVELS[i]))));
      return h('fieldset', { class: 'stance-corner' }, legendEl, ...rows);
    });
    const legendEl = h('legend', {});
    texts.text(legendEl, legend);
    this.root = h('fieldset', { class: 'stance-field', 'data-field': name }, legendEl, h('div', { class: 'stance-grid' }, ...sets));
  }

  get value(): CornerTriple {
    const out = { value: 0.5, capacity: 0.5, legitimacy: 0.5 };
    for (const [c, inputs] of Object.entries(this.groups) as [Corner, HTMLInputElement[]][]) {
      const on = inputs.find((i) => i.checked);
      if (on) out[c] = Number(on.value);
    }
    return out;
  }
}

function nearest(v: number | undefined): number {
  if (v === undefined) return 0.5;
  return STANCE_LEVELS.reduce((best, l) => (Math.abs(l - v) < Math.abs(best - v) ? l : best), 0.5);
}

/** A radio group of a few named choices. */
export class ChoiceField<T extends string> {
  readonly root: HTMLElement;
  private inputs: HTMLInputElement[];

  constructor(texts: Texts, legend: () => string, options: { id: T; label: () => string }[], start: T, onChange: () => void, name: string) {
    const group = uid(name);
    this.inputs = options.map((o) => {
      const input = h('input', { type: 'radio', name: group, value: o.id, id: uid(name), 'data-choice': `${name}:${o.id}` });
      input.checked = o.id === start;
      input.addEventListener('change', () => input.checked && onChange());
      return input;
    });
    const legendEl = texts.text(h('legend', {}), legend);
    this.root = h('fieldset', { class: 'choice-field', 'data-field': name }, legendEl, ...this.inputs.map((input, i) => h('div', { class: 'option' }, input, texts.text(h('label', { for: input.id }), options[i].label))));
  }

  get value(): T {
    return (this.inputs.find((i) => i.checked)?.value ?? this.inputs[0].value) as T;
  }
}

/** A manager's settings as month-0 controls (the manager is then held by the player, as in the sandbox). */
export function managerControls(id: ManagerId, attention: CornerTriple | null, stance: Partial<CornerTriple> | null): PlayerControl[] {
  const entries: [string, number][] = [];
  if (attention) for (const c of CORNERS) entries.push([`managers.${id}.attention.${c}`, attention[c]]);
  if (stance) for (const c of CORNERS) if (stance[c] !== undefined) entries.push([`managers.${id}.stance.${c}`, stance[c]!]);
  return setControls(entries);
}

/** A slider over the months of a run (Bret Victor: control time), with the month in words. */
export class MonthScrubber {
  readonly root: HTMLElement;
  readonly input: HTMLInputElement;
  private out: HTMLOutputElement;

  constructor(private readonly ctx: Pick<ChapterContext, 'texts' | 'x'>, label: () => string, onInput: (month: number) => void) {
    const id = uid('scrub');
    this.input = h('input', { type: 'range', id, min: 1, max: 1, step: 1, value: 1, 'data-control': 'month' });
    this.out = h('output', { for: id });
    this.root = h('div', { class: 'field scrubber' }, ctx.texts.text(h('label', { for: id }), label), h('div', { class: 'slider-line' }, this.input, this.out));
    this.input.addEventListener('input', () => {
      this.show();
      onInput(this.month);
    });
  }

  set(months: number, month = months): void {
    this.input.max = String(months);
    this.input.value = String(month);
    this.show();
  }

  get month(): number {
    return Number(this.input.value);
  }

  private show(): void {
    setText(this.out, String(this.month));
    this.input.setAttribute('aria-valuetext', this.ctx.x.t('shell.monthOf', { month: this.month, months: this.input.max }));
  }
}

/** Column j of a replay's series (row-major, one row per month). */
export function column(series: Float64Array, columns: readonly string[], path: string): Float64Array {
  const j = columns.indexOf(path);
  const width = columns.length;
  const out = new Float64Array(series.length / width);
  for (let i = 0; i < out.length; i++) out[i] = series[i * width + j];
  return out;
}

/** Who to tell when a chapter's settings change (a new run is due) or a run is picked (same runs). */
export class Changes {
  private listeners: ((kind: 'settings' | 'selection') => void)[] = [];
  readonly settings = (): void => this.listeners.forEach((fn) => fn('settings'));
  readonly selection = (): void => this.listeners.forEach((fn) => fn('selection'));
  on(fn: (kind: 'settings' | 'selection') => void): void {
    this.listeners.push(fn);
  }
}
