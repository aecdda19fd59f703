// The pages when things go wrong, and without a server: a participant's page while the server is killed
// (SIGKILL) and started again (a visible "reconnecting", input kept and sent after the reconnect, even
// across a reload), and the one-screen mode on a plain static host (kept in the browser, exported and
// imported).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { serveStatic } from '../browser/static-server.mjs';
import { apiText, Client, createSession, ROOT, SETUP, startServer, tempDir, type Server } from './harness';
import { axe, LAPTOP, launch, person, PHONE, shot, viewWhen } from './pages';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('a participant\'s page through a server crash', () => {
  let server: Server;
  afterAll(async () => {
    await server?.stop();
  });

  it('shows that it reconnects, keeps the unsent decision on the device and sends it once the server is back', async () => {
    const db = join(tempDir(), 'sessions.db');
    server = await startServer({ db });
    const port = server.port;
    const s = await createSession(server, { ...SETUP, teams: [{ name: 'Een' }], roles: ['W'] });
    const p = await person(browser, PHONE);
    await p.page.goto(`${server.url}/join?code=${s.code}`);
    await p.page.fill('input[name="name"]', 'Femke');
    await p.page.click('button[data-action="find"]');
    await p.page.locator('input[data-seat="0:W"]').check();
    await p.page.click('button[data-action="take"]');
    await p.page.waitForURL(/\/play\?s=/);
    const fac = await Client.hello(server, { as: 'facilitator', session: s.id, secret: s.secret });
    await fac.request({ t: 'act', action: { type: 'open' } });
    await viewWhen(p.page, 'v.phase === "open"', 'round open');
    await p.page.locator('input[data-setting="stance.value"]').fill('0.9');
    await p.page.locator('button[data-action="save-decision"]').tap();
    await expect.poll(() => p.page.locator('.save-status').getAttribute('data-kind')).toBe('saved');

    await server.stop('SIGKILL');
    await p.page.waitForSelector('.conn[data-conn="reconnecting"]:not([hidden])');
    await shot(p.page, 'play-reconnecting-en-390', false);
    // a new decision while the server is down: kept, marked as not sent
    await p.page.locator('input[data-setting="stance.value"]').fill('0.15');
    await p.page.locator('input[data-card="designed"]').check();
    await p.page.locator('button[data-action="save-decision"]').tap();
    await expect.poll(() => p.page.locator('.save-status').getAttribute('data-kind')).toBe('unsent');
    // kept on the device too (a reload after the server is back would send it)
    const draft = await p.page.evaluate((id) => JSON.parse(localStorage.getItem(`meerwaarde.draft.${id}`) ?? 'null'), s.id);
    expect(draft).toMatchObject({ round: 1, unsent: true, decision: { stance: { value: 0.15 } } });

    server = await startServer({ db, port });
    await p.page.waitForSelector('.conn[hidden]', { state: 'attached', timeout: 30_000 });
    await expect.poll(() => p.page.locator('.save-status').getAttribute('data-kind'), { timeout: 30_000 }).toBe('saved');
    const exported = JSON.parse(await apiText(server, `/api/sessions/${s.id}/export.json`, s.secret)) as { decisions: { counted: boolean; decision: { stance: { value: number }; card: unknown } }[] };
    expect(exported.decisions).toHaveLength(2);
    expect(exported.decisions[1]).toMatchObject({ counted: true, decision: { stance: { value: 0.15 }, card: { kind: 'designed' } } });
    expect(p.errors).toEqual([]);
    fac.close();
    await p.context.close();
  });
});

describe('one screen, no server', () => {
  let site: { url: string; close(): Promise<void> };
  beforeAll(async () => {
    // the built site on a plain static host, under a sub-path
    site = await serveStatic(join(ROOT, 'dist'), '/some/deep/path/');
  });
  afterAll(async () => {
    await site?.close();
  });

  it('plays a session on one laptop, keeps it in the browser, exports and imports it', async () => {
    const p = await person(browser, LAPTOP);
    await p.page.goto(`${site.url}?page=solo`);
    await p.page.waitForSelector('[data-ready="solo"]');
    await p.page.fill('[data-team="0"]', 'Oost');
    await p.page.fill('[data-team="1"]', 'West');
    await p.page.fill('[data-field="rounds"]', '2');
    await p.page.fill('[data-field="months"]', '3');
    for (const role of ['D', 'H', 'P']) await p.page.locator(`input[data-role="${role}"]`).uncheck();
    await p.page.click('button[data-action="create"]');
    await p.page.click('button[data-action="open"]');
    for (const team of [0, 1]) {
      await p.page.locator(`input[data-seat="${team}:W"]`).check();
      await p.page.locator('input[data-setting="stance.capacity"]').fill(team ? '0.1' : '0.9');
      await p.page.click('button[data-action="save-decision"]');
      await expect.poll(() => p.page.locator('.save-status').getAttribute('data-kind')).toBe('saved');
    }
    await p.page.click('button[data-action="close"]');
    await p.page.click('button[data-action="advance"]');
    await p.page.waitForSelector('.solo-results .teams-side');
    const results = await p.page.locator('.solo-results .teams-side').textContent();
    await shot(p.page, 'solo-results-en-1024');
    expect(await axe(p.page)).toEqual([]);

    // kept in the browser: a reload offers to continue, with the same results
    await p.page.reload();
    await p.page.click('button[data-action="continue"]');
    await p.page.waitForSelector('.solo-results .teams-side');
    expect(await p.page.locator('.solo-results .teams-side').textContent()).toBe(results);

    // export, discard, import: the same session again
    const [download] = await Promise.all([p.page.waitForEvent('download'), p.page.click('button[data-action="export"]')]);
    const file = await download.path();
    const exported = JSON.parse(readFileSync(file, 'utf8')) as { format: string; decisions: unknown[]; seed: number };
    expect(exported.format).toBe('meerwaarde-session');
    expect(exported.decisions).toHaveLength(2);
    await p.page.reload();
    await p.page.click('button[data-action="discard"]');
    await p.page.locator('[data-field="import"]').setInputFiles(file);
    await p.page.waitForSelector('.solo-results .teams-side');
    expect(await p.page.locator('.solo-results .teams-side').textContent()).toBe(results);
    // a file that is not a session is refused with a reason
    await p.page.reload();
    await p.page.click('button[data-action="discard"]');
    await p.page.locator('[data-field="import"]').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"other"}') });
    await expect.poll(() => p.page.locator('[role="alert"]:not([hidden])').textContent()).toContain('$.format');
    expect(p.errors).toEqual([]);
    await p.context.close();
  });
});
