// monthly.csv: tidy, one row per month, one column per quantity. Column names are the snapshot's paths
// joined by underscores (managers_W_corners_value, caseload_benefit_tier3, z_workOutflow, ...);
// docs/outputs.md documents them.
import type { MonthSnapshot } from '../model/types';
import { INDICATORS } from '../model/values';
import { round6 } from './json';

type Row = [string, number | string][];

/** Flattens a snapshot into ordered (column, value) pairs; events become a count and a joined list. */
export function flattenSnapshot(s: MonthSnapshot): Row {
  const row: Row = [];
  const walk = (prefix: string, v: unknown): void => {
    if (typeof v === 'number' || typeof v === 'string') row.push([prefix, v]);
    else if (Array.isArray(v)) v.forEach((x, i) => walk(`${prefix}_${i + 1}`, x));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(prefix ? `${prefix}_${k}` : k, x);
  };
  const { events, z, caseload, loop, ...rest } = s;
  walk('', rest);
  walk('loop', { levels: loop.levels, gain: loop.gain, regime: loop.regime, balancing: loop.balancing });
  loop.flows.forEach((f, i) => row.push([`loop_flow_${i + 1}`, f]));
  for (const [status, tiers] of Object.entries(caseload)) tiers.forEach((n, i) => row.push([`caseload_${status}_tier${i + 1}`, n]));
  INDICATORS.forEach((spec, k) => row.push([`z_${spec.id}`, z[k]]));
  row.push(['events_count', events.length]);
  row.push(['events', events.map((e) => e.type).join(';')]);
  return row;
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
export const IDENTITY_HEADER = 'model_version,scenario_hash,seed';

export function monthlyCsv(snapshots: readonly MonthSnapshot[], id: RunIdentity): string {
  if (snapshots.length === 0) return '';
  const header = flattenSnapshot(snapshots[0]).map(([k]) => k);
  const prefix = identityCells(id);
  const lines = [`${IDENTITY_HEADER},${header.join(',')}`];
  for (const s of snapshots) lines.push(`${prefix},${flattenSnapshot(s).map(([, v]) => cell(v)).join(',')}`);
  return `${lines.join('\n')}\n`;
}

export function monthlyColumns(sample: MonthSnapshot): string[] {
  return [...IDENTITY_HEADER.split(','), ...flattenSnapshot(sample).map(([k]) => k)];
}
