// Loading, validating, hashing and editing scenarios. Nothing here touches the file system, so the
// browser, the CLI and the sweep workers share it.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { ScenarioSchema, settableRange, type Scenario, type ScenarioEvent } from './schema';

export type { Scenario, ScenarioEvent } from './schema';

export interface InputIssue {
  /** JSON path, e.g. $.params.kappaBase or $.events[2].type */
  path: string;
  message: string;
}

/** A user's mistake in an input file: one issue per problem, each naming where and what is allowed. */
export class InputError extends Error {
  constructor(
    readonly source: string,
    readonly issues: InputIssue[],
  ) {
    super(issues.map((i) => `${source}: ${i.path}: ${i.message}`).join('\n'));
    this.name = 'InputError';
  }
}
/** kept as a named alias: a bad scenario is an InputError */
export { InputError as ScenarioError };

export function jsonPath(path: readonly PropertyKey[]): string {
  let s = '$';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : /^[A-Za-z_$][\w$]*$/.test(String(p)) ? `.${String(p)}` : `[${JSON.stringify(String(p))}]`;
  return s;
}

interface ZodLikeIssue {
  code: string;
  path: PropertyKey[];
  message: string;
  keys?: string[];
  options?: unknown[];
  minimum?: unknown;
  maximum?: unknown;
  expected?: string;
  values?: unknown[];
  /** invalid_union: the issues of each alternative */
  errors?: ZodLikeIssue[][];
}

/** "a string", "an object" (zod calls an object of any keys a record) */
function article(expected: string): string {
  const noun = expected === 'record' ? 'object' : expected;
  return `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`;
}

/**
 * A value that matches none of a union's alternatives: when it has the shape of one alternative
 * (its issues lie inside the value), that alternative's issues; otherwise the list of alternatives.
 */
function unionIssues(issue: ZodLikeIssue, allowedKeys?: (path: PropertyKey[]) => string[] | undefined): InputIssue[] {
  const branches = issue.errors ?? [];
  const shaped = branches.filter((b) => b.length > 0 && b.every((i) => i.path.length > 0));
  if (shaped.length === 1) return formatIssues(shaped[0].map((i) => ({ ...i, path: [...issue.path, ...i.path] })), allowedKeys);
  const forms = branches
    .map((b) => b.find((i) => i.path.length === 0))
    .map((i) => (i?.code === 'invalid_value' && i.values ? `one of ${i.values.map((v) => JSON.stringify(v)).join(', ')}` : i?.code === 'invalid_type' && i.expected ? article(i.expected) : null));
  if (forms.length === 0 || forms.some((f) => f === null)) return [{ path: jsonPath(issue.path), message: 'matches none of the allowed forms' }];
  return [{ path: jsonPath(issue.path), message: `must be ${forms.join(', or ')}` }];
}

/** Turns schema issues into plain sentences with JSON paths (shared by every schema in the project). */
export function formatIssues(issues: readonly ZodLikeIssue[], allowedKeys?: (path: PropertyKey[]) => string[] | undefined): InputIssue[] {
  const out: InputIssue[] = [];
  for (const issue of issues) {
    const path = jsonPath(issue.path);
    switch (issue.code) {
      case 'unrecognized_keys':
        for (const key of issue.keys ?? []) {
          const allowed = allowedKeys?.(issue.path);
          out.push({ path: jsonPath([...issue.path, key]), message: `unknown key "${key}"${allowed ? ` (allowed: ${allowed.join(', ')})` : ''}` });
        }
        break;
      // one bound per value: an integer's implicit safe-integer bound adds nothing to the schema's own
      case 'too_small':
        if (!out.some((o) => o.path === path && o.message.startsWith('too small'))) out.push({ path, message: `too small: must be >= ${String(issue.minimum)}` });
        break;
      case 'too_big':
        if (!out.some((o) => o.path === path && o.message.startsWith('too large'))) out.push({ path, message: `too large: must be <= ${String(issue.maximum)}` });
        break;
      case 'invalid_union':
        if (issue.options) out.push({ path, message: `must be one of ${issue.options.map((o) => JSON.stringify(o)).join(', ')}` });
        else out.push(...unionIssues(issue, allowedKeys));
        break;
      case 'invalid_type':
        if (/received (-?Infinity|NaN)$/.test(issue.message)) out.push({ path, message: 'must be a finite number (this one overflows)' });
        else out.push({ path, message: issue.expected === 'int' ? 'must be an integer' : `must be ${article(issue.expected ?? 'value')}${/received undefined/.test(issue.message) ? ' (missing)' : ''}` });
        break;
      case 'invalid_value':
        out.push({ path, message: issue.message.replace(/^Invalid option: expected one of /, 'must be one of ').replace(/^Invalid input: expected /, 'must be ').replaceAll('"|"', '", "') });
        break;
      default:
        out.push({ path, message: issue.message });
    }
  }
  return dedupe(out);
}

