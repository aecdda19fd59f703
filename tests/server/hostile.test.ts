// Malformed and hostile messages against a real server: each is refused with an error that names what is
// wrong, and nothing changes (the export before and after is the same). Flooding is slowed, then cut;
// wrong join codes are rate-limited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, apiText, Client, createSession, DECISION, SETUP, startServer, takeSeat, type Created, type Server } from './harness';

describe('hostile and malformed messages', () => {
  let server: Server;
  let a: Created;
  let b: Created;
  let tokenA: string;
  let tokenB: string;
  let fac: Client;
  let p: Client;

  beforeAll(async () => {
    server = await startServer({ args: ['--join-limit', '8'] });
    a = await createSession(server);
    b = await createSession(server, { ...SETUP, title: 'Other session' });
    tokenA = await takeSeat(server, a.code, 0, 'W', 'Mia');
    tokenB = await takeSeat(server, b.code, 0, 'W', 'Noa');
    fac = await Client.hello(server, { as: 'facilitator', session: a.id, secret: a.secret });
    p = await Client.hello(server, { as: 'participant', session: a.id, token: tokenA });
    await fac.request({ t: 'act', action: { type: 'open' } });
    await p.request({ t: 'decide', round: 1, decision: DECISION });
  });
  afterAll(async () => {
    fac?.close();
    p?.close();
    await server?.stop();
  });

  /** the session as stored, without the export's own time */
  const snapshot = async (s: Created) => {
    const e = JSON.parse(await apiText(server, `/api/sessions/${s.id}/export.json`, s.secret)) as Record<string, unknown>;
    delete e.exportedAt;
    return JSON.stringify(e);
  };

  it('refuses each with a clear error, and the stored session does not change', async () => {
    const before = [await snapshot(a), await snapshot(b)];
    const cases: [string, Record<string, unknown> | string, string, RegExp][] = [
      ['wrong role: a participant acting as facilitator', { t: 'act', action: { type: 'advance' } }, 'not-facilitator', /only the facilitator/],
      ['wrong role: a participant asking a what-if', { t: 'whatIf', change: { team: 0, round: 1, role: 'W', decision: null } }, 'not-facilitator', /only the facilitator/],
      ['out of range: attention above 1', { t: 'decide', round: 1, decision: { ...DECISION, attention: { value: 7, capacity: 0, legitimacy: 0 } } }, 'invalid', /\$\.decision\.attention\.value: too large/],
      ['out of range: no attention at all', { t: 'decide', round: 1, decision: { ...DECISION, attention: { value: 0, capacity: 0, legitimacy: 0 } } }, 'invalid', /attention must go somewhere/],
      ['out of range: a round not open', { t: 'decide', round: 3, decision: DECISION }, 'round', /round 3 is not open/],
      ['a number that is not finite', '{"t":"decide","id":5,"round":1,"decision":{"attention":{"value":1e999,"capacity":0,"legitimacy":0},"stance":{"value":0,"capacity":0,"legitimacy":0},"card":null}}', 'invalid', /attention\.value/],
      ['unknown key at the top', { t: 'decide', round: 1, decision: DECISION, role: 'P' }, 'invalid', /unknown key "role"/],
      ['unknown key inside', { t: 'decide', round: 1, decision: { ...DECISION, stance: { ...DECISION.stance, extra: 1 } } }, 'invalid', /\$\.decision\.stance\.extra: unknown key/],
      ['unknown message type', { t: 'takeOver' }, 'invalid', /\$\.t/],
      ['a card that does not exist', { t: 'decide', round: 1, decision: { ...DECISION, card: { kind: 'bribe', corner: 'value' } } }, 'invalid', /\$\.decision\.card\.kind/],
      ['not JSON', '{"t": "decide", ', 'invalid', /not JSON/],
      ['oversized', JSON.stringify({ t: 'decide', id: 1, round: 1, decision: DECISION, pad: 'x'.repeat(9000) }), 'too-large', /too large/],
      ['a second hello', { t: 'hello', as: 'facilitator', session: a.id, secret: a.secret }, 'hello-twice', /already/],
    ];
    for (const [what, msg, code, message] of cases) {
      const from = p.messages.length;
      const reply =
        typeof msg === 'string'
          ? (p.send(msg), await p.waitFor((m) => m.t === 'error', what, from))
          : msg.t === 'hello'
            ? (p.send(msg), await p.waitFor((m) => m.t === 'error', what, from))
            : await p.request(msg);
      expect(reply.t, what).toBe('error');
      expect(reply.code, what).toBe(code);
      expect(String(reply.message), what).toMatch(message);
    }
    // the connection is still good
    expect((await p.request({ t: 'ping' })).t).toBe('pong');
    expect([await snapshot(a), await snapshot(b)]).toEqual(before);
  });

  it('a token works only in its own session; a facilitator key only for its own session', async () => {
    const before = [await snapshot(a), await snapshot(b)];
    const wrongSession = await Client.hello(server, { as: 'participant', session: b.id, token: tokenA });
    expect(wrongSession.messages[0]).toMatchObject({ t: 'error', code: 'bad-token' });
    expect((await wrongSession.request({ t: 'decide', round: 1, decision: DECISION })).code).toBe('hello-first');
    wrongSession.close();
    const wrongKey = await Client.hello(server, { as: 'facilitator', session: b.id, secret: a.secret });
    expect(wrongKey.messages[0]).toMatchObject({ t: 'error', code: 'bad-secret' });
    expect((await wrongKey.request({ t: 'act', action: { type: 'end' } })).code).toBe('hello-first');
    wrongKey.close();
    const projectorAsParticipant = await Client.hello(server, { as: 'projector', session: a.id, token: tokenA });
    expect(projectorAsParticipant.messages[0]).toMatchObject({ t: 'error', code: 'bad-secret' });
    projectorAsParticipant.close();
    const projector = await Client.hello(server, { as: 'projector', session: a.id, secret: a.secret });
    expect((await projector.request({ t: 'act', action: { type: 'close' } })).code).toBe('not-facilitator');
    expect((await projector.request({ t: 'decide', round: 1, decision: DECISION })).code).toBe('not-participant');
    projector.close();
    const noSession = await Client.hello(server, { as: 'participant', session: 'A'.repeat(22), token: tokenB });
    expect(noSession.messages[0]).toMatchObject({ t: 'error', code: 'no-session' });
    noSession.close();
    expect([await snapshot(a), await snapshot(b)]).toEqual(before);
  });

  it('a released seat: the old token is refused (replayed token), the seat can be taken again', async () => {
    const token = await takeSeat(server, a.code, 1, 'D', 'Olf');
    const holder = await Client.hello(server, { as: 'participant', session: a.id, token });
    expect((await fac.request({ t: 'act', action: { type: 'release', team: 1, role: 'D' } })).t).toBe('ack');
    await holder.waitFor(() => holder.closed !== null, 'the freed seat to be cut');
    const replay = await Client.hello(server, { as: 'participant', session: a.id, token });
    expect(replay.messages[0]).toMatchObject({ t: 'error', code: 'bad-token' });
    replay.close();
    const again = await takeSeat(server, a.code, 1, 'D', 'Pim');
    expect(again).not.toBe(token);
    // releasing a seat nobody holds is refused
    expect((await fac.request({ t: 'act', action: { type: 'release', team: 1, role: 'H' } })).code).toBe('seat');
  });

  it('a script in a name is kept as text: the export holds the exact characters, nothing is interpreted', async () => {
    const name = '<script>alert("x")</script>';
    await takeSeat(server, a.code, 1, 'H', name);
    const e = JSON.parse(await apiText(server, `/api/sessions/${a.id}/export.json`, a.secret)) as { teams: unknown };
    const view = await fac.view((v) => JSON.stringify(v).includes('alert'), 'the name in the god view');
    const seats = (view.teams as { seats: { role: string; name: string | null }[] }[])[1].seats;
    expect(seats.find((x) => x.role === 'H')?.name).toBe(name);
    expect(e).toBeTruthy();
    const bad = await api<{ error: { message: string } }>(server, 'POST', '/api/seat', { code: a.code, team: 1, role: 'P', name: 'tab\there' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('$.name');
    const long = await api<{ error: { message: string } }>(server, 'POST', '/api/seat', { code: a.code, team: 1, role: 'P', name: 'x'.repeat(41) });
    expect(long.body.error.message).toContain('$.name: too long: must have at most 40 characters');
  });

  it('a connection that floods is slowed, then cut; others carry on', async () => {
    const flood = await Client.hello(server, { as: 'participant', session: b.id, token: tokenB });
    for (let i = 0; i < 400; i++) flood.send({ t: 'ping', id: i });
    await flood.waitFor(() => flood.closed !== null, 'the flood to be cut', 0, 30_000);
    expect(flood.messages.some((m) => m.t === 'error' && m.code === 'slow-down')).toBe(true);
    expect(flood.closed?.code).toBe(1008);
    // fewer answers than requests: the excess was dropped, not queued
    expect(flood.messages.filter((m) => m.t === 'pong').length).toBeLessThan(400);
    expect((await p.request({ t: 'decide', round: 1, decision: DECISION })).t).toBe('ack');
  });

  it('wrong join codes are rate-limited per address (429), so codes cannot be guessed', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const guess = ['222222', '333333', '444444', '555555'][i % 4];
      statuses.push((await api(server, 'POST', '/api/join', { code: guess })).status);
    }
    expect(statuses.filter((s) => s === 404).length).toBeGreaterThan(0);
    expect(statuses.slice(-3)).toEqual([429, 429, 429]);
    const limited = await api<{ error: { code: string } }>(server, 'POST', '/api/join', { code: a.code });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('too-many');
  });
});
