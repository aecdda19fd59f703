// Play/pause, step a month, reset, speed; the month reached and the state of the run.
import { h, heading, setText, uid, type Texts } from '../dom';
import { SPEEDS, type Speed } from '../store';

export interface RunControlEvents {
  playPause(): void;
  step(): void;
  reset(): void;
  speed(speed: Speed): void;
}

export interface RunView {
  playing: boolean;
  done: boolean;
  month: number;
  months: number;
  speed: Speed;
  busy: boolean;
}

const ICON = { play: '▶', pause: '❚❚', step: '▶|', reset: '↺' };

export class RunControls {
  readonly root: HTMLElement;
  readonly playButton: HTMLButtonElement;
  readonly stepButton: HTMLButtonElement;
  readonly resetButton: HTMLButtonElement;
  private playIcon: HTMLElement;
  private playLabel: HTMLElement;
  private monthText: HTMLElement;
  private stateText: HTMLElement;
  private progress: HTMLProgressElement;
  /** a mark on the progress bar for each of the player's controls: a lasting trace of what they did */
  private marks: HTMLElement;
  private doneNote: HTMLElement;
  private speedInputs = new Map<Speed, HTMLInputElement>();
  private view: RunView = { playing: false, done: false, month: 0, months: 1, speed: 'normal', busy: true };

  constructor(
    private readonly texts: Texts,
    events: RunControlEvents,
  ) {
    this.playIcon = h('span', { class: 'icon', 'aria-hidden': 'true' });
    this.playLabel = h('span');
    this.playButton = h('button', { type: 'button', class: 'primary play', 'data-action': 'play', 'aria-keyshortcuts': 'Alt+K' }, this.playIcon, this.playLabel);
    this.stepButton = h(
      'button',
      { type: 'button', 'data-action': 'step', 'aria-keyshortcuts': 'Alt+J' },
      h('span', { class: 'icon', 'aria-hidden': 'true' }, ICON.step),
      texts.text(h('span'), 'run.step'),
    );
    this.resetButton = h(
      'button',
      { type: 'button', 'data-action': 'reset', 'aria-keyshortcuts': 'Alt+R' },
      h('span', { class: 'icon', 'aria-hidden': 'true' }, ICON.reset),
      texts.text(h('span'), 'run.reset'),
    );
    const progressId = uid('progress');
    this.monthText = h('span', { id: progressId, class: 'month' });
    this.stateText = h('span', { class: 'run-state' });
    this.progress = h('progress', { max: 1, value: 0, 'aria-labelledby': progressId });
    this.marks = h('div', { class: 'control-marks', 'aria-hidden': 'true' });
    this.doneNote = h('p', { class: 'hint', hidden: true });

    const legendId = uid('speed');
    const speedGroup = h(
      'fieldset',
      { class: 'speed', 'aria-labelledby': legendId },
      texts.text(h('legend', { id: legendId }), 'run.speed'),
      ...SPEEDS.map((speed) => {
        const id = uid('speed');
        const input = h('input', { type: 'radio', name: 'speed', id, value: speed });
        input.addEventListener('change', () => input.checked && events.speed(speed));
        this.speedInputs.set(speed, input);
        return h('span', { class: 'speed-option' }, input, texts.text(h('label', { for: id }), `run.speed.${speed}`));
      }),
    );

    this.root = h(
      'section',
      { class: 'panel run-panel', 'aria-labelledby': 'run-heading' },
      heading(texts, 2, 'run.heading', { id: 'run-heading', class: 'visually-hidden' }),
      h('div', { class: 'run-buttons' }, h('span', { class: 'step-number', 'aria-hidden': 'true' }, '2'), this.playButton, this.stepButton, this.resetButton),
      h('div', { class: 'run-status' }, this.monthText, this.stateText),
      h('div', { class: 'progress-wrap' }, this.progress, this.marks),
      this.doneNote,
      speedGroup,
    );

    this.playButton.addEventListener('click', () => events.playPause());
    this.stepButton.addEventListener('click', () => events.step());
    this.resetButton.addEventListener('click', () => events.reset());
    texts.on(() => this.render());
  }

  /** marks at the months of the player's controls (cards and settings) */
  setMarks(controls: readonly { month: number; type: string }[], months: number): void {
    const key = controls.map((c) => `${c.month}${c.type}`).join(',') + `/${months}`;
    if (this.marks.dataset.key === key) return;
    this.marks.dataset.key = key;
    const seen = new Set<string>();
    this.marks.replaceChildren(
      ...controls
        .filter((c) => {
          const k = `${c.month}:${c.type === 'set' ? 'set' : 'card'}`;
          if (seen.has(k)) return false;
          seen.add(k);
          return true;
        })
        .map((c) => h('span', { class: `control-mark ${c.type === 'set' ? 'mark-setting' : 'mark-card'}`, style: `left:${(100 * c.month) / Math.max(1, months)}%` })),
    );
  }

  update(view: RunView): void {
    this.view = view;
    this.render();
  }

  private render(): void {
    const { i18n } = this.texts;
    const v = this.view;
    setText(this.playIcon, v.playing ? ICON.pause : ICON.play);
    setText(this.playLabel, i18n.t(v.playing ? 'run.pause' : 'run.play'));
    const disable = (b: HTMLButtonElement, on: boolean) => {
      if (b.disabled !== on) b.disabled = on;
    };
    disable(this.playButton, v.done || v.busy);
    disable(this.stepButton, v.done || v.busy || v.playing);
    disable(this.resetButton, v.busy);
    setText(this.monthText, i18n.t('run.month', { month: i18n.int(v.month), months: i18n.int(v.months) }));
    setText(this.stateText, i18n.t(v.done ? 'run.state.done' : v.playing ? 'run.state.playing' : 'run.state.paused'));
    const state = v.done ? 'done' : v.playing ? 'playing' : 'paused';
    if (this.stateText.dataset.state !== state) this.stateText.dataset.state = state;
    if (this.progress.max !== v.months) this.progress.max = v.months;
    if (this.progress.value !== v.month) this.progress.value = v.month;
    if (this.doneNote.hidden === v.done) this.doneNote.hidden = !v.done;
    setText(this.doneNote, i18n.t('run.doneNote'));
    const speedInput = this.speedInputs.get(v.speed);
    if (speedInput && !speedInput.checked) speedInput.checked = true;
  }
}
