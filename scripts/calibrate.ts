// Prints every stylised fact's measurement over N seeds, with its band, from the raw outputs of the runs
// (monthly.csv and clients.csv as `meerwaarde run` writes them, parsed back): the same definitions and
// bands as the pattern tests (tests/facts/). docs/model.md section 1 holds the figures of the last run.
//
//   npx tsx scripts/calibrate.ts [--seeds 50] [--only baseline,policy,perception,scenarios,strategy]
//                                [--strategy-seeds 6] [--set params.name=value,...]
import { parseArgs } from 'node:util';
import * as E from '../tests/facts/experiments';
import { baselineChecks, inBand, labelChecks, perceptionChecks, policyChecks, scenarioChecks, strategyChecks, type Check } from '../tests/facts/facts';
import { LABEL_ORDER } from '../tests/facts/measures';
import { setOverrides } from '../tests/facts/raw';

const { values } = parseArgs({
  options: {
    seeds: { type: 'string', default: '50' },
    only: { type: 'string', default: 'baseline,policy,perception,scenarios,strategy' },
    'strategy-seeds': { type: 'string', default: '6' },
    set: { type: 'string', default: '' },
    'strategy-scenarios': { type: 'string', default: E.STRATEGY_SCENARIOS.join(',') },
    focus: { type: 'string', default: E.STRATEGY_FOCUS.join(',') },
  },
});
// --set params.lambdaDown=0.16,params.gL=0.2: try values on every scenario (not the defaults)
if (values.set) setOverrides(Object.fromEntries(values.set.split(',').map((kv) => kv.split('=')).map(([k, v]) => [k, Number.isNaN(Number(v)) ? v : Number(v)])));
const seeds = E.seedList(Number(values.seeds));
const groups = new Set((values.only ?? '').split(','));
const started = Date.now();
let failed = 0;

function print(group: string, checks: Record<string, Check[]>): void {
  for (const [fact, list] of Object.entries(checks)) {
    console.log(`\n${fact}`);
    for (const c of list) {
      const band = c.lo === undefined && c.hi === undefined ? '' : `[${c.lo === undefined ? '' : fmt(c.lo)} .. ${c.hi === undefined ? '' : fmt(c.hi)}]`;
      const ok = band === '' ? '    ' : inBand(c) ? ' ok ' : 'FAIL';
      if (ok === 'FAIL') failed++;
      console.log(`  ${ok} ${fmt(c.value).padStart(9)} ${band.padEnd(18)} ${c.name}`);
    }
  }
  console.log(`  (${group}: ${((Date.now() - started) / 1000).toFixed(0)} s so far)`);
}

function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  return Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(3);
}

console.log(`Stylised facts over ${seeds.length} seeds (model outputs parsed back from monthly.csv and clients.csv)`);
const needsBase = ['baseline', 'policy', 'perception', 'scenarios'].some((g) => groups.has(g));
const base = needsBase ? E.baselineLong(seeds) : [];
if (groups.has('baseline')) {
  print('baseline', baselineChecks(base));
  const labels = labelChecks(base);
  console.log(`\nlabels at 96 months (share of seeds: ${LABEL_ORDER.join(', ')})`);
  for (const [key, shares] of Object.entries(labels.spread)) console.log(`  ${key.padEnd(24)} ${LABEL_ORDER.map((l) => shares[l].toFixed(2)).join('  ')}`);
  print('labels', { labels: labels.checks });
}
if (groups.has('policy')) print('policy', policyChecks(base, E.creamingRuns(seeds), E.doubleBudgetRuns(seeds), E.structureRuns(seeds)));
if (groups.has('perception')) print('perception', perceptionChecks(base, E.negativityRuns(seeds), E.judgementRuns(seeds), E.loopRuns(seeds)));
if (groups.has('scenarios')) print('scenarios', scenarioChecks(base, E.tightRuns(seeds), E.recessionRuns(seeds), E.banenafspraakRuns(seeds)));
if (groups.has('strategy')) {
  const grid = E.strategyGrid((values.focus ?? '').split(',') as E.Strategy['focus'][]);
  const sSeeds = E.seedList(Number(values['strategy-seeds']));
  const results = (values['strategy-scenarios'] ?? '').split(',').map((scenario) => ({ scenario, grid: E.strategyRuns(scenario, grid, sSeeds) }));
  for (const r of results) {
    console.log(`\n${r.scenario}: mean composite by strategy (${sSeeds.length} seeds)`);
    const rows = grid.map((st, i) => [st.id, r.grid[i].reduce((a, b) => a + b, 0) / r.grid[i].length] as const).sort((a, b) => b[1] - a[1]);
    console.log(`  ${rows.map(([id, v]) => `${id} ${v.toFixed(3)}`).join('  ')}`);
  }
  print('strategy', strategyChecks(results, grid));
}
console.log(`\n${failed} checks out of band; ${((Date.now() - started) / 1000).toFixed(0)} s`);
