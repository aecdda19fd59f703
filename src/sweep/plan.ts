// The run plan: which runs an experiment has, in which order, with which seeds, and which of them
// a shard takes. All of it is arithmetic on the run index, so every machine agrees.
//
// Runs are numbered replicate-major: run = replicate * points + point. A sweep works through them
// in that order, so one stopped half-way has every design point at (nearly) the same number of
// replicates, and the blocks of Saltelli and Morris designs complete in order.
import { deriveRunSeed } from './seeds';

export interface RunPlan {
  points: number;
  replicates: number;
  /** experiment seed */
  seed: number;
  seeds: 'common' | 'independent';
}

export interface RunId {
  run: number;
  point: number;
  replicate: number;
  seed: number;
}

export function totalRuns(plan: RunPlan): number {
  const n = plan.points * plan.replicates;
  if (!Number.isSafeInteger(n)) throw new RangeError(`the experiment has too many runs (${n})`);
  return n;
}

export function runId(plan: RunPlan, run: number): RunId {
  const point = run % plan.points;
  const replicate = Math.floor(run / plan.points);
  // common random numbers: replicate r meets the same luck at every design point
  const seed = deriveRunSeed(plan.seed, plan.seeds === 'common' ? replicate : run);
  return { run, point, replicate, seed };
}

/** A deterministic share of the runs: shard `index` of `count` takes runs index, index + count, .. */
export interface Shard {
  index: number;
  count: number;
}

export const WHOLE: Shard = { index: 0, count: 1 };

/** Runs in a shard. */
export function shardSize(total: number, shard: Shard): number {
  return total > shard.index ? Math.ceil((total - shard.index) / shard.count) : 0;
}

/** The k-th run of a shard (interleaved, so every shard gets a balanced share of design points). */
export function shardRun(shard: Shard, k: number): number {
  return shard.index + k * shard.count;
}

/**
 * Reads --shard: "I/N", or "N" (or "/N") with I from Slurm, or "slurm" for both from Slurm.
 * Slurm numbers array tasks from SLURM_ARRAY_TASK_MIN (often 0, sometimes 1): I is the task's
 * offset from it, so --array=0-3 and --array=1-4 both give shards 0..3.
 */
export function parseShard(text: string, env: Record<string, string | undefined>): Shard {
  const whole = (name: string): number => {
    const raw = env[name]!;
    if (!/^\d+$/.test(raw.trim())) throw new RangeError(`--shard ${text}: ${name} is "${raw}", not a whole number`);
    return Number(raw);
  };
  const fromSlurm = (what: string): number => {
    const id = env.SLURM_ARRAY_TASK_ID;
    if (id === undefined) throw new RangeError(`--shard ${text}: ${what} comes from SLURM_ARRAY_TASK_ID, which is not set (give --shard I/N)`);
    return whole('SLURM_ARRAY_TASK_ID') - (env.SLURM_ARRAY_TASK_MIN === undefined ? 0 : whole('SLURM_ARRAY_TASK_MIN'));
  };
  let index: number;
  let count: number;
  const m = /^(\d*)\/?(\d+)$/.exec(text.trim());
  if (text.trim() === 'slurm') {
    index = fromSlurm('the shard index');
    if (env.SLURM_ARRAY_TASK_COUNT === undefined) throw new RangeError('--shard slurm: SLURM_ARRAY_TASK_COUNT is not set (give --shard I/N)');
    count = whole('SLURM_ARRAY_TASK_COUNT');
  } else if (m && text.includes('/') && m[1] !== '') {
    index = Number(m[1]);
    count = Number(m[2]);
  } else if (m) {
    index = fromSlurm('the shard index');
    count = Number(m[2]);
  } else {
    throw new RangeError(`--shard must be I/N (e.g. 2/8), N or "slurm", got "${text}"`);
  }
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`--shard ${text}: the number of shards must be at least 1`);
  if (!Number.isInteger(index) || index < 0 || index >= count) throw new RangeError(`--shard ${text}: shard index ${index} is outside 0..${count - 1}`);
  return { index, count };
}
