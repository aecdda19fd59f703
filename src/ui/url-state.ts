// The run in the address bar: scenario, seed, months, every player control, and the month reached.
// Opening such a link replays the same run. One schema (zod) validates and types it.
//
//   ?v=1&scenario=baseline&seed=42&months=96&c=0~managers.W.stance.value~0.35&c=12~recession&at=24
//
// A control is `month~path~value` (a setting) or `month~card` (a luck or bad-luck card).
import { z } from 'zod';
import { LUCK_EVENTS } from '../model/types';
import { isSettingPath, type PlayerControl } from '../engine/sandbox-api';

export const URL_VERSION = 1;
export const MAX_MONTHS = 240;
export const MAX_SEED = 4294967295;

const seedSchema = z.coerce.number().int().min(0).max(MAX_SEED);

const controlSchema = z.string().transform((raw, ctx): PlayerControl => {
  const parts = raw.split('~');
  const month = Number(parts[0]);
  if (parts[0] === '' || !Number.isInteger(month) || month < 0) {
    ctx.addIssue({ code: 'custom', message: `control "${raw}": month must be a whole number` });
    return z.NEVER;
  }
  if (parts.length === 2 && (LUCK_EVENTS as readonly string[]).includes(parts[1])) {
    return { month, type: parts[1] as (typeof LUCK_EVENTS)[number] };
  }
  if (parts.length === 3 && isSettingPath(parts[1]) && parts[2] !== '' && Number.isFinite(Number(parts[2]))) {
    return { month, type: 'set', path: parts[1], value: Number(parts[2]) };
  }
  ctx.addIssue({ code: 'custom', message: `control "${raw}" is not month~setting~value or month~card` });
  return z.NEVER;
});

export const urlStateSchema = z
  .object({
    v: z.coerce.number().int().min(1).max(URL_VERSION).default(URL_VERSION),
    scenario: z.string().regex(/^[a-z0-9-]+$/, 'scenario id: lower-case letters, digits and dashes'),
    seed: seedSchema.optional(),
    months: z.coerce.number().int().min(1).max(MAX_MONTHS).optional(),
    c: z.array(controlSchema).default([]),
    at: z.coerce.number().int().min(0).max(MAX_MONTHS).default(0),
  })
  .refine((s) => s.months === undefined || s.c.every((c) => c.month < s.months!), {
    message: 'a control lies beyond the run length',
  });

export type UrlState = z.output<typeof urlStateSchema>;

export interface RunAddress {
  scenario: string;
  seed: number;
  months: number;
  controls: PlayerControl[];
  at: number;
}

/** Read the query string; null when it names no scenario (a plain visit). Throws on a malformed link. */
export function parseUrlState(search: string): UrlState | null {
  const params = new URLSearchParams(search);
  if (!params.has('scenario')) return null;
  const raw: Record<string, unknown> = { c: params.getAll('c') };
  for (const key of ['v', 'scenario', 'seed', 'months', 'at']) {
    const value = params.get(key);
    if (value !== null) raw[key] = value;
  }
  const result = urlStateSchema.safeParse(raw);
  if (!result.success) {
    throw new Error(result.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ` : '') + i.message).join('; '));
  }
  return result.data;
}

function formatControl(c: PlayerControl): string {
  return c.type === 'set' ? `${c.month}~${c.path}~${c.value}` : `${c.month}~${c.type}`;
}

/** The query string for a run (encodeURIComponent keeps ~ . and - readable, unlike URLSearchParams). */
export function formatUrlState(a: RunAddress): string {
  const pairs: [string, string][] = [
    ['v', String(URL_VERSION)],
    ['scenario', a.scenario],
    ['seed', String(a.seed)],
    ['months', String(a.months)],
    ...a.controls.map((c): [string, string] => ['c', formatControl(c)]),
  ];
  if (a.at > 0) pairs.push(['at', String(a.at)]);
  return `?${pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`;
}
