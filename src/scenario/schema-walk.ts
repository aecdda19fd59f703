// Validating a user's document against a zod schema with bounded work and plain messages:
//  - every "__proto__" key, anywhere, is refused (JSON.parse keeps it as a key, but copying the value,
//    as a validator does, silently drops it; one rule for scenarios, experiments and their parts);
//  - a list longer than its schema allows is refused by its length alone, before its items are checked,
//    so the work per document is bounded by the schema's limits, whatever the file's size;
//  - messages know the allowed keys at each path (for "did you mean") and the value the user wrote.
// The schemas stay the single source of truth: this file only reads them.
import type { z } from 'zod';
import { formatIssuesCapped, InputError, jsonPath, MAX_REPORTED, type InputIssue, type IssueContext, type ZodLikeIssue } from './issues';

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  in?: z.ZodType;
  element?: z.ZodType;
  items?: z.ZodType[];
  options?: z.ZodType[];
  discriminator?: string;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  values?: unknown[];
  entries?: Record<string, unknown>;
  checks?: { _zod: { def: { check: string; maximum?: number } } }[];
}

const def = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** The schema without optional, default, nullable and pipe wrappers. */
export function unwrap(s: z.ZodType): z.ZodType {
  for (let i = 0; i < 20; i++) {
    const d = def(s);
    if (d.innerType && ['optional', 'default', 'nullable', 'readonly', 'catch', 'prefault', 'nonoptional'].includes(d.type)) s = d.innerType;
    else if (d.type === 'pipe' && d.in) s = d.in;
    else break;
  }
  return s;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function literalValues(s: z.ZodType): unknown[] {
  const d = def(unwrap(s));
  if (d.type === 'literal') return d.values ?? [];
  if (d.type === 'enum') return Object.values(d.entries ?? {});
  return [];
}

/** The alternative of a union that a value means: by its discriminator, else by its kind (object, list, other). */
function pickOption(s: z.ZodType, value: unknown): z.ZodType | undefined {
  const d = def(s);
  const options = d.options ?? [];
  if (d.discriminator && isObject(value)) {
    return options.find((o) => literalValues(def(unwrap(o)).shape?.[d.discriminator!] ?? o).includes(value[d.discriminator!]));
  }
  return options.find((o) => {
    const t = def(unwrap(o)).type;
    if (Array.isArray(value)) return t === 'array' || t === 'tuple';
    if (isObject(value)) return t === 'object' || t === 'record';
    return t !== 'array' && t !== 'tuple' && t !== 'object' && t !== 'record';
  });
}

/** The schema one step inside `s` (a key of an object or record, an item of a list), for the value there. */
function child(s: z.ZodType, value: unknown, key: PropertyKey): z.ZodType | undefined {
  let u = unwrap(s);
  if (def(u).type === 'union') {
    const o = pickOption(u, value);
    if (!o) return undefined;
    u = unwrap(o);
  }
  const d = def(u);
  if (d.type === 'object') return Object.hasOwn(d.shape ?? {}, String(key)) ? d.shape![String(key)] : undefined;
  if (d.type === 'record') return d.valueType;
  if (d.type === 'array') return d.element;
  if (d.type === 'tuple') return typeof key === 'number' ? d.items?.[key] : undefined;
  return undefined;
}

/** The value at a path of the input, or undefined. */
export function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const key of path) {
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, key)) return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/** The schema at a path of the input (unions resolved by the value written there), unwrapped. */
export function schemaAt(schema: z.ZodType, input: unknown, path: readonly PropertyKey[]): z.ZodType | undefined {
  let s: z.ZodType | undefined = schema;
  let v = input;
  for (const key of path) {
    s = child(s, v, key);
    if (!s) return undefined;
    v = isObject(v) || Array.isArray(v) ? (v as Record<PropertyKey, unknown>)[key] : undefined;
  }
  let u = unwrap(s);
  if (def(u).type === 'union') u = unwrap(pickOption(u, v) ?? u);
  return u;
}

/** What formatIssues may ask about a document and its schema. */
export function issueContext(schema: z.ZodType, input: unknown): IssueContext {
  return {
    allowedKeys(path) {
      const s = schemaAt(schema, input, path);
      if (!s) return undefined;
      const d = def(s);
      if (d.type === 'object') return Object.keys(d.shape ?? {});
      if (d.type === 'record' && d.keyType) {
        const keys = literalValues(d.keyType).filter((k): k is string => typeof k === 'string');
        return keys.length > 0 ? keys : undefined;
      }
      return undefined;
    },
    valueAt: (path) => valueAt(input, path),
    tupleLength(path) {
      const s = schemaAt(schema, input, path);
      return s && def(s).type === 'tuple' ? def(s).items?.length : undefined;
    },
  };
}

/** The largest length a list schema allows, or undefined. */
function maxLength(s: z.ZodType): number | undefined {
  const c = def(s).checks?.find((x) => x._zod.def.check === 'max_length');
  return c?._zod.def.maximum;
}

