/**
 * detmath: deterministic elementary functions for the model.
 *
 * WHY THIS EXISTS
 * Node 20 and Chromium ship different V8 versions whose Math.exp, Math.log, Math.pow, Math.sin
 * and Math.cos (and `**`) round differently in the last bit for a few percent of arguments
 * (measured: exp 11 %, pow 10 %, log 6 %, sin 3 %; engineering notes, "Same bytes in Node and in
 * the browser"). One differing bit in a hazard flips a random comparison now and then and two
 * runs of the same seed part ways. The model must give byte-identical results in every host, so
 * it computes these functions itself, from operations that IEEE 754 defines exactly and every
 * engine implements alike: + - * / Math.round Math.floor, comparisons, integer bit operations,
 * and reads of the bits of a double through a Float64Array/Uint32Array pair. JavaScript never
 * contracts a*b+c into a fused multiply-add, so every expression below has one defined result.
 * Checked: 1,000,000 arguments per function (8 million results) hash identically in Node 20 and
 * Chromium 156, where Math.exp, Math.sin and Math.pow hash differently on the same arguments.
 * Nothing allocates per call (scratch lives in module-level typed arrays), so the functions are
 * pure from the caller's view; each worker has its own module instance.
 *
 * ALGORITHMS (the fdlibm / Sun Microsystems designs, ported to JavaScript)
 * - exp(x): k = round(x/ln2), r = (x - k*ln2hi) - k*ln2lo (Cody-Waite; ln2hi has 32 trailing
 *   zero bits, so k*ln2hi is exact), exp(r) from fdlibm's Remez rational form
 *   1 - ((lo - r*c/(2-c)) - hi), c = r - r^2 (P1 + P2 r^2 + ... + P5 r^8); then times 2^k from a
 *   table of every power of two a double holds (exact, or one correct rounding when the result
 *   is subnormal; k = 1024 and k = -1075 take two multiplications, the first exact).
 *   x > 709.8 -> Infinity (the overflow itself happens in that last product), x < -745.2 -> 0,
 *   NaN -> NaN; exp(1) returns Math.E exactly as V8 does (fdlibm is one ulp above there).
 * - log(x): exponent e from the bits (subnormals prescaled by 2^54), m = x 2^-e in
 *   [sqrt(1/2), sqrt(2)), f = m - 1 (exact), s = f/(2+f); log(m) = 2 atanh(s)
 *   = f - s (f - R(s^2)), R fdlibm's degree-7 minimax polynomial in s^2 (error < 2^-58.45);
 *   plus e ln2 as e*ln2hi (exact) + e*ln2lo. log(+-0) = -Infinity, log(x < 0) = NaN.
 * - log1p(x): for 1 + x in (sqrt(1/2), sqrt(2)) the log kernel with f = x itself, so 1 + x is
 *   never rounded (|x| < 2^-20: x - x^2/2 + x^3/3). For larger x, u = 1 + x and
 *   log1p(x) = log(u) + c, c = (x - (u - 1))/u the rounding error of 1 + x (u - 1 is exact),
 *   added among the low-order terms of the kernel. For x <= sqrt(1/2) - 1, 1 + x is exact.
 * - pow(x, y): Math.pow's results for every special case (0, -0, +-Infinity, NaN, +-1, negative
 *   bases: NaN for non-integer y, sign from odd integer y; pow(NaN, 0) = 1, pow(1, Infinity) =
 *   NaN). Integer y with |y| <= 64: binary powering in double-double arithmetic (Veltkamp/Dekker
 *   exact products), i.e. a ~100-bit product rounded once: pow(x, 2) === x*x,
 *   pow(x, -1) === 1/x, correctly rounded in all tests; when an intermediate power could leave
 *   [2^-900, 2^900] it uses the general path. General path: exp(y log|x|) with log as a
 *   double-double (2s + (2/3)s^3 in double-double, Taylor terms of atanh up to s^23 after that;
 *   about 2^-62 relative), y*log as an exact product whose low part goes into exp's range
 *   reduction. A plain exp(y*log(x)) loses about |y log x| * 2^-53 (up to 700 ulps near
 *   overflow); this does not (10 ulps became 0.8 over y in [-1000, 1000]).
 * - sin(x), cos(x): |x| <= pi/4 goes straight to the kernel; otherwise k = round(x 2/pi) and
 *   r = x - k pi/2 with pi/2 split into three 33-bit parts plus a tail (Cody-Waite), r kept as
 *   hi + lo; fdlibm's minimax kernels (sin to x^13, cos to x^14) on [-pi/4, pi/4], lo as a
 *   first-order correction; k mod 4 picks +-sin or +-cos.
 *   DOMAIN: the reduction is exact while |k| < 2^20, i.e. |x| < 1.6e6, which covers the model
 *   (cycles over simulated time); tested on |x| <= 1e5 and at the doubles nearest k pi/2.
 *   Beyond 1.6e6 the absolute error is about ulp(x)/2 (measured max 1.1e-16 |x|: the size of
 *   the rounding error x itself carries), still deterministic. For |x| >= 2^52, where x has no
 *   fractional bits, sin and cos return NaN rather than a meaningless value (Math.sin does not).
 *   +-Infinity and NaN give NaN; sin(-0) = -0.
 * - sigmoid(x) = 1/(1 + exp(-x)) for x >= 0 and exp(x)/(1 + exp(x)) for x < 0 (no overflow).
 *
 * ACCURACY in ulps of the exact result (mpmath at 200 bits, 20,000 arguments per range):
 *   exp [-745, 709] 0.80, log (1e-300, 1e300) 0.56, log [0.5, 2] 0.75, log1p [-0.999, 10] 0.76,
 *   log1p +-[1e-20, 0.1] 0.51, pow x (0, 100] y [-5, 5] 0.77, pow integer y [-64, 64] 0.50,
 *   pow x (1e-300, 1e300) y [-3, 3] 0.80, pow x [0.5, 2] y [-1000, 1000] 0.81,
 *   sin/cos [-1e5, 1e5] 0.74, sigmoid [-40, 40] 1.74 (the formula's own roundings).
 *   Against Math.* in Node 20 (tests/detmath.test.ts, 100,000 seeded arguments per range, prints
 *   its numbers): never more than 2^-52 relative apart; exp and log agree bit for bit (Node's V8
 *   uses fdlibm there too), pow differs in the last bit for 5-10 % of arguments, sin/cos ~1 %.
 * SPEED (Node 20, 2-core AMD EPYC container, ns per call in a tight loop, Math.* in brackets):
 *   exp 13 (7), log 12 (5), log1p 13 (7.5), pow with real y 55 (36), pow with small integer y
 *   25 (25), sin/cos 25-30 (17.5), sigmoid 17.5 (1/(1+Math.exp(-x)) 8.6).
 */

