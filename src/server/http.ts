// The training server's HTTP side (fastify 5): the built app and its pages, the JSON API (create a
// session, join with a code, take a seat, QR code, export, presets, delete) and the WebSocket. Bodies are
// validated with the protocol's zod schemas; a refused request gets {error: {code, message}} and changes
// nothing. Join attempts are rate-limited per address (@fastify/rate-limit).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import QRCode from 'qrcode';
import type { z } from 'zod';
import { BUILTIN_SCENARIOS } from '../scenario/builtin';
import { CreateSessionSchema, describeIssues, JoinSchema, PresetSaveSchema, SeatSchema, SOCKET_BYTES_MAX } from '../session/protocol';
import { RuleError } from '../session/rules';
import { ROLES, seatKey } from '../session/setup';
import { Hub } from './hub';
import { hashSecret, randomToken } from './secrets';
import type { SessionService } from './sessions';
import type { Store } from './store';

/** the single-segment paths that are pages of the app (index.html routes them; see src/main.ts) */
export const PAGES = ['training', 'join', 'play', 'facilitator', 'projector', 'debrief', 'solo'] as const;

/**
 * The Content-Security-Policy every response carries: scripts, styles, workers and connections only from
 * this server (the WebSocket too: 'self' covers ws: to the same host), no eval (the stage loads
 * pixi.js/unsafe-eval, Pixi's eval-free shader code), no plugins, no framing. Two allowances, both needed
 * by the pages as built: style attributes (the score bars set a custom property inline, Pixi positions its
 * accessibility layer) and blob: for Pixi's image-bitmap worker and pictures the pages make themselves
 * (downloads, the SVG picture). tests/server/pages.browser.test.ts loads every page under it.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

export interface HttpOptions {
  siteDir: string;
  /** what participants' devices use to reach this server (the LAN address), e.g. http://192.168.1.20:8080 */
  publicUrl: () => string;
  /** join attempts (and new sessions) per address per minute; seats twice as many */
  joinLimit: number;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function parse<T extends z.ZodType>(schema: T, body: unknown, what: string): z.infer<T> {
  const r = schema.safeParse(body);
  if (!r.success) {
    const e = describeIssues(r.error, what);
    throw new HttpError(400, e.code, e.message);
  }
  return r.data;
}

function bearer(req: FastifyRequest, what: 'session' | 'presets' = 'session'): string {
  const h = req.headers.authorization ?? '';
  const m = /^Bearer ([A-Za-z0-9_-]{16,128})$/.exec(h);
  if (!m) throw new HttpError(401, 'bad-secret', what === 'session' ? 'this needs the facilitator link (Authorization: Bearer <key>)' : 'presets need your preset key (Authorization: Bearer <key>)');
  return m[1];
}

