// Scenario discovery with PRIM, the Patient Rule Induction Method (Friedman & Fisher, Statistics
// and Computing 9, 1999), as used for scenario discovery by Bryant & Lempert (Technol. Forecast.
// Soc. Change 77, 2010) and the EMA Workbench (Kwakkel 2017).
//
// Given the runs' factor values and which runs meet a success criterion, PRIM looks for a box
// (an interval per numeric factor, a set of levels per categorical one) where success is dense.
// Peeling: repeatedly cut off the alpha share of the box along one face (or drop one level of a
// categorical factor), choosing the cut that leaves the highest share of successes, until the box
// holds less than `minSupport` of all runs. Every step is a candidate box: the peeling trajectory.
// Pasting (optional) then widens the chosen box face by face while that costs no density.
// Coverage = successes in the box / all successes; density = successes in the box / runs in the
// box; support = runs in the box / all runs.
import { binomialUpperTail, InsufficientDataError } from './stats';

export type PrimColumn =
  | { name: string; kind: 'numeric'; values: ArrayLike<number> }
  | { name: string; kind: 'categorical'; values: ArrayLike<string | number> };

export type Restriction =
  | { kind: 'numeric'; low: number; high: number }
  | { kind: 'categorical'; levels: (string | number)[] };

export interface PrimBox {
  /** per factor name, the restriction; factors left free are absent */
  limits: Record<string, Restriction>;
  coverage: number;
  density: number;
  support: number;
  /** runs in the box */
  count: number;
  /** restricted factor names, in column order */
  restricted: string[];
}

export type BoxChoice =
  /** the box with the best balance: the highest harmonic mean of coverage and density (F1) */
  | { by: 'balance' }
  /** the densest box that keeps at least `minCoverage` of the successes */
  | { by: 'density'; minCoverage: number }
  /** the widest-covering box that is at least `minDensity` dense (the EMA Workbench's threshold) */
  | { by: 'coverage'; minDensity: number };

export interface PrimOptions {
  /** share of the box peeled off per step (Friedman & Fisher suggest 0.05 to 0.1) */
  alpha?: number;
  /** stop peeling when the box holds less than this share of all runs */
  minSupport?: number;
  paste?: boolean;
  choose?: BoxChoice;
}

export interface PrimResult {
  trajectory: PrimBox[];
  /** index of the chosen box in the trajectory (before pasting) */
  chosen: number;
  box: PrimBox;
  /**
   * Bryant & Lempert's quasi-p-value of each restriction of the chosen box: the chance of at least
   * as many successes in the box if the restriction were dropped and successes fell at the density
   * of the wider box (one-sided binomial). Large values mark restrictions that add little.
   */
  quasiP: Record<string, number>;
}

/** The mutable state of a box during peeling: bounds per numeric column, allowed levels per categorical. */
interface BoxState {
  low: number[];
  high: number[];
  levels: (Set<string | number> | null)[];
}

class Prim {
  readonly n: number;
  readonly hitsTotal: number;
  /** per numeric column, the run indices sorted by value */
  private readonly order: (Int32Array | null)[];
  private readonly allLevels: (Set<string | number> | null)[];
  private readonly min: number[];
  private readonly max: number[];

  constructor(
    readonly columns: PrimColumn[],
    readonly y: ArrayLike<number>,
  ) {
    this.n = y.length;
    let hits = 0;
    for (let i = 0; i < this.n; i++) hits += y[i];
    this.hitsTotal = hits;
    this.order = columns.map((c) => {
      if (c.values.length !== this.n) throw new RangeError(`column '${c.name}' has ${c.values.length} values for ${this.n} runs`);
      if (c.kind !== 'numeric') return null;
      const v = c.values;
      return Int32Array.from({ length: this.n }, (_, i) => i).sort((a, b) => v[a] - v[b] || a - b);
    });
    this.allLevels = columns.map((c) => (c.kind === 'categorical' ? new Set(Array.from(c.values)) : null));
    this.min = columns.map((c, j) => (c.kind === 'numeric' ? c.values[this.order[j]![0]] : NaN));
    this.max = columns.map((c, j) => (c.kind === 'numeric' ? c.values[this.order[j]![this.n - 1]] : NaN));
  }

  initial(): BoxState {
    return {
      low: this.min.slice(),
      high: this.max.slice(),
      levels: this.allLevels.map((s) => (s ? new Set(s) : null)),
    };
  }

