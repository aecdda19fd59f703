// The nightly run's fast-check seed: fixed, so a failure reruns as it was; MEERWAARDE_FUZZ_SEED=<n> explores
// other cases (a nightly job can pass the date, e.g. MEERWAARDE_FUZZ_SEED=$(date +%Y%m%d)).
export function nightlySeed(offset: number): number {
  const given = process.env.MEERWAARDE_FUZZ_SEED;
  const base = given !== undefined && /^\d+$/.test(given) ? Number(given) : 20261203;
  return base + offset;
}
