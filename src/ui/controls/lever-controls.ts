// The levers, per manager (tabs): attention over the three corners, push or pull per corner, and the
// style of their initiatives (courage, design, reframing). A change becomes a player control at the
// current month; the readout "now" shows the manager's current value, which they may adapt themselves.
import { h, setText, uid, type Texts } from '../dom';
import { CORNERS, MANAGER_IDS, type Corner, type ManagerId, type ManagerSnapshot } from '../../model/types';
import { SETTINGS, type ManagerSettingKey } from '../../engine/sandbox-api';
import type { MessageKey } from '../i18n/index';
import { Slider } from './slider';

export interface SettingChange {
  path: string;
  value: number;
}

const STYLE_KEYS = ['courage', 'design', 'reframe'] as const;
const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** Set one attention share and rescale the other two so the three add up to 1. */
export function rebalanceAttention(current: Record<Corner, number>, corner: Corner, value: number): Record<Corner, number> {
  const v = Math.min(1, Math.max(0, value));
  const others = CORNERS.filter((c) => c !== corner);
  const rest = 1 - v;
  const sum = others.reduce((s, c) => s + Math.max(0, current[c]), 0);
  const out = { [corner]: round3(v) } as Record<Corner, number>;
  const first = sum > 0 ? (rest * Math.max(0, current[others[0]])) / sum : rest / 2;
  out[others[0]] = round3(first);
  out[others[1]] = round3(Math.max(0, 1 - out[corner] - out[others[0]]));
  return out;
}

function spec(path: string) {
  const s = SETTINGS.find((x) => x.path === path);
  if (!s) throw new Error(`no setting ${path}`);
  return s;
}

export class LeverControls {
  readonly root: HTMLElement;
  readonly tabs = new Map<ManagerId, HTMLButtonElement>();
  private sliders = new Map<ManagerSettingKey, Slider>();
  private tabpanel: HTMLElement;
  private managerTitle: HTMLElement;
  private controlNote: HTMLElement;
  private held: (id: ManagerId) => boolean = () => false;
  private selected: ManagerId = 'W';
  private values: (path: string) => number | undefined = () => undefined;
  private live: Record<ManagerId, ManagerSnapshot> | null = null;

  constructor(
    private readonly texts: Texts,
    private readonly events: { set(changes: SettingChange[]): void; select(id: ManagerId): void },
  ) {
    const { i18n } = texts;
    const pct = (v: number) => i18n.pct(v);
    const tablist = h('div', { role: 'tablist', class: 'manager-tabs' });
    const panelId = uid('levers-panel');
    for (const id of MANAGER_IDS) {
      const tab = h('button', {
        type: 'button',
        role: 'tab',
        id: `tab-${id}`,
        class: `manager-tab manager-${id}`,
        'aria-controls': panelId,
        'data-manager': id,
      });
      tab.append(h('span', { class: 'manager-badge', 'aria-hidden': 'true' }, id), texts.text(h('span', { class: 'manager-name' }), `manager.${id}`));
      tab.addEventListener('click', () => this.select(id, false));
      tab.addEventListener('keydown', (e) => this.onTabKey(e, id));
      tablist.append(tab);
      this.tabs.set(id, tab);
    }
    texts.attr(tablist, 'aria-label', 'levers.managers');

    const attentionSliders = CORNERS.map((corner) => this.makeSlider(`attention.${corner}`, `corner.${corner}`, pct));
    const stanceSliders = CORNERS.map((corner) =>
      this.makeSlider(`stance.${corner}`, `corner.${corner}`, (v) => i18n.t('levers.stanceValue', { pct: i18n.pct(v) }), [
        `levers.stance.${corner}.pull`,
        `levers.stance.${corner}.push`,
      ]),
    );
    const styleSliders = STYLE_KEYS.map((key) => this.makeSlider(key, `levers.${key}`, pct));

    this.managerTitle = h('p', { class: 'manager-title hint' });
    this.controlNote = h('p', { class: 'control-note' });
    const group = (legend: 'levers.attention' | 'levers.stance' | 'levers.style', sliders: Slider[], hint?: 'levers.attentionHint') => {
      const fs = h('fieldset', { class: 'lever-group' }, texts.text(h('legend'), legend), ...sliders.map((s) => s.root));
      if (hint) fs.append(texts.text(h('p', { class: 'hint' }), hint));
      return fs;
    };
    this.tabpanel = h(
      'div',
      { role: 'tabpanel', id: panelId, class: 'lever-panel', tabindex: '-1' },
      this.managerTitle,
      this.controlNote,
      group('levers.attention', attentionSliders, 'levers.attentionHint'),
      group('levers.stance', stanceSliders),
      group('levers.style', styleSliders),
      texts.text(h('p', { class: 'hint now-hint' }), 'levers.nowHint'),
    );

    this.root = h(
      'section',
      { class: 'panel levers', 'aria-labelledby': 'levers-heading' },
      h('h2', { id: 'levers-heading' }, h('span', { class: 'step-number', 'aria-hidden': 'true' }, '3'), texts.text(h('span'), 'levers.heading')),
      tablist,
      this.tabpanel,
    );
    texts.on(() => this.renderTitle());
    this.select('W', false);
  }

