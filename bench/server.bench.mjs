// The training server under load, on 127.0.0.1 only: a real `meerwaarde serve` process and a load
// generator of real WebSocket clients (ws), bounded in count (at most 250 participants) and time.
//   1. decision to acknowledgement (stored in SQLite before the ack), p50/p95/p99, with 10 sessions of 5
//      participants (50) and 50 sessions of 5 (250) deciding at once, in waves;
//   2. advance to every participant's new state, for one round of 12 months with 4 teams;
//   3. the server's peak memory (VmHWM of its process: the event loop and the model threads).
//   Each with the decision writer thread and with the commit inline on the event loop, alternating.
// Options: --waves N (default 20), --advances N (default 5), --repeats N (default 3), --json.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import WebSocket from 'ws';

const ROOT = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const WAVES = opt('waves', 20);
const ADVANCES = opt('advances', 5);
const JSON_OUT = args.includes('--json');
const DEADLINE = Date.now() + 10 * 60_000;
const TARGET_P95_MS = 50;

function log(line) {
  if (!JSON_OUT) process.stdout.write(`${line}\n`);
}

if (!existsSync(join(ROOT, 'dist-cli', 'session-worker.mjs'))) execFileSync('npm', ['run', '--silent', 'build:cli'], { cwd: ROOT, stdio: 'inherit' });
if (!existsSync(join(ROOT, 'dist', 'index.html'))) execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });

