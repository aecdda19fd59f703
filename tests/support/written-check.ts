// The check of a run's written files (issue 12), measured from monthly.csv and summary.json as a user reads
// them, not from the model's own objects: every number finite, every column in the range docs/outputs.md
// gives it (its unit in COLUMN_FAMILIES, the ranges of lm and staff from docs/model.md 7.20), the caseload
// at most the inhabitants aged 18 to the AOW age, every client accounted for month by month, and the
// summary free of null, NaN and Infinity, its scores in [0, 1].
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COLUMN_FAMILIES } from '../../scripts/gen-docs';
import { inhabitants, LM_RANGE, STAFF_TARGET_MAX } from '../../src/model/bounds';
import { PARAM_SPECS } from '../../src/model/params';
import { parseLine } from '../../src/sweep/csv';

/** What the files are checked against: the scenario document as the user wrote it and the run's months. */
export interface WrittenFrame {
  doc: Record<string, unknown>;
  months: number;
}

interface Bounds {
  min: number;
  max: number;
  integer?: boolean;
}

/** monthly.csv is written to 6 decimals: a bound is met within half a unit of the last place. */
const ROUNDING = 5e-7;
const any: Bounds = { min: -Number.MAX_VALUE, max: Number.MAX_VALUE };

/** The largest staffFte the scenario asks for: in params, or set by an event. */
function staffParam(doc: Record<string, unknown>): number {
  const params = (doc.params ?? {}) as Record<string, number>;
  let most = params.staffFte ?? PARAM_SPECS.staffFte.default;
  for (const e of (doc.events ?? []) as { type: string; path?: string; value?: number }[]) {
    if (e.type === 'set' && e.path === 'params.staffFte' && typeof e.value === 'number') most = Math.max(most, e.value);
  }
  return most;
}

/** A column's documented range, from its unit in docs/outputs.md (null: text). */
function boundsOf(column: string, doc: Record<string, unknown>): Bounds | null {
  const family = COLUMN_FAMILIES.find((f) => f.match.test(column));
  if (!family) throw new Error(`monthly.csv column ${column} is in no documented family`);
  switch (family.unit) {
    case '0-1':
    case 'share':
      return { min: 0, max: 1 };
    case '0-1.299':
      return { min: 0, max: (3 * Math.sqrt(3)) / 4 };
    case '0-1 / 0-1.299':
      return column.endsWith('.area') ? { min: 0, max: (3 * Math.sqrt(3)) / 4 } : { min: 0, max: 1 };
    case 'clients':
    case 'clients/month':
    case 'sanctions/month':
    case 'count':
      return { min: 0, max: Number.MAX_SAFE_INTEGER, integer: true };
    case 'steps/month':
      return { min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER, integer: true };
    case 'vacancies per unemployed':
      return { min: LM_RANGE.min, max: LM_RANGE.max };
    case 'FTE':
      return { min: 0.5, max: STAFF_TARGET_MAX * staffParam(doc) };
    case 'change/month':
      return { min: -1, max: 1 };
    case 'ratio':
    case 'vacancies/month':
    case 'slots':
    case 'euro':
    case 'euro/year':
      return { min: 0, max: Number.MAX_VALUE };
    case 'text':
      return null;
    default:
      return column === 'seed' ? { min: 0, max: 2 ** 31 - 1, integer: true } : family.unit === '-' ? null : any;
  }
}

export interface WrittenRun {
  columns: string[];
  rows: string[][];
  summary: Record<string, unknown>;
  /** a column's numbers, month by month */
  series(column: string): number[];
}

export function readWrittenRun(dir: string): WrittenRun {
  const lines = readFileSync(join(dir, 'monthly.csv'), 'utf8').split('\n');
  if (lines.at(-1) !== '') throw new Error('monthly.csv does not end with a line break');
  const columns = parseLine(lines[0]);
  const rows = lines.slice(1, -1).map(parseLine);
  const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as Record<string, unknown>;
  return {
    columns,
    rows,
    summary,
    series(column) {
      const k = columns.indexOf(column);
      if (k < 0) throw new Error(`monthly.csv has no column ${column}`);
      return rows.map((r) => Number(r[k]));
    },
  };
}

