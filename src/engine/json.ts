// Output JSON with fixed formatting and rounded numbers, so that the same run gives the same bytes in
// every host. Numbers are rounded to 6 decimals (IEEE arithmetic, exact everywhere) and printed by
// JSON.stringify (the shortest round-trip form, specified by ECMAScript).
export function round6(x: number): number {
  if (!Number.isFinite(x)) return x;
  const r = Math.round(x * 1e6) / 1e6;
  return r === 0 ? 0 : r; // no -0
}

export function roundDeep<T>(value: T): T {
  if (typeof value === 'number') return round6(value) as T;
  if (Array.isArray(value)) return value.map(roundDeep) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = roundDeep(v);
    return out as T;
  }
  return value;
}

export function stableJson(value: unknown): string {
  return `${JSON.stringify(roundDeep(value), null, 2)}\n`;
}
