// The command line as a user meets it: the built bin (npm test builds it first), real files, exit codes.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = join(process.cwd(), 'bin', 'meerwaarde.mjs');
const tmp = () => mkdtempSync(join(tmpdir(), 'mw-cli-'));

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('meerwaarde run', () => {
  it('writes monthly.csv and summary.json that carry seed, scenario hash and model version; same input, same bytes', () => {
    const a = tmp();
    const b = tmp();
    expect(cli('run', 'scenarios/baseline.json', '--seed', '7', '--months', '36', '--out', a).code).toBe(0);
    expect(cli('run', 'scenarios/baseline.json', '--seed', '7', '--months', '36', '--out', b).code).toBe(0);
    const sa = readFileSync(join(a, 'summary.json'), 'utf8');
    expect(sa).toBe(readFileSync(join(b, 'summary.json'), 'utf8'));
    expect(readFileSync(join(a, 'monthly.csv'), 'utf8')).toBe(readFileSync(join(b, 'monthly.csv'), 'utf8'));
    const summary = JSON.parse(sa);
    expect(summary.meta).toMatchObject({ seed: 7, months: 36, scenarioId: 'baseline', modelVersion: expect.any(String) });
    expect(summary.meta.scenarioHash).toMatch(/^[0-9a-f]{64}$/);
    for (const d of ['programmatic', 'process', 'political', 'endurance']) expect(['success', 'resilient', 'conflicted', 'precarious', 'failure']).toContain(summary.dimensions[d].label);
    const csv = readFileSync(join(a, 'monthly.csv'), 'utf8').trimEnd().split('\n');
    expect(csv).toHaveLength(37);
    expect(csv[0].split(',').slice(0, 4)).toEqual(['modelVersion', 'scenarioHash', 'seed', 'month']);
    expect(csv[1].split(',').slice(1, 3)).toEqual([summary.meta.scenarioHash, '7']);
    expect(csv[0].split(',')).toEqual(expect.arrayContaining(['month', 'stock', 'managers.W.corners.value', 'loop.gain', 'z.workOutflow', 'twin.stock', 'caseload.benefit.tier3', 'loop.flows.1']));
    expect(readdirSync(a).sort()).toEqual(['monthly.csv', 'summary.json']);
  });

  it('a different seed gives a different run', () => {
    const a = tmp();
    const b = tmp();
    cli('run', 'scenarios/baseline.json', '--seed', '1', '--months', '24', '--out', a);
    cli('run', 'scenarios/baseline.json', '--seed', '2', '--months', '24', '--out', b);
    expect(readFileSync(join(a, 'monthly.csv'), 'utf8')).not.toBe(readFileSync(join(b, 'monthly.csv'), 'utf8'));
  });

  it('--trace writes every client transition', () => {
    const out = tmp();
    expect(cli('run', 'scenarios/baseline.json', '--months', '12', '--out', out, '--trace').code).toBe(0);
    const lines = readFileSync(join(out, 'clients.csv'), 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('modelVersion,scenarioHash,seed,month,client,from,to,reason,tier');
    const reasons = new Set(lines.slice(1).map((l) => l.split(',')[7]));
    for (const r of ['inflow', 'service', 'job', 'otherExit']) expect(reasons).toContain(r);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    const jobs = lines.filter((l) => ['job', 'subsidisedJob'].includes(l.split(',')[7])).length;
    expect(jobs).toBe(summary.publicValueAccount.achievements.missionAchievement.jobStarts);
  });

  it('rejects a bad scenario with exit 2, one line per problem with its JSON path, no stack trace, nothing written', () => {
    const dir = tmp();
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ id: 'bad', title: { nl: 'a', en: 'b' }, description: { nl: 'a', en: 'b' }, notice: { nl: 'a', en: 'b' }, params: { kappaBase: 3, bogus: 1 } }));
    const out = join(dir, 'out');
    const r = cli('run', file, '--out', out);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${file}: $.params.kappaBase: too large: must be <= 1`);
    expect(r.err).toContain(`${file}: $.params.bogus: unknown key "bogus"`);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });

  it('reports unreadable files, invalid JSON and bad options with exit 2', () => {
    const dir = tmp();
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{ "id": ');
    expect(cli('run', join(dir, 'missing.json')).err).toContain('cannot read: no such file');
    const r = cli('run', broken);
    expect(r.code).toBe(2);
    expect(r.err).toContain('not valid JSON');
    for (const args of [['run', 'scenarios/baseline.json', '--seed', '-3'], ['run', 'scenarios/baseline.json', '--months', '0'], ['run', 'scenarios/baseline.json', '--frobnicate'], ['run'], ['launch']]) {
      const x = cli(...args);
      expect(x.code, args.join(' ')).toBe(2);
      expect(x.err, args.join(' ')).not.toMatch(/\n\s+at /);
    }
  });
});

describe('meerwaarde validate and help', () => {
  it('validates every shipped scenario', () => {
    for (const f of readdirSync('scenarios')) {
      const r = cli('validate', join('scenarios', f));
      expect(r.code, `${f}: ${r.err}`).toBe(0);
    }
  });

  it('exits 2 with one line per error', () => {
    const dir = tmp();
    const file = join(dir, 's.json');
    writeFileSync(file, JSON.stringify({ id: 'Bad Id', title: { nl: 'a' }, description: { nl: 'a', en: 'b' }, notice: { nl: 'a', en: 'b' }, months: 9999 }));
    const r = cli('validate', file);
    expect(r.code).toBe(2);
    const lines = r.err.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines.every((l) => l.startsWith(`${file}: $.`))).toBe(true);
  });

  it('has --help for every command', () => {
    for (const c of ['run', 'validate', 'schema']) {
      const r = cli(c, '--help');
      expect(r.code).toBe(0);
      expect(r.out).toContain(`meerwaarde ${c}`);
    }
    expect(cli('--help').out).toContain('Commands:');
  });
});

// Regressions from an adversarial review of the command line: every user mistake ends with exit 2, a line
// naming the file or option and the JSON path, no stack trace, no hang, and nothing changed on disk.
describe('bad input changes nothing and never crashes or hangs', () => {
  const baseline = JSON.parse(readFileSync('scenarios/baseline.json', 'utf8'));
  const cliT = (...args: string[]) => {
    const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000 });
    return { code: r.status, out: r.stdout, err: r.stderr, timedOut: r.error !== undefined };
  };
  const noTrace = (r: { err: string }) => expect(r.err).not.toMatch(/\n\s+at |internal error/);

  it('run --out naming a file, a path under a file, an empty name or a place that cannot hold folders: exit 2, the file untouched', () => {
    const dir = tmp();
    const file = join(dir, 'a-file');
    writeFileSync(file, 'keep');
    for (const out of [file, join(file, 'sub'), '', '/proc/meerwaarde-x', '/proc/self/x/y']) {
      const r = cliT('run', 'scenarios/baseline.json', '--months', '1', '--out', out);
      expect(r.timedOut, out).toBe(false);
      expect(r.code, `${out}: ${r.err}`).toBe(2);
      noTrace(r);
    }
    expect(cliT('run', 'scenarios/baseline.json', '--months', '1', '--out', file).err).toContain(`${file}: $: is a file, not a folder`);
    expect(cliT('run', 'scenarios/baseline.json', '--months', '1', '--out', '').err).toContain('--out must name a folder');
    expect(readFileSync(file, 'utf8')).toBe('keep');
  });

  it('run into a folder where summary.json is a folder: exit 2 before running, the old monthly.csv kept, no temporary files', () => {
    const out = tmp();
    writeFileSync(join(out, 'monthly.csv'), 'old');
    mkdirSync(join(out, 'summary.json'));
    const r = cliT('run', 'scenarios/baseline.json', '--months', '2', '--out', out);
    expect(r.code).toBe(2);
    noTrace(r);
    expect(r.err).toContain(`${join(out, 'summary.json')}: $: is a folder`);
    expect(readFileSync(join(out, 'monthly.csv'), 'utf8')).toBe('old');
    expect(readdirSync(out).sort()).toEqual(['monthly.csv', 'summary.json']);
  });

  it('reads a file with a byte-order mark; refuses an endless one', () => {
    const dir = tmp();
    const bom = join(dir, 'bom.json');
    writeFileSync(bom, '\ufeff' + JSON.stringify(baseline));
    expect(cliT('validate', bom).code).toBe(0);
    if (existsSync('/dev/zero')) {
      const r = cliT('validate', '/dev/zero');
      expect(r.code).toBe(2);
      expect(r.err).toContain('/dev/zero: $: cannot read: larger than');
    }
  });

  it('plain messages: "an array", enum values listed with commas, one bound, a profile typo names the profiles, an overflowing number', () => {
    const dir = tmp();
    const file = join(dir, 's.json');
    writeFileSync(file, JSON.stringify({ ...baseline, events: {} }));
    expect(cliT('validate', file).err).toContain('$.events: must be an array');
    writeFileSync(file, JSON.stringify({ ...baseline, params: { N0: 1e308 } }));
    expect(cliT('validate', file).err.trimEnd().split('\n')).toEqual([`${file}: $.params.N0: too large: must be <= 200000`]);
    writeFileSync(file, JSON.stringify({ ...baseline, managers: { W: { profile: 'workfirst' } }, audiences: { council: { profile: { workFirst: 2 } } } }));
    const r = cliT('validate', file);
    expect(r.err).toContain('$.managers.W.profile: "workfirst": did you mean "workFirst"? (must be one of "workFirst", "inclusive"');
    expect(r.err).toContain('$.audiences.council.profile.workFirst: too large: must be <= 1');
    writeFileSync(file, JSON.stringify(baseline).replace(/}$/, ', "months": 1e400}').replace('"months":96,', ''));
    expect(cliT('validate', file).err).toContain('$.months: must be a finite number');
    const e = join(dir, 'e.json');
    writeFileSync(e, JSON.stringify({ factors: [{ path: 'params.betaSvc', range: [0, 1] }], design: { kind: 'lhs', samples: 2 }, seed: 1, seeds: 'same' }));
    expect(cliT('validate', e).err).toContain('$.seeds: must be one of "common", "independent"');
  });

  it('validate checks an experiment as far as sweep does before it starts', () => {
    const dir = tmp();
    const scenario = join(process.cwd(), 'scenarios', 'baseline.json');
    const base = { scenario, factors: [{ path: 'params.betaSvc', name: 'b', range: [0.2, 1.2] }], design: { kind: 'lhs', samples: 4 }, seed: 1, months: 2 };
    const cases: [string, object, string][] = [
      ['factor path', { factors: [{ path: 'params.noSuch', range: [0, 1] }] }, '$.factors[0]: params.noSuch = 0 is not a valid scenario value'],
      ['whole-number parameter without "integer"', { factors: [{ path: 'params.trajMonths', range: [3, 13] }] }, '$.factors[0]: params.trajMonths = 6.0901699437494745 is not a valid scenario value: must be a whole number'],
      ['output', { outputs: ['happiness'] }, '$.outputs[0]: unknown summary metric "happiness"'],
      ['missing scenario file', { scenario: 'nope.json' }, `$.scenario: ${join(dir, 'nope.json')}: cannot read: no such file`],
      ['inline scenario', { scenario: { id: 'x' } }, '$.scenario.title: must be an object (missing)'],
      ['list point naming no factor', { design: { kind: 'list', points: [{ b: 0.5 }, { c: 1 }] } }, '$.design: design point 1 gives no value'],
      ['list point value', { design: { kind: 'list', points: [{ b: 5 }] } }, '$.design.points[0].b: params.betaSvc = 5 is not a valid scenario value: too large'],
      ['too many runs', { design: { kind: 'montecarlo', samples: 1e15 }, replicates: 1e6 }, '$.replicates: 1000000000000000 design points x 1000000 replicates is more runs than can be counted'],
    ];
    for (const [what, patch, message] of cases) {
      const file = join(dir, 'e.json');
      writeFileSync(file, JSON.stringify({ ...base, ...patch }));
      const r = cliT('validate', file);
      expect(r.code, `${what}: ${r.err}`).toBe(2);
      expect(r.err, what).toContain(`${file}: ${message}`);
      noTrace(r);
    }
    const ok = join(dir, 'ok.json');
    writeFileSync(ok, JSON.stringify(base));
    expect(cliT('validate', ok)).toMatchObject({ code: 0, out: `ok: ${ok} is a valid experiment\n` });
  });

  it('schema with a second name is a usage error', () => {
    const r = cliT('schema', 'scenario', 'extra');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
  });

  it('run warns about events after the run\'s last month', () => {
    const dir = tmp();
    const file = join(dir, 'late.json');
    writeFileSync(file, JSON.stringify({ ...baseline, months: 10, events: [{ month: 500, type: 'merger' }] }));
    const r = cliT('run', file, '--out', join(dir, 'out'));
    expect(r.code).toBe(0);
    expect(r.err).toContain(`warning: ${file}: $.events[0].month: the merger event at month 500 never happens in a 10-month run`);
  });
});