interface Linked {
  key: PropertyKey;
  up: Linked | null;
}
const pathOf = (l: Linked | null): PropertyKey[] => {
  const out: PropertyKey[] = [];
  for (let p = l; p; p = p.up) out.push(p.key);
  return out.reverse();
};

/** Every "__proto__" key in a parsed JSON value, at any depth (iterative: no depth limit). */
function protoKeys(input: unknown, issues: InputIssue[], count: { n: number }): void {
  const stack: [unknown, Linked | null][] = [[input, null]];
  while (stack.length > 0) {
    const [v, at] = stack.pop()!;
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) if (v[i] !== null && typeof v[i] === 'object') stack.push([v[i], { key: i, up: at }]);
    } else if (v !== null && typeof v === 'object') {
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--) {
        const k = keys[i];
        if (k === '__proto__') {
          count.n++;
          if (issues.length < MAX_REPORTED) issues.push({ path: jsonPath(pathOf({ key: k, up: at })), message: 'unknown key "__proto__" (not allowed anywhere)' });
          continue;
        }
        const x = (v as Record<string, unknown>)[k];
        if (x !== null && typeof x === 'object') stack.push([x, { key: k, up: at }]);
      }
    }
  }
}

/** Lists longer than their schema allows (their items are then not checked). Walks only what the schema knows. */
function overlongLists(schema: z.ZodType, input: unknown, issues: InputIssue[], cut: PropertyKey[][]): void {
  const walk = (s: z.ZodType | undefined, v: unknown, path: PropertyKey[]): void => {
    if (!s || v === null || typeof v !== 'object') return;
    let u = unwrap(s);
    if (def(u).type === 'union') {
      const o = pickOption(u, v);
      if (!o) return;
      u = unwrap(o);
    }
    const d = def(u);
    if (Array.isArray(v)) {
      const max = d.type === 'array' ? maxLength(u) : undefined;
      if (max !== undefined && v.length > max) {
        issues.push({ path: jsonPath(path), message: `too many items: must have at most ${max.toLocaleString('en-US')} (has ${v.length.toLocaleString('en-US')}); the items were not checked` });
        cut.push(path);
        return;
      }
      const item = d.type === 'array' ? d.element : undefined;
      if (d.type === 'tuple') v.forEach((x, i) => walk(d.items?.[i], x, [...path, i]));
      else if (item && def(unwrap(item)).type !== 'unknown') for (let i = 0; i < v.length; i++) walk(item, v[i], [...path, i]);
      return;
    }
    if (d.type === 'object') for (const k of Object.keys(v)) walk(Object.hasOwn(d.shape ?? {}, k) ? d.shape![k] : undefined, (v as Record<string, unknown>)[k], [...path, k]);
    else if (d.type === 'record' && d.valueType) for (const k of Object.keys(v)) walk(d.valueType, (v as Record<string, unknown>)[k], [...path, k]);
  };
  walk(schema, input, []);
}

/** A copy of the input without the values at these paths (copying only the objects on the way). */
function without(input: unknown, cuts: PropertyKey[][]): unknown {
  let root = input;
  for (const path of cuts) {
    if (path.length === 0) return undefined;
    const copy = (x: unknown) => (Array.isArray(x) ? [...x] : { ...(x as object) }) as Record<PropertyKey, unknown>;
    root = copy(root);
    let node = root as Record<PropertyKey, unknown>;
    for (let i = 0; i < path.length - 1; i++) {
      node[path[i]] = copy(node[path[i]]);
      node = node[path[i]] as Record<PropertyKey, unknown>;
    }
    delete node[path[path.length - 1]];
  }
  return root;
}

/**
 * Validates a parsed JSON document: throws InputError listing the first MAX_REPORTED problems in plain
 * words (and how many more there are), or returns the schema's output.
 */
export function validateInput<S extends z.ZodType>(schema: S, input: unknown, source: string): z.output<S> {
  const early: InputIssue[] = [];
  const count = { n: 0 };
  protoKeys(input, early, count);
  const cut: PropertyKey[][] = [];
  overlongLists(schema, input, early, cut);
  const checked = cut.length > 0 ? without(input, cut) : input;
  const result = schema.safeParse(checked);
  const cutPaths = new Set(cut.map((p) => jsonPath(p)));
  if (result.success && early.length === 0) return result.data as z.output<S>;
  const late = result.success ? { issues: [], total: 0 } : formatIssuesCapped(result.error.issues as unknown as ZodLikeIssue[], issueContext(schema, checked));
  // a list cut for its length is not also "missing"
  const rest = late.issues.filter((i) => !cutPaths.has(i.path));
  const earlyTotal = count.n + cut.length;
  throw new InputError(source, [...early, ...rest], earlyTotal + late.total - (late.issues.length - rest.length));
}
