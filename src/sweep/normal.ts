// The standard normal distribution: cumulative distribution function and its inverse.
// Built on the model's detmath exp and log, so design values are the same bytes in every host
// (V8 versions round Math.exp and Math.log differently in the last bit).
import { exp, log } from '../model/detmath';

const SQRT_2PI = Math.sqrt(2 * Math.PI); // sqrt is exactly rounded everywhere

/** Standard normal density. */
export function normalPdf(x: number): number {
  return exp(-0.5 * x * x) / SQRT_2PI;
}

/**
 * Standard normal CDF by Marsaglia's Taylor series (J. Stat. Softw. 11(4), 2004), about 15 correct
 * digits for |x| < 8: Phi(x) = 1/2 + phi(x) (x + x^3/3 + x^5/(3*5) + ...). Beyond |x| = 8 the
 * result is 0 or 1 to double precision.
 */
export function normalCdf(x: number): number {
  if (x <= -8) return 0;
  if (x >= 8) return 1;
  let sum = x;
  let term = x;
  const x2 = x * x;
  for (let i = 3; sum + term !== sum; i += 2) {
    term = (term * x2) / i;
    sum += term;
  }
  return 0.5 + sum * normalPdf(x);
}

// Wichura's algorithm AS 241 (PPND16), Applied Statistics 37(3), 1988: relative accuracy 1e-16.
const A = [
  3.3871328727963665, 133.14166789178438, 1971.5909503065513, 13731.69376550946,
  45921.95393154987, 67265.7709270087, 33430.57558358813, 2509.0809287301227,
];
const B = [
  1, 42.31333070160091, 687.1870074920579, 5394.196021424751,
  21213.794301586597, 39307.89580009271, 28729.085735721943, 5226.495278852546,
];
const C = [
  1.4234371107496835, 4.630337846156546, 5.769497221460691, 3.6478483247632045,
  1.2704582524523684, 0.2417807251774506, 0.022723844989269184, 0.0007745450142783414,
];
const D = [
  1, 2.053191626637759, 1.6763848301838038, 0.6897673349851,
  0.14810397642748008, 0.015198666563616457, 0.0005475938084995345, 1.0507500716444169e-9,
];
const E = [
  6.657904643501103, 5.463784911164114, 1.7848265399172913, 0.29656057182850487,
  0.026532189526576124, 0.0012426609473880784, 0.000027115555687434876, 2.0103343992922881e-7,
];
const F = [
  1, 0.599832206555888, 0.1369298809227358, 0.014875361290850615,
  0.0007868691311456133, 0.000018463183175100548, 1.421511758316446e-7, 2.0442631033899397e-15,
];

function poly(c: number[], x: number): number {
  let s = 0;
  for (let i = c.length - 1; i >= 0; i--) s = s * x + c[i];
  return s;
}

/** log of the standard normal density, without underflow far in the tails. */
export function logNormalPdf(x: number): number {
  return -0.5 * x * x - LOG_SQRT_2PI;
}

const LOG_SQRT_2PI = 0.9189385332046728; // log(sqrt(2 pi)), a constant (no host's log involved)

/**
 * log Phi(x), accurate (relative error about 1e-15) for every x, also where Phi(x) itself underflows
 * (x < -38) or loses its relative precision by cancellation (x < -5). Above -3: log of Marsaglia's
 * series; below: log phi(x) + log of Mills' ratio m(t) = (1 - Phi(t)) / phi(t) at t = -x, by its
 * continued fraction m(t) = 1 / (t + 1 / (t + 2 / (t + 3 / (t + ...)))) (Laplace; evaluated by the
 * modified Lentz method, which converges in under 120 steps at t = 3 and faster further out).
 */
export function logNormalCdf(x: number): number {
  if (x > -3) return x >= 8 ? 0 : log(normalCdf(x));
  return logNormalPdf(x) + log(millsRatio(-x));
}

/** Mills' ratio (1 - Phi(t)) / phi(t) for t >= 3, by its continued fraction (modified Lentz). */
function millsRatio(t: number): number {
  const tiny = 1e-300;
  let f = t;
  let c = t;
  let d = 0;
  for (let k = 1; k < 500; k++) {
    d = t + k * d;
    d = d === 0 ? 1 / tiny : 1 / d;
    c = t + k / c;
    if (c === 0) c = tiny;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return 1 / f;
}

/**
 * The standard normal quantile at log p (lp <= 0): Phi^-1(exp(lp)) without underflow, for the far
 * tail. AS 241's tail branch takes r = sqrt(-log p) directly; Newton steps on log Phi (concave, so
 * they converge from either side) then bring it to full precision anywhere, e.g. lp = -5000.
 */
export function normalQuantileFromLog(lp: number): number {
  if (lp >= LOG_0_075) return normalQuantile(exp(lp));
  const r = Math.sqrt(-lp);
  let z = -(r <= 5 ? poly(C, r - 1.6) / poly(D, r - 1.6) : poly(E, r - 5) / poly(F, r - 5));
  for (let i = 0; i < 8; i++) {
    const l = logNormalCdf(z);
    const step = (l - lp) / exp(logNormalPdf(z) - l);
    z -= step;
    if (Math.abs(step) <= 1e-15 * Math.abs(z)) break;
  }
  return z;
}

const LOG_0_075 = -2.5902671654458267; // log(0.075): below it AS 241 uses its tail branch

/** Inverse of the standard normal CDF (AS 241); p in (0, 1), with -Infinity at 0 and Infinity at 1. */
export function normalQuantile(p: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * poly(A, r)) / poly(B, r);
  }
  let r = q < 0 ? p : 1 - p;
  r = Math.sqrt(-log(r));
  const x = r <= 5 ? poly(C, r - 1.6) / poly(D, r - 1.6) : poly(E, r - 5) / poly(F, r - 5);
  return q < 0 ? -x : x;
}
