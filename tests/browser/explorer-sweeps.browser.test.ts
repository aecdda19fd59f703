// The explorer's browser sweeps and branches in real Chromium, against the real command line: chapter 6's
// sweep and chapter 7's atlas give the runs.csv (and monthly.csv) `meerwaarde sweep` writes for the same
// experiment, on navigator.hardwareConcurrency Web Workers, with progress and cancel; a run picked from a
// fan is the same run in the sandbox; a branch's files are the bytes `meerwaarde run` writes for the
// branch's controls; and each chapter's revealed answer is what the command line's outputs say.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { downloadText, openPage, waitFor, waitReady } from './harness';
import { expectNoSeriousAxe, useHarness } from './checks';
import { chapterState, Cli, column, csvRows, openExplorer, predictAndRun } from './explorer-harness';
import { withEvents } from '../../src/scenario/parse';
import { quantile } from '../../src/ui/explorer/views/fan-chart';
import { SAME_SPREAD } from '../../src/ui/explorer/chapters/luck';

const harnessOf = useHarness();
const cli = new Cli();

describe('browser sweeps and branches against the command line', () => {
  it('chapter 6: the sweep runs on navigator.hardwareConcurrency workers and gives the runs.csv and monthly.csv of meerwaarde sweep', async () => {
    const { page, errors } = await openExplorer(harnessOf(), '?chapter=luck&runs=5&scenario=baseline&seed=31&months=36');
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    const state = await predictAndRun(page, 'bold');
    expect(state.revealed).toBe(true);
    const sweepWorkers = page.workers().filter((w) => /sweep\.worker/.test(w.url()));
    expect(sweepWorkers).toHaveLength(cores);
    await expect.poll(() => page.locator('.sweep-label').textContent()).toMatch(new RegExp(`10 .*\\b${cores}\\b`));

    // the files are folded under their summary until opened
    expect(await page.locator('[data-part=sweep-files]').getAttribute('open')).toBeNull();
    await page.locator('[data-part=sweep-files] > summary').click();
    const experiment = await downloadText(page, '[data-sweep-file="luck-baseline/experiment.json"]');
    const runs = await downloadText(page, '[data-sweep-file="luck-baseline/runs.csv"]');
    const monthly = await downloadText(page, '[data-sweep-file="luck-baseline/monthly.csv"]');
    const out = await cli.sweep('luck', experiment.text);
    expect(runs.text).toBe(readFileSync(join(out, 'runs.csv'), 'utf8'));
    expect(monthly.text).toBe(readFileSync(join(out, 'monthly.csv'), 'utf8'));
    expect(csvRows(runs.text).rows).toHaveLength(10);

    // the revealed answer is what the command line's runs.csv says
    const { head, rows } = csvRows(readFileSync(join(out, 'runs.csv'), 'utf8'));
    const at = (name: string) => column(head, name);
    const spread = (p: number) => {
      const v = rows.filter((r) => Number(r[at('point')]) === p).map((r) => Number(r[at('composite.final')]));
      return quantile(v, 0.9) - quantile(v, 0.1);
    };
    const [c, b] = [spread(0), spread(1)];
    expect(state.answer).toBe(b > c * SAME_SPREAD ? 'bold' : c > b * SAME_SPREAD ? 'cautious' : 'same');
    expect(await page.locator('[data-part=verdict]').getAttribute('data-matched')).toBe(String(state.answer === 'bold'));

    // the picked run (the cautious median) opens in the sandbox as the same run: its summary equals the sweep's row
    const spec = state.spec!;
    const row = rows.find((r) => Number(r[at('seed')]) === spec.seed && Number(r[at('point')]) === 0)!;
    const href = await page.locator('[data-link=selected-run]').getAttribute('href');
    const sandbox = await page.context().newPage();
    await sandbox.goto(new URL(href!, page.url()).href);
    await waitReady(sandbox);
    const summary = JSON.parse(await sandbox.evaluate(() => (window as unknown as { __meerwaarde: { summaryJson(): Promise<string> } }).__meerwaarde.summaryJson()));
    expect(summary.composite.final).toBeCloseTo(Number(row[at('composite.final')]), 6);
    expect(summary.twin.composite).toBeCloseTo(Number(row[at('twin.composite')]), 6);

    // a click on a line picks that run: at the bold fan's top right, the bold run that ends highest
    const plot = page.locator('[data-chart=bold] .xchart-plot');
    const box = (await plot.boundingBox())!;
    await plot.click({ position: { x: box.width - 2, y: 2 } });
    const bold = rows.filter((r) => Number(r[at('point')]) === 1).sort((p, q) => Number(q[at('composite.final')]) - Number(p[at('composite.final')]))[0];
    await expect.poll(() => page.locator('[data-link=selected-run]').getAttribute('href')).toMatch(new RegExp(`[?&]seed=${bold[at('seed')]}(&|$)`));
    expect(await page.locator('[data-chart=bold] path.selected').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('chapter 6: a sweep shows its progress and can be cancelled; the workers stop', async () => {
    const { page, errors } = await openExplorer(harnessOf(), '?chapter=luck&runs=200');
    await page.locator('[data-part=prediction] input').first().check();
    await page.click('[data-action=run]');
    await page.waitForFunction(() => Number((document.querySelector('.sweep progress') as HTMLProgressElement | null)?.value ?? 0) >= 2, null, { timeout: 60_000 });
    expect(await page.locator('.sweep-label').textContent()).toMatch(/of 400 runs/);
    expect(await page.locator('[data-action=cancel]').isEnabled()).toBe(true);
    await page.click('[data-action=cancel]');
    await expect.poll(() => page.locator('.chapter-predict .run-status').textContent(), { timeout: 20_000 }).toMatch(/Cancelled after \d+ of 400 runs/);
    const s = await chapterState(page);
    expect(s.revealed).toBe(false);
    expect(s.busy).toBe(false);
    await expect.poll(() => page.workers().filter((w) => /sweep\.worker/.test(w.url())).length, { timeout: 20_000 }).toBe(0);
    expect(await page.locator('[data-action=cancel]').isDisabled()).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('chapter 7: the atlas gives the runs.csv of meerwaarde sweep for every context, and its answer is the command line’s', async () => {
    const { page, errors } = await openExplorer(harnessOf(), '?chapter=atlas&runs=1&contexts=baseline,recession&scenario=baseline&seed=11&months=24');
    const state = await predictAndRun(page, 'yes');
    const best: number[] = [];
    await page.locator('[data-part=sweep-files] > summary').click();
    for (const context of ['baseline', 'recession']) {
      const experiment = await downloadText(page, `[data-sweep-file="atlas-${context}/experiment.json"]`);
      const runs = await downloadText(page, `[data-sweep-file="atlas-${context}/runs.csv"]`);
      const out = await cli.sweep(`atlas-${context}`, experiment.text);
      const cliRuns = readFileSync(join(out, 'runs.csv'), 'utf8');
      expect(runs.text).toBe(cliRuns);
      const { head, rows } = csvRows(cliRuns);
      expect(rows).toHaveLength(33);
      const outcome = column(head, 'composite.mean');
      // the grid is points 0..31; the student's strategy is point 32
      const grid = rows.filter((r) => Number(r[1]) < 32).map((r) => Number(r[outcome]));
      best.push(grid.indexOf(Math.max(...grid)));
      const mine = Number(rows[32][outcome]);
      const rank = 1 + grid.filter((v) => v > mine).length;
      expect(await page.locator('[data-part=reveal]').textContent()).toContain(`${rank} of 33`);
    }
    expect(state.answer).toBe(best[0] === best[1] ? 'yes' : 'no');
    const table = page.locator('[data-table=atlas]');
    expect(await table.locator('tbody tr').count()).toBe(33);
    expect(await table.locator('tr.yours').count()).toBe(1);
    expect(await table.locator('td:has-text("★")').count()).toBe(2);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('rewind and branch: branch B’s files are the bytes meerwaarde run writes for B’s controls, and A and B agree up to the branch month', async () => {
    const { page, errors } = await openExplorer(harnessOf(), '?chapter=triangle&scenario=baseline&seed=4&months=48');
    const state = await predictAndRun(page, 'legitimacy');
    await page.locator('[data-branch=month]').focus();
    await page.keyboard.press('Home');
    for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowRight');
    await page.selectOption('[data-branch=change]', 'managers.W.attention.value');
    await page.locator('[data-branch=value]').focus();
    await page.keyboard.press('End');
    await page.click('[data-action=branch]');
    await page.waitForSelector('[data-part=branch-results]:not([hidden])');
    const scenario = await downloadText(page, '[data-branch-file=scenarioJson]');
    const summary = await downloadText(page, '[data-branch-file=summaryJson]');
    const monthly = await downloadText(page, '[data-branch-file=monthlyCsv]');
    const effective = JSON.parse(scenario.text);
    const setting = effective.events.find((e: { month: number; path?: string }) => e.month === 20 && e.path === 'managers.W.attention.value');
    expect(setting).toEqual({ month: 20, type: 'set', path: 'managers.W.attention.value', value: 1 });
    const b = await cli.runScenario('branch-b', scenario.text, state.spec!.seed, state.spec!.months);
    expect(summary.text).toBe(b.summary);
    expect(monthly.text).toBe(b.monthly);

    // branch A is the chapter's run: the command line on its controls agrees with B before month 20, not after
    const base = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'scenarios', 'baseline.json'), 'utf8'));
    const a = await cli.runScenario('branch-a', JSON.stringify(withEvents(base, state.spec!.controls as never)), state.spec!.seed, state.spec!.months);
    const body = (csv: string) => csvRows(csv).rows.map((r) => r.slice(3).join(','));
    const [ra, rb] = [body(a.monthly), body(b.monthly)];
    expect(rb.slice(0, 20)).toEqual(ra.slice(0, 20));
    expect(rb.slice(20)).not.toEqual(ra.slice(20));
    // the compare table's composite for A is chapter 1's run
    expect(await page.locator('[data-table=branch] tbody tr').count()).toBeGreaterThan(5);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('the sandbox rewinds to a month and branches there: branch B’s files are the bytes of meerwaarde run', async () => {
    const { page, errors } = await openPage(harnessOf(), { search: '?v=1&scenario=recession&seed=3&months=24&c=0~managers.H.courage~0.8&at=24' });
    await waitFor(page, (s) => s.month === 24, 'month 24');
    // folded under its heading in the sandbox: open it by keyboard
    await page.locator('.branch-details > summary').focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-branch=month]').focus();
    await page.keyboard.press('Home');
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
    await page.selectOption('[data-branch=change]', 'card:windfallGrant');
    await page.click('[data-action=branch]');
    await page.waitForSelector('[data-part=branch-results]:not([hidden])');
    const scenario = await downloadText(page, '[data-branch-file=scenarioJson]');
    const summary = await downloadText(page, '[data-branch-file=summaryJson]');
    const monthly = await downloadText(page, '[data-branch-file=monthlyCsv]');
    expect(JSON.parse(scenario.text).events).toContainEqual({ month: 6, type: 'windfallGrant' });
    const b = await cli.runScenario('sandbox-branch-b', scenario.text, 3, 24);
    expect(summary.text).toBe(b.summary);
    expect(monthly.text).toBe(b.monthly);
    // A is the sandbox's run: its own export
    const exported = await downloadText(page, '[data-export=summary]');
    // the table shows whole points, cut down (i18n.score); summary.json keeps three decimals, so the cut of
    // the file's value may be one point off only when the score sits within 0.05 points of a whole one
    const shown = Number(await page.locator('[data-table=branch] tbody tr').first().locator('td').first().textContent());
    const filed = JSON.parse(exported.text).composite.final * 100;
    expect(shown).toBeGreaterThanOrEqual(Math.floor(filed - 0.05));
    expect(shown).toBeLessThanOrEqual(Math.floor(filed + 0.05));
    // rewind: the live run goes back to month 6, paused, with its controls
    await page.click('[data-action=rewind]');
    const s = await waitFor(page, (x) => x.month === 6 && !x.playing, 'month 6');
    expect(s.controls).toEqual([{ month: 0, type: 'set', path: 'managers.H.courage', value: 0.8 }]);
    await expectNoSeriousAxe(page, 'the sandbox after a rewind');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
