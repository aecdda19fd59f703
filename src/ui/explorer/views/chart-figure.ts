// What the explorer's charts share: a figure with its title, the plot (an image named by the title and
// described by a sentence kept current: its text alternative), a slot for a legend, and a table view of
// the data behind a button. The plot is redrawn at its real width, so text keeps its size on a phone.
import './views.css';
import { h, setText, uid, type Texts } from '../../dom';
import type { ExplorerText } from '../i18n/index';

export abstract class ChartFigure<D> {
  readonly root: HTMLElement;
  protected readonly plot: HTMLElement;
  protected readonly legend: HTMLElement;
  private readonly description: HTMLElement;
  private readonly table: HTMLElement;
  private readonly tableButton: HTMLButtonElement;
  protected data: D | null = null;
  private width = 0;

  constructor(
    protected readonly texts: Texts,
    protected readonly x: ExplorerText,
    protected readonly title: () => string,
    protected readonly height: number,
    name: string,
    cls = 'xchart',
  ) {
    const titleId = uid('xchart-title');
    const descId = uid('xchart-desc');
    const tableId = uid('xchart-table');
    this.plot = h('div', { class: 'xchart-plot', role: 'img', 'aria-labelledby': titleId, 'aria-describedby': descId });
    this.legend = h('ul', { class: 'xchart-legend' });
    this.description = h('p', { id: descId, class: 'xchart-desc' });
    this.table = h('div', { id: tableId, class: 'xchart-table', hidden: true });
    this.tableButton = h('button', { type: 'button', class: 'secondary small', 'aria-expanded': 'false', 'aria-controls': tableId });
    this.tableButton.addEventListener('click', () => {
      this.table.hidden = !this.table.hidden;
      this.tableButton.setAttribute('aria-expanded', String(!this.table.hidden));
      this.render();
    });
    this.root = h(
      'figure',
      { class: cls, 'data-chart': name },
      texts.text(h('figcaption', { id: titleId }), title),
      this.plot,
      this.legend,
      this.description,
      h('div', { class: 'xchart-tools' }, this.tableButton),
      this.table,
    );
    if (typeof ResizeObserver !== 'undefined') {
      new ResizeObserver(() => {
        const w = Math.round(this.plot.clientWidth);
        if (w !== this.width && w > 0) {
          this.width = w;
          this.draw();
        }
      }).observe(this.plot);
    }
    texts.on(() => this.render());
  }

  update(data: D): void {
    this.data = data;
    this.render();
  }

  /** the sentence that describes the chart (also for tests) */
  get descriptionText(): string {
    return this.description.textContent ?? '';
  }

  /** the chart in words, for its current data */
  protected abstract describe(d: D): string;
  /** the data as a table (rows every few months) */
  protected abstract tableOf(d: D): HTMLTableElement;
  /** the plot at a width in pixels */
  protected abstract svgOf(d: D, width: number): SVGSVGElement;
  /** the legend's items (none by default) */
  protected legendOf(_d: D): HTMLElement[] {
    return [];
  }

  protected render(): void {
    setText(this.tableButton, this.x.t(this.table.hidden ? 'shell.showTable' : 'shell.hideTable'));
    const d = this.data;
    if (!d) return;
    this.legend.replaceChildren(...this.legendOf(d));
    this.legend.hidden = this.legend.childElementCount === 0;
    setText(this.description, this.describe(d));
    if (!this.table.hidden) this.table.replaceChildren(scrollBox(this.title(), this.tableOf(d)));
    this.draw();
  }

  protected draw(): void {
    if (this.data) this.plot.replaceChildren(this.svgOf(this.data, this.width || this.plot.clientWidth || 560));
  }
}

/**
 * A box that scrolls sideways when its content is wider than the page (tables on a phone): a named
 * region in the tab order, so the keyboard can scroll it too (WCAG 2.1.1).
 */
export function scrollBox(label: string, ...children: Node[]): HTMLElement {
  return h('div', { class: 'scroll-x', tabindex: '0', role: 'region', 'aria-label': label }, ...children);
}

/** A table of class `data` with a caption, column heads and rows. */
export function chartTable(caption: string, heads: string[], rows: (string | number)[][]): HTMLTableElement {
  return h(
    'table',
    { class: 'data' },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, ...heads.map((t, i) => h('th', { scope: 'col', class: i > 0 ? 'num' : null }, t)))),
    h('tbody', {}, ...rows.map(([first, ...rest]) => h('tr', {}, h('th', { scope: 'row' }, String(first)), ...rest.map((v) => h('td', { class: 'num' }, String(v)))))),
  );
}

/** months 1, every `step`-th and the last: the rows a chart's table shows */
export function tableMonths(months: number, step: number): number[] {
  const out: number[] = [];
  for (let m = 1; m <= months; m++) if (m === 1 || m % step === 0 || m === months) out.push(m);
  return out;
}
