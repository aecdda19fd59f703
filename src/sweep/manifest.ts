// manifest.json: what a sweep directory holds and how it came about. runs.csv is the truth about
// which runs are done; the manifest says which experiment they belong to (its hash), with which
// model version, how far the sweep got, and how long it took.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DesignStructure } from './designs';
import type { Shard } from './plan';
import { MANIFEST_FILE, StoreError, writeAtomic } from './store';

export const MANIFEST_FORMAT = 'meerwaarde-sweep/1';

export interface Manifest {
  format: typeof MANIFEST_FORMAT;
  modelVersion: string;
  /** SHA-256 of the resolved experiment (experiment.json without formatting) */
  experimentHash: string;
  experiment: { name: string; file: string };
  design: { kind: string; points: number; structure: DesignStructure };
  counts: {
    points: number;
    replicates: number;
    /** runs in the whole experiment */
    runs: number;
    shard: Shard;
    /** runs in this shard (all runs when not sharded) */
    shardRuns: number;
    done: number;
    /** runs whose model run threw (their outputs are NaN) */
    failed: number;
  };
  columns: { factors: string[]; outputs: string[]; monthly: string[] };
  files: { runs: string; monthly: string | null };
  status: 'running' | 'interrupted' | 'complete';
  timing: {
    started: string;
    updated: string;
    /** seconds of work, summed over sessions (and over shards, after a merge) */
    seconds: number;
    sessions: number;
    workers: number;
    runsPerSecond: number;
    clientMonths: number;
    clientMonthsPerSecond: number;
  };
  /** for a merged sweep: the shard directories it came from */
  mergedFrom?: string[];
}

export function readManifest(dir: string): Manifest | null {
  const path = join(dir, MANIFEST_FILE);
  if (!existsSync(path)) return null;
  let m: Manifest;
  try {
    m = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
  } catch (e) {
    throw new StoreError(`${path} is not valid JSON: ${(e as Error).message}`);
  }
  if (m.format !== MANIFEST_FORMAT) throw new StoreError(`${path} is not a Meerwaarde sweep manifest (format ${String(m.format)})`);
  return m;
}

export function writeManifest(dir: string, m: Manifest): void {
  writeAtomic(join(dir, MANIFEST_FILE), JSON.stringify(m, null, 2) + '\n');
}
