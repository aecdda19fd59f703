// The training server's test harness: a real `meerwaarde serve` process on 127.0.0.1 with a real SQLite
// file, and real WebSocket clients (ws). The server is the built command line (npm test builds it first).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import WebSocket from 'ws';

export const ROOT = resolve(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'meerwaarde.mjs');

export interface Server {
  url: string;
  port: number;
  db: string;
  proc: ChildProcess;
  output: () => string;
  /** SIGKILL (no clean-up) or SIGTERM (clean stop); resolves when the process has gone */
  stop(signal?: 'SIGKILL' | 'SIGTERM'): Promise<void>;
}

export function tempDir(prefix = 'meerwaarde-server-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function startServer(opts: { db?: string; port?: number; args?: string[] } = {}): Promise<Server> {
  if (!existsSync(join(ROOT, 'dist-cli', 'session-worker.mjs'))) throw new Error('the command line is not built: npm run build:cli');
  if (!existsSync(join(ROOT, 'dist', 'index.html'))) throw new Error('the site is not built: npm run build');
  const db = opts.db ?? join(tempDir(), 'sessions.db');
  const proc = spawn(process.execPath, [BIN, 'serve', '--host', '127.0.0.1', '--port', String(opts.port ?? 0), '--db', db, ...(opts.args ?? [])], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<void>((r) => proc.once('exit', () => r()));
  const port = await new Promise<number>((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`server did not start: ${out}`)), 30_000);
    const check = () => {
      const m = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        res(Number(m[1]));
      }
    };
    proc.stdout!.on('data', check);
    proc.once('exit', (code) => rej(new Error(`server exited with ${code}: ${out}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    db,
    proc,
    output: () => out,
    async stop(signal = 'SIGTERM') {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
      await exited;
    },
  };
}

export async function api<T = Record<string, unknown>>(server: Server, method: string, path: string, body?: unknown, secret?: string): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (secret) headers.authorization = `Bearer ${secret}`;
  const res = await fetch(server.url + path, { method, headers, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON (CSV, SVG)
  }
  return { status: res.status, body: parsed as T };
}

/** a GET's body as the exact bytes (text) the server sent */
export async function apiText(server: Server, path: string, secret?: string): Promise<string> {
  const res = await fetch(server.url + path, { headers: secret ? { authorization: `Bearer ${secret}` } : {} });
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return res.text();
}

export const SETUP = {
  title: 'Workshop Middenstad',
  scenario: { builtin: 'baseline' },
  seed: 20180904,
  teams: [{ name: 'Noord' }, { name: 'Zuid' }],
  roles: ['W', 'D', 'H', 'P'],
  rounds: 3,
  monthsPerRound: 6,
  roundSeconds: 0,
};

export interface Created {
  id: string;
  code: string;
  secret: string;
}

export async function createSession(server: Server, setup: Record<string, unknown> = SETUP): Promise<Created> {
  const r = await api<Created>(server, 'POST', '/api/sessions', { setup });
  if (r.status !== 200) throw new Error(`create failed: ${JSON.stringify(r.body)}`);
  return r.body;
}

export async function takeSeat(server: Server, code: string, team: number, role: string, name: string): Promise<string> {
  const r = await api<{ token: string }>(server, 'POST', '/api/seat', { code, team, role, name });
  if (r.status !== 200) throw new Error(`seat failed: ${JSON.stringify(r.body)}`);
  return r.body.token;
}

type Msg = Record<string, unknown> & { t: string };

/** A real WebSocket client that keeps every message it receives. */
export class Client {
  readonly messages: Msg[] = [];
  private waiters: (() => void)[] = [];
  private nextId = 1;
  closed: { code: number; reason: string } | null = null;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (d) => {
      this.messages.push(JSON.parse(d.toString()));
      for (const w of this.waiters.splice(0)) w();
    });
    ws.on('close', (code, reason) => {
      this.closed = { code, reason: reason.toString() };
      for (const w of this.waiters.splice(0)) w();
    });
  }

  static async open(server: Server): Promise<Client> {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws`);
    await new Promise<void>((res, rej) => {
      ws.once('open', () => res());
      ws.once('error', rej);
    });
    return new Client(ws);
  }

  static async hello(server: Server, hello: Record<string, unknown>): Promise<Client> {
    const c = await Client.open(server);
    c.send({ t: 'hello', ...hello });
    await c.waitFor((m) => m.t === 'welcome' || m.t === 'error', 'welcome');
    return c;
  }

  send(msg: unknown): void {
    this.ws.send(typeof msg === 'string' ? msg : JSON.stringify(msg));
  }

  /** the first message (from `from` on) that matches */
  async waitFor(pred: (m: Msg) => boolean, what: string, from = 0, timeout = 20_000): Promise<Msg> {
    const start = Date.now();
    for (;;) {
      const found = this.messages.slice(from).find(pred);
      if (found) return found;
      if (this.closed) throw new Error(`connection closed (${this.closed.code} ${this.closed.reason}) while waiting for ${what}`);
      if (Date.now() - start > timeout) throw new Error(`timed out waiting for ${what}; got ${JSON.stringify(this.messages.slice(-5)).slice(0, 800)}`);
      await new Promise<void>((r) => {
        const timer = setTimeout(r, 100);
        this.waiters.push(() => {
          clearTimeout(timer);
          r();
        });
      });
    }
  }

  /** send a message with an id; resolve with its ack (or whatIf), or its error */
  async request(msg: Record<string, unknown>): Promise<Msg> {
    const id = this.nextId++;
    const from = this.messages.length;
    this.send({ ...msg, id });
    return this.waitFor((m) => (m.t === 'ack' || m.t === 'error' || m.t === 'whatIf' || m.t === 'replay' || m.t === 'pong') && m.id === id, `reply to ${msg.t} ${id}`, from);
  }

  /** the latest view, once one matches */
  async view(pred: (v: Record<string, unknown>) => boolean = () => true, what = 'a view'): Promise<Record<string, unknown>> {
    for (;;) {
      const views = this.messages.filter((m) => m.t === 'state').map((m) => m.view as Record<string, unknown>);
      const last = views[views.length - 1];
      if (last && pred(last)) return last;
      await this.waitFor((m) => m.t === 'state' && pred(m.view as Record<string, unknown>), what, this.messages.length);
    }
  }

  close(): void {
    this.ws.close();
  }
}

export const DECISION = {
  attention: { value: 0.5, capacity: 0.3, legitimacy: 0.2 },
  stance: { value: 0.8, capacity: 0.25, legitimacy: 0.6 },
  card: null,
};
