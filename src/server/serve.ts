// meerwaarde serve [--port P] [--db FILE] [--host H]: the training server. It rebuilds every stored session
// from the database on start (a crash loses nothing that was acknowledged), then prints where to go.
import { existsSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { MODEL_VERSION } from '../model/version';
import { UsageError } from '../cli/errors';
import { intOption } from '../cli/options';
import { buildHttp } from './http';
import { Hub } from './hub';
import { defaultThreads, ModelPool } from './model-pool';
import { APP_VERSION, SessionService } from './sessions';
import { Store } from './store';
import { DecisionWriter } from './writer';

export const SERVE_HELP = `Usage: meerwaarde serve [--port P] [--db FILE] [--host H]

Runs the training server: a facilitator sets up a session in the browser, participants join with a
code or QR code on their own laptops and phones, the model runs the rounds.

Options:
  --port P        port to listen on (default 8080; 0 picks a free one)
  --db FILE       the SQLite file that keeps every session (default meerwaarde-sessions.db)
  --host H        address to listen on (default 0.0.0.0: every network, so phones in the room reach it;
                  127.0.0.1 keeps it on this computer)
  --join-limit N  join attempts per minute per address (default 60)
  --threads N     model threads (default: one per core, at most 4)
  --writer W      who commits decisions: thread (default: a writer thread, the event loop never waits
                  for the disk) or inline (on the event loop; for comparison in npm run bench)
  -h, --help      this help

Sessions survive a restart: state is rebuilt from the seed and the stored decisions.`;

/** the folder with package.json and dist-cli/ (this file is bundled somewhere inside dist-cli/) */
export function packageRoot(from = fileURLToPath(import.meta.url)): string {
  let dir = dirname(from);
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'dist-cli'))) return dir;
    dir = dirname(dir);
  }
  throw new Error(`cannot find the meerwaarde folder above ${from}`);
}

/** the first IPv4 address other devices on the network can reach, or null */
export function lanAddress(): string | null {
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return null;
}

export async function serveCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      port: { type: 'string' },
      db: { type: 'string' },
      host: { type: 'string' },
      'join-limit': { type: 'string' },
      threads: { type: 'string' },
      writer: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${SERVE_HELP}\n`);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`, 'serve');
  const port = intOption('--port', values.port, 0, 65535, 8080, 'serve');
  const joinLimit = intOption('--join-limit', values['join-limit'], 1, 100_000, 60, 'serve');
  const threads = intOption('--threads', values.threads, 1, 64, defaultThreads(), 'serve');
  const writerMode = values.writer ?? 'thread';
  if (writerMode !== 'thread' && writerMode !== 'inline') throw new UsageError(`--writer must be thread or inline, got "${writerMode}"`, 'serve');
  const host = values.host ?? '0.0.0.0';
  if (!/^[\w.:-]+$/.test(host)) throw new UsageError(`--host must be an address such as 127.0.0.1 or 0.0.0.0, got "${host}"`, 'serve');
  const dbFile = resolve(values.db ?? 'meerwaarde-sessions.db');
  if (values.db !== undefined && values.db.trim() === '') throw new UsageError('--db must name a file', 'serve');
  if (!existsSync(dirname(dbFile))) throw new UsageError(`--db: the folder ${dirname(dbFile)} does not exist`, 'serve');

  const root = packageRoot();
  const store = new Store(dbFile);
  const pool = new ModelPool(join(root, 'dist-cli', 'session-worker.mjs'), threads);
  const hub = new Hub();
  const writer = writerMode === 'thread' ? new DecisionWriter(join(root, 'dist-cli', 'decision-writer.mjs'), dbFile, (batch) => store.committedDecisions(batch)) : null;
  const service = new SessionService(store, pool, (id) => hub.changed(id), Date.now, writer ?? undefined);
  hub.attach(service);
  const loaded = service.loadAll();

  let actualPort = port;
  const wildcard = host === '0.0.0.0' || host === '::';
  const publicUrl = () => `http://${wildcard ? (lanAddress() ?? '127.0.0.1') : host.includes(':') ? `[${host}]` : host}:${actualPort}`;
  const app = await buildHttp(service, hub, store, { siteDir: join(root, 'dist'), publicUrl, joinLimit });
  try {
    await app.listen({ port, host });
  } catch (e) {
    await pool.close();
    await writer?.close();
    store.close();
    const code = (e as { code?: string }).code;
    if (code === 'EADDRINUSE') throw new UsageError(`port ${port} is in use; pick another with --port`, 'serve');
    if (code === 'EADDRNOTAVAIL') throw new UsageError(`--host ${host} is not an address of this computer`, 'serve');
    throw e;
  }
  const address = app.server.address();
  actualPort = typeof address === 'object' && address ? address.port : port;
  const local = `http://${wildcard ? 'localhost' : host.includes(':') ? `[${host}]` : host}:${actualPort}`;
  process.stdout.write(
    `Meerwaarde training server ${APP_VERSION} (model ${MODEL_VERSION}), ${threads} model thread${threads === 1 ? '' : 's'}\n` +
      `  sessions: ${dbFile} (${loaded} restored)\n` +
      `  listening on ${local}\n` +
      `  facilitator: open ${local}/training\n` +
      `  the room:    ${publicUrl()}/join  (participants' phones and laptops, on the same network)\n` +
      `Stop with Ctrl-C.\n`,
  );

  await new Promise<void>((done) => {
    const stop = async () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      await service.drain();
      await app.close();
      await pool.close();
      await writer?.close();
      store.close();
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return 0;
}
