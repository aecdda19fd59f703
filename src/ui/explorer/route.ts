// The explorer's address: which chapter, and a trainer's preset for it. The run part (scenario, seed,
// months, controls) is the sandbox's own link (src/ui/url-state.ts: the same checks and, in the notice,
// the same words), so a chapter's run and the sandbox's read alike.
//
//   explore.html?chapter=luck&scenario=recession&seed=3&months=96&c=0~managers.H.courage~0.8&runs=50
//
// `runs`: seeds per strategy in a chapter's sweep (chapters 6 and 7); `contexts`: the atlas's scenarios.
import { formatUrlState, readLink, type KnownScenario, type LinkProblem, type RunAddress, type UrlState } from '../url-state';

export const CHAPTERS = ['triangle', 'account', 'relative', 'meta', 'loop', 'luck', 'atlas'] as const;
export type ChapterId = (typeof CHAPTERS)[number];

/** at most this many seeds per strategy in a browser sweep (a trainer's link cannot start a day's work) */
export const MAX_RUNS = 500;
/** at most this many contexts in the atlas */
export const MAX_CONTEXTS = 12;

const CONTEXT_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

export interface Route {
  chapter: ChapterId | null;
  /** the run a trainer preset (scenario, seed, months, controls), or null */
  run: UrlState | null;
  runs: number | null;
  contexts: string[] | null;
}

/** A problem with the explorer's own part of a link (the run's part has the sandbox's LinkProblem). */
export interface PresetProblem {
  kind: 'chapter' | 'runs' | 'contexts' | 'unknownContext';
  text: string;
}

export interface RouteRead {
  /** what could be read; a part with a problem is left at its default (null) */
  route: Route;
  link: LinkProblem[];
  preset: PresetProblem[];
}

/**
 * Reads the query string: the chapter, the trainer's preset and every problem. The run's part is the
 * sandbox's link (readLink: the same checks, the same words); with `scenarios` its scenario and the
 * atlas's contexts must be known ones.
 */
export function readRoute(search: string, scenarios?: readonly KnownScenario[]): RouteRead {
  const params = new URLSearchParams(search);
  const preset: PresetProblem[] = [];
  const chapterText = params.get('chapter');
  const chapter = chapterText === null ? null : (CHAPTERS as readonly string[]).includes(chapterText) ? (chapterText as ChapterId) : null;
  if (chapterText !== null && chapter === null) preset.push({ kind: 'chapter', text: chapterText });
  const runsText = params.get('runs');
  const runs = runsText === null ? null : /^\d{1,4}$/.test(runsText) && Number(runsText) >= 1 && Number(runsText) <= MAX_RUNS ? Number(runsText) : null;
  if (runsText !== null && runs === null) preset.push({ kind: 'runs', text: runsText });
  const contextsText = params.get('contexts');
  let contexts: string[] | null = null;
  if (contextsText !== null) {
    const ids = contextsText.split(',');
    if (ids.length === 0 || ids.length > MAX_CONTEXTS || ids.some((id) => !CONTEXT_ID.test(id))) preset.push({ kind: 'contexts', text: contextsText });
    else {
      const unknown = scenarios ? ids.filter((id) => !scenarios.some((s) => s.id === id)) : [];
      for (const id of unknown) preset.push({ kind: 'unknownContext', text: id });
      if (unknown.length === 0) contexts = ids;
    }
  }
  const { state, problems } = readLink(search, scenarios);
  return { route: { chapter, run: problems.length > 0 ? null : state, runs, contexts }, link: problems, preset };
}

/** Reads the query string; throws an Error naming every problem (for callers without a notice). */
export function parseRoute(search: string, scenarios?: readonly KnownScenario[]): Route {
  const r = readRoute(search, scenarios);
  const all = [...r.preset.map((p) => `${p.kind}: ${p.text}`), ...r.link.map((p) => `${p.kind}: ${p.text}`)];
  if (all.length > 0) throw new Error(all.join('; '));
  return r.route;
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
