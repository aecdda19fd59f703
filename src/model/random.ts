// Named, seeded random streams. Every draw in the model comes from one of these.
// Generator: seedrandom's Alea (Baagøe), about 160 million values a second in Node, the same sequence in
// every JavaScript engine (it uses only exact integer and float arithmetic). One stream per concern, so
// that a change in one concern (a strategy that sanctions more, say) does not shift the draws of another
// (the labour market): common random numbers across strategies and the benchmark twin.
import alea from 'seedrandom/lib/alea';
import { log, exp } from './detmath';

export const STREAM_NAMES = ['env', 'clients', 'decisions', 'politics', 'media'] as const;
export type StreamName = (typeof STREAM_NAMES)[number];

export class Stream {
  /** uniform on [0, 1): the generator itself, so a call in the hot loop costs one closure call */
  readonly next: () => number;
  private readonly gen: () => number;
  private spareNormal = 0;
  private hasSpare = false;

  constructor(seed: string) {
    this.gen = alea(seed);
    this.next = this.gen;
  }

  uniform(lo: number, hi: number): number {
    return lo + (hi - lo) * this.gen();
  }

  /** integer in [0, n) */
  int(n: number): number {
    return Math.floor(this.gen() * n);
  }

  chance(p: number): boolean {
    return this.gen() < p;
  }

  /** standard normal, Marsaglia's polar method (only log and sqrt, both deterministic here) */
  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spareNormal;
    }
    let u: number, v: number, s: number;
    do {
      u = 2 * this.gen() - 1;
      v = 2 * this.gen() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const m = Math.sqrt((-2 * log(s)) / s);
    this.spareNormal = v * m;
    this.hasSpare = true;
    return u * m;
  }

  /** Student-t with 3 degrees of freedom: fat-tailed media noise */
  studentT3(): number {
    const z = this.normal();
    const a = this.normal();
    const b = this.normal();
    const c = this.normal();
    const chi = (a * a + b * b + c * c) / 3;
    return z / Math.sqrt(chi);
  }

  /** Poisson by Knuth's product method, split into chunks of mean <= 20 (exact, O(mean) draws) */
  poisson(mean: number): number {
    if (!(mean > 0)) return 0;
    let k = 0;
    let remaining = mean;
    while (remaining > 0) {
      const chunk = remaining > 20 ? 20 : remaining;
      remaining -= chunk;
      const limit = exp(-chunk);
      let p = this.gen();
      while (p > limit) {
        k++;
        p *= this.gen();
      }
    }
    return k;
  }
}

export type Streams = Record<StreamName, Stream>;

/** The five streams of one run, derived from the master seed and the stream's name. */
export function createStreams(seed: number, salt = ''): Streams {
  const s = {} as Streams;
  for (const name of STREAM_NAMES) s[name] = new Stream(`meerwaarde:${seed}:${name}${salt}`);
  return s;
}
