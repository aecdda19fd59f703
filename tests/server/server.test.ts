// The training server end to end over real HTTP and WebSocket on 127.0.0.1, with a real SQLite file:
// set-up, seats, decisions acknowledged after commit, results from the model threads, the facilitator's
// actions, export, a crash (SIGKILL) mid-round and a restart that loses nothing, and equality with
// `meerwaarde run` on each team's effective scenario.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, apiText, Client, createSession, DECISION, ROOT, SETUP, startServer, takeSeat, tempDir, type Created, type Server } from './harness';

const ROLES = ['W', 'D', 'H', 'P'] as const;

/** a one-team session with one seated participant who decided in round 1, played (advanced) */
async function oneRoundPlayed(server: Server, role: string, name: string) {
  const s = await createSession(server, { ...SETUP, teams: [{ name: 'Een' }] });
  const token = await takeSeat(server, s.code, 0, role, name);
  const fac = await Client.hello(server, { as: 'facilitator', session: s.id, secret: s.secret });
  const p = await Client.hello(server, { as: 'participant', session: s.id, token });
  await fac.request({ t: 'act', action: { type: 'open' } });
  await p.request({ t: 'decide', round: 1, decision: DECISION });
  await fac.request({ t: 'act', action: { type: 'close' } });
  await fac.request({ t: 'act', action: { type: 'advance' } });
  return { s, fac, p };
}

