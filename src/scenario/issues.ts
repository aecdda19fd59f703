// Problems in a user's input (a scenario, an experiment file, a link), in plain words with a JSON path.
// Every schema of the project reports through formatIssues, so one wording holds everywhere, and no
// message shows a validator's own text. At most MAX_REPORTED problems are listed, then "and N more".
import { closestKeys } from './closest';

export interface InputIssue {
  /** JSON path, e.g. $.params.kappaBase or $.events[2].type */
  path: string;
  message: string;
}

/** Problems listed in full before "and N more": enough to fix a file, few enough to read. */
export const MAX_REPORTED = 50;

/** A user's mistake in an input file: one issue per problem, each naming where and what is allowed. */
export class InputError extends Error {
  /** all problems found, of which `issues` lists the first MAX_REPORTED at most */
  readonly total: number;
  readonly issues: InputIssue[];

  constructor(
    readonly source: string,
    issues: InputIssue[],
    total = issues.length,
    /** checking stopped early (a long list with many bad items): `total` is a lower bound */
    readonly stoppedEarly = false,
  ) {
    const shown = issues.slice(0, MAX_REPORTED);
    super(reportLines(source, shown, Math.max(total, issues.length), stoppedEarly).join('\n'));
    this.name = 'InputError';
    this.issues = shown;
    this.total = Math.max(total, issues.length);
  }

  /** The lines to print: one per problem, at most MAX_REPORTED, then "and N more problems". */
  lines(): string[] {
    return reportLines(this.source, this.issues, this.total, this.stoppedEarly);
  }
}

function reportLines(source: string, issues: readonly InputIssue[], total: number, stoppedEarly: boolean): string[] {
  const lines = issues.map((i) => `${source}: ${i.path}: ${i.message}`);
  const more = total - issues.length;
  if (stoppedEarly) lines.push(`${source}: ... and ${more > 0 ? `at least ${more.toLocaleString('en-US')}` : 'more'} more problems: checking stopped there (fix these first)`);
  else if (more > 0) lines.push(`${source}: ... and ${more.toLocaleString('en-US')} more problem${more === 1 ? '' : 's'} (fix these first)`);
  return lines;
}

export function jsonPath(path: readonly PropertyKey[]): string {
  let s = '$';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : /^[A-Za-z_$][\w$]*$/.test(String(p)) ? `.${String(p)}` : `[${JSON.stringify(String(p))}]`;
  return s;
}

/** The fields of a zod 4 issue that the messages read (zod's own message text is never shown). */
export interface ZodLikeIssue {
  code: string;
  path: PropertyKey[];
  message: string;
  keys?: string[];
  options?: unknown[];
  minimum?: unknown;
  maximum?: unknown;
  inclusive?: boolean;
  origin?: string;
  divisor?: number;
  format?: string;
  note?: string;
  discriminator?: string;
  expected?: string;
  values?: unknown[];
  /** invalid_union: the issues of each alternative */
  errors?: ZodLikeIssue[][];
  /** invalid_key, invalid_element: the issues of the key or element */
  issues?: ZodLikeIssue[];
}

/** What the messages may ask about the input and its schema (src/scenario/schema-walk.ts answers). */
export interface IssueContext {
  /** the keys allowed in the object at this path, when it is an object of fixed keys */
  allowedKeys?(path: readonly PropertyKey[]): readonly string[] | undefined;
  /** the value the user gave at this path (undefined when absent) */
  valueAt?(path: readonly PropertyKey[]): unknown;
  /** the item count of a fixed-length list (a tuple) at this path */
  tupleLength?(path: readonly PropertyKey[]): number | undefined;
}

/** "a string", "an object" (zod calls an object of any keys a record) */
function article(expected: string): string {
  const noun = expected === 'record' ? 'object' : expected === 'boolean' ? 'true or false' : expected;
  if (noun === 'true or false') return noun;
  return `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`;
}

function quoteList(values: readonly unknown[]): string {
  return values.map((v) => JSON.stringify(v)).join(', ');
}

/** "unknown key "x": did you mean "y"?" with the closest allowed keys, or the short list of allowed keys. */
export function unknownKeyMessage(key: string, allowed: readonly string[] | undefined, what = 'key', otherwise?: string): string {
  const head = `unknown ${what} ${JSON.stringify(key)}`;
  const close = allowed ? closestKeys(key, allowed) : [];
  if (close.length > 0) return `${head}: did you mean ${close.map((k) => JSON.stringify(k)).join(' or ')}?`;
  if (otherwise) return `${head} (${otherwise})`;
  if (!allowed || allowed.length === 0) return head;
  if (allowed.length <= 15) return `${head} (allowed: ${allowed.join(', ')})`;
  return `${head} (none of the ${allowed.length} allowed names is close; the JSON Schema lists them)`;
}