// ---------------------------------------------------------------------------------------------
// Bit access: one shared 8-byte buffer, viewed as a double and as two 32-bit words.
// Typed arrays use the platform byte order for both views; HI is the index of the word that
// holds the sign, the exponent and the top 20 mantissa bits.
const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
const LO = 1 - HI;

// Only reads go through the word view. A double is never assembled by writing its words and
// reading it back: that load cannot be forwarded from the two narrower stores, so the CPU waits
// until they retire and successive calls stop overlapping (it made log 4x slower). Powers of two
// come from a table instead; multiplying by one is exact (or, for a subnormal product, one
// correct rounding).

/** POW2[i] = 2^(i - 1074) for i in 0..2097, i.e. every power of two a double can hold. */
const POW2 = new Float64Array(2098);
{
  let v = 1;
  for (let i = 1074; i < 2098; i++, v *= 2) POW2[i] = v;
  v = 1;
  for (let i = 1073; i >= 0; i--) POW2[i] = v *= 0.5;
}

/** Scratch outputs of the double-double helpers (typed array: storing a double allocates nothing). */
const OUT = new Float64Array(2);

const TWO54 = 1.8014398509481984e16; // 2^54
const TWO1023 = 8.98846567431158e307; // 2^1023
const TWOM53 = 1.1102230246251565e-16; // 2^-53
const TWOM1022 = 2.2250738585072014e-308; // 2^-1022
const SPLIT = 134217729; // 2^27 + 1, Veltkamp splitter for exact products

