// Numbers on the stage, formatted for the active language with Intl (never by hand).
export type StageLanguage = 'nl' | 'en';

const LOCALE: Record<StageLanguage, string> = { nl: 'nl-NL', en: 'en-GB' };

interface Formatters {
  percent: Intl.NumberFormat;
  count: Intl.NumberFormat;
  gain: Intl.NumberFormat;
}

const cache = new Map<StageLanguage, Formatters>();

function formatters(language: StageLanguage): Formatters {
  let f = cache.get(language);
  if (!f) {
    const locale = LOCALE[language];
    f = {
      percent: new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }),
      count: new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }),
      gain: new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    };
    cache.set(language, f);
  }
  return f;
}

/** A share in [0,1] as a whole percentage ("62%"). */
export function formatPercent(share: number, language: StageLanguage): string {
  return formatters(language).percent.format(Number.isFinite(share) ? share : 0);
}

/** A head count ("1.234" in Dutch, "1,234" in English). */
export function formatCount(n: number, language: StageLanguage): string {
  return formatters(language).count.format(Number.isFinite(n) ? Math.round(n) : 0);
}

/** The loop gain with two decimals ("G 1,08"). */
export function formatGain(g: number, language: StageLanguage): string {
  return `G ${Number.isFinite(g) ? formatters(language).gain.format(g) : '–'}`;
}
