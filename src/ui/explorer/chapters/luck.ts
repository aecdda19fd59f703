// Chapter 6, luck and courage: the same strategy over many seeds, as a browser sweep (the research
// mode's engine on navigator.hardwareConcurrency workers). Two strategies, cautious and bold managers,
// meet the same luck (common random numbers: replicate r has the same seed in both). The fans show the
// composite over time; the student predicts which fan is wider at the end, and the answer compares the
// middle 80% of the runs.csv values. A line, clicked or picked from the list, opens that run.
import { h, setText } from '../../dom';
import type { RunSpec } from '../../../engine/replay';
import type { ChapterDef, ChapterPiece, Outcome } from '../chapter';
import { FanChart, quantile } from '../views/fan-chart';
import { SweepPanel, type FinishedSweep } from '../sweep-panel';
import { readMonthly, readRuns } from '../sweep-data';
import { ChoiceField, field, presetSpec, ScenarioField, SeedField, setControls, Changes } from './parts';
import { scoreDifference } from '../format';
import { sandboxHref } from '../route';

export const LOW_COURAGE = 0.1;
export const HIGH_COURAGE = 0.9;
/** the managers whose courage the strategy sets (the partner network keeps its own) */
const BRAVE = ['W', 'D', 'H'] as const;
const MONTHS = 96;
export const DEFAULT_SEEDS = 100;
/** spreads within this ratio of each other count as "about the same" */
export const SAME_SPREAD = 1.1;
/**
 * When the runs minus their twins spread less than this share of the runs' own spread, most of the fan
 * is outside luck the twin shares; above OWN_LUCK, the twin takes little away (the managers' own luck).
 */
export const SHARED_LUCK = 0.6;
export const OWN_LUCK = 0.9;
const OUTPUTS = ['composite.final', 'twin.composite', 'twin.strategyEffect.composite'];
const COLORS = ['#0b5fa5', '#a34f00'];

/** The chapter's experiment: two strategies (cautious, bold) x `seeds` replicates. */
export function luckExperiment(scenario: Record<string, unknown>, scenarioId: string, seed: number, seeds: number, months = MONTHS): Record<string, unknown> {
  const point = (v: number) => Object.fromEntries(BRAVE.map((id) => [`courage${id}`, v]));
  return {
    name: `luck-${scenarioId}`,
    scenario,
    factors: BRAVE.map((id) => ({ path: `managers.${id}.courage`, name: `courage${id}`, range: [0, 1] })),
    design: { kind: 'list', points: [point(LOW_COURAGE), point(HIGH_COURAGE)] },
    replicates: seeds,
    seed,
    months,
    outputs: OUTPUTS,
    monthly: ['composite', 'twin.composite'],
  };
}

interface RunRow {
  run: number;
  point: number;
  seed: number;
  composite: number;
  twin: number;
  effect: number;
}

