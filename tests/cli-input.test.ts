// Bad input on the command line, second pass (issue 13; issue 10, defects 6 and 8): messages a user
// understands, a cap on error output in bounded memory, validation that costs nothing whatever the design
// would cost, out-of-scale sweeps refused unless --force, one rule for "__proto__", one seed limit, and no
// temporary files left by a signal or a killed run. The built bin, real files, real signals.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { scaleProblems, MAX_RUNS } from '../src/sweep/scale';
import type { ResolvedExperiment } from '../src/sweep/resolve';

const BIN = join(process.cwd(), 'bin', 'meerwaarde.mjs');
const ENTRY = pathToFileURL(join(process.cwd(), 'dist-cli', 'cli.mjs')).href;
const work = mkdtempSync(join(tmpdir(), 'mw-input-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const at = (name: string) => join(work, name);
const baseline = JSON.parse(readFileSync('scenarios/baseline.json', 'utf8'));
const SCENARIO = join(process.cwd(), 'scenarios', 'baseline.json');

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120_000, maxBuffer: 1 << 28 });
  return { code: r.status, out: r.stdout, err: r.stderr, lines: r.stderr.trimEnd().split('\n').filter((l) => l !== ''), timedOut: r.error !== undefined };
}

/** The command in a child process that reports its peak resident memory (kB) on its last stderr line. */
function cliWithRss(...args: string[]) {
  const code = `const { main } = await import(${JSON.stringify(ENTRY)});
const exit = await main(process.argv.slice(1));
process.stderr.write('RSS ' + process.resourceUsage().maxRSS + '\\n');
process.exitCode = exit;`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code, '--', ...args], { encoding: 'utf8', timeout: 120_000, maxBuffer: 1 << 28 });
  const lines = r.stderr.trimEnd().split('\n');
  const rss = Number(/^RSS (\d+)$/.exec(lines.pop() ?? '')?.[1]);
  return { code: r.status, lines, rssMB: rss / 1024 };
}

const write = (name: string, value: unknown) => {
  writeFileSync(at(name), typeof value === 'string' ? value : JSON.stringify(value));
  return at(name);
};
const experiment = (patch: object) => ({ scenario: SCENARIO, factors: [{ path: 'params.betaSvc', name: 'b', range: [0.2, 1.2] }], design: { kind: 'lhs', samples: 4 }, seed: 1, months: 2, ...patch });
/** what a user must never read: a validator's own words, a stack trace, a value nobody wrote */
const RAW = /Invalid (input|number|option)|Too (big|small)|expected \w+, received|tuple|= null is not|9007199254740991|\n\s+at |internal error/;