// ---------------------------------------------------------------------------------------------
// exp

const LN2_HI = 6.93147180369123816490e-1; // 0x3FE62E42 FEE00000, 32 trailing zero bits
const LN2_LO = 1.90821492927058770002e-10; // ln2 - LN2_HI
const INV_LN2 = 1.44269504088896338700e0;
const E = 2.718281828459045; // Math.E, the double nearest e
const EXP_MAX_ARG = 709.8; // above: Infinity (exp overflows from 709.7827...)
const EXP_MIN_ARG = -745.2; // below: 0 (exp underflows below -745.1332...)
const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.65339022054652515390e-6;
const P5 = 4.13813679705723846039e-8;

/** exp(x + xlo) for EXP_MIN_ARG <= x <= EXP_MAX_ARG and |xlo| tiny next to ln2. */
function expKernel(x: number, xlo: number): number {
  const k = Math.round(x * INV_LN2); // |k| <= 1075
  const hi = x - k * LN2_HI;
  const lo = k * LN2_LO - xlo;
  const r = hi - lo;
  const t = r * r;
  const c = r - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  const y = 1 - ((lo - (r * c) / (2 - c)) - hi); // exp(r), in about [0.7, 1.42]
  if (k > 1023) return y * 2 * TWO1023; // k = 1024: may overflow to Infinity, correctly
  if (k < -1074) return y * TWOM53 * TWOM1022; // k = -1075: first product exact
  return y * POW2[k + 1074]; // exact, or one rounding to a subnormal
}

/** e^x. Error below 1 ulp (measured: never more than 1 ulp from Math.exp). */
export function exp(x: number): number {
  if (x > EXP_MAX_ARG) return Infinity;
  if (x < EXP_MIN_ARG) return 0;
  if (x !== x) return x; // NaN
  if (x === 1) return E; // fdlibm gives 1 ulp above; Math.exp(1) === Math.E in V8, keep that
  return expKernel(x, 0);
}

// ---------------------------------------------------------------------------------------------
// log

const LG1 = 6.666666666666735130e-1;
const LG2 = 3.999999999940941908e-1;
const LG3 = 2.857142874366239149e-1;
const LG4 = 2.222219843214978396e-1;
const LG5 = 1.818357216161805012e-1;
const LG6 = 1.531383769920937332e-1;
const LG7 = 1.479819860511658591e-1;

/** Natural logarithm. Error below 1 ulp. log(+-0) = -Infinity, log(x < 0) = NaN. */
export function log(x: number): number {
  F64[0] = x;
  let hx = U32[HI] | 0; // signed high word
  let xs = x; // x scaled into the normal range
  let k = 0;
  if (hx < 0x00100000) {
    // x < 2^-1022: zero, subnormal, negative (or negative NaN)
    if (((hx & 0x7fffffff) | U32[LO]) === 0) return -Infinity;
    if (hx < 0) return NaN;
    xs = x * TWO54; // subnormal: scale into the normal range
    k = -54;
    F64[0] = xs;
    hx = U32[HI] | 0;
  }
  if (hx >= 0x7ff00000) return x + x; // Infinity or NaN
  // xs = m 2^e with m in [sqrt(1/2), sqrt(2)): i is 2^20 when the mantissa bits are >= sqrt(2)
  const i = ((hx & 0x000fffff) + 0x95f64) & 0x100000;
  const e = (hx >> 20) - 1023 + (i >> 20);
  hx &= 0x000fffff;
  k += e;
  const f = xs * POW2[1074 - e] - 1; // m - 1, exact, in [sqrt(1/2) - 1, sqrt(2) - 1)
  if ((0x000fffff & (2 + hx)) < 3) {
    // |f| < 2^-20
    if (f === 0) return k === 0 ? 0 : k * LN2_HI + k * LN2_LO;
    const R = f * f * (0.5 - 0.3333333333333333 * f);
    return k === 0 ? f - R : k * LN2_HI - ((R - k * LN2_LO) - f);
  }
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const R = t2 + t1;
  if (((hx - 0x6147a) | (0x6b851 - hx)) > 0) {
    // mantissa far from 1: use 0.5 f^2 to keep the last bit
    const hfsq = 0.5 * f * f;
    return k === 0
      ? f - (hfsq - s * (hfsq + R))
      : k * LN2_HI - ((hfsq - (s * (hfsq + R) + k * LN2_LO)) - f);
  }
  return k === 0 ? f - s * (f - R) : k * LN2_HI - ((s * (f - R) - k * LN2_LO) - f);
}

