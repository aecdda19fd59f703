// The explorer's address: which chapter, and a trainer's preset for it. One schema (zod) reads it; the
// run part (scenario, seed, months, controls) is the sandbox's own link format (src/ui/url-state.ts), so
// a chapter's run and the sandbox's read the same words.
//
//   explore.html?chapter=luck&scenario=recession&seed=3&months=96&c=0~managers.H.courage~0.8&runs=50
//
// `runs`: seeds per strategy in a chapter's sweep (chapters 6 and 7); `contexts`: the atlas's scenarios.
import { z } from 'zod';
import { formatUrlState, parseUrlState, type RunAddress, type UrlState } from '../url-state';

export const CHAPTERS = ['triangle', 'account', 'relative', 'meta', 'loop', 'luck', 'atlas'] as const;
export type ChapterId = (typeof CHAPTERS)[number];

/** at most this many seeds per strategy in a browser sweep (a trainer's link cannot start a day's work) */
export const MAX_RUNS = 500;

const presetSchema = z.object({
  chapter: z.enum(CHAPTERS).optional(),
  runs: z.coerce.number().int().min(1).max(MAX_RUNS).optional(),
  contexts: z
    .string()
    .transform((s) => s.split(','))
    .pipe(z.array(z.string().regex(/^[a-z0-9-]+$/, 'scenario ids: lower-case letters, digits and dashes')).min(1).max(12))
    .optional(),
});

export interface Route {
  chapter: ChapterId | null;
  /** the run a trainer preset (scenario, seed, months, controls), or null */
  run: UrlState | null;
  runs: number | null;
  contexts: string[] | null;
}

/** Reads the query string. Throws an Error naming every problem (a malformed link). */
export function parseRoute(search: string): Route {
  const params = new URLSearchParams(search);
  const raw: Record<string, string> = {};
  for (const key of ['chapter', 'runs', 'contexts']) {
    const value = params.get(key);
    if (value !== null) raw[key] = value;
  }
  const result = presetSchema.safeParse(raw);
  const problems = result.success ? [] : result.error.issues.map((i) => `${i.path.join('.') || 'link'}: ${i.message}`);
  let run: UrlState | null = null;
  try {
    run = parseUrlState(search);
  } catch (e) {
    problems.push((e as Error).message);
  }
  if (problems.length > 0) throw new Error(problems.join('; '));
  const p = result.data!;
  return { chapter: p.chapter ?? null, run, runs: p.runs ?? null, contexts: p.contexts ?? null };
}

export interface ChapterLink {
  chapter: ChapterId;
  run?: RunAddress;
  runs?: number;
  contexts?: string[];
}

/** The query string of a chapter, with a preset when given (the trainer's link). */
export function formatRoute(link: ChapterLink): string {
  let search = `?chapter=${link.chapter}`;
  if (link.run) search += `&${formatUrlState({ ...link.run, at: 0 }).slice(1)}`;
  if (link.runs !== undefined) search += `&runs=${link.runs}`;
  if (link.contexts) search += `&contexts=${link.contexts.map(encodeURIComponent).join(',')}`;
  return search;
}

/** The sandbox's link for a run (index.html beside explore.html). */
export function sandboxHref(run: RunAddress): string {
  return `./index.html${formatUrlState(run)}`;
}
