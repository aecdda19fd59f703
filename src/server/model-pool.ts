// The model's threads: a few worker_threads running src/session/model-api.ts, so the server's event loop
// only validates, stores and sends. A team always goes to the same thread (its cached run stays warm);
// a thread that dies is started again and the request fails with an error, never with a wrong answer.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { SessionModelApi, TeamReplay, TeamResult, TeamRunRequest } from '../session/model-api';
import type { Scenario } from '../scenario/schema';

interface Thread {
  worker: Worker;
  api: Comlink.Remote<SessionModelApi>;
}

function hashKey(key: string): number {
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  return h >>> 0;
}

export class ModelPool {
  private threads: Thread[] = [];
  private closed = false;

  /** `entry`: the bundled worker (dist-cli/session-worker.mjs) */
  constructor(
    private readonly entry: string,
    readonly size = defaultThreads(),
  ) {
    if (!existsSync(entry)) throw new Error(`the model worker is missing at ${entry}; run npm run build:cli`);
    for (let i = 0; i < size; i++) this.threads.push(this.start(i));
  }

  private start(i: number): Thread {
    const worker = new Worker(this.entry, { execArgv: [] });
    worker.unref();
    worker.on('error', () => {
      // comlink's pending calls never settle on a dead thread: replace it; callers time out with an error
      if (!this.closed) this.threads[i] = this.start(i);
    });
    return { worker, api: Comlink.wrap<SessionModelApi>(nodeEndpoint(worker)) };
  }

  private thread(key: string | null): Thread {
    if (key === null) return this.threads[Math.floor(Math.random() * this.size)];
    // the teams of one session side by side on consecutive threads: "<session>/<team>"
    const [session, team] = key.split('/');
    return this.threads[(hashKey(session) + (Number(team) || 0)) % this.size];
  }

  teamRun(req: TeamRunRequest): Promise<TeamResult> {
    return this.thread(req.key).api.teamRun(req);
  }

  /** every team of a session at once, spread over the threads */
  teamRuns(reqs: TeamRunRequest[]): Promise<TeamResult[]> {
    return Promise.all(reqs.map((r) => this.teamRun(r)));
  }

  teamReplay(req: TeamRunRequest): Promise<TeamReplay> {
    return this.thread(null).api.teamReplay(req);
  }

  effectiveScenario(req: TeamRunRequest): Promise<Scenario> {
    return this.thread(null).api.effectiveScenario(req);
  }

  forget(sessionId: string): void {
    for (const t of this.threads) void t.api.forget(`${sessionId}/`);
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.threads.map((t) => t.worker.terminate()));
  }
}

/** one thread per core, at least one, at most four */
export function defaultThreads(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}