describe('messages a user understands (issue 13, point 8)', () => {
  it('names the real limit, says "length" or "count", and echoes no validator text', () => {
    const cases: [string, unknown, string][] = [
      ['months', { ...baseline, months: 1e300 }, '$.months: too large: must be <= 600'],
      ['empty title', { ...baseline, title: { nl: '', en: 'x' } }, '$.title.nl: must not be empty'],
      ['misspelt parameter', { ...baseline, params: { luckIntensty: 1 } }, '$.params.luckIntensty: unknown key "luckIntensty": did you mean "luckIntensity"?'],
      ['misspelt event', { ...baseline, events: [{ month: 1, type: 'recesion' }] }, '$.events[0].type: "recesion": did you mean "recession"?'],
      ['misspelt set path', { ...baseline, events: [{ month: 1, type: 'set', path: 'params.kapaBase', value: 0.5 }] }, '$.events[0].path: unknown parameter "kapaBase": did you mean "kappaBase"?'],
      ['three-item range', experiment({ factors: [{ path: 'params.kappaBase', range: [0, 1, 2] }] }), '$.factors[0].range: must have exactly 2 items (has 3)'],
      ['range not a list', experiment({ factors: [{ path: 'params.kappaBase', range: 5 }] }), '$.factors[0].range: must be a list of 2 items'],
      ['odd Morris levels', experiment({ design: { kind: 'morris', trajectories: 2, levels: 3 } }), '$.design.levels: must be an even number'],
      ['overflowing range', experiment({ factors: [{ path: 'params.kappaBase', range: [-1e308, 1e308] }] }), '$.factors[0].range: the range [-1e+308, 1e+308] is too wide to compute with'],
      ['range beyond the parameter', experiment({ factors: [{ path: 'params.kappaBase', range: [0, 2] }] }), '$.factors[0]: params.kappaBase = 2 is not a valid scenario value: too large: must be <= 1'],
      ['misspelt output', experiment({ outputs: ['caseload.stok'] }), '$.outputs[0]: unknown summary metric "caseload.stok": did you mean "caseload.stock"?'],
      ['array length as a series (point 7)', experiment({ monthly: ['caseload.benefit.length'] }), '$.monthly[0]: unknown monthly.csv column "caseload.benefit.length"'],
    ];
    for (const [what, doc, message] of cases) {
      const r = cli('validate', write('m.json', doc));
      expect(r.code, `${what}: ${r.err}`).toBe(2);
      expect(r.err, what).toContain(`${at('m.json')}: ${message}`);
      expect(r.err, what).not.toMatch(RAW);
    }
    expect(cli('validate', write('ok.json', experiment({ monthly: ['caseload.benefit.tier1', 'meta.balance'] })))).toMatchObject({ code: 0 });
  });

  it('a JSON syntax error gives its line and column, and never echoes the file', () => {
    const r = cli('validate', write('syntax.json', '{\n  "id": "x",\n  "months": 12,\n  "title": }\n'));
    expect(r.lines).toEqual([`${at('syntax.json')}: $: not valid JSON: line 4, column 12: expected a value (a string, number, object, list, true, false or null)`]);
    const secret = write('secret.json', 'password=hunter2 and more text that is not JSON');
    expect(cli('validate', secret).err).not.toContain('hunter2');
    expect(cli('validate', write('nan.json', '{"months": NaN}')).err).toContain('line 1, column 12: unexpected character "N" (JSON has no NaN, Infinity or undefined)');
    expect(cli('validate', write('trailing.json', '{"a": 1,}')).err).toContain('line 1, column 9: expected a key in double quotes');
  });

  it('an experiment naming a system file as its scenario: no bytes of it in the message (point 7)', () => {
    const r = cli('validate', write('sys.json', experiment({ scenario: '/etc/passwd' })));
    expect(r.code).toBe(2);
    expect(r.err).toContain('$.scenario: /etc/passwd: not valid JSON: line 1, column 1');
    expect(r.err).not.toMatch(/root|:x:|bin\//);
    const bin = cli('validate', write('bin.json', experiment({ scenario: process.execPath })));
    expect(bin.err).toContain('not a JSON text file (it holds binary data)');
  });
});

describe('a cap on error output, in bounded memory (point 3)', () => {
  it('a 20 MB file of invalid events: one line per problem up to 50, in bounded memory, for validate, run and sweep', () => {
    const events = Array.from({ length: 760_000 }, (_, i) => ({ month: -1 - (i % 7), type: 'boom', extra: 1 }));
    const file = write('events.json', { ...baseline, events });
    expect(readFileSync(file).length).toBeGreaterThan(20e6);
    for (const args of [['validate', file], ['run', file, '--out', at('never')]]) {
      const r = cliWithRss(...args);
      expect(r.code, r.lines.slice(0, 3).join('\n')).toBe(2);
      expect(r.lines).toEqual([`${file}: $.events: too many items: must have at most 10,000 (has 760,000); the items were not checked`]);
      expect(r.rssMB, 'peak memory of the child, MB').toBeLessThan(600);
    }
    expect(existsSync(at('never'))).toBe(false);
  });

  it('a 20 MB list design of bad points: 50 problems and "and more", checking stopped early, bounded memory', () => {
    const points = Array.from({ length: 999_000 }, (_, i) => ({ b: i % 2 ? null : [i] }));
    const file = write('points.json', experiment({ design: { kind: 'list', points } }));
    expect(readFileSync(file).length).toBeGreaterThan(10e6);
    for (const command of ['validate', 'sweep']) {
      const r = cliWithRss(command, file, ...(command === 'sweep' ? ['--out', at('never2')] : []));
      expect(r.code).toBe(2);
      expect(r.lines).toHaveLength(51);
      expect(r.lines[0]).toBe(`${file}: $.design.points[0].b: must be a number, or a string`);
      expect(r.lines[50]).toMatch(/^.*: \.\.\. and at least 950 more problems: checking stopped there/);
      expect(r.rssMB).toBeLessThan(600);
    }
  });

  it('many problems of one kind: the first 50 and how many more, exactly', () => {
    const params = Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`bogus${i}`, i]));
    const r = cli('validate', write('keys.json', { ...baseline, params }));
    expect(r.code).toBe(2);
    expect(r.lines).toHaveLength(51);
    expect(r.lines[50]).toBe(`${at('keys.json')}: ... and 19,950 more problems (fix these first)`);
  });
});

