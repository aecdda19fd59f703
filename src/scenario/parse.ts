// Loading, validating, hashing and editing scenarios. Nothing here touches the file system, so the
// browser, the CLI and the sweep workers share it.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { ScenarioSchema, settableRange, type Scenario, type ScenarioEvent } from './schema';
import { InputError } from './issues';
import { parseJsonText } from './json-text';
import { validateInput } from './schema-walk';

export type { Scenario, ScenarioEvent } from './schema';

export { InputError, jsonPath, formatIssues, formatIssuesCapped, unknownKeyMessage, MAX_REPORTED, type InputIssue, type ZodLikeIssue } from './issues';
/** kept as a named alias: a bad scenario is an InputError */
export { InputError as ScenarioError } from './issues';
export { parseJsonText, lineAndColumn } from './json-text';
export { validateInput } from './schema-walk';

/** Validates a parsed JSON value as a scenario. Throws InputError listing every problem. */
export function parseScenario(json: unknown, source = 'scenario'): Scenario {
  return validateInput(ScenarioSchema, json, source);
}

/** Parses JSON text and validates it; syntax errors are reported with their position. */
export function parseScenarioText(text: string, source = 'scenario'): Scenario {
  return parseScenario(parseJsonText(text, source), source);
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
  return setScenarioValues(scenario, [[path, value]]);
}

/** Sets several values at once, with one copy and one validation (a sweep's run sets all its factors so). */
export function setScenarioValues(scenario: Scenario, assignments: readonly (readonly [string, unknown])[]): Scenario {
  const copy = structuredClone(scenario) as Record<string, unknown>;
  for (const [path, value] of assignments) {
    const parts = path.split('.');
    if (parts.some((p) => p === '' || p === '__proto__' || p === 'constructor' || p === 'prototype')) {
      throw new InputError('factor', [{ path, message: 'not a valid scenario path' }]);
    }
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
  }
  return parseScenario(copy, `scenario with ${assignments.map(([path, value]) => `${path} = ${JSON.stringify(value)}`).join(', ')}`);
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