/** A value outside a list of allowed values: with "did you mean" when the value is a near-miss string. */
function notOneOf(values: readonly unknown[], given: unknown): string {
  if (values.length === 1) return `must be ${JSON.stringify(values[0])}`;
  const strings = values.filter((v): v is string => typeof v === 'string');
  const close = typeof given === 'string' && strings.length === values.length ? closestKeys(given, strings) : [];
  const list = `must be one of ${quoteList(values)}`;
  return close.length > 0 ? `${JSON.stringify(given)}: did you mean ${close.map((k) => JSON.stringify(k)).join(' or ')}? (${list})` : list;
}

function bound(issue: ZodLikeIssue, ctx: IssueContext): string {
  const big = issue.code === 'too_big';
  const limit = Number(big ? issue.maximum : issue.minimum);
  const exclusive = issue.inclusive === false;
  const given = ctx.valueAt?.(issue.path);
  const count = Array.isArray(given) ? given.length : typeof given === 'string' ? given.length : undefined;
  if (issue.origin === 'string') {
    if (!big && limit === 1) return 'must not be empty';
    return `too ${big ? 'long' : 'short'}: must have ${big ? 'at most' : 'at least'} ${limit} character${limit === 1 ? '' : 's'}${count !== undefined ? ` (has ${count})` : ''}`;
  }
  if (issue.origin === 'array' || issue.origin === 'set') {
    const exact = ctx.tupleLength?.(issue.path);
    const has = count !== undefined ? ` (has ${count.toLocaleString('en-US')})` : '';
    if (exact !== undefined) return `must have exactly ${exact} item${exact === 1 ? '' : 's'}${has}`;
    if (!big && limit === 1) return 'must not be empty';
    return `too ${big ? 'many' : 'few'} items: must have ${big ? 'at most' : 'at least'} ${limit.toLocaleString('en-US')}${has}`;
  }
  if (exclusive) return `too ${big ? 'large' : 'small'}: must be ${big ? 'below' : 'above'} ${limit}`;
  return `too ${big ? 'large' : 'small'}: must be ${big ? '<=' : '>='} ${limit}`;
}

/**
 * A value that matches none of a union's alternatives: when it has the shape of one alternative
 * (its issues lie inside the value), that alternative's issues; otherwise the list of alternatives.
 */
function unionIssues(issue: ZodLikeIssue, ctx: IssueContext, sink: Sink): void {
  const branches = issue.errors ?? [];
  const shaped = branches.filter((b) => b.length > 0 && b.every((i) => i.path.length > 0));
  if (shaped.length === 1) return collect(shaped[0].map((i) => ({ ...i, path: [...issue.path, ...i.path] })), ctx, sink);
  const forms = branches
    .map((b) => b.find((i) => i.path.length === 0))
    .map((i) => (i?.code === 'invalid_value' && i.values ? `one of ${quoteList(i.values)}` : i?.code === 'invalid_type' && i.expected ? article(i.expected) : null));
  if (forms.length === 0 || forms.some((f) => f === null)) return sink.push({ path: jsonPath(issue.path), message: 'matches none of the allowed forms (see the JSON Schema)' });
  // a near-miss of one of the names allowed (a profile's name, say)
  const given = ctx.valueAt?.(issue.path);
  const names = branches.flatMap((b) => b.filter((i) => i.path.length === 0 && i.code === 'invalid_value').flatMap((i) => i.values ?? [])).filter((v): v is string => typeof v === 'string');
  const close = typeof given === 'string' ? closestKeys(given, names) : [];
  const hint = close.length > 0 ? `${JSON.stringify(given)}: did you mean ${close.map((k) => JSON.stringify(k)).join(' or ')}? (` : '';
  sink.push({ path: jsonPath(issue.path), message: `${hint}must be ${forms.join(', or ')}${hint ? ')' : ''}` });
}

/** zod's message for a check we wrote ourselves (a refinement, a pattern's explanation), else null. */
function ownMessage(issue: ZodLikeIssue): string | null {
  // zod's defaults start with these words; every message of ours is written in lower case
  return /^(Invalid|Too (big|small)|Expected|Unrecognized|Required)\b/.test(issue.message) ? null : issue.message;
}

/** Keeps the first `cap` distinct problems and counts all of them. */
class Sink {
  readonly kept: InputIssue[] = [];
  total = 0;
  private readonly seen = new Set<string>();
  constructor(private readonly cap: number) {}
  get full(): boolean {
    return this.kept.length >= this.cap;
  }
  push(issue: InputIssue): void {
    const key = `${issue.path}\u0000${issue.message}`;
    if (this.seen.has(key)) return;
    this.total++;
    if (this.full) return;
    this.seen.add(key);
    this.kept.push(issue);
  }
}