describe('validating an experiment costs nothing whatever the design would cost (point 4; issue 10, defect 8)', () => {
  it('refuses what cannot be built or counted, with exit 2 and no stack trace', () => {
    const cases: [object, string][] = [
      [{ factors: [{ path: 'params.N0', range: [0, 2 ** 53], integer: true }], design: { kind: 'factorial' } }, '$.design: the factorial design has too many points'],
      [{ design: { kind: 'morris', trajectories: 1e8 } }, '$.design: a Morris design of 100,000,000 trajectories over 1 factor holds 200,000,000 coordinates in memory; at most 10,000,000'],
      [{ factors: [{ path: 'params.N0', range: [0, 2 ** 53], integer: true }] }, '$.factors[0]: params.N0 = 0 is not a valid scenario value: too small: must be >= 50'],
    ];
    for (const [patch, message] of cases) {
      const r = cliWithRss('validate', write('x.json', experiment(patch)));
      expect(r.code, r.lines.join('\n')).toBe(2);
      expect(r.lines.join('\n')).toContain(message);
      expect(r.lines.join('\n')).not.toMatch(RAW);
      expect(r.rssMB).toBeLessThan(300);
    }
  });

  it('an experiment that is valid but out of scale: exit 0, a warning naming --force, and no design built', () => {
    const cases: [object, RegExp][] = [
      [{ factors: [{ path: 'params.N0', range: [50, 200_000_000], integer: true }], design: { kind: 'factorial' } }, /\$\.design: 199,999,951 design points x 1 replicate = 199,999,951 runs: more than the 1,000,000 runs a sweep does without --force/],
      [{ factors: [{ path: 'params.betaSvc', range: [0, 1] }], design: { kind: 'morris', trajectories: 4, candidates: 5000 } }, /\$\.design\.candidates: choosing 4 of 5,000 Morris candidates .* without --force/],
      [{ design: { kind: 'montecarlo', samples: 1e9 }, replicates: 1000 }, /1,000,000,000,000 runs/],
    ];
    for (const [patch, warning] of cases) {
      const r = cliWithRss('validate', write('big.json', experiment(patch)));
      expect(r.code, r.lines.join('\n')).toBe(0);
      expect(r.lines.join('\n')).toMatch(warning);
      expect(r.rssMB).toBeLessThan(300);
    }
  });

  it('a levels list of 100,000 values is checked against the setting in one pass, not run by run', () => {
    const levels = Array.from({ length: 100_000 }, (_, i) => 0.2 + i / 100_000);
    expect(cli('validate', write('levels.json', experiment({ factors: [{ path: 'params.betaSvc', levels }], design: { kind: 'factorial' } }))).code).toBe(0);
    levels[77_777] = 7;
    const r = cli('validate', write('levels.json', experiment({ factors: [{ path: 'params.betaSvc', levels }], design: { kind: 'factorial' } })));
    expect(r.lines).toEqual([`${at('levels.json')}: $.factors[0].levels[77777]: params.betaSvc = 7 is not a valid scenario value: too large: must be <= 4`]);
  });

  it('sweep and design refuse an out-of-scale design before anything is written, and --force lifts the limit', async () => {
    const huge = write('huge.json', experiment({ design: { kind: 'montecarlo', samples: 1_000_001 }, months: 1 }));
    const r = cli('sweep', huge, '--out', at('huge-out'), '--workers', '1', '--quiet');
    expect(r.code).toBe(2);
    expect(r.err).toContain('$.design: 1,000,001 design points x 1 replicate = 1,000,001 runs: more than the 1,000,000 runs a sweep does without --force');
    expect(existsSync(at('huge-out'))).toBe(false);
    const morris = write('morris.json', experiment({ design: { kind: 'morris', trajectories: 4, candidates: 5000 } }));
    const d = cli('design', morris);
    expect(d.code).toBe(2);
    expect(d.err).toContain('--force');
    // with --force the sweep starts: its first rows are committed
    const forced = spawn(process.execPath, [BIN, 'sweep', huge, '--out', at('forced'), '--workers', '1', '--quiet', '--force'], { stdio: 'ignore' });
    let rows = 0;
    for (let i = 0; i < 600 && rows < 2; i++) {
      await new Promise((ok) => setTimeout(ok, 100));
      rows = existsSync(at('forced/runs.csv')) ? readFileSync(at('forced/runs.csv'), 'utf8').split('\n').length - 2 : 0;
    }
    forced.kill('SIGKILL');
    expect(rows).toBeGreaterThanOrEqual(2);
  });
});

