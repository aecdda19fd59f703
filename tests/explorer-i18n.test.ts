// The explorer's words: Dutch and English have the same keys and placeholders, no empty text, Dutch is
// translated (not English left in), and no chapter text states a model result (digits in a chapter's
// prose would be a number the model might not give: numbers come from runs, through placeholders).
import { describe, expect, it } from 'vitest';
import { explorerEn, type ExplorerKey } from '../src/ui/explorer/i18n/en';
import { explorerNl } from '../src/ui/explorer/i18n/nl';
import { parseRoute, formatRoute, readRoute } from '../src/ui/explorer/route';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const keys = Object.keys(explorerEn) as ExplorerKey[];

describe('the explorer’s words', () => {
  it('have the same keys and placeholders in Dutch and English, and no empty text', () => {
    expect(Object.keys(explorerNl).sort()).toEqual([...keys].sort());
    for (const k of keys) {
      expect(explorerEn[k].trim(), k).not.toBe('');
      expect(explorerNl[k].trim(), k).not.toBe('');
      expect(placeholders(explorerNl[k]), k).toEqual(placeholders(explorerEn[k]));
    }
  });

  it('are translated: Dutch differs from English except for names, file names and letters', () => {
    const same = keys.filter((k) => explorerEn[k] === explorerNl[k]);
    const allowed = /^(sweep\.(runsCsv|monthlyCsv|experiment|command)|chart\.summary|tri\.letter\.(capacity|legitimacy)|ind\.share|branch\.(difference|setTo))$/;
    expect(same.filter((k) => !allowed.test(k))).toEqual([]);
  });

  it('state no model result in a chapter’s prose: numbers come from the runs', () => {
    // the prose of the chapters (not the question options that name a threshold, nor a year or a source)
    const prose = keys.filter((k) => /^ch\.\w+\.(lead|p\d)$/.test(k));
    // a definition, not a result: the loop amplifies when its gain is above 1
    const definitions: Partial<Record<ExplorerKey, RegExp>> = { 'ch.loop.p2': /\b1\b/g };
    expect(prose.length).toBeGreaterThanOrEqual(7 * 3);
    for (const k of prose) {
      for (const text of [explorerEn[k], explorerNl[k]]) {
        const digits = text.replace(/\((19|20)\d\d\)|\b(19|20)\d\d\b/g, '').replace(definitions[k] ?? /$^/, '').match(/\d/g);
        expect(digits, `${k}: ${text}`).toBeNull();
      }
    }
  });
});

describe('the explorer’s links', () => {
  it('read a chapter with a trainer’s preset, and write it back', () => {
    const search = formatRoute({
      chapter: 'luck',
      run: { scenario: 'recession', seed: 3, months: 48, controls: [{ month: 0, type: 'set', path: 'managers.W.courage', value: 0.8 }], at: 0 },
      runs: 50,
      contexts: ['baseline', 'scandal'],
    });
    const route = parseRoute(search);
    expect(route.chapter).toBe('luck');
    expect(route.runs).toBe(50);
    expect(route.contexts).toEqual(['baseline', 'scandal']);
    expect(route.run).toMatchObject({ scenario: 'recession', seed: 3, months: 48, c: [{ month: 0, type: 'set', path: 'managers.W.courage', value: 0.8 }] });
    expect(parseRoute('').chapter).toBeNull();
  });

  it('name every problem of a malformed link', () => {
    expect(() => parseRoute('?chapter=nope')).toThrow(/chapter/);
    expect(() => parseRoute('?chapter=luck&runs=0')).toThrow(/runs/);
    expect(() => parseRoute('?chapter=luck&runs=9999')).toThrow(/runs/);
    expect(() => parseRoute('?chapter=atlas&contexts=Bad!')).toThrow(/contexts/);
    const known = [{ id: 'baseline', months: 96 }];
    expect(readRoute('?chapter=atlas&contexts=baseline,atlantis', known).preset).toEqual([{ kind: 'unknownContext', text: 'atlantis' }]);
    expect(readRoute('?chapter=triangle&scenario=atlantis', known).link.map((p) => p.kind)).toEqual(['unknownScenario']);
    expect(readRoute('?chapter=triangle&scenario=atlantis', known).route.run).toBeNull();
    const both = (() => {
      try {
        parseRoute('?chapter=luck&runs=x&scenario=baseline&seed=-1');
        return '';
      } catch (e) {
        return (e as Error).message;
      }
    })();
    expect(both).toMatch(/runs/);
    expect(both).toMatch(/seed/);
  });
});
