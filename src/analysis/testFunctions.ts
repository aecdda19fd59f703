// Standard test functions of sensitivity analysis with their analytic Sobol' indices, to check
// the estimators (as SALib's test suite and Saltelli et al. 2010 do).

/**
 * Ishigami & Homma (1990): f(x) = sin x1 + a sin^2 x2 + b x3^4 sin x1, x_i ~ U(-pi, pi).
 * Strongly non-linear and non-monotonic, with an x1-x3 interaction and no effect of x3 alone.
 */
export function ishigami(x: ArrayLike<number>, a = 7, b = 0.1): number {
  return Math.sin(x[0]) + a * Math.sin(x[1]) ** 2 + b * x[2] ** 4 * Math.sin(x[0]);
}

/** Analytic indices of the Ishigami function (Sobol' & Levitan 1999; Saltelli et al. 2008, 4.6). */
export function ishigamiIndices(a = 7, b = 0.1): { first: number[]; total: number[] } {
  const pi4 = Math.PI ** 4;
  const v1 = 0.5 * (1 + (b * pi4) / 5) ** 2;
  const v2 = a ** 2 / 8;
  const v13 = (8 * b ** 2 * pi4 ** 2) / 225; // b^2 pi^8 (1/18 - 1/50)
  const v = v1 + v2 + v13;
  return { first: [v1 / v, v2 / v, 0], total: [(v1 + v13) / v, v2 / v, v13 / v] };
}

/**
 * Sobol's g-function (Sobol' 1993; Saltelli & Sobol' 1995): f(x) = prod (|4 x_i - 2| + a_i) / (1 + a_i),
 * x_i ~ U(0, 1). A small a_i makes factor i important; a_i = 99 makes it nearly inert.
 */
export function gFunction(x: ArrayLike<number>, a: readonly number[]): number {
  let f = 1;
  for (let i = 0; i < a.length; i++) f *= (Math.abs(4 * x[i] - 2) + a[i]) / (1 + a[i]);
  return f;
}

/** Analytic indices of the g-function: V_i = 1/(3 (1 + a_i)^2), V = prod (1 + V_i) - 1. */
export function gFunctionIndices(a: readonly number[]): { first: number[]; total: number[] } {
  const vi = a.map((ai) => 1 / (3 * (1 + ai) ** 2));
  const v = vi.reduce((p, x) => p * (1 + x), 1) - 1;
  return {
    first: vi.map((x) => x / v),
    total: vi.map((x, i) => (x * vi.reduce((p, y, j) => (j === i ? p : p * (1 + y)), 1)) / v),
  };
}
