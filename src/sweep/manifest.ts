// manifest.json: what a sweep directory holds and how it came about. runs.csv is the truth about
// which runs are done; the manifest says which experiment they belong to (its hash), with which
// model version and tool (version, commit, Node, platform), how far the sweep got, how long it
// took, and the SHA-256 of every output file.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DesignStructure } from './designs';
import type { Shard } from './plan';
import { fsReason, MANIFEST_FILE, StoreError, writeAtomic } from './store';
import { runtimeInfo, toolInfo, type RuntimeInfo, type ToolInfo } from './provenance';

export const MANIFEST_FORMAT = 'meerwaarde-sweep/1';

/** How many failed runs the manifest names (all are counted, and their rows in runs.csv hold NaN). */
export const FAILURES_KEPT = 20;

/** Adds a failed run to a list kept by run number and at most FAILURES_KEPT long. */
export function keepFailure(list: { run: number; message: string }[], run: number, message: string): void {
  if (list.some((f) => f.run === run)) return;
  list.push({ run, message });
  list.sort((a, b) => a.run - b.run);
  if (list.length > FAILURES_KEPT) list.length = FAILURES_KEPT;
}

/** One session of work on a sweep folder (a start, or a --resume); a merge lists its shards' sessions. */
export interface SessionRecord {
  started: string;
  /** null while it runs, or when it was killed */
  ended: string | null;
  /** runs it committed */
  runs: number;
  workers: number;
  /** "version", with the commit and "+dirty" where known */
  tool: string;
  node: string;
  /** platform and architecture */
  platform: string;
  host: string;
  /** after a merge: which shard, "I/N" */
  shard?: string;
}

export interface Manifest {
  format: typeof MANIFEST_FORMAT;
  modelVersion: string;
  /** the tool that wrote this manifest (its latest session, or the merge) */
  tool: ToolInfo;
  runtime: RuntimeInfo;
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
  /** the first failed runs (at most FAILURES_KEPT, by run number) and why each failed */
  failures?: { run: number; message: string }[];
  columns: { factors: string[]; outputs: string[]; monthly: string[] };
  /** sha256: of each output file, when the session ended (absent while a sweep runs) */
  files: { runs: string; monthly: string | null; sha256?: Record<string, string> };
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
  /** every session that worked on it, oldest first */
  sessions: SessionRecord[];
  /** for a merged sweep: the shard directories it came from */
  mergedFrom?: string[];
}

/** A session's record, for this process. */
export function sessionRecord(started: string, workers: number): SessionRecord {
  const tool = toolInfo();
  const runtime = runtimeInfo();
  return {
    started,
    ended: null,
    runs: 0,
    workers,
    tool: `${tool.version}${tool.commit ? ` ${tool.commit.slice(0, 12)}${tool.dirty ? '+dirty' : ''}` : ''}`,
    node: runtime.node,
    platform: `${runtime.platform} ${runtime.arch}`,
    host: runtime.host,
  };
}

export function readManifest(dir: string): Manifest | null {
  const path = join(dir, MANIFEST_FILE);
  if (!existsSync(path)) return null;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new StoreError(`cannot read ${path}: ${fsReason(e)}`);
  }
  let m: Manifest;
  try {
    m = JSON.parse(text) as Manifest;
  } catch (e) {
    throw new StoreError(`${path} is not valid JSON: ${(e as Error).message}`);
  }
  if (m === null || typeof m !== 'object' || Array.isArray(m)) throw new StoreError(`${path} is not a Meerwaarde sweep manifest (not a JSON object)`);
  if (m.format !== MANIFEST_FORMAT) throw new StoreError(`${path} is not a Meerwaarde sweep manifest (format ${String(m.format)})`);
  const broken = brokenField(m);
  if (broken) throw new StoreError(`${path} is damaged: ${broken} is missing or wrong`);
  return m;
}

/** The first field a sweep, resume or merge relies on that a (hand-edited or damaged) manifest lacks. */
function brokenField(m: Manifest): string | null {
  const isObject = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v);
  const count = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0;
  const checks: [string, boolean][] = [
    ['modelVersion', typeof m.modelVersion === 'string'],
    ['experimentHash', typeof m.experimentHash === 'string'],
    ['experiment.name', isObject(m.experiment) && typeof m.experiment.name === 'string'],
    ['counts', isObject(m.counts)],
    ['counts.runs', count(m.counts?.runs)],
    ['counts.shardRuns', count(m.counts?.shardRuns)],
    ['counts.done', count(m.counts?.done)],
    ['counts.failed', count(m.counts?.failed)],
    ['counts.shard', isObject(m.counts?.shard) && count(m.counts.shard.index) && count(m.counts.shard.count) && m.counts.shard.index < m.counts.shard.count],
    ['files', isObject(m.files)],
    ['status', m.status === 'running' || m.status === 'interrupted' || m.status === 'complete'],
    ['timing', isObject(m.timing) && typeof m.timing.started === 'string' && ['seconds', 'sessions', 'workers', 'clientMonths'].every((k) => typeof (m.timing as unknown as Record<string, unknown>)[k] === 'number')],
  ];
  return checks.find(([, ok]) => !ok)?.[0] ?? null;
}

export function writeManifest(dir: string, m: Manifest): void {
  writeAtomic(join(dir, MANIFEST_FILE), JSON.stringify(m, null, 2) + '\n');
}
