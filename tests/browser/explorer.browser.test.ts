// The student explorer in real Chromium (the built site from a sub-path): every chapter loads in Dutch
// and English and is axe-clean before and after its reveal; its interaction changes its output; the
// prediction is revealed from the run the student made (checked against the command line for chapter 1);
// progress stays in the browser; a chapter opens from a link, with a trainer's preset; the keyboard, the
// text alternatives, reduced motion and a phone's width all work.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ROOT } from './harness';
import { expectNoSeriousAxe, useHarness } from './checks';
import { chapterState, Cli, column, csvRows, explorerReady, openExplorer, predictAndRun, runAgain } from './explorer-harness';
import { withEvents } from '../../src/scenario/parse';
import { CHAPTERS } from '../../src/ui/explorer/route';
import { explorerEn } from '../../src/ui/explorer/i18n/en';
import { explorerNl } from '../../src/ui/explorer/i18n/nl';

const harnessOf = useHarness();
const cli = new Cli();

/** small sweeps for chapters 6 and 7 (a trainer's preset), so a test stays short */
const SMALL: Record<string, string> = {
  luck: '&runs=3&scenario=baseline&seed=5&months=24',
  atlas: '&runs=1&contexts=baseline&scenario=baseline&seed=5&months=12',
};
const link = (id: string) => `?chapter=${id}${SMALL[id] ?? ''}`;

/** what a chapter shows of its run: the reveal and every text alternative of its views */
async function shown(page: Page): Promise<string> {
  return page.evaluate(() => {
    const texts = [...document.querySelectorAll('[data-part=reveal], .xchart-desc, .tri-desc, [data-table]')].map((e) => e.textContent ?? '');
    return texts.join('\n');
  });
}

