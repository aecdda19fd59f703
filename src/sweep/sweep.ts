// Running a sweep: plan the shard's runs, open (or repair) the output directory, keep the
// executor busy, commit results in run order, and record the manifest.
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { makeDesign } from './designs';
import { keepFailure, MANIFEST_FORMAT, readManifest, sessionRecord, writeManifest, type Manifest } from './manifest';
import { checksums, runtimeInfo, toolInfo } from './provenance';
import { shardRun, shardSize, totalRuns, type Shard } from './plan';
import type { Progress } from './progress';
import { experimentFile, experimentHash, type ResolvedExperiment } from './resolve';
import { monthlyHeader, runPlanOf, runsHeader, type RunResult } from './runner';
import { EXPERIMENT_FILE, fsReason, isUserFsError, makeDir, MANIFEST_FILE, MONTHLY_FILE, removeDirs, RUNS_FILE, StoreError, SweepStore, writeAtomic } from './store';
import { lockDirectory, type SweepLock } from './lock';
import type { Executor } from './pool';
import { parseLine } from './csv';
import { LineReader } from './lines';

export interface SweepOptions {
  dir: string;
  /** with outputs resolved */
  experiment: ResolvedExperiment;
  modelVersion: string;
  shard: Shard;
  resume: boolean;
  workers: number;
  startExecutor: () => Promise<Executor>;
  progress: Progress;
  /** called for each failed run (its outputs are NaN) */
  onRunError?: (run: number, message: string) => void;
  /** set by a signal handler: stop dispatching, commit what is in order, exit */
  shouldStop?: () => boolean;
  /** filled in by runSweep: how a signal handler stops or quits this sweep */
  control?: SweepControl;
  now?: () => number;
}

export interface SweepReport {
  manifest: Manifest;
  /** runs this session committed */
  ran: number;
}

/** Commit a batch at least this often (ms), or when it reaches this many rows. */
const BATCH_MS = 1000;
const BATCH_ROWS = 512;

/**
 * How a signal handler steers a running sweep: `stop()` lets the runs in flight finish and ends
 * cleanly; `quit()` ends at once, synchronously (commits the rows already in order, records the
 * manifest as interrupted, releases the lock), for the caller to exit right after.
 */
export interface SweepControl {
  stop(): void;
  quit(): void;
}

