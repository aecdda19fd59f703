// Chapter 1, the triangle: the student steers one manager (the alderman) for a council term, choosing
// attention over the three corners and one of the deck's two strategies per corner, and predicts which
// corner ends up weakest. The answer is read from the run's own monthly snapshots.
import { h } from '../../dom';
import { CORNERS, type Corner } from '../../../model/types';
import type { Replay, RunSpec } from '../../../engine/replay';
import type { ChapterDef, ChapterPiece, Outcome } from '../chapter';
import { LineChart } from '../views/line-chart';
import { CORNER_COLORS, TriangleView, balance, weakestCorner } from '../views/triangle-view';
import { AttentionField, column, managerControls, MonthScrubber, presetSpec, presetValue, ScenarioField, SeedField, StanceField, type CornerTriple, Changes } from './parts';

const MONTHS = 48;
const WHO = 'W' as const;
const SERIES = CORNERS.map((c) => `managers.${WHO}.corners.${c}`);

export const triangleChapter: ChapterDef = {
  id: 'triangle',
  title: 'ch.triangle.title',
  lead: 'ch.triangle.lead',
  paragraphs: ['ch.triangle.p1', 'ch.triangle.p2', 'ch.triangle.p3'],
  build(ctx): ChapterPiece {
    const { texts, x, i18n } = ctx;
    const start = presetSpec(ctx, { scenarioId: 'baseline', seed: 1, months: MONTHS, controls: [] });
    const initial = (group: 'attention' | 'stance'): CornerTriple => {
      const s = ctx.scenarios.find((x) => x.id === start.scenarioId)?.settings ?? {};
      const pick = (c: Corner) => presetValue(start.controls, `managers.${WHO}.${group}.${c}`) ?? s[`managers.${WHO}.${group}.${c}`] ?? (group === 'attention' ? 1 / 3 : 0.5);
      return { value: pick('value'), capacity: pick('capacity'), legitimacy: pick('legitimacy') };
    };
    const changes = new Changes();
    const changed = changes.settings;
    const scenario = new ScenarioField(ctx, null, start.scenarioId, changed);
    const seed = new SeedField(ctx, start.seed, changed);
    const attention = new AttentionField(texts, x.bind('ch.triangle.attention'), initial('attention'), changed);
    const stance = new StanceField(texts, x, x.bind('ch.triangle.stance'), initial('stance'), changed);

    const triangle = new TriangleView(texts, x, 260, 'alderman');
    const chart = new LineChart(texts, x, x.bind('ch.triangle.chart'), 200, 'corners');
    let last: Replay | null = null;
    const showMonth = (m: number) => {
      if (!last) return;
      const at = (c: Corner) => column(last!.series, last!.columns, `managers.${WHO}.corners.${c}`)[m - 1];
      triangle.update({ who: i18n.t('manager.W'), month: m, corners: { value: at('value'), capacity: at('capacity'), legitimacy: at('legitimacy') }, compare: m > 1 ? { value: at0('value'), capacity: at0('capacity'), legitimacy: at0('legitimacy') } : null });
    };
    const at0 = (c: Corner) => (last ? column(last.series, last.columns, `managers.${WHO}.corners.${c}`)[0] : 0);
    const scrub = new MonthScrubber(ctx, x.bind('ch.triangle.scrub'), showMonth);
    const views = h('div', { class: 'views two' }, h('div', {}, triangle.root, scrub.root, texts.text(h('p', { class: 'hint' }), x.bind('tri.balanceHint'))), chart.root, texts.text(h('p', { class: 'hint wide' }), x.bind('ch.triangle.after')));

    const spec = (): RunSpec => ({ scenarioId: scenario.value, seed: seed.value, months: MONTHS, controls: managerControls(WHO, attention.value, stance.value) });
    let ran: RunSpec | null = null;

    return {
      controls: h('div', { class: 'controls' }, texts.text(h('p', { class: 'try-lead' }), x.bind('ch.triangle.try')), h('div', { class: 'control-row' }, scenario.root, seed.root), h('div', { class: 'control-row' }, attention.root, stance.root)),
      views,
      question: x.bind('ch.triangle.q'),
      options: () => CORNERS.map((c) => ({ id: c, label: x.bind(`opt.corner.${c}`) })),
      async run(): Promise<Outcome> {
        const s = spec();
        const r = await ctx.model.replay({ spec: s, series: SERIES });
        last = r;
        ran = s;
        const months = r.months;
        const lines = CORNERS.map((c, i) => ({ key: c, name: i18n.t(`corner.${c}`), values: column(r.series, r.columns, SERIES[i]), color: CORNER_COLORS[c], dash: [[], [7, 4], [2, 3]][i], width: 2.2 }));
        chart.update({ lines, format: (v) => i18n.score(v) });
        scrub.set(months);
        showMonth(months);
        const end = (c: Corner) => column(r.series, r.columns, `managers.${WHO}.corners.${c}`)[months - 1];
        const corners = { value: end('value'), capacity: end('capacity'), legitimacy: end('legitimacy') };
        const weakest = weakestCorner(corners);
        return {
          answer: weakest,
          reveal: () =>
            x.t('ch.triangle.reveal', {
              months,
              weakest: i18n.t(`corner.${weakest}`).toLowerCase(),
              score: i18n.score(corners[weakest]),
              value: i18n.score(corners.value),
              capacity: i18n.score(corners.capacity),
              legitimacy: i18n.score(corners.legitimacy),
              balance: i18n.decimal(balance(corners)),
            }),
        };
      },
      spec: () => ran,
      link: () => {
        const s = spec();
        return { run: { scenario: s.scenarioId, seed: s.seed, months: s.months, controls: s.controls, at: 0 } };
      },
      onSettingsChange: (fn) => changes.on(fn),
      branch: { change: { path: `managers.${WHO}.attention.legitimacy`, value: 0.6 }, month: 24 },
    };
  },
};
