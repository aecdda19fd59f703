// Live time-series charts (uPlot), each with a sentence describing its latest values and a data table.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { h, heading, setText, uid, type Texts } from '../dom';
import type { I18n } from '../i18n/index';
import { CHARTS, type ChartFormat, type ChartSpec } from './chart-specs';
import type { SeriesStore } from './series';

const HEIGHT = 170;
const TABLE_EVERY = 3;

export function formatter(i18n: I18n, format: ChartFormat): (v: number) => string {
  if (format === 'percent') return (v) => i18n.pct(v);
  if (format === 'millions') return (v) => i18n.millions(v);
  return (v) => i18n.int(v);
}

interface ChartView {
  spec: ChartSpec;
  host: HTMLElement;
  description: HTMLElement;
  table: HTMLElement;
  plot: uPlot | null;
}

export class ChartsPanel {
  readonly root: HTMLElement;
  readonly tableButton: HTMLButtonElement;
  private views: ChartView[];
  private grid: HTMLElement;
  private drawnVersion = -1;
  private tablesOpen = false;
  private resize: ResizeObserver | null = null;

  constructor(
    private readonly texts: Texts,
    private readonly series: SeriesStore,
  ) {
    this.grid = h('div', { class: 'chart-grid' });
    this.views = CHARTS.map((spec) => {
      const titleId = uid(`chart-${spec.id}`);
      const descId = uid('chart-desc');
      const host = h('div', { class: 'chart-host' });
      const description = h('p', { id: descId, class: 'visually-hidden' });
      const table = h('div', { class: 'chart-table', hidden: true });
      const figure = h(
        'figure',
        { class: 'chart', 'data-chart': spec.id, 'aria-labelledby': titleId, 'aria-describedby': descId },
        texts.text(h('figcaption', { id: titleId }), spec.title),
        host,
        description,
        table,
      );
      this.grid.append(figure);
      return { spec, host, description, table, plot: null };
    });
    this.tableButton = h('button', { type: 'button', class: 'secondary small', 'aria-expanded': 'false', 'data-action': 'chart-table' });
    this.tableButton.addEventListener('click', () => {
      this.tablesOpen = !this.tablesOpen;
      this.tableButton.setAttribute('aria-expanded', String(this.tablesOpen));
      for (const v of this.views) v.table.hidden = !this.tablesOpen;
      this.renderButton();
      this.drawnVersion = -1;
      this.render();
    });
    this.root = h(
      'section',
      { class: 'panel charts-panel', 'aria-labelledby': 'charts-heading' },
      h('div', { class: 'panel-head' }, heading(texts, 2, 'charts.heading', { id: 'charts-heading' }), this.tableButton),
      this.grid,
    );
    texts.on(() => {
      this.renderButton();
      this.rebuild();
    });
  }

  /** create the plots (after the panel is in the document, so widths are known) */
  mount(): void {
    this.rebuild();
    if (typeof ResizeObserver !== 'undefined') {
      this.resize = new ResizeObserver(() => {
        for (const v of this.views) v.plot?.setSize({ width: this.widthOf(v), height: HEIGHT });
      });
      this.resize.observe(this.grid);
    }
  }

  private renderButton(): void {
    this.tableButton.textContent = this.texts.i18n.t(this.tablesOpen ? 'charts.hideTable' : 'charts.showTable');
  }

  private widthOf(v: ChartView): number {
    return Math.max(220, Math.floor(v.host.clientWidth || 300));
  }

