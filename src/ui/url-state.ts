// The run in the address bar: scenario, seed, months, every player control, and the month reached.
// Opening such a link replays the same run.
//
//   ?v=1&scenario=baseline&seed=42&months=96&c=0~managers.W.stance.value~0.35&c=12~recession&at=24
//
// A control is `month~path~value` (a setting) or `month~card` (a luck or bad-luck card). A link is a
// user's input like a scenario file: numbers are plain decimals only (no hex, exponents or blanks), and
// every control goes through the scenario schema (src/scenario/schema.ts), so a link can set nothing a
// scenario file could not. A malformed link gives one problem per mistake (LinkProblem), which the page
// words in the reader's language (link-notice.ts); it never reaches the model.
import { LUCK_EVENTS } from '../model/types';
import { isSettingPath, type PlayerControl } from '../engine/sandbox-api';
import { MAX_SEED, ScenarioEventSchema, settableRange } from '../scenario/schema';

export const URL_VERSION = 1;
/** The longest run the sandbox plays (scenario files allow more, for the command line). */
export const MAX_MONTHS = 240;
export { MAX_SEED };
/** Controls a link may hold: far more than a session of play makes. */
export const MAX_CONTROLS = 2000;
/** Characters of one control (a path and a value in plain decimals). */
const MAX_CONTROL_LENGTH = 400;

export interface UrlState {
  v: number;
  scenario: string;
  seed?: number;
  months?: number;
  c: PlayerControl[];
  at: number;
}

export interface RunAddress {
  scenario: string;
  seed: number;
  months: number;
  controls: PlayerControl[];
  at: number;
}

/** One mistake in a link; `text` is what the link says there (the page shows a capped part of it). */
export type LinkProblem =
  | { kind: 'version' | 'scenario' | 'unknownScenario' | 'seed' | 'months' | 'at'; text: string }
  | { kind: 'twice'; text: string }
  | { kind: 'controlForm' | 'controlMonth' | 'controlSetting' | 'controlCard'; text: string }
  | { kind: 'controlBeyond'; text: string; months: number }
  | { kind: 'controlRange'; text: string; path: string; min: number; max: number; integer: boolean }
  | { kind: 'tooMany'; text: string; count: number };

export type LinkProblemKind = LinkProblem['kind'];

/** A malformed link: every problem found. */
export class LinkError extends Error {
  constructor(readonly problems: LinkProblem[]) {
    super(problems.map((p) => `${p.kind}: ${p.text.slice(0, 60)}`).join('; '));
    this.name = 'LinkError';
  }
}

/** What the page knows of its scenarios, to check a link against (id, and months when a link gives none). */
export interface KnownScenario {
  id: string;
  months: number;
}

const WHOLE = /^\d{1,10}$/;
/** a plain decimal: digits, an optional fraction; no sign but minus, no exponent, no blanks */
const DECIMAL = /^-?\d{1,20}(\.\d{1,380})?$/;

function whole(text: string, min: number, max: number): number | null {
  if (!WHOLE.test(text)) return null;
  const n = Number(text);
  return n >= min && n <= max ? n : null;
}

/** A control as written in a link, checked by the scenario schema; a problem, or the control. */
function readControl(raw: string, months: number | undefined): PlayerControl | LinkProblem {
  if (raw.length > MAX_CONTROL_LENGTH) return { kind: 'controlForm', text: raw };
  const parts = raw.split('~');
  if (parts.length !== 2 && parts.length !== 3) return { kind: 'controlForm', text: raw };
  const month = whole(parts[0], 0, MAX_MONTHS - 1);
  if (month === null) return WHOLE.test(parts[0]) ? { kind: 'controlBeyond', text: raw, months: months ?? MAX_MONTHS } : { kind: 'controlMonth', text: raw };
  if (months !== undefined && month >= months) return { kind: 'controlBeyond', text: raw, months };
  if (parts.length === 2) {
    if (!(LUCK_EVENTS as readonly string[]).includes(parts[1])) return { kind: 'controlCard', text: raw };
    const card = { month, type: parts[1] as (typeof LUCK_EVENTS)[number] };
    return ScenarioEventSchema.safeParse(card).success ? card : { kind: 'controlCard', text: raw };
  }
  const [, path, valueText] = parts;
  if (!isSettingPath(path)) return { kind: 'controlSetting', text: raw };
  const range = settableRange(path);
  if (typeof range === 'string') return { kind: 'controlSetting', text: raw };
  const outOfRange: LinkProblem = { kind: 'controlRange', text: raw, path, min: range.min, max: range.max, integer: range.integer === true };
  if (!DECIMAL.test(valueText)) return outOfRange;
  const value = Number(valueText);
  // the same schema, and so the same ranges, as a 'set' event in a scenario file
  const set = { month, type: 'set' as const, path, value };
  return ScenarioEventSchema.safeParse(set).success ? set : outOfRange;
}

