// Scenario picker (every scenario with its title and description), run length, and the seed.
import { h, uid, type Texts } from '../dom';
import type { ScenarioInfo } from '../../engine/sandbox-api';
import { MAX_SEED, MAX_MONTHS } from '../url-state';

export interface ScenarioControlEvents {
  scenario(id: string): void;
  months(months: number): void;
  seed(seed: number): void;
  newSeed(): void;
}

const MONTH_CHOICES = [12, 24, 36, 48, 60, 96, 120, 180, 240];

export function parseSeed(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,10}$/.test(trimmed)) return null;
  const n = Number(trimmed);
  return n <= MAX_SEED ? n : null;
}

export class ScenarioControls {
  readonly root: HTMLElement;
  readonly picker: HTMLSelectElement;
  readonly seedInput: HTMLInputElement;
  private monthsSelect: HTMLSelectElement;
  private description: HTMLElement;
  private notice: HTMLElement;
  private seedError: HTMLElement;
  /** "Run length and seed: 96 months, seed 1": the seed stays in sight when the fields are folded */
  private moreSummary: HTMLElement = h('summary');
  private shown = { months: 0, seed: 0 };
  private scenarios: ScenarioInfo[] = [];

  constructor(
    private readonly texts: Texts,
    events: ScenarioControlEvents,
  ) {
    const pickerId = uid('scenario');
    const descId = uid('desc');
    this.picker = h('select', { id: pickerId, 'aria-describedby': descId, 'data-control': 'scenario' });
    this.description = h('p', { id: descId, class: 'scenario-description' });
    this.notice = h('p', { class: 'scenario-notice' });
    const monthsId = uid('months');
    this.monthsSelect = h('select', { id: monthsId, 'data-control': 'months' });
    const seedId = uid('seed');
    const seedHintId = uid('seed-hint');
    const seedErrorId = uid('seed-error');
    this.seedInput = h('input', {
      id: seedId,
      type: 'text',
      inputmode: 'numeric',
      autocomplete: 'off',
      spellcheck: 'false',
      class: 'seed-input',
      'aria-describedby': `${seedHintId} ${seedErrorId}`,
    });
    this.seedError = h('p', { id: seedErrorId, class: 'field-error', hidden: true });
    const newSeed = texts.text(h('button', { type: 'button', class: 'secondary', 'data-action': 'new-seed', 'aria-keyshortcuts': 'Alt+N' }), 'scenario.newSeed');

    // The scenario comes first (step 1); its story, the run length and the seed fold away so the
    // play bar and the drawing stay in view on a laptop and a phone.
    this.root = h(
      'section',
      { class: 'panel scenario-panel', 'aria-labelledby': 'scenario-heading' },
      h(
        'div',
        { class: 'field scenario-field' },
        h('h2', { id: 'scenario-heading', class: 'field-heading' }, h('span', { class: 'step-number', 'aria-hidden': 'true' }, '1'), texts.text(h('label', { for: pickerId }), 'scenario.picker')),
        this.picker,
      ),
      h(
        'details',
        { class: 'scenario-about' },
        texts.text(h('summary'), 'scenario.about'),
        this.description,
        this.notice,
      ),
      h(
        'details',
        { class: 'scenario-more', 'data-control': 'more' },
        this.moreSummary,
        h(
          'div',
          { class: 'field-row' },
          h('div', { class: 'field' }, texts.text(h('label', { for: monthsId }), 'scenario.months'), this.monthsSelect),
          h(
            'div',
            { class: 'field' },
            texts.text(h('label', { for: seedId }), 'scenario.seed'),
            h('div', { class: 'seed-row' }, this.seedInput, newSeed),
          ),
        ),
        texts.text(h('p', { id: seedHintId, class: 'hint' }), 'scenario.seedHint'),
        this.seedError,
      ),
    );

    this.picker.addEventListener('change', () => events.scenario(this.picker.value));
    this.monthsSelect.addEventListener('change', () => events.months(Number(this.monthsSelect.value)));
    newSeed.addEventListener('click', () => events.newSeed());
    const commitSeed = () => {
      const seed = parseSeed(this.seedInput.value);
      const ok = seed !== null;
      this.seedInput.setAttribute('aria-invalid', String(!ok));
      this.seedError.hidden = ok;
      if (ok) events.seed(seed);
    };
    this.seedInput.addEventListener('change', commitSeed);
    this.seedInput.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') commitSeed();
    });
    texts.on(() => {
      this.seedError.textContent = texts.i18n.t('scenario.seedInvalid');
      this.renderOptions();
      this.renderSummary();
    });
  }

  setScenarios(list: ScenarioInfo[]): void {
    this.scenarios = list;
    this.renderOptions();
  }

  private renderOptions(): void {
    const lang = this.texts.i18n.lang;
    const selected = this.picker.value;
    this.picker.replaceChildren(...this.scenarios.map((s) => h('option', { value: s.id }, s.title[lang])));
    if (selected) this.picker.value = selected;
    const months = this.monthsSelect.value;
    this.monthsSelect.replaceChildren(
      ...this.monthChoices().map((m) => h('option', { value: m }, this.texts.i18n.t('scenario.monthsOption', { months: this.texts.i18n.int(m) }))),
    );
    if (months) this.monthsSelect.value = months;
    this.renderDescription();
  }

  private monthChoices(): number[] {
    const current = Number(this.monthsSelect.value);
    const scenarioMonths = this.scenarios.find((s) => s.id === this.picker.value)?.months;
    const set = new Set(MONTH_CHOICES);
    for (const m of [current, scenarioMonths]) if (m && m > 0 && m <= MAX_MONTHS) set.add(m);
    return [...set].sort((a, b) => a - b);
  }

  private renderDescription(): void {
    const s = this.scenarios.find((x) => x.id === this.picker.value);
    const lang = this.texts.i18n.lang;
    this.description.textContent = s ? s.description[lang] : '';
    this.notice.textContent = s ? s.notice[lang] : '';
  }

  private renderSummary(): void {
    const { i18n } = this.texts;
    this.moreSummary.textContent = `${i18n.t('scenario.more')}: ${i18n.t('scenario.moreValues', { months: i18n.int(this.shown.months), seed: this.shown.seed })}`;
  }

  show(scenarioId: string, months: number, seed: number): void {
    this.shown = { months, seed };
    this.renderSummary();
    this.picker.value = scenarioId;
    this.monthsSelect.value = String(months);
    if (this.monthsSelect.value !== String(months)) {
      this.monthsSelect.append(h('option', { value: months }, this.texts.i18n.t('scenario.monthsOption', { months: this.texts.i18n.int(months) })));
      this.monthsSelect.value = String(months);
    }
    if (document.activeElement !== this.seedInput || parseSeed(this.seedInput.value) === seed) {
      this.seedInput.value = String(seed);
      this.seedInput.setAttribute('aria-invalid', 'false');
      this.seedError.hidden = true;
    }
    this.renderDescription();
  }
}
