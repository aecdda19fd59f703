// Issue 7 in real Chromium: the sandbox at the sizes it is used at (1920x1080 down to a 1024x768
// projector and a 390x844 phone), in Dutch and English, with every table open; panels that show the
// header's month; the desk, phone and projector layouts; month 0 drawn; words that agree.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axe, hook, openPage, state, waitFor } from './harness';
import {
  brokenWords,
  canvasInks,
  clippedChartText,
  clippedControls,
  escapingControls,
  expectNoSeriousAxe,
  failingInks,
  layOutEverything,
  luckLabelClashes,
  overlappingTables,
  panelMonths,
  sidewaysScroll,
  tablesScrollingSideways,
  textContrast,
  useHarness,
  stageWordsOutOfPlace,
} from './checks';

const harnessOf = useHarness();

const at24 = '?v=1&scenario=baseline&seed=1&months=96&at=24';
const SIZES: [number, number][] = [
  [1920, 1080],
  [1440, 900],
  [1280, 720],
  [1024, 768],
  [390, 844],
];

async function openEverything(page: Page): Promise<void> {
  for (const sel of ['[data-action=stage-table]', '[data-action=chart-table]', '[data-action=legend]']) {
    const b = page.locator(sel);
    if ((await b.getAttribute('aria-expanded')) === 'false') await b.click();
  }
  await page.locator('.scenario-more summary').click();
  await page.locator('.scenario-about summary').click();
  await layOutEverything(page);
}


