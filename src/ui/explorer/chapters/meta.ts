// Chapter 4, the meta triangle: four managers' triangles and the municipality's, their alignment over
// time, and a new alderman. The student sets how much connecting work (design) the director does and
// predicts whether alignment is better or worse in the year after the new alderman than in the year
// before; both years are read from the run's monthly alignment.
import { h } from '../../dom';
import { CORNERS, MANAGER_IDS, type Corner, type ManagerId } from '../../../model/types';
import type { Replay, RunSpec } from '../../../engine/replay';
import { Slider } from '../../controls/slider';
import type { ChapterDef, ChapterPiece, Outcome } from '../chapter';
import { LineChart } from '../views/line-chart';
import { TriangleView, weakestCorner } from '../views/triangle-view';
import { column, MonthScrubber, presetSpec, presetValue, ScenarioField, SeedField, setControls, Changes } from './parts';

const MONTHS = 96;
/** alignment on a 0-100 scale within this many points counts as "about the same" */
export const SAME_ALIGNMENT = 0.02;
const SERIES = ['meta.alignment', ...CORNERS.map((c) => `meta.corners.${c}`), ...MANAGER_IDS.flatMap((id) => CORNERS.map((c) => `managers.${id}.corners.${c}`))];

function mean(values: Float64Array, from: number, to: number): number {
  let s = 0;
  let n = 0;
  for (let i = Math.max(0, from); i < Math.min(values.length, to); i++) {
    s += values[i];
    n++;
  }
  return n > 0 ? s / n : NaN;
}

export const metaChapter: ChapterDef = {
  id: 'meta',
  title: 'ch.meta.title',
  lead: 'ch.meta.lead',
  paragraphs: ['ch.meta.p1', 'ch.meta.p2', 'ch.meta.p3'],
  build(ctx): ChapterPiece {
    const { texts, x, i18n } = ctx;
    const start = presetSpec(ctx, { scenarioId: 'new-alderman', seed: 1, months: MONTHS, controls: [] });
    const changes = new Changes();
    const changed = changes.settings;
    const scenario = new ScenarioField(ctx, null, start.scenarioId, changed);
    const seed = new SeedField(ctx, start.seed, changed);
    let design = presetValue(start.controls, 'managers.D.design') ?? 0.8;
    const designSlider = new Slider(texts, {
      label: x.bind('ch.meta.design'),
      min: 0,
      max: 1,
      step: 0.05,
      name: 'director-design',
      format: (v) => i18n.pct(v),
      onCommit: (v) => {
        design = v;
        changed();
      },
    });
    designSlider.value = design;

    const managers = MANAGER_IDS.map((id) => ({ id, view: new TriangleView(texts, x, 170, `manager-${id}`) }));
    const meta = new TriangleView(texts, x, 230, 'municipality');
    const chart = new LineChart(texts, x, x.bind('ch.meta.alignment'), 190, 'alignment');
    let last: Replay | null = null;
    let newAt: number | null = null;
    const corners = (prefix: string, m: number) => {
      const at = (c: Corner) => column(last!.series, last!.columns, `${prefix}.corners.${c}`)[m - 1];
      return { value: at('value'), capacity: at('capacity'), legitimacy: at('legitimacy') };
    };
    const showMonth = (m: number) => {
      if (!last) return;
      for (const { id, view } of managers) view.update({ who: i18n.t(`manager.${id}`), month: m, corners: corners(`managers.${id}`, m) });
      meta.update({ who: i18n.t('municipality'), month: m, corners: corners('meta', m) });
    };
    const scrub = new MonthScrubber(ctx, x.bind('ch.triangle.scrub'), showMonth);
    texts.on(() => last && showMonth(scrub.month));
    const views = h(
      'div',
      { class: 'views' },
      h('div', { class: 'meta-grid' }, h('div', { class: 'meta-main' }, texts.text(h('h4'), x.bind('ch.meta.metaCorners')), meta.root), h('div', { class: 'meta-managers' }, ...managers.map((m) => m.view.root), texts.text(h('p', { class: 'hint wide' }), x.bind('tri.letters')))),
      scrub.root,
      chart.root,
    );
    const spec = (): RunSpec => ({ scenarioId: scenario.value, seed: seed.value, months: MONTHS, controls: setControls([['managers.D.design', design]]) });
    let ran: RunSpec | null = null;

    return {
      controls: h('div', { class: 'controls' }, texts.text(h('p', { class: 'try-lead' }), x.bind('ch.meta.try')), h('div', { class: 'control-row' }, scenario.root, seed.root, designSlider.root)),
      views,
      question: x.bind('ch.meta.q'),
      options: () => (['better', 'worse', 'same'] as const).map((id) => ({ id, label: x.bind(`ch.meta.opt.${id}`) })),
      async run(): Promise<Outcome> {
        const s = spec();
        const r = await ctx.model.replay({ spec: s, series: SERIES });
        last = r;
        ran = s;
        const alignment = column(r.series, r.columns, 'meta.alignment');
        newAt = r.events.find((e) => e.type === 'newAlderman')?.month ?? null;
        chart.update({ lines: [{ key: 'alignment', name: x.t('ch.meta.alignment'), values: alignment, color: '#5b3a9e', width: 2.5 }], marker: newAt, markerLabel: newAt === null ? undefined : x.t('ch.meta.marker', { month: newAt }), format: (v) => i18n.score(v) });
        scrub.set(r.months, newAt ?? r.months);
        showMonth(scrub.month);
        const end = corners('meta', r.months);
        const weak = weakestCorner(end);
        const weakest = MANAGER_IDS.reduce<ManagerId>((w, id) => (corners(`managers.${id}`, r.months)[weak] < corners(`managers.${w}`, r.months)[weak] ? id : w), 'W');
        if (newAt === null) return { answer: null, reveal: x.bind('ch.meta.noNew') };
        // month m is row m - 1: the year before is months m-12..m-1, the year after m+1..m+12
        const before = mean(alignment, newAt - 13, newAt - 1);
        const after = mean(alignment, newAt, newAt + 12);
        const answer = Math.abs(after - before) < SAME_ALIGNMENT ? 'same' : after > before ? 'better' : 'worse';
        const month = newAt;
        return {
          answer,
          reveal: () => x.t('ch.meta.reveal', { month, before: i18n.score(before), after: i18n.score(after), corner: i18n.t(`corner.${weak}`).toLowerCase(), manager: i18n.t(`manager.${weakest}.long`).toLowerCase() }),
        };
      },
      spec: () => ran,
      link: () => {
        const s = spec();
        return { run: { scenario: s.scenarioId, seed: s.seed, months: s.months, controls: s.controls, at: 0 } };
      },
      onSettingsChange: (fn) => changes.on(fn),
      branch: { change: { path: 'managers.W.stance.value', value: 0 }, month: 47 },
    };
  },
};