const SQRT1_2_M1 = -0.2928932188134524; // sqrt(1/2) - 1
const SQRT2_M1 = 0.41421356237309503; // sqrt(2) - 1
const SQRT2 = 1.4142135623730951;

/** log(1 + x), accurate for small |x|. log1p(-1) = -Infinity, log1p(x < -1) = NaN. */
export function log1p(x: number): number {
  if (x > SQRT1_2_M1 && x < SQRT2_M1) {
    // 1 + x is in [sqrt(1/2), sqrt(2)): the log kernel with f = x exactly (no rounding of 1 + x)
    const ax = x < 0 ? -x : x;
    if (ax < 9.5367431640625e-7) {
      // |x| < 2^-20: x - x^2/2 + x^3/3, next term below 2^-62 of the result; keeps -0
      return ax < 1.1102230246251565e-16 ? x : x - x * x * (0.5 - 0.3333333333333333 * x);
    }
    const s = x / (2 + x);
    const z = s * s;
    const w = z * z;
    const R = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7))) + w * (LG2 + w * (LG4 + w * LG6));
    const hfsq = 0.5 * x * x;
    return x - (hfsq - s * (hfsq + R));
  }
  const u = 1 + x;
  if (!(u >= SQRT2) || u === Infinity) return log(u); // 1 + x exact below sqrt(1/2); -1; NaN; Infinity
  // u - 1 is exact; log(1 + x) = log(u) + log(1 + c), c = (x - (u - 1))/u the rounding of 1 + x
  return logPlus(u, (x - (u - 1)) / u);
}

/** log(u) + c for finite u >= sqrt(2) and |c| < 2^-52: c joins the low-order terms. */
function logPlus(u: number, c: number): number {
  F64[0] = u;
  const hx = U32[HI] & 0x000fffff;
  const i = (hx + 0x95f64) & 0x100000;
  const k = (U32[HI] >>> 20) - 1023 + (i >>> 20); // >= 1
  const f = u * POW2[1074 - k] - 1;
  const klo = k * LN2_LO + c;
  if ((0x000fffff & (2 + hx)) < 3) {
    if (f === 0) return k * LN2_HI + klo;
    const R = f * f * (0.5 - 0.3333333333333333 * f);
    return k * LN2_HI - ((R - klo) - f);
  }
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const R = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7))) + w * (LG2 + w * (LG4 + w * LG6));
  if (((hx - 0x6147a) | (0x6b851 - hx)) > 0) {
    const hfsq = 0.5 * f * f;
    return k * LN2_HI - ((hfsq - (s * (hfsq + R) + klo)) - f);
  }
  return k * LN2_HI - ((s * (f - R) - klo) - f);
}

// ---------------------------------------------------------------------------------------------
// pow

// log m = 2 atanh(s) = 2s + (2/3) s^3 + s^5 (2/5 + 2/7 s^2 + ... + 2/23 s^18) + O(s^25).
// |s| <= 0.1716, so the first omitted term is below 2e-20 of the total. The cubic term is a
// fraction s^2/3 <= 1 % of the result and is computed in double-double; the rest is below
// s^4/5 <= 1.7e-4 of it, where one rounding no longer matters.
const A3 = 2 / 3;
const A3_LO = 3.700743415417188e-17; // 2/3 - A3
const A3_HI = SPLIT * A3 - (SPLIT * A3 - A3); // A3 = A3_HI + A3_R, 26-bit halves (Veltkamp)
const A3_R = A3 - A3_HI;
const A5 = 2 / 5;
const A7 = 2 / 7;
const A9 = 2 / 9;
const A11 = 2 / 11;
const A13 = 2 / 13;
const A15 = 2 / 15;
const A17 = 2 / 17;
const A19 = 2 / 19;
const A21 = 2 / 21;
const A23 = 2 / 23;

