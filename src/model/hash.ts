// Integer hashing, exact in every JavaScript engine (Math.imul, xor, shifts): no imports, so the page
// bundle can use it without pulling in the model.
/**
 * The 32-bit finaliser of MurmurHash3 (Appleby 2011), a bijection on uint32 with full avalanche:
 * every input bit flips each output bit with probability close to 1/2.
 */
export function fmix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
