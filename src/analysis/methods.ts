// Each analysis method applied to a sweep directory, with a JSON result and a readable table.
import { InputError } from '../scenario/parse';
import type { Factor } from '../sweep/factors';
import { forEachRun, pointMeans, type SweepData } from './data';
import { sobolIndices } from './sobol';
import { morrisIndices } from './morris';
import { prim, type BoxChoice, type PrimColumn } from './prim';
import { compareWithTwin, decomposeOneWay, decomposeTwoWay } from './luck';
import { equifinality, type FactorKind } from './equifinality';
import { formatInterval, formatNumber, formatTable } from './table';

export interface AnalysisResult {
  json: unknown;
  text: string;
}

export interface AnalysisOptions {
  outputs: string[];
  resamples: number;
  level: number;
  seed: number;
  /** prim */
  success?: { output: string; op: string; value: number };
  alpha: number;
  minSupport: number;
  paste: boolean;
  choose: BoxChoice;
  /** luck */
  twin?: string;
  /** equifinality */
  top: number;
  radius: number;
  better: 'higher' | 'lower';
}

function wrongDesign(data: SweepData, method: string, kind: string): never {
  throw new InputError(data.dir, [{ path: '$.design.kind', message: `${method} needs a "${kind}" design; this sweep's is "${data.design.kind}"` }]);
}

const names = (data: SweepData) => data.experiment.factors.map((f) => f.name);

export function analyzeSobol(data: SweepData, o: AnalysisOptions): AnalysisResult {
  const s = data.design.structure;
  if (s.kind !== 'saltelli') wrongDesign(data, 'Sobol analysis', 'saltelli');
  const results = o.outputs.map((output) => ({ output, ...sobolIndices(pointMeans(data, output), s.factors, o) }));
  const text = results
    .map((r) =>
      formatTable(
        ['factor', 'S1', `S1 ${pct(o.level)} CI`, 'ST', `ST ${pct(o.level)} CI`],
        names(data).map((n, i) => [n, r.first[i], formatInterval(r.firstInterval[i].low, r.firstInterval[i].high), r.total[i], formatInterval(r.totalInterval[i].low, r.totalInterval[i].high)]),
        { title: `Sobol' indices of ${r.output} (Saltelli 2010; Jansen 1999): ${r.baseSamples} base samples${r.dropped ? `, ${r.dropped} incomplete left out` : ''}, mean ${formatNumber(r.mean)}, variance ${formatNumber(r.variance)}` },
      ),
    )
    .join('\n');
  return { json: { method: 'sobol', factors: names(data), results }, text };
}

export function analyzeMorris(data: SweepData, o: AnalysisOptions): AnalysisResult {
  const s = data.design.structure;
  if (s.kind !== 'morris' || !data.design.unit) wrongDesign(data, 'Morris analysis', 'morris');
  const unit = Array.from({ length: data.design.size }, (_, i) => data.design.unit!(i));
  const results = o.outputs.map((output) => ({ output, ...morrisIndices(unit, pointMeans(data, output), s.factors, o) }));
  const text = results
    .map((r) => {
      const order = names(data).map((_, i) => i).sort((a, b) => r.muStar[b] - r.muStar[a]);
      return formatTable(
        ['factor', 'mu*', `mu* ${pct(o.level)} CI`, 'mu', 'sigma'],
        order.map((i) => [names(data)[i], r.muStar[i], formatInterval(r.muStarInterval[i].low, r.muStarInterval[i].high), r.mu[i], r.sigma[i]]),
        { title: `Morris elementary effects of ${r.output} (Campolongo 2007), ${r.trajectories} trajectories, ranked by mu*` },
      );
    })
    .join('\n');
  return { json: { method: 'morris', factors: names(data), results }, text };
}

function factorKind(f: Factor): FactorKind {
  return f.distribution.kind === 'levels' && f.distribution.levels.some((l) => typeof l === 'string') ? 'categorical' : 'numeric';
}

function meets(y: number, op: string, v: number): boolean {
  switch (op) {
    case '>=':
      return y >= v;
    case '>':
      return y > v;
    case '<=':
      return y <= v;
    case '<':
      return y < v;
    default:
      return y === v;
  }
}

