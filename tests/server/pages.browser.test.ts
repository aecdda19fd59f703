// Every training page in real Chromium against a real server, for what the session test does not follow:
// the security headers and that every page works under the Content-Security-Policy (no violation in the
// console), what each page downloads (a phone never loads the sandbox or the stage), the projector's loop
// step at 1024x768 without scrolling, the debrief's month-by-month stage, its "what if" branching at the
// round's start from the stored decision, and the one-screen mode's stage.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { serveStatic } from '../browser/static-server.mjs';
import { Client, createSession, DECISION, ROOT, SETUP, startServer, takeSeat, type Created, type Server } from './harness';
import { DESK, launch, LAPTOP, person, PHONE, type Person } from './pages';

const SEATS = [
  [0, 'W', 'Ada'],
  [0, 'H', 'Bram'],
  [1, 'W', 'Chaya'],
] as const;
// what participants decided in round 1 (seat i), as stored
const decided = (i: number) => ({ ...DECISION, stance: { ...DECISION.stance, value: 0.2 + 0.2 * i } });

let server: Server;
let browser: Browser;
let s: Created;
let tokens: string[] = [];

beforeAll(async () => {
  server = await startServer();
  browser = await launch();
  s = await createSession(server, { ...SETUP, monthsPerRound: 4 });
  tokens = [];
  for (const [team, role, name] of SEATS) tokens.push(await takeSeat(server, s.code, team, role, name));
  const fac = await Client.hello(server, { as: 'facilitator', session: s.id, secret: s.secret });
  const players = await Promise.all(tokens.map((token) => Client.hello(server, { as: 'participant', session: s.id, token })));
  for (let round = 1; round <= 2; round++) {
    await fac.request({ t: 'act', action: { type: 'open' } });
    for (const [i, p] of players.entries()) expect((await p.request({ t: 'decide', round, decision: round === 1 ? decided(i) : DECISION })).t).toBe('ack');
    await fac.request({ t: 'act', action: { type: 'close' } });
    await fac.request({ t: 'act', action: { type: 'advance' } });
    await fac.view((v) => v.phase === 'results' && v.pending === false && v.resultsRound === round);
  }
  fac.close();
  for (const p of players) p.close();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** a person whose page records CSP violations (events and console lines) and the scripts it loads */
async function watched(viewport = LAPTOP, seat?: number): Promise<Person & { csp: string[]; scripts: Map<string, number> }> {
  const p = await person(browser, viewport);
  const csp: string[] = [];
  const scripts = new Map<string, number>();
  p.page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) csp.push(m.text());
  });
  p.page.on('response', async (r) => {
    if (/\.m?js(\?|$)/.test(r.url())) scripts.set(r.url(), (await r.body().catch(() => Buffer.alloc(0))).length);
  });
  await p.context.exposeFunction('__cspViolation', (text: string) => csp.push(text));
  await p.context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { __cspViolation(t: string): void }).__cspViolation(`${e.violatedDirective}: ${e.blockedURI}`));
  });
  if (seat !== undefined) {
    const [team, role, name] = SEATS[seat];
    await p.context.addInitScript((v) => localStorage.setItem(v[0], v[1]), [`meerwaarde.seat.${s.id}`, JSON.stringify({ token: tokens[seat], team, role, name, teamName: ['Noord', 'Zuid'][team] })] as const);
  }
  return { ...p, csp, scripts };
}

const bytes = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
const pixi = async (page: Page, urls: Iterable<string>) => {
  for (const u of urls) {
    const text = await page.request.get(u).then((r) => r.text());
    if (/does not allow unsafe-eval/.test(text)) return true;
  }
  return false;
};