/**
 * Reads the query string: the state, or null for a plain visit (no scenario named), and every problem.
 * With `scenarios` the scenario must be one of them, and controls must fall within its run.
 */
export function readLink(search: string, scenarios?: readonly KnownScenario[]): { state: UrlState | null; problems: LinkProblem[] } {
  const params = new URLSearchParams(search);
  if (!params.has('scenario')) return { state: null, problems: [] };
  const problems: LinkProblem[] = [];
  for (const key of ['v', 'scenario', 'seed', 'months', 'at']) {
    if (params.getAll(key).length > 1) problems.push({ kind: 'twice', text: key });
  }
  const get = (key: string) => params.get(key);
  const v = get('v') === null ? URL_VERSION : whole(get('v')!, 1, URL_VERSION);
  if (v === null) problems.push({ kind: 'version', text: get('v')! });
  const scenario = get('scenario')!;
  const known = scenarios?.find((s) => s.id === scenario);
  if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(scenario)) problems.push({ kind: 'scenario', text: scenario });
  else if (scenarios && !known) problems.push({ kind: 'unknownScenario', text: scenario });
  const seedText = get('seed');
  const seed = seedText === null ? undefined : whole(seedText, 0, MAX_SEED);
  if (seed === null) problems.push({ kind: 'seed', text: seedText! });
  const monthsText = get('months');
  const months = monthsText === null ? undefined : whole(monthsText, 1, MAX_MONTHS);
  if (months === null) problems.push({ kind: 'months', text: monthsText! });
  const runMonths = months ?? (known ? Math.min(known.months, MAX_MONTHS) : undefined);
  const atText = get('at');
  const at = atText === null ? 0 : whole(atText, 0, runMonths ?? MAX_MONTHS);
  if (at === null) problems.push({ kind: 'at', text: atText! });
  const raw = params.getAll('c');
  if (raw.length > MAX_CONTROLS) problems.push({ kind: 'tooMany', text: raw[MAX_CONTROLS], count: raw.length });
  const controls: PlayerControl[] = [];
  for (const text of raw.slice(0, MAX_CONTROLS)) {
    const c = readControl(text, runMonths ?? undefined);
    if ('kind' in c) problems.push(c);
    else controls.push(c);
  }
  if (problems.length > 0) return { state: null, problems };
  return { state: { v: v!, scenario, seed: seed ?? undefined, months: months ?? undefined, c: controls, at: at! }, problems };
}

/** Read the query string; null when it names no scenario (a plain visit). Throws LinkError on a malformed link. */
export function parseUrlState(search: string, scenarios?: readonly KnownScenario[]): UrlState | null {
  const { state, problems } = readLink(search, scenarios);
  if (problems.length > 0) throw new LinkError(problems);
  return state;
}

/** A number in plain decimal notation (no exponent) that reads back as the same number. */
export function plainDecimal(x: number): string {
  const s = String(x);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const [, sign, lead, rest = '', expText] = m;
  const digits = lead + rest;
  const exp = Number(expText);
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  return `${sign}${digits.padEnd(exp + 1, '0')}`;
}

function formatControl(c: PlayerControl): string {
  return c.type === 'set' ? `${c.month}~${c.path}~${plainDecimal(c.value)}` : `${c.month}~${c.type}`;
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