export async function buildHttp(service: SessionService, hub: Hub, store: Store, opts: HttpOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, bodyLimit: 512 * 1024, trustProxy: false });

  app.setErrorHandler((err: Error & { statusCode?: number; code?: string }, _req, reply) => {
    if (err instanceof HttpError) return reply.code(err.status).send({ error: { code: err.code, message: err.message } });
    if (err instanceof RuleError) return reply.code(409).send({ error: { code: err.code, message: err.message } });
    const status = err.statusCode ?? 500;
    if (status === 429) return reply.code(429).send({ error: { code: 'too-many', message: 'too many attempts: wait a minute and try again' } });
    if (status < 500) return reply.code(status).send({ error: { code: 'invalid', message: err.message } });
    return reply.code(500).send({ error: { code: 'internal', message: 'internal error (please report)' } });
  });

  app.addHook('onSend', async (_req, reply) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) reply.header(name, value);
  });

  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifyWebsocket, { options: { maxPayload: SOCKET_BYTES_MAX } });
  if (!existsSync(join(opts.siteDir, 'index.html'))) throw new Error(`the app is not built (no ${join(opts.siteDir, 'index.html')}); run npm run build`);
  await app.register(fastifyStatic, { root: opts.siteDir, prefix: '/', index: ['index.html'], cacheControl: false });

  const joinLimit = { rateLimit: { max: opts.joinLimit, timeWindow: 60_000 } };
  // a seat follows a join; a mistyped name or a taken seat may take another try
  const seatLimit = { rateLimit: { max: 2 * opts.joinLimit, timeWindow: 60_000 } };

  for (const page of PAGES) app.get(`/${page}`, (_req, reply) => reply.sendFile('index.html'));

  app.get('/ws', { websocket: true }, (socket) => hub.connect(socket));

  app.get('/api/server', async () => ({ publicUrl: opts.publicUrl(), sessions: service.ids().length }));

  app.get('/api/scenarios', async () =>
    BUILTIN_SCENARIOS.map((s) => ({ id: s.id, title: s.title, description: s.description, months: s.months ?? 96 })),
  );

  app.post('/api/sessions', { config: joinLimit }, async (req) => {
    const { setup } = parse(CreateSessionSchema, req.body, 'session set-up refused');
    const created = service.create(setup);
    return { ...created, publicUrl: opts.publicUrl() };
  });

  const findByCode = (code: string) => {
    const core = service.byCode(code);
    if (!core) throw new HttpError(404, 'no-code', 'no session has this code (check it on the projector)');
    return core;
  };

  app.post('/api/join', { config: joinLimit }, async (req) => {
    const { code } = parse(JoinSchema, req.body, 'join refused');
    const core = findByCode(code);
    return {
      session: core.id,
      title: core.setup.title,
      teams: core.setup.teams.map((t, team) => ({
        name: t.name,
        seats: ROLES.map((role) => ({ role, open: core.setup.roles.includes(role), taken: core.seats.has(seatKey({ team, role })) })),
      })),
    };
  });

  app.post('/api/seat', { config: seatLimit }, async (req) => {
    const body = parse(SeatSchema, req.body, 'seat refused');
    const core = findByCode(body.code);
    const token = service.takeSeat(core, body.team, body.role, body.name);
    return { session: core.id, token };
  });

  app.get<{ Params: { id: string } }>('/api/sessions/:id/qr.svg', async (req, reply) => {
    const core = service.get(req.params.id);
    if (!core) throw new HttpError(404, 'no-session', 'this session does not exist (any more)');
    const svg = await QRCode.toString(`${opts.publicUrl()}/join?code=${core.code}`, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
    return reply.type('image/svg+xml').send(svg);
  });

  const facilitated = (req: FastifyRequest<{ Params: { id: string } }>) => {
    const secret = bearer(req);
    if (!service.get(req.params.id) || !service.isFacilitator(req.params.id, secret)) throw new HttpError(403, 'bad-secret', 'the facilitator link is not right for this session');
    return req.params.id;
  };

  app.get<{ Params: { id: string } }>('/api/sessions/:id/export.json', async (req, reply) => {
    const id = facilitated(req);
    await service.settled(id);
    return reply.type('application/json').header('content-disposition', `attachment; filename="session-${id}.json"`).send(service.exportJson(id));
  });

  app.get<{ Params: { id: string } }>('/api/sessions/:id/export.csv', async (req, reply) => {
    const id = facilitated(req);
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="session-${id}-decisions.csv"`).send(service.exportCsv(id));
  });

  const teamOf = (id: string, raw: string) => {
    const team = Number(raw);
    if (!/^\d{1,2}$/.test(raw) || team >= (service.get(id)?.setup.teams.length ?? 0)) throw new HttpError(404, 'team', `there is no team ${raw}`);
    return team;
  };

  // one team's summary.json and effective scenario: `meerwaarde run <scenario> --seed S --months M` gives the same bytes
  app.get<{ Params: { id: string; team: string } }>('/api/sessions/:id/teams/:team/summary.json', async (req, reply) => {
    const id = facilitated(req);
    const team = teamOf(id, req.params.team);
    await service.settled(id);
    const json = service.get(id)?.results[team]?.summaryJson;
    if (!json) throw new HttpError(404, 'no-results', 'no round has been played yet');
    return reply.type('application/json').send(json);
  });

  app.get<{ Params: { id: string; team: string } }>('/api/sessions/:id/teams/:team/scenario.json', async (req, reply) => {
    const id = facilitated(req);
    const team = teamOf(id, req.params.team);
    const scenario = await service.effectiveScenario(id, team);
    return reply.type('application/json').send(`${JSON.stringify(scenario, null, 2)}\n`);
  });

  app.delete<{ Params: { id: string } }>('/api/sessions/:id', async (req) => {
    const id = facilitated(req);
    await service.delete(id);
    return { deleted: id };
  });

  // Presets belong to whoever saved them: saving one from a session (with its facilitator key) gives a
  // preset key (or files it under the one sent along); listing and deleting need that key. Nobody else
  // sees them: a preset may name people or a municipality.
  app.post<{ Params: { id: string } }>('/api/sessions/:id/preset', async (req) => {
    const id = facilitated(req);
    const { name, owner } = parse(PresetSaveSchema, req.body, 'preset refused');
    const core = service.get(id);
    const key = owner ?? randomToken(24);
    const preset = { id: randomToken(12), name, setup: core!.setup, createdAt: Date.now() };
    store.addPreset({ ...preset, ownerHash: hashSecret(key) });
    return { ...preset, owner: key };
  });

  app.get('/api/presets', async (req) => store.presets(hashSecret(bearer(req, 'presets'))));

  app.delete<{ Params: { preset: string } }>('/api/presets/:preset', async (req) => {
    const owner = hashSecret(bearer(req, 'presets'));
    if (!store.deletePreset(req.params.preset, owner)) throw new HttpError(404, 'no-preset', 'no preset of yours has this id');
    return { deleted: req.params.preset };
  });

  app.setNotFoundHandler((req: FastifyRequest, reply: FastifyReply) => {
    if (req.url.startsWith('/api/')) return reply.code(404).send({ error: { code: 'not-found', message: `no such API: ${req.method} ${req.url.split('?')[0]}` } });
    return reply.code(404).type('text/plain').send('not found');
  });

  return app;
}
