// Screenshots of every training page at 1024x768, 1440x900 and 390x844, in Dutch and English, for a person
// to look at: `npx tsx tests/server/shots.ts DIR` (needs the built site and command line). Not a test.
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { serveStatic } from '../browser/static-server.mjs';
import { Client, createSession, DECISION, ROOT, SETUP, startServer, takeSeat } from './harness';
import { launch } from './pages';

const dir = process.argv[2] ?? '/tmp/meerwaarde-shots';
mkdirSync(dir, { recursive: true });
const SIZES = { '1024': { width: 1024, height: 768 }, '1440': { width: 1440, height: 900 }, '390': { width: 390, height: 844 } };

const server = await startServer();
const browser = await launch();
const s = await createSession(server, { ...SETUP, title: 'Workshop Middenstad', teams: [{ name: 'Noord' }, { name: 'Zuid' }] });
const seats = [
  [0, 'W', 'Ada de Vries'],
  [0, 'H', 'Bram'],
  [1, 'W', 'Chaya'],
  [1, 'P', 'Dirk'],
] as const;
const tokens: string[] = [];
for (const [team, role, name] of seats) tokens.push(await takeSeat(server, s.code, team, role, name));
const fac = await Client.hello(server, { as: 'facilitator', session: s.id, secret: s.secret });
const players = await Promise.all(tokens.map((token) => Client.hello(server, { as: 'participant', session: s.id, token })));
await fac.request({ t: 'act', action: { type: 'luck', card: 'recession', team: null } });
await fac.request({ t: 'act', action: { type: 'open' } });
for (const [i, p] of players.entries()) await p.request({ t: 'decide', round: 1, decision: { ...DECISION, stance: { ...DECISION.stance, value: 0.2 * i } } });
await fac.request({ t: 'act', action: { type: 'close' } });
await fac.request({ t: 'act', action: { type: 'advance' } });
await fac.view((v) => v.phase === 'results' && v.pending === false);

async function open(path: string, size: keyof typeof SIZES, lang: 'nl' | 'en', seat?: number): Promise<Page> {
  const phone = size === '390';
  const context = await browser.newContext({ viewport: SIZES[size], locale: lang === 'nl' ? 'nl-NL' : 'en-GB', isMobile: phone, hasTouch: phone, deviceScaleFactor: 1 });
  await context.addInitScript(
    ([id, seatJson, language]) => {
      localStorage.setItem('meerwaarde.language', language);
      if (seatJson) localStorage.setItem(`meerwaarde.seat.${id}`, seatJson);
    },
    [s.id, seat === undefined ? '' : JSON.stringify({ token: tokens[seat], team: seats[seat][0], role: seats[seat][1], name: seats[seat][2], teamName: ['Noord', 'Zuid'][seats[seat][0]] }), lang] as const,
  );
  const page = await context.newPage();
  await page.goto(path);
  await page.waitForSelector('[data-ready]');
  await page.waitForTimeout(1200);
  return page;
}

const auth = `s=${s.id}#k=${s.secret}`;
const take = async (name: string, path: string, opts: { seat?: number; before?: (p: Page) => Promise<void> } = {}) => {
  for (const lang of ['en', 'nl'] as const) {
    for (const size of Object.keys(SIZES) as (keyof typeof SIZES)[]) {
      const page = await open(path, size, lang, opts.seat);
      await opts.before?.(page);
      await page.screenshot({ path: join(dir, `${name}-${lang}-${size}.png`), fullPage: true });
      await page.context().close();
    }
  }
};

for (const [step, name] of [[1, 'headline'], [2, 'loop'], [3, 'audiences'], [4, 'strategy']] as const) {
  await take(`projector-${name}`, `${server.url}/projector?${auth}`, {
    before: async (p) => {
      await fac.request({ t: 'act', action: { type: 'reveal', step } });
      await p.waitForSelector(`.proj-reveal[data-step="${name}"]`);
      await p.waitForTimeout(name === 'loop' ? 1500 : 200);
    },
  });
}
await fac.request({ t: 'act', action: { type: 'open' } });
await players[0].request({ t: 'decide', round: 2, decision: DECISION });
await take('setup', `${server.url}/training`);
await take('join', `${server.url}/join?code=${s.code}`, {
  before: async (p) => {
    await p.fill('input[name="name"]', 'Eva');
    await p.click('button[data-action="find"]');
    await p.waitForSelector('input[data-seat]');
  },
});
await take('play', `${server.url}/play?s=${s.id}`, { seat: 1 });
await take('facilitator', `${server.url}/facilitator?${auth}`);
await take('projector-join', `${server.url}/projector?${auth}`);
await take('debrief', `${server.url}/debrief?${auth}`, { before: (p) => p.waitForSelector('.debrief-team .account-panel table').then(() => undefined) });
const site = await serveStatic(join(ROOT, 'dist'), '/static/');
await take('solo', `${site.url}?page=solo`, {
  before: async (p) => {
    await p.click('button[data-action="create"]');
    await p.click('button[data-action="open"]');
    await p.click('button[data-action="save-decision"]');
    await p.click('button[data-action="close"]');
    await p.click('button[data-action="advance"]');
    await p.waitForSelector('.solo-results .teams-side');
  },
});
await site.close();
fac.close();
for (const p of players) p.close();
await browser.close();
await server.stop();
process.stdout.write(`screenshots in ${dir}\n`);
