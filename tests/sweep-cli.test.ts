// The sweep commands with the real model in worker threads, as separate processes: killed with
// SIGKILL at any moment and resumed, stopped with SIGINT, sharded and merged, with 1 or 2 workers;
// every path must end byte-identical to one uninterrupted sweep.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { designCommand, mergeCommand, sweepCommand } from '../src/sweep/command';

const repo = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'mw-sweep-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const experiment = {
  name: 'cli-test',
  scenario: join(repo, 'scenarios', 'baseline.json'),
  factors: [
    { path: 'params.inflowRateYear', range: [0.15, 0.3] },
    { path: 'managers.W.stance.value', name: 'stanceW', levels: [0, 0.5, 1] },
  ],
  design: { kind: 'lhs', samples: 8 },
  replicates: 2,
  seed: 11,
  months: 12,
  outputs: ['dimensions.programmatic.score', 'caseload.stock'],
  monthly: ['stock', 'composite'],
};
const expFile = join(work, 'experiment.json');
/** a longer sweep (120 runs), so that a kill or an interrupt lands while runs are still going */
const longFile = join(work, 'long.json');
let longReference = '';

/** The sweep commands in a child process, from the TypeScript sources (tsx). */
function cli(args: string[]): ChildProcess {
  const code = `import { sweepCommand, mergeCommand } from ${JSON.stringify(join(repo, 'src/sweep/command.ts'))};
const [cmd, ...rest] = process.argv.slice(1);
process.exitCode = await (cmd === 'merge' ? mergeCommand : sweepCommand)(rest);`;
  return spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code, '--', ...args], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
}

function finish(p: ChildProcess): Promise<{ code: number | null; signal: string | null; err: string }> {
  let err = '';
  p.stderr!.on('data', (d) => (err += String(d)));
  return new Promise((resolve) => p.on('close', (code, signal) => resolve({ code, signal, err })));
}

const read = (dir: string, f: string) => readFileSync(join(dir, f), 'utf8');
const rows = (dir: string) => (existsSync(join(dir, 'runs.csv')) ? read(dir, 'runs.csv').split('\n').length - 2 : -1);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let reference = '';
beforeAll(async () => {
  writeFileSync(expFile, JSON.stringify(experiment));
  reference = join(work, 'reference');
  const r = await finish(cli(['sweep', expFile, '--out', reference, '--workers', '2', '--quiet']));
  expect(r.code, r.err).toBe(0);
  writeFileSync(longFile, JSON.stringify({ ...experiment, design: { kind: 'lhs', samples: 40 }, replicates: 3, months: 24 }));
  longReference = join(work, 'long-reference');
  const l = await finish(cli(['sweep', longFile, '--out', longReference, '--workers', '2', '--quiet']));
  expect(l.code, l.err).toBe(0);
}, 180_000);

describe('meerwaarde sweep with the real model', () => {
  it('writes every run, with the monthly series and a complete manifest', () => {
    expect(rows(reference)).toBe(16);
    const m = JSON.parse(read(reference, 'manifest.json'));
    expect(m).toMatchObject({ status: 'complete', counts: { runs: 16, done: 16, failed: 0 }, modelVersion: expect.any(String) });
    expect(m.timing.clientMonthsPerSecond).toBeGreaterThan(0);
    // 12 months of series per run
    expect(read(reference, 'monthly.csv').trimEnd().split('\n')).toHaveLength(1 + 16 * 12);
  });

  it('killed with SIGKILL at any moment and resumed, ends byte-identical', async () => {
    const file = longFile;
    const whole = longReference;
    // kill during start-up, right after the first committed batch, and later
    const kills: [number, number][] = [[0, 300], [1, 1], [2, 40]];
    for (const [i, when] of kills) {
      const dir = join(work, `killed-${i}`);
      const p = cli(['sweep', file, '--out', dir, '--workers', '2', '--quiet']);
      const done = finish(p);
      if (i === 0) await sleep(when);
      else for (let t = 0; t < 1200 && rows(dir) < when; t++) await sleep(25);
      p.kill('SIGKILL');
      const killed = await done;
      expect(killed.signal).toBe('SIGKILL');
      const resumed = await finish(cli(['sweep', file, '--out', dir, '--workers', '1', '--resume', '--quiet']));
      expect(resumed.code, resumed.err).toBe(0);
      expect(read(dir, 'runs.csv')).toBe(read(whole, 'runs.csv'));
      expect(read(dir, 'monthly.csv')).toBe(read(whole, 'monthly.csv'));
    }
  }, 240_000);

  it('stopped with SIGINT, finishes the runs in flight, exits non-zero, and resumes', async () => {
    const dir = join(work, 'interrupted');
    const p = cli(['sweep', longFile, '--out', dir, '--workers', '2']);
    const done = finish(p);
    for (let t = 0; t < 1200 && rows(dir) < 1; t++) await sleep(25);
    p.kill('SIGINT');
    const stopped = await done;
    expect(stopped.code).toBe(1);
    expect(stopped.err).toMatch(/SIGINT: finishing the runs in flight/);
    expect(stopped.err).toMatch(/stopped at \d+\/120 runs; continue with --resume/);
    expect(JSON.parse(read(dir, 'manifest.json')).status).toBe('interrupted');
    const resumed = await finish(cli(['sweep', longFile, '--out', dir, '--resume']));
    expect(resumed.code, resumed.err).toBe(0);
    expect(resumed.err).toMatch(/resuming at \d+\/120 runs/);
    expect(read(dir, 'runs.csv')).toBe(read(longReference, 'runs.csv'));
  }, 120_000);

  it('shards (from SLURM_ARRAY_TASK_ID too) merge byte-identical to the one-machine sweep', async () => {
    const shards = [0, 1, 2].map((i) => join(work, `shard-${i}`));
    const results = await Promise.all(
      shards.map((dir, i) => {
        const p = spawnWithEnv(['sweep', expFile, '--out', dir, '--shard', '3', '--workers', '1', '--quiet'], { SLURM_ARRAY_TASK_ID: String(i) });
        return finish(p);
      }),
    );
    results.forEach((r) => expect(r.code, r.err).toBe(0));
    const merged = join(work, 'merged');
    const m = await finish(cli(['merge', ...shards, '--out', merged]));
    expect(m.code, m.err).toBe(0);
    expect(read(merged, 'runs.csv')).toBe(read(reference, 'runs.csv'));
    expect(read(merged, 'monthly.csv')).toBe(read(reference, 'monthly.csv'));
  }, 120_000);
});

