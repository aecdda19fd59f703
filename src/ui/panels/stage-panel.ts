// The canvas (src/ui/stage, Pixi) in a figure with its text alternative: a short description of the loop
// and the triangles kept current, a table view of the same state, the legend beside the loop, and a
// focusable, hoverable part over every glyph (stage-parts.ts).
import { h, heading, setAttr, setText, uid, type Texts } from '../dom';
import {
  CORNERS,
  LOOP_STATIONS,
  MANAGER_IDS,
  STATUSES,
  type Corner,
  type MonthSnapshot,
} from '../../model/types';
import type { I18n } from '../i18n/index';
import { colHead, boxedTable, rowHead } from './panel-parts';
import type { Stage } from '../stage/index';
import { dotScaleText, peoplePerDot } from '../stage/format';
import { StageLegend } from './stage-legend';
import { StageParts } from './stage-parts';

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
    benefit: i18n.int(total(s, 'benefit')),
    trajectory: i18n.int(total(s, 'trajectory')),
    participation: i18n.int(total(s, 'participation')),
    twinStock: i18n.int(s.twin.stock),
  });
}

const total = (s: MonthSnapshot, status: (typeof STATUSES)[number]) => s.caseload[status].reduce((a, b) => a + b, 0);

export class StagePanel {
  readonly root: HTMLElement;
  /** the element the stage draws into */
  readonly canvasHost: HTMLElement;
  readonly tableButton: HTMLButtonElement;
  readonly legendButton: HTMLButtonElement;
  readonly legend: StageLegend;
  readonly parts: StageParts;
  private description: HTMLElement;
  private tableHost: HTMLElement;
  private regimeBadge: HTMLElement;
  private monthEl: HTMLElement;
  private fallback: HTMLElement;
  private last: MonthSnapshot | null = null;
  private startText = '';
  private sampleSize = 0;
  private unparts: (() => void) | null = null;

  constructor(
    private readonly texts: Texts,
    glossaryHref = 'glossary.html',
  ) {
    const titleId = uid('stage-title');
    const descId = uid('stage-desc');
    const tableId = uid('stage-table');
    this.canvasHost = h('div', { class: 'stage-host', role: 'img', 'aria-labelledby': titleId, 'aria-describedby': descId });
    this.parts = new StageParts(texts);
    this.legend = new StageLegend(texts, glossaryHref);
    this.description = h('p', { id: descId, class: 'stage-description' });
    this.regimeBadge = h('span', { class: 'regime-badge' });
    this.monthEl = h('span', { class: 'panel-month', 'data-month': '' });
    this.tableHost = h('div', { id: tableId, class: 'stage-table', hidden: true });
    this.tableButton = h('button', { type: 'button', class: 'secondary small', 'aria-expanded': 'false', 'aria-controls': tableId, 'data-action': 'stage-table' });
    this.legendButton = h('button', { type: 'button', class: 'secondary small', 'aria-expanded': 'false', 'data-action': 'legend' });
    this.fallback = texts.text(h('p', { class: 'notice', hidden: true }), 'stage.unavailable');
    this.tableButton.addEventListener('click', () => {
      const open = this.tableHost.hidden;
      this.tableHost.hidden = !open;
      this.tableButton.setAttribute('aria-expanded', String(open));
      this.renderButtons();
      if (open) this.renderTable();
    });
    this.legendButton.addEventListener('click', () => this.setLegend(!this.root.classList.contains('legend-open')));
    this.root = h(
      'section',
      { class: 'panel stage-panel', 'aria-labelledby': 'stage-heading', 'data-panel': 'stage' },
      h(
        'div',
        { class: 'panel-head' },
        heading(texts, 2, 'stage.heading', { id: 'stage-heading' }),
        this.monthEl,
        this.regimeBadge,
        h('span', { class: 'stage-tools' }, this.legendButton, this.tableButton),
      ),
      // the legend lies over the right part of the drawing, beside the loop (on a phone: under the drawing)
      h(
        'div',
        { class: 'stage-body' },
        h(
          'figure',
          { class: 'stage-figure' },
          h('div', { class: 'stage-frame' }, this.canvasHost, this.parts.root, this.legend.root, this.parts.tooltip),
          this.fallback,
          h('figcaption', {}, texts.text(h('span', { id: titleId, class: 'visually-hidden' }), 'stage.label'), this.description),
        ),
      ),
      this.tableHost,
    );
    this.legendButton.setAttribute('aria-controls', 'legend-heading');
    texts.on(() => {
      this.renderButtons();
      this.render();
    });
  }

  /** the stage drawing in canvasHost: its parts become focusable */
  attach(stage: Stage, sampleSize: number): void {
    this.sampleSize = sampleSize;
    this.unparts?.();
    this.unparts = stage.onParts((p) => this.parts.setParts(p));
    this.parts.setParts(stage.parts());
  }

  /** open or close the legend beside the loop */
  setLegend(open: boolean): void {
    this.legend.root.hidden = !open;
    this.legendButton.setAttribute('aria-expanded', String(open));
    this.root.classList.toggle('legend-open', open);
    this.renderButtons();
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

  private renderButtons(): void {
    this.tableButton.textContent = this.texts.i18n.t(this.tableHost.hidden ? 'stage.showTable' : 'stage.hideTable');
    this.legendButton.textContent = this.texts.i18n.t(this.legend.root.hidden ? 'stage.legendOpen' : 'stage.legendClose');
  }

  private render(): void {
    const { i18n } = this.texts;
    const s = this.last;
    setText(this.description, s && s.month > 0 ? describeSnapshot(i18n, s) : this.startText);
    setText(this.regimeBadge, s ? i18n.t(`regimeLabel.${s.loop.regime}`) : '');
    setText(this.monthEl, s ? i18n.t('panel.month', { month: i18n.int(s.month) }) : '');
    setAttr(this.monthEl, 'data-month', s ? String(s.month) : '');
    if (this.regimeBadge.dataset.regime !== (s?.loop.regime ?? '')) this.regimeBadge.dataset.regime = s?.loop.regime ?? '';
    if (this.regimeBadge.hidden !== !s) this.regimeBadge.hidden = !s;
    const onCaseload = s ? s.stock : 0;
    const dots = Math.min(this.sampleSize, onCaseload);
    this.parts.setSnapshot(s, dotScaleText(peoplePerDot(onCaseload, dots), i18n.lang));
    if (!this.tableHost.hidden) this.renderTable();
  }

  private renderTable(): void {
    const { i18n } = this.texts;
    const s = this.last;
    const t = (k: Parameters<I18n['t']>[0]) => i18n.t(k);
    const table = (caption: string, head: string[], rows: (string | number)[][]) =>
      boxedTable(
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