// the server under test: started once per writer mode (--writer thread, the default, and inline: the
// commit on the event loop, as before the writer thread), each on a fresh SQLite file
let proc = null;
let dir = '';
let port = 0;
let base = '';
let threads = '';
async function startServer(writer) {
  dir = mkdtempSync(join(tmpdir(), 'meerwaarde-bench-'));
  proc = spawn(process.execPath, [join(ROOT, 'bin', 'meerwaarde.mjs'), 'serve', '--host', '127.0.0.1', '--port', '0', '--db', join(dir, 'bench.db'), '--join-limit', '100000', '--writer', writer], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  port = await new Promise((res, rej) => {
    proc.stdout.on('data', (d) => {
      out += d;
      const m = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (m) res(Number(m[1]));
    });
    proc.once('exit', (c) => rej(new Error(`server exited ${c}: ${out}`)));
  });
  base = `http://127.0.0.1:${port}`;
  threads = /(\d+) model thread/.exec(out)?.[1];
}
async function stopServer() {
  for (const c of all) c.ws.close();
  all.length = 0;
  participants.length = 0;
  sessionCount = 0;
  proc.kill('SIGTERM');
  await new Promise((r) => proc.once('exit', r));
  rmSync(dir, { recursive: true, force: true });
}

async function post(path, body) {
  const r = await fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = await r.json();
  if (r.status !== 200) throw new Error(`${path}: ${JSON.stringify(json)}`);
  return json;
}

/** a WebSocket client: resolves replies by id, and calls onState for every view */
function connect(hello, onState = () => {}) {
  return new Promise((res, rej) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`);
    const pending = new Map();
    let nextId = 1;
    const client = {
      ws,
      request(msg) {
        const id = nextId++;
        return new Promise((ok, fail) => {
          pending.set(id, { ok, fail });
          ws.send(JSON.stringify({ ...msg, id }));
        });
      },
    };
    ws.on('message', (data) => {
      const m = JSON.parse(data.toString());
      if (m.t === 'welcome') res(client);
      else if (m.t === 'state') onState(m.view, performance.now());
      else if ((m.t === 'ack' || m.t === 'error') && pending.has(m.id)) {
        const p = pending.get(m.id);
        pending.delete(m.id);
        if (m.t === 'ack') p.ok(m);
        else p.fail(new Error(m.message));
      } else if (m.t === 'error' && m.id === null) rej(new Error(m.message));
    });
    ws.once('open', () => ws.send(JSON.stringify({ t: 'hello', ...hello })));
    ws.once('error', rej);
  });
}

const ROLES = ['W', 'D', 'H', 'P'];
const setup = (teams, monthsPerRound) => ({
  title: 'Bench',
  scenario: { builtin: 'baseline' },
  seed: 42,
  teams: Array.from({ length: teams }, (_, i) => ({ name: `Team ${i + 1}` })),
  roles: ROLES,
  rounds: 3,
  monthsPerRound,
  roundSeconds: 0,
});

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

const decision = (i) => ({
  attention: { value: 0.2 + (i % 7) * 0.1, capacity: 0.3, legitimacy: 0.3 },
  stance: { value: (i % 10) / 10, capacity: 0.5, legitimacy: 0.4 },
  card: i % 5 === 0 ? { kind: 'designed', corner: 'capacity' } : null,
});

const all = [];
const participants = [];
let sessionCount = 0;

/** n more sessions of 5 participants each (teams of 4 and 1), each with round 1 open */
async function addSessions(n) {
  for (let s = 0; s < n; s++) {
    const created = await post('/api/sessions', { setup: setup(2, 6) });
    const fac = await connect({ as: 'facilitator', session: created.id, secret: created.secret });
    all.push(fac);
    await fac.request({ t: 'act', action: { type: 'open' } });
    for (let k = 0; k < 5; k++) {
      const { token } = await post('/api/seat', { code: created.code, team: Math.floor(k / 4), role: ROLES[k % 4], name: `P${sessionCount}-${k}` });
      const p = await connect({ as: 'participant', session: created.id, token });
      participants.push(p);
      all.push(p);
    }
    sessionCount++;
  }
}

/** every participant decides at once, WAVES times; the time from sending to the ack */
async function decisionWaves() {
  const times = [];
  for (let w = 0; w < WAVES && Date.now() < DEADLINE; w++) {
    const wave = await Promise.all(
      participants.map((p, i) => {
        const t0 = performance.now();
        return p.request({ t: 'decide', round: 1, decision: decision(i + w) }).then(() => performance.now() - t0);
      }),
    );
    times.push(...wave);
    await new Promise((r) => setTimeout(r, 50));
  }
  times.sort((a, b) => a - b);
  return { sessions: sessionCount, participants: participants.length, decisions: times.length, p50: percentile(times, 0.5), p95: percentile(times, 0.95), p99: percentile(times, 0.99), max: times[times.length - 1] };
}

async function advanceLoad() {
  const teams = 4;
  const created = await post('/api/sessions', { setup: setup(teams, 12) });
  const fac = await connect({ as: 'facilitator', session: created.id, secret: created.secret });
  let target = 1;
  let waiting = null;
  const participants = [];
  for (let t = 0; t < teams; t++) {
    for (const role of ROLES) {
      const { token } = await post('/api/seat', { code: created.code, team: t, role, name: `T${t}${role}` });
      const index = participants.length;
      participants.push(
        await connect({ as: 'participant', session: created.id, token }, (view, at) => {
          if (waiting && view.resultsRound === target && view.phase === 'results' && !view.pending && !waiting.seen.has(index)) {
            waiting.seen.add(index);
            if (waiting.seen.size === teams * ROLES.length) waiting.done(at);
          }
        }),
      );
    }
  }
  all.push(fac, ...participants);
  await fac.request({ t: 'act', action: { type: 'open' } });
  await Promise.all(participants.map((p, i) => p.request({ t: 'decide', round: 1, decision: decision(i) })));
  await fac.request({ t: 'act', action: { type: 'close' } });
  const times = [];
  for (let i = 0; i < ADVANCES && Date.now() < DEADLINE; i++) {
    const done = new Promise((r) => (waiting = { seen: new Set(), done: r }));
    const t0 = performance.now();
    await fac.request({ t: 'act', action: { type: 'advance' } });
    const t1 = await done;
    times.push(t1 - t0);
    waiting = null;
    // back to the closed round (its results are recomputed), ready to advance again
    await fac.request({ t: 'act', action: { type: 'undo' } });
    await new Promise((r) => setTimeout(r, 300));
  }
  times.sort((a, b) => a - b);
  return { teams, months: 12, participants: participants.length, runs: times.length, median: percentile(times, 0.5), max: times[times.length - 1] };
}

function peakMemoryMiB() {
  const status = readFileSync(`/proc/${proc.pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

const loadavg = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const REPEATS = opt('repeats', 3);
const fmt = (r) => `${r.sessions} sessions x 5 = ${r.participants} participants deciding at once, ${r.decisions} decisions: p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, max ${r.max.toFixed(1)} ms`;
const median = (xs) => {
  const v = [...xs].sort((a, b) => a - b);
  return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
};

/** one measurement with the given writer: decisions at 50 and 250 participants, the advance, memory */
async function measure(writer, withAdvance) {
  await startServer(writer);
  await addSessions(10);
  const small = await decisionWaves();
  await addSessions(40);
  const large = await decisionWaves();
  const adv = withAdvance ? await advanceLoad() : null;
  const mem = peakMemoryMiB();
  await stopServer();
  return { writer, small, large, advance: adv, peakMemoryMiB: mem };
}

// the two writers alternate (inline, thread, inline, thread, ...) so both meet the same load on a shared machine
const before = loadavg();
const runs = [];
for (let r = 0; r < REPEATS && Date.now() < DEADLINE; r++) {
  for (const writer of ['inline', 'thread']) runs.push({ ...(await measure(writer, writer === 'thread' && r === 0)), loadavg: loadavg() });
}
log(`training server benchmark (127.0.0.1, ${threads} model threads; ${REPEATS} runs per writer, alternating; load average before: ${before}, after: ${loadavg()})`);
for (const run of runs) {
  log(`  writer ${run.writer.padEnd(6)} (load ${run.loadavg}): decision -> ack (committed), ${fmt(run.small)}`);
  log(`  writer ${run.writer.padEnd(6)} (load ${run.loadavg}): decision -> ack (committed), ${fmt(run.large)}`);
}
const summary = {};
for (const writer of ['inline', 'thread']) {
  const mine = runs.filter((r) => r.writer === writer);
  summary[writer] = { p95at50: median(mine.map((r) => r.small.p95)), p95at250: median(mine.map((r) => r.large.p95)), p50at250: median(mine.map((r) => r.large.p50)), p99at250: median(mine.map((r) => r.large.p99)) };
}
log(
  `  median over runs, 250 participants: p50 ${summary.inline.p50at250.toFixed(1)} -> ${summary.thread.p50at250.toFixed(1)} ms, p95 ${summary.inline.p95at250.toFixed(1)} -> ${summary.thread.p95at250.toFixed(1)} ms, p99 ${summary.inline.p99at250.toFixed(1)} -> ${summary.thread.p99at250.toFixed(1)} ms (inline -> writer thread; p95 thread / inline = ${(summary.thread.p95at250 / summary.inline.p95at250).toFixed(2)}); 50 participants p95 ${summary.inline.p95at50.toFixed(1)} -> ${summary.thread.p95at50.toFixed(1)} ms`,
);
const adv = runs.find((r) => r.advance)?.advance;
if (adv) log(`  advance -> all ${adv.participants} participants updated, ${adv.teams} teams x ${adv.months} months, ${adv.runs} runs: median ${adv.median.toFixed(0)} ms, max ${adv.max.toFixed(0)} ms`);
log(`  server peak memory (VmHWM, event loop, model threads and the writer): ${Math.max(...runs.filter((r) => r.writer === 'thread').map((r) => r.peakMemoryMiB)).toFixed(0)} MiB`);
log(`  target p95 < ${TARGET_P95_MS} ms at 250 (writer thread): ${summary.thread.p95at250 < TARGET_P95_MS ? 'met' : 'NOT met'} (p95 / target = ${(summary.thread.p95at250 / TARGET_P95_MS).toFixed(2)})`);
if (JSON_OUT) process.stdout.write(`${JSON.stringify({ threads: Number(threads), loadavg: before, runs, summary })}\n`);
