// Chapter 7, no one best way: an atlas of strategies (the deck's two strategies per corner x a split of
// attention, held by the alderman and the head of the werkbedrijf) against contexts (scenarios), computed
// live by the browser sweep pool, one experiment per context, with the same seeds in every context. The
// student's own strategy runs beside the grid and is placed on the atlas. Everything shown is read back
// from the sweeps' runs.csv: the best strategy per context, the top fifth, and the distinct groups in the
// top fifth and how far apart its strategies lie.
import { h, setText } from '../../dom';
import { CORNERS, type Corner } from '../../../model/types';
import type { RunSpec } from '../../../engine/replay';
import type { ChapterDef, ChapterPiece, Outcome } from '../chapter';
import { SweepPanel, type FinishedSweep } from '../sweep-panel';
import { readRuns } from '../sweep-data';
import { atlasTable, type AtlasRow } from '../views/atlas-view';
import { AttentionField, field, managerControls, presetSpec, presetValue, SeedField, StanceField, type CornerTriple, Changes } from './parts';
import { sandboxHref } from '../route';
import type { ExplorerKey } from '../i18n/index';

export const ATLAS_CONTEXTS = ['baseline', 'recession', 'budget-cuts', 'tight-labour-market', 'scandal'];
/** the managers who hold the strategy */
export const STRATEGISTS = ['W', 'H'] as const;
const MONTHS = 96;
export const DEFAULT_REPLICATES = 2;
const OUTCOME = 'composite.mean';
const TOP_SHARE = 0.2;

type AttentionProfile = 'balanced' | Corner;
const THIRD = 1 / 3;
export const ATTENTION_PROFILES: Record<AttentionProfile, CornerTriple> = {
  balanced: { value: THIRD, capacity: THIRD, legitimacy: THIRD },
  value: { value: 0.6, capacity: 0.2, legitimacy: 0.2 },
  capacity: { value: 0.2, capacity: 0.6, legitimacy: 0.2 },
  legitimacy: { value: 0.2, capacity: 0.2, legitimacy: 0.6 },
};

export interface Strategy {
  stance: CornerTriple;
  attention: CornerTriple;
  profile: AttentionProfile | null;
}

/** The grid: every combination of own (1) or outside (0) per corner, with each attention profile. */
export function strategyGrid(): Strategy[] {
  const out: Strategy[] = [];
  for (const profile of Object.keys(ATTENTION_PROFILES) as AttentionProfile[]) {
    for (let bits = 0; bits < 8; bits++) {
      const stance = { value: (bits >> 2) & 1, capacity: (bits >> 1) & 1, legitimacy: bits & 1 };
      out.push({ stance, attention: ATTENTION_PROFILES[profile], profile });
    }
  }
  return out;
}

const factorName = (id: string, group: string, c: Corner) => `${id}.${group}.${c}`;

/** One context's experiment: the grid plus the student's strategy (the last point), `replicates` seeds each. */
export function atlasExperiment(scenario: Record<string, unknown>, context: string, strategies: Strategy[], seed: number, replicates: number, months = MONTHS): Record<string, unknown> {
  const managers = { ...((scenario.managers as Record<string, Record<string, unknown>> | undefined) ?? {}) };
  for (const id of STRATEGISTS) managers[id] = { ...(managers[id] ?? {}), control: 'fixed' };
  const factors = STRATEGISTS.flatMap((id) => (['stance', 'attention'] as const).flatMap((group) => CORNERS.map((c) => ({ path: `managers.${id}.${group}.${c}`, name: factorName(id, group, c), range: [0, 1] }))));
  const points = strategies.map((s) => Object.fromEntries(STRATEGISTS.flatMap((id) => CORNERS.flatMap((c) => [[factorName(id, 'stance', c), s.stance[c]], [factorName(id, 'attention', c), s.attention[c]]]))));
  return {
    name: `atlas-${context}`,
    scenario: { ...scenario, managers },
    factors,
    design: { kind: 'list', points },
    replicates,
    seed,
    months,
    outputs: [OUTCOME, 'composite.final'],
  };
}

/**
 * How different the strategies in the top fifth are: their number, and the most corners on which two
 * of them choose opposite strategies (own line against one from outside). 0: one recipe per corner.
 */
export function topSpread(grid: Strategy[], means: number[]): { top: number; opposite: number } {
  const order = means.map((m, i) => ({ m, i })).sort((a, b) => b.m - a.m || a.i - b.i);
  const top = order.slice(0, Math.ceil(TOP_SHARE * grid.length)).map((o) => grid[o.i]);
  let opposite = 0;
  for (const a of top) for (const b of top) opposite = Math.max(opposite, CORNERS.filter((c) => Math.abs(a.stance[c] - b.stance[c]) >= 0.5).length);
  return { top: top.length, opposite };
}

interface ContextResult {
  context: string;
  /** mean outcome per strategy (design point) */
  means: number[];
  /** the seed of replicate 0 (the same for every point: common random numbers) */
  seed0: number;
  sweep: FinishedSweep;
}

