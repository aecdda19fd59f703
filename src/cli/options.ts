import { UsageError } from './errors';

/** Parses a whole-number option within a range; a wrong value is a usage error naming the option. */
export function intOption(name: string, raw: string | undefined, min: number, max: number, fallback: number, command = 'run'): number {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new UsageError(`${name} must be a whole number between ${min} and ${max}, got "${raw}"`, command);
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < min || n > max) throw new UsageError(`${name} must be between ${min} and ${max}, got ${raw}`, command);
  return n;
}
