// Rewind and branch: go back to a month of a run, make one change there, and see the two branches side
// by side. A branch is a RunSpec (its controls plus the month): the worker replays both whole runs, and
// branch B's files are the bytes `meerwaarde run` writes for B's effective scenario. Used by every
// chapter and by the sandbox.
import './branch.css';
import { download, h, setText, uid } from '../dom';
import { formatSetting, settingLabel } from '../setting-label';
import { fileBase } from '../export';
import { AUDIENCE_IDS, LUCK_EVENTS, MANAGER_IDS, type LuckEvent } from '../../model/types';
import { DIMENSIONS, MANAGER_SETTING_KEYS, SETTINGS, type ControlInput } from '../../engine/sandbox-api';
import { branchSpec, type Replay, type RunSpec } from '../../engine/replay';
import type { ChapterContext } from './chapter';
import { LineChart } from './views/line-chart';
import { sandboxHref } from './route';
import { scoreDifference } from './format';
import { scrollBox } from './views/chart-figure';

export type BranchChange = { path: string; value: number } | { card: LuckEvent };

export interface BranchOptions {
  /** the change offered first */
  change: BranchChange;
  /** the month offered first (within the run) */
  month: number;
  /** the path compared over time (default the composite score) */
  series?: string;
  /** offered when given: take the live run back to the chosen month (the sandbox) */
  onRewind?: (month: number) => void;
  /** folded under its heading until opened (the sandbox) */
  folded?: boolean;
}

const CARD_PREFIX = 'card:';
const SERIES_DEFAULT = 'composite';

export function changeInputs(change: BranchChange): ControlInput[] {
  return 'card' in change ? [{ type: change.card }] : [{ type: 'set', path: change.path, value: change.value }];
}

export class BranchPanel {
  readonly root: HTMLElement;
  private month: HTMLInputElement;
  private monthOut: HTMLOutputElement;
  private what: HTMLSelectElement;
  private value: HTMLInputElement;
  private valueOut: HTMLOutputElement;
  private valueRow: HTMLElement;
  private go: HTMLButtonElement;
  private rewind: HTMLButtonElement | null;
  private status: HTMLElement;
  private results: HTMLElement;
  private same: HTMLElement;
  private chart: LineChart;
  private table: HTMLElement;
  private links: HTMLElement;
  private base: RunSpec | null = null;
  private last: { a: Replay; b: Replay; month: number; change: BranchChange } | null = null;
  private busy = false;
  private monthSet = false;

  constructor(
    private readonly ctx: Pick<ChapterContext, 'texts' | 'x' | 'i18n' | 'model' | 'announcer'>,
    private readonly options: BranchOptions,
  ) {
    const { texts, x } = ctx;
    const headingId = uid('branch');
    const monthId = uid('branch-month');
    const whatId = uid('branch-what');
    const valueId = uid('branch-value');
    this.month = h('input', { type: 'range', id: monthId, min: 0, max: 1, step: 1, value: options.month, 'data-branch': 'month' });
    this.monthOut = h('output', { for: monthId });
    this.what = h('select', { id: whatId, 'data-branch': 'change' });
    this.value = h('input', { type: 'range', id: valueId, min: 0, max: 1, step: 0.05, 'data-branch': 'value' });
    this.valueOut = h('output', { for: valueId });
    this.go = h('button', { type: 'button', class: 'primary', 'data-action': 'branch' });
    this.rewind = options.onRewind ? h('button', { type: 'button', class: 'secondary', 'data-action': 'rewind' }) : null;
    this.rewind?.addEventListener('click', () => options.onRewind!(Number(this.month.value)));
    this.status = h('p', { class: 'run-status', role: 'status' });
    this.same = h('p', { class: 'hint' });
    this.chart = new LineChart(texts, x, x.bind('branch.chart'), 190, 'branch');
    this.table = h('div', { class: 'branch-table' });
    this.links = h('div', { class: 'branch-links' });
    this.results = h('div', { class: 'branch-results', hidden: true, 'data-part': 'branch-results' }, this.same, this.chart.root, this.table, this.links);
    this.valueRow = h('div', { class: 'field' }, texts.text(h('label', { for: valueId }), x.bind('branch.value')), h('div', { class: 'slider-line' }, this.value, this.valueOut));
    const body = [
      texts.text(h('p', { class: 'hint' }), x.bind('branch.intro')),
      h(
        'div',
        { class: 'branch-form' },
        h('div', { class: 'field' }, texts.text(h('label', { for: monthId }), x.bind('branch.month')), h('div', { class: 'slider-line' }, this.month, this.monthOut)),
        h('div', { class: 'field branch-change' }, texts.text(h('label', { for: whatId }), x.bind('branch.change')), this.what),
        this.valueRow,
        h('div', { class: 'button-row' }, this.go, this.rewind),
      ),
      texts.text(h('p', { class: 'hint' }), x.bind('branch.kept')),
      this.status,
      this.results,
    ];
    // in the sandbox, folded under its heading until asked for (the page has much else); open in a chapter
    this.root = options.folded
      ? h('section', { class: 'chapter-branch', 'aria-labelledby': headingId, 'data-part': 'branch' }, h('details', { class: 'branch-details' }, h('summary', {}, texts.text(h('h2', { id: headingId, class: 'branch-title' }), x.bind('branch.heading'))), ...body))
      : h('section', { class: 'chapter-branch', 'aria-labelledby': headingId, 'data-part': 'branch' }, texts.text(h('h3', { id: headingId }), x.bind('branch.heading')), ...body);
    this.month.addEventListener('input', () => this.renderForm());
    this.value.addEventListener('input', () => this.renderForm());
    this.what.addEventListener('change', () => this.renderForm());
    this.go.addEventListener('click', () => void this.branch());
    this.fillChoices();
    this.select(options.change);
    texts.on(() => {
      setText(this.go, x.t('branch.go'));
      if (this.rewind) setText(this.rewind, x.t('branch.rewind'));
      this.fillChoices();
      this.renderForm();
      this.renderResults();
    });
    this.setBase(null);
  }