export async function runSweep(o: SweepOptions): Promise<SweepReport> {
  const now = o.now ?? Date.now;
  const e = o.experiment;
  const hash = experimentHash(e);
  const plan = runPlanOf(e);
  const total = totalRuns(plan);
  const size = shardSize(total, o.shard);
  const previous = checkDirectory(o, hash);
  const design = makeDesign(e.design, e.factors, e.seed);
  const started = new Date(now()).toISOString();
  const session = sessionRecord(started, o.workers);
  const manifest: Manifest = {
    format: MANIFEST_FORMAT,
    modelVersion: o.modelVersion,
    tool: toolInfo(),
    runtime: runtimeInfo(),
    experimentHash: hash,
    experiment: { name: e.name, file: EXPERIMENT_FILE },
    design: { kind: design.kind, points: design.size, structure: design.structure },
    counts: { points: plan.points, replicates: plan.replicates, runs: total, shard: o.shard, shardRuns: size, done: 0, failed: 0 },
    failures: [...(previous?.failures ?? [])],
    columns: { factors: e.factors.map((f) => f.name), outputs: e.outputs ?? [], monthly: e.monthly },
    files: { runs: RUNS_FILE, monthly: e.monthly.length > 0 ? MONTHLY_FILE : null },
    status: 'running',
    timing: {
      started: previous?.timing.started ?? started,
      updated: started,
      seconds: previous?.timing.seconds ?? 0,
      sessions: (previous?.timing.sessions ?? 0) + 1,
      workers: o.workers,
      runsPerSecond: 0,
      clientMonths: previous?.timing.clientMonths ?? 0,
      clientMonthsPerSecond: 0,
    },
    sessions: [...(Array.isArray(previous?.sessions) ? previous.sessions : []), session],
  };
  const { store, committed, lock } = openDirectory(o, e, manifest, previous);
  let t0 = now();
  let done = committed; // shard positions committed
  let clientMonths = 0;
  let rows: string[] = [];
  let monthly: string[] = [];
  let lastFlush = now();
  const flush = () => {
    if (rows.length > 0) store.append(rows.join(''), monthly.join(''));
    rows = [];
    monthly = [];
    lastFlush = now();
  };
  let ended = false;
  /** Commits what is in order, closes the files and records the manifest; once. */
  const endSession = (checksum: boolean) => {
    if (ended) return;
    ended = true;
    try {
      flush();
      store.close();
      const seconds = (now() - t0) / 1000;
      const ran = done - committed;
      manifest.counts.done = done;
      manifest.status = done === size ? 'complete' : 'interrupted';
      manifest.timing.updated = new Date(now()).toISOString();
      manifest.timing.seconds += seconds;
      manifest.timing.clientMonths += clientMonths;
      manifest.timing.runsPerSecond = seconds > 0 ? ran / seconds : 0;
      manifest.timing.clientMonthsPerSecond = seconds > 0 ? clientMonths / seconds : 0;
      Object.assign(session, { ended: manifest.timing.updated, runs: ran });
      if (checksum) manifest.files.sha256 = checksums(o.dir, [RUNS_FILE, ...(manifest.files.monthly ? [MONTHLY_FILE] : []), EXPERIMENT_FILE]);
      writeManifest(o.dir, manifest);
    } finally {
      lock.release();
    }
  };
  let stopping = false;
  if (o.control) {
    o.control.stop = () => {
      stopping = true;
    };
    o.control.quit = () => {
      stopping = true;
      if (ended) return;
      endSession(false);
      o.progress.interrupt(`quit at ${done}/${size} runs (the runs in flight are lost); continue with --resume`);
    };
  }
  const shouldStop = () => stopping || o.shouldStop?.() === true;
  try {
    manifest.counts.failed = committed > 0 ? countFailed(o.dir, e) : 0;
    let next = committed; // next shard position to dispatch
    const ready = new Map<number, RunResult>();
    let executor: Executor | null = null;
    try {
      if (committed < size) {
        executor = await o.startExecutor();
        // rates count the runs, not the workers' start-up
        t0 = now();
        o.progress.start(size, committed, executor.capacity);
        const ex = executor;
        await new Promise<void>((resolve, reject) => {
          let inFlight = 0;
          let failed = false;
          const pump = () => {
            if (failed || ended) return;
            while (inFlight < ex.capacity && next < size && !shouldStop()) {
              const k = next++;
              inFlight++;
              ex.run(shardRun(o.shard, k)).then(
                (r) => {
                  inFlight--;
                  if (ended) return;
                  ready.set(k, r);
                  // commit in run order; results that arrive early wait in `ready` (at most capacity)
                  while (ready.has(done)) {
                    const c = ready.get(done)!;
                    ready.delete(done);
                    rows.push(c.row);
                    if (c.monthly) monthly.push(c.monthly);
                    clientMonths += c.clientMonths;
                    if (c.error) {
                      manifest.counts.failed++;
                      keepFailure(manifest.failures!, c.run, c.error);
                      o.onRunError?.(c.run, c.error);
                    }
                    done++;
                  }
                  if (rows.length >= BATCH_ROWS || now() - lastFlush >= BATCH_MS) flush();
                  o.progress.update(done);
                  if (inFlight === 0 && (next >= size || shouldStop())) resolve();
                  else pump();
                },
                (err: Error) => {
                  failed = true;
                  reject(err);
                },
              );
            }
            if (inFlight === 0) resolve();
          };
          pump();
        });
      }
    } finally {
      if (!ended) flush();
      await executor?.close();
    }
    if (committed >= size) o.progress.start(size, committed, 1);
    const seconds = (now() - t0) / 1000;
    endSession(true);
    const rate = manifest.timing.runsPerSecond;
    const ran = done - committed;
    o.progress.finish(
      done,
      manifest.status === 'complete'
        ? `${done} runs done${ran < done ? ` (${ran} this session)` : ''} in ${seconds.toFixed(1)} s (${rate.toFixed(1)} runs/s) -> ${o.dir}`
        : `stopped at ${done}/${size} runs; continue with --resume`,
    );
    return { manifest, ran };
  } finally {
    // on a failure (a crashed worker), the files are closed and the lock released; the manifest says running
    if (!ended) {
      ended = true;
      try {
        store.close();
      } finally {
        lock.release();
      }
    }
  }
}

/**
 * Creates (or reopens) the output directory: experiment.json, the manifest, runs.csv and monthly.csv.
 * When that fails (a folder that cannot be written, a runs.csv that does not belong to this sweep),
 * nothing is left changed: a folder made here is removed again, and a resumed sweep's manifest is put back.
 */
