// The generated parts of docs/ must match the code: the parameter table (PARAM_SPECS), the indicator
// and value-profile tables, the monthly.csv columns and the summary.json fields. When this fails,
// run `npx tsx scripts/gen-docs.ts` (and describe any new column family or summary field there).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PARAM_NAMES, PARAM_SPECS } from '../src/model/params';
import { INDICATORS } from '../src/model/values';
import {
  baselineColumns,
  columnsSection,
  formatNumber,
  generatedSections,
  readSection,
  replaceSection,
  ROOT,
  summaryPaths,
} from '../scripts/gen-docs';

const FIX = 'out of date: run `npx tsx scripts/gen-docs.ts`';

describe('generated documentation', () => {
  const docs = generatedSections();

  for (const doc of docs) {
    const text = readFileSync(join(ROOT, doc.file), 'utf8');
    for (const [name, body] of Object.entries(doc.sections)) {
      it(`${doc.file}: section "${name}" matches the code`, () => {
        const current = readSection(text, name);
        expect(current, `${doc.file} lacks the markers <!-- ${name}:start --> / <!-- ${name}:end -->`).not.toBeNull();
        expect(current === body, `${doc.file}, section "${name}", is ${FIX}`).toBe(true);
      });
    }
  }

  it('the parameter table gives every parameter its default, range, unit and basis', () => {
    const table = docs.find((d) => d.file === 'docs/model.md')?.sections.params ?? '';
    for (const name of PARAM_NAMES) {
      const s = PARAM_SPECS[name];
      const row = table.split('\n').find((line) => line.startsWith(`| \`${name}\` |`));
      expect(row, `no row for ${name}`).toBeDefined();
      const cells = (row ?? '').split(' | ');
      expect(cells[1]).toBe(formatNumber(s.default));
      expect(cells[2]).toBe(`${formatNumber(s.min)} to ${formatNumber(s.max)}`);
      expect(cells[3].startsWith(s.unit)).toBe(true);
      expect(cells[4].length).toBeGreaterThan(0);
    }
  });

  it('the indicator table lists the eleven indicators in order', () => {
    const table = docs.find((d) => d.file === 'docs/model.md')?.sections.values ?? '';
    const ids = [...table.matchAll(/^\| \d+ \| `(\w+)` \|/gm)].map((m) => m[1]);
    expect(ids).toEqual(INDICATORS.map((s) => s.id));
  });

  it('every monthly.csv column is listed, in file order', () => {
    const columns = baselineColumns();
    const section = readSection(readFileSync(join(ROOT, 'docs/outputs.md'), 'utf8'), 'columns') ?? '';
    const listed = section.split('```text\n')[1]?.split('\n```')[0]?.split('\n') ?? [];
    expect(listed).toEqual(columns);
  });

  it('a column outside every documented family is an error, not a silent gap', () => {
    expect(() => columnsSection(['month', 'something_new'])).toThrow(/something_new/);
  });

  it('summary.json paths collapse records and arrays', () => {
    const paths = summaryPaths({ verdicts: { managers: { W: { score: 1 }, D: { score: 1 }, H: { score: 1 }, P: { score: 1 } } }, indicators: [{ id: 'a' }], events: [{ month: 0 }] });
    expect(paths).toEqual(['verdicts.managers.<manager>.score', 'indicators[].id', 'events']);
  });

  it('replaceSection rewrites only the text between the markers', () => {
    const doc = 'before\n<!-- x:start -->\nold\n<!-- x:end -->\nafter\n';
    const out = replaceSection(doc, 'x', 'new');
    expect(out).toBe('before\n<!-- x:start -->\nnew\n<!-- x:end -->\nafter\n');
    expect(readSection(out, 'x')).toBe('new');
    expect(() => replaceSection('no markers', 'x', 'new')).toThrow(/not found/);
  });
});