describe('the training pages in Chromium', () => {
  it('send a Content-Security-Policy and the usual security headers', async () => {
    for (const path of ['/', '/join', '/facilitator', '/api/scenarios']) {
      const r = await fetch(server.url + path);
      const csp = r.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("default-src 'self'");
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).not.toContain('unsafe-eval');
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      expect(r.headers.get('referrer-policy')).toBe('no-referrer');
      expect(r.headers.get('x-frame-options')).toBe('DENY');
      expect(r.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    }
  });

  it('every page works under it (no violation) and a phone loads neither the sandbox nor the stage', async () => {
    const auth = `s=${s.id}#k=${s.secret}`;
    const pages: [string, string, { width: number; height: number }, number | undefined, string][] = [
      ['sandbox', '/', DESK, undefined, '.stage canvas, [data-stage] canvas, canvas'],
      ['setup', '/training', DESK, undefined, 'form'],
      ['join', `/join?code=${s.code}`, PHONE, undefined, 'input[name="name"]'],
      ['play', `/play?s=${s.id}`, PHONE, 1, '.decision-form'],
      ['facilitator', `/facilitator?${auth}`, DESK, undefined, '.god-body'],
      ['projector', `/projector?${auth}`, LAPTOP, undefined, '.proj-reveal'],
      ['debrief', `/debrief?${auth}`, DESK, undefined, '.replay-stage canvas'],
      ['solo', '/solo', LAPTOP, undefined, 'form'],
    ];
    const loaded: Record<string, Map<string, number>> = {};
    for (const [name, path, viewport, seat, ready] of pages) {
      const p = await watched(viewport, seat);
      await p.page.goto(server.url + path);
      if (name !== 'sandbox') await p.page.waitForSelector(`[data-ready="${name === 'setup' ? 'training' : name}"]`);
      await p.page.waitForSelector(ready, { state: 'attached' });
      await p.page.waitForLoadState('networkidle');
      expect(p.csp, `${name}: ${p.csp.join(' | ')}`).toEqual([]);
      expect(p.errors, name).toEqual([]);
      loaded[name] = p.scripts;
      if (name === 'join' || name === 'play') expect(await pixi(p.page, p.scripts.keys()), `${name} loads Pixi`).toBe(false);
      if (name === 'debrief') expect(await pixi(p.page, p.scripts.keys()), 'the debrief draws the stage').toBe(true);
      await p.context.close();
    }
    // the sandbox's own code stays with the sandbox: the phone's pages load a small part of it
    for (const name of ['join', 'play']) {
      expect(bytes(loaded[name]), `${name}: ${[...loaded[name].keys()].map((u) => u.split('/').pop()).join(', ')}`).toBeLessThan(bytes(loaded.sandbox) / 4);
      const sandboxOnly = [...loaded.sandbox.keys()].filter((u) => /\/app-[^/]+\.js$/.test(u));
      expect(sandboxOnly).toHaveLength(1);
      expect([...loaded[name].keys()]).not.toContain(sandboxOnly[0]);
    }
  });

  it('the projector shows the loop step at 1024x768 without scrolling', async () => {
    const fac = await Client.hello(server, { as: 'facilitator', session: s.id, secret: s.secret });
    await fac.request({ t: 'act', action: { type: 'reveal', step: 2 } });
    fac.close();
    const p = await watched(LAPTOP);
    await p.page.goto(`${server.url}/projector?s=${s.id}#k=${s.secret}`);
    await p.page.waitForSelector('.proj-reveal[data-step="loop"] canvas');
    await p.page.waitForFunction(() => (document.querySelector('.proj-reveal canvas') as HTMLCanvasElement | null)?.height ?? 0 > 0);
    for (const lang of ['en', 'nl']) {
      await p.page.locator(`.lang-switch button[data-lang="${lang}"]`).click();
      await expect.poll(() => p.page.evaluate(() => document.documentElement.lang)).toBe(lang);
      await p.page.waitForFunction(() => document.documentElement.scrollHeight <= innerHeight, undefined, { timeout: 5000 }).catch(() => undefined);
      const size = await p.page.evaluate(() => ({
        page: document.documentElement.scrollHeight,
        view: innerHeight,
        wide: document.documentElement.scrollWidth,
        vw: innerWidth,
        parts: [...document.querySelectorAll('.training-header, .proj-top, .proj-step-row, .proj-team-picker, .proj-stage:not([hidden]), .proj-stage-caption, .proj-reveal > .hint')].map((e) => `${e.className} ${Math.round(e.getBoundingClientRect().top)}+${Math.round(e.getBoundingClientRect().height)}`),
      }));
      expect(size.page, `${lang}: ${JSON.stringify(size)}`).toBeLessThanOrEqual(size.view);
      expect(size.wide).toBeLessThanOrEqual(size.vw);
      // the next-step button and the team picker are on screen
      for (const sel of ['button[data-action="next-step"]', '.proj-team-picker button']) {
        const box = await p.page.locator(sel).first().boundingBox();
        expect(box && box.y + box.height <= 768, `${lang}: ${sel}`).toBe(true);
      }
    }
    expect(p.csp).toEqual([]);
    await p.context.close();
  });

  it('the debrief replays month by month on the stage, with its text alternative', async () => {
    const p = await watched(DESK);
    await p.page.goto(`${server.url}/debrief?s=${s.id}#k=${s.secret}`);
    await p.page.waitForSelector('.replay-stage[data-month="8"] canvas');
    const describe = () => p.page.locator('.replay-stage .stage-description').textContent();
    const at8 = await describe();
    await p.page.locator('[data-field="replay-month"]').fill('1');
    await p.page.waitForSelector('.replay-stage[data-month="1"]');
    await expect.poll(describe).not.toBe(at8);
    expect(await describe()).toMatch(/1/);
    await p.page.selectOption('[data-field="replay-team"]', '1');
    await p.page.waitForSelector('.replay-stage[data-team="1"][data-month="1"]');
    // play runs the months on the stage to the last
    await p.page.click('button[data-action="replay-play"]');
    await p.page.waitForSelector('.replay-stage[data-month="8"]', { timeout: 30_000 });
    await expect.poll(() => p.page.locator('button[data-action="replay-play"]').getAttribute('aria-pressed')).toBe('false');
    expect(p.errors).toEqual([]);
    await p.context.close();
  });

  it('"what if" starts from the decision stored for the round, and unchanged replays the team exactly as played', async () => {
    const p = await watched(DESK);
    await p.page.goto(`${server.url}/debrief?s=${s.id}#k=${s.secret}`);
    await p.page.waitForSelector('.whatif-source[data-source="stored"]');
    await p.page.selectOption('[data-field="whatif-team"]', '0');
    await p.page.selectOption('[data-field="whatif-round"]', '1');
    await p.page.selectOption('[data-field="whatif-role"]', 'H');
    await p.page.waitForSelector('.whatif-source[data-source="stored"]');
    // Bram (team 0, H) decided a stance on value of 0.4 in round 1, 0.5 (DECISION) in round 2
    expect(Number(await p.page.locator('.whatif .decision-form input[data-setting="stance.value"]').inputValue())).toBeCloseTo(decided(1).stance.value, 6);
    await p.page.selectOption('[data-field="whatif-round"]', '2');
    expect(Number(await p.page.locator('.whatif .decision-form input[data-setting="stance.value"]').inputValue())).toBeCloseTo(DECISION.stance.value, 6);
    await p.page.selectOption('[data-field="whatif-round"]', '1');
    const columns = async () =>
      p.page.locator('.whatif-result tbody tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent)));
    await p.page.locator('.whatif button[data-action="save-decision"]').click();
    await p.page.waitForSelector('.whatif-result table');
    const same = await columns();
    expect(same.length).toBeGreaterThan(5);
    for (const [asPlayed, whatIf] of same) expect(whatIf).toBe(asPlayed);
    // a changed decision gives another run
    await p.page.locator('.whatif .decision-form input[data-setting="stance.value"]').fill('1');
    await p.page.locator('.whatif .decision-form input[data-setting="attention.value"]').fill('1');
    await p.page.locator('.whatif button[data-action="save-decision"]').click();
    await expect.poll(async () => (await columns()).some(([a, b]) => a !== b)).toBe(true);
    // a role nobody played: the model decided, and the form says so
    await p.page.selectOption('[data-field="whatif-role"]', 'D');
    await p.page.waitForSelector('.whatif-source[data-source="model"]');
    expect(p.errors).toEqual([]);
    await p.context.close();
  });

  it('a preset saved on the console is listed on this browser\'s set-up page only, and deleted there', async () => {
    const p = await watched(DESK);
    await p.page.goto(`${server.url}/facilitator?s=${s.id}#k=${s.secret}`);
    await p.page.waitForSelector('[data-ready="facilitator"]');
    await p.page.fill('[data-field="preset-name"]', 'Twee teams <i>kort</i>');
    await p.page.click('button[data-action="save-preset"]');
    await expect.poll(() => p.page.locator('.tools [role="status"]').textContent()).toContain('Twee teams <i>kort</i>');
    const key = await p.page.evaluate(() => localStorage.getItem('meerwaarde.presetKey'));
    expect(key).toMatch(/^[A-Za-z0-9_-]{32}$/);
    await p.page.goto(`${server.url}/training`);
    await p.page.waitForSelector('[data-ready="training"]');
    const use = p.page.locator('button[data-preset]');
    await expect.poll(() => use.count()).toBe(1);
    expect(await use.textContent()).toContain('Twee teams <i>kort</i>');
    // another browser (no key) sees none, until the key is typed in
    const other = await watched(PHONE);
    await other.page.goto(`${server.url}/training`);
    await other.page.waitForSelector('[data-ready="training"]');
    expect(await other.page.locator('button[data-preset]').count()).toBe(0);
    await other.page.fill('[data-field="preset-key"]', key!);
    await other.page.click('button[data-action="preset-key"]');
    await expect.poll(() => other.page.locator('button[data-preset]').count()).toBe(1);
    await other.context.close();
    await use.click();
    expect(await p.page.locator('[data-field="title"]').inputValue()).toBe(SETUP.title);
    await p.page.click('button[data-delete-preset]');
    await expect.poll(() => use.count()).toBe(0);
    expect(p.csp).toEqual([]);
    expect(p.errors).toEqual([]);
    await p.context.close();
  });

  it('the one-screen mode draws the stage after a round (on a static host, under no server)', async () => {
    const site = await serveStatic(join(ROOT, 'dist'), '/static/');
    try {
      const p = await watched(LAPTOP);
      await p.page.goto(`${site.url}?page=solo`);
      await p.page.waitForSelector('[data-ready="solo"]');
      await p.page.click('button[data-action="create"]');
      await p.page.click('button[data-action="open"]');
      await p.page.click('button[data-action="save-decision"]');
      await p.page.click('button[data-action="close"]');
      await p.page.click('button[data-action="advance"]');
      await p.page.waitForSelector('.solo-stage:not([hidden]) .solo-stage-host canvas');
      await p.page.waitForSelector('.solo-stage-host .stage-description');
      expect((await p.page.locator('.solo-stage-host .stage-description').textContent())?.length).toBeGreaterThan(20);
      expect(p.errors).toEqual([]);
      await p.context.close();
    } finally {
      await site.close();
    }
  });
});