export function analyzePrim(data: SweepData, o: AnalysisOptions): AnalysisResult {
  if (!o.success) throw new InputError('analyze', [{ path: '--success', message: 'PRIM needs a success criterion, e.g. --success "composite>=0.6"' }]);
  const { output, op, value } = o.success;
  const factors = data.experiment.factors;
  const columns: (number | string)[][] = factors.map(() => []);
  const y: number[] = [];
  forEachRun(
    data,
    [output],
    (r) => {
      if (!Number.isFinite(r.outputs[0])) return;
      r.values.forEach((v, j) => columns[j].push(v));
      y.push(meets(r.outputs[0], op, value) ? 1 : 0);
    },
    true,
  );
  const cols: PrimColumn[] = factors.map((f, j) =>
    factorKind(f) === 'categorical'
      ? { name: f.name, kind: 'categorical', values: columns[j] }
      : { name: f.name, kind: 'numeric', values: Float64Array.from(columns[j] as number[]) },
  );
  const r = prim(cols, y, { alpha: o.alpha, minSupport: o.minSupport, paste: o.paste, choose: o.choose });
  const criterion = `${output} ${op} ${value}`;
  const limits = Object.entries(r.box.limits).map(([name, lim]) => [
    name,
    lim.kind === 'numeric' ? `${formatNumber(lim.low)} .. ${formatNumber(lim.high)}` : lim.levels.join(' | '),
    r.quasiP[name],
  ]);
  const text =
    formatTable(
      ['step', 'coverage', 'density', 'support', 'restricted'],
      r.trajectory.map((b, i) => [i === r.chosen ? `${i} *` : String(i), b.coverage, b.density, b.support, clip(b.restricted.join(', '), 60)]),
      { title: `PRIM peeling trajectory (Friedman & Fisher 1999) for ${criterion}: ${y.length} runs, ${y.filter((v) => v).length} successes` },
    ) +
    '\n' +
    formatTable(['factor', 'box', 'quasi-p'], limits, {
      title: `Chosen box${o.paste ? ' (pasted)' : ''}: coverage ${formatNumber(r.box.coverage)}, density ${formatNumber(r.box.density)}, support ${formatNumber(r.box.support)}`,
    });
  return { json: { method: 'prim', criterion, runs: y.length, successes: y.filter((v) => v).length, ...r }, text };
}

export function analyzeLuck(data: SweepData, o: AnalysisOptions): AnalysisResult {
  const output = o.outputs[0];
  const { replicates, seeds } = data.experiment;
  const P = data.design.size;
  const table = Array.from({ length: P }, () => new Float64Array(replicates).fill(NaN));
  const actual: number[] = [];
  const twin: number[] = [];
  forEachRun(data, o.twin ? [output, o.twin] : [output], (r) => {
    if (r.replicate < replicates) table[r.point][r.replicate] = r.outputs[0];
    if (o.twin) {
      actual.push(r.outputs[0]);
      twin.push(r.outputs[1]);
    }
  });
  const crossed = seeds === 'common' && replicates >= 2;
  const d = crossed ? decomposeTwoWay(table) : decomposeOneWay(table);
  const rows: [string, number][] =
    d.kind === 'two-way'
      ? [
          ['strategy (design point)', d.strategyShare],
          ['common luck (replicate seed)', d.luckShare],
          ['strategy x luck', d.interactionShare],
        ]
      : [
          ['strategy (design point)', d.strategyShare],
          ['luck (within point)', d.luckShare],
        ];
  let text = formatTable(['source', 'share of variance'], rows, {
    title: `Luck versus strategy for ${output}: ${d.kind} random-effects decomposition over ${d.points} design points${d.kind === 'two-way' ? ` x ${d.replicates} common-seed replicates` : ''}`,
  });
  let vsTwin = null;
  if (o.twin) {
    vsTwin = compareWithTwin(actual, twin, o.better);
    text +=
      '\n' +
      formatTable(
        ['measure', 'value'],
        [
          ['mean effect (actual - twin)', vsTwin.meanEffect],
          ['sd of effect', vsTwin.sdEffect],
          ['share of runs beating the twin', vsTwin.beatTwin],
          ['variance share: twin (circumstance and luck)', vsTwin.twinShare],
          ['variance share: strategy effect', vsTwin.effectShare],
          ['variance share: 2 cov(twin, effect)', vsTwin.covarianceShare],
        ],
        { title: `Against the twin: ${output} versus ${o.twin} over ${vsTwin.runs} runs` },
      );
  }
  return { json: { method: 'luck', output, decomposition: d, twin: vsTwin }, text };
}

export function analyzeEquifinality(data: SweepData, o: AnalysisOptions): AnalysisResult {
  const output = o.outputs[0];
  const y = pointMeans(data, output);
  const configs = Array.from({ length: data.design.size }, (_, i) => data.design.point(i));
  const kinds = data.experiment.factors.map(factorKind);
  const r = equifinality(configs, y, kinds, { topShare: o.top, radius: o.radius, better: o.better });
  const text =
    formatTable(
      ['group', 'size', 'best', 'mean', ...names(data)],
      r.groups.slice(0, 30).map((g, i) => [i + 1, g.size, g.bestOutcome, g.meanOutcome, ...g.leader]),
      {
        title:
          `Equifinality of ${output}: the top ${pct(o.top)} (${r.top} of ${r.configurations} configurations, ${output} ${o.better === 'higher' ? '>=' : '<='} ${formatNumber(r.cutoff)}) ` +
          `fall into ${r.distinct} distinct groups (radius ${r.radius})${r.groups.length > 30 ? '; the first 30 shown' : ''}`,
      },
    ) +
    `\nDistance between group leaders: max ${formatNumber(r.maxDistance)}, mean ${formatNumber(r.meanDistance)} (0 = same, 1 = opposite corners)\n` +
    `Spread of the top configurations relative to all: ${formatNumber(r.spread)} (rms distance ${formatNumber(r.rmsTop)} vs ${formatNumber(r.rmsAll)})\n`;
  return { json: { method: 'equifinality', output, factors: names(data), ...r }, text };
}

function clip(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 3)}...` : text;
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}

export const METHODS = {
  sobol: analyzeSobol,
  morris: analyzeMorris,
  prim: analyzePrim,
  luck: analyzeLuck,
  equifinality: analyzeEquifinality,
} as const;
export type MethodName = keyof typeof METHODS;
