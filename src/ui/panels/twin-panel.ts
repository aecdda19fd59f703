// Strategy versus luck: the run against its twin (the same luck, default strategies).
import { h, type Texts } from '../dom';
import type { RunReport } from '../../engine/sandbox-api';
import { colHead, boxedTable, glyph, panelSection, ReportPanel, rowHead } from './panel-parts';

export interface LuckCount {
  good: number;
  bad: number;
}

export class TwinPanel extends ReportPanel {
  readonly root: HTMLElement;
  private body: HTMLElement;
  private luck: LuckCount = { good: 0, bad: 0 };

  constructor(texts: Texts) {
    super(texts);
    this.body = h('div');
    this.root = panelSection(texts, 'twin', 'twin.intro', this.monthEl, this.body);
    this.follow();
  }

  override update(report: RunReport | null, luck: LuckCount = this.luck): void {
    this.luck = luck;
    super.update(report);
  }

  protected render(): void {
    const { i18n } = this.texts;
    const r = this.report;
    if (!r) {
      this.forget();
      this.body.replaceChildren();
      return;
    }
    const w = r.twin;
    const signature = [i18n.lang, i18n.int(w.stock), i18n.int(w.twinStock), i18n.int(w.toWork), i18n.int(w.twinToWork), i18n.score(w.composite), i18n.score(w.twinComposite), this.luck.good, this.luck.bad].join('|');
    if (!this.changed(signature)) return;
    // lower is better for the caseload; higher for outflow and the composite score
    const rows: [string, number, number, (n: number) => string, boolean][] = [
      [i18n.t('twin.stock'), w.stock, w.twinStock, (n) => i18n.int(n), false],
      [i18n.t('twin.toWork'), w.toWork, w.twinToWork, (n) => i18n.int(n), true],
      [i18n.t('twin.composite'), w.composite, w.twinComposite, (n) => i18n.score(n), true],
    ];
    let better = 0;
    const body = rows.map(([name, run, twin, fmt, higherIsBetter]) => {
      const diff = run - twin;
      const good = higherIsBetter ? diff > 0 : diff < 0;
      if (good) better++;
      const diffText = fmt === rows[2][3] ? i18n.signed(diff * 100) : i18n.signed(diff);
      return h(
        'tr',
        {},
        rowHead(name),
        h('td', { class: 'num' }, fmt(run)),
        h('td', { class: 'num' }, fmt(twin)),
        h('td', { class: `num diff ${diff === 0 ? '' : good ? 'diff-good' : 'diff-bad'}` }, glyph(diff === 0 ? '' : good ? '✓ ' : '✗ '), diffText),
      );
    });
    this.body.replaceChildren(
      boxedTable(
        'data twin',
        h('caption', { class: 'visually-hidden' }, i18n.t('twin.heading')),
        [i18n.t('twin.measure'), i18n.t('twin.run'), i18n.t('twin.twin'), i18n.t('twin.difference')].map((x, i) => colHead(x, i ? 'num' : '')),
        body,
      ),
      h('p', {}, i18n.t('twin.better', { count: better })),
      h('p', {}, i18n.t('twin.luck', { good: i18n.int(this.luck.good), bad: i18n.int(this.luck.bad) })),
    );
  }
}
