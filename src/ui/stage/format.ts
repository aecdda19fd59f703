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

/**
 * People per dot for the legend: tracked clients (everyone on the caseload) over the dots that show
 * them, rounded to a whole number below 20, to 5 below 100, then to two significant digits. 0 when
 * there are no dots.
 */
export function peoplePerDot(tracked: number, dots: number): number {
  if (!(dots > 0) || !(tracked > 0)) return 0;
  const r = tracked / dots;
  if (r < 20) return Math.max(1, Math.round(r));
  if (r < 100) return Math.round(r / 5) * 5;
  const step = 10 ** (Math.floor(Math.log10(r)) - 1);
  return Math.round(r / step) * step;
}

/** Words of the jobseekers panel that the app may not provide yet (StageLabels' optional fields). */
export const CLIENT_WORDS: Record<StageLanguage, { dotScale: string; dotScaleOne: string; exitedNote: string }> = {
  en: { dotScale: '1 dot ≈ {n} people', dotScaleOne: '1 dot = 1 person', exitedNote: 'Total since month 0, not drawn as dots' },
  nl: { dotScale: '1 stip ≈ {n} mensen', dotScaleOne: '1 stip = 1 persoon', exitedNote: 'Totaal sinds maand 0, niet als stippen getekend' },
};

/** The legend line, e.g. "1 dot ≈ 6 people"; '' when there are no dots. */
export function dotScaleText(perDot: number, language: StageLanguage, words: { dotScale?: string; dotScaleOne?: string } = {}): string {
  if (!(perDot > 0)) return '';
  if (perDot === 1) return words.dotScaleOne ?? CLIENT_WORDS[language].dotScaleOne;
  return (words.dotScale ?? CLIENT_WORDS[language].dotScale).replace('{n}', formatCount(perDot, language));
}