function dedupe(list: InputIssue[]): InputIssue[] {
  const seen = new Set<string>();
  return list.filter((i) => {
    const key = `${i.path}\u0000${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Validates a parsed JSON value as a scenario. Throws InputError listing every problem. */
export function parseScenario(json: unknown, source = 'scenario'): Scenario {
  const result = ScenarioSchema.safeParse(json);
  if (!result.success) throw new InputError(source, formatIssues(result.error.issues as unknown as ZodLikeIssue[]));
  return result.data;
}

/** Parses JSON text and validates it; syntax errors are reported with their position. */
export function parseScenarioText(text: string, source = 'scenario'): Scenario {
  return parseScenario(parseJsonText(text, source), source);
}

export function parseJsonText(text: string, source: string): unknown {
  try {
    // a byte-order mark (as some Windows editors write) is not part of the JSON (RFC 8259 section 8.1)
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new InputError(source, [{ path: '$', message: `not valid JSON: ${(e as Error).message}` }]);
  }
}

/** JSON with object keys sorted at every level: the same value always gives the same bytes. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value as object).filter((k) => (value as Record<string, unknown>)[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
}

export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/** Hash of what the model sees: the scenario without its $schema pointer. */
export function scenarioHash(scenario: Scenario): string {
  const { $schema: _ignored, ...rest } = scenario;
  return sha256Hex(canonicalJson(rest));
}

/**
 * Returns a copy of the scenario with one value set by its path, e.g. 'params.kappaBase',
 * 'managers.W.stance.value', 'managers.H.courage', 'audiences.council.profile', 'months'.
 * The result is validated; a wrong path or value throws InputError.
 */
export function setScenarioValue(scenario: Scenario, path: string, value: unknown): Scenario {
  const parts = path.split('.');
  if (parts.some((p) => p === '' || p === '__proto__' || p === 'constructor' || p === 'prototype')) {
    throw new InputError('factor', [{ path, message: 'not a valid scenario path' }]);
  }
  const copy = structuredClone(scenario) as Record<string, unknown>;
  let node: Record<string, unknown> = copy;
  for (let i = 0; i < parts.length - 1; i++) {
    const next = node[parts[i]];
    if (next === undefined) node[parts[i]] = {};
    else if (typeof next !== 'object' || next === null || Array.isArray(next)) {
      throw new InputError('factor', [{ path, message: `"${parts.slice(0, i + 1).join('.')}" is not an object` }]);
    }
    node = node[parts[i]] as Record<string, unknown>;
  }
  node[parts[parts.length - 1]] = value;
  return parseScenario(copy, `scenario with ${path} = ${JSON.stringify(value)}`);
}

/** Is this a path a sweep factor may vary? (any leaf the schema accepts; checked by setScenarioValue) */
export function isSettablePath(path: string): boolean {
  return typeof settableRange(path) !== 'string';
}

/** Adds player controls (set events, cards) to a scenario, keeping events ordered by month (stable). */
export function withEvents(scenario: Scenario, added: ScenarioEvent[]): Scenario {
  const events = [...(scenario.events ?? []), ...added].map((e, i) => ({ e, i }));
  events.sort((a, b) => a.e.month - b.e.month || a.i - b.i);
  return { ...scenario, events: events.map((x) => x.e) };
}
