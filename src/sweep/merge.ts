// Merging the shards of a sweep into the output one machine would have written. Shard i of n holds
// runs i, i + n, i + 2n, ..., so the merged runs.csv takes its rows round-robin from the shards;
// every row's run id is checked on the way, and the result is byte-identical to a one-machine sweep.
import { copyFileSync, existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BufferedWriter, LineReader, runOfLine } from './lines';
import { keepFailure, readManifest, writeManifest, type Manifest } from './manifest';
import { checksums, runtimeInfo, toolInfo } from './provenance';
import { EXPERIMENT_FILE, fsReason, isUserFsError, makeDir, MONTHLY_FILE, removeDirs, RUNS_FILE, StoreError } from './store';

export interface MergeReport {
  manifest: Manifest;
  runs: number;
}

/** Reads and checks the shards' manifests: one experiment, one model, every shard once, all complete. */
export function checkShards(dirs: string[]): { manifests: Manifest[]; order: number[] } {
  if (dirs.length === 0) throw new StoreError('merge needs at least one shard directory');
  const manifests = dirs.map((d) => {
    if (!existsSync(d)) throw new StoreError(`${d}: no such folder`);
    const m = readManifest(d);
    if (!m) throw new StoreError(`${d} holds no sweep (no manifest.json)`);
    return m;
  });
  const first = manifests[0];
  const count = first.counts.shard.count;
  manifests.forEach((m, i) => {
    if (m.experimentHash !== first.experimentHash) {
      throw new StoreError(`${dirs[i]} belongs to a different experiment than ${dirs[0]} (${m.experiment.name} ${m.experimentHash.slice(0, 12)} vs ${first.experiment.name} ${first.experimentHash.slice(0, 12)})`);
    }
    if (m.modelVersion !== first.modelVersion) throw new StoreError(`${dirs[i]} was run with model ${m.modelVersion}, ${dirs[0]} with ${first.modelVersion}`);
    if (m.counts.shard.count !== count) throw new StoreError(`${dirs[i]} is one of ${m.counts.shard.count} shards, ${dirs[0]} one of ${count}`);
    if (m.status !== 'complete' || m.counts.done !== m.counts.shardRuns) {
      throw new StoreError(`${dirs[i]} is incomplete (${m.counts.done} of ${m.counts.shardRuns} runs): resume it with --resume first`);
    }
  });
  const order = new Array<number>(count).fill(-1);
  manifests.forEach((m, i) => {
    const s = m.counts.shard.index;
    if (order[s] >= 0) throw new StoreError(`${dirs[order[s]]} and ${dirs[i]} are both shard ${s}/${count}`);
    order[s] = i;
  });
  const missing = order.map((o, s) => (o < 0 ? s : -1)).filter((s) => s >= 0);
  if (missing.length > 0) throw new StoreError(`shard${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of ${count} missing`);
  return { manifests, order };
}

export function mergeShards(dirs: string[], out: string, now: () => number = Date.now): MergeReport {
  const { manifests, order } = checkShards(dirs);
  if (dirs.some((d) => resolve(d) === resolve(out))) throw new StoreError('merge into a directory other than the shards');
  if (existsSync(out)) {
    if (!statSync(out).isDirectory()) throw new StoreError(`${out} is a file, not a folder: merge into a new directory`);
    if (readdirSync(out).length > 0) throw new StoreError(`${out} is not empty: merge into a new directory`);
  }
  const first = manifests[0];
  // every file the merge reads is there before anything is written
  const isFile = (p: string) => existsSync(p) && statSync(p).isFile();
  for (const d of dirs) {
    for (const f of [RUNS_FILE, ...(first.files.monthly ? [MONTHLY_FILE] : [])]) if (!isFile(join(d, f))) throw new StoreError(`${d} has no ${f}: not a complete shard`);
  }
  if (!isFile(join(dirs[0], EXPERIMENT_FILE))) throw new StoreError(`${dirs[0]} has no ${EXPERIMENT_FILE}: not a complete shard`);
  let made: string[];
  try {
    made = makeDir(out);
  } catch (e) {
    if (isUserFsError(e)) throw new StoreError(`cannot create ${out}: ${fsReason(e)}`);
    throw e;
  }
  try {
    return mergeInto(dirs, out, manifests, order, now);
  } catch (e) {
    // out was empty or absent: whatever is in it now, the merge put there
    try {
      for (const f of readdirSync(out)) rmSync(join(out, f), { recursive: true, force: true });
      removeDirs(made);
    } catch {
      // the original error is the one to report
    }
    if (isUserFsError(e)) throw new StoreError(`cannot write the merge to ${out}: ${fsReason(e)}`);
    throw e;
  }
}

