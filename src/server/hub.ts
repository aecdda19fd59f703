// The WebSocket side: who is connected to which session as what, the hello that binds a connection to
// a seat or to the facilitator, flood control, and sending each page its own view after every change
// (coalesced: one view per page per event-loop turn, however many changes happened in it).
import type { WebSocket } from 'ws';
import { parseClientMessage, type ClientMessage } from '../session/protocol';
import { RuleError } from '../session/rules';
import { seatKey, type Role } from '../session/setup';
import type { ServerMessage } from '../session/views';
import type { SessionService } from './sessions';

type As = 'participant' | 'facilitator' | 'projector';

interface Conn {
  ws: WebSocket;
  as: As | null;
  session: string | null;
  seat: { team: number; role: Role } | null;
  tokens: number;
  lastRefill: number;
  strikes: number;
  warnedAt: number;
  helloTimer: NodeJS.Timeout | null;
  /** the results version this page holds (facilitator, projector) */
  resultsVersion: number;
}

/** flood control: a bucket of 30 messages, refilled at 10 a second */
const BUCKET = 30;
const REFILL_PER_MS = 10 / 1000;
/** messages over budget before the connection is cut */
const STRIKES_MAX = 60;
const HELLO_MS = 10_000;

export class Hub {
  private bySession = new Map<string, Set<Conn>>();
  private dirty = new Set<string>();
  private sendQueued = false;
  private service!: SessionService;

  constructor(private readonly now: () => number = Date.now) {}

  attach(service: SessionService): void {
    this.service = service;
  }

  /** the session's views changed: send them after this turn */
  changed(id: string): void {
    this.dirty.add(id);
    if (!this.sendQueued) {
      this.sendQueued = true;
      setImmediate(() => this.sendViews());
    }
  }

  connect(ws: WebSocket): void {
    const conn: Conn = { ws, as: null, session: null, seat: null, tokens: BUCKET, lastRefill: this.now(), strikes: 0, warnedAt: 0, helloTimer: null, resultsVersion: -1 };
    conn.helloTimer = setTimeout(() => this.cut(conn, 4001, 'no hello'), HELLO_MS);
    ws.on('message', (data, isBinary) => this.receive(conn, isBinary ? null : data.toString()));
    ws.on('close', () => this.drop(conn));
    ws.on('error', () => this.drop(conn));
  }

  /** connections now bound to a session, by kind (the benchmark and tests read it) */
  counts(): { connections: number; sessions: number } {
    let connections = 0;
    for (const set of this.bySession.values()) connections += set.size;
    return { connections, sessions: this.bySession.size };
  }

  private send(conn: Conn, msg: ServerMessage): void {
    if (conn.ws.readyState === conn.ws.OPEN) conn.ws.send(JSON.stringify(msg));
  }

  private cut(conn: Conn, code: number, reason: string): void {
    this.send(conn, { t: 'closed', reason });
    conn.ws.close(code, reason);
    this.drop(conn);
  }

  private drop(conn: Conn): void {
    if (conn.helloTimer) clearTimeout(conn.helloTimer);
    conn.helloTimer = null;
    if (conn.session) {
      const set = this.bySession.get(conn.session);
      set?.delete(conn);
      if (set && set.size === 0) this.bySession.delete(conn.session);
      if (conn.as === 'participant') this.changed(conn.session);
      conn.session = null;
    }
  }

  /** true when the message may be handled; a flooding connection is slowed (its socket paused), then cut */
  private admit(conn: Conn): boolean {
    const now = this.now();
    conn.tokens = Math.min(BUCKET, conn.tokens + (now - conn.lastRefill) * REFILL_PER_MS);
    conn.lastRefill = now;
    if (conn.tokens >= 1) {
      conn.tokens -= 1;
      if (conn.tokens >= BUCKET - 1) conn.strikes = 0;
      return true;
    }
    conn.strikes++;
    if (conn.strikes >= STRIKES_MAX) {
      this.cut(conn, 1008, 'too many messages');
      return false;
    }
    if (now - conn.warnedAt > 1000) {
      conn.warnedAt = now;
      this.send(conn, { t: 'error', id: null, code: 'slow-down', message: 'too many messages: slow down (messages over the limit are ignored)' });
    }
    // slowed: nothing more is read from this socket for a moment
    conn.ws.pause();
    setTimeout(() => conn.ws.resume(), 200);
    return false;
  }

  private receive(conn: Conn, raw: string | null): void {
    if (conn.session === null && conn.as !== null) return; // dropped
    if (!this.admit(conn)) return;
    if (raw === null) return this.send(conn, { t: 'error', id: null, code: 'invalid', message: 'binary messages are not accepted' });
    const parsed = parseClientMessage(raw);
    if (!parsed.ok) return this.send(conn, { t: 'error', id: parsed.id, ...parsed.error });
    const msg = parsed.msg;
    try {
      if (msg.t === 'hello') return this.hello(conn, msg);
      if (msg.t === 'ping') return this.send(conn, { t: 'pong', id: msg.id });
      if (!conn.session || !conn.as) return this.send(conn, { t: 'error', id: msg.id, code: 'hello-first', message: 'say hello first' });
      this.handle(conn, msg);
    } catch (e) {
      this.refuse(conn, 'id' in msg ? msg.id : null, e);
    }
  }