  contains(box: BoxState, i: number, skip = -1): boolean {
    for (let j = 0; j < this.columns.length; j++) {
      if (j === skip) continue;
      const c = this.columns[j];
      if (c.kind === 'numeric') {
        const x = c.values[i];
        if (x < box.low[j] || x > box.high[j]) return false;
      } else if (!box.levels[j]!.has(c.values[i])) return false;
    }
    return true;
  }

  mask(box: BoxState, skip = -1): Uint8Array {
    const m = new Uint8Array(this.n);
    for (let i = 0; i < this.n; i++) m[i] = this.contains(box, i, skip) ? 1 : 0;
    return m;
  }

  counts(mask: Uint8Array): { count: number; hits: number } {
    let count = 0;
    let hits = 0;
    for (let i = 0; i < this.n; i++) {
      if (mask[i]) {
        count++;
        hits += this.y[i];
      }
    }
    return { count, hits };
  }

  describe(box: BoxState, mask: Uint8Array): PrimBox {
    const { count, hits } = this.counts(mask);
    const limits: Record<string, Restriction> = {};
    const restricted: string[] = [];
    this.columns.forEach((c, j) => {
      if (c.kind === 'numeric') {
        if (box.low[j] > this.min[j] || box.high[j] < this.max[j]) limits[c.name] = { kind: 'numeric', low: box.low[j], high: box.high[j] };
      } else if (box.levels[j]!.size < this.allLevels[j]!.size) {
        limits[c.name] = { kind: 'categorical', levels: [...this.allLevels[j]!].filter((l) => box.levels[j]!.has(l)) };
      }
      if (limits[c.name]) restricted.push(c.name);
    });
    return {
      limits,
      coverage: this.hitsTotal > 0 ? hits / this.hitsTotal : 0,
      density: count > 0 ? hits / count : 0,
      support: count / this.n,
      count,
      restricted,
    };
  }

  /** The best single peel of the box, or null when none leaves at least `minCount` runs. */
  bestPeel(box: BoxState, mask: Uint8Array, alpha: number, minCount: number): BoxState | null {
    const { count, hits } = this.counts(mask);
    let best: BoxState | null = null;
    let bestDensity = -Infinity;
    const consider = (removed: number, removedHits: number, make: () => BoxState) => {
      const left = count - removed;
      if (removed === 0 || left < minCount) return;
      const density = (hits - removedHits) / left;
      if (density > bestDensity) [bestDensity, best] = [density, make()];
    };
    this.columns.forEach((c, j) => {
      if (c.kind === 'numeric') {
        const inBox = Array.from(this.order[j]!).filter((i) => mask[i]);
        const target = Math.max(1, Math.floor(alpha * count));
        for (const side of ['low', 'high'] as const) {
          const seq = side === 'low' ? inBox : inBox.slice().reverse();
          // cut after `target` runs, extended over ties so that equal values fall on one side
          let cut = target;
          while (cut < seq.length && c.values[seq[cut]] === c.values[seq[cut - 1]]) cut++;
          if (cut >= seq.length) continue;
          let removedHits = 0;
          for (let t = 0; t < cut; t++) removedHits += this.y[seq[t]];
          const edge = c.values[seq[cut]];
          consider(cut, removedHits, () => {
            const next = cloneBox(box);
            next[side][j] = edge;
            return next;
          });
        }
      } else {
        const present = new Map<string | number, { count: number; hits: number }>();
        for (let i = 0; i < this.n; i++) {
          if (!mask[i]) continue;
          const v = c.values[i];
          const e = present.get(v) ?? { count: 0, hits: 0 };
          e.count++;
          e.hits += this.y[i];
          present.set(v, e);
        }
        if (present.size < 2) return;
        for (const [level, e] of present) {
          consider(e.count, e.hits, () => {
            const next = cloneBox(box);
            next.levels[j]!.delete(level);
            return next;
          });
        }
      }
    });
    return best;
  }