/** log(x) as OUT[0] + OUT[1] with about 2^-62 relative error; x positive and finite. */
function logDD(x: number): void {
  F64[0] = x;
  let hx = U32[HI];
  let xs = x;
  let k = 0;
  if (hx < 0x00100000) {
    xs = x * TWO54; // subnormal
    k = -54;
    F64[0] = xs;
    hx = U32[HI];
  }
  const i = ((hx & 0x000fffff) + 0x95f64) & 0x100000;
  const e = (hx >>> 20) - 1023 + (i >>> 20);
  k += e;
  const f = xs * POW2[1074 - e] - 1; // exact
  // s = f / (2 + f) as s + sl
  const d = 2 + f;
  const dl = f - (d - 2); // exact rounding error of 2 + f
  const s = f / d;
  let t = SPLIT * s;
  const sh = t - (t - s);
  const sr = s - sh;
  t = SPLIT * d;
  const dh = t - (t - d);
  const dr = d - dh;
  let p = s * d;
  let pe = ((sh * dh - p) + sh * dr + sr * dh) + sr * dr; // s*d = p + pe exactly
  const sl = ((f - p) - pe - s * dl) / d;
  // z = s^2 exactly as z + ze
  const z = s * s;
  const ze = ((sh * sh - z) + 2 * sh * sr) + sr * sr;
  // c + ce = s^3
  t = SPLIT * z;
  const zh = t - (t - z);
  const zr = z - zh;
  const c = s * z;
  const ce = (((sh * zh - c) + sh * zr + sr * zh) + sr * zr) + s * ze;
  // p + pe = (2/3) s^3
  t = SPLIT * c;
  const ch = t - (t - c);
  const cr = c - ch;
  p = A3 * c;
  pe = (((A3_HI * ch - p) + A3_HI * cr + A3_R * ch) + A3_R * cr) + (A3 * ce + A3_LO * c);
  const rest =
    c * z * (A5 + z * (A7 + z * (A9 + z * (A11 + z * (A13 + z * (A15 + z * (A17 + z * (A19 + z * (A21 + z * A23)))))))));
  // log x = k ln2hi (exact) + 2s (exact) + p + (pe + rest + 2 sl (1 + s^2) + k ln2lo)
  const a = k * LN2_HI;
  const b = 2 * s;
  const s1 = a + b;
  let bv = s1 - a;
  const e1 = (a - (s1 - bv)) + (b - bv);
  const s2 = s1 + p;
  bv = s2 - s1;
  const e2 = (s1 - (s2 - bv)) + (p - bv);
  const lo = e1 + e2 + (pe + rest + 2 * sl * (1 + z) + k * LN2_LO);
  const hi = s2 + lo;
  OUT[0] = hi;
  OUT[1] = lo - (hi - s2);
}

/** x^y for finite x > 0, x != 1, finite y != 0, through exp(y * log x) in extra precision. */
// (x != 1 matters: |log x| >= 1.1e-16 then, so |y| <= 746 / 1.1e-16 below and SPLIT * y is finite.)
function powPositive(x: number, y: number): number {
  logDD(x);
  const lh = OUT[0];
  const p = y * lh;
  if (p > EXP_MAX_ARG) return Infinity;
  if (p < EXP_MIN_ARG) return 0;
  // here |y| < 746 / 2^-53 and 1e-16 < |lh| < 745: the splits below cannot overflow
  let t = SPLIT * y;
  const yh = t - (t - y);
  const yr = y - yh;
  t = SPLIT * lh;
  const lhh = t - (t - lh);
  const lhr = lh - lhh;
  const pe = (((yh * lhh - p) + yh * lhr + yr * lhh) + yr * lhr) + y * OUT[1];
  return expKernel(p, pe);
}

