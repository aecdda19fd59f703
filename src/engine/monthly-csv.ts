// monthly.csv: tidy, one row per month, one column per quantity. A column is named by the path of its
// quantity in the month snapshot, parts joined by dots, words in camelCase (managers.W.corners.value,
// caseload.benefit.tier3, z.workOutflow, loop.flows.1, ...), the same names a sweep's "monthly" list
// takes and its monthly.csv writes; docs/outputs.md documents them.
import type { MonthSnapshot } from '../model/types';
import { INDICATORS } from '../model/values';
import { round6 } from './json';

/** One column of monthly.csv: its name and how to read it from a month's snapshot. */
export interface MonthlyColumn {
  name: string;
  get(s: MonthSnapshot): number | string;
}

type Key = string | number;

function reader(path: readonly Key[]): (s: MonthSnapshot) => number | string {
  if (path.length === 1) return (s) => (s as unknown as Record<Key, number | string>)[path[0]];
  if (path.length === 2) return (s) => (s as unknown as Record<Key, Record<Key, number | string>>)[path[0]][path[1]];
  return (s) => {
    let node = s as unknown;
    for (const k of path) node = (node as Record<Key, unknown>)[k];
    return node as number | string;
  };
}

/**
 * The columns of monthly.csv (after the run's identity), in file order, for snapshots shaped like
 * `sample`: nested objects give dotted names, arrays 1-based numbers (loop.flows.1), the caseload
 * its tiers (caseload.benefit.tier1), the scores their indicator ids (z.workOutflow), and the events
 * a count (events.count) and their types joined by ";" (events).
 */
export function monthlyColumnsOf(sample: MonthSnapshot): MonthlyColumn[] {
  const columns: MonthlyColumn[] = [];
  const walk = (names: string[], path: Key[], v: unknown): void => {
    if (typeof v === 'number' || typeof v === 'string') columns.push({ name: names.join('.'), get: reader(path) });
    else if (Array.isArray(v)) v.forEach((x, i) => walk([...names, String(i + 1)], [...path, i], x));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk([...names, k], [...path, k], x);
  };
  const { events: _events, z: _z, caseload, loop, ...rest } = sample;
  walk([], [], rest);
  walk(['loop'], ['loop'], { levels: loop.levels, gain: loop.gain, regime: loop.regime, balancing: loop.balancing, flows: loop.flows });
  for (const [status, tiers] of Object.entries(caseload)) tiers.forEach((_, i) => columns.push({ name: `caseload.${status}.tier${i + 1}`, get: reader(['caseload', status, i]) }));
  INDICATORS.forEach((spec, k) => columns.push({ name: `z.${spec.id}`, get: reader(['z', k]) }));
  columns.push({ name: 'events.count', get: (s) => s.events.length });
  columns.push({ name: 'events', get: (s) => s.events.map((e) => e.type).join(';') });
  return columns;
}

function cell(v: number | string): string {
  if (typeof v === 'number') return String(round6(v));
  return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** What identifies a run: every output file carries it (CSV files as their first columns). */
export interface RunIdentity {
  modelVersion: string;
  scenarioHash: string;
  seed: number;
}

export function identityCells(id: RunIdentity): string {
  return `${id.modelVersion},${id.scenarioHash},${id.seed}`;
}
export const IDENTITY_HEADER = 'modelVersion,scenarioHash,seed';

export function monthlyCsv(snapshots: readonly MonthSnapshot[], id: RunIdentity): string {
  if (snapshots.length === 0) return '';
  const columns = monthlyColumnsOf(snapshots[0]);
  const prefix = identityCells(id);
  let text = `${IDENTITY_HEADER},${columns.map((c) => c.name).join(',')}\n`;
  for (const s of snapshots) {
    let line = prefix;
    for (const c of columns) line += `,${cell(c.get(s))}`;
    text += `${line}\n`;
  }
  return text;
}

export function monthlyColumns(sample: MonthSnapshot): string[] {
  return [...IDENTITY_HEADER.split(','), ...monthlyColumnsOf(sample).map((c) => c.name)];
}