  /** the run to branch from (null: nothing to branch yet) */
  setBase(spec: RunSpec | null): void {
    this.base = spec;
    const disabled = spec === null;
    for (const el of [this.month, this.what, this.value, this.go, this.rewind]) if (el) el.disabled = disabled;
    if (spec) {
      const first = this.month.max === '1' && !this.monthSet;
      this.month.max = String(spec.months - 1);
      if (first || Number(this.month.value) > spec.months - 1) this.month.value = String(Math.min(this.options.month, spec.months - 1));
      this.monthSet = true;
    }
    this.renderForm();
  }

  /** the current change as picked in the form */
  get change(): BranchChange {
    const v = this.what.value;
    return v.startsWith(CARD_PREFIX) ? { card: v.slice(CARD_PREFIX.length) as LuckEvent } : { path: v, value: this.value.valueAsNumber };
  }

  private select(change: BranchChange): void {
    this.what.value = 'card' in change ? `${CARD_PREFIX}${change.card}` : change.path;
    if (!('card' in change)) this.value.value = String(change.value);
  }

  private fillChoices(): void {
    const { i18n } = this.ctx;
    const keep = this.what.value;
    const groups = MANAGER_IDS.map((id) =>
      h('optgroup', { label: i18n.t(`manager.${id}.long`) }, ...MANAGER_SETTING_KEYS.map((k) => h('option', { value: `managers.${id}.${k}` }, settingLabel(i18n, `managers.${id}.${k}`)))),
    );
    const luck = h('optgroup', { label: i18n.t('luck.heading') }, h('option', { value: 'params.luckIntensity' }, settingLabel(i18n, 'params.luckIntensity')), ...LUCK_EVENTS.map((e) => h('option', { value: `${CARD_PREFIX}${e}` }, this.ctx.x.t('branch.card', { card: i18n.t(`event.${e}`) }))));
    this.what.replaceChildren(...groups, luck);
    if (keep) this.what.value = keep;
  }

  private renderForm(): void {
    const { i18n, x } = this.ctx;
    const month = Number(this.month.value);
    const text = x.t('shell.monthOf', { month, months: this.base?.months ?? '–' });
    setText(this.monthOut, String(month));
    this.month.setAttribute('aria-valuetext', text);
    const change = this.change;
    this.valueRow.hidden = 'card' in change;
    if (!('card' in change)) {
      const spec = SETTINGS.find((s) => s.path === change.path);
      if (spec) {
        this.value.min = String(spec.min);
        this.value.max = String(spec.max);
        this.value.step = String(spec.step);
      }
      const words = formatSetting(i18n, change.path, this.value.valueAsNumber);
      setText(this.valueOut, words);
      this.value.setAttribute('aria-valuetext', words);
    }
    this.go.disabled = this.base === null || this.busy;
  }

  private describe(change: BranchChange): string {
    const { i18n, x } = this.ctx;
    return 'card' in change
      ? x.t('branch.card', { card: i18n.t(`event.${change.card}`) })
      : x.t('branch.setTo', { setting: settingLabel(i18n, change.path), value: formatSetting(i18n, change.path, change.value) });
  }