/** x^n for finite x != 0 and integer 1 <= |n| <= 64, in double-double arithmetic. */
function powInteger(x: number, n: number): number {
  F64[0] = x;
  const e = ((U32[HI] >>> 20) & 0x7ff) - 1023; // floor(log2 |x|); -1023 for subnormals
  let m = n < 0 ? -n : n;
  if (e === -1023 || m * ((e < 0 ? -e : e) + 1) > 900) {
    // intermediate powers may leave [2^-900, 2^900], where the exact-product splits overflow
    // or lose bits: use the general path (it also gets overflow and underflow right).
    const r = powPositive(x < 0 ? -x : x, n);
    return x < 0 && (m & 1) === 1 ? -r : r;
  }
  let rh = 1;
  let rl = 0;
  let bh = x;
  let bl = 0;
  for (;;) {
    if ((m & 1) === 1) {
      // r *= b
      let t = SPLIT * rh;
      const ah = t - (t - rh);
      const ar = rh - ah;
      t = SPLIT * bh;
      const ch = t - (t - bh);
      const cr = bh - ch;
      const p = rh * bh;
      const q = (((ah * ch - p) + ah * cr + ar * ch) + ar * cr) + (rh * bl + rl * bh);
      rh = p + q;
      rl = q - (rh - p);
    }
    m >>>= 1;
    if (m === 0) break;
    // b *= b
    const t = SPLIT * bh;
    const ah = t - (t - bh);
    const ar = bh - ah;
    const p = bh * bh;
    const q = (((ah * ah - p) + 2 * ah * ar) + ar * ar) + 2 * bh * bl;
    bh = p + q;
    bl = q - (bh - p);
  }
  if (n > 0) return rh;
  // 1 / (rh + rl): q = 1/rh, corrected by one Newton step done in exact arithmetic
  const q = 1 / rh;
  let t = SPLIT * q;
  const qh = t - (t - q);
  const qr = q - qh;
  t = SPLIT * rh;
  const hh = t - (t - rh);
  const hr = rh - hh;
  const p = q * rh;
  const pe = ((qh * hh - p) + qh * hr + qr * hh) + qr * hr;
  return q + q * ((1 - p) - pe - q * rl);
}

const TWO53 = 9007199254740992;

function isOddInteger(y: number): boolean {
  // y is an integer here; every double >= 2^53 is even
  const a = y < 0 ? -y : y;
  return a < TWO53 && Math.floor(a * 0.5) * 2 !== a;
}

/**
 * x^y with Math.pow's special cases. Integer |y| <= 64: correctly rounded in practice;
 * otherwise within about 1 ulp of the exact value over the whole range.
 */
export function pow(x: number, y: number): number {
  if (y === 0) return 1; // also for NaN^0, as Math.pow
  if (y !== y || x !== x) return NaN;
  const ay = y < 0 ? -y : y;
  const ax = x < 0 ? -x : x;
  if (ay === Infinity) {
    if (ax === 1) return NaN; // Math.pow(+-1, +-Infinity) is NaN in JavaScript
    return (ax > 1) === (y > 0) ? Infinity : 0;
  }
  const yInt = Math.floor(y) === y;
  if (x === 0 || ax === Infinity) {
    const negative = yInt && isOddInteger(y) && (x === 0 ? 1 / x : x) < 0;
    const magnitude = (x === 0) === (y < 0) ? Infinity : 0;
    return negative ? -magnitude : magnitude;
  }
  if (ax === 1) {
    if (x === 1) return 1;
    if (!yInt) return NaN;
    return isOddInteger(y) ? -1 : 1; // (-1)^integer
  }
  if (yInt && ay <= 64) return powInteger(x, y);
  if (x > 0) return powPositive(x, y);
  if (!yInt) return NaN; // negative base, non-integer exponent
  const r = powPositive(-x, y);
  return isOddInteger(y) ? -r : r;
}

// ---------------------------------------------------------------------------------------------
// sin, cos

const INV_PIO2 = 6.36619772367581382433e-1; // 2/pi
const PIO2_1 = 1.57079632673412561417e0; // first 33 bits of pi/2
const PIO2_2 = 6.07710050630396597660e-11; // next 33 bits
const PIO2_3 = 2.02226624871116645580e-21; // next 33 bits
const PIO2_3T = 8.47842766036889956997e-32; // pi/2 - (PIO2_1 + PIO2_2 + PIO2_3)
const PIO4 = 0.7853981633974483;
const SIN_MAX_ARG = 4503599627370496; // 2^52

