// Chapter 2, the public value account: the same municipality under the same luck (one seed), run as the
// baseline and under another regime (payment by results, the trust experiment), read as Moore's account
// of costs against achievements and as the deck's 2x2 of public values. The student predicts where the
// other regime costs most; the answer is the cost line whose score falls furthest against the baseline.
import { h, type Texts } from '../../dom';
import { ACCOUNT_ACHIEVEMENTS, ACCOUNT_COSTS, QUADRANTS, type AccountKey, type AccountLine, type RunReport } from '../../../engine/sandbox-api';
import type { RunSpec } from '../../../engine/replay';
import type { I18n } from '../../i18n/index';
import { colHead, dataTable, rowHead, scoreBar } from '../../panels/panel-parts';
import type { ChapterDef, ChapterPiece, Outcome } from '../chapter';
import { presetSpec, ScenarioField, SeedField, Changes } from './parts';
import { scrollBox } from '../views/chart-figure';

const MONTHS = 96;
export const ACCOUNT_REGIMES = ['payment-by-results', 'trust-experiment'] as const;
const BASE = 'baseline';

function raw(i18n: I18n, line: AccountLine): string {
  switch (line.unit) {
    case 'euro':
      return i18n.euro(line.raw);
    case 'people':
      return i18n.t('unit.people', { value: i18n.int(line.raw) });
    case 'sanctions':
      return i18n.t('unit.sanctions', { value: i18n.int(line.raw) });
    case 'share':
      return i18n.pct(line.raw);
  }
}

function accountTable(texts: Texts, caption: string, a: RunReport, b: RunReport, nameA: string, nameB: string): HTMLTableElement {
  const { i18n } = texts;
  const line = (r: RunReport, k: AccountKey) => r.account.find((l) => l.key === k)!;
  const row = (k: AccountKey) =>
    h(
      'tr',
      { 'data-line': k },
      rowHead(i18n.t(`account.${k}`)),
      h('td', { class: 'num' }, raw(i18n, line(a, k)), h('br'), h('span', { class: 'score' }, scoreBar(line(a, k).score), i18n.score(line(a, k).score))),
      h('td', { class: 'num' }, raw(i18n, line(b, k)), h('br'), h('span', { class: 'score' }, scoreBar(line(b, k).score), i18n.score(line(b, k).score))),
      h('td', { class: 'num' }, i18n.signed((line(b, k).score - line(a, k).score) * 100)),
    );
  const group = (key: 'account.costs' | 'account.achievements') => h('tr', { class: 'group' }, h('th', { scope: 'colgroup', colspan: 4 }, i18n.t(key)));
  return dataTable(
    'data compare account-compare',
    caption,
    [colHead(texts.i18n.t('account.item')), colHead(nameA, 'num'), colHead(nameB, 'num'), colHead('B − A', 'num')],
    [group('account.costs'), ...ACCOUNT_COSTS.map(row), group('account.achievements'), ...ACCOUNT_ACHIEVEMENTS.map(row)],
  );
}

function quadrantTable(texts: Texts, caption: string, a: RunReport, b: RunReport, nameA: string, nameB: string): HTMLTableElement {
  const { i18n } = texts;
  const cell = (q: (typeof QUADRANTS)[number]) =>
    h(
      'td',
      { 'data-quadrant': q },
      h('span', { class: 'quadrant-values' }, i18n.t(`quadrant.${q}`)),
      h('span', { class: 'quadrant-scores' }, h('span', {}, nameA), h('span', { class: 'num' }, scoreBar(a.quadrants[q]), i18n.score(a.quadrants[q])), h('span', {}, nameB), h('span', { class: 'num' }, scoreBar(b.quadrants[q]), i18n.score(b.quadrants[q]))),
    );
  return dataTable('data quadrants-compare', caption, [h('td'), colHead(i18n.t('quadrant.outcome')), colHead(i18n.t('quadrant.process'))], [
    h('tr', {}, rowHead(i18n.t('quadrant.individual')), cell('individualOutcome'), cell('individualProcess')),
    h('tr', {}, rowHead(i18n.t('quadrant.collective')), cell('collectiveOutcome'), cell('collectiveProcess')),
  ]);
}

