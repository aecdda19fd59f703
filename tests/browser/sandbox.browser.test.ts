// The sandbox in real Chromium (playwright-core driving /usr/bin/chromium), against the built site
// served from a sub-path. What a person does: load, play, pull every control, share a link, export,
// and the accessibility audit in each state of the page, in Dutch and in English.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { en } from '../../src/ui/i18n/en';
import { nl } from '../../src/ui/i18n/nl';
import { axe, buildCli, canvasPixels, downloadText, hook, openPage, ROOT, state, waitFor } from './harness';
import { useHarness } from './checks';

const harnessOf = useHarness();

const run24 = '?v=1&scenario=baseline&seed=7&months=24';

async function setSpeed(page: Page, speed: 'slow' | 'normal' | 'fast' | 'full'): Promise<void> {
  await page.check(`input[name=speed][value=${speed}]`);
}

async function playToEnd(page: Page): Promise<void> {
  await setSpeed(page, 'full');
  await page.click('[data-action=play]');
  await waitFor(page, (s) => s.done && !s.playing, 'the end of the run');
}

async function expectNoSeriousAxe(page: Page, label: string): Promise<void> {
  const violations = await axe(page);
  expect(violations, `axe in state "${label}": ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

describe('the built sandbox in Chromium', () => {
  it('serves no model code on the page thread: the model is only in the worker bundle', () => {
    const assets = readdirSync(join(harnessOf().outDir, 'assets')).filter((f) => f.endsWith('.js'));
    const worker = assets.filter((f) => f.startsWith('sim.worker'));
    // the training sessions' one-screen mode has a model worker of its own (workers/session.worker.ts), and
    // the explorer's sweep pool its sweep workers (workers/sweep.worker.ts)
    const workers = /^(sim|session|sweep)\.worker/;
    expect(worker).toHaveLength(1);
    // fields only the stepping code has (object keys survive minification); the page may hold the
    // scenario schema and its parameter table (constants: a link is checked against them), never this
    const modelOnly = /scheduleIndex|spareNormal/;
    expect(modelOnly.test(readFileSync(join(harnessOf().outDir, 'assets', worker[0]), 'utf8'))).toBe(true);
    for (const f of assets.filter((x) => !workers.test(x))) {
      expect(modelOnly.test(readFileSync(join(harnessOf().outDir, 'assets', f), 'utf8')), `${f} holds model code`).toBe(false);
    }
  });

  it('loads without console errors, draws a canvas that is not blank and changes between frames', async () => {
    const { page, errors } = await openPage(harnessOf());
    expect(await hook<boolean>(page, 'stageAvailable')).toBe(true);
    const s = await state(page);
    expect(s.scenarioId).toBe('baseline');
    expect(s.month).toBe(0);
    await page.click('[data-action=step]');
    await waitFor(page, (x) => x.month === 1, 'month 1');
    await page.waitForTimeout(600);
    const before = await canvasPixels(page);
    expect(before.distinct, 'the canvas has many colours, not one').toBeGreaterThan(20);
    const framesBefore = await hook<number>(page, 'frameCount');
    await setSpeed(page, 'fast');
    await page.click('[data-action=play]');
    await waitFor(page, (x) => x.month >= 6, 'month 6');
    await page.click('[data-action=play]');
    await page.waitForTimeout(600);
    const after = await canvasPixels(page);
    expect(after.checksum).not.toBe(before.checksum);
    expect(await hook<number>(page, 'frameCount')).toBeGreaterThan(framesBefore);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('plays 24 months to the end and fills the panels', async () => {
    const { page, errors } = await openPage(harnessOf(), { search: run24 });
    await playToEnd(page);
    const s = await state(page);
    expect(s.month).toBe(24);
    expect(await page.textContent('.month')).toContain('24');
    expect(await page.isDisabled('[data-action=play]')).toBe(true);
    expect(await hook<string>(page, 'description')).toMatch(/^Month 24:/);
    // every stakeholder has a verdict, and the headline names who calls it a success and who does not
    expect(await page.locator('.verdicts tbody tr').count()).toBe(8);
    // the headline groups the stakeholders by their verdict, in the table's words
    const headline = await page.textContent('.verdict-headline');
    expect(headline).toMatch(/(Success|Resilient success|Conflicted success|Precarious success|Failure): .+\./);
    expect(await page.locator('table.account tbody tr').count()).toBe(7);
    expect(await page.locator('.quadrants td[data-quadrant]').count()).toBe(4);
    expect(await page.locator('.dimension .answer').count()).toBe(4);
    expect(await page.locator('.twin tbody tr').count()).toBe(3);
    expect(await page.locator('.chart svg.line-chart').count()).toBe(5);
    expect(await page.locator('.event-log li').count()).toBeGreaterThan(0);
    await expectNoSeriousAxe(page, 'finished run');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('each control changes what it should', async () => {
    // 96 months: a pause lands well before the end even when a click takes a second on a loaded machine
    const { page, errors } = await openPage(harnessOf(), { search: '?v=1&scenario=baseline&seed=7&months=96' });

    // step, play and pause
    await page.click('[data-action=step]');
    await waitFor(page, (s) => s.month === 1, 'one step');
    await setSpeed(page, 'normal');
    await page.click('[data-action=play]');
    await waitFor(page, (s) => s.playing && s.month >= 3, 'playing');
    expect(await page.textContent('[data-action=play]')).toContain('Pause');
    await expectNoSeriousAxe(page, 'playing');
    await page.click('[data-action=play]');
    const paused = await waitFor(page, (s) => !s.playing, 'paused');
    // the pause is announced in a polite live region (and the state summary after it, at a calm pace)
    await expect.poll(() => hook<string>(page, 'lastAnnouncement'), { timeout: 10_000 }).toMatch(/^Paused at month \d+\.$|^Month \d+: the success loop/);
    await page.waitForTimeout(400);
    expect((await state(page)).month).toBe(paused.month);
    await expect.poll(() => page.url()).toContain(`at=${paused.month}`);

    // speed: full speed covers more months in the same time than slow
    const monthsIn = async (speed: 'slow' | 'full') => {
      await page.click('[data-action=reset]');
      await waitFor(page, (s) => s.month === 0 && !s.playing, 'reset');
      await setSpeed(page, speed);
      await page.click('[data-action=play]');
      await page.waitForTimeout(1200);
      const m = (await state(page)).month;
      // pause, unless the run has ended meanwhile (at full speed on a quiet machine it may): Alt+K then does nothing
      await page.locator('body').focus();
      await page.keyboard.press('Alt+KeyK');
      await waitFor(page, (s) => !s.playing, 'paused or ended');
      return m;
    };
    const slow = await monthsIn('slow');
    const full = await monthsIn('full');
    expect(full).toBeGreaterThan(slow);
    expect(slow).toBeGreaterThanOrEqual(1);

    // reset goes back to month 0 and keeps the seed
    await page.click('[data-action=reset]');
    await waitFor(page, (s) => s.month === 0, 'reset');
    expect((await state(page)).seed).toBe(7);

    // a lever: the alderman's attention to public value; the three shares stay at 100%
    const attention = page.locator('[data-setting="attention.value"]');
    await attention.focus();
    await page.keyboard.press('ArrowRight');
    let s = await waitFor(page, (x) => x.controls.length === 3, 'three attention controls');
    const shares = s.controls.filter((c) => c.path?.startsWith('managers.W.attention.')).map((c) => c.value ?? 0);
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 2);
    await expect.poll(() => page.url()).toContain('c=0~managers.W.attention.value~');

    // a stance, on another manager's tab, reached with the arrow keys; the model takes it on
    await page.click('#tab-W');
    await page.keyboard.press('ArrowRight');
    expect(await page.getAttribute('#tab-D', 'aria-selected')).toBe('true');
    const stance = page.locator('[data-setting="stance.capacity"]');
    await stance.focus();
    await page.keyboard.press('Home');
    await waitFor(page, (x) => x.controls.some((c) => c.path === 'managers.D.stance.capacity' && c.value === 0), 'a stance control');
    await page.click('[data-action=step]');
    await waitFor(page, (x) => x.month === 1, 'a month after the stance');
    await expect.poll(() => page.locator('.lever-panel .slider-foot').nth(4).textContent()).toMatch(/now: 0%/);
    expect(await page.getAttribute('#tab-D', 'data-held')).toBe('true');

    // courage, design and reframing
    for (const key of ['courage', 'design', 'reframe']) {
      await page.locator(`[data-setting="${key}"]`).focus();
      await page.keyboard.press('End');
      await waitFor(page, (x) => x.controls.some((c) => c.path === `managers.D.${key}` && c.value === 1), key);
    }

    // luck intensity and a card
    await page.locator('[data-setting="luckIntensity"]').focus();
    await page.keyboard.press('Home');
    await waitFor(page, (x) => x.controls.some((c) => c.path === 'params.luckIntensity' && c.value === 0), 'luck intensity');
    await page.selectOption('[data-control=card]', 'recession');
    await page.click('[data-action=card]');
    await waitFor(page, (x) => x.controls.some((c) => c.type === 'recession' && c.month === 1), 'a card');
    await page.click('[data-action=step]');
    await waitFor(page, (x) => x.month === 2, 'the month of the card');
    await expect.poll(() => page.textContent('.event-log')).toContain('Recession');

    // the seed: typed, and a new one (they fold away under "Run length and seed")
    await page.click('.scenario-more summary');
    await page.fill('.seed-input', '12345');
    await page.press('.seed-input', 'Enter');
    await waitFor(page, (x) => x.seed === 12345 && x.month === 0, 'the typed seed');
    await expect.poll(() => page.url()).toContain('seed=12345');
    await page.fill('.seed-input', 'abc');
    await page.press('.seed-input', 'Enter');
    expect(await page.getAttribute('.seed-input', 'aria-invalid')).toBe('true');
    expect((await state(page)).seed).toBe(12345);
    await page.click('[data-action=new-seed]');
    s = await waitFor(page, (x) => x.seed !== 12345, 'a new seed');
    expect(await page.inputValue('.seed-input')).toBe(String(s.seed));

    // run length and scenario
    await page.selectOption('[data-control=months]', '36');
    await waitFor(page, (x) => x.months === 36, 'run length');
    await expect.poll(() => page.url()).toContain('months=36');
    const options = await page.locator('[data-control=scenario] option').allTextContents();
    expect(options.length).toBeGreaterThanOrEqual(2);
    const second = await page.locator('[data-control=scenario] option').nth(1).getAttribute('value');
    const before = await page.textContent('.scenario-description');
    await page.selectOption('[data-control=scenario]', second!);
    s = await waitFor(page, (x) => x.scenarioId === second, 'another scenario');
    expect(s.controls).toEqual([]);
    expect(await page.textContent('.scenario-description')).not.toBe(before);
    await expect.poll(() => page.url()).toContain(`scenario=${second}`);

    // the table view of the canvas and of the charts
    await page.click('[data-action=step]');
    await page.click('[data-action=stage-table]');
    expect(await page.getAttribute('[data-action=stage-table]', 'aria-expanded')).toBe('true');
    expect(await page.locator('.stage-table table').count()).toBe(3);
    await page.click('[data-action=chart-table]');
    expect(await page.locator('.chart-table table').count()).toBe(5);

    // reduced motion
    await page.check('[data-control=motion]');
    expect((await state(page)).reducedMotion).toBe(true);

    // keyboard shortcuts (Alt + letter) and the help dialog
    await page.keyboard.press('Alt+KeyH');
    expect(await page.locator('dialog.help').evaluate((d: HTMLDialogElement) => d.open)).toBe(true);
    await expectNoSeriousAxe(page, 'help dialog');
    await page.keyboard.press('Escape');
    expect(await page.locator('dialog.help').evaluate((d: HTMLDialogElement) => d.open)).toBe(false);
    const m0 = (await state(page)).month;
    await page.locator('body').focus();
    await page.keyboard.press('Alt+KeyJ');
    await waitFor(page, (x) => x.month === m0 + 1, 'Alt+J steps');
    await page.keyboard.press('Alt+KeyK');
    await waitFor(page, (x) => x.playing, 'Alt+K plays');
    await page.keyboard.press('Alt+KeyK');
    await waitFor(page, (x) => !x.playing, 'Alt+K pauses');
    // not while typing in a field
    await page.focus('.seed-input');
    await page.keyboard.press('Alt+KeyK');
    await page.waitForTimeout(300);
    expect((await state(page)).playing).toBe(false);

    await expectNoSeriousAxe(page, 'tables open, reduced motion');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('the link reproduces the same run, and the exported summary equals the command line’s', async () => {
    const { page, errors } = await openPage(harnessOf(), { search: run24 });
    await setSpeed(page, 'fast');
    await page.click('[data-action=step]');
    await waitFor(page, (s) => s.month === 1, 'month 1');
    await page.locator('[data-setting="stance.value"]').focus();
    await page.keyboard.press('Home');
    await page.selectOption('[data-control=card]', 'mediaScandal');
    await page.click('[data-action=card]');
    await waitFor(page, (s) => s.controls.length === 2, 'two controls');
    // at the normal pace: a pause lands before the end even when a click takes a second under load
    await setSpeed(page, 'normal');
    await page.click('[data-action=play]');
    await waitFor(page, (s) => s.month >= 5, 'month 5');
    await page.click('[data-action=play]');
    await waitFor(page, (s) => !s.playing, 'paused');
    await page.locator('[data-setting="reframe"]').focus();
    await page.keyboard.press('End');
    await waitFor(page, (s) => s.controls.length === 3, 'three controls');
    await playToEnd(page);
    const first = await state(page);
    await expect.poll(() => page.url()).toContain('at=24');
    const link = page.url();
    const summary = await downloadText(page, '[data-export=summary]');
    expect(summary.name).toMatch(/summary\.json$/);
    const scenario = await downloadText(page, '[data-export=scenario]');
    const monthly = await downloadText(page, '[data-export=monthly]');
    expect(monthly.text.split('\n')[0]).toContain('month');
    const liveDescription = await hook<string>(page, 'description');

    // the same link in a fresh page: the same controls, the same month, the same summary
    const second = await openPage(harnessOf(), { search: new URL(link).search });
    const s2 = await state(second.page);
    expect(s2.controls).toEqual(first.controls);
    expect(s2.month).toBe(24);
    expect(await hook<string>(second.page, 'description')).toBe(liveDescription);
    const summary2 = await downloadText(second.page, '[data-export=summary]');
    expect(summary2.text).toBe(summary.text);

    // the command line on the effective scenario gives the same bytes (built from the same sources as
    // the site, into a temporary folder, and run the way bin/meerwaarde.mjs runs it)
    const dir = mkdtempSync(join(tmpdir(), 'meerwaarde-cli-'));
    writeFileSync(join(dir, 'scenario.json'), scenario.text);
    const cli = await buildCli(join(dir, 'cli'));
    const args = ['run', join(dir, 'scenario.json'), '--seed', String(first.seed), '--months', String(first.months), '--out', join(dir, 'out')];
    execFileSync(process.execPath, ['--input-type=module', '-e', `const { main } = await import(${JSON.stringify(cli)}); process.exitCode = await main(${JSON.stringify(args)});`], { cwd: ROOT });
    expect(readFileSync(join(dir, 'out', 'summary.json'), 'utf8')).toBe(summary.text);
    expect(readFileSync(join(dir, 'out', 'monthly.csv'), 'utf8')).toBe(monthly.text);

    // a picture of the canvas
    const png = await downloadText(page, '[data-export=png]');
    expect(png.name).toMatch(/\.png$/);
    expect(png.text.length).toBeGreaterThan(1000);
    expect(errors).toEqual([]);
    expect(second.errors).toEqual([]);
    await page.context().close();
    await second.page.context().close();
  });

  // a malformed link: tests/browser/link-notice.browser.test.ts

  it('Dutch and English are both complete, chosen from the browser, switchable and remembered', async () => {
    // static strings that differ between the languages: none of the other language may show
    // (a language's own name, "English" on the switch of a Dutch page, is not a leak)
    const distinct = (a: Record<string, string>, b: Record<string, string>) =>
      Object.keys(a).filter((k) => !a[k].includes('{') && a[k] !== b[k] && a[k].length >= 6 && a[k] !== en['lang.en'] && a[k] !== nl['lang.nl']).map((k) => a[k]);
    // as a whole phrase, not inside a longer word ("Succes" is in "Success")
    const shows = (text: string) => (phrase: string) => new RegExp(`(^|[^\\p{L}])${phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'u').test(text);
    const { page, errors } = await openPage(harnessOf(), { search: run24, locale: 'nl-NL' });
    expect(await page.getAttribute('html', 'lang')).toBe('nl');
    await page.click('[data-action=step]');
    await waitFor(page, (s) => s.month === 1, 'month 1');
    await page.click('[data-action=stage-table]');
    const textNl = await page.evaluate(() => document.body.innerText);
    const leaks = distinct(en, nl).filter(shows(textNl));
    expect(leaks, 'English strings on the Dutch page').toEqual([]);
    expect(textNl).toContain('Maand 1 van 24');
    expect(await hook<string>(page, 'description')).toMatch(/^Maand 1: /);
    expect(textNl).toMatch(/\d\.\d{3}/); // Dutch thousands separator, e.g. 2.143 people on benefit
    await expectNoSeriousAxe(page, 'Dutch');

    // long Dutch words: the page reflows at 320 CSS px without horizontal scrolling (WCAG 1.4.10)
    await page.setViewportSize({ width: 320, height: 800 });
    // lay out the panels below the fold too (they skip rendering until scrolled into view)
    await page.addStyleTag({ content: '.results .panel { content-visibility: visible !important; }' });
    await page.waitForTimeout(300);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, 'horizontal overflow at 320 px in Dutch').toBeLessThanOrEqual(0);
    // pseudo-locale: every word 40% longer (as PhET's stringTest=long); the page must still reflow
    const pseudoOverflow = await page.evaluate(() => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const t = n as Text;
        t.data = t.data.replace(/\p{L}+/gu, (w) => w + w.slice(0, Math.ceil(w.length * 0.4)));
      }
      return document.documentElement.scrollWidth - window.innerWidth;
    });
    expect(pseudoOverflow, 'horizontal overflow at 320 px with 40% longer words').toBeLessThanOrEqual(0);
    await page.reload();
    await page.waitForFunction(() => (window as unknown as { __meerwaarde?: { ready: boolean } }).__meerwaarde?.ready === true);
    await page.setViewportSize({ width: 1440, height: 1000 });

    await page.click('[data-lang=en]');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    const textEn = await page.evaluate(() => document.body.innerText);
    expect(distinct(nl, en).filter(shows(textEn)), 'Dutch strings on the English page').toEqual([]);
    expect(textEn).toContain('Month 1 of 24');
    // remembered: a reload in a Dutch browser stays English
    await page.reload();
    await page.waitForFunction(() => (window as unknown as { __meerwaarde?: { ready: boolean } }).__meerwaarde?.ready === true);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await expectNoSeriousAxe(page, 'English after reload');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('every control is reachable by keyboard with a visible focus, in a calm reading order', async () => {
    const { page } = await openPage(harnessOf(), { search: run24 });
    await expectNoSeriousAxe(page, 'start');
    await page.click('.scenario-more summary');
    await page.locator('body').focus();
    const reached = new Set<string>();
    let outlineMissing: string[] = [];
    for (let i = 0; i < 140; i++) {
      await page.keyboard.press('Tab');
      const info = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const style = getComputedStyle(el);
        const key = el.dataset.action ?? el.dataset.setting ?? el.dataset.control ?? el.dataset.export ?? el.dataset.lang ?? el.getAttribute('role') ?? (el as HTMLInputElement).name ?? el.tagName;
        return { key, outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 };
      });
      if (!info) continue;
      reached.add(info.key);
      if (!info.outline) outlineMissing.push(info.key);
    }
    outlineMissing = [...new Set(outlineMissing)];
    for (const key of ['play', 'step', 'reset', 'new-seed', 'scenario', 'months', 'card', 'motion', 'help', 'tab', 'speed', 'nl', 'en', 'summary', 'stage-table', 'chart-table']) {
      expect(reached.has(key), `keyboard reaches ${key}`).toBe(true);
    }
    for (const key of ['attention.value', 'stance.legitimacy', 'courage', 'design', 'reframe', 'luckIntensity']) {
      expect(reached.has(key), `keyboard reaches slider ${key}`).toBe(true);
    }
    expect(outlineMissing, 'elements without a visible focus ring').toEqual([]);
    await page.context().close();
  });
});
