// The canvas (src/ui/stage, Pixi) in a figure with its text alternative: a short description of the loop
// and the triangles kept current, and a table view of the same state.
import { h, heading, setText, uid, type Texts } from '../dom';
import {
  CORNERS,
  LOOP_STATIONS,
  MANAGER_IDS,
  STATUSES,
  type Corner,
  type MonthSnapshot,
} from '../../model/types';
import type { I18n } from '../i18n/index';
import { colHead, dataTable, rowHead } from './panel-parts';

export function describeSnapshot(i18n: I18n, s: MonthSnapshot): string {
  const lv = s.loop.levels;
  const meta = s.meta.corners;
  const weakest = CORNERS.reduce<Corner>((w, c) => (meta[c] < meta[w] ? c : w), 'value');
  return i18n.t('stage.summary', {
    month: i18n.int(s.month),
    regime: i18n.t(`regime.${s.loop.regime}`),
    gain: i18n.decimal(s.loop.gain),
    performance: i18n.pct(lv.performance),
    perception: i18n.pct(lv.perception),
    legitimacy: i18n.pct(lv.legitimacy),
    resources: i18n.pct(lv.resources),
    capacity: i18n.pct(lv.capacity),
    value: i18n.pct(meta.value),
    cap: i18n.pct(meta.capacity),
    leg: i18n.pct(meta.legitimacy),
    weakest: i18n.t(`corner.${weakest}`),
    stock: i18n.int(s.stock),
    twinStock: i18n.int(s.twin.stock),
  });
}

export class StagePanel {
  readonly root: HTMLElement;
  /** the element the stage draws into */
  readonly canvasHost: HTMLElement;
  readonly tableButton: HTMLButtonElement;
  private description: HTMLElement;
  private tableHost: HTMLElement;
  private regimeBadge: HTMLElement;
  private fallback: HTMLElement;
  private last: MonthSnapshot | null = null;
  private startText = '';

  constructor(private readonly texts: Texts) {
    const titleId = uid('stage-title');
    const descId = uid('stage-desc');
    const tableId = uid('stage-table');
    this.canvasHost = h('div', { class: 'stage-host', role: 'img', 'aria-labelledby': titleId, 'aria-describedby': descId });
    this.description = h('p', { id: descId, class: 'stage-description' });
    this.regimeBadge = h('span', { class: 'regime-badge' });
    this.tableHost = h('div', { id: tableId, class: 'stage-table', hidden: true });
    this.tableButton = h('button', { type: 'button', class: 'secondary small', 'aria-expanded': 'false', 'aria-controls': tableId, 'data-action': 'stage-table' });
    this.fallback = texts.text(h('p', { class: 'notice', hidden: true }), 'stage.unavailable');
    this.tableButton.addEventListener('click', () => {
      const open = this.tableHost.hidden;
      this.tableHost.hidden = !open;
      this.tableButton.setAttribute('aria-expanded', String(open));
      this.renderTableButton();
      if (open) this.renderTable();
    });
    this.root = h(
      'section',
      { class: 'panel stage-panel', 'aria-labelledby': 'stage-heading' },
      h('div', { class: 'panel-head' }, heading(texts, 2, 'stage.heading', { id: 'stage-heading' }), this.regimeBadge),
      h(
        'figure',
        { class: 'stage-figure' },
        this.canvasHost,
        this.fallback,
        h('figcaption', {}, texts.text(h('span', { id: titleId, class: 'visually-hidden' }), 'stage.label'), this.description),
      ),
      h('div', { class: 'stage-tools' }, this.tableButton),
      this.tableHost,
    );
    texts.on(() => {
      this.renderTableButton();
      this.render();
    });
  }

  showUnavailable(): void {
    this.fallback.hidden = false;
  }

  /** the sentence shown before the first month */
  setStart(text: string): void {
    this.startText = text;
    if (!this.last) setText(this.description, text);
  }

  update(s: MonthSnapshot | null): void {
    this.last = s;
    this.render();
  }

  get descriptionText(): string {
    return this.description.textContent ?? '';
  }

  private renderTableButton(): void {
    this.tableButton.textContent = this.texts.i18n.t(this.tableHost.hidden ? 'stage.showTable' : 'stage.hideTable');
  }

  private render(): void {
    const { i18n } = this.texts;
    const s = this.last;
    setText(this.description, s ? describeSnapshot(i18n, s) : this.startText);
    setText(this.regimeBadge, s ? i18n.t(`regimeLabel.${s.loop.regime}`) : '');
    if (this.regimeBadge.dataset.regime !== (s?.loop.regime ?? '')) this.regimeBadge.dataset.regime = s?.loop.regime ?? '';
    if (this.regimeBadge.hidden !== !s) this.regimeBadge.hidden = !s;
    if (!this.tableHost.hidden) this.renderTable();
  }

  private renderTable(): void {
    const { i18n } = this.texts;
    const s = this.last;
    const t = (k: Parameters<I18n['t']>[0]) => i18n.t(k);
    const table = (caption: string, head: string[], rows: (string | number)[][]) =>
      dataTable(
        'data',
        caption,
        head.map((x, i) => colHead(x, i ? 'num' : '')),
        rows.map((r) => h('tr', {}, rowHead(String(r[0])), ...r.slice(1).map((x) => h('td', { class: 'num' }, String(x))))),
      );
    if (!s) {
      this.tableHost.replaceChildren(h('p', {}, this.startText));
      return;
    }
    const loopRows = LOOP_STATIONS.map((st) => [t(`station.${st}`), i18n.pct(s.loop.levels[st])]);
    const triRow = (name: string, c: Record<Corner, number>, balance: number) => [name, ...CORNERS.map((k) => i18n.pct(c[k])), i18n.pct(balance)];
    const triRows = [
      triRow(t('municipality'), s.meta.corners, s.meta.balance),
      ...MANAGER_IDS.map((id) => triRow(t(`manager.${id}`), s.managers[id].corners, s.managers[id].balance)),
    ];
    const statusRows = STATUSES.map((st) => [t(`status.${st}`), i18n.int(s.caseload[st].reduce((a, b) => a + b, 0))]);
    this.tableHost.replaceChildren(
      table(`${t('stage.table.loop')}: ${t(`regimeLabel.${s.loop.regime}`)}`, [t('stage.table.station'), t('stage.table.level')], loopRows),
      table(t('stage.table.triangles'), [t('stage.table.who'), ...CORNERS.map((c) => t(`corner.${c}.short`)), t('stage.table.balance')], triRows),
      table(t('stage.table.clients'), [t('stage.table.status'), t('stage.table.count')], statusRows),
    );
  }
}
