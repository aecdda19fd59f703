// What the facilitator's console, the projector and the debrief share: the session and the facilitator's
// key from the link, one connection that keeps the latest view and results, the room's address, and
// facilitator-only downloads.
import { download } from '../ui/dom';
import type { FacilitatorView, ProjectorView, ResultsMessage, ServerMessage } from '../session/views';
import type { TeamResult } from '../session/model-api';
import type { TrainingContext } from './context';
import { Connection, keyFromHash, socketUrl } from './net';
import { showConnection, type Frame } from './parts';

export class WatchedSession<V extends FacilitatorView | ProjectorView> {
  readonly session = new URLSearchParams(location.search).get('s') ?? '';
  readonly key = keyFromHash() ?? '';
  view: V | null = null;
  results: ResultsMessage | null = null;
  /** the address participants' devices use (the server's LAN address) */
  publicUrl = location.origin;
  readonly conn: Connection;

  constructor(ctx: TrainingContext, frame: Frame, as: V['view'], render: () => void) {
    void fetch('api/server')
      .then((r) => r.json())
      .then((j: { publicUrl: string }) => {
        this.publicUrl = j.publicUrl;
        render();
      })
      .catch(() => undefined);
    this.conn = new Connection(
      socketUrl(),
      () => ({ as, session: this.session, secret: this.key }),
      (m: ServerMessage) => {
        if (m.t === 'state' && m.view.view === as) this.view = m.view as V;
        else if (m.t === 'results') this.results = m;
        else return;
        render();
      },
      (state, reason) => showConnection(ctx, frame.status, state, reason),
    );
    (window as unknown as { __training?: unknown }).__training = { view: () => this.view, results: () => this.results, connection: () => this.conn.state };
  }

  /** the teams' results that go with the latest view, or null while they are computed */
  get current(): (TeamResult | null)[] | null {
    return this.view && this.results && this.results.version === this.view.resultsVersion ? this.results.teams : null;
  }

  /** a facilitator-only file (export), saved as `name`; false when the server refused */
  async save(path: string, name: string, type: string): Promise<boolean> {
    const r = await fetch(`api/sessions/${encodeURIComponent(this.session)}/${path}`, { headers: { authorization: `Bearer ${this.key}` } });
    if (!r.ok) return false;
    download(new Blob([await r.text()], { type }), name);
    return true;
  }

  /** a facilitator-only JSON file (the export), or null when the server refused */
  async json<T>(path: string): Promise<T | null> {
    const r = await fetch(`api/sessions/${encodeURIComponent(this.session)}/${path}`, { headers: { authorization: `Bearer ${this.key}` } });
    return r.ok ? ((await r.json()) as T) : null;
  }

  /** the link to another view of this session (projector, debrief), with the key */
  link(page: 'projector' | 'debrief' | 'facilitator'): string {
    return `${page}?s=${encodeURIComponent(this.session)}#k=${this.key}`;
  }
}