  private refuse(conn: Conn, id: number | null, e: unknown): void {
    if (e instanceof RuleError) this.send(conn, { t: 'error', id, code: e.code, message: e.message });
    else this.send(conn, { t: 'error', id, code: 'internal', message: `internal error: ${(e as Error).message}` });
  }

  private hello(conn: Conn, msg: Extract<ClientMessage, { t: 'hello' }>): void {
    if (conn.session) return this.send(conn, { t: 'error', id: null, code: 'hello-twice', message: 'this connection has said hello already' });
    const core = this.service.get(msg.session);
    if (!core) return this.send(conn, { t: 'error', id: null, code: 'no-session', message: 'this session does not exist (any more)' });
    if (msg.as === 'participant') {
      const seat = msg.token ? this.service.seatOf(msg.session, msg.token) : null;
      if (!seat) return this.send(conn, { t: 'error', id: null, code: 'bad-token', message: 'this device holds no seat in this session: join with the code' });
      conn.seat = seat;
    } else if (!msg.secret || !this.service.isFacilitator(msg.session, msg.secret)) {
      return this.send(conn, { t: 'error', id: null, code: 'bad-secret', message: 'the facilitator link is not right for this session' });
    }
    if (conn.helloTimer) clearTimeout(conn.helloTimer);
    conn.helloTimer = null;
    conn.as = msg.as;
    conn.session = msg.session;
    let set = this.bySession.get(msg.session);
    if (!set) this.bySession.set(msg.session, (set = new Set()));
    set.add(conn);
    this.send(conn, { t: 'welcome', as: msg.as });
    this.changed(msg.session);
  }

  private handle(conn: Conn, msg: Exclude<ClientMessage, { t: 'hello' | 'ping' }>): void {
    const id = conn.session as string;
    switch (msg.t) {
      case 'decide': {
        if (conn.as !== 'participant' || !conn.seat) throw new RuleError('not-participant', 'only a participant decides, for their own seat');
        const { team, role } = conn.seat;
        this.service.decide(id, team, role, msg.round, msg.decision).then(
          (at) => this.send(conn, { t: 'ack', id: msg.id, at }),
          (e) => this.refuse(conn, msg.id, e),
        );
        return;
      }
      case 'act':
        // the projector holds the facilitator's key too, but may only step the reveal
        if (conn.as !== 'facilitator' && !(conn.as === 'projector' && msg.action.type === 'reveal')) throw new RuleError('not-facilitator', 'only the facilitator can do this');
        this.service.act(id, msg.action).then(
          () => {
            if (msg.action.type === 'release') this.kickSeat(id, msg.action.team, msg.action.role);
            this.send(conn, { t: 'ack', id: msg.id, at: this.now() });
          },
          (e) => this.refuse(conn, msg.id, e),
        );
        return;
      case 'whatIf':
        if (conn.as !== 'facilitator') throw new RuleError('not-facilitator', 'only the facilitator can do this');
        this.service.whatIf(id, msg.change).then(
          (r) => this.send(conn, { t: 'whatIf', id: msg.id, result: r.result, actual: r.actual }),
          (e) => this.refuse(conn, msg.id, e),
        );
        return;
      case 'replay':
        if (conn.as !== 'facilitator') throw new RuleError('not-facilitator', 'only the facilitator can do this');
        this.service.replay(id, msg.team).then(
          (r) => this.send(conn, { t: 'replay', id: msg.id, team: msg.team, ...r }),
          (e) => this.refuse(conn, msg.id, e),
        );
        return;
    }
  }

  private kickSeat(id: string, team: number, role: Role): void {
    for (const c of this.bySession.get(id) ?? []) {
      if (c.as === 'participant' && c.seat && seatKey(c.seat) === seatKey({ team, role })) this.cut(c, 4003, 'the facilitator freed this seat');
    }
  }

  private sendViews(): void {
    this.sendQueued = false;
    const now = this.now();
    const ids = [...this.dirty];
    this.dirty.clear();
    for (const id of ids) {
      const conns = this.bySession.get(id);
      if (!conns) continue;
      const core = this.service.get(id);
      if (!core) {
        for (const c of [...conns]) this.cut(c, 4004, 'the session was deleted');
        continue;
      }
      const online = new Set<string>();
      for (const c of conns) if (c.as === 'participant' && c.seat) online.add(seatKey(c.seat));
      const cache = new Map<string, string>();
      let results: string | null = null;
      for (const c of conns) {
        if (c.as !== 'participant' && core.resultsCurrent && c.resultsVersion !== core.resultsVersion && c.ws.readyState === c.ws.OPEN) {
          results ??= JSON.stringify(core.resultsMessage() satisfies ServerMessage);
          c.ws.send(results);
          c.resultsVersion = core.resultsVersion;
        }
        const key = c.as === 'participant' && c.seat ? seatKey(c.seat) : (c.as as string);
        let text = cache.get(key);
        if (text === undefined) {
          const view =
            c.as === 'participant' && c.seat
              ? core.participantView(c.seat.team, c.seat.role, online, now)
              : c.as === 'facilitator'
                ? core.facilitatorView(online, now)
                : core.projectorView(online, now);
          text = JSON.stringify({ t: 'state', view } satisfies ServerMessage);
          cache.set(key, text);
        }
        if (c.ws.readyState === c.ws.OPEN) c.ws.send(text);
      }
    }
  }
}
