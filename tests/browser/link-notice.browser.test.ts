// A malformed link in real Chromium (issue 7, point 12): one short sentence per problem, in Dutch and in
// English, every problem named, the link's text quoted only in part, dismissable; the sandbox starts from
// the defaults and nothing reaches the model.
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/ui/i18n/en';
import { nl } from '../../src/ui/i18n/nl';
import { ECHO_MAX } from '../../src/ui/link-notice';
import { useHarness } from './checks';
import { axe, openPage, state } from './harness';

const harnessOf = useHarness();

const long = 'x'.repeat(5000);
// four problems: a negative seed, a hexadecimal run length, a setting far outside its range, and junk
const BAD = `?v=1&scenario=baseline&seed=-4&months=0x10&c=5~params.luckIntensity~99&c=${long}`;
const shots = join(tmpdir(), 'meerwaarde-link-notice');
mkdirSync(shots, { recursive: true });

/** The template's words before its first placeholder: what a rendered sentence must start with. */
const lead = (template: string) => template.split('{')[0];

describe('a malformed link', () => {
  for (const [lang, messages, locale] of [['en', en, 'en-GB'], ['nl', nl, 'nl-NL']] as const) {
    it(`names every problem in one short ${lang === 'en' ? 'English' : 'Dutch'} sentence each, quotes the link only in part, and starts from the defaults`, async () => {
      const { page, errors } = await openPage(harnessOf(), { search: BAD, locale, viewport: { width: 390, height: 844 } });
      const notice = page.locator('.link-notice');
      await expect.poll(() => notice.isVisible()).toBe(true);
      expect(await notice.locator('h2').textContent()).toBe(messages['link.title']);
      const items = await notice.locator('li').allTextContents();
      expect(items).toHaveLength(4);
      expect(items[0].startsWith(lead(messages['link.seed']))).toBe(true);
      expect(items[0]).toContain('-4');
      expect(items[1].startsWith(lead(messages['link.months']))).toBe(true);
      expect(items[2].startsWith(lead(messages['link.controlRange']))).toBe(true);
      expect(items[2]).toMatch(lang === 'en' ? /Luck intensity|luck/i : /geluk/i);
      expect(items[3].startsWith(lead(messages['link.controlForm']))).toBe(true);
      // the 5,000-character control is quoted in part only; no validator's own words
      const text = (await notice.textContent())!;
      expect(text).not.toContain('x'.repeat(ECHO_MAX));
      expect(text.length).toBeLessThan(1200);
      for (const raw of ['Invalid input', 'expected number', 'received', 'NaN', 'zod']) expect(text).not.toContain(raw);
      // the defaults: the first scenario, seed 1, no controls, month 0
      const s = await state(page);
      expect(s).toMatchObject({ scenarioId: 'baseline', seed: 1, month: 0, controls: [] });
      expect(await axe(page), 'axe with the notice open').toEqual([]);
      await page.screenshot({ path: join(shots, `link-notice-${lang}-390.png`), fullPage: false });
      // dismissed by its button, and by Escape when shown again
      await notice.locator('button[data-action=dismiss-link]').click();
      expect(await notice.isVisible()).toBe(false);
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }

  it('with more problems than it lists, says how many more; Escape dismisses it', async () => {
    const controls = Array.from({ length: 20 }, (_, i) => `c=${i}~managers.W.courage~${2 + i}`).join('&');
    const { page } = await openPage(harnessOf(), { search: `?scenario=baseline&${controls}`, viewport: { width: 1024, height: 768 } });
    const notice = page.locator('.link-notice');
    await expect.poll(() => notice.isVisible()).toBe(true);
    expect(await notice.locator('li').count()).toBe(5);
    expect(await notice.locator('.link-notice-more').textContent()).toBe(en['link.more'].replace('{count}', '15'));
    await page.screenshot({ path: join(shots, 'link-notice-en-1024.png') });
    await notice.locator('button').focus();
    await page.keyboard.press('Escape');
    expect(await notice.isVisible()).toBe(false);
    await page.context().close();
  });

  it('a good link shows no notice', async () => {
    const { page } = await openPage(harnessOf(), { search: '?v=1&scenario=baseline&seed=7&months=24&c=0~managers.W.courage~0.9' });
    expect(await page.locator('.link-notice').count()).toBe(0);
    expect(await state(page)).toMatchObject({ seed: 7, months: 24, controls: [{ month: 0, type: 'set', path: 'managers.W.courage', value: 0.9 }] });
    await page.context().close();
  });
});
