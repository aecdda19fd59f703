// Reading a sweep directory for analysis: the experiment (to rebuild the design), and runs.csv
// streamed row by row. Works for any model's results too: a folder with experiment.json (as
// written by a sweep, or the experiment file itself) and a runs.csv with a "point" column, an
// optional "replicate" column and one column per output.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { formatIssues, InputError } from '../scenario/parse';
import { DesignSchema } from '../sweep/experiment';
import { readJson } from '../sweep/commandSupport';
import { parseLine, parseNumber } from '../sweep/csv';
import { makeDesign, type Design } from '../sweep/designs';
import type { FactorValue } from '../sweep/factors';
import { LineReader } from '../sweep/lines';
import { parseExperiment, resolveExperiment, type ResolvedExperiment } from '../sweep/resolve';
import { EXPERIMENT_FILE, RUNS_FILE } from '../sweep/store';

export interface SweepData {
  dir: string;
  experiment: ResolvedExperiment;
  design: Design;
  /** output columns of runs.csv */
  outputs: string[];
}

export function loadSweepData(dir: string): SweepData {
  const expPath = join(dir, EXPERIMENT_FILE);
  if (!existsSync(dir)) throw new InputError(dir, [{ path: '$', message: 'no such folder' }]);
  if (!statSync(dir).isDirectory()) throw new InputError(dir, [{ path: '$', message: 'is a file, not a sweep folder' }]);
  if (!existsSync(expPath)) throw new InputError(dir, [{ path: '$', message: `no ${EXPERIMENT_FILE}: not a sweep directory` }]);
  if (!existsSync(join(dir, RUNS_FILE))) throw new InputError(dir, [{ path: '$', message: `no ${RUNS_FILE}` }]);
  if (!statSync(join(dir, RUNS_FILE)).isFile()) throw new InputError(join(dir, RUNS_FILE), [{ path: '$', message: 'is a folder, not a file' }]);
  const json = readJson(expPath) as { factors?: { distribution?: unknown }[] } | null;
  const resolved = json !== null && typeof json === 'object' && Array.isArray(json.factors) && typeof json.factors[0]?.distribution === 'object';
  const experiment = resolved
    ? checkResolved(json as unknown as ResolvedExperiment, expPath)
    : resolveExperiment({ ...parseExperiment(json, expPath), scenario: undefined }, expPath, { load: () => ({}), check: () => ({}) });
  let design: Design;
  try {
    design = makeDesign(experiment.design, experiment.factors, experiment.seed);
  } catch (e) {
    if (e instanceof RangeError || e instanceof TypeError) throw new InputError(expPath, [{ path: '$.design', message: `cannot rebuild the design: ${e.message}` }]);
    throw e;
  }
  const reader = new LineReader(join(dir, RUNS_FILE));
  const header = parseLine(reader.read() ?? '');
  reader.close();
  if (!header.includes('point')) throw new InputError(join(dir, RUNS_FILE), [{ path: '$', message: 'runs.csv has no "point" column' }]);
  const reserved = new Set(['run', 'point', 'replicate', 'seed', ...experiment.factors.map((f) => f.name)]);
  return { dir, experiment, design, outputs: header.filter((h) => !reserved.has(h)) };
}

/**
 * experiment.json as a sweep writes it (factors with their distributions): checked for the fields the
 * analysis reads, so that a hand-made or damaged file is named, not a crash.
 */
function checkResolved(e: ResolvedExperiment, path: string): ResolvedExperiment {
  const issues: { path: string; message: string }[] = [];
  const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
  const kinds = ['uniform', 'loguniform', 'normal', 'triangular', 'integer', 'levels'];
  e.factors.forEach((f, i) => {
    const d = (f as unknown as Record<string, unknown>)?.distribution;
    if (!isObject(f) || typeof f.name !== 'string') issues.push({ path: `$.factors[${i}].name`, message: 'must be a string' });
    else if (!isObject(d) || !kinds.includes(d.kind as string)) issues.push({ path: `$.factors[${i}].distribution.kind`, message: `must be one of ${kinds.join(', ')}` });
    else if (d.kind === 'levels' ? !Array.isArray(d.levels) || d.levels.length === 0 : !['min', 'max'].every((k) => typeof d[k] === 'number')) {
      issues.push({ path: `$.factors[${i}].distribution`, message: d.kind === 'levels' ? 'needs a non-empty "levels" list' : 'needs numbers "min" and "max"' });
    }
  });
  const design = DesignSchema.safeParse(e.design);
  if (!design.success) issues.push(...formatIssues(design.error.issues.map((i) => ({ ...i, path: ['design', ...i.path] })) as unknown as Parameters<typeof formatIssues>[0]));
  if (!Number.isSafeInteger(e.seed)) issues.push({ path: '$.seed', message: 'must be an integer' });
  if (!Number.isSafeInteger(e.replicates) || e.replicates < 1) issues.push({ path: '$.replicates', message: 'must be an integer >= 1' });
  if (e.seeds !== 'common' && e.seeds !== 'independent') issues.push({ path: '$.seeds', message: 'must be "common" or "independent"' });
  if (issues.length > 0) throw new InputError(path, issues);
  return e;
}

export interface RunRow {
  point: number;
  replicate: number;
  values: FactorValue[];
  outputs: number[];
}

/**
 * Calls `onRow` for each run of runs.csv with the requested outputs (in the order asked).
 * Factor values are taken from the design (exact), not re-parsed from text.
 */
export function forEachRun(data: SweepData, outputs: string[], onRow: (row: RunRow) => void, withValues = false): void {
  const reader = new LineReader(join(data.dir, RUNS_FILE));
  try {
    const header = parseLine(reader.read() ?? '');
    const col = (name: string) => header.indexOf(name);
    const pointCol = col('point');
    const repCol = col('replicate');
    const outCols = outputs.map((o) => {
      const c = col(o);
      if (c < 0) throw new InputError(join(data.dir, RUNS_FILE), [{ path: '$', message: `no output column "${o}" (columns: ${data.outputs.join(', ')})` }]);
      return c;
    });
    for (let line = reader.read(); line !== null; line = reader.read()) {
      const fields = parseLine(line);
      const point = Number(fields[pointCol]);
      if (!Number.isInteger(point) || point < 0 || point >= data.design.size) continue;
      onRow({
        point,
        replicate: repCol >= 0 ? Number(fields[repCol]) : 0,
        values: withValues ? data.design.point(point) : [],
        outputs: outCols.map((c) => parseNumber(fields[c] ?? '')),
      });
    }
  } finally {
    reader.close();
  }
}

/** Mean of each output over the replicates of each design point (NaN for points without runs). */
export function pointMeans(data: SweepData, output: string): Float64Array {
  const sum = new Float64Array(data.design.size);
  const count = new Float64Array(data.design.size);
  forEachRun(data, [output], (r) => {
    const y = r.outputs[0];
    if (Number.isFinite(y)) {
      sum[r.point] += y;
      count[r.point]++;
    }
  });
  return sum.map((s, i) => (count[i] > 0 ? s / count[i] : NaN));
}