  private rebuild(): void {
    if (!this.root.isConnected) return;
    const { i18n } = this.texts;
    for (const v of this.views) {
      v.plot?.destroy();
      const fmt = formatter(i18n, v.spec.format);
      const hasRight = v.spec.lines.some((l) => l.right);
      const axis = (scale: string, side: 1 | 3) => ({
        scale,
        side,
        stroke: '#3d4450',
        grid: { show: side === 3, stroke: '#e3e1dc', width: 1 },
        ticks: { stroke: '#c9c6bf', width: 1 },
        size: 56,
        values: (_u: uPlot, values: number[]) => values.map(fmt),
      });
      const opts: uPlot.Options = {
        width: this.widthOf(v),
        height: HEIGHT,
        scales: {
          x: { time: false },
          y: v.spec.format === 'percent' ? { range: [0, 1] } : { range: (_u, min, max) => [Math.min(0, min), max > 0 ? max * 1.1 : 1] },
          ...(hasRight ? { y2: { range: (_u: uPlot, min: number, max: number): uPlot.Range.MinMax => [Math.min(0, min), max > 0 ? max * 1.1 : 1] } } : {}),
        },
        axes: [
          { stroke: '#3d4450', grid: { stroke: '#eeece7', width: 1 }, ticks: { stroke: '#c9c6bf', width: 1 }, values: (_u, vals) => vals.map((x) => i18n.int(x)) },
          axis('y', 3),
          ...(hasRight ? [axis('y2', 1)] : []),
        ],
        series: [
          { label: i18n.t('charts.month'), value: (_u, x) => (x === null ? '–' : i18n.int(x)) },
          ...v.spec.lines.map((l) => ({
            label: i18n.t(l.label),
            stroke: l.color,
            width: l.width ?? 1.5,
            dash: l.dash,
            scale: l.right ? 'y2' : 'y',
            points: { show: false },
            value: (_u: uPlot, y: number | null) => (y === null ? '–' : fmt(y)),
          })),
        ],
        cursor: { drag: { x: false, y: false, setScale: false } },
        legend: { show: true, live: false },
      };
      v.host.replaceChildren();
      v.plot = new uPlot(opts, this.data(v), v.host);
      v.plot.root.querySelectorAll('canvas').forEach((c) => c.setAttribute('aria-hidden', 'true'));
    }
    this.drawnVersion = -1;
    this.render();
  }

  private data(v: ChartView): uPlot.AlignedData {
    return [this.series.get('month'), ...v.spec.lines.map((l) => this.series.get(l.column))];
  }

  /** redraw if the series changed since the last drawing */
  render(): void {
    if (this.drawnVersion === this.series.version) return;
    this.drawnVersion = this.series.version;
    const { i18n } = this.texts;
    const n = this.series.length;
    for (const v of this.views) {
      v.plot?.setData(this.data(v));
      const fmt = formatter(i18n, v.spec.format);
      const latest = v.spec.lines.map((l) => `${i18n.t(l.label)} ${n ? fmt(this.series.get(l.column)[n - 1]) : '–'}`);
      setText(v.description, i18n.t('charts.description', {
        title: i18n.t(v.spec.title),
        series: i18n.list(latest),
        month: n ? i18n.int(this.series.get('month')[n - 1]) : '0',
      }));
      if (this.tablesOpen) this.renderTable(v, fmt);
    }
  }

  private renderTable(v: ChartView, fmt: (x: number) => string): void {
    const { i18n } = this.texts;
    const months = this.series.get('month');
    const rows: number[] = [];
    for (let i = 0; i < months.length; i++) if (months[i] % TABLE_EVERY === 0 || i === months.length - 1) rows.push(i);
    v.table.replaceChildren(
      h(
        'table',
        { class: 'data' },
        h('caption', {}, `${i18n.t(v.spec.title)}: ${i18n.t('charts.tableCaption')}`),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, i18n.t('charts.month')), ...v.spec.lines.map((l) => h('th', { scope: 'col', class: 'num' }, i18n.t(l.label))))),
        h(
          'tbody',
          {},
          ...rows.map((i) => h('tr', {}, h('th', { scope: 'row' }, i18n.int(months[i])), ...v.spec.lines.map((l) => h('td', { class: 'num' }, fmt(this.series.get(l.column)[i]))))),
        ),
      ),
    );
  }
}
