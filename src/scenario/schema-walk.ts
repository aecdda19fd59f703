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

/** Where a value sits in the input: its container and the link above (keys are found only on a hit). */
interface Linked {
  node: object;
  up: Linked | null;
}

/** The path from the root to the node of `at` (rare: only for a problem found). */
function pathOf(at: Linked | null): PropertyKey[] {
  const out: PropertyKey[] = [];
  for (let l = at; l && l.up; l = l.up) {
    const parent = l.up.node as Record<string, unknown>;
    if (Array.isArray(parent)) out.push(parent.indexOf(l.node));
    else out.push(Object.keys(parent).find((k) => parent[k] === l.node) ?? '?');
  }
  return out.reverse();
}

/** Every "__proto__" key in a parsed JSON value, at any depth (iterative: no depth limit). */
function protoKeys(input: unknown, issues: InputIssue[], count: { n: number }): void {
  if (input === null || typeof input !== 'object') return;
  const stack: Linked[] = [{ node: input, up: null }];
  while (stack.length > 0) {
    const at = stack.pop()!;
    const v = at.node;
    if (!Array.isArray(v) && Object.hasOwn(v, '__proto__')) {
      count.n++;
      if (issues.length < MAX_REPORTED) issues.push({ path: jsonPath([...pathOf(at), '__proto__']), message: 'unknown key "__proto__" (not allowed anywhere)' });
    }
    if (Array.isArray(v)) {
      for (const x of v) if (x !== null && typeof x === 'object') stack.push({ node: x, up: at });
    } else {
      // for-in: JSON objects inherit nothing enumerable, and it is faster than Object.values on huge objects
      for (const k in v) {
        const x = (v as Record<string, unknown>)[k];
        if (x !== null && typeof x === 'object') stack.push({ node: x, up: at });
      }
    }
  }
}

/** Lists longer than this are checked item by item first, so that a long list of bad items costs little. */
const ITEM_BY_ITEM = 1000;
/** Bad items of one long list after which checking stops (the first MAX_REPORTED are reported). */
const STOP_AFTER = 1000;

/** Does a value of this schema hold lists or objects the walk must look into? */
function isContainer(s: z.ZodType): boolean {
  const d = def(unwrap(s));
  if (d.type === 'union') return (d.options ?? []).some(isContainer);
  return d.type === 'object' || d.type === 'array' || d.type === 'tuple' || (d.type === 'record' && d.valueType !== undefined && isContainer(d.valueType));
}

interface PreCheck {
  issues: InputIssue[];
  /** lists refused as a whole (too long, or bad items found item by item), and a good item to stand in for them */
  cut: { path: PropertyKey[]; stand?: unknown }[];
  /** problems counted beyond those in issues */
  uncounted: number;
  stoppedEarly: boolean;
}

/**
 * Lists longer than their schema allows are refused by their length (their items are not checked);
 * long lists are checked item by item, stopping after STOP_AFTER bad items. Walks only what the schema knows.
 */
function checkLists(schema: z.ZodType, input: unknown, out: PreCheck): void {
  const ctx = issueContext(schema, input);
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
      if (d.type === 'tuple') return v.forEach((x, i) => walk(d.items?.[i], x, [...path, i]));
      if (d.type !== 'array' || !d.element) return;
      const max = maxLength(u);
      if (max !== undefined && v.length > max) {
        out.issues.push({ path: jsonPath(path), message: `too many items: must have at most ${max.toLocaleString('en-US')} (has ${v.length.toLocaleString('en-US')}); the items were not checked` });
        const stand = v.slice(0, 100).find((x) => d.element!.safeParse(x).success);
        out.cut.push({ path, stand });
        return;
      }
      if (v.length > ITEM_BY_ITEM && itemByItem(d.element, v, path)) return;
      if (isContainer(d.element)) for (let i = 0; i < v.length; i++) walk(d.element, v[i], [...path, i]);
      return;
    }
    if (d.type === 'object') {
      for (const k of Object.keys(d.shape ?? {})) if (Object.hasOwn(v, k)) walk(d.shape![k], (v as Record<string, unknown>)[k], [...path, k]);
    } else if (d.type === 'record' && d.valueType && isContainer(d.valueType)) {
      for (const k of Object.keys(v)) walk(d.valueType, (v as Record<string, unknown>)[k], [...path, k]);
    }
  };
  /** Checks a long list's items one at a time; true when bad ones were found (the list is then cut). */
  const itemByItem = (item: z.ZodType, list: unknown[], path: PropertyKey[]): boolean => {
    let bad = 0;
    let stand: unknown;
    for (let i = 0; i < list.length; i++) {
      const r = item.safeParse(list[i]);
      if (r.success) {
        stand ??= list[i];
        continue;
      }
      bad++;
      const at = (r.error.issues as unknown as ZodLikeIssue[]).map((x) => ({ ...x, path: [...path, i, ...x.path] }));
      const room = Math.max(0, MAX_REPORTED - out.issues.length);
      const formatted = formatIssuesCapped(at, ctx, room);
      out.issues.push(...formatted.issues);
      out.uncounted += formatted.total - formatted.issues.length;
      if (bad >= STOP_AFTER && i < list.length - 1) {
        out.stoppedEarly = true;
        break;
      }
    }
    if (bad > 0) out.cut.push({ path, stand });
    return bad > 0;
  };
  walk(schema, input, []);
}

/**
 * A copy of the input with each cut list replaced by one good item of it (so that the rest of the
 * document is checked as if the list were fine), or removed when it has none; copies only the objects
 * on the way.
 */
function without(input: unknown, cuts: PreCheck['cut']): unknown {
  let root = input;
  for (const { path, stand } of cuts) {
    if (path.length === 0) return undefined;
    const copy = (x: unknown) => (Array.isArray(x) ? [...x] : { ...(x as object) }) as Record<PropertyKey, unknown>;
    root = copy(root);
    let node = root as Record<PropertyKey, unknown>;
    for (let i = 0; i < path.length - 1; i++) {
      node[path[i]] = copy(node[path[i]]);
      node = node[path[i]] as Record<PropertyKey, unknown>;
    }
    if (stand === undefined) delete node[path[path.length - 1]];
    else node[path[path.length - 1]] = [stand];
  }
  return root;
}

/**
 * Validates a parsed JSON document: throws InputError listing the first MAX_REPORTED problems in plain
 * words (and how many more there are), or returns the schema's output.
 */
export function validateInput<S extends z.ZodType>(schema: S, input: unknown, source: string): z.output<S> {
  const count = { n: 0 };
  const pre: PreCheck = { issues: [], cut: [], uncounted: 0, stoppedEarly: false };
  protoKeys(input, pre.issues, count);
  const protoShown = pre.issues.length;
  checkLists(schema, input, pre);
  const checked = pre.cut.length > 0 ? without(input, pre.cut) : input;
  const result = schema.safeParse(checked);
  if (result.success && pre.issues.length === 0) return result.data as z.output<S>;
  const late = result.success ? { issues: [], total: 0 } : formatIssuesCapped(result.error.issues as unknown as ZodLikeIssue[], issueContext(schema, checked));
  // a list cut as a whole is not also "missing" or "too short"
  const cutPaths = new Set(pre.cut.map((c) => jsonPath(c.path)));
  const rest = late.issues.filter((i) => !cutPaths.has(i.path));
  const total = pre.issues.length + (count.n - protoShown) + pre.uncounted + late.total - (late.issues.length - rest.length);
  throw new InputError(source, [...pre.issues, ...rest], total, pre.stoppedEarly);
}
