// What the explorer's browser tests share: opening a chapter, predicting and running it, reading the
// read-only test hook, and the command line (built from the same sources into a temporary folder) to
// compare bytes with.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { buildCli, openPage, ROOT, waitReady, type Harness, type OpenOptions, type OpenPage } from './harness';

export interface ChapterState {
  chapter: string;
  busy: boolean;
  revealed: boolean;
  predicted: string | null;
  answer: string | null;
  stale: boolean;
  spec: { scenarioId: string; seed: number; months: number; controls: { month: number; type: string; path?: string; value?: number }[] } | null;
}

export function openExplorer(h: Harness, search: string, opts: Omit<OpenOptions, 'path' | 'hook' | 'search'> = {}): Promise<OpenPage> {
  return openPage(h, { ...opts, path: 'explore.html', hook: '__explorer', search });
}

/** wait until the explorer page (after a reload or a link) is ready */
export function explorerReady(page: Page): Promise<void> {
  return waitReady(page, '__explorer');
}

export function chapterState(page: Page): Promise<ChapterState> {
  return page.evaluate(() => (window as unknown as { __explorer: { chapter(): ChapterState } }).__explorer.chapter());
}

/** Choose an option (the first when none is named), press the run button and wait for the reveal. */
export async function predictAndRun(page: Page, option?: string, timeout = 180_000): Promise<ChapterState> {
  const radio = option ? page.locator(`[data-part=prediction] input[data-option="${option}"]`) : page.locator('[data-part=prediction] input').first();
  if ((await page.locator('[data-part=prediction] input:checked').count()) === 0 || option) await radio.check();
  return runAgain(page, timeout);
}

/** Press the run button and wait until the new run is revealed. */
export async function runAgain(page: Page, timeout = 180_000): Promise<ChapterState> {
  const before = await page.locator('[data-part=reveal]').textContent();
  await page.click('[data-action=run]');
  await page.waitForFunction(
    (prev) => {
      const s = (window as unknown as { __explorer: { chapter(): ChapterState } }).__explorer.chapter();
      const text = document.querySelector('[data-part=reveal]')?.textContent ?? '';
      return s.revealed && !s.busy && (text !== prev || !s.stale);
    },
    before,
    { timeout },
  );
  return chapterState(page);
}

/** The command line, built once per test file. */
export class Cli {
  private entry: Promise<string> | null = null;
  readonly dir = mkdtempSync(join(tmpdir(), 'meerwaarde-explorer-cli-'));

  private built(): Promise<string> {
    this.entry ??= buildCli(join(this.dir, 'cli'));
    return this.entry;
  }

  async run(args: string[]): Promise<void> {
    const cli = await this.built();
    execFileSync(process.execPath, ['--input-type=module', '-e', `const { main } = await import(${JSON.stringify(cli)}); process.exitCode = await main(${JSON.stringify(args)});`], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  }

  /** `meerwaarde sweep` on an experiment file's text; returns the output folder */
  async sweep(name: string, experiment: string): Promise<string> {
    const file = join(this.dir, `${name}.json`);
    writeFileSync(file, experiment);
    const out = join(this.dir, `${name}-out`);
    await this.run(['sweep', file, '--out', out, '--quiet']);
    return out;
  }

  /** `meerwaarde run` on a scenario's text; returns summary.json and monthly.csv */
  async runScenario(name: string, scenario: string, seed: number, months: number): Promise<{ summary: string; monthly: string }> {
    const file = join(this.dir, `${name}.json`);
    writeFileSync(file, scenario);
    const out = join(this.dir, `${name}-out`);
    await this.run(['run', file, '--seed', String(seed), '--months', String(months), '--out', out]);
    return { summary: readFileSync(join(out, 'summary.json'), 'utf8'), monthly: readFileSync(join(out, 'monthly.csv'), 'utf8') };
  }
}

/** A column's index in a CSV head; throws when the column is missing (a renamed column fails, not NaN). */
export function column(head: string[], name: string): number {
  const i = head.indexOf(name);
  if (i < 0) throw new Error(`no column ${name} in ${head.slice(0, 8).join(',')}...`);
  return i;
}

/** The columns and rows of a CSV file the sweep or a run wrote (no quoted fields in these files). */
export function csvRows(text: string): { head: string[]; rows: string[][] } {
  const lines = text.trimEnd().split('\n');
  return { head: lines[0].split(','), rows: lines.slice(1).map((l) => l.split(',')) };
}
