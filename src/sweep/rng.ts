// Seeded uniform generators for designs and bootstraps (never Math.random).
import seedrandom from 'seedrandom';

/** A source of uniform numbers in [0, 1). */
export type Uniform = () => number;

/**
 * Baagøe's Alea generator from seedrandom: fast (about 160 M values/s in Node) and identical in
 * Node and browsers, since it uses only exactly rounded arithmetic.
 */
export function alea(seed: number | string): Uniform {
  return seedrandom.alea(String(seed));
}

/** A uniform integer in [0, n). */
export function randomInt(next: Uniform, n: number): number {
  return Math.floor(next() * n);
}

/** Fisher-Yates shuffle in place (Knuth's Algorithm P). */
export function shuffle<T>(items: T[], next: Uniform): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomInt(next, i + 1);
    const t = items[i];
    items[i] = items[j];
    items[j] = t;
  }
  return items;
}
