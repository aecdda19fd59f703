// The command line as a user meets it: the built bin (npm test builds it first), real files, exit codes.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
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
    expect(csv[0].split(',').slice(0, 4)).toEqual(['model_version', 'scenario_hash', 'seed', 'month']);
    expect(csv[1].split(',').slice(1, 3)).toEqual([summary.meta.scenarioHash, '7']);
    expect(csv[0].split(',')).toEqual(expect.arrayContaining(['month', 'stock', 'managers_W_corners_value', 'loop_gain', 'z_workOutflow', 'twin_stock']));
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
    expect(lines[0]).toBe('model_version,scenario_hash,seed,month,client,from,to,reason');
    const reasons = new Set(lines.slice(1).map((l) => l.split(',')[7]));
    for (const r of ['inflow', 'service', 'job', 'otherExit']) expect(reasons).toContain(r);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    const jobs = lines.filter((l) => /,(job|subsidisedJob)$/.test(l)).length;
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
