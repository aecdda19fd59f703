// The sweep commands with the real model in worker threads, as separate processes: killed with
// SIGKILL at any moment and resumed, stopped with SIGINT, sharded and merged, with 1 or 2 workers;
// every path must end byte-identical to one uninterrupted sweep.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
    // the merged manifest has the one-machine sweep's checksums, and every shard's session
    const mm = JSON.parse(read(merged, 'manifest.json'));
    expect(mm.files.sha256).toEqual(JSON.parse(read(reference, 'manifest.json')).files.sha256);
    expect(mm.sessions.map((x: { shard: string }) => x.shard)).toEqual(['0/3', '1/3', '2/3']);
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
    expect(r2.err).toMatch(/\$\.monthly\[0\]: unknown monthly\.csv column "joy" \(available: managers\.W\.corners\.value, /);
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

// Regressions from an adversarial review, through the built bin: every mistake ends with exit 2 and a
// plain line, never a stack trace or a hang, and leaves no folder, no half-written file, and any
// sweep already there as it was.
describe('the built command line: bad input changes nothing', () => {
  const BIN = join(repo, 'bin', 'meerwaarde.mjs');
  const bin = (args: string[], env: Record<string, string> = {}) => {
    const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, ...env } });
    expect(r.error, `${args.join(' ')} timed out`).toBeUndefined();
    expect(r.stderr, args.join(' ')).not.toMatch(/\n\s+at |internal error/);
    return { code: r.status, out: r.stdout, err: r.stderr };
  };
  const small = { ...experiment, name: 'small', design: { kind: 'lhs', samples: 4 }, replicates: 1, months: 2, monthly: [] };
  let dir = '';
  let smallFile = '';
  let done = '';
  const at = (name: string) => join(dir, name);
  const snapshot = (d: string) => Object.fromEntries(readdirSync(d).sort().map((f) => [f, readFileSync(join(d, f), 'utf8')]));
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'mw-sweep-bad-'));
    smallFile = at('small.json');
    writeFileSync(smallFile, JSON.stringify(small));
    done = at('done');
    expect(bin(['sweep', smallFile, '--out', done, '--workers', '1', '--quiet']).code).toBe(0);
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('sweep --out naming a file, a path under a file, an empty name or a place that holds no folders', () => {
    const file = at('a-file');
    writeFileSync(file, 'keep');
    for (const out of [file, join(file, 'x'), '', '/proc/meerwaarde-sweep']) {
      const r = bin(['sweep', smallFile, '--out', out, '--workers', '1', '--quiet']);
      expect(r.code, `${out}: ${r.err}`).toBe(2);
    }
    expect(bin(['sweep', smallFile, '--out', file, '--workers', '1']).err).toContain(`${file} is a file, not a folder`);
    expect(readFileSync(file, 'utf8')).toBe('keep');
  });

  it('--resume on a folder whose runs.csv is not this sweep\'s, or whose manifest is damaged, changes nothing', () => {
    const foreign = at('foreign');
    cpSync(done, foreign, { recursive: true });
    const runs = readFileSync(join(foreign, 'runs.csv'), 'utf8').split('\n');
    writeFileSync(join(foreign, 'runs.csv'), [runs[0], runs[1].replace(/^0,/, '3,'), ...runs.slice(2)].join('\n') + '2,partial');
    const before = snapshot(foreign);
    const r = bin(['sweep', smallFile, '--out', foreign, '--workers', '1', '--quiet', '--resume']);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${join(foreign, 'runs.csv')} is not a prefix of this sweep's runs`);
    expect(snapshot(foreign)).toEqual(before);
    for (const [manifest, message] of [['null', 'not a JSON object'], ['{"format":"meerwaarde-sweep/1"}', 'is damaged: modelVersion is missing or wrong']]) {
      const damaged = at(`damaged-${message.length}`);
      cpSync(done, damaged, { recursive: true });
      writeFileSync(join(damaged, 'manifest.json'), manifest);
      const d = bin(['sweep', smallFile, '--out', damaged, '--workers', '1', '--quiet', '--resume']);
      expect(d.code).toBe(2);
      expect(d.err).toContain(message);
    }
  });

  it('does not overwrite an experiment.json of someone else\'s in the output folder', () => {
    const mine = at('mine');
    mkdirSync(mine);
    writeFileSync(join(mine, 'experiment.json'), JSON.stringify(small));
    const r = bin(['sweep', join(mine, 'experiment.json'), '--out', mine, '--workers', '1', '--quiet']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('holds an experiment.json that is not this sweep\'s');
    expect(readdirSync(mine)).toEqual(['experiment.json']);
    expect(readFileSync(join(mine, 'experiment.json'), 'utf8')).toBe(JSON.stringify(small));
  });

  it('refuses before starting: too many runs, list points the scenario cannot take, a whole-number parameter swept as continuous', () => {
    const cases: [object, string][] = [
      [{ design: { kind: 'montecarlo', samples: 1e15 }, replicates: 1e6 }, '$.replicates: 1000000000000000 design points x 1000000 replicates'],
      [{ factors: [{ path: 'params.betaSvc', name: 'b', range: [0.2, 1.2] }], design: { kind: 'list', points: [{ b: 'x' }] } }, '$.design.points[0].b: params.betaSvc = "x" is not a valid scenario value'],
      [{ factors: [{ path: 'params.trajMonths', range: [3, 13] }] }, 'params.trajMonths = 6.0901699437494745 is not a valid scenario value: must be a whole number'],
    ];
    cases.forEach(([patch, message], i) => {
      const f = at(`refuse-${i}.json`);
      writeFileSync(f, JSON.stringify({ ...small, ...patch }));
      const r = bin(['sweep', f, '--out', at(`refused-${i}`), '--workers', '1', '--quiet']);
      expect(r.code, r.err).toBe(2);
      expect(r.err).toContain(message);
      expect(existsSync(at(`refused-${i}`))).toBe(false);
    });
  });

  it('node started with V8 options (--single-threaded-gc, --max-semi-space-size): the workers start, the same bytes', () => {
    const out = at('v8-options');
    const r = spawnSync(process.execPath, ['--single-threaded-gc', '--max-semi-space-size=32', BIN, 'sweep', smallFile, '--out', out, '--workers', '2', '--quiet'], { encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).not.toMatch(/internal error|ERR_WORKER_INVALID_EXEC_ARGV/);
    expect(r.status, r.stderr).toBe(0);
    expect(read(out, 'runs.csv')).toBe(read(done, 'runs.csv'));
  }, 60_000);

  it('the same sweep started twice into one folder: the second is refused and the first ends intact', async () => {
    const slow = at('slow.json');
    writeFileSync(slow, JSON.stringify({ ...small, design: { kind: 'lhs', samples: 120 }, months: 24 }));
    const out = at('twice');
    const first = spawn(process.execPath, [BIN, 'sweep', slow, '--out', out, '--workers', '1', '--quiet'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const ended = finish(first);
    for (let i = 0; i < 200 && !existsSync(join(out, 'runs.csv')); i++) await sleep(50);
    const second = bin(['sweep', slow, '--out', out, '--workers', '1', '--quiet', '--resume']);
    const r = await ended;
    expect(r.code, r.err).toBe(0);
    expect(second.code).toBe(2);
    expect(second.err).toContain(`${out} is in use by another sweep (pid ${first.pid}`);
    const ids = readFileSync(join(out, 'runs.csv'), 'utf8').trimEnd().split('\n').slice(1).map((l) => Number(l.split(',')[0]));
    expect(ids).toEqual(Array.from({ length: 120 }, (_, i) => i));
    expect(readdirSync(out).sort()).toEqual(['experiment.json', 'manifest.json', 'runs.csv']);
  }, 60_000);

  it('killed with SIGKILL of its process group and resumed at once: the zombie owner\'s lock is taken over (repeated)', async () => {
    const file = at('zombie.json');
    writeFileSync(file, JSON.stringify({ ...small, name: 'zombie', design: { kind: 'lhs', samples: 48 }, months: 6 }));
    const whole = at('zombie-whole');
    expect(bin(['sweep', file, '--out', whole, '--workers', '2', '--quiet']).code).toBe(0);
    const stateOf = (pid: number) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
      } catch {
        return 'gone';
      }
    };
    const pause = new Int32Array(new SharedArrayBuffer(4));
    // kill during start-up (lock taken, no runs yet), after the first committed batch, and later
    for (const [attempt, after] of [[0, 0], [1, 1], [2, 1], [3, 20], [4, 0]] as const) {
      const out = at(`zombie-${attempt}`);
      const p = spawn(process.execPath, [BIN, 'sweep', file, '--out', out, '--workers', '2', '--quiet'], { detached: true, stdio: 'ignore' });
      const ended = new Promise((resolve) => p.on('close', resolve));
      for (let i = 0; i < 2000 && !(existsSync(join(out, '.sweep.lock')) && rows(out) >= after); i++) await sleep(5);
      process.kill(-p.pid!, 'SIGKILL');
      // Nothing below lets this process's event loop run, so the killed sweep is not reaped: it stays a
      // zombie (state Z) while the resume starts, as after `kill -9 -PGID; meerwaarde sweep --resume` in a shell.
      let state = stateOf(p.pid!);
      for (let i = 0; i < 2000 && state !== 'Z'; i++, state = stateOf(p.pid!)) Atomics.wait(pause, 0, 0, 1);
      expect(state, `attempt ${attempt}`).toBe('Z');
      const r = bin(['sweep', file, '--out', out, '--workers', '2', '--quiet', '--resume']);
      expect(r.code, `attempt ${attempt}: ${r.err}`).toBe(0);
      await ended;
      expect(readFileSync(join(out, 'runs.csv'), 'utf8')).toBe(readFileSync(join(whole, 'runs.csv'), 'utf8'));
      expect(existsSync(join(out, '.sweep.lock'))).toBe(false);
    }
  }, 120_000);

  it('a Slurm variable that is not a number is named', () => {
    const r = bin(['sweep', smallFile, '--out', at('slurm'), '--shard', '4', '--quiet'], { SLURM_ARRAY_TASK_ID: 'abc' });
    expect(r.code).toBe(2);
    expect(r.err).toContain('SLURM_ARRAY_TASK_ID is "abc", not a whole number');
  });

  it('merge: --out a file or under /proc, a shard without runs.csv or with a cut one: exit 2 and no output folder', () => {
    const shards = [0, 1].map((i) => at(`shard${i}`));
    shards.forEach((d, i) => expect(bin(['sweep', smallFile, '--out', d, '--shard', `${i}/2`, '--workers', '1', '--quiet']).code).toBe(0));
    const file = at('merge-file');
    writeFileSync(file, 'keep');
    expect(bin(['merge', ...shards, '--out', file]).err).toContain(`${file} is a file, not a folder`);
    expect(bin(['merge', ...shards, '--out', '/proc/meerwaarde-merge']).code).toBe(2);
    const cut = at('shard1-cut');
    cpSync(shards[1], cut, { recursive: true });
    writeFileSync(join(cut, 'runs.csv'), readFileSync(join(cut, 'runs.csv'), 'utf8').split('\n').slice(0, 2).join('\n') + '\n');
    const r = bin(['merge', shards[0], cut, '--out', at('merged-cut')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${join(cut, 'runs.csv')}: expected run 3, found the end of the file`);
    expect(existsSync(at('merged-cut'))).toBe(false);
    rmSync(join(cut, 'runs.csv'));
    expect(bin(['merge', shards[0], cut, '--out', at('merged-none')]).err).toContain(`${cut} has no runs.csv`);
    expect(existsSync(at('merged-none'))).toBe(false);
    expect(bin(['merge', ...shards, '--out', at('merged')]).code).toBe(0);
    expect(readFileSync(join(at('merged'), 'runs.csv'), 'utf8')).toBe(readFileSync(join(done, 'runs.csv'), 'utf8'));
  });

  it('design --out: a folder, a missing folder, the experiment itself; a failed design leaves the old file; a closed pipe ends quietly', () => {
    expect(bin(['design', smallFile, '--out', dir]).err).toContain('is a folder; name a file');
    expect(bin(['design', smallFile, '--out', join(dir, 'nope', 'd.csv')]).err).toContain('no such file or folder');
    expect(bin(['design', smallFile, '--out', smallFile]).err).toContain('--out would overwrite the experiment file');
    expect(readFileSync(smallFile, 'utf8')).toBe(JSON.stringify(small));
    const csv = at('design.csv');
    writeFileSync(csv, 'old');
    const bad = at('bad-design.json');
    writeFileSync(bad, JSON.stringify({ ...small, design: { kind: 'list', points: [{ nope: 1 }] } }));
    expect(bin(['design', bad, '--out', csv]).code).toBe(2);
    expect(readFileSync(csv, 'utf8')).toBe('old');
    const huge = at('huge-design.json');
    writeFileSync(huge, JSON.stringify({ ...small, design: { kind: 'montecarlo', samples: 1e12 } }));
    const piped = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" design "${huge}" | head -2; exit \${PIPESTATUS[0]}`], { encoding: 'utf8', timeout: 30_000 });
    expect(piped.error).toBeUndefined();
    expect(piped.status, piped.stderr).toBe(0);
    expect(piped.stderr).toBe('');
    expect(piped.stdout.split('\n')).toHaveLength(3);
  });
});