describe('issue 7: the sandbox at every size, in Dutch and English', () => {
  it('after a pause at full speed every panel shows the header’s month, and the link reopens the same numbers (defect 1)', async () => {
    const { page, errors } = await openPage(harnessOf(), { search: '?v=1&scenario=baseline&seed=3&months=240' });
    await page.check('input[name=speed][value=full]');
    await page.click('[data-action=play]');
    await waitFor(page, (s) => s.month >= 40, 'month 40');
    // the shortcut pauses at once (a click waits for the button to hold still, and the run goes on meanwhile)
    await page.keyboard.press('Alt+KeyK');
    const paused = await waitFor(page, (s) => !s.playing, 'paused');
    expect(paused.done).toBe(false);
    await expect.poll(() => hook<{ month: number } | null>(page, 'report').then((r) => r?.month), { timeout: 15_000 }).toBe(paused.month);
    await page.waitForTimeout(300);
    const shown = await panelMonths(page);
    expect(shown.header).toBe(paused.month);
    // the verdicts' line, the verdict table, the account, the 2x2, the dimensions, the twin and the drawing
    for (const name of ['strip', 'verdict', 'account', 'quadrant', 'dimension', 'twin', 'stage']) expect(shown.panels[name], name).toBe(String(paused.month));
    const account = await page.locator('table.account').first().textContent();
    const verdicts = await page.locator('.verdict-body').textContent();
    await expect.poll(() => page.url()).toContain(`at=${paused.month}`);
    // the same link in a fresh page: the same numbers
    const again = await openPage(harnessOf(), { search: new URL(page.url()).search });
    await waitFor(again.page, (s) => s.month === paused.month, 'the linked month');
    await expect.poll(() => again.page.locator('table.account').first().textContent()).toBe(account);
    expect(await again.page.locator('.verdict-body').textContent()).toBe(verdicts);
    expect(errors).toEqual([]);
    await page.context().close();
    await again.page.context().close();
  });

  for (const lang of ['en', 'nl'] as const) {
    it(`${lang.toUpperCase()}: at five sizes with every table open, no sideways scroll, no table over another, no word broken, no clipped control, chart word or zone name (defects 2, 3, 9, 10, 13)`, async () => {
      const found: string[] = [];
      for (const [width, height] of SIZES) {
        const { page, errors } = await openPage(harnessOf(), { search: at24, viewport: { width, height }, locale: lang === 'nl' ? 'nl-NL' : 'en-GB' });
        await openEverything(page);
        const where = `${lang} ${width}x${height}`;
        const scroll = await sidewaysScroll(page);
        if (scroll > 0) found.push(`${where}: the page scrolls ${scroll} px sideways`);
        for (const x of await overlappingTables(page)) found.push(`${where}: table ${x}`);
        for (const x of await brokenWords(page)) found.push(`${where}: word broken ${x}`);
        for (const x of await clippedControls(page)) found.push(`${where}: clipped ${x}`);
        for (const x of await escapingControls(page)) found.push(`${where}: ${x}`);
        for (const x of await clippedChartText(page)) found.push(`${where}: chart word ${x}`);
        for (const x of await stageWordsOutOfPlace(page)) found.push(`${where}: on the stage ${x}`);
        // a desk's screen has room for every table (a phone's may scroll one inside its box)
        if (width >= 1024) for (const x of await tablesScrollingSideways(page)) found.push(`${where}: table ${x}`);
        // and the audit with everything open (the legend too), at the projector's size and on the phone
        if (width === 1024 || width === 390) for (const v of await axe(page)) found.push(`${where}: axe ${v.id} (${v.impact}) at ${v.nodes.join(', ')}`);
        if (width === 1440) {
          // the charts are wide enough to read on a projector, and the "Four dimensions" panel is not a column of letters
          const chartWidth = await page.locator('.chart svg').first().evaluate((s) => s.getBoundingClientRect().width);
          if (chartWidth < 360) found.push(`${where}: charts only ${chartWidth} px wide`);
          const dimensionsHeight = await page.locator('.dimension-panel').evaluate((s) => s.getBoundingClientRect().height);
          if (dimensionsHeight > 700) found.push(`${where}: the dimensions panel is ${dimensionsHeight} px tall`);
        }
        expect(errors).toEqual([]);
        await page.context().close();
      }
      // and the smallest reflow width WCAG asks for, in the longer language
      if (lang === 'nl') {
        const { page } = await openPage(harnessOf(), { search: at24, viewport: { width: 320, height: 800 }, locale: 'nl-NL' });
        await layOutEverything(page);
        const scroll = await sidewaysScroll(page);
        if (scroll > 0) found.push(`nl 320x800: the page scrolls ${scroll} px sideways`);
        for (const x of await brokenWords(page)) found.push(`nl 320: word broken ${x}`);
        await page.context().close();
      }
      expect(found).toEqual([]);
    });
  }

  it('a lever and the drawing are on one screen at 1280x720 and 1024x768, with the verdicts beside them (defect 4)', async () => {
    for (const [width, height] of [
      [1280, 720],
      [1024, 768],
    ]) {
      const { page } = await openPage(harnessOf(), { search: at24, viewport: { width, height } });
      const inView = (sel: string) =>
        page.locator(sel).first().evaluate((el) => {
          const r = el.getBoundingClientRect();
          return r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight + 0.5 && r.right <= window.innerWidth + 0.5 && r.width > 0;
        });
      expect(await inView('.stage-host canvas'), `${width}x${height}: the whole drawing`).toBe(true);
      expect(await inView('[data-setting="attention.value"]'), `${width}x${height}: the first lever`).toBe(true);
      expect(await inView('.verdict-strip .strip-group'), `${width}x${height}: the verdicts`).toBe(true);
      expect(await inView('[data-action=play]'), `${width}x${height}: play`).toBe(true);
      // the play bar keeps its buttons at its top, however tall the scenario's box beside it grows
      await page.locator('.scenario-about summary').click();
      const gap = await page.evaluate(() => document.querySelector('[data-action=play]')!.getBoundingClientRect().top - document.querySelector('.run-panel')!.getBoundingClientRect().top);
      expect(gap, `${width}x${height}: play at the top of its panel`).toBeLessThan(40);
      // the verdict table scrolls with the page, never sideways on its own
      const sideways = await page.locator('.verdict-body .table-scroll').first().evaluate((el) => el.scrollWidth - el.clientWidth);
      expect(sideways).toBeLessThanOrEqual(0);
      await page.context().close();
    }
  });

  it('on a phone: the scenario and play first, one column in reading order, the drawing fits the width, the verdict before the drawing (defect 4)', async () => {
    const { page } = await openPage(harnessOf(), { search: at24, viewport: { width: 390, height: 844 } });
    const box = (sel: string) => page.locator(sel).first().evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { top: r.top + window.scrollY, bottom: r.bottom + window.scrollY, left: r.left, right: r.right };
    });
    const picker = await box('[data-control=scenario]');
    const play = await box('[data-action=play]');
    expect(picker.bottom).toBeLessThan(844);
    expect(play.bottom).toBeLessThan(844);
    const strip = await box('.verdict-strip');
    const canvas = await box('.stage-host canvas');
    expect(strip.top).toBeLessThan(canvas.top);
    expect(canvas.left).toBeGreaterThanOrEqual(0);
    expect(canvas.right).toBeLessThanOrEqual(390);
    // reading order is visual order: each region of the page starts below the one before it in the DOM
    const order = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('main > *, .control-bar > *, .main-column > *, .side > *, .results > *')]
        .filter((el) => el.offsetParent !== null && !el.matches('.control-bar, .main-column, .side, .results'))
        .map((el) => ({ name: el.className.split(' ').slice(0, 2).join('.'), top: Math.round(el.getBoundingClientRect().top + window.scrollY) })),
    );
    for (let i = 1; i < order.length; i++) expect(order[i].top, `${order[i].name} after ${order[i - 1].name}`).toBeGreaterThan(order[i - 1].top);
    await expectNoSeriousAxe(page, 'phone');
    await page.context().close();
  });

  it('the projector view: large type, the play bar, the drawing and the verdicts in one screen at 1024x768, levers hidden; axe clean (Deliver)', async () => {
    const { page, errors } = await openPage(harnessOf(), { search: `${at24}&view=projector`, viewport: { width: 1024, height: 768 } });
    expect(await page.getAttribute('[data-action=projector]', 'aria-pressed')).toBe('true');
    expect(await page.locator('.side').isVisible()).toBe(false);
    expect(await page.locator('.results').isVisible()).toBe(false);
    const rootPx = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    expect(rootPx).toBeGreaterThanOrEqual(18); // the desk's is 16
    const inView = async (sel: string) =>
      page.locator(sel).first().evaluate((el) => {
        const r = el.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight + 0.5 && r.width > 0;
      });
    expect(await inView('.stage-host canvas')).toBe(true);
    expect(await inView('.verdict-strip')).toBe(true);
    expect(await inView('[data-action=play]')).toBe(true);
    // the drawing's words grow too (the desk's smallest are 11 px), and keep 4.5:1
    const inks = await canvasInks(page);
    const small = inks.filter((k) => k.role === 'text' && k.fontPx !== undefined && k.fontPx < 12.5).map((k) => `${k.text} ${k.fontPx}`);
    expect(small).toEqual([]);
    expect(failingInks(inks)).toEqual([]);
    expect(await stageWordsOutOfPlace(page), 'the drawing’s words').toEqual([]);
    // the chosen scenario's name is shown whole in its picker (it was cut to "Baseline: Middenst")
    const picker = await page.locator('[data-control=scenario]').evaluate((sel: HTMLSelectElement) => {
      const ctx = document.createElement('canvas').getContext('2d')!;
      const cs = getComputedStyle(sel);
      ctx.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
      const room = sel.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - 20; // the arrow
      return { text: sel.selectedOptions[0].text, need: Math.ceil(ctx.measureText(sel.selectedOptions[0].text).width), room };
    });
    expect(picker.need, `"${picker.text}" in the scenario picker`).toBeLessThanOrEqual(picker.room);
    await expectNoSeriousAxe(page, 'projector view');
    // a pressed switch stays readable under the pointer (the header's, in both views)
    for (const sel of ['[data-action=projector]', '[data-lang=en]']) {
      await page.hover(sel);
      expect(await textContrast(page, sel), `${sel} pressed and hovered`).toBeGreaterThanOrEqual(4.5);
    }
    // the projector at the other sizes: never a sideways scroll, no word of the drawing over another
    // (on a 16:9 1280x720 projector the small triangle's two lower names ran into each other)
    for (const [width, height] of SIZES.filter(([w]) => w > 560 && w !== 1024)) {
      await page.setViewportSize({ width, height });
      await expect.poll(() => sidewaysScroll(page), { message: `${width}x${height}`, timeout: 15_000 }).toBe(0);
      await expect.poll(() => stageWordsOutOfPlace(page), { message: `${width}x${height}: the drawing’s words`, timeout: 15_000 }).toEqual([]);
      expect(await inView('.verdict-strip'), `${width}x${height}: the verdicts`).toBe(true);
    }
    await page.setViewportSize({ width: 1024, height: 768 });
    // the switch goes back to the desk, and the link forgets the view
    await page.click('[data-action=projector]');
    expect(await page.locator('.side').isVisible()).toBe(true);
    await expect.poll(() => page.url()).not.toContain('view=projector');
    await page.hover('[data-lang=en]');
    expect(await textContrast(page, '[data-lang=en]'), 'the pressed language, hovered, on the desk').toBeGreaterThanOrEqual(4.5);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('the projector in Dutch: luck’s labels keep off the stations’ names and levels month after month; axe clean (Deliver, defect 8)', async () => {
    // the luck lab plays many events: a national budget change at month 27 was written over "Resources"
    const { page, errors } = await openPage(harnessOf(), { search: '?v=1&scenario=luck-lab&seed=1&months=96&at=26&view=projector', viewport: { width: 1024, height: 768 }, locale: 'nl-NL' });
    const found: string[] = [];
    let labelled = 0;
    for (let month = 27; month <= 31; month++) {
      await page.locator('body').focus();
      await page.keyboard.press('Alt+KeyJ');
      await waitFor(page, (s) => s.month === month, `month ${month}`);
      const inks = await hook<{ name: string }[]>(page, 'inks');
      labelled += inks.filter((k) => k.name.startsWith('event label')).length;
      for (const x of await luckLabelClashes(page)) found.push(`month ${month}: ${x}`);
    }
    expect(labelled, 'luck labels were drawn').toBeGreaterThan(0);
    expect(found).toEqual([]);
    expect(await sidewaysScroll(page)).toBe(0);
    await expectNoSeriousAxe(page, 'projector view, Dutch');
    await page.click('[data-action=legend]');
    await expectNoSeriousAxe(page, 'projector view with the legend, Dutch');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('month 0 is drawn before the first step, on load and after another scenario: dots, values, triangles (defect 7)', async () => {
    const { page } = await openPage(harnessOf());
    const drawn = async () => {
      const inks = await hook<{ name: string; text?: string }[]>(page, 'inks');
      const text = (name: string) => inks.find((k) => k.name === name)?.text ?? '';
      return { level: text('station level performance'), benefit: text('zone count benefit'), meta: text('meta level value'), legend: text('dots legend') };
    };
    for (const step of ['first load', 'another scenario']) {
      if (step === 'another scenario') {
        await page.selectOption('[data-control=scenario]', 'recession');
        await waitFor(page, (s) => s.scenarioId === 'recession', 'recession');
      }
      expect((await state(page)).month).toBe(0);
      await expect.poll(drawn, { timeout: 10_000 }).toMatchObject({ level: expect.stringMatching(/\d+%/), benefit: expect.stringMatching(/^[\d.,]+$/), meta: expect.stringMatching(/\d+%/), legend: expect.stringMatching(/1 dot/) });
      const benefit = Number((await drawn()).benefit.replace(/\D/g, ''));
      expect(benefit, step).toBeGreaterThan(1000);
    }
    await page.context().close();
  });

  it('words agree: the verdicts’ line and the table use one word per stakeholder, the scale comes from labelScale, the bijstand counts agree (defect 6)', async () => {
    const { page } = await openPage(harnessOf(), { search: at24 });
    const report = await hook<{ labelScale: { label: string; min: number }[] }>(page, 'report');
    // every stakeholder's label in the table is the group the line and the headline put them in
    const rows = await page.locator('.verdict-body tr[data-stakeholder]').evaluateAll((trs) => trs.map((tr) => ({ name: tr.querySelector('th')!.textContent!, label: (tr as HTMLElement).dataset.label!, word: tr.querySelector('.answer')!.textContent!.replace(/^\W+/, '') })));
    expect(rows).toHaveLength(8);
    for (const where of ['.verdict-strip', '.verdict-headline']) {
      const groups = await page.locator(`${where} [data-label]`).evaluateAll((els) => els.map((e) => ({ label: (e as HTMLElement).dataset.label!, text: e.textContent! })));
      for (const r of rows) {
        const g = groups.find((x) => x.label === r.label);
        expect(g?.text, `${where}: ${r.name}`).toContain(r.word);
        expect(g?.text, `${where}: ${r.name}`).toContain(r.name);
        for (const other of groups.filter((x) => x.label !== r.label)) expect(other.text.includes(`${r.name},`) || other.text.includes(`${r.name}.`) || other.text.endsWith(r.name)).toBe(false);
      }
    }
    // the thresholds shown are the report's labelScale, not a copy
    const scale = await page.locator('.verdict-scale').textContent();
    for (const step of report.labelScale) if (step.min > 0) expect(scale).toContain(String(Math.round(step.min * 100)));
    // people on bijstand: the description, the twin panel and the canvas's three zones say the same number
    const description = await hook<string>(page, 'description');
    const stock = Number(/([\d,]+) people on bijstand/.exec(description)![1].replace(/,/g, ''));
    const twin = await page.locator('.twin-panel tbody tr').first().locator('td').first().textContent();
    expect(Number(twin!.replace(/\D/g, ''))).toBe(stock);
    const inks = await hook<{ name: string; text?: string }[]>(page, 'inks');
    const zone = (s: string) => Number((inks.find((k) => k.name === `zone count ${s}`)?.text ?? '').replace(/\D/g, ''));
    expect(zone('benefit') + zone('trajectory') + zone('participation')).toBe(stock);
    expect(description).toContain(`${zone('benefit').toLocaleString('en-GB')} on benefit only`);
    // a slider's two ends and the value in use are heard as sentences, not run together
    const described = await page.locator('[data-setting="stance.value"]').evaluate((el) =>
      (el.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' | '),
    );
    expect(described).toMatch(/0%: Pull values from outside; 100%: Push own agenda\./);
    expect(described).toMatch(/in use now: \d+% push/);
    expect(await page.locator('.now-hint').first().textContent()).toMatch(/adapts/);
    await page.context().close();
  });

  it('Dutch says it in Dutch: no seed, run or caseload; every tab fits (defect 13)', async () => {
    const { page } = await openPage(harnessOf(), { search: at24, locale: 'nl-NL', viewport: { width: 1024, height: 768 } });
    await openEverything(page);
    // the page's words, not the command line it shows (which is the CLI's own: meerwaarde run … --seed)
    const text = await page.evaluate(() => {
      const copy = document.body.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('pre, code').forEach((e) => e.remove());
      return (copy.textContent ?? '').replace(/https?:\/\/\S+/g, '');
    });
    for (const word of [/\bseed\b/i, /\brun\b/i, /\bcaseload\b/i, /\bhendel/i, /Jouw run/]) expect(text, String(word)).not.toMatch(word);
    for (const id of ['W', 'D', 'H', 'P']) {
      const fits = await page.locator(`#tab-${id}`).evaluate((el) => el.scrollWidth <= el.clientWidth + 1);
      expect(fits, `tab ${id}`).toBe(true);
    }
    await page.context().close();
  });

  it('the canvas keeps its contrast and size: text 4.5:1 and at least 11 px, graphics 3:1, sampled from its pixels (defect 9)', async () => {
    for (const [lang, width, height] of [
      ['en', 1440, 900],
      ['nl', 390, 844],
    ] as const) {
      const { page } = await openPage(harnessOf(), { search: '?v=1&scenario=recession&seed=2&months=96&at=30', viewport: { width, height }, locale: lang === 'nl' ? 'nl-NL' : 'en-GB' });
      await page.waitForTimeout(300);
      const inks = await canvasInks(page);
      // the parts the issue names: the B tags, the 100% frame, the gauge names (Dutch phone)
      for (const name of ['balancing tag aspirations', 'meta 100% frame', 'gauge name harderClients', 'zone name benefit', 'flow sign performance']) {
        expect(inks.some((k) => k.name === name), `${lang}: ${name} is sampled`).toBe(true);
      }
      expect(failingInks(inks), `${lang} ${width}x${height}`).toEqual([]);
      await page.context().close();
    }
  });
});
