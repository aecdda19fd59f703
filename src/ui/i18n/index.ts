// Translation and number formatting. The language comes from localStorage (a remembered choice), else
// from navigator.languages, else English. Numbers are formatted with Intl in the active language only
// here, from raw numbers the worker sends; exports stay locale-neutral.
import { en, type MessageKey } from './en';
import { nl } from './nl';

export type { MessageKey } from './en';
export const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const MESSAGES: Record<Language, Record<MessageKey, string>> = { en, nl };
const STORAGE_KEY = 'meerwaarde.language';

export type Values = Record<string, string | number>;

/** Fill {name} placeholders; a missing value stays visible as {name} so it is noticed. */
export function interpolate(template: string, values?: Values): string {
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

export function pickLanguage(stored: string | null, preferred: readonly string[]): Language {
  if (stored === 'nl' || stored === 'en') return stored;
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'nl' || base === 'en') return base;
  }
  return 'en';
}

function readStored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage blocked (private mode, sandboxed frame): the choice is just not remembered
  }
}

export class I18n {
  private listeners = new Set<(lang: Language) => void>();
  private formats!: {
    integer: Intl.NumberFormat;
    decimal: Intl.NumberFormat;
    percent: Intl.NumberFormat;
    signed: Intl.NumberFormat;
    signedDecimal: Intl.NumberFormat;
    euroMillions: Intl.NumberFormat;
    euro: Intl.NumberFormat;
    list: Intl.ListFormat;
  };
  lang: Language;

  constructor(lang?: Language) {
    this.lang = lang ?? pickLanguage(readStored(), typeof navigator === 'undefined' ? [] : navigator.languages);
    this.makeFormats();
  }

  private makeFormats(): void {
    const locale = this.lang === 'nl' ? 'nl-NL' : 'en-GB';
    this.formats = {
      integer: new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }),
      decimal: new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
      percent: new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }),
      signed: new Intl.NumberFormat(locale, { maximumFractionDigits: 0, signDisplay: 'exceptZero' }),
      signedDecimal: new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' }),
      euroMillions: new Intl.NumberFormat(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 }),
      euro: new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }),
      list: new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }),
    };
  }

  t(key: MessageKey, values?: Values): string {
    return interpolate(MESSAGES[this.lang][key], values);
  }

  /** a key built at run time (event types, labels); falls back to `fallback` when unknown */
  tDynamic(key: string, fallback: string, values?: Values): string {
    const table = MESSAGES[this.lang] as Record<string, string>;
    return key in table ? interpolate(table[key], values) : fallback;
  }

  int(n: number): string {
    return Number.isFinite(n) ? this.formats.integer.format(n) : '–';
  }
  decimal(n: number): string {
    return Number.isFinite(n) ? this.formats.decimal.format(n) : '–';
  }
  /** a share in [0,1] as a percentage */
  pct(share: number): string {
    return Number.isFinite(share) ? this.formats.percent.format(share) : '–';
  }
  /**
   * A score in [0,1] on a 0-100 scale, rounded down: a score shown as 45 has reached 0.45, so the
   * number and its McConnell label always agree (0.4496 shows 44 and is labelled below 45).
   */
  score(share: number): string {
    return Number.isFinite(share) ? this.formats.integer.format(Math.floor(share * 100 + 1e-9)) : '–';
  }
  signed(n: number): string {
    return Number.isFinite(n) ? this.formats.signed.format(n) : '–';
  }
  /** one decimal with its sign: "+0,8", "−1.2" */
  signedDecimal(n: number): string {
    return Number.isFinite(n) ? this.formats.signedDecimal.format(n) : '–';
  }
  euro(n: number): string {
    return Number.isFinite(n) ? this.formats.euro.format(n) : '–';
  }
  millions(n: number): string {
    return Number.isFinite(n) ? this.formats.euroMillions.format(n / 1e6) : '–';
  }
  list(items: string[]): string {
    return this.formats.list.format(items);
  }

  set(lang: Language): void {
    if (lang === this.lang) return;
    this.lang = lang;
    this.makeFormats();
    try {
      localStorage.setItem(STORAGE_KEY, lang);
    } catch {
      // not remembered; still switched
    }
    for (const fn of this.listeners) fn(lang);
  }

  onChange(fn: (lang: Language) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }
}

export const MESSAGE_TABLES = MESSAGES;
