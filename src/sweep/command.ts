// The research commands: meerwaarde sweep, merge and design (analyze lives in src/analysis).
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { formatRow } from './csv';
import { makeDesign } from './designs';
import { mergeShards } from './merge';
import { WHOLE, parseShard, type Shard } from './plan';
import { prepareExperiment } from './prepare';
import { silentProgress, streamProgress } from './progress';
import { workerPool } from './pool';
import type { ModelApi } from './runner';
import { runSweep, type SweepControl } from './sweep';
import { CommandError, EXIT_INTERNAL, EXIT_OK, intOption, loadExperiment, parseCommandArgs, runCommandBody } from './commandSupport';
import { BufferedWriter } from './lines';
import { MAX_RUNS, scaleProblems } from './scale';
import { InputError } from '../scenario/parse';
import { fsReason, isUserFsError } from './store';

export { analyzeCommand } from '../analysis/command';

export const SWEEP_HELP = `Usage: meerwaarde sweep <experiment.json> --out DIR [--workers N] [--resume] [--shard I/N] [--force] [--quiet]

Runs every run of an experiment (design points x replicates) and writes, as the runs finish:
  DIR/runs.csv        one row per run: run, point, replicate, seed, factor values, outputs
  DIR/monthly.csv     with "monthly" in the experiment: one row per run and month
  DIR/manifest.json   model version, experiment hash, design, counts, timing
  DIR/experiment.json the experiment as run (base scenario included)

Options:
  --out DIR      output folder (required)
  --workers N    worker threads (default: all ${availableParallelism()} cores)
  --resume       continue a sweep in DIR that was stopped or killed
  --shard I/N    run only shard I of N (runs I, I+N, I+2N, ...); "--shard N" takes I from
                 SLURM_ARRAY_TASK_ID, "--shard slurm" takes I and N from the Slurm array
  --force        run a sweep of more than ${MAX_RUNS.toLocaleString('en-US')} runs (in this process), or a design
                 that takes long to build; without it such a sweep is refused before it starts
  --quiet        no progress output
  -h, --help     this help

A killed sweep resumed with --resume ends with exactly the runs of an uninterrupted one.
Shards combine with 'meerwaarde merge'. See docs/research.md and docs/cluster.md.`;

export const MERGE_HELP = `Usage: meerwaarde merge DIR... --out DIR

Combines the shards of one sweep (every shard, each complete) into DIR, byte-identical to the
output of the same sweep on one machine. Refuses shards of different experiments or model versions.`;

export const DESIGN_HELP = `Usage: meerwaarde design <experiment.json> [--unit] [--out FILE] [--force]

Prints the experiment's design matrix as CSV: one row per design point, one column per factor.
The base scenario is not needed, so the matrix can drive any external model too.

Options:
  --unit       also print each point's coordinates in the unit hypercube (columns u.<factor>)
  --out FILE   write to FILE instead of standard output
  --force      build a design that takes long to build (refused without it)`;

/** The model the sweep runs; imported lazily so that design and merge start without it. */
async function loadModel(): Promise<ModelApi> {
  return (await import('./model')).modelApi;
}

export function sweepCommand(argv: string[]): Promise<number> {
  return runCommandBody('sweep', SWEEP_HELP, async () => {
    const { values, positionals } = parseCommandArgs(argv, {
      out: { type: 'string' },
      workers: { type: 'string' },
      resume: { type: 'boolean' },
      shard: { type: 'string' },
      quiet: { type: 'boolean' },
      force: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    });
    if (values.help) {
      process.stdout.write(`${SWEEP_HELP}\n`);
      return EXIT_OK;
    }
    if (positionals.length !== 1) throw new CommandError(positionals.length === 0 ? 'missing the experiment file' : `expected one experiment file, got ${positionals.length}`);
    if (values.out === undefined) throw new CommandError('--out DIR is required');
    if (values.out.trim() === '') throw new CommandError('--out must name a folder');
    const workers = intOption('--workers', values.workers, 1, 1024, availableParallelism());
    let shard: Shard = WHOLE;
    if (values.shard !== undefined) {
      try {
        shard = parseShard(values.shard, process.env);
      } catch (e) {
        throw new CommandError((e as Error).message);
      }
    }
    const file = positionals[0];
    const model = await loadModel();
    const experiment = prepareExperiment(loadExperiment(file, true), file, model);
    const outOfScale = scaleProblems(experiment, shard);
    if (outOfScale.length > 0 && values.force !== true) throw new InputError(file, outOfScale);
    const label = shard.count > 1 ? `sweep ${shard.index}/${shard.count}` : 'sweep';
    const progress = values.quiet ? silentProgress : streamProgress(process.stderr, label);
    /** a message on a line of its own (also with --quiet), the bar redrawn after it */
    const say = (message: string) => (values.quiet ? process.stderr.write(`${label}: ${message}\n`) : progress.note(message));
    const control: SweepControl = { stop() {}, quit() {} };
    let stopping = false;
    const onSignal = (signal: string) => {
      if (stopping) {
        // again: commit what is in order, record the manifest as interrupted, release the lock, quit
        control.quit();
        process.exit(EXIT_INTERNAL);
      }
      stopping = true;
      control.stop();
      say(`${signal}: finishing the runs in flight (again to quit at once)`);
    };
    const onInt = () => onSignal('SIGINT');
    const onTerm = () => onSignal('SIGTERM');
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
    let reported = 0;
    try {
      const { manifest } = await runSweep({
        dir: values.out,
        experiment,
        modelVersion: model.modelVersion,
        shard,
        resume: values.resume === true,
        workers,
        startExecutor: () => workerPool(workers, experiment),
        progress,
        shouldStop: () => stopping,
        control,
        onRunError: (run, message) => {
          if (reported++ < 5) say(`run ${run} failed (outputs NaN): ${message}`);
        },
      });
      if (manifest.counts.failed > 0) process.stderr.write(`${label}: ${manifest.counts.failed} runs failed; their outputs are NaN\n`);
      return manifest.status === 'complete' ? EXIT_OK : EXIT_INTERNAL;
    } finally {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
    }
  });
}