export const luckChapter: ChapterDef = {
  id: 'luck',
  title: 'ch.luck.title',
  lead: 'ch.luck.lead',
  paragraphs: ['ch.luck.p1', 'ch.luck.p2', 'ch.luck.p3'],
  build(ctx): ChapterPiece {
    const { texts, x, i18n } = ctx;
    const start = presetSpec(ctx, { scenarioId: 'baseline', seed: 2024, months: MONTHS, controls: [] });
    const seeds = ctx.route.runs ?? DEFAULT_SEEDS;
    // a trainer's link may shorten the runs (slow machines in a class); eight years otherwise
    const months = start.months;
    const changes = new Changes();
    const changed = changes.settings;
    const scenario = new ScenarioField(ctx, null, start.scenarioId, changed);
    const seed = new SeedField(ctx, start.seed, changed);
    const sweep = new SweepPanel(ctx);
    const label = (p: number) => x.t(p === 0 ? 'ch.luck.cautious' : 'ch.luck.bold', { value: i18n.pct(p === 0 ? LOW_COURAGE : HIGH_COURAGE) });
    const fans = [0, 1].map((p) => new FanChart(texts, x, () => `${label(p)}: ${x.t('ch.luck.fan', { runs: seeds })}`, 230, p === 0 ? 'cautious' : 'bold'));
    const fanOf = h('select', { 'data-control': 'fan' });
    const pick = h('select', { 'data-control': 'run' });
    const selected = h('p', { class: 'selected-run', 'data-part': 'selected' });
    const openLink = h('a', { class: 'button-link secondary', 'data-link': 'selected-run' });
    let result: { rows: RunRow[]; monthly: Map<number, Float64Array>; twins: Map<number, Float64Array>; sweep: FinishedSweep; scenarioId: string } | null = null;
    // what the fans show: the composite, or the composite minus the twin's (what strategy did, the twin's luck taken away)
    const show = new ChoiceField<'score' | 'effect'>(texts, x.bind('ch.luck.showWhat'), [
      { id: 'score', label: x.bind('ch.luck.showScore') },
      { id: 'effect', label: x.bind('ch.luck.showEffect') },
    ], 'score', () => renderFans(), 'fan-show');
    let chosen: RunRow | null = null;

    const specOf = (row: RunRow, scenarioId: string): RunSpec => ({
      scenarioId,
      seed: row.seed,
      months,
      controls: setControls(BRAVE.map((id) => [`managers.${id}.courage`, row.point === 0 ? LOW_COURAGE : HIGH_COURAGE])),
    });
    const renderFans = () => {
      if (!result) return;
      const r = result;
      const effect = show.value === 'effect';
      const values = (run: number) => {
        const own = r.monthly.get(run)!;
        if (!effect) return own;
        const twin = r.twins.get(run)!;
        return own.map((v, i) => v - twin[i]);
      };
      fans.forEach((fan, p) =>
        fan.update({
          lines: r.rows.filter((row) => row.point === p).map((row) => ({ run: row.run, values: values(row.run) })),
          color: COLORS[p],
          selected: chosen?.point === p ? chosen.run : null,
          format: effect ? (v) => scoreDifference(i18n, v) : (v) => i18n.score(v),
          seedOf: (run) => r.rows[run].seed,
          ...(effect ? { y: [-0.5, 0.5] as [number, number], reference: 0 } : {}),
        }),
      );
    };
    const renderPick = () => {
      if (!result) return;
      const point = Number(fanOf.value);
      fanOf.replaceChildren(...[0, 1].map((p) => h('option', { value: p }, label(p))));
      fanOf.value = String(point);
      const rows = result.rows.filter((r) => r.point === point).sort((a, b) => b.composite - a.composite || a.run - b.run);
      pick.replaceChildren(...rows.map((r, i) => h('option', { value: r.run }, x.t('ch.luck.runOption', { rank: i + 1, seed: r.seed, score: i18n.score(r.composite), twin: i18n.score(r.twin) }))));
      if (chosen) pick.value = String(chosen.run);
      if (chosen) {
        setText(selected, x.t('ch.luck.selected', { seed: chosen.seed, composite: i18n.score(chosen.composite), twin: i18n.score(chosen.twin), effect: i18n.signed(chosen.effect * 100) }));
        const s = specOf(chosen, result.scenarioId);
        openLink.href = sandboxHref({ scenario: s.scenarioId, seed: s.seed, months: s.months, controls: s.controls, at: 0 });
        setText(openLink, x.t('shell.sandbox'));
      }
    };
    const choose = (run: number) => {
      if (!result) return;
      chosen = result.rows[run];
      fanOf.value = String(chosen.point);
      renderPick();
      renderFans();
      changes.selection();
    };
    fans.forEach((f) => f.onSelect(choose));
    fanOf.addEventListener('change', () => {
      if (!result) return;
      const first = result.rows.filter((r) => r.point === Number(fanOf.value)).sort((a, b) => b.composite - a.composite || a.run - b.run)[0];
      choose(first.run);
    });
    pick.addEventListener('change', () => choose(Number(pick.value)));
    fanOf.append(h('option', { value: 0 }));
    fanOf.value = '0';
    texts.on(() => {
      renderPick();
      renderFans();
    });

    const views = h(
      'div',
      { class: 'views' },
      show.root,
      h('div', { class: 'fans' }, ...fans.map((f) => f.root)),
      h(
        'div',
        { class: 'run-picker panel' },
        texts.text(h('h4'), x.bind('ch.luck.pick')),
        texts.text(h('p', { class: 'hint' }), x.bind('ch.luck.pickHint')),
        h('div', { class: 'control-row' }, field(texts, x.bind('ch.luck.fanOf'), fanOf), field(texts, x.bind('ch.luck.pick'), pick)),
        selected,
        h('p', {}, openLink),
      ),
    );

    return {
      controls: h(
        'div',
        { class: 'controls' },
        texts.text(h('p', { class: 'try-lead' }), () => x.t('ch.luck.try', { low: i18n.pct(LOW_COURAGE), high: i18n.pct(HIGH_COURAGE), runs: seeds })),
        h('div', { class: 'control-row' }, scenario.root, seed.root),
        sweep.root,
      ),
      views,
      question: x.bind('ch.luck.q'),
      options: () => (['bold', 'cautious', 'same'] as const).map((id) => ({ id, label: x.bind(`ch.luck.opt.${id}`) })),
      runLabel: () => x.t('sweep.start', { runs: i18n.int(2 * seeds) }),
      async run(): Promise<Outcome> {
        const id = scenario.value;
        const base = JSON.parse(await ctx.model.scenarioJson(id)) as Record<string, unknown>;
        const [done] = await sweep.run([{ experiment: luckExperiment(base, id, seed.value, seeds, months), name: `luck-${id}`, runs: 2 * seeds }]);
        const t = readRuns(done.runsCsv);
        const rows: RunRow[] = t.rows.map((r) => ({
          run: r[t.col('run')],
          point: r[t.col('point')],
          seed: r[t.col('seed')],
          composite: r[t.col('composite.final')],
          twin: r[t.col('twin.composite')],
          effect: r[t.col('twin.strategyEffect.composite')],
        }));
        result = { rows, monthly: readMonthly(done.monthlyCsv!, 'composite'), twins: readMonthly(done.monthlyCsv!, 'twin.composite'), sweep: done, scenarioId: id };
        // the median run of the cautious fan is shown first
        const cautious = rows.filter((r) => r.point === 0).sort((a, b) => a.composite - b.composite);
        chosen = cautious[Math.floor(cautious.length / 2)];
        fanOf.value = '0';
        renderPick();
        renderFans();
        const spread = (p: number, key: 'composite' | 'effect') => {
          const v = rows.filter((r) => r.point === p).map((r) => r[key]);
          return quantile(v, 0.9) - quantile(v, 0.1);
        };
        const [c, b] = [spread(0, 'composite'), spread(1, 'composite')];
        const answer = b > c * SAME_SPREAD ? 'bold' : c > b * SAME_SPREAD ? 'cautious' : 'same';
        const [ce, be] = [spread(0, 'effect'), spread(1, 'effect')];
        // how much of the spread the twin takes away (the outside luck it shares with the run)
        const kept = (ce + be) / (c + b);
        const luck = kept < SHARED_LUCK ? 'ch.luck.luckShared' : kept < OWN_LUCK ? 'ch.luck.luckMixed' : 'ch.luck.luckOwn';
        return {
          answer,
          reveal: () =>
            x.t('ch.luck.reveal', {
              cautious: i18n.score(c),
              bold: i18n.score(b),
              cautiousEffect: i18n.score(ce),
              boldEffect: i18n.score(be),
              luckShare: x.t(luck),
            }),
        };
      },
      spec: () => (result && chosen ? specOf(chosen, result.scenarioId) : null),
      link: () => ({ run: { scenario: scenario.value, seed: seed.value, months, controls: [], at: 0 }, runs: seeds }),
      onSettingsChange: (fn) => changes.on(fn),
      branch: { change: { path: 'managers.H.courage', value: HIGH_COURAGE }, month: 24 },
      dispose: () => sweep.cancel(),
    };
  },
};
