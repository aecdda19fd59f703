// Issue 7 in real Chromium: the page explains itself (legend, focusable parts with their values, the
// glossary, the tour), luck leaves a lasting mark, runs can be compared, printed and exported with
// their labels, and a paused page costs nothing (no canvas frame, no DOM change).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PDFParse } from 'pdf-parse';
import { downloadBytes, hook, openPage, state, waitFor } from './harness';
import { expectNoSeriousAxe, layOutEverything, useHarness } from './checks';
import { pngText } from '../../src/ui/picture';
import { GLOSSARY } from '../../src/ui/glossary/entries';

const harnessOf = useHarness();

const at24 = '?v=1&scenario=baseline&seed=1&months=96&at=24';


/** The PNG's width and height from its header. */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const v = new DataView(png.buffer, png.byteOffset);
  return { width: v.getUint32(16), height: v.getUint32(20) };
}

describe('issue 7: the page explains itself, keeps what was played, compares, prints and rests', () => {
  it('the legend opens beside the loop; every station, arrow, pressure, the badge and every triangle can be focused and hovered, with its meaning and value (defect 5)', async () => {
    const { page, errors } = await openPage(harnessOf(), { search: at24, viewport: { width: 1440, height: 900 } });
    await page.click('[data-action=legend]');
    // beside the loop: it covers none of the stations, the arrows or the badge
    const legend = (await page.locator('.stage-legend').boundingBox())!;
    const canvas = (await page.locator('.stage-host canvas').boundingBox())!;
    const loopParts = (await hook<{ kind: string; x: number; width: number }[]>(page, 'parts')).filter((p) => ['station', 'flow', 'badge', 'balancing'].includes(p.kind));
    const loopRight = canvas.x + Math.max(...loopParts.map((p) => p.x + p.width));
    expect(legend.x, 'beside the loop').toBeGreaterThanOrEqual(loopRight);
    expect(legend.x + legend.width).toBeLessThanOrEqual(canvas.x + canvas.width + 1);
    const legendText = await page.locator('.stage-legend').textContent();
    for (const word of ['B1', 'B2', 'B3', 'B4', 'B5', 'loop gain G', 'balanced triangle', '100%', 'dashed', 'Your card']) expect(legendText).toContain(word);
    await expectNoSeriousAxe(page, 'legend open');

    const parts = await page.locator('.stage-part').evaluateAll((bs) => bs.map((b) => (b as HTMLElement).dataset.part!));
    for (const p of ['station:performance', 'station:capacity', 'flow:performance', 'balancing:aspirations', 'balancing:scandalHazard', 'badge:gain', 'triangle:municipality', 'triangle:W', 'triangle:P', 'zone:benefit', 'gauge:budgetCeiling']) {
      expect(parts, p).toContain(p);
    }
    // the keyboard: one tab stop, arrows walk the parts; each names its value and the tooltip says what it means
    const report = await hook<{ month: number }>(page, 'report');
    await page.locator('.stage-part[tabindex="0"]').focus();
    const first = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    expect(first).toMatch(/^Performance, \d+%$/);
    await expect.poll(() => page.locator('.stage-tip').isVisible()).toBe(true);
    expect(await page.locator('.stage-tip').textContent()).toMatch(/Level now: \d+%.*twin/);
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/^Perception, \d+%$/);
    await page.keyboard.press('End');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.part)).toBe('dots:legend');
    await page.keyboard.press('Escape');
    expect(await page.locator('.stage-tip').isVisible()).toBe(false);
    // the pointer: hovering the badge explains the loop gain with its current value
    const badge = page.locator('[data-part="badge:gain"]');
    await badge.hover();
    await expect.poll(() => page.locator('.stage-tip').textContent()).toMatch(/Now: G \d[.,]\d\d, (Damped|Virtuous spiral|Vicious spiral)\..*deviation/);
    // the tooltip can be hovered itself without vanishing (WCAG 1.4.13)
    await page.locator('.stage-tip').hover();
    await page.waitForTimeout(400);
    expect(await page.locator('.stage-tip').isVisible()).toBe(true);
    await expectNoSeriousAxe(page, 'a part focused, tooltip open');
    expect(report.month).toBe(24);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('the glossary page has every term of PRODUCT.md’s glossary and the deck, in Dutch and English, and the help links it; axe clean (defect 5)', async () => {
    const { page } = await openPage(harnessOf(), { search: at24 });
    await page.click('[data-action=help]');
    const href = await page.getAttribute('[data-action=help-glossary]', 'href');
    expect(href).toBe('glossary.html');
    await page.click('[data-action=help-glossary]');
    await page.waitForSelector('.glossary-table');
    const text = (await page.locator('main').textContent())!.replace(/’/g, "'");
    // every row of PRODUCT.md's glossary table: the Dutch and the English term
    const product = readFileSync('/work/shared/PRODUCT.md', 'utf8');
    const rows = [...product.split('## Glossary')[1].split('\n## ')[0].matchAll(/^\| ([^|]+) \| ([^|]+) \|/gm)].slice(2);
    expect(rows.length).toBeGreaterThan(20);
    for (const [, dutch, english] of rows) {
      const nlTerm = dutch.trim().replace(/\s*\(.*\)$/, '').split(',')[0].trim();
      const enTerm = english.trim().split(',')[0].trim();
      expect(text!.toLowerCase(), `NL ${nlTerm}`).toContain(nlTerm.toLowerCase().replace('meta-driehoek', 'metadriehoek'));
      expect(text!.toLowerCase(), `EN ${enTerm}`).toContain(enTerm.toLowerCase().replace(/^the /, ''));
    }
    // and the deck's: the account's lines, the 2x2, durf/design/omdenken, success is relative
    for (const term of ['public value account', 'mission achievement', 'justice and fairness', 'social costs of using state authority', 'success is relative', 'no one best way', 'courage, design, reframing']) {
      expect(text!.toLowerCase(), term).toContain(term);
    }
    expect(GLOSSARY.length).toBe(await page.locator('.glossary-table tbody tr').count());
    await expectNoSeriousAxe(page, 'glossary, English');
    await page.click('[data-lang=nl]');
    expect(await page.getAttribute('html', 'lang')).toBe('nl');
    expect(await page.locator('h1').textContent()).toBe('Begrippenlijst');
    await expectNoSeriousAxe(page, 'glossary, Dutch');
    await page.click('[data-action=back]');
    await page.waitForFunction(() => (window as unknown as { __meerwaarde?: { ready: boolean } }).__meerwaarde?.ready === true);
    await page.context().close();
  });

  it('the tour: offered on a first visit, three steps, skippable, never again unasked, again from the help (Deliver)', async () => {
    const { page } = await openPage(harnessOf(), { firstVisit: true });
    await expect.poll(() => page.locator('.tour').isVisible()).toBe(true);
    expect(await page.locator('.tour-progress').textContent()).toBe('Step 1 of 3');
    expect(await page.locator('#tour-title').textContent()).toBe('Pick a scenario');
    await expectNoSeriousAxe(page, 'tour, step 1');
    await page.click('[data-action=tour-next]');
    expect(await page.locator('#tour-title').textContent()).toBe('Press play');
    await expectNoSeriousAxe(page, 'tour, step 2');
    await page.click('[data-action=tour-next]');
    expect(await page.locator('.tour-progress').textContent()).toBe('Step 3 of 3');
    await expectNoSeriousAxe(page, 'tour, step 3');
    expect(await page.locator('[data-action=tour-next]').textContent()).toBe('Done');
    await page.click('[data-action=tour-next]');
    expect(await page.locator('.tour').isVisible()).toBe(false);
    // never again unasked
    await page.reload();
    await page.waitForFunction(() => (window as unknown as { __meerwaarde?: { ready: boolean } }).__meerwaarde?.ready === true);
    await page.waitForTimeout(300);
    expect(await page.locator('.tour').isVisible()).toBe(false);
    // asked for: from the help, and Skip (or Escape) ends it at any step
    await page.click('[data-action=help]');
    await page.click('[data-action=tour]');
    expect(await page.locator('.tour').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    expect(await page.locator('.tour').isVisible()).toBe(false);
    await page.context().close();
    const second = await openPage(harnessOf(), { firstVisit: true });
    await expect.poll(() => second.page.locator('.tour').isVisible()).toBe(true);
    await second.page.click('[data-action=tour-skip]');
    expect(await second.page.locator('.tour').isVisible()).toBe(false);
    await second.page.context().close();
  });

  it('luck leaves a lasting mark: markers stay after a pause, clear the stations and each other; the player’s card is marked on the stage and in the log; routine initiatives fold away (defect 8)', async () => {
    const { page } = await openPage(harnessOf(), { search: '?v=1&scenario=baseline&seed=1&months=96&at=24' });
    await page.selectOption('[data-control=card]', 'recession');
    await page.click('[data-action=card]');
    await waitFor(page, (s) => s.controls.some((c) => c.type === 'recession'), 'the card');
    await page.click('[data-action=step]');
    await waitFor(page, (s) => s.month === 25, 'month 25');
    const labels = async () => (await hook<{ name: string; text?: string; x: number; y: number; width: number; height: number }[]>(page, 'inks')).filter((k) => k.name.startsWith('event label'));
    await expect.poll(async () => (await labels()).map((l) => l.text)).toContain('Your card: Recession');
    // four seconds later, paused, it is still there
    await page.waitForTimeout(4000);
    expect((await labels()).map((l) => l.text)).toContain('Your card: Recession');
    // no label over a station's disc or another label
    const parts = await hook<{ kind: string; x: number; y: number; width: number; height: number }[]>(page, 'parts');
    const stations = parts.filter((p) => p.kind === 'station');
    const overlap = (a: { x: number; y: number; width: number; height: number }, b: typeof a) => a.x < b.x + b.width - 1 && b.x < a.x + a.width - 1 && a.y < b.y + b.height - 1 && b.y < a.y + a.height - 1;
    const ls = await labels();
    for (const l of ls) for (const s of stations) expect(overlap(l, s), `${l.text} over a station`).toBe(false);
    for (let i = 0; i < ls.length; i++) for (let j = i + 1; j < ls.length; j++) expect(overlap(ls[i], ls[j]), `${ls[i].text} over ${ls[j].text}`).toBe(false);
    // the log marks the card as the player's; routine initiatives are counted, not listed, until asked for
    await layOutEverything(page);
    expect(await page.locator('.event-log li[data-mine="true"]').first().textContent()).toMatch(/Your card.*Recession/);
    expect(await page.locator('.event-log li[data-kind="initiative"]').filter({ hasText: 'Routine' }).count()).toBe(0);
    expect(await page.locator('.log-hidden').textContent()).toMatch(/\d+ routine initiatives not shown/);
    await page.check('[data-control=log-routine]');
    expect(await page.locator('.event-log li').filter({ hasText: 'Routine initiative' }).count()).toBeGreaterThan(0);
    // the progress bar keeps a mark at the month of each control
    expect(await page.locator('.control-mark.mark-card').count()).toBe(1);
    await page.context().close();
  });

  it('compare runs: the baseline and the recession, paused, side by side with their difference; each opens again; axe clean (Deliver)', async () => {
    const { page, errors } = await openPage(harnessOf(), { search: '?v=1&scenario=baseline&seed=4&months=36', viewport: { width: 1024, height: 768 } });
    const playFor = async (months: number) => {
      await page.check('input[name=speed][value=fast]');
      await page.click('[data-action=play]');
      await waitFor(page, (s) => s.month >= months, `month ${months}`);
      await page.locator('body').focus();
      await page.keyboard.press('Alt+KeyK'); // pause at once (or nothing, had the run ended)
      await waitFor(page, (s) => !s.playing, 'paused');
    };
    await playFor(12);
    await expect.poll(() => hook<unknown[]>(page, 'keptRuns').then((r) => r.length)).toBe(1);
    await page.selectOption('[data-control=scenario]', 'recession');
    await waitFor(page, (s) => s.scenarioId === 'recession', 'recession');
    await playFor(12);
    await expect.poll(() => hook<{ scenarioId: string }[]>(page, 'keptRuns').then((r) => r.map((x) => x.scenarioId).sort())).toEqual(['baseline', 'recession']);
    expect(await page.textContent('[data-action=compare]')).toContain('(2)');
    await page.click('[data-action=compare]');
    // the side list: each kept run with its scenario, seed, month, controls, composite score and verdicts
    const names = await page.locator('.kept-run label').allTextContents();
    const hints = await page.locator('.kept-run .hint').allTextContents();
    expect(names).toHaveLength(2);
    for (const n of names) expect(n).toMatch(/^(Baseline|Recession).*, seed 4, month \d+ of \d+$/);
    for (const e of hints) expect(e).toMatch(/^\d+ of your controls; composite score \d+; .*(Success|success|Failure): \d/);
    const view = page.locator('.compare-view');
    await expect.poll(() => view.locator('.compare-table').count()).toBe(4);
    const viewText = await view.textContent();
    expect(viewText).toMatch(/Recession.*seed 4/);
    expect(viewText).toMatch(/Baseline.*seed 4/);
    // every row has A, B and their difference; the difference is B − A of the two scores shown
    const rows = await view.locator('.compare-table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    expect(rows.length).toBeGreaterThan(20);
    for (const [a, b, d] of rows) {
      const na = Number(/^-?\d+/.exec(a)?.[0]);
      const nb = Number(/^-?\d+/.exec(b)?.[0]);
      const nd = d === 'same' ? 0 : Number(d.replace('−', '-').replace('+', ''));
      expect(Math.abs(nb - na - nd), `${a} ${b} ${d}`).toBeLessThanOrEqual(1);
    }
    expect(await view.locator('svg[role=img]').count()).toBe(2);
    await expectNoSeriousAxe(page, 'compare view');
    // a kept run opens again from its link, at its month
    const href = await page.locator('.kept-run').last().locator('.run-link').getAttribute('href');
    const again = await openPage(harnessOf(), { search: href!.slice(href!.indexOf('?')) });
    const s = await state(again.page);
    expect(s.scenarioId).toBe('baseline');
    expect(s.month).toBeGreaterThanOrEqual(12);
    expect(errors).toEqual([]);
    await page.context().close();
    await again.page.context().close();
  });

  it('the printed report: title, scenario, seed, month, the account, the 2x2, the dimensions, verdicts and charts, and no controls (Deliver, defect 11)', async () => {
    const { page } = await openPage(harnessOf(), { search: at24 });
    await hook(page, 'preparePrint');
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const parsed = await new PDFParse({ data: new Uint8Array(pdf) }).getText();
    const text = parsed.text.replace(/\s+/g, ' ');
    for (const expected of [
      'Meerwaarde: report of a run',
      'Baseline: Middenstad · seed 1 · month 24 of 96',
      'Public value account',
      'Financial costs',
      'Justice and fairness',
      'Public values: the 2×2',
      'Four dimensions of success',
      'Programmatic',
      'Who calls it a success?',
      'Clients’ council',
      'Over time',
      'Meta triangle corners',
      'Strategy or luck?',
      'How a score (0 to 100) becomes a verdict',
    ]) {
      expect(text, expected).toContain(expected);
    }
    for (const control of ['Step one month', 'Play card now', 'Reduce motion', 'Compare runs', 'Copy link to this run', 'Levers']) expect(text, control).not.toContain(control);
    expect(parsed.total).toBeLessThanOrEqual(6);
    await page.context().close();
  });

  it('exports say what they are: a labelled PNG at twice the resolution, each chart as SVG and PNG, monthly.csv up to the month shown (defects 10, 11)', async () => {
    const { page } = await openPage(harnessOf(), { search: at24 });
    await layOutEverything(page);
    expect(await page.locator('.export-paused').textContent()).toMatch(/You are at month 24: the model plays the rest of the run \(to month 96\)/);
    const png = await downloadBytes(page, '[data-export=png]');
    expect(png.name).toBe('meerwaarde-baseline-seed1-month24.png');
    const canvas = await page.locator('.stage-host canvas').boundingBox();
    const size = pngSize(png.bytes);
    expect(size.width).toBe(Math.round(canvas!.width * 2));
    expect(size.height).toBeGreaterThan(canvas!.height * 2);
    const meta = pngText(png.bytes);
    expect(meta.Title).toBe('Meerwaarde: The success loop');
    expect(meta.Description).toBe('Baseline: Middenstad · seed 1 · month 24 of 96');
    // a chart as SVG: its title, the run, its axes' titles and each series with its dash
    const svg = await downloadBytes(page, '[data-chart-export="budgets.svg"]');
    const svgText = new TextDecoder().decode(svg.bytes);
    expect(svgText).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    for (const t of ['Budgets per year', 'seed 1 · month 24 of 96', 'Month', 'BUIG: € million']) expect(svgText, t).toContain(t);
    // the left axis' title, in one line or two along a short plot
    expect(svgText.replace(/<\/text><text [^>]*>/g, ' ')).toContain('Re-integration, LKS: € million');
    expect(svgText.match(/<path [^>]*data-series=/g)?.length).toBe(3);
    expect(svgText).toMatch(/stroke-dasharray="7 4"/);
    const chartPng = await downloadBytes(page, '[data-chart-export="budgets.png"]');
    const chartSize = pngSize(chartPng.bytes);
    const chartBox = await page.locator('[data-chart=budgets] svg').boundingBox();
    expect(chartSize.width).toBe(Math.round(chartBox!.width) * 2);
    expect(pngText(chartPng.bytes).Title).toContain('Budgets per year');
    // the legend on screen draws each series' dash pattern too
    const dashes = await page.locator('[data-chart=corners] .legend line').evaluateAll((ls) => ls.map((l) => l.getAttribute('stroke-dasharray')));
    expect(new Set(dashes).size).toBe(3);
    // monthly.csv of the months seen: a header and 24 rows, the same as the first rows of the whole run's file
    const soFar = new TextDecoder().decode((await downloadBytes(page, '[data-export=monthly-so-far]')).bytes);
    const whole = new TextDecoder().decode((await downloadBytes(page, '[data-export=monthly]')).bytes);
    const lines = soFar.trimEnd().split('\n');
    expect(lines).toHaveLength(25);
    expect(whole.split('\n').slice(0, 25).join('\n')).toBe(lines.join('\n'));
    await page.context().close();
  });

  it('at rest nothing is redrawn: no canvas frame and no DOM change while paused; a step draws again (defect 14)', async () => {
    const { page } = await openPage(harnessOf(), { search: at24 });
    await page.click('[data-action=step]');
    await waitFor(page, (s) => s.month === 25, 'a step');
    // the step settles (however slow a loaded machine is): its transition drawn and the status messages it
    // queued for screen readers spoken (they are paced 1.5 s apart): 800 ms with no frame and no DOM change
    const quiet = () =>
      page.evaluate(
        () =>
          new Promise<number>((done) => {
            let n = 0;
            const o = new MutationObserver((list) => (n += list.length));
            o.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
            setTimeout(() => (o.disconnect(), done(n)), 800);
          }),
      );
    for (let i = 0; i < 30; i++) {
      const f = await hook<number>(page, 'frameCount');
      const changes = await quiet();
      if (changes === 0 && (await hook<number>(page, 'frameCount')) === f) break;
    }
    const before = await hook<number>(page, 'frameCount');
    const mutations = await page.evaluate(
      () =>
        new Promise<string[]>((done) => {
          const seen: string[] = [];
          const name = (n: Node) => (n instanceof Element ? `${n.tagName.toLowerCase()}${n.id ? '#' + n.id : ''}${n.className && typeof n.className === 'string' ? '.' + n.className.split(' ')[0] : ''}` : (n.parentElement?.tagName.toLowerCase() ?? '') + ' text');
          const o = new MutationObserver((list) => list.forEach((m) => seen.push(`${m.type} ${m.attributeName ?? ''} on ${name(m.target)}`)));
          o.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
          setTimeout(() => {
            o.disconnect();
            done(seen);
          }, 1500);
        }),
    );
    const after = await hook<number>(page, 'frameCount');
    expect(after - before, 'canvas frames while paused').toBe(0);
    expect(mutations, 'DOM changes while paused').toEqual([]);
    await page.click('[data-action=step]');
    await expect.poll(() => hook<number>(page, 'frameCount')).toBeGreaterThan(after);
    await page.context().close();
  });
});