function spawnWithEnv(args: string[], env: Record<string, string>): ChildProcess {
  const code = `import { sweepCommand } from ${JSON.stringify(join(repo, 'src/sweep/command.ts'))};
process.exitCode = await sweepCommand(process.argv.slice(2));`;
  return spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code, '--', ...args], {
    cwd: repo,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
}

describe('bad input: exit code 2 and a line naming what is wrong', () => {
  async function run(command: (argv: string[]) => Promise<number>, argv: string[]) {
    let err = '';
    let out = '';
    const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
    const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
    try {
      return { code: await command(argv), err, out };
    } finally {
      e.mockRestore();
      o.mockRestore();
    }
  }
  const write = (name: string, json: unknown) => {
    mkdirSync(join(work, 'bad'), { recursive: true });
    const f = join(work, 'bad', name);
    writeFileSync(f, JSON.stringify(json));
    return f;
  };

  it('a missing --out, an unknown option, a bad shard', async () => {
    expect(await run(sweepCommand, [expFile])).toMatchObject({ code: 2, err: expect.stringMatching(/^meerwaarde sweep: --out DIR is required\n/) });
    expect((await run(sweepCommand, [expFile, '--out', 'x', '--fast'])).err).toMatch(/^meerwaarde sweep: Unknown option '--fast'/);
    expect((await run(sweepCommand, [expFile, '--out', 'x', '--shard', '5/4'])).err).toMatch(/shard index 5 is outside 0..3/);
    expect((await run(sweepCommand, [expFile, '--out', 'x', '--workers', '0'])).err).toMatch(/--workers must be a whole number between 1 and 1024/);
  });

  it('a factor path the scenario does not have, an unknown output, a series that is not in the snapshot', async () => {
    const f = write('bad.json', {
      ...experiment,
      factors: [{ path: 'params.noSuchThing', range: [0, 1] }, { path: 'params.inflowRateYear', range: [0.01, 0.3] }],
      outputs: ['dimensions.programmatic.score', 'happiness'],
    });
    const r = await run(sweepCommand, [f, '--out', join(work, 'bad-out')]);
    expect(r.code).toBe(2);
    const lines = r.err.trimEnd().split('\n');
    expect(lines[0]).toMatch(/bad\.json: \$\.factors\[0\]: params\.noSuchThing = 0 is not a valid scenario value/);
    expect(lines[1]).toMatch(/bad\.json: \$\.factors\[1\]: params\.inflowRateYear = 0\.01 is not a valid scenario value: too small/);
    expect(existsSync(join(work, 'bad-out'))).toBe(false);
    const g = write('bad2.json', { ...experiment, outputs: ['happiness'], monthly: ['joy'] });
    const r2 = await run(sweepCommand, [g, '--out', join(work, 'bad-out')]);
    expect(r2.err).toMatch(/\$\.outputs\[0\]: unknown summary metric "happiness" \(available: /);
    expect(r2.err).toMatch(/\$\.monthly\[0\]: "joy" is not a number in the monthly snapshot/);
  });

  it('merge of nothing, design of a missing file', async () => {
    expect((await run(mergeCommand, ['--out', 'x'])).err).toMatch(/name the shard directories/);
    const r = await run(designCommand, [join(work, 'nope.json')]);
    expect(r).toMatchObject({ code: 2, err: expect.stringMatching(/nope\.json: \$: cannot read: no such file/) });
  });
});

describe('meerwaarde design', () => {
  it('prints the design matrix as CSV, without needing the scenario', async () => {
    const f = join(work, 'design.json');
    writeFileSync(f, JSON.stringify({ factors: experiment.factors, design: { kind: 'saltelli', baseSamples: 4 }, seed: 3 }));
    let out = '';
    const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
    try {
      expect(await designCommand([f, '--unit'])).toBe(0);
    } finally {
      o.mockRestore();
    }
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toBe('point,params.inflowRateYear,stanceW,u.params.inflowRateYear,u.stanceW');
    expect(lines).toHaveLength(1 + 4 * (2 + 2));
  });
});
