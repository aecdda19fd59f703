// A keyed pseudo-random permutation of 0..n-1 evaluated one element at a time, in O(1) memory.
//
// Latin hypercube sampling needs one random permutation of the n strata per factor. Storing them
// costs n words per factor, which breaks "memory stays flat whatever the sweep's size" for
// million-run designs. Instead each permutation is a small Feistel network over the smallest even
// number of bits that covers n, with cycle walking to stay inside [0, n) (Black & Rogaway,
// "Ciphers with arbitrary finite domains", CT-RSA 2002). A Feistel network is a bijection whatever
// its round function, so the result is a true permutation.
import { fmix32, hashCombine } from './seeds';

const ROUNDS = 6;

export class KeyedPermutation {
  private readonly halfBits: number;
  private readonly halfMask: number;
  private readonly roundKeys: number[];

  constructor(
    readonly size: number,
    key: number,
  ) {
    if (!Number.isInteger(size) || size < 1 || size > 2 ** 32) throw new RangeError(`permutation size must be in [1, 2^32], got ${size}`);
    let bits = 2;
    while (2 ** bits < size) bits += 2;
    this.halfBits = bits / 2;
    this.halfMask = 2 ** this.halfBits - 1;
    this.roundKeys = Array.from({ length: ROUNDS }, (_, r) => hashCombine(fmix32(key), r));
  }

  private encrypt(x: number): number {
    let left = Math.floor(x / 2 ** this.halfBits);
    let right = x % 2 ** this.halfBits;
    for (const k of this.roundKeys) {
      const next = (left ^ (fmix32(right ^ k) & this.halfMask)) >>> 0;
      left = right;
      right = next;
    }
    return left * 2 ** this.halfBits + right;
  }

  /** The image of i under the permutation. */
  at(i: number): number {
    if (!Number.isInteger(i) || i < 0 || i >= this.size) throw new RangeError(`index ${i} is outside [0, ${this.size})`);
    let y = this.encrypt(i);
    while (y >= this.size) y = this.encrypt(y);
    return y;
  }
}
