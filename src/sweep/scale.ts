// The scale of a sweep, from arithmetic alone (nothing is built): how many runs one process will do and
// how much work the design takes before the first run. A sweep far beyond what anyone means (a typo in
// a sample count, an integer factor over 0 to 2^53) is refused up front, with the count and the limit,
// unless the user says --force. Checking costs the same whatever the design would cost to run.
import { makeDesign } from './designs';
import { morrisSelectionWork } from './design/morris';
import { shardSize, type Shard } from './plan';
import type { ResolvedExperiment } from './resolve';
import type { InputIssue } from '../scenario/parse';

/** Runs one sweep process does without --force: a few hours on a laptop, a day at most. */
export const MAX_RUNS = 1_000_000;
/** Operations to build a design (Morris's choice among candidates) without --force: about a minute. */
export const MAX_DESIGN_WORK = 2e10;

const n = (x: number) => x.toLocaleString('en-US');

/**
 * What is out of scale in this experiment for this shard (empty when nothing is). `points` is the
 * design's size (makeDesign is lazy: asking it costs nothing).
 */
export function scaleProblems(e: ResolvedExperiment, shard: Shard = { index: 0, count: 1 }): InputIssue[] {
  const problems: InputIssue[] = [];
  const points = makeDesign(e.design, e.factors, e.seed).size;
  const total = points * e.replicates;
  const mine = shard.count > 1 ? shardSize(total, shard) : total;
  if (mine > MAX_RUNS) {
    const what = `${n(points)} design points x ${n(e.replicates)} replicate${e.replicates === 1 ? '' : 's'} = ${n(total)} runs${shard.count > 1 ? `, ${n(mine)} of them in this shard` : ''}`;
    problems.push({ path: '$.design', message: `${what}: more than the ${n(MAX_RUNS)} runs a sweep does without --force (check the design's sizes; add --force to run it anyway)` });
  }
  if (e.design.kind === 'morris') {
    const work = morrisSelectionWork(e.factors.length, e.design);
    if (work > MAX_DESIGN_WORK) {
      problems.push({
        path: '$.design.candidates',
        message: `choosing ${n(e.design.trajectories)} of ${n(e.design.candidates!)} Morris candidates over ${e.factors.length} factor${e.factors.length === 1 ? '' : 's'} takes about ${work.toExponential(1)} operations, more than the ${MAX_DESIGN_WORK.toExponential(0)} done without --force (fewer candidates; add --force to build it anyway)`,
      });
    }
  }
  return problems;
}