describe('the scale check', () => {
  it('counts the runs of this process: a shard of a large sweep may be within the limit', () => {
    const e = { name: 'x', scenario: null, factors: [{ name: 'a', path: 'params.betaSvc', distribution: { kind: 'uniform', min: 0, max: 1 } }], design: { kind: 'montecarlo', samples: MAX_RUNS + 1 }, replicates: 1, seed: 1, seeds: 'common', months: null, outputs: null, monthly: [] } as ResolvedExperiment;
    expect(scaleProblems(e)).toHaveLength(1);
    expect(scaleProblems(e, { index: 0, count: 2 })).toEqual([]);
    expect(scaleProblems({ ...e, replicates: 3 }, { index: 0, count: 2 })[0].message).toContain('3,000,003 runs, 1,500,002 of them in this shard');
  });
});

describe('one strictness for "__proto__" (point 5)', () => {
  it('is refused in a scenario, an experiment\'s inline scenario, a profile mixture and a list point alike', () => {
    const proto = (json: string) => json.replace(/^\{/, '{"__proto__": {"polluted": 1},');
    const inline = JSON.stringify(experiment({ scenario: JSON.parse(proto(JSON.stringify(baseline))) })).replace('"scenario":{', '"scenario":{"__proto__":{"x":1},');
    const cases: [string, string][] = [
      [proto(JSON.stringify(baseline)), '$.__proto__: unknown key "__proto__"'],
      [inline, '$.scenario.__proto__: unknown key "__proto__"'],
      [JSON.stringify({ ...baseline, managers: { W: { profile: { workFirst: 1 } } } }).replace('{"workFirst":1}', '{"workFirst":1,"__proto__":{"x":1}}'), '$.managers.W.profile.__proto__: unknown key "__proto__"'],
      [JSON.stringify(experiment({ design: { kind: 'list', points: [{ b: 0.5 }] } })).replace('{"b":0.5}', '{"b":0.5,"__proto__":1}'), '$.design.points[0].__proto__: unknown key "__proto__"'],
    ];
    for (const [text, message] of cases) {
      const r = cli('validate', write('proto.json', text));
      expect(r.code, `${message}: ${r.err}`).toBe(2);
      expect(r.err).toContain(`${at('proto.json')}: ${message}`);
    }
  });
});

describe('one seed limit, 0 to 2^31 - 1 (point 7; issue 10, defect 6)', () => {
  it('run --seed, an experiment\'s seed and analyze --seed stop at 2147483647', () => {
    expect(cli('run', 'scenarios/baseline.json', '--seed', '2147483648', '--months', '1', '--out', at('s1')).err).toContain('--seed must be between 0 and 2147483647');
    expect(cli('run', 'scenarios/baseline.json', '--seed', '2147483647', '--months', '1', '--out', at('s2')).code).toBe(0);
    expect(JSON.parse(readFileSync(at('s2/summary.json'), 'utf8')).meta.seed).toBe(2147483647);
    expect(cli('validate', write('seed.json', experiment({ seed: 2 ** 31 }))).err).toContain('$.seed: too large: must be <= 2147483647');
    expect(cli('validate', write('seed.json', experiment({ seed: 2 ** 31 - 1 }))).code).toBe(0);
  });

  it('every run seed a sweep derives is below 2^31', () => {
    const file = write('seeds.json', experiment({ design: { kind: 'montecarlo', samples: 40 }, seed: 2 ** 31 - 1, months: 1, seeds: 'independent', outputs: ['caseload.stock'] }));
    const r = cli('sweep', file, '--out', at('seeds-out'), '--workers', '1', '--quiet');
    expect(r.code, r.err).toBe(0);
    const seeds = readFileSync(at('seeds-out/runs.csv'), 'utf8').trimEnd().split('\n').slice(1).map((l) => Number(l.split(',')[3]));
    expect(seeds).toHaveLength(40);
    for (const s of seeds) expect(Number.isInteger(s) && s >= 0 && s < 2 ** 31).toBe(true);
  });
});

describe('special files (point 7)', () => {
  it('validate on a named pipe nobody writes to ends with exit 2 instead of blocking', () => {
    const fifo = at('pipe.json');
    const made = spawnSync('mkfifo', [fifo]);
    expect(made.status, 'mkfifo').toBe(0);
    const r = cli('validate', fifo);
    expect(r.timedOut).toBe(false);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${fifo}: $: cannot read: a named pipe that nobody wrote to`);
  });
});

describe('temporary files (point 6)', () => {
  const big = () => write('traced.json', { ...baseline, params: { N0: 10_000 } });
  const temps = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.tmp')) : []);

  it('SIGTERM while a traced run writes its files: no temporary file left, the new folder removed, exit 143', async () => {
    const file = big();
    let caught = false;
    for (let attempt = 0; attempt < 5 && !caught; attempt++) {
      const out = at(`sig-${attempt}/new`);
      const child = spawn(process.execPath, [BIN, 'run', file, '--months', '60', '--trace', '--out', out], { stdio: 'ignore' });
      const ended = new Promise<number | null>((ok) => child.on('close', (code) => ok(code)));
      let done = false;
      void ended.then(() => (done = true));
      while (!done && temps(out).length === 0) await new Promise((ok) => setTimeout(ok, 5));
      if (done) continue; // the writes were too quick to catch: try again
      child.kill('SIGTERM');
      expect(await ended).toBe(143);
      expect(temps(out)).toEqual([]);
      expect(existsSync(out), 'the folder the run made').toBe(false);
      caught = true;
    }
    expect(caught, 'a SIGTERM landed while the files were being written').toBe(true);
  });

  it('SIGINT during the simulation stops it at once with exit 130, nothing written', async () => {
    const out = at('int/new');
    // an event after the run's end: the run warns just before it starts simulating, which tells when to interrupt
    const file = write('long.json', { ...baseline, params: { N0: 30_000 }, events: [{ month: 600, type: 'merger' }] });
    const child = spawn(process.execPath, [BIN, 'run', file, '--months', '590', '--out', out], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr!.on('data', (d) => (err += String(d)));
    for (let i = 0; i < 1200 && !err.includes('never happens'); i++) await new Promise((ok) => setTimeout(ok, 50));
    await new Promise((ok) => setTimeout(ok, 200));
    child.kill('SIGINT');
    const code = await new Promise<number | null>((ok) => child.on('close', (c) => ok(c)));
    expect(code).toBe(130);
    expect(err).toContain('stopped by SIGINT');
    expect(existsSync(at('int'))).toBe(false);
  });

  it('the next run removes temporary files of processes that are gone, and keeps those of a live one', () => {
    const out = at('stale');
    mkdirSync(out, { recursive: true });
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    writeFileSync(join(out, `.summary.json.${gone}.tmp`), 'half');
    writeFileSync(join(out, `.monthly.csv.${gone}.tmp`), 'half');
    writeFileSync(join(out, `.monthly.csv.${process.pid}.tmp`), 'a live writer');
    writeFileSync(join(out, `.notes.txt.${gone}.tmp`), 'not ours');
    expect(cli('run', 'scenarios/baseline.json', '--months', '2', '--out', out).code).toBe(0);
    expect(readdirSync(out).sort()).toEqual([`.monthly.csv.${process.pid}.tmp`, `.notes.txt.${gone}.tmp`, 'monthly.csv', 'summary.json']);
  });
});