  private makeSlider(key: ManagerSettingKey, label: MessageKey, format: (v: number) => string, ends?: [MessageKey, MessageKey]): Slider {
    const s = spec(`managers.W.${key}`);
    const slider = new Slider(this.texts, {
      label,
      name: key,
      min: s.min,
      max: s.max,
      step: s.step,
      format,
      ends,
      onCommit: (value) => this.commit(key, value),
    });
    this.sliders.set(key, slider);
    return slider;
  }

  private commit(key: ManagerSettingKey, value: number): void {
    const id = this.selected;
    const path = `managers.${id}.${key}`;
    if (!key.startsWith('attention.')) {
      this.events.set([{ path, value }]);
      return;
    }
    const corner = key.split('.')[1] as Corner;
    const current = Object.fromEntries(CORNERS.map((c) => [c, this.values(`managers.${id}.attention.${c}`) ?? 1 / 3])) as Record<Corner, number>;
    const next = rebalanceAttention(current, corner, value);
    for (const c of CORNERS) this.sliders.get(`attention.${c}`)!.value = next[c];
    this.events.set(CORNERS.map((c) => ({ path: `managers.${id}.attention.${c}`, value: next[c] })));
  }

  private onTabKey(e: KeyboardEvent, id: ManagerId): void {
    const i = MANAGER_IDS.indexOf(id);
    let next = -1;
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') next = (i + 1) % MANAGER_IDS.length;
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') next = (i + MANAGER_IDS.length - 1) % MANAGER_IDS.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = MANAGER_IDS.length - 1;
    if (next < 0) return;
    e.preventDefault();
    this.select(MANAGER_IDS[next], true);
  }

  select(id: ManagerId, focus: boolean): void {
    this.selected = id;
    for (const [tid, tab] of this.tabs) {
      const on = tid === id;
      tab.setAttribute('aria-selected', String(on));
      tab.tabIndex = on ? 0 : -1;
    }
    this.tabpanel.setAttribute('aria-labelledby', `tab-${id}`);
    this.tabpanel.dataset.manager = id;
    if (focus) this.tabs.get(id)!.focus();
    this.renderTitle();
    this.renderValues();
    this.events.select(id);
  }

  get manager(): ManagerId {
    return this.selected;
  }

  /** the settings (player's or scenario's) and the managers' live values */
  update(
    values: (path: string) => number | undefined,
    live: Record<ManagerId, ManagerSnapshot> | null,
    disabled: boolean,
    held: (id: ManagerId) => boolean,
  ): void {
    this.values = values;
    this.held = held;
    this.live = live;
    for (const s of this.sliders.values()) s.disabled = disabled;
    this.renderTitle();
    this.renderValues();
  }

  private renderTitle(): void {
    setText(this.managerTitle, this.texts.i18n.t(`manager.${this.selected}.long`));
    const held = this.held(this.selected);
    setText(this.controlNote, this.texts.i18n.t(held ? 'levers.held' : 'levers.auto'));
    if (this.controlNote.dataset.held !== String(held)) this.controlNote.dataset.held = String(held);
    for (const [id, tab] of this.tabs) {
      const on = String(this.held(id));
      if (tab.dataset.held === on) continue;
      tab.dataset.held = on;
      tab.title = on === 'true' ? this.texts.i18n.t('levers.held') : '';
    }
  }

  private renderValues(): void {
    const id = this.selected;
    const m = this.live?.[id];
    for (const [key, slider] of this.sliders) {
      const v = this.values(`managers.${id}.${key}`);
      slider.value = v ?? 0.5;
      if (!m) slider.now = null;
      else if (key.includes('.')) {
        const [group, corner] = key.split('.') as ['attention' | 'stance', Corner];
        slider.now = group === 'attention' ? share(m.attention, corner) : m.stance[corner];
      } else slider.now = m[key as (typeof STYLE_KEYS)[number]];
    }
  }
}

/** attention as a share of the three (the model may keep it unnormalised) */
function share(t: Record<Corner, number>, corner: Corner): number {
  const sum = t.value + t.capacity + t.legitimacy;
  return sum > 0 ? t[corner] / sum : 1 / 3;
}