export const accountChapter: ChapterDef = {
  id: 'account',
  title: 'ch.account.title',
  lead: 'ch.account.lead',
  paragraphs: ['ch.account.p1', 'ch.account.p2', 'ch.account.p3'],
  build(ctx): ChapterPiece {
    const { texts, x, i18n } = ctx;
    const start = presetSpec(ctx, { scenarioId: ACCOUNT_REGIMES[0], seed: 1, months: MONTHS, controls: [] });
    const changes = new Changes();
    const changed = changes.settings;
    const regimeStart = (ACCOUNT_REGIMES as readonly string[]).includes(start.scenarioId) ? start.scenarioId : ACCOUNT_REGIMES[0];
    const regime = new ScenarioField(ctx, ACCOUNT_REGIMES, regimeStart, changed, x.bind('ch.account.regime'));
    const seed = new SeedField(ctx, start.seed, changed);
    const tables = h('div', { class: 'views' });
    let shown: { a: RunReport; b: RunReport; regime: string } | null = null;
    const render = () => {
      if (!shown) return;
      const nameA = x.t('ch.account.baseline');
      const nameB = regime.title(shown.regime);
      tables.replaceChildren(scrollBox(x.t('ch.account.table'), accountTable(texts, x.t('ch.account.table'), shown.a, shown.b, nameA, nameB)), scrollBox(x.t('ch.account.quadrants'), quadrantTable(texts, x.t('ch.account.quadrants'), shown.a, shown.b, nameA, nameB)));
    };
    texts.on(render);
    const spec = (id: string): RunSpec => ({ scenarioId: id, seed: seed.value, months: MONTHS, controls: start.scenarioId === id ? start.controls : [] });
    let ran: RunSpec | null = null;

    return {
      controls: h('div', { class: 'controls' }, texts.text(h('p', { class: 'try-lead' }), x.bind('ch.account.try')), h('div', { class: 'control-row' }, regime.root, seed.root)),
      views: tables,
      question: () => x.t('ch.account.q', { regime: regime.title() }),
      options: () => [...ACCOUNT_COSTS, 'nowhere' as const].map((k) => ({ id: k, label: x.bind(`ch.account.opt.${k}`) })),
      async run(): Promise<Outcome> {
        const id = regime.value;
        const specB = spec(id);
        const [a, b] = await Promise.all([ctx.model.replay({ spec: spec(BASE) }), ctx.model.replay({ spec: specB })]);
        ran = specB;
        shown = { a: a.report, b: b.report, regime: id };
        render();
        const delta = (k: AccountKey) => b.report.account.find((l) => l.key === k)!.score - a.report.account.find((l) => l.key === k)!.score;
        const worst = ACCOUNT_COSTS.reduce((w, k) => (delta(k) < delta(w) ? k : w), ACCOUNT_COSTS[0]);
        const answer = delta(worst) < 0 ? worst : 'nowhere';
        const d = (k: AccountKey) => i18n.signed(delta(k) * 100);
        return {
          answer,
          reveal: () =>
            x.t('ch.account.reveal', {
              regime: regime.title(id),
              financial: d('financialCosts'),
              negative: d('unintendedNegative'),
              authority: d('authorityCosts'),
              mission: d('mission'),
              positive: d('unintendedPositive'),
              satisfaction: d('clientSatisfaction'),
              fairness: d('fairness'),
            }),
        };
      },
      spec: () => ran,
      link: () => {
        const s = spec(regime.value);
        return { run: { scenario: s.scenarioId, seed: s.seed, months: s.months, controls: s.controls, at: 0 } };
      },
      onSettingsChange: (fn) => changes.on(fn),
      branch: { change: { path: 'managers.H.stance.legitimacy', value: 0 }, month: 24 },
    };
  },
};
