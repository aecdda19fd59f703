// A whole training session in real Chromium against a real server: a facilitator and four participants in
// separate browser contexts (one a phone at 390x844, by touch) play three rounds to the debrief; the
// projector reveals each round in steps; the printed report is read back as PDF text.
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startServer, type Server } from './harness';
import { axe, DESK, launch, LAPTOP, person, PHONE, shot, viewWhen, type Person } from './pages';

const SEATS = [
  { name: 'Ada <b>de</b> Vries', team: 0, role: 'W', viewport: LAPTOP },
  { name: 'Bram', team: 0, role: 'D', viewport: LAPTOP },
  { name: 'Chaya', team: 1, role: 'W', viewport: LAPTOP },
  { name: 'Dirk 📱', team: 1, role: 'H', viewport: PHONE },
] as const;

describe('a training session in the browser', () => {
  let server: Server;
  let browser: Browser;
  let fac: Person;
  let projector: Person;
  const people: Person[] = [];
  let code = '';
  let facUrl = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const clickPhase = async (page: Page, action: string) => {
    await page.locator(`button[data-action="${action}"]`).click();
  };

  it('the facilitator sets up two teams and gets a join code, a QR code and a private link', async () => {
    fac = await person(browser, DESK);
    await fac.page.goto(`${server.url}/training`);
    await fac.page.waitForSelector('[data-ready="training"]');
    await shot(fac.page, 'setup-en-1440');
    await fac.page.fill('[data-field="title"]', 'Workshop <i>Middenstad</i>');
    await fac.page.fill('[data-team="0"]', 'Noord');
    await fac.page.fill('[data-team="1"]', 'Zuid');
    await fac.page.fill('[data-field="rounds"]', '3');
    await fac.page.fill('[data-field="months"]', '6');
    await fac.page.fill('[data-field="seed"]', '4242');
    await fac.page.click('button[data-action="create"]');
    await fac.page.waitForURL(/\/facilitator\?s=.*#k=/);
    facUrl = fac.page.url();
    const v = await viewWhen(fac.page, 'v.phase === "lobby"', 'the facilitator view');
    code = (v.info as { code: string }).code;
    expect(code).toMatch(/^[A-Z2-9]{6}$/);
    await expect.poll(() => fac.page.locator('.join-code').textContent()).toBe(code);
    expect(await fac.page.locator('img.qr').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    // the title is text, never markup
    expect(await fac.page.locator('h1').textContent()).toContain('<i>Middenstad</i>');
    expect(await fac.page.locator('h1 i').count()).toBe(0);
  });

  it('four participants join with the code (one on a phone, by touch) and take their seats', async () => {
    for (const s of SEATS) {
      const p = await person(browser, s.viewport);
      people.push(p);
      const phone = s.viewport === PHONE;
      await p.page.goto(phone ? `${server.url}/join` : `${server.url}/join?code=${code}`);
      await p.page.waitForSelector('[data-ready="join"]');
      if (phone) {
        await p.page.locator('input[name="code"]').tap();
        await p.page.keyboard.type(code.toLowerCase());
      }
      await p.page.fill('input[name="name"]', s.name);
      if (phone) await p.page.locator('button[data-action="find"]').tap();
      else await p.page.click('button[data-action="find"]');
      const seat = p.page.locator(`input[data-seat="${s.team}:${s.role}"]`);
      await seat.waitFor();
      if (phone) {
        await shot(p.page, 'join-seats-en-390');
        await p.page.locator(`label[for="${await seat.getAttribute('id')}"]`).tap();
        await p.page.locator('button[data-action="take"]').tap();
      } else {
        await seat.check();
        await p.page.click('button[data-action="take"]');
      }
      await p.page.waitForURL(/\/play\?s=/);
      await viewWhen(p.page, 'v.phase === "lobby" && v.own !== null', `${s.name}'s page`);
    }
    const fv = await viewWhen(fac.page, 'v.teams.flatMap((t) => t.seats).filter((s) => s.name && s.online).length === 4', 'four people online');
    const names = (fv.teams as { seats: { name: string | null }[] }[]).flatMap((t) => t.seats.map((s) => s.name)).filter(Boolean);
    expect(names).toContain('Ada <b>de</b> Vries');
    // the names are shown as text on the console
    expect(await fac.page.locator('.seats-table b').count()).toBe(0);
    expect(await fac.page.locator('.seats-table').first().textContent()).toContain('Ada <b>de</b> Vries');
  });

  it('three rounds: everyone decides, the console shows who has, the projector reveals each round in steps', async () => {
    projector = await person(browser, LAPTOP);
    await projector.page.goto(facUrl.replace('/facilitator?', '/projector?'));
    await projector.page.waitForSelector('[data-ready="projector"]');
    await expect.poll(() => projector.page.locator('.join-code').textContent()).toBe(code);
    await shot(projector.page, 'projector-join-en-1024');

    for (let round = 1; round <= 3; round++) {
      await clickPhase(fac.page, 'open');
      for (const [i, p] of people.entries()) {
        const phone = SEATS[i].viewport === PHONE;
        await viewWhen(p.page, `v.phase === "open" && v.round === ${round}`, `round ${round} open for ${SEATS[i].name}`);
        const slider = p.page.locator('input[data-setting="stance.value"]');
        if (phone) await slider.tap();
        else await slider.focus();
        for (let k = 0; k < round + i; k++) await p.page.keyboard.press(round % 2 ? 'ArrowRight' : 'ArrowLeft');
        await p.page.locator('input[data-setting="attention.capacity"]').fill(String(0.2 + 0.1 * i));
        if (i === 1 && round === 2) await p.page.locator('input[data-card="bold"]').check();
        const save = p.page.locator('button[data-action="save-decision"]');
        if (phone) await save.tap();
        else await save.click();
        await expect.poll(() => p.page.locator('.save-status').getAttribute('data-kind'), { timeout: 15_000 }).toBe('saved');
        if (phone && round === 1) await shot(p.page, 'play-open-en-390');
      }
      await viewWhen(fac.page, `v.teams.flatMap((t) => t.seats).filter((s) => s.decided).length === 4`, `all four decided in round ${round}`);
      expect(await fac.page.locator('.decided-count').textContent()).toContain('4');
      if (round === 1) await shot(fac.page, 'facilitator-open-en-1440');
      await clickPhase(fac.page, 'close');
      await viewWhen(fac.page, 'v.phase === "closed"', 'closed');
      await clickPhase(fac.page, 'advance');
      await viewWhen(fac.page, `v.phase === "results" && v.round === ${round} && !v.pending`, `results of round ${round}`);
      // the projector: step by step, the facilitator clicks (on the projector itself here)
      await projector.page.waitForSelector('.proj-reveal:not([hidden])');
      for (const step of ['headline', 'loop', 'audiences', 'strategy']) {
        await projector.page.locator('button[data-action="next-step"]').click();
        await projector.page.waitForSelector(`.proj-reveal[data-step="${step}"]`);
        if (round === 1) await shot(projector.page, `projector-${step}-en-1024`);
      }
      if (round === 1) {
        await projector.page.waitForFunction(() => document.querySelectorAll('.proj-stage canvas').length >= 0);
      }
      for (const [i, p] of people.entries()) {
        const v = await viewWhen(p.page, `v.phase === "results" && v.resultsRound === ${round} && !v.pending`, `results for ${SEATS[i].name}`);
        const own = v.own as { role: string; control: string };
        expect(own.role).toBe(SEATS[i].role);
        expect(own.control).toBe('fixed');
      }
      if (round === 1) {
        await shot(people[3].page, 'play-results-en-390');
        await shot(people[0].page, 'play-results-en-1024');
        await shot(fac.page, 'facilitator-results-en-1440');
      }
    }
    const done = await viewWhen(fac.page, 'v.finished === true', 'finished');
    expect(done.resultsRound).toBe(3);
    for (const p of [fac, projector, ...people]) expect(p.errors).toEqual([]);
  });

  it('the debrief: teams side by side, every panel per team, a month-by-month replay, a "what if", a printable report', async () => {
    const deb = await person(browser, DESK);
    await deb.page.goto(facUrl.replace('/facilitator?', '/debrief?'));
    await deb.page.waitForSelector('.teams-side');
    await deb.page.waitForSelector('.debrief-team[data-team="1"] .account-panel table');
    expect(await deb.page.locator('.teams-side thead th').allTextContents()).toEqual(['Measure', 'Noord', 'Zuid']);
    for (const panel of ['account', 'quadrant', 'dimension', 'verdict', 'twin']) expect(await deb.page.locator(`.${panel}-panel`).count()).toBe(2);
    // ids stay unique with a panel per team
    const dupes = await deb.page.evaluate(() => {
      const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
      return ids.filter((id, i) => ids.indexOf(id) !== i);
    });
    expect(dupes).toEqual([]);
    // replay: month 1 differs from month 18
    const replayAt = async (m: number) => {
      await deb.page.locator('[data-field="replay-month"]').fill(String(m));
      return deb.page.locator('.replay-table').textContent();
    };
    const m1 = await replayAt(1);
    const m18 = await replayAt(18);
    expect(m1).toContain('Month 1 of 18');
    expect(m18).not.toBe(m1);
    // what if: Noord's alderman in round 1 pushes every corner to the maximum
    await deb.page.selectOption('[data-field="whatif-team"]', '0');
    await deb.page.selectOption('[data-field="whatif-round"]', '1');
    await deb.page.selectOption('[data-field="whatif-role"]', 'W');
    for (const c of ['value', 'capacity', 'legitimacy']) await deb.page.locator(`.whatif .decision-form input[data-setting="stance.${c}"]`).fill('1');
    await deb.page.locator('.whatif button[data-action="save-decision"]').click();
    await deb.page.waitForSelector('.whatif-result table');
    const heads = await deb.page.locator('.whatif-result thead th').allTextContents();
    expect(heads).toEqual(['Measure', 'As played', 'What if']);
    await shot(deb.page, 'debrief-en-1440');
    // the printed report, read back as text
    await deb.page.emulateMedia({ media: 'print' });
    const pdf = await deb.page.pdf({ format: 'A4', printBackground: false });
    const text = (await new PDFParse({ data: new Uint8Array(pdf) }).getText()).text;
    for (const needle of ['Noord', 'Zuid', 'Public value account', 'Teams side by side', 'Seed 4242', 'Workshop <i>Middenstad</i>']) expect(text).toContain(needle);
    expect(text).not.toContain('Replay with this change');
    await deb.page.emulateMedia({ media: 'screen' });
    expect(deb.errors).toEqual([]);
    await deb.context.close();
  });

  it('every page is axe-clean (no serious or critical) in Dutch and English', async () => {
    const pages: [string, Page][] = [
      ['facilitator', fac.page],
      ['projector', projector.page],
      ['play', people[0].page],
      ['play-phone', people[3].page],
    ];
    const deb = await person(browser, LAPTOP);
    await deb.page.goto(facUrl.replace('/facilitator?', '/debrief?'));
    await deb.page.waitForSelector('.debrief-team[data-team="1"] .account-panel table');
    const join = await person(browser, PHONE);
    await join.page.goto(`${server.url}/join?code=${code}`);
    await join.page.fill('input[name="name"]', 'Eva');
    await join.page.click('button[data-action="find"]');
    await join.page.waitForSelector('input[data-seat]');
    pages.push(['debrief', deb.page], ['join', join.page]);
    for (const lang of ['nl', 'en'] as const) {
      for (const [name, page] of pages) {
        await page.locator(`.lang-switch button[data-lang="${lang}"]`).first().click();
        await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang);
        const violations = await axe(page);
        expect(violations, `${name} in ${lang}: ${JSON.stringify(violations)}`).toEqual([]);
        if (lang === 'nl') await shot(page, `${name}-nl`);
      }
    }
  });
});