function meansByPoint(csv: string, points: number): { means: number[]; seed0: number } {
  const t = readRuns(csv);
  const sum = new Array<number>(points).fill(0);
  const n = new Array<number>(points).fill(0);
  let seed0 = 0;
  for (const r of t.rows) {
    const p = r[t.col('point')];
    sum[p] += r[t.col(OUTCOME)];
    n[p]++;
    if (r[t.col('replicate')] === 0) seed0 = r[t.col('seed')];
  }
  return { means: sum.map((s, i) => s / n[i]), seed0 };
}

export const atlasChapter: ChapterDef = {
  id: 'atlas',
  title: 'ch.atlas.title',
  lead: 'ch.atlas.lead',
  paragraphs: ['ch.atlas.p1', 'ch.atlas.p2', 'ch.atlas.p3'],
  build(ctx): ChapterPiece {
    const { texts, x, i18n } = ctx;
    const start = presetSpec(ctx, { scenarioId: 'baseline', seed: 7, months: MONTHS, controls: [] });
    const known = (ids: string[]) => ids.filter((id) => ctx.scenarios.some((s) => s.id === id));
    const contexts = known(ctx.route.contexts ?? []).length > 0 ? known(ctx.route.contexts!) : known(ATLAS_CONTEXTS);
    const replicates = ctx.route.runs ?? DEFAULT_REPLICATES;
    // a trainer's link may shorten the runs (slow machines in a class); eight years otherwise
    const months = start.months;
    const grid = strategyGrid();
    const changes = new Changes();
    const changed = changes.settings;
    const seed = new SeedField(ctx, start.seed, changed);
    const own = (group: 'stance' | 'attention', fallback: number): CornerTriple =>
      Object.fromEntries(CORNERS.map((c) => [c, presetValue(start.controls, `managers.W.${group}.${c}`) ?? fallback])) as CornerTriple;
    const stance = new StanceField(texts, x, () => x.t('ch.atlas.yours'), own('stance', 0.5), changed, CORNERS, 'own-stance');
    const attention = new AttentionField(texts, () => x.t('ch.atlas.attention'), own('attention', THIRD), changed, 'own-attention');
    const sweep = new SweepPanel(ctx);
    const tableHost = h('div', { class: 'atlas-host' });
    const legend = h('p', { class: 'hint' });
    const pickContext = h('select', { 'data-control': 'atlas-context' });
    const pickStrategy = h('select', { 'data-control': 'atlas-strategy' });
    const openLink = h('a', { class: 'button-link secondary', 'data-link': 'atlas-run' });
    let results: ContextResult[] | null = null;
    let yours: Strategy | null = null;

    const stanceWord = (v: number) => (v >= 0.75 ? x.t('ch.atlas.own') : v <= 0.25 ? x.t('ch.atlas.outside') : x.t('ch.atlas.both'));
    const strategyLabel = (s: Strategy): [string, string] => [
      CORNERS.map((c) => `${i18n.t(`corner.${c}.short`)}: ${stanceWord(s.stance[c])}`).join(' · '),
      `${x.t('ch.atlas.attention')}: ${s.profile ? x.t(`ch.atlas.att.${s.profile}` as ExplorerKey) : CORNERS.map((c) => i18n.pct(s.attention[c])).join(' / ')}`,
    ];
    const title = (id: string) => ctx.scenarios.find((s) => s.id === id)?.title[i18n.lang] ?? id;
    const specOf = (context: string, s: Strategy, seed0: number): RunSpec => ({
      scenarioId: context,
      seed: seed0,
      months,
      controls: STRATEGISTS.flatMap((id) => managerControls(id, s.attention, s.stance)),
    });
    const strategies = () => (yours ? [...grid, yours] : grid);
    const selectedSpec = (): RunSpec | null => {
      if (!results) return null;
      const r = results.find((c) => c.context === pickContext.value) ?? results[0];
      const s = strategies()[Number(pickStrategy.value)] ?? yours!;
      return specOf(r.context, s, r.seed0);
    };

    const render = () => {
      if (!results) return;
      const res = results;
      const n = grid.length;
      const rows: AtlasRow[] = strategies().map((s, i) => ({
        key: i === n ? 'yours' : String(i),
        label: strategyLabel(s),
        yours: i === n,
        cells: res.map((r) => {
          const rank = 1 + r.means.slice(0, n).filter((m, j) => j !== i && m > r.means[i]).length;
          const best = i < n && rank === 1;
          return { score: r.means[i], rank, best, top: rank <= Math.ceil(TOP_SHARE * n) };
        }),
      }));
      const meanRank = (row: AtlasRow) => row.cells.reduce((a, c) => a + c.rank, 0) / row.cells.length;
      const ordered = [rows[n], ...rows.slice(0, n).sort((a, b) => meanRank(a) - meanRank(b) || Number(a.key) - Number(b.key))];
      tableHost.replaceChildren(
        atlasTable({
          caption: x.t('ch.atlas.grid'),
          strategyHead: x.t('ch.atlas.strategy'),
          countHead: x.t('ch.atlas.topCount'),
          contexts: res.map((r) => title(r.context)),
          rows: ordered,
          count: n,
          format: (v) => i18n.score(v),
          words: { best: x.t('ch.atlas.best'), top: x.t('ch.atlas.top'), yours: x.t('ch.atlas.yours') },
        }),
      );
      setText(legend, x.t('ch.atlas.legend', { reps: replicates }));
      const keepC = pickContext.value;
      pickContext.replaceChildren(...res.map((r) => h('option', { value: r.context }, title(r.context))));
      pickContext.value = keepC || res[0].context;
      const keepS = pickStrategy.value;
      pickStrategy.replaceChildren(...strategies().map((s, i) => h('option', { value: i }, i === n ? x.t('ch.atlas.yours') : strategyLabel(s).join('; '))));
      pickStrategy.value = keepS || String(n);
      const spec = selectedSpec();
      if (spec) {
        openLink.href = sandboxHref({ scenario: spec.scenarioId, seed: spec.seed, months: spec.months, controls: spec.controls, at: 0 });
        setText(openLink, x.t('shell.sandbox'));
      }
    };
    texts.on(render);
    for (const s of [pickContext, pickStrategy]) s.addEventListener('change', () => {
      render();
      changes.selection();
    });

    const views = h(
      'div',
      { class: 'views' },
      tableHost,
      legend,
      h('div', { class: 'run-picker panel' }, texts.text(h('h4'), x.bind('ch.luck.pick')), h('div', { class: 'control-row' }, field(texts, x.bind('shell.scenario'), pickContext), field(texts, x.bind('ch.atlas.strategy'), pickStrategy)), h('p', {}, openLink)),
    );

    return {
      controls: h(
        'div',
        { class: 'controls' },
        texts.text(h('p', { class: 'try-lead' }), () => x.t('ch.atlas.try', { count: grid.length })),
        h('div', { class: 'control-row' }, stance.root, attention.root),
        h('div', { class: 'control-row' }, seed.root),
        sweep.root,
      ),
      views,
      question: x.bind('ch.atlas.q'),
      options: () => (['yes', 'no'] as const).map((id) => ({ id, label: x.bind(`ch.atlas.opt.${id}`) })),
      runLabel: () => x.t('sweep.start', { runs: i18n.int((grid.length + 1) * replicates * contexts.length) }),
      async run(): Promise<Outcome> {
        const mine: Strategy = { stance: stance.value, attention: attention.value, profile: null };
        const list = [...grid, mine];
        const jobs = await Promise.all(
          contexts.map(async (context) => ({
            experiment: atlasExperiment(JSON.parse(await ctx.model.scenarioJson(context)) as Record<string, unknown>, context, list, seed.value, replicates, months),
            name: `atlas-${context}`,
            runs: list.length * replicates,
          })),
        );
        const done = await sweep.run(jobs);
        yours = mine;
        results = done.map((d, i) => ({ context: contexts[i], ...meansByPoint(d.runsCsv, list.length), sweep: d }));
        pickStrategy.value = String(grid.length);
        render();
        const n = grid.length;
        const bestOf = (r: ContextResult) => r.means.slice(0, n).reduce((b, m, i, a) => (m > a[b] ? i : b), 0);
        const bests = results.map(bestOf);
        const distinctBest = new Set(bests).size;
        const first = results[0];
        const spread = topSpread(grid, first.means.slice(0, n));
        const ranks = results.map((r) => ({ context: r.context, rank: 1 + r.means.slice(0, n).filter((m) => m > r.means[n]).length }));
        const res = results;
        return {
          answer: distinctBest === 1 ? 'yes' : 'no',
          reveal: () =>
            [
              distinctBest === 1 ? x.t('ch.atlas.revealSame', { contexts: res.length }) : x.t('ch.atlas.revealDiffer', { contexts: res.length, distinctBest }),
              spread.opposite > 0
                ? x.t('ch.atlas.revealGroups', { context: title(first.context), top: spread.top, corners: spread.opposite })
                : x.t('ch.atlas.revealOneRecipe', { context: title(first.context), top: spread.top }),
              x.t('ch.atlas.revealYours', { ranks: i18n.list(ranks.map((r) => x.t('ch.atlas.rankIn', { rank: r.rank, count: n + 1, context: title(r.context) }))) }),
            ].join(' '),
        };
      },
      spec: selectedSpec,
      link: () => ({
        run: { scenario: 'baseline', seed: seed.value, months, controls: managerControls('W', attention.value, stance.value), at: 0 },
        runs: replicates,
        contexts,
      }),
      onSettingsChange: (fn) => changes.on(fn),
      branch: { change: { path: 'managers.W.stance.value', value: 1 }, month: 48 },
      dispose: () => sweep.cancel(),
    };
  },
};
