// Every valid scenario runs sanely, measured from the files the command line writes (issue 12): the cases the
// issue reported, and the command line fuzzed (validate exit 0 implies run exit 0 with sane files, or exit 1
// with the output check's message and nothing written). Each check reads monthly.csv and summary.json as a
// user would (tests/support/written-check.ts), never the model's own objects. The nightly run fuzzes more
// (tests/nightly/cli-fuzz.test.ts).
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inhabitants, INFLOW_LM_FACTOR_MAX, LM_RANGE } from '../src/model/bounds';
import { PARAM_SPECS } from '../src/model/params';
import { cli, fuzzCli } from './support/cli-fuzz';
import { TEST_BUDGET } from './support/edge-scenarios';
import { SUITE_TIMEOUT } from './support/edge-suite';
import { readWrittenRun, writtenProblems } from './support/written-check';

const text = { nl: 'r', en: 'r' };
const doc = (fields: Record<string, unknown>) => ({ id: 'r', title: text, description: text, notice: text, ...fields });
const root = mkdtempSync(join(tmpdir(), 'mw-cli-edges-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const N0 = PARAM_SPECS.N0.default;

/** Writes the document, validates it (exit 0) and runs it; returns the output folder. */
function runs(json: Record<string, unknown>, args: string[] = [], nodeFlags: string[] = []): string {
  const file = join(root, `s${n}.json`);
  const out = join(root, `out${n++}`);
  writeFileSync(file, JSON.stringify(json));
  const v = cli(['validate', file]);
  expect(v.status, v.stderr).toBe(0);
  const r = cli(['run', file, '--out', out, ...args], nodeFlags);
  expect(r.status, r.stderr).toBe(0);
  return out;
}


describe('the check of the written files', () => {
  it('finds a NaN, a value out of its range, a caseload above the inhabitants, lost clients and a null in the summary', () => {
    const json = doc({ params: { N0: 100 } });
    const out = runs(json, ['--months', '6']);
    expect(writtenProblems(out, { doc: json, months: 6 })).toEqual([]);
    const csv = readFileSync(join(out, 'monthly.csv'), 'utf8').split('\n');
    const columns = csv[0].split(',');
    const edit = (month: number, column: string, value: string) => {
      const row = csv[month].split(',');
      row[columns.indexOf(column)] = value;
      csv[month] = row.join(',');
    };
    edit(2, 'managers.W.verdict', 'NaN');
    edit(3, 'audiences.council.support', '1.2');
    edit(4, 'stock', String(inhabitants(100) + 1));
    edit(5, 'caseload.employed.tier2', '999');
    writeFileSync(join(out, 'monthly.csv'), csv.join('\n'));
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    summary.dimensions.political.score = null;
    writeFileSync(join(out, 'summary.json'), JSON.stringify(summary));
    const problems = writtenProblems(out, { doc: json, months: 6 }).join('\n');
    expect(problems).toMatch(/^month 2: managers\.W\.verdict is "NaN", not a finite number$/m);
    expect(problems).toMatch(/^month 3: audiences\.council\.support is 1\.2, outside \[0, 1\]$/m);
    expect(problems).toMatch(new RegExp(`^month 4: stock ${inhabitants(100) + 1} above the ${inhabitants(100)} inhabitants`, 'm'));
    expect(problems).toMatch(/^month 5: \d+ clients accounted for, \d+ the month before plus an inflow of \d+$/m);
    expect(problems).toMatch(/^summary\.json \.dimensions\.political\.score is null$/m);
  });
});

describe('the reported cases, from the written files', () => {
  it('two stacked recessions of the largest magnitude: finite, in range, the labour market saturates, the caseload stays below the inhabitants', () => {
    const json = doc({ events: [{ month: 0, type: 'recession', magnitude: 3 }, { month: 1, type: 'recession', magnitude: 3 }] });
    const out = runs(json);
    expect(writtenProblems(out, { doc: json, months: 96 })).toEqual([]);
    const run = readWrittenRun(out);
    expect(readFileSync(join(out, 'monthly.csv'), 'utf8')).not.toMatch(/NaN|Inf/);
    expect(readFileSync(join(out, 'summary.json'), 'utf8')).not.toMatch(/null|NaN|Infinity/);
    // the labour market: lm0 e^(-3) at worst (the saturation), with the business cycle on top
    expect(Math.min(...run.series('environment.labourMarket'))).toBeGreaterThanOrEqual(LM_RANGE.min);
    expect(Math.max(...run.series('stock'))).toBeLessThan(inhabitants(N0));
  });

  it('inflowElast 2 with a recession a year: finite, in range, the inflow within its saturation', () => {
    const json = doc({ params: { inflowElast: 2, rateRecession: 1 } });
    const out = runs(json);
    expect(writtenProblems(out, { doc: json, months: 96 })).toEqual([]);
    // the labour market multiplies the inflow by at most 4; the recessions of the last 12 months add 30% each
    // (a recession a year: rarely more than four at once), plus Poisson noise
    const base = (N0 * PARAM_SPECS.inflowRateYear.default) / 12;
    const most = base * INFLOW_LM_FACTOR_MAX * (1 + 0.3 * 4);
    expect(Math.max(...readWrittenRun(out).series('flows.inflow'))).toBeLessThan(most + 6 * Math.sqrt(most));
  });

  it('all four audience powers 0: validate and run refuse it, naming the four paths, and nothing is written', () => {
    const file = join(root, 'powers.json');
    writeFileSync(file, JSON.stringify(doc({ audiences: { council: { power: 0 }, public: { power: 0 }, clients: { power: 0 }, employers: { power: 0 } } })));
    const expected = /powers\.json: \$\.audiences: \$\.audiences\.council\.power, \$\.audiences\.public\.power, \$\.audiences\.clients\.power, \$\.audiences\.employers\.power: every audience has power 0/;
    const v = cli(['validate', file]);
    expect(v.status).toBe(2);
    expect(v.stderr).toMatch(expected);
    const out = join(root, 'powers-out');
    const r = cli(['run', file, '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(expected);
    expect(existsSync(out)).toBe(false);
  });

  it('two dozen stacked recessions of the largest magnitude run for ten years in a heap of 48 MB, to sane files', () => {
    const json = doc({ events: Array.from({ length: 24 }, (_, month) => ({ month, type: 'recession', magnitude: 3 })) });
    const out = runs(json, ['--months', '120'], ['--max-old-space-size=48']);
    expect(writtenProblems(out, { doc: json, months: 120 })).toEqual([]);
  });

  it('subnormal weights (5e-324) are relative weights: the same files as weights of 1, but for the scenario hash', () => {
    const tiny = doc({
      managers: { W: { profile: { workFirst: 5e-324, inclusive: 5e-324 } }, D: { profile: { partnership: 5e-324 } } },
      audiences: { council: { power: 5e-324 }, public: { power: 0 }, clients: { power: 5e-324 }, employers: { power: 0 } },
    });
    const ones = doc({
      managers: { W: { profile: { workFirst: 1, inclusive: 1 } }, D: { profile: { partnership: 1 } } },
      audiences: { council: { power: 1 }, public: { power: 0 }, clients: { power: 1 }, employers: { power: 0 } },
    });
    const a = runs(tiny, ['--months', '36']);
    const b = runs(ones, ['--months', '36']);
    expect(writtenProblems(a, { doc: tiny, months: 36 })).toEqual([]);
    const withoutHash = (dir: string) => {
      const csv = readFileSync(join(dir, 'monthly.csv'), 'utf8').replace(/,[0-9a-f]{64},/g, ',HASH,');
      const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
      delete summary.meta.scenarioHash;
      return { csv, summary };
    };
    expect(withoutHash(a)).toEqual(withoutHash(b));
  });
});

describe('the command line, fuzzed at the edges', () => {
  it('12 drawn documents: validate exit 0 means run exit 0 with sane files (or exit 1, nothing written); a refusal refuses in run too', () => {
    const result = fuzzCli(12, 1203, TEST_BUDGET);
    expect(result.broken, `${result.broken.length} of 12 broke`).toEqual([]);
    expect(result.validated + result.refused).toBe(12);
  }, SUITE_TIMEOUT);
});