/** Every null, NaN, Infinity or score outside [0, 1] in the summary, by path. */
function summaryProblems(value: unknown, path: string, out: string[]): void {
  if (value === null) out.push(`summary.json ${path} is null`);
  else if (typeof value === 'number') {
    if (!Number.isFinite(value)) out.push(`summary.json ${path} is ${value}`);
    else if (/\.(score|final|mean)$/.test(path) && /^\.(dimensions|verdicts|indicators|publicValueAccount|composite)/.test(path) && !(value >= 0 && value <= 1)) out.push(`summary.json ${path} is ${value}, outside [0, 1]`);
  } else if (Array.isArray(value)) value.forEach((v, i) => summaryProblems(v, `${path}[${i}]`, out));
  else if (typeof value === 'object') for (const [k, v] of Object.entries(value)) summaryProblems(v, `${path}.${k}`, out);
}

/** Everything wrong with a run's written files (empty when they are sane), at most `limit` lines. */
export function writtenProblems(dir: string, frame: WrittenFrame, limit = 20): string[] {
  const run = readWrittenRun(dir);
  const out: string[] = [];
  const { columns, rows, summary } = run;
  if (rows.length !== frame.months) out.push(`monthly.csv has ${rows.length} rows for ${frame.months} months`);
  const bounds = columns.map((c) => boundsOf(c, frame.doc));
  rows.forEach((row, m) => {
    if (row.length !== columns.length) out.push(`monthly.csv row ${m + 1} has ${row.length} fields, the header ${columns.length}`);
    if (Number(row[columns.indexOf('month')]) !== m + 1) out.push(`monthly.csv row ${m + 1} says month ${row[columns.indexOf('month')]}`);
    columns.forEach((c, k) => {
      const b = bounds[k];
      if (!b) return;
      const x = Number(row[k]);
      if (row[k] === '' || !Number.isFinite(x)) out.push(`month ${m + 1}: ${c} is ${JSON.stringify(row[k])}, not a finite number`);
      else if (x < b.min - ROUNDING || x > b.max + ROUNDING || (b.integer && !Number.isInteger(x))) out.push(`month ${m + 1}: ${c} is ${x}, outside [${b.min}, ${b.max}]${b.integer ? ' (whole)' : ''}`);
    });
  });
  // the caseload and every client tracked at most the inhabitants; clients accounted for month by month
  const N0 = ((frame.doc.params ?? {}) as Record<string, number>).N0 ?? PARAM_SPECS.N0.default;
  const limit18ToAow = inhabitants(N0);
  const statuses = ['benefit', 'trajectory', 'participation', 'subsidised', 'employed'];
  const tracked = rows.map((_, m) => statuses.reduce((n, s) => n + [1, 2, 3, 4].reduce((t, k) => t + run.series(`caseload.${s}.tier${k}`)[m], 0), 0));
  // the clients gone for good, by their tier when they left (cumulative)
  const exited = rows.map((_, m) => [1, 2, 3, 4].reduce((t, k) => t + run.series(`caseload.exited.tier${k}`)[m], 0));
  const inflow = run.series('flows.inflow');
  for (const column of ['stock', 'twin.stock']) {
    run.series(column).forEach((x, m) => x > limit18ToAow && out.push(`month ${m + 1}: ${column} ${x} above the ${limit18ToAow} inhabitants aged 18 to the AOW age`));
  }
  tracked.forEach((x, m) => x > limit18ToAow && out.push(`month ${m + 1}: ${x} clients tracked, above the ${limit18ToAow} inhabitants`));
  for (let m = 0; m < rows.length; m++) {
    const accounted = tracked[m] + exited[m];
    const before = m === 0 ? null : tracked[m - 1] + exited[m - 1];
    if (before === null ? accounted - inflow[m] < N0 : accounted - before !== inflow[m]) {
      out.push(`month ${m + 1}: ${accounted} clients accounted for, ${before === null ? `${inflow[m]} of them new, fewer than N0 ${N0} at the start` : `${before} the month before plus an inflow of ${inflow[m]}`}`);
    }
  }
  summaryProblems(summary, '', out);
  const meta = summary.meta as Record<string, unknown> | undefined;
  const last = rows.at(-1);
  if (!meta || meta.months !== frame.months) out.push(`summary.json meta.months is ${meta?.months}, not ${frame.months}`);
  if (last && meta && (meta.scenarioHash !== last[columns.indexOf('scenarioHash')] || String(meta.seed) !== last[columns.indexOf('seed')])) out.push('summary.json and monthly.csv disagree on the scenario hash or the seed');
  const caseload = summary.caseload as { stock?: number } | undefined;
  if (last && caseload?.stock !== Number(last[columns.indexOf('stock')])) out.push(`summary.json caseload.stock ${caseload?.stock} is not monthly.csv's last stock ${last[columns.indexOf('stock')]}`);
  return out.slice(0, limit);
}