function mergeInto(dirs: string[], out: string, manifests: Manifest[], order: number[], now: () => number): MergeReport {
  const first = manifests[0];
  const shards = order.map((i) => dirs[i]);
  const runs = mergeFile(shards, RUNS_FILE, out, first.counts.runs, false);
  if (first.files.monthly) mergeFile(shards, MONTHLY_FILE, out, first.counts.runs, true);
  copyFileSync(join(dirs[0], EXPERIMENT_FILE), join(out, EXPERIMENT_FILE));
  const seconds = manifests.reduce((s, m) => s + m.timing.seconds, 0);
  const clientMonths = manifests.reduce((s, m) => s + m.timing.clientMonths, 0);
  const manifest: Manifest = {
    ...first,
    tool: toolInfo(),
    runtime: runtimeInfo(),
    counts: {
      ...first.counts,
      shard: { index: 0, count: 1 },
      shardRuns: first.counts.runs,
      done: runs,
      failed: manifests.reduce((s, m) => s + m.counts.failed, 0),
    },
    failures: manifests.reduce<{ run: number; message: string }[]>((list, m) => {
      for (const f of m.failures ?? []) keepFailure(list, f.run, f.message);
      return list;
    }, []),
    status: 'complete',
    timing: {
      started: manifests.map((m) => m.timing.started).sort()[0],
      updated: new Date(now()).toISOString(),
      seconds,
      sessions: manifests.reduce((s, m) => s + m.timing.sessions, 0),
      workers: manifests.reduce((s, m) => s + m.timing.workers, 0),
      runsPerSecond: seconds > 0 ? runs / seconds : 0,
      clientMonths,
      clientMonthsPerSecond: seconds > 0 ? clientMonths / seconds : 0,
    },
    sessions: order.flatMap((i, shard) => (Array.isArray(manifests[i].sessions) ? manifests[i].sessions : []).map((x) => ({ ...x, shard: `${shard}/${order.length}` }))),
    mergedFrom: shards.map((d) => resolve(d)),
  };
  manifest.files = { ...first.files, sha256: checksums(out, [RUNS_FILE, ...(first.files.monthly ? [MONTHLY_FILE] : []), EXPERIMENT_FILE]) };
  writeManifest(out, manifest);
  return { manifest, runs };
}

/**
 * Interleaves one file of every shard by run id into out/name (written as name.tmp, then renamed).
 * `grouped`: a run may have several rows (monthly.csv), all of them consecutive.
 */
function mergeFile(shards: string[], name: string, out: string, total: number, grouped: boolean): number {
  const readers = shards.map((d) => new LineReader(join(d, name)));
  const tmp = join(out, `${name}.tmp`);
  const writer = new BufferedWriter(tmp);
  try {
    const header = readers[0].read();
    readers.forEach((r, i) => {
      const h = i === 0 ? header : r.read();
      if (h === null || h !== header) throw new StoreError(`${join(shards[i], name)} has a different header`);
    });
    writer.write(header + '\n');
    for (let run = 0; run < total; run++) {
      const reader = readers[run % shards.length];
      if (grouped) {
        for (let line = reader.peek(); line !== null && runOfLine(line) === run; line = reader.peek()) writer.write(reader.read() + '\n');
        continue;
      }
      const line = reader.read();
      if (line === null || runOfLine(line) !== run) {
        throw new StoreError(`${join(shards[run % shards.length], name)}: expected run ${run}, found ${line === null ? 'the end of the file' : `run ${runOfLine(line)}`}`);
      }
      writer.write(line + '\n');
    }
    readers.forEach((r, i) => {
      if (r.peek() !== null) throw new StoreError(`${join(shards[i], name)} holds rows after its last run`);
    });
  } finally {
    writer.close();
    readers.forEach((r) => r.close());
  }
  renameSync(tmp, join(out, name));
  return total;
}
