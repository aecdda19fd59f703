// Number words the explorer needs beyond the sandbox's formats.
import type { I18n } from '../i18n/index';

const cache = new Map<string, Intl.NumberFormat>();

/** a difference of two scores in [0,1] on the 0-100 scale, signed, with one decimal (small effects show) */
export function scoreDifference(i18n: I18n, delta: number): string {
  if (!Number.isFinite(delta)) return '–';
  const locale = i18n.lang === 'nl' ? 'nl-NL' : 'en-GB';
  let f = cache.get(locale);
  if (!f) cache.set(locale, (f = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' })));
  return f.format(Math.round(delta * 1000) / 10);
}