describe('the student explorer in Chromium', () => {
  it('every chapter loads in Dutch and English, with its texts, is axe-clean before and after the reveal, and never scrolls sideways (1024, 1440 and 390 px)', async () => {
    for (const [locale, words, viewport] of [
      ['nl-NL', explorerNl, { width: 1024, height: 768 }],
      ['en-GB', explorerEn, { width: 1440, height: 900 }],
    ] as const) {
      for (const id of CHAPTERS) {
        const { page, errors } = await openExplorer(harnessOf(), link(id), { locale, viewport });
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale.slice(0, 2));
        const article = page.locator(`[data-chapter=${id}]`);
        await expect.poll(() => article.locator('#chapter-title').textContent()).toBe(words[`ch.${id}.title` as keyof typeof words]);
        expect((await article.locator('.chapter-text').textContent())!.length).toBeGreaterThan(300);
        await expectNoSeriousAxe(page, `${id} (${locale}) before the reveal`);
        await predictAndRun(page);
        for (const b of await page.locator('.chapter-reveal .xchart-tools button:visible').all()) await b.click();
        await expectNoSeriousAxe(page, `${id} (${locale}) after the reveal, tables open`);
        // Dutch says it in Dutch, as the sandbox does (startgetal, verloop): the page's words, not its commands, links and file names
        if (locale === 'nl-NL') {
          const words = await page.evaluate(() => {
            const copy = document.body.cloneNode(true) as HTMLElement;
            copy.querySelectorAll('pre, code, input').forEach((e) => e.remove());
            return (copy.textContent ?? '').replace(/https?:\/\/\S+/g, '').replace(/[\w/-]+\.(csv|json)/g, '');
          });
          for (const word of [/\bseed\b/i, /\bruns?\b/i]) expect(words, `${id}: ${String(word)}`).not.toMatch(word);
        }
        // every chapter has rewind and branch, and opens its run in the sandbox (the run's own link)
        expect(await page.locator('[data-part=branch] [data-action=branch]').count(), `${id}: branch`).toBe(1);
        const sandbox = await page.locator('[data-link=sandbox]').getAttribute('href');
        expect(sandbox, `${id}: sandbox link`).toMatch(/^\.\/index\.html\?v=1&scenario=[a-z-]+&seed=\d+&months=\d+/);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), `${id} ${locale}: no sideways scroll`).toBeLessThanOrEqual(viewport.width);
        // the same page on a phone: no sideways scroll either (the charts redraw at the new width)
        await page.setViewportSize({ width: 390, height: 844 });
        await page.waitForTimeout(150);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), `${id} ${locale} at 390 px`).toBeLessThanOrEqual(390);
        expect(errors, `${id} ${locale}`).toEqual([]);
        await page.context().close();
      }
    }
  });

  it('each chapter’s interaction changes its output', async () => {
    const change: Record<string, (p: Page) => Promise<unknown>> = {
      triangle: async (p) => {
        await p.locator('[data-setting="attention.value"]').focus();
        await p.keyboard.press('End');
        await p.check('[data-stance="capacity:1"]');
      },
      account: (p) => p.selectOption('[data-control=scenario]', 'trust-experiment'),
      relative: (p) => p.selectOption('[data-control=scenario]', 'recession'),
      meta: async (p) => {
        await p.locator('[data-setting=director-design]').focus();
        await p.keyboard.press('Home');
      },
      loop: (p) => p.selectOption('[data-control=card]', 'positiveStory'),
      luck: (p) => p.selectOption('[data-control=scenario]', 'luck-lab'),
      atlas: async (p) => {
        await p.check('[data-stance="value:1"]');
        await p.check('[data-stance="legitimacy:0"]');
      },
    };
    for (const id of CHAPTERS) {
      const { page, errors } = await openExplorer(harnessOf(), link(id));
      const first = await predictAndRun(page);
      const before = await shown(page);
      await change[id](page);
      expect((await chapterState(page)).stale, `${id}: the settings changed`).toBe(true);
      const second = await runAgain(page);
      expect(second.stale).toBe(false);
      const after = await shown(page);
      expect(after, `${id}: the output changed`).not.toBe(before);
      expect(JSON.stringify(second.spec), `${id}: the run changed`).not.toBe(JSON.stringify(first.spec));
      expect(await page.locator('.chapter-reveal .hint').first().isVisible()).toBe(true);
      expect(errors, id).toEqual([]);
      await page.context().close();
    }
  });

  it('the prediction is revealed from the run the student made: chapter 1’s weakest corner is the command line’s', async () => {
    const { page, errors } = await openExplorer(harnessOf(), '?chapter=triangle&scenario=baseline&seed=9&months=48');
    const state = await predictAndRun(page, 'value');
    const spec = state.spec!;
    const base = JSON.parse(readFileSync(join(ROOT, 'scenarios', `${spec.scenarioId}.json`), 'utf8'));
    const { monthly } = await cli.runScenario('triangle', JSON.stringify(withEvents(base, spec.controls as never)), spec.seed, spec.months);
    const { head, rows } = csvRows(monthly);
    const last = rows[rows.length - 1];
    const corner = (c: string) => Number(last[column(head, `managers.W.corners.${c}`)]);
    const weakest = ['value', 'capacity', 'legitimacy'].reduce((w, c) => (corner(c) < corner(w) ? c : w), 'value');
    expect(state.answer).toBe(weakest);
    const verdict = page.locator('[data-part=verdict]');
    expect(await verdict.getAttribute('data-matched')).toBe(String(weakest === 'value'));
    expect(await page.locator('[data-part=yours]').textContent()).toContain('Public value');
    expect(await page.locator('[data-part=reveal]').textContent()).toContain(String(Math.floor(corner(weakest) * 100 + 1e-9))); // scores show rounded down (i18n.score)
    // the triangle's text alternative follows the month slider
    const desc = await page.locator('[data-view=alderman] .tri-desc').textContent();
    await page.locator('[data-control=month]').first().focus();
    await page.keyboard.press('Home');
    await expect.poll(() => page.locator('[data-view=alderman] .tri-desc').textContent()).not.toBe(desc);
    expect(await page.locator('[data-view=alderman] .tri-desc').textContent()).toMatch(/month 1:/);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('keeps progress in the browser, opens chapters by link, and a trainer’s link presets a chapter', async () => {
    const context = await harnessOf().browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(`${harnessOf().url}explore.html?chapter=meta`);
    await explorerReady(page);
    // change the settings, predict, reveal
    await page.selectOption('[data-control=scenario]', 'new-alderman');
    await page.locator('[data-setting=director-design]').focus();
    await page.keyboard.press('Home');
    const revealed = await predictAndRun(page, 'worse');
    // reload: the chapter is marked done and the prediction is kept
    await page.reload();
    await explorerReady(page);
    expect(await page.locator('.chapter-list li:has(a[data-nav=meta])').getAttribute('data-state')).toBe('done');
    expect(await page.locator('[data-part=progress]').textContent()).toBe('1 of 7 chapters done');
    expect(await page.locator('[data-part=prediction] input[data-option=worse]').isChecked()).toBe(true);
    // chapter links move within the page and keep the address
    await page.click('a[data-nav=loop]');
    await expect.poll(() => page.url()).toContain('chapter=loop');
    expect(await page.locator('[data-chapter=loop]').count()).toBe(1);
    await page.goBack();
    await expect.poll(() => page.locator('[data-chapter=meta]').count()).toBe(1);
    // the trainer's link of the revealed run opens the same chapter with the same settings in a fresh browser
    await page.goto(`${harnessOf().url}explore.html?chapter=meta`);
    await explorerReady(page);
    await page.locator('[data-setting=director-design]').focus();
    await page.keyboard.press('Home');
    const trainerLink = await page.locator('[data-link=trainer]').inputValue();
    expect(trainerLink).toContain('chapter=meta');
    const student = await harnessOf().browser.newContext({ locale: 'nl-NL' });
    const other = await student.newPage();
    await other.goto(trainerLink.replace(/^http:\/\/[^/]+\/some\/deep\/path\//, harnessOf().url));
    await explorerReady(other);
    expect(await other.locator('[data-setting=director-design]').inputValue()).toBe('0');
    const fresh = await predictAndRun(other, 'worse');
    expect(fresh.spec).toEqual(revealed.spec);
    expect(await other.locator('[data-part=progress]').textContent()).toBe('1 van 7 hoofdstukken gedaan');
    // a malformed link says what is wrong and opens the chapter from its own settings
    await other.goto(`${harnessOf().url}explore.html?chapter=luck&runs=zero&seed=-3&scenario=baseline`);
    await explorerReady(other);
    const alert = await other.locator('.error-box').textContent();
    // (in Dutch: each problem quotes what the link said)
    expect(alert).toMatch(/aantal verlopen “zero”/);
    expect(alert).toMatch(/“-3”/);
    expect(await other.locator('[data-chapter=luck]').count()).toBe(1);
    // forgetting the progress clears the marks
    await page.click('[data-action=reset-progress]');
    expect(await page.locator('[data-part=progress]').textContent()).toBe('0 of 7 chapters done');
    await context.close();
    await student.close();
  });

  it('works by keyboard alone, on a phone, under reduced motion, with a text alternative for every chart and triangle', async () => {
    const { page, errors } = await openExplorer(harnessOf(), '?chapter=triangle', { viewport: { width: 390, height: 844 }, reducedMotion: 'reduce' });
    expect(await page.evaluate(() => document.documentElement.dataset.reducedMotion)).toBe('true');
    expect(await page.locator('[data-control=motion]').isChecked()).toBe(true);
    // Tab to the first answer, choose it with the arrow keys, then Tab to the run button and press Enter
    let guard = 0;
    while (!(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.dataset.option)) && guard++ < 80) await page.keyboard.press('Tab');
    expect(guard).toBeLessThan(80);
    await page.keyboard.press('ArrowDown');
    const chosen = await page.evaluate(() => (document.activeElement as HTMLInputElement).dataset.option);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.action)).toBe('run');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (window as unknown as { __explorer: { chapter(): { revealed: boolean; busy: boolean } } }).__explorer.chapter().revealed, null, { timeout: 60_000 });
    const state = await chapterState(page);
    expect(state.predicted).toBe(chosen);
    // focus moves to the reveal, which a screen reader then reads
    expect(await page.evaluate(() => document.activeElement?.closest('[data-part=reveal-section]') !== null)).toBe(true);
    // every chart and triangle is an image with a name and a current description
    for (const img of await page.locator('.chapter [role=img]:visible').all()) {
      const described = await img.evaluate((el) => document.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent ?? '');
      const named = await img.evaluate((el) => (el.getAttribute('aria-labelledby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(''));
      expect(named.length).toBeGreaterThan(3);
      expect(described.length).toBeGreaterThan(20);
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
