// "Did you mean": the allowed names closest to a misspelt one (Levenshtein distance, case ignored).
import { distance } from 'fastest-levenshtein';

/**
 * The allowed names nearest to `given`, at most `max` of them, or none when nothing is close: a name
 * is close when it differs only in case, or by a few edits (see the limit below).
 */
export function closestKeys(given: string, allowed: readonly string[], max = 3): string[] {
  if (given.length > 200) return [];
  const lower = given.toLowerCase();
  let best = Infinity;
  let found: string[] = [];
  for (const name of allowed) {
    if (name === given) continue;
    const d = name.toLowerCase() === lower ? 0.5 : distance(lower, name.toLowerCase());
    // a one- or two-letter name is close only to itself in another case (every short name is one edit
    // away); a longer one within two edits (a swapped pair of letters is two) or a third of its length
    const short = Math.min(name.length, given.length);
    const limit = short < 3 ? 0 : short === 3 ? 1 : Math.max(2, Math.floor(Math.max(name.length, given.length) / 3));
    if (d > limit) continue;
    if (d < best) [best, found] = [d, [name]];
    else if (d === best) found.push(name);
  }
  return found.slice(0, max);
}