const S1 = -1.66666666666666324348e-1;
const S2 = 8.33333333332248946124e-3;
const S3 = -1.98412698298579493134e-4;
const S4 = 2.75573137070700676789e-6;
const S5 = -2.50507602534068634195e-8;
const S6 = 1.58969099521155010221e-10;

const C1 = 4.16666666666666019037e-2;
const C2 = -1.38888888888741095749e-3;
const C3 = 2.48015872894767294178e-5;
const C4 = -2.75573143513906633035e-7;
const C5 = 2.08757232129817482790e-9;
const C6 = -1.13596475577881948265e-11;

/** sin(x + y) for |x| <= ~pi/4, |y| tiny next to x. */
function kernelSin(x: number, y: number): number {
  const z = x * x;
  const v = z * x;
  const r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
  return x - ((z * (0.5 * y - v * r) - y) - v * S1);
}

/** cos(x + y) for |x| <= ~pi/4, |y| tiny next to x. */
function kernelCos(x: number, y: number): number {
  const z = x * x;
  const w = z * z;
  const r = z * (C1 + z * (C2 + z * C3)) + w * w * (C4 + z * (C5 + z * C6));
  const hz = 0.5 * z;
  const u = 1 - hz;
  return u + (((1 - u) - hz) + (z * r - x * y));
}

/** Sets OUT[0] + OUT[1] = x - k pi/2 (|.| <= ~pi/4) and returns k mod 4 (0..3). */
function reduce(x: number): number {
  const k = Math.round(x * INV_PIO2);
  const a = x - k * PIO2_1; // exact for |k| < 2^20 (k*PIO2_1 exact, Sterbenz)
  const b = -(k * PIO2_2); // exact for |k| < 2^20
  // a + b exactly as r1 + e1
  const r1 = a + b;
  let bv = r1 - a;
  const e1 = (a - (r1 - bv)) + (b - bv);
  const c = e1 - (k * PIO2_3 + k * PIO2_3T);
  // r1 + c as OUT[0] + OUT[1]
  const hi = r1 + c;
  bv = hi - r1;
  OUT[0] = hi;
  OUT[1] = (r1 - (hi - bv)) + (c - bv);
  return k & 3; // ToInt32 keeps the low bits of any integer below 2^53; -1 & 3 = 3
}

/** sin(x). Below 1 ulp of error for |x| < 1.6e6; NaN for |x| >= 2^52, Infinity and NaN. */
export function sin(x: number): number {
  const ax = x < 0 ? -x : x;
  if (ax <= PIO4) {
    if (ax < 7.450580596923828e-9) return x; // |x| < 2^-27: sin x = x, keeps -0
    return kernelSin(x, 0);
  }
  if (!(ax < SIN_MAX_ARG)) return NaN;
  switch (reduce(x)) {
    case 0:
      return kernelSin(OUT[0], OUT[1]);
    case 1:
      return kernelCos(OUT[0], OUT[1]);
    case 2:
      return -kernelSin(OUT[0], OUT[1]);
    default:
      return -kernelCos(OUT[0], OUT[1]);
  }
}

/** cos(x). Below 1 ulp of error for |x| < 1.6e6; NaN for |x| >= 2^52, Infinity and NaN. */
export function cos(x: number): number {
  const ax = x < 0 ? -x : x;
  if (ax <= PIO4) {
    if (ax < 7.450580596923828e-9) return 1; // |x| < 2^-27
    return kernelCos(x, 0);
  }
  if (!(ax < SIN_MAX_ARG)) return NaN;
  switch (reduce(x)) {
    case 0:
      return kernelCos(OUT[0], OUT[1]);
    case 1:
      return -kernelSin(OUT[0], OUT[1]);
    case 2:
      return -kernelCos(OUT[0], OUT[1]);
    default:
      return kernelSin(OUT[0], OUT[1]);
  }
}

// ---------------------------------------------------------------------------------------------
// sigmoid

/** Logistic function 1/(1 + e^-x), computed without overflow for any x. */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + exp(-x));
  const e = exp(x); // also NaN -> NaN
  return e / (1 + e);
}