  private async branch(): Promise<void> {
    const base = this.base;
    if (!base || this.busy) return;
    const { x, model } = this.ctx;
    const month = Number(this.month.value);
    const change = this.change;
    this.busy = true;
    this.renderForm();
    setText(this.status, x.t('branch.working'));
    try {
      const specB = branchSpec(base, { month, change: changeInputs(change) });
      const series = [this.options.series ?? SERIES_DEFAULT];
      const [a, b] = await Promise.all([model.replay({ spec: base, series }), model.replay({ spec: specB, series })]);
      this.last = { a, b, month, change };
      this.results.hidden = false;
      setText(this.status, '');
      this.renderResults();
      this.ctx.announcer.say(this.chart.descriptionText, 'branch');
    } catch (error) {
      setText(this.status, x.t('x.error', { message: error instanceof Error ? error.message : String(error) }));
    } finally {
      this.busy = false;
      this.renderForm();
    }
  }

  private renderResults(): void {
    const r = this.last;
    if (!r) return;
    const { i18n, x } = this.ctx;
    const bName = x.t('branch.b', { change: this.describe(r.change), month: r.month });
    setText(this.same, x.t('branch.same', { month: r.month }));
    this.chart.update({
      lines: [
        { key: 'a', name: x.t('branch.a'), values: r.a.series, color: '#5f6368', dash: [7, 4], width: 2 },
        { key: 'b', name: bName, values: r.b.series, color: '#0b5fa5', width: 2.5 },
      ],
      marker: r.month,
      format: (v) => i18n.score(v),
    });
    type Row = [name: string, a: number, b: number, kind: 'score' | 'count'];
    const rows: Row[] = [
      [i18n.t('twin.composite'), r.a.metrics['composite.final'], r.b.metrics['composite.final'], 'score'],
      ...DIMENSIONS.map((d): Row => [i18n.t(`dimension.${d}`), r.a.report.dimensions[d].score, r.b.report.dimensions[d].score, 'score']),
      ...AUDIENCE_IDS.map((id): Row => [i18n.t(`audience.${id}`), r.a.report.audiences[id].score, r.b.report.audiences[id].score, 'score']),
      [i18n.t('twin.stock'), r.a.report.twin.stock, r.b.report.twin.stock, 'count'],
      [i18n.t('twin.toWork'), r.a.report.twin.toWork, r.b.report.twin.toWork, 'count'],
    ];
    const show = (v: number, kind: Row[3]) => (kind === 'score' ? i18n.score(v) : i18n.int(v));
    const diff = (a: number, b: number, kind: Row[3]) => (kind === 'score' ? scoreDifference(i18n, b - a) : i18n.signed(b - a));
    this.table.replaceChildren(
      scrollBox(x.t('branch.tableCaption'), h(
        'table',
        { class: 'data compare', 'data-table': 'branch' },
        h('caption', {}, x.t('branch.tableCaption')),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, x.t('branch.measure')), h('th', { scope: 'col', class: 'num' }, 'A'), h('th', { scope: 'col', class: 'num' }, 'B'), h('th', { scope: 'col', class: 'num' }, x.t('branch.difference')))),
        h('tbody', {}, ...rows.map(([name, a, b, kind]) => h('tr', {}, h('th', { scope: 'row' }, name), h('td', { class: 'num' }, show(a, kind)), h('td', { class: 'num' }, show(b, kind)), h('td', { class: 'num' }, diff(a, b, kind))))),
      )),
    );
    const at = (s: RunSpec) => sandboxHref({ scenario: s.scenarioId, seed: s.seed, months: s.months, controls: s.controls, at: r.month });
    const files = h('div', { class: 'button-row' });
    const base = fileBase({ scenario: r.b.spec.scenarioId, seed: r.b.spec.seed });
    for (const [kind, name] of [['summaryJson', 'summary.json'], ['monthlyCsv', 'monthly.csv'], ['scenarioJson', 'scenario.json']] as const) {
      const b = h('button', { type: 'button', class: 'secondary small', 'data-branch-file': kind }, name);
      b.addEventListener('click', async () => {
        const files = await this.ctx.model.exportRun(r.b.spec);
        download(new Blob([files[kind]], { type: kind === 'monthlyCsv' ? 'text/csv' : 'application/json' }), `${base}-branch-${name}`);
      });
      files.append(b);
    }
    this.links.replaceChildren(
      h('p', { class: 'button-row' }, h('a', { href: at(r.a.spec), class: 'button-link secondary', 'data-link': 'branch-a' }, x.t('branch.openA')), h('a', { href: at(r.b.spec), class: 'button-link', 'data-link': 'branch-b' }, x.t('branch.openB'))),
      h('p', { class: 'hint' }, x.t('branch.files')),
      files,
      h('pre', { class: 'command' }, h('code', {}, x.t('branch.command', { seed: r.b.spec.seed, months: r.b.spec.months }))),
    );
  }
}

