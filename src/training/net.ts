// A page's WebSocket to the training server: hello on every (re)connect, reconnecting by itself with a
// growing pause, and requests answered by id. A request marked `retry` (a decision: sending it twice
// stores the same choice twice, the last counts) waits while the connection is down and is sent again
// after a reconnect; any other request in flight when the line drops fails, and the page shows the
// server's state once it is back (a facilitator's "advance" is never sent twice).
import type { ServerMessage } from '../session/views';

export type ConnState = 'connecting' | 'online' | 'reconnecting' | 'closed';

interface Pending {
  msg: Record<string, unknown>;
  retry: boolean;
  sent: boolean;
  resolve: (m: ServerMessage) => void;
  reject: (e: Error) => void;
}

export class RefusedError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export class Connection {
  state: ConnState = 'connecting';
  private ws: WebSocket | null = null;
  private nextId = 1;
  private pending = new Map<number, Pending>();
  private attempts = 0;
  private stopped = false;

  constructor(
    private readonly url: string,
    private readonly hello: () => Record<string, unknown>,
    private readonly onMessage: (m: ServerMessage) => void,
    private readonly onState: (s: ConnState, reason?: string) => void,
  ) {
    this.connect();
  }

  private set(state: ConnState, reason?: string): void {
    this.state = state;
    this.onState(state, reason);
  }

  private connect(): void {
    if (this.stopped) return;
    const ws = new WebSocket(this.url);
    this.ws = ws;
    ws.onopen = () => ws.send(JSON.stringify({ t: 'hello', ...this.hello() }));
    ws.onmessage = (e) => this.receive(JSON.parse(String(e.data)) as ServerMessage);
    ws.onclose = () => {
      if (this.ws !== ws) return;
      this.ws = null;
      for (const [id, p] of this.pending) {
        if (!p.retry && p.sent) {
          this.pending.delete(id);
          p.reject(new RefusedError('connection', 'the connection was lost before the server answered'));
        } else p.sent = false;
      }
      if (this.stopped) return;
      this.set('reconnecting');
      const wait = Math.min(5000, 400 * 2 ** this.attempts++);
      setTimeout(() => this.connect(), wait);
    };
  }

  private receive(m: ServerMessage): void {
    if (m.t === 'welcome') {
      this.attempts = 0;
      this.set('online');
      for (const [id, p] of this.pending) if (!p.sent) this.transmit(id, p);
    } else if (m.t === 'closed') {
      this.stop(m.reason);
    } else if ((m.t === 'ack' || m.t === 'whatIf' || m.t === 'replay' || m.t === 'pong' || m.t === 'error') && m.id !== null && this.pending.has(m.id)) {
      const p = this.pending.get(m.id)!;
      this.pending.delete(m.id);
      if (m.t === 'error') p.reject(new RefusedError(m.code, m.message));
      else p.resolve(m);
      return;
    } else if (m.t === 'error' && m.id === null && ['bad-token', 'bad-secret', 'no-session'].includes(m.code)) {
      this.stop(m.message);
    }
    this.onMessage(m);
  }

  private transmit(id: number, p: Pending): void {
    if (this.ws && this.ws.readyState === WebSocket.OPEN && this.state === 'online') {
      this.ws.send(JSON.stringify({ ...p.msg, id }));
      p.sent = true;
    }
  }

  /** send with an id; resolves with the server's answer, rejects with a RefusedError */
  request(msg: Record<string, unknown>, opts: { retry?: boolean } = {}): Promise<ServerMessage> {
    if (this.stopped) return Promise.reject(new RefusedError('closed', 'not connected'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const p: Pending = { msg, retry: opts.retry ?? false, sent: false, resolve, reject };
      this.pending.set(id, p);
      this.transmit(id, p);
    });
  }

  /** requests waiting to be sent (the connection is down) */
  get unsent(): number {
    let n = 0;
    for (const p of this.pending.values()) if (!p.sent) n++;
    return n;
  }

  stop(reason = 'closed'): void {
    if (this.stopped) return;
    this.stopped = true;
    for (const p of this.pending.values()) p.reject(new RefusedError('closed', reason));
    this.pending.clear();
    this.ws?.close();
    this.set('closed', reason);
  }
}

/** the server's WebSocket address for this page */
export function socketUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;
}

/** the facilitator's key from the link's fragment (#k=...), which never reaches the server's logs */
export function keyFromHash(): string | null {
  const m = /(?:^#|&)k=([A-Za-z0-9_-]{16,128})/.exec(location.hash);
  return m ? m[1] : null;
}

export async function postJson<T>(path: string, body: unknown): Promise<T> {
  const res = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = (await res.json().catch(() => ({ error: { code: 'invalid', message: `HTTP ${res.status}` } }))) as T & { error?: { code: string; message: string } };
  if (!res.ok || json.error) throw new RefusedError(json.error?.code ?? 'http', json.error?.message ?? `HTTP ${res.status}`);
  return json;
}
