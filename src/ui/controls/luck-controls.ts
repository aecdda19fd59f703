// Luck: how strongly luck and bad luck strike, and a card to play now.
import { h, heading, uid, type Texts } from '../dom';
import { GOOD_LUCK, LUCK_EVENTS, type LuckEvent } from '../../model/types';
import { SETTINGS } from '../../engine/sandbox-api';
import { Slider } from './slider';

export const LUCK_PATH = 'params.luckIntensity';

export class LuckControls {
  readonly root: HTMLElement;
  readonly cardSelect: HTMLSelectElement;
  readonly playButton: HTMLButtonElement;
  private intensity: Slider;

  constructor(
    private readonly texts: Texts,
    events: { set(path: string, value: number): void; card(card: LuckEvent): void },
  ) {
    const { i18n } = texts;
    const spec = SETTINGS.find((s) => s.path === LUCK_PATH)!;
    this.intensity = new Slider(texts, {
      label: 'luck.intensity',
      name: 'luckIntensity',
      min: spec.min,
      max: spec.max,
      step: spec.step,
      format: (v) => i18n.t('luck.intensityValue', { value: i18n.decimal(v) }),
      onCommit: (v) => events.set(LUCK_PATH, v),
    });
    const selectId = uid('card');
    this.cardSelect = h('select', { id: selectId, 'data-control': 'card' });
    this.playButton = h('button', { type: 'button', 'data-action': 'card' });
    texts.text(this.playButton, 'luck.play');
    this.playButton.addEventListener('click', () => events.card(this.cardSelect.value as LuckEvent));

    this.root = h(
      'section',
      { class: 'panel luck', 'aria-labelledby': 'luck-heading' },
      heading(texts, 2, 'luck.heading', { id: 'luck-heading' }),
      this.intensity.root,
      h(
        'div',
        { class: 'field' },
        texts.text(h('label', { for: selectId }), 'luck.card'),
        h('div', { class: 'card-row' }, this.cardSelect, this.playButton),
      ),
    );
    texts.on(() => this.renderCards());
  }

  private renderCards(): void {
    const { i18n } = this.texts;
    const selected = this.cardSelect.value;
    const group = (good: boolean) =>
      h(
        'optgroup',
        { label: i18n.t(good ? 'luck.good' : 'luck.bad') },
        ...LUCK_EVENTS.filter((e) => GOOD_LUCK.has(e) === good).map((e) =>
          h('option', { value: e }, `${good ? '+' : '−'} ${i18n.t(`event.${e}`)}`),
        ),
      );
    this.cardSelect.replaceChildren(group(true), group(false));
    if (selected) this.cardSelect.value = selected;
  }

  update(intensity: number | undefined, live: number | null, disabled: boolean): void {
    this.intensity.value = intensity ?? 1;
    this.intensity.now = live;
    this.intensity.disabled = disabled;
    this.cardSelect.disabled = disabled;
    this.playButton.disabled = disabled;
  }
}