/** Turns schema issues into plain sentences with JSON paths (shared by every schema in the project). */
export function formatIssues(issues: readonly ZodLikeIssue[], ctx: IssueContext = {}): InputIssue[] {
  const sink = new Sink(Infinity);
  collect(issues, ctx, sink);
  return sink.kept;
}

/** As formatIssues, keeping the first `cap` problems (MAX_REPORTED) and counting the rest cheaply. */
export function formatIssuesCapped(issues: readonly ZodLikeIssue[], ctx: IssueContext = {}, cap = MAX_REPORTED): { issues: InputIssue[]; total: number } {
  const sink = new Sink(cap);
  collect(issues, ctx, sink);
  return { issues: sink.kept, total: sink.total };
}

function collect(issues: readonly ZodLikeIssue[], ctx: IssueContext, out: Sink): void {
  const bounded = new Set<string>();
  for (const issue of issues) {
    const path = jsonPath(issue.path);
    switch (issue.code) {
      case 'unrecognized_keys':
        for (const key of issue.keys ?? []) {
          // "__proto__" is reported by the scan of the raw input (schema-walk.ts), wherever it is
          if (key === '__proto__') continue;
          // past the cap only the count matters: no "did you mean" for each of a million keys
          out.push({ path: jsonPath([...issue.path, key]), message: out.full ? 'unknown key' : unknownKeyMessage(key, ctx.allowedKeys?.(issue.path)) });
        }
        break;
      case 'invalid_key': {
        const key = issue.path[issue.path.length - 1];
        const parent = issue.path.slice(0, -1);
        if (key === '__proto__') break;
        out.push({ path, message: unknownKeyMessage(String(key), ctx.allowedKeys?.(parent)) });
        break;
      }
      case 'too_small':
      case 'too_big': {
        // one bound per value; an integer's implicit safe-integer bound only when the schema gives none
        const safeInt = issue.origin === 'int' || issue.origin === 'safeint' || (issue.note ?? '').includes('safe integer');
        const others = issues.some((o) => o !== issue && o.code === issue.code && jsonPath(o.path) === path && !(o.origin === 'int' || (o.note ?? '').includes('safe integer')));
        if (safeInt && others) break;
        if (bounded.has(path + issue.code)) break;
        bounded.add(path + issue.code);
        out.push({ path, message: safeInt ? `too ${issue.code === 'too_big' ? 'large' : 'small'}: must be a whole number of at most 15 digits` : bound(issue, ctx) });
        break;
      }
      case 'not_multiple_of':
        out.push({ path, message: issue.divisor === 2 ? 'must be an even number' : `must be a multiple of ${issue.divisor}` });
        break;
      case 'invalid_union':
        // a discriminated union: zod's path ends at the discriminator (e.g. $.events[2].type)
        if (issue.discriminator && issue.options) {
          const given = ctx.valueAt?.(issue.path);
          out.push({ path, message: `${given === undefined && ctx.valueAt ? 'is missing: ' : ''}${notOneOf(issue.options, given)}` });
        }
        else if (issue.discriminator) out.push({ path, message: 'is missing or not one of the allowed kinds (see the JSON Schema)' });
        else if (issue.options) out.push({ path, message: notOneOf(issue.options, ctx.valueAt?.(issue.path)) });
        else unionIssues(issue, ctx, out);
        break;
      case 'invalid_type': {
        const given = ctx.valueAt?.(issue.path);
        const missing = /received undefined/.test(issue.message) || (ctx.valueAt !== undefined && given === undefined);
        if (typeof given === 'number' && !Number.isFinite(given)) out.push({ path, message: 'must be a finite number (this one overflows)' });
        else if (/received (-?Infinity|NaN)$/.test(issue.message)) out.push({ path, message: 'must be a finite number (this one overflows)' });
        else if (issue.expected === 'int') out.push({ path, message: 'must be a whole number' });
        else if (issue.expected === 'tuple') {
          const n = ctx.tupleLength?.(issue.path);
          out.push({ path, message: `must be a list of ${n ?? 'several'} items in square brackets${missing ? ' (missing)' : ''}` });
        } else out.push({ path, message: `must be ${article(issue.expected ?? 'value')}${missing ? ' (missing)' : ''}` });
        break;
      }
      case 'invalid_value':
        out.push({ path, message: notOneOf(issue.values ?? [], ctx.valueAt?.(issue.path)) });
        break;
      case 'invalid_format':
        out.push({ path, message: ownMessage(issue) ?? `has the wrong form${issue.format && issue.format !== 'regex' ? ` (must be ${issue.format})` : ''}` });
        break;
      case 'invalid_element':
        collect((issue.issues ?? []).map((i) => ({ ...i, path: [...issue.path, ...i.path] })), ctx, out);
        break;
      default:
        out.push({ path, message: ownMessage(issue) ?? 'is not valid here (see the JSON Schema)' });
    }
  }
}