function openDirectory(o: SweepOptions, e: ResolvedExperiment, manifest: Manifest, previous: Manifest | null): ReturnType<typeof SweepStore.open> & { lock: SweepLock } {
  const existing = new Set(existsSync(o.dir) ? [EXPERIMENT_FILE, MANIFEST_FILE, RUNS_FILE, MONTHLY_FILE].filter((f) => existsSync(join(o.dir, f))) : []);
  let made: string[];
  let lock: SweepLock;
  try {
    made = makeDir(o.dir);
  } catch (err) {
    if (isUserFsError(err)) throw new StoreError(`cannot write the sweep to ${o.dir}: ${fsReason(err)}`);
    throw err;
  }
  try {
    // another process sweeping into this directory keeps it: nothing here is touched
    lock = lockDirectory(o.dir);
  } catch (err) {
    removeDirs(made);
    if (isUserFsError(err)) throw new StoreError(`cannot write the sweep to ${o.dir}: ${fsReason(err)}`);
    throw err;
  }
  try {
    writeAtomic(join(o.dir, EXPERIMENT_FILE), experimentText(e));
    writeManifest(o.dir, manifest);
    return { ...SweepStore.open(o.dir, runsHeader(e), e.monthly.length > 0 ? monthlyHeader(e) : null, (k) => shardRun(o.shard, k)), lock };
  } catch (err) {
    lock.release();
    try {
      if (previous) writeManifest(o.dir, previous);
      for (const f of [EXPERIMENT_FILE, MANIFEST_FILE, RUNS_FILE, MONTHLY_FILE, `${EXPERIMENT_FILE}.tmp`, `${MANIFEST_FILE}.tmp`]) {
        if (!existing.has(f)) rmSync(join(o.dir, f), { force: true });
      }
      removeDirs(made);
    } catch {
      // the original error is the one to report
    }
    if (isUserFsError(err)) throw new StoreError(`cannot write the sweep to ${o.dir}: ${fsReason(err)}`);
    throw err;
  }
}

/** experiment.json as the sweep writes it: an experiment file that reruns this sweep (base scenario inline). */
function experimentText(e: ResolvedExperiment): string {
  return JSON.stringify(experimentFile(e), null, 2) + '\n';
}

/** Refuses a directory that holds another sweep, or this one without --resume. Returns its manifest. */
function checkDirectory(o: SweepOptions, hash: string): Manifest | null {
  if (!existsSync(o.dir)) return null;
  if (!statSync(o.dir).isDirectory()) throw new StoreError(`${o.dir} is a file, not a folder: choose another --out`);
  const m = readManifest(o.dir);
  if (!m) {
    const stray = readdirSync(o.dir).filter((f) => f === RUNS_FILE || f === MONTHLY_FILE);
    if (stray.length > 0) throw new StoreError(`${o.dir} holds ${stray.join(' and ')} but no manifest.json: not a sweep this version can resume`);
    // an experiment.json of our own (a sweep killed just after writing it) is rewritten; anyone else's is kept
    const own = join(o.dir, EXPERIMENT_FILE);
    if (existsSync(own) && readFileSync(own, 'utf8') !== experimentText(o.experiment)) {
      throw new StoreError(`${o.dir} holds an ${EXPERIMENT_FILE} that is not this sweep's (the sweep writes its own there): choose another --out`);
    }
    return null;
  }
  if (!o.resume) throw new StoreError(`${o.dir} already holds a sweep: add --resume to continue it, or choose another --out`);
  if (m.experimentHash !== hash) throw new StoreError(`${o.dir} holds a sweep of a different experiment (${m.experiment.name}, hash ${m.experimentHash.slice(0, 12)})`);
  if (m.modelVersion !== o.modelVersion) throw new StoreError(`${o.dir} was swept with model ${m.modelVersion}; this is model ${o.modelVersion}`);
  if (m.counts.shard.index !== o.shard.index || m.counts.shard.count !== o.shard.count) {
    throw new StoreError(`${o.dir} holds shard ${m.counts.shard.index}/${m.counts.shard.count}, not ${o.shard.index}/${o.shard.count}`);
  }
  return m;
}

/** Failed runs already in runs.csv: rows whose outputs are all NaN. */
function countFailed(dir: string, e: ResolvedExperiment): number {
  const outputs = e.outputs ?? [];
  if (outputs.length === 0) return 0;
  const first = 4 + e.factors.length;
  let failed = 0;
  readRunsRows(join(dir, RUNS_FILE), (fields) => {
    if (fields.slice(first).every((f) => f === 'NaN')) failed++;
  });
  return failed;
}


function readRunsRows(path: string, onRow: (fields: string[]) => void): void {
  const reader = new LineReader(path);
  try {
    reader.read(); // header
    for (let line = reader.read(); line !== null; line = reader.read()) onRow(parseLine(line));
  } finally {
    reader.close();
  }
}