  /**
   * Widens the box face by face (Friedman & Fisher's pasting) while that keeps or raises its
   * density: a wider box at no loss of density covers more successes. Each paste adds at least one
   * run, so pasting ends.
   */
  paste(box: BoxState, alpha: number): BoxState {
    let current = cloneBox(box);
    let now = this.describe(current, this.mask(current));
    for (;;) {
      let best: { box: BoxState; stats: PrimBox } | null = null;
      const step = Math.max(1, Math.floor(alpha * now.count));
      this.columns.forEach((c, j) => {
        const others = this.mask(current, j);
        const candidates: BoxState[] = [];
        if (c.kind === 'numeric') {
          const outside = Array.from(this.order[j]!).filter((i) => others[i]);
          const below = outside.filter((i) => c.values[i] < current.low[j]);
          const above = outside.filter((i) => c.values[i] > current.high[j]);
          // alpha's share first, then halves of it, so a clean edge just outside the box is found
          for (let m = step; m >= 1; m = m === 1 ? 0 : Math.ceil(m / 2)) {
            if (below.length > 0) candidates.push({ ...cloneBox(current), low: replace(current.low, j, c.values[below[Math.max(0, below.length - m)]]) });
            if (above.length > 0) candidates.push({ ...cloneBox(current), high: replace(current.high, j, c.values[above[Math.min(above.length - 1, m - 1)]]) });
          }
        } else {
          for (const level of this.allLevels[j]!) {
            if (current.levels[j]!.has(level)) continue;
            const next = cloneBox(current);
            next.levels[j]!.add(level);
            candidates.push(next);
          }
        }
        for (const cand of candidates) {
          const stats = this.describe(cand, this.mask(cand));
          if (stats.density < now.density || stats.count <= now.count) continue;
          const better = !best || stats.density > best.stats.density || (stats.density === best.stats.density && stats.coverage > best.stats.coverage);
          if (better) best = { box: cand, stats };
        }
      });
      if (!best) return current;
      ({ box: current, stats: now } = best);
    }
  }

  quasiP(box: BoxState): Record<string, number> {
    const { count, hits } = this.counts(this.mask(box));
    const described = this.describe(box, this.mask(box));
    const out: Record<string, number> = {};
    this.columns.forEach((c, j) => {
      if (!described.limits[c.name]) return;
      const wider = this.counts(this.mask(box, j));
      out[c.name] = binomialUpperTail(hits, count, wider.count > 0 ? wider.hits / wider.count : 0);
    });
    return out;
  }
}

function cloneBox(b: BoxState): BoxState {
  return { low: b.low.slice(), high: b.high.slice(), levels: b.levels.map((s) => (s ? new Set(s) : null)) };
}

function replace(xs: number[], j: number, v: number): number[] {
  const out = xs.slice();
  out[j] = v;
  return out;
}

/** Index of the chosen box in a peeling trajectory. */
export function chooseBox(trajectory: PrimBox[], choice: BoxChoice): number {
  let best = 0;
  let bestScore = -Infinity;
  trajectory.forEach((b, i) => {
    let score: number;
    if (choice.by === 'balance') score = b.coverage + b.density > 0 ? (2 * b.coverage * b.density) / (b.coverage + b.density) : 0;
    else if (choice.by === 'density') score = b.coverage >= choice.minCoverage ? b.density : -Infinity;
    else score = b.density >= choice.minDensity ? b.coverage : -Infinity;
    // strictly greater: on ties the earlier, wider box wins
    if (score > bestScore) [best, bestScore] = [i, score];
  });
  return best;
}

/**
 * PRIM on runs described by `columns`, with `y` 1 for runs meeting the success criterion, 0 for
 * the others (fractional values are allowed: PRIM then seeks a box of high mean output).
 */
export function prim(columns: PrimColumn[], y: ArrayLike<number>, options: PrimOptions = {}): PrimResult {
  const { alpha = 0.05, minSupport = 0.05, paste = false, choose = { by: 'balance' } } = options;
  if (!(alpha > 0 && alpha < 0.5)) throw new RangeError(`PRIM's alpha must be in (0, 0.5), got ${alpha}`);
  if (!(minSupport > 0 && minSupport < 1)) throw new RangeError(`PRIM's minimum support must be in (0, 1), got ${minSupport}`);
  const p = new Prim(columns, y);
  if (p.n === 0) throw new InsufficientDataError('PRIM needs at least one run with a finite outcome');
  const minCount = Math.ceil(minSupport * p.n);
  const states: BoxState[] = [p.initial()];
  const trajectory: PrimBox[] = [p.describe(states[0], p.mask(states[0]))];
  for (;;) {
    const current = states[states.length - 1];
    const mask = p.mask(current);
    if (trajectory[trajectory.length - 1].density >= 1) break;
    const next = p.bestPeel(current, mask, alpha, minCount);
    if (!next) break;
    states.push(next);
    trajectory.push(p.describe(next, p.mask(next)));
  }
  const chosen = chooseBox(trajectory, choose);
  const final = paste ? p.paste(states[chosen], alpha) : states[chosen];
  return { trajectory, chosen, box: p.describe(final, p.mask(final)), quasiP: p.quasiP(final) };
}