export function mergeCommand(argv: string[]): Promise<number> {
  return runCommandBody('merge', MERGE_HELP, () => {
    const { values, positionals } = parseCommandArgs(argv, { out: { type: 'string' }, quiet: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } });
    if (values.help) {
      process.stdout.write(`${MERGE_HELP}\n`);
      return EXIT_OK;
    }
    if (positionals.length === 0) throw new CommandError('name the shard directories to merge');
    if (values.out === undefined) throw new CommandError('--out DIR is required');
    if (values.out.trim() === '') throw new CommandError('--out must name a folder');
    const { runs, manifest } = mergeShards(positionals, values.out);
    if (!values.quiet) process.stderr.write(`merge: ${positionals.length} shards, ${runs} runs -> ${values.out} (experiment ${manifest.experimentHash.slice(0, 12)})\n`);
    return EXIT_OK;
  });
}

export function designCommand(argv: string[]): Promise<number> {
  return runCommandBody('design', DESIGN_HELP, async () => {
    const { values, positionals } = parseCommandArgs(argv, { unit: { type: 'boolean' }, out: { type: 'string' }, force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } });
    if (values.help) {
      process.stdout.write(`${DESIGN_HELP}\n`);
      return EXIT_OK;
    }
    if (positionals.length !== 1) throw new CommandError(positionals.length === 0 ? 'missing the experiment file' : `expected one experiment file, got ${positionals.length}`);
    const out = values.out;
    if (out !== undefined && out.trim() === '') throw new CommandError('--out must name a file');
    const e = loadExperiment(positionals[0], false);
    // the matrix streams out, so only the work before its first row counts (not the number of rows)
    const slow = scaleProblems(e).filter((p) => p.path !== '$.design');
    if (slow.length > 0 && values.force !== true) throw new InputError(positionals[0], slow);
    const design = makeDesign(e.design, e.factors, e.seed);
    const unit = values.unit === true && design.unit !== undefined;
    if (values.unit && !design.unit) throw new CommandError('a list design has no unit-hypercube coordinates');
    if (out !== undefined && resolve(out) === resolve(positionals[0])) throw new CommandError('--out would overwrite the experiment file: choose another name');
    const names = e.factors.map((f) => f.name);
    // with --out, the matrix goes to a temporary file renamed into place at the end: a failure or an
    // interrupt never leaves a half-written matrix, nor spoils a file already there
    const temp = out === undefined ? null : join(dirname(out), `.${basename(out)}.${process.pid}.tmp`);
    if (out !== undefined && existsSync(out) && statSync(out).isDirectory()) throw new CommandError(`--out ${out} is a folder; name a file`);
    let write: BufferedWriter | null = null;
    try {
      if (temp) write = new BufferedWriter(temp);
      // on standard output, each chunk waits for the pipe (and lets a closed pipe end the command)
      const emit = async (text: string) => {
        if (write) return write.write(text);
        if (!process.stdout.write(text)) await new Promise((drained) => process.stdout.once('drain', drained));
        else await new Promise(setImmediate);
      };
      let chunk = formatRow(['point', ...names, ...(unit ? names.map((n) => `u.${n}`) : [])]);
      for (let i = 0; i < design.size; i++) {
        chunk += formatRow([i, ...design.point(i), ...(unit ? design.unit!(i) : [])]);
        if (chunk.length > 1 << 16) {
          await emit(chunk);
          chunk = '';
        }
      }
      await emit(chunk);
      write?.close();
      write = null;
      if (temp) renameSync(temp, out!);
    } catch (err) {
      if (temp) rmSync(temp, { force: true });
      if (isUserFsError(err)) throw new CommandError(`cannot write ${out}: ${fsReason(err)}`);
      throw err;
    }
    return EXIT_OK;
  });
}
