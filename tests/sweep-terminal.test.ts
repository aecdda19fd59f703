// The sweep on a real terminal: a pseudo-terminal that tmux emulates (50 columns, narrower than the bar
// used to be), with a shell, typed keys and the screen as the user sees it. Ctrl-C twice must leave a
// consistent manifest and no lock, the shell's prompt on a fresh line, and the bar must never wrap
// (a wrapped bar scrolls a new line at every redraw).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BIN = join(process.cwd(), 'bin', 'meerwaarde.mjs');
const work = mkdtempSync(join(tmpdir(), 'mw-terminal-'));
const socket = join(work, 'tmux.sock');
const tmux = (...args: string[]) => execFileSync('tmux', ['-S', socket, ...args], { encoding: 'utf8' });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const COLUMNS = 50;
const PROMPT = 'PROMPT>'; // tmux drops trailing spaces, so the prompt's space is not part of it

/** The screen and its scrollback, one string per terminal line as tmux renders them (`joined`: a line the terminal wrapped as one). */
const screen = (joined = false) => tmux('capture-pane', '-p', ...(joined ? ['-J'] : []), '-S', '-', '-t', 'sweep').split('\n');

async function waitFor(what: string, ok: () => boolean, ms = 60_000): Promise<void> {
  for (const t0 = Date.now(); !ok(); await sleep(50)) if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}:\n${screen().join('\n')}`);
}

beforeAll(() => {
  // a suite never skips: without tmux (scripts/ensure-deps.sh installs it) this fails here
  expect(spawnSync('tmux', ['-V']).status, 'tmux is needed for the terminal tests').toBe(0);
  tmux('-f', '/dev/null', 'new-session', '-d', '-s', 'sweep', '-x', String(COLUMNS), '-y', '20', `env -i PATH="${process.env.PATH}" HOME="${work}" HISTFILE=/dev/null TERM=xterm PS1='${PROMPT} ' bash --norc --noprofile`);
});
afterAll(async () => {
  spawnSync('tmux', ['-S', socket, 'kill-server']);
  for (let i = 0; i < 100 && existsSync(socket); i++) await sleep(20);
  rmSync(work, { recursive: true, force: true, maxRetries: 5 });
});

describe('a sweep on a 50-column terminal', () => {
  it('Ctrl-C twice: a consistent manifest, no lock, the prompt on a fresh line, a bar that never wrapped; resumes', async () => {
    const file = join(work, 'experiment.json');
    // six quick runs, then two long ones (60,000 clients for 200 months: seconds each even on an idle machine, one per worker):
    // both Ctrl-Cs land while the long runs are in flight, and the bar is redrawn meanwhile (once a second)
    const quick = Array.from({ length: 6 }, () => ({ N0: 200 }));
    const long = Array.from({ length: 2 }, () => ({ N0: 60_000 }));
    writeFileSync(
      file,
      JSON.stringify({
        name: 'terminal',
        scenario: join(process.cwd(), 'scenarios', 'baseline.json'),
        factors: [{ path: 'params.N0', name: 'N0', levels: [200, 60_000] }],
        design: { kind: 'list', points: [...quick, ...long] },
        seed: 3,
        months: 200,
        outputs: ['caseload.stock'],
        monthly: ['stock'],
      }),
    );
    const out = join(work, 'out');
    const rows = () => (existsSync(join(out, 'runs.csv')) ? readFileSync(join(out, 'runs.csv'), 'utf8').split('\n').length - 2 : 0);
    tmux('send-keys', '-t', 'sweep', `"${process.execPath}" "${BIN}" sweep "${file}" --out "${out}" --workers 2`, 'Enter');
    await waitFor('the quick runs', () => screen().some((l) => /6\/8 runs/.test(l)));
    await sleep(1200);
    tmux('send-keys', '-t', 'sweep', 'C-c');
    await waitFor('the first Ctrl-C', () => screen().some((l) => l.includes('SIGINT: finishing')));
    tmux('send-keys', '-t', 'sweep', 'C-c');
    await waitFor('the prompt', () => screen().filter((l) => l.includes(PROMPT)).length >= 2);

    const lines = screen();
    const logical = screen(true);
    // the shell's prompt starts its own line, after the sweep's last message
    const prompt = logical.map((l) => l.includes(PROMPT)).lastIndexOf(true);
    expect(logical[prompt], lines.join('\n')).toMatch(new RegExp(`^${PROMPT}`));
    expect(logical[prompt - 1]).toMatch(/^sweep: quit at 6\/8 runs .*continue with --resume$/);
    // the bar took one line before the note and one after it (a wrapping bar scrolls a line at every
    // redraw), and never wrapped: as the terminal keeps them, its lines are narrower than the screen
    const bars = lines.filter((l) => /\/8 runs/.test(l) && !l.startsWith('sweep: quit'));
    expect(bars.length, lines.join('\n')).toBeLessThanOrEqual(2);
    // (the terminal's echo of Ctrl-C, "^C", may follow the bar: it fits too)
    for (const l of logical.filter((x) => /\/8 runs/.test(x) && !x.startsWith('sweep: quit'))) expect(l.length, l).toBeLessThan(COLUMNS);

    // the files agree with each other, and no lock is left
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.status).toBe('interrupted');
    expect(manifest.counts.done).toBe(rows());
    expect(manifest.counts.done).toBe(6);
    expect(manifest.sessions).toHaveLength(1);
    expect(existsSync(join(out, '.sweep.lock'))).toBe(false);
    const monthlyRuns = new Set(readFileSync(join(out, 'monthly.csv'), 'utf8').trimEnd().split('\n').slice(1).map((l) => l.split(',')[0]));
    expect(monthlyRuns.size).toBe(manifest.counts.done);

    const resumed = spawnSync(process.execPath, [BIN, 'sweep', file, '--out', out, '--workers', '2', '--resume', '--quiet'], { encoding: 'utf8', timeout: 120_000 });
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(rows()).toBe(8);
  }, 180_000);
});
