// Live time-series charts (SVG, line-chart.ts), each with a sentence describing its latest values, a
// data table on request and its own PNG and SVG export. The tables sit in a block of their own under
// the charts, each in a scroll box, so they never run over one another (issue 7, defect 2).
import { download, h, heading, setText, uid, type Texts } from '../dom';
import type { I18n } from '../i18n/index';
import { CHARTS, type ChartFormat, type ChartSpec } from './chart-specs';
import { LineChart, type ChartLabels } from './line-chart';
import type { SeriesStore } from './series';
import { svgToPng } from '../picture';

const HEIGHT = 240;
const TABLE_EVERY = 3;

export function formatter(i18n: I18n, format: ChartFormat): (v: number) => string {
  if (format === 'percent') return (v) => i18n.pct(v);
  if (format === 'millions') return (v) => i18n.millions(v);
  return (v) => i18n.int(v);
}

interface ChartView {
  spec: ChartSpec;
  chart: LineChart;
  host: HTMLElement;
  description: HTMLElement;
  table: HTMLElement;
}

export interface ChartContext {
  /** the run's length (the x axis runs to it) */
  months(): number;
  /** scenario, seed and month, for the caption of an exported chart */
  caption(): string;
  /** file name base for exports, e.g. meerwaarde-baseline-seed1 */
  fileBase(): string;
}

export class ChartsPanel {
  readonly root: HTMLElement;
  readonly tableButton: HTMLButtonElement;
  private views: ChartView[];
  private grid: HTMLElement;
  private tables: HTMLElement;
  private drawnVersion = -1;
  private drawnMonths = -1;
  private tablesOpen = false;
  private resize: ResizeObserver | null = null;

  constructor(
    private readonly texts: Texts,
    private readonly series: SeriesStore,
    private readonly context: ChartContext,
  ) {
    this.grid = h('div', { class: 'chart-grid' });
    this.tables = h('div', { class: 'chart-tables', hidden: true });
    this.views = CHARTS.map((spec) => {
      const titleId = uid(`chart-${spec.id}`);
      const descId = uid('chart-desc');
      const chart = new LineChart(spec, this.chartLabels(spec));
      const host = h('div', { class: 'chart-host' }, chart.svg);
      const description = h('p', { id: descId, class: 'visually-hidden' });
      const table = h('div', { class: 'chart-table table-scroll', tabindex: '0', role: 'region', 'aria-labelledby': titleId });
      const png = texts.text(h('button', { type: 'button', class: 'secondary small', 'data-chart-export': `${spec.id}.png` }), 'charts.png');
      const svg = texts.text(h('button', { type: 'button', class: 'secondary small', 'data-chart-export': `${spec.id}.svg` }), 'charts.svg');
      texts.attr(png, 'aria-label', () => `${texts.i18n.t(spec.title)}: ${texts.i18n.t('charts.png')}`);
      texts.attr(svg, 'aria-label', () => `${texts.i18n.t(spec.title)}: ${texts.i18n.t('charts.svg')}`);
      png.addEventListener('click', () => void this.savePng(view));
      svg.addEventListener('click', () => this.saveSvg(view));
      const figure = h(
        'figure',
        { class: 'chart', 'data-chart': spec.id, 'aria-labelledby': titleId, 'aria-describedby': descId },
        h('div', { class: 'chart-head' }, texts.text(h('figcaption', { id: titleId }), spec.title), h('span', { class: 'chart-exports' }, png, svg)),
        host,
        description,
      );
      this.grid.append(figure);
      this.tables.append(table);
      const view: ChartView = { spec, chart, host, description, table };
      return view;
    });
    this.tableButton = h('button', { type: 'button', class: 'secondary small', 'aria-expanded': 'false', 'data-action': 'chart-table' });
    this.tableButton.addEventListener('click', () => {
      this.tablesOpen = !this.tablesOpen;
      this.tableButton.setAttribute('aria-expanded', String(this.tablesOpen));
      this.tables.hidden = !this.tablesOpen;
      this.renderButton();
      this.drawnVersion = -1;
      this.render();
    });
    this.root = h(
      'section',
      { class: 'panel charts-panel', 'aria-labelledby': 'charts-heading' },
      h('div', { class: 'panel-head' }, heading(texts, 2, 'charts.heading', { id: 'charts-heading' }), this.tableButton),
      this.grid,
      this.tables,
    );
    texts.on(() => {
      this.renderButton();
      for (const v of this.views) v.chart.setLabels(this.chartLabels(v.spec));
      this.drawnVersion = -1;
      this.render();
    });
  }

  private chartLabels(spec: ChartSpec): ChartLabels {
    const { i18n } = this.texts;
    return {
      title: i18n.t(spec.title),
      month: i18n.t('charts.month'),
      lines: spec.lines.map((l) => i18n.t(l.label)),
      left: i18n.t(spec.unit),
      right: spec.rightUnit ? i18n.t(spec.rightUnit) : undefined,
      format: (v, f) => formatter(i18n, f)(v),
    };
  }

  /** size the charts to their cells (after the panel is in the document) and follow them */
  mount(): void {
    const fit = () => {
      for (const v of this.views) v.chart.setSize(v.host.clientWidth || 360, HEIGHT);
    };
    fit();
    if (typeof ResizeObserver !== 'undefined') {
      this.resize = new ResizeObserver(fit);
      this.resize.observe(this.grid);
    }
  }

  dispose(): void {
    this.resize?.disconnect();
    this.root.remove();
  }

  private renderButton(): void {
    this.tableButton.textContent = this.texts.i18n.t(this.tablesOpen ? 'charts.hideTable' : 'charts.showTable');
  }

  private columns(v: ChartView): number[][] {
    return v.spec.lines.map((l) => this.series.get(l.column));
  }

  /** redraw if the series changed since the last drawing */
  render(): void {
    const months = this.context.months();
    if (this.drawnVersion === this.series.version && this.drawnMonths === months) return;
    this.drawnVersion = this.series.version;
    this.drawnMonths = months;
    const { i18n } = this.texts;
    const n = this.series.length;
    for (const v of this.views) {
      v.chart.setData(this.series.get('month'), this.columns(v), months);
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

  /** the chart as an SVG file, under its title and the run's caption */
  chartSvg(id: string): string | null {
    const v = this.views.find((x) => x.spec.id === id);
    return v ? v.chart.toSvgFile(this.context.caption()) : null;
  }

  private saveSvg(v: ChartView): void {
    download(new Blob([v.chart.toSvgFile(this.context.caption())], { type: 'image/svg+xml' }), `${this.context.fileBase()}-${v.spec.id}.svg`);
  }

  private async savePng(v: ChartView): Promise<void> {
    const blob = await svgToPng(v.chart.toSvgFile(this.context.caption()), 2);
    download(blob, `${this.context.fileBase()}-${v.spec.id}.png`);
  }
}
