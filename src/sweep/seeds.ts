import { fmix32 } from '../model/hash';
import { MAX_SEED } from '../scenario/schema';
// Seeds for runs and for design streams, from exact 32-bit integer arithmetic only.
//
// Reproducibility is the researcher's first need: run 731 of an experiment must get the same seed
// on a laptop with 8 workers, on shard 3 of 4 of a Slurm array and in next year's rerun. So a run's
// seed is a pure function of the experiment seed and the run's (seed) index, computed with integer
// operations that every JavaScript engine rounds identically (Math.imul, xor, shifts), never with
// floating-point transcendental functions.

export { fmix32 } from '../model/hash';

/** The golden-ratio increment of splitmix (Steele, Lea & Flood 2014), 2^32 / phi. */
const GOLDEN = 0x9e3779b9;

/** Combines a running hash with one more 32-bit word (order-sensitive, deterministic). */
export function hashCombine(hash: number, word: number): number {
  return fmix32((hash ^ Math.imul((word >>> 0) + GOLDEN, 0x27d4eb2f)) + GOLDEN);
}

/** Hashes a sequence of non-negative safe integers (each split into two 32-bit words). */
export function hashWords(...words: number[]): number {
  let h = 0x6a09e667; // first word of SHA-256's initial state: an arbitrary, documented constant
  for (const w of words) {
    if (!Number.isSafeInteger(w) || w < 0) throw new RangeError(`hashWords takes non-negative safe integers, got ${w}`);
    h = hashCombine(h, w % 0x100000000);
    h = hashCombine(h, Math.floor(w / 0x100000000));
  }
  return h;
}

/** Largest seed an experiment may name, and largest run seed: R's largest integer (src/scenario/schema.ts). */
export { MAX_SEED };

/**
 * The seed of one run: a 31-bit hash of the experiment seed and the run's seed index (the 32-bit hash
 * with its top bit cleared), so that every seed in runs.csv is an integer in R.
 * The same pair gives the same seed in every host, whatever the worker count or shard.
 * With common random numbers the seed index is the replicate, so every design point meets the
 * same luck in replicate r; otherwise it is the run index.
 */
export function deriveRunSeed(experimentSeed: number, runIndex: number): number {
  if (!Number.isInteger(experimentSeed) || experimentSeed < 0 || experimentSeed > MAX_SEED) {
    throw new RangeError(`experiment seed must be an integer in [0, ${MAX_SEED}], got ${experimentSeed}`);
  }
  if (!Number.isSafeInteger(runIndex) || runIndex < 0) {
    throw new RangeError(`run index must be a non-negative integer, got ${runIndex}`);
  }
  return (hashWords(experimentSeed, runIndex) & MAX_SEED) >>> 0;
}

/** Domain tags so that design streams never share a seed with run seeds or with each other. */
export const STREAM = {
  monteCarlo: 1,
  latinHypercube: 2,
  latinPermutation: 3,
  morris: 4,
  sobolShift: 5,
  bootstrap: 6,
} as const;

/** The seed of a named design stream, e.g. the Monte Carlo row 17 of an experiment. */
export function streamSeed(experimentSeed: number, stream: number, ...indices: number[]): number {
  return hashWords(experimentSeed >>> 0, 0x5eed0000 + stream, ...indices);
}