describe('training server', () => {
  let server: Server;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('creates a session from a built-in scenario and refuses a bad set-up with JSON paths, creating nothing', async () => {
    const before = await api<{ sessions: number }>(server, 'GET', '/api/server');
    const bad = await api<{ error: { code: string; message: string } }>(server, 'POST', '/api/sessions', {
      setup: { ...SETUP, seed: -3, rounds: 99, roles: ['W', 'W'], extra: true },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('$.setup.seed');
    expect(bad.body.error.message).toContain('$.setup.rounds');
    expect(bad.body.error.message).toContain('unknown key "extra"');
    const unknown = await api<{ error: { message: string } }>(server, 'POST', '/api/sessions', { setup: { ...SETUP, scenario: { builtin: 'atlantis' } } });
    expect(unknown.status).toBe(409);
    expect(unknown.body.error.message).toContain('atlantis');
    const notJson = await api<{ error: { code: string } }>(server, 'POST', '/api/sessions', '{"setup": ');
    expect(notJson.status).toBe(400);
    const after = await api<{ sessions: number }>(server, 'GET', '/api/server');
    expect(after.body.sessions).toBe(before.body.sessions);

    const created = await createSession(server);
    expect(created.code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/);
    expect(created.secret.length).toBeGreaterThanOrEqual(32);
    const qr = await api<string>(server, 'GET', `/api/sessions/${created.id}/qr.svg`);
    expect(qr.status).toBe(200);
    expect(qr.body).toContain('<svg');
  });

  it('seats people with the code, refuses a taken seat, a wrong code and a role the model plays', async () => {
    const s = await createSession(server, { ...SETUP, roles: ['W', 'H'] });
    const join = await api<{ session: string; teams: { seats: { role: string; open: boolean; taken: boolean }[] }[] }>(server, 'POST', '/api/join', { code: s.code.toLowerCase() });
    expect(join.status).toBe(200);
    expect(join.body.session).toBe(s.id);
    expect(join.body.teams[0].seats.filter((x) => x.open).map((x) => x.role)).toEqual(['W', 'H']);
    await takeSeat(server, s.code, 0, 'W', 'Ada');
    const again = await api<{ error: { code: string } }>(server, 'POST', '/api/seat', { code: s.code, team: 0, role: 'W', name: 'Bea' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('taken');
    const bot = await api<{ error: { code: string } }>(server, 'POST', '/api/seat', { code: s.code, team: 0, role: 'D', name: 'Cas' });
    expect(bot.body.error.code).toBe('role');
    const noTeam = await api<{ error: { code: string } }>(server, 'POST', '/api/seat', { code: s.code, team: 5, role: 'H', name: 'Dee' });
    expect(noTeam.body.error.code).toBe('team');
    const wrong = await api<{ error: { code: string } }>(server, 'POST', '/api/join', { code: s.code === 'ZZZZZZ' ? 'YYYYYY' : 'ZZZZZZ' });
    expect(wrong.status).toBe(404);
    const view = await api<{ teams: { seats: { role: string; taken: boolean }[] }[] }>(server, 'POST', '/api/join', { code: s.code });
    expect(view.body.teams[0].seats.find((x) => x.role === 'W')?.taken).toBe(true);
    expect(view.body.teams[1].seats.find((x) => x.role === 'W')?.taken).toBe(false);
  });

  it('acknowledges a decision only once it is stored; a participant sees only what the role would know', async () => {
    const s = await createSession(server);
    const token = await takeSeat(server, s.code, 1, 'H', 'Ezra');
    const fac = await Client.hello(server, { as: 'facilitator', session: s.id, secret: s.secret });
    const p = await Client.hello(server, { as: 'participant', session: s.id, token });
    expect((await fac.request({ t: 'act', action: { type: 'open' } })).t).toBe('ack');
    const ack = await p.request({ t: 'decide', round: 1, decision: { ...DECISION, card: { kind: 'designed', corner: 'capacity' } } });
    expect(ack.t).toBe('ack');
    // the ack came after the commit: the file holds it (read on a connection of our own), and the export
    const file = new Database(server.db, { readonly: true });
    expect(file.prepare('SELECT team, role, name FROM decisions WHERE session = ?').all(s.id)).toEqual([{ team: 1, role: 'H', name: 'Ezra' }]);
    file.close();
    const exported = await api<{ decisions: { role: string; team: number; name: string; decision: unknown }[] }>(server, 'GET', `/api/sessions/${s.id}/export.json`, undefined, s.secret);
    expect(exported.body.decisions).toHaveLength(1);
    expect(exported.body.decisions[0]).toMatchObject({ role: 'H', team: 1, name: 'Ezra', decision: { card: { kind: 'designed', corner: 'capacity' } } });
    const fv = await fac.view((v) => (v.teams as { seats: { role: string; decided: boolean }[] }[])[1].seats.some((x) => x.role === 'H' && x.decided), 'H decided');
    expect(fv.phase).toBe('open');

    await fac.request({ t: 'act', action: { type: 'close' } });
    await fac.request({ t: 'act', action: { type: 'advance' } });
    const pv = await p.view((v) => v.phase === 'results' && v.pending === false, 'results');
    const own = pv.own as { role: string; attention: Record<string, number>; stance: Record<string, number>; audiences: { id: string }[]; control: string };
    expect(own.role).toBe('H');
    expect(own.control).toBe('fixed');
    expect(own.stance.value).toBeCloseTo(0.8, 10);
    expect(own.attention.value).toBeCloseTo(0.5, 10);
    expect(own.audiences.map((a) => a.id).sort()).toEqual(['clients', 'employers']);
    // nothing of the other managers or of the whole run reaches a participant
    const text = JSON.stringify(pv);
    expect(text).not.toContain('"managers"');
    expect(text).not.toContain('"report"');
    expect(text).not.toContain(s.code);
    expect(text).not.toContain(s.secret);
    expect((pv.events as { kind: string; manager?: string }[]).every((e) => e.kind !== 'initiative' || e.manager === 'H')).toBe(true);
    // the facilitator sees every team (the god view)
    await fac.view((v) => v.pending === false && v.phase === 'results', 'god view');
    const god = await fac.waitFor((m) => m.t === 'results' && m.round === 1, 'every team\'s results');
    const teams = god.teams as { snapshot: { managers: Record<string, unknown> } }[];
    expect(teams).toHaveLength(2);
    expect(Object.keys(teams[0].snapshot.managers)).toEqual([...ROLES]);
    fac.close();
    p.close();
  });

  it('undo of the last advance returns to the closed round; advancing again gives the same bytes', async () => {
    const { s, fac, p } = await oneRoundPlayed(server, 'W', 'Fé');
    const first = await apiText(server, `/api/sessions/${s.id}/teams/0/summary.json`, s.secret);
    expect((await fac.request({ t: 'act', action: { type: 'undo' } })).t).toBe('ack');
    const closed = await fac.view((v) => v.phase === 'closed' && v.pending === false, 'closed again');
    expect(closed.resultsRound).toBe(0);
    // a participant cannot change a closed round; the facilitator can reopen it
    expect((await p.request({ t: 'decide', round: 1, decision: DECISION })).code).toBe('closed');
    await fac.request({ t: 'act', action: { type: 'advance' } });
    const second = await apiText(server, `/api/sessions/${s.id}/teams/0/summary.json`, s.secret);
    expect(second).toBe(first);
    // undo is for the last advance only
    await fac.request({ t: 'act', action: { type: 'open' } });
    expect((await fac.request({ t: 'act', action: { type: 'undo' } })).code).toBe('phase');
    fac.close();
    p.close();
  });

  it('a "what if" replays one team with one decision changed, leaving the session as it was', async () => {
    const { s, fac, p } = await oneRoundPlayed(server, 'D', 'Gus');
    const before = await apiText(server, `/api/sessions/${s.id}/teams/0/summary.json`, s.secret);
    const changed = await fac.request({
      t: 'whatIf',
      change: { team: 0, round: 1, role: 'D', decision: { ...DECISION, stance: { value: 0, capacity: 1, legitimacy: 0 } } },
    });
    expect(changed.t).toBe('whatIf');
    const result = changed.result as { roles: { D: { stance: { capacity: number } } } };
    const actual = changed.actual as { roles: { D: { stance: { capacity: number } } } };
    expect(result.roles.D.stance.capacity).toBe(1);
    expect(actual.roles.D.stance.capacity).toBeCloseTo(0.25, 10);
    const same = await fac.request({ t: 'whatIf', change: { team: 0, round: 1, role: 'D', decision: DECISION } });
    expect(JSON.stringify((same.result as { report: unknown }).report)).toBe(JSON.stringify((same.actual as { report: unknown }).report));
    expect((await fac.request({ t: 'whatIf', change: { team: 0, round: 2, role: 'D', decision: null } })).code).toBe('round');
    const after = await apiText(server, `/api/sessions/${s.id}/teams/0/summary.json`, s.secret);
    expect(after).toBe(before);
    fac.close();
    p.close();
  });

  it('exports every decision with its time, seed, scenario hash and versions as JSON and CSV; names stay text', async () => {
    const s = await createSession(server, { ...SETUP, teams: [{ name: '=HYPERLINK("x")' }] });
    const token = await takeSeat(server, s.code, 0, 'P', '<img src=x onerror=alert(1)>, "Ida"');
    const fac = await Client.hello(server, { as: 'facilitator', session: s.id, secret: s.secret });
    const p = await Client.hello(server, { as: 'participant', session: s.id, token });
    await fac.request({ t: 'act', action: { type: 'open' } });
    await p.request({ t: 'decide', round: 1, decision: DECISION });
    await p.request({ t: 'decide', round: 1, decision: { ...DECISION, card: { kind: 'reframe', corner: 'legitimacy' } } });
    const json = await api<{ seed: number; versions: { modelVersion: string; scenarioHash: string; app: string }; decisions: { at: string; counted: boolean; name: string }[] }>(
      server,
      'GET',
      `/api/sessions/${s.id}/export.json`,
      undefined,
      s.secret,
    );
    expect(json.body.seed).toBe(SETUP.seed);
    expect(json.body.versions.scenarioHash).toMatch(/^[0-9a-f]{64}$/);
    expect(json.body.versions.modelVersion).toMatch(/^\d+\.\d+\.\d+$/);
    expect(json.body.decisions.map((d) => d.counted)).toEqual([false, true]);
    expect(new Date(json.body.decisions[0].at).getTime()).toBeGreaterThan(0);
    expect(json.body.decisions[0].name).toBe('<img src=x onerror=alert(1)>, "Ida"');
    const csv = await api<string>(server, 'GET', `/api/sessions/${s.id}/export.csv`, undefined, s.secret);
    const lines = csv.body.trim().split('\n');
    expect(lines[0].split(',').slice(0, 3)).toEqual(['model_version', 'scenario_hash', 'seed']);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`"'=HYPERLINK(""x"")"`);
    expect(lines[1]).toContain('"<img src=x onerror=alert(1)>, ""Ida"""');
    // without the facilitator's key: refused
    expect((await api(server, 'GET', `/api/sessions/${s.id}/export.json`)).status).toBe(401);
    expect((await api(server, 'GET', `/api/sessions/${s.id}/export.json`, undefined, 'x'.repeat(32))).status).toBe(403);
    fac.close();
    p.close();
  });

  it('ends and deletes a session: its rows leave the database and its pages are told', async () => {
    const s = await createSession(server, { ...SETUP, teams: [{ name: 'Weg' }] });
    const token = await takeSeat(server, s.code, 0, 'W', 'Jo');
    const fac = await Client.hello(server, { as: 'facilitator', session: s.id, secret: s.secret });
    const p = await Client.hello(server, { as: 'participant', session: s.id, token });
    await fac.request({ t: 'act', action: { type: 'open' } });
    await p.request({ t: 'decide', round: 1, decision: DECISION });
    await fac.request({ t: 'act', action: { type: 'end' } });
    expect((await p.request({ t: 'decide', round: 1, decision: DECISION })).code).toBe('ended');
    expect((await api(server, 'POST', '/api/join', { code: s.code })).status).toBe(404);
    const del = await api(server, 'DELETE', `/api/sessions/${s.id}`, undefined, s.secret);
    expect(del.status).toBe(200);
    await p.waitFor((m) => m.t === 'closed', 'closed');
    const count = execFileSync(process.execPath, [
      '-e',
      `const D=require('better-sqlite3');const d=new D(process.argv[1],{readonly:true});const n=['sessions','actions','seats','decisions'].map(t=>d.prepare('select count(*) n from '+t+' where '+(t==='sessions'?'id':'session')+'=?').get(process.argv[2]).n);console.log(n.join(','))`,
      server.db,
      s.id,
    ], { cwd: ROOT }).toString().trim();
    expect(count).toBe('0,0,0,0');
    expect((await api(server, 'GET', `/api/sessions/${s.id}/export.json`, undefined, s.secret)).status).toBe(403);
  });
});

describe('presets belong to the facilitator who saved them', () => {
  let server: Server;
  afterAll(async () => {
    await server?.stop();
  });

  it('lists and deletes them only with the preset key; nobody else sees or removes them; an older file starts with none listed', async () => {
    // a file from before presets had owners: its preset is listed by nobody
    const db = join(tempDir(), 'sessions.db');
    const old = new Database(db);
    old.exec('CREATE TABLE presets (id TEXT PRIMARY KEY, name TEXT NOT NULL, setup TEXT NOT NULL, created_at INTEGER NOT NULL)');
    old.prepare('INSERT INTO presets VALUES (?, ?, ?, ?)').run('oldpreset000', 'Oud', JSON.stringify(SETUP), 1);
    old.close();
    server = await startServer({ db });
    const a = await createSession(server);
    const b = await createSession(server, { ...SETUP, title: 'Tweede' });
    type Saved = { id: string; name: string; owner: string };
    // without a key, or with a participant's token, or another session's key: refused
    expect((await api(server, 'GET', '/api/presets')).status).toBe(401);
    const token = await takeSeat(server, a.code, 0, 'W', 'Ada');
    expect((await api(server, 'POST', `/api/sessions/${a.id}/preset`, { name: 'x' }, token)).status).toBe(403);
    expect((await api(server, 'POST', `/api/sessions/${a.id}/preset`, { name: 'x' }, b.secret)).status).toBe(403);
    expect((await api(server, 'POST', `/api/sessions/${a.id}/preset`, { name: 'x', owner: 'short' }, a.secret)).status).toBe(400);
    const first = await api<Saved>(server, 'POST', `/api/sessions/${a.id}/preset`, { name: 'Middenstad <b>2x</b>' }, a.secret);
    expect(first.status).toBe(200);
    expect(first.body.owner).toMatch(/^[A-Za-z0-9_-]{32}$/);
    // a second preset from another session, filed under the same key
    const second = await api<Saved>(server, 'POST', `/api/sessions/${b.id}/preset`, { name: 'Tweede', owner: first.body.owner }, b.secret);
    expect(second.body.owner).toBe(first.body.owner);
    // somebody else's preset
    const other = await api<Saved>(server, 'POST', `/api/sessions/${b.id}/preset`, { name: 'Van een ander' }, b.secret);
    expect(other.body.owner).not.toBe(first.body.owner);
    const mine = await api<{ id: string; name: string; setup: { title: string } }[]>(server, 'GET', '/api/presets', undefined, first.body.owner);
    expect(mine.body.map((p) => p.name)).toEqual(['Middenstad <b>2x</b>', 'Tweede']);
    expect(mine.body[1].setup.title).toBe('Tweede');
    expect(JSON.stringify(mine.body)).not.toContain(first.body.owner);
    const theirs = await api<{ name: string }[]>(server, 'GET', '/api/presets', undefined, other.body.owner);
    expect(theirs.body.map((p) => p.name)).toEqual(['Van een ander']);
    expect((await api<unknown[]>(server, 'GET', '/api/presets', undefined, 'x'.repeat(32))).body).toEqual([]);
    // deleting: not somebody else's, not without a key, not the ownerless old one; one's own, once
    expect((await api(server, 'DELETE', `/api/presets/${other.body.id}`, undefined, first.body.owner)).status).toBe(404);
    expect((await api(server, 'DELETE', `/api/presets/${other.body.id}`)).status).toBe(401);
    expect((await api(server, 'DELETE', '/api/presets/oldpreset000', undefined, first.body.owner)).status).toBe(404);
    expect((await api(server, 'DELETE', `/api/presets/${first.body.id}`, undefined, first.body.owner)).status).toBe(200);
    expect((await api(server, 'DELETE', `/api/presets/${first.body.id}`, undefined, first.body.owner)).status).toBe(404);
    expect((await api<{ name: string }[]>(server, 'GET', '/api/presets', undefined, first.body.owner)).body.map((p) => p.name)).toEqual(['Tweede']);
    expect((await api<{ name: string }[]>(server, 'GET', '/api/presets', undefined, other.body.owner)).body.map((p) => p.name)).toEqual(['Van een ander']);
    await server.stop();
    // kept across a restart, the old row untouched
    server = await startServer({ db });
    expect((await api<{ name: string }[]>(server, 'GET', '/api/presets', undefined, first.body.owner)).body.map((p) => p.name)).toEqual(['Tweede']);
    const check = new Database(db, { readonly: true });
    expect((check.prepare('SELECT count(*) AS n FROM presets').get() as { n: number }).n).toBe(3);
    check.close();
  });
});

describe('a crash loses nothing', () => {
  it('SIGKILL mid-round, restart: every decision, the state and the summaries are intact (same bytes), seats reconnect, and the run equals `meerwaarde run`', async () => {
    const dir = tempDir();
    const db = join(dir, 'sessions.db');
    let server = await startServer({ db });
    const s: Created = await createSession(server, { ...SETUP, rounds: 2 });
    const tokens = [await takeSeat(server, s.code, 0, 'W', 'Kim'), await takeSeat(server, s.code, 1, 'P', 'Lou')];
    let fac = await Client.hello(server, { as: 'facilitator', session: s.id, secret: s.secret });
    let ps = await Promise.all(tokens.map((token) => Client.hello(server, { as: 'participant', session: s.id, token })));
    await fac.request({ t: 'act', action: { type: 'open' } });
    await ps[0].request({ t: 'decide', round: 1, decision: DECISION });
    await ps[1].request({ t: 'decide', round: 1, decision: { ...DECISION, card: { kind: 'bold', corner: 'value' } } });
    await fac.request({ t: 'act', action: { type: 'luck', card: 'recession', team: null } });
    await fac.request({ t: 'act', action: { type: 'close' } });
    await fac.request({ t: 'act', action: { type: 'advance' } });
    await fac.request({ t: 'act', action: { type: 'open' } });
    await fac.request({ t: 'act', action: { type: 'luck', card: 'windfallGrant', team: 1 } });
    // round 2 is under way: one decision acknowledged, then the server dies
    const acked = await ps[0].request({ t: 'decide', round: 2, decision: { ...DECISION, stance: { value: 0.1, capacity: 0.9, legitimacy: 0.3 } } });
    expect(acked.t).toBe('ack');
    const summaries = await Promise.all([0, 1].map((t) => apiText(server, `/api/sessions/${s.id}/teams/${t}/summary.json`, s.secret)));
    const before = JSON.parse(await apiText(server, `/api/sessions/${s.id}/export.json`, s.secret)) as Record<string, unknown>;
    await server.stop('SIGKILL');
    for (const c of [fac, ...ps]) await c.waitFor(() => c.closed !== null, 'the connection to drop').catch(() => undefined);

    server = await startServer({ db });
    expect(server.output()).toContain('(1 restored)');
    fac = await Client.hello(server, { as: 'facilitator', session: s.id, secret: s.secret });
    ps = await Promise.all(tokens.map((token) => Client.hello(server, { as: 'participant', session: s.id, token })));
    const v0 = await ps[0].view((v) => v.pending === false, 'participant after restart');
    expect(v0).toMatchObject({ phase: 'open', round: 2, resultsRound: 1, decision: { round: 2, decision: { stance: { value: 0.1 } } } });
    const after = await Promise.all([0, 1].map((t) => apiText(server, `/api/sessions/${s.id}/teams/${t}/summary.json`, s.secret)));
    expect(after).toEqual(summaries);
    const exportAfter = JSON.parse(await apiText(server, `/api/sessions/${s.id}/export.json`, s.secret)) as Record<string, unknown>;
    for (const key of ['decisions', 'actions', 'luck', 'teams', 'setup', 'versions', 'state']) expect(exportAfter[key]).toEqual(before[key]);

    // play on to the end; each team's run is what `meerwaarde run` gives for its effective scenario
    await ps[1].request({ t: 'decide', round: 2, decision: DECISION });
    await fac.request({ t: 'act', action: { type: 'close' } });
    await fac.request({ t: 'act', action: { type: 'advance' } });
    const final = await fac.view((v) => v.finished === true && v.pending === false, 'finished');
    expect(final.resultsRound).toBe(2);
    for (const team of [0, 1]) {
      const summary = await apiText(server, `/api/sessions/${s.id}/teams/${team}/summary.json`, s.secret);
      const file = join(dir, `team${team}.json`);
      writeFileSync(file, await apiText(server, `/api/sessions/${s.id}/teams/${team}/scenario.json`, s.secret));
      const out = join(dir, `out${team}`);
      execFileSync(process.execPath, [join(ROOT, 'bin', 'meerwaarde.mjs'), 'run', file, '--seed', String(SETUP.seed), '--months', String(2 * SETUP.monthsPerRound), '--out', out]);
      expect(readFileSync(join(out, 'summary.json'), 'utf8')).toBe(summary);
    }
    for (const c of [fac, ...ps]) c.close();
    await server.stop();
  });
});
