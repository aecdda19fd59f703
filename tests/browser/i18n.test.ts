// Dutch and English: complete, with the same placeholders, and formatted per language.
import { describe, expect, it } from 'vitest';
import { en } from '../../src/ui/i18n/en';
import { nl } from '../../src/ui/i18n/nl';
import { I18n, interpolate, pickLanguage } from '../../src/ui/i18n/index';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the translations', () => {
  it('have the same keys and no empty message', () => {
    expect(Object.keys(nl).sort()).toEqual(Object.keys(en).sort());
    for (const [k, v] of [...Object.entries(en), ...Object.entries(nl)]) expect(v.trim(), k).not.toBe('');
  });

  it('use the same placeholders in both languages', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(nl[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('are translated: Dutch differs from English except for names and shared words', () => {
    const same = (Object.keys(en) as (keyof typeof en)[]).filter((k) => en[k] === nl[k]);
    // the product's name, the language names, file names and words Dutch shares with English
    const allowed = /^(app\.title|lang\.|(levers|verdict)\.managers|scenario\.(heading|picker|seed)|run\.heading|manager\.[WDHP]$|levers\.design|luck\.intensityValue|event\.reframe|stage\.table\.(station|status)|verdict\.score|account\.score|quadrant\.process|dimension\.process|twin\.difference|export\.(summary|monthly|scenario)|scale\.band|compare\.(a|b|difference)|levers\.ends|verdict\.group|charts\.(png|svg)|manager\.[DHP]\.short)/;
    expect(same.filter((k) => !allowed.test(k))).toEqual([]);
  });

  it('say it in Dutch: no message of the Dutch UI uses "seed", "run", "caseload" or a literal "hendel" (defect 13)', () => {
    // the command line's own words stay as they are (meerwaarde run … --seed), and so do file names
    const words = /(^|[^\p{L}-])(seed|seeds|run|runs|caseload|hendel)([^\p{L}]|$)/iu;
    const used = Object.entries(nl).filter(([, v]) => words.test(v.replace(/\{\w+\}|meerwaarde run[^.]*|--seed/g, '')));
    expect(used).toEqual([]);
  });

  it('fill placeholders and leave unknown ones visible', () => {
    expect(interpolate('Month {month} of {months}', { month: 3, months: 96 })).toBe('Month 3 of 96');
    expect(interpolate('a {b}', {})).toBe('a {b}');
  });

  it('pick the language from the stored choice, then the browser, then English', () => {
    expect(pickLanguage('en', ['nl-NL'])).toBe('en');
    expect(pickLanguage(null, ['fr-FR', 'nl-BE', 'en'])).toBe('nl');
    expect(pickLanguage(null, ['de'])).toBe('en');
    expect(pickLanguage('xx', ['EN-us'])).toBe('en');
  });

  it('format numbers per language', () => {
    const d = new I18n('nl');
    const e = new I18n('en');
    expect(d.int(2143)).toBe('2.143');
    expect(e.int(2143)).toBe('2,143');
    expect(d.pct(0.625)).toMatch(/^63\s?%$/);
    expect(d.decimal(1.5)).toBe('1,50');
    expect(e.decimal(1.5)).toBe('1.50');
    expect(d.list(['a', 'b', 'c'])).toBe('a, b en c');
    expect(e.list(['a', 'b', 'c'])).toBe('a, b and c');
    expect(d.int(NaN)).toBe('–');
  });
});
