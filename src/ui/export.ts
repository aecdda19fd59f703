// Share and export: the link to this run, summary.json and monthly.csv (the same bytes as
// `meerwaarde run` writes for the same scenario, seed, months and settings), monthly.csv of the months
// played so far, the effective scenario for the command line, a labelled picture of the drawing, and
// the printed report. Paused before the end, the panel says that the files cover the whole run.
import { download, h, heading, setText, type Texts } from './dom';

export interface ExportSources {
  summaryJson(): Promise<string>;
  monthlyCsv(): Promise<string>;
  monthlyCsvSoFar(): Promise<string>;
  scenarioJson(): Promise<string>;
  /** the labelled picture (labelledPng), at twice the screen's resolution */
  png(): Promise<Blob | null>;
  link(): string;
  print(): Promise<void>;
  /** for the file names, the command line shown and the note */
  run(): { scenario: string; seed: number; months: number; month: number };
}

export function fileBase(run: { scenario: string; seed: number }): string {
  return `meerwaarde-${run.scenario}-seed${run.seed}`;
}

export function cliCommand(run: { scenario: string; seed: number; months: number }): string {
  return `meerwaarde run ${fileBase(run)}-scenario.json --seed ${run.seed} --months ${run.months} --out out`;
}

type ButtonName = 'link' | 'summary' | 'monthly' | 'monthlySoFar' | 'scenario' | 'png' | 'print';

export class ExportPanel {
  readonly root: HTMLElement;
  readonly buttons: Record<ButtonName, HTMLButtonElement>;
  private command: HTMLElement;
  private note: HTMLElement;
  private pausedNote: HTMLElement;
  private status: HTMLElement;

  constructor(
    private readonly texts: Texts,
    private readonly sources: ExportSources,
  ) {
    const button = (key: Parameters<Texts['text']>[1], name: string) =>
      texts.text(h('button', { type: 'button', class: 'secondary', 'data-export': name }), key);
    this.buttons = {
      link: button('export.copyLink', 'link'),
      summary: button('export.summary', 'summary'),
      monthly: button('export.monthly', 'monthly'),
      monthlySoFar: h('button', { type: 'button', class: 'secondary', 'data-export': 'monthly-so-far' }),
      scenario: button('export.scenario', 'scenario'),
      png: button('export.png', 'png'),
      print: button('export.print', 'print'),
    };
    this.note = h('p', { class: 'hint' });
    this.pausedNote = h('p', { class: 'notice export-paused', hidden: true });
    this.command = h('code', { class: 'cli' });
    this.status = h('p', { class: 'export-status', role: 'status' });
    this.root = h(
      'section',
      { class: 'panel export-panel', 'aria-labelledby': 'export-heading' },
      heading(texts, 2, 'export.heading', { id: 'export-heading' }),
      h('div', { class: 'button-row' }, this.buttons.link, this.buttons.print),
      h('div', { class: 'button-row' }, this.buttons.summary, this.buttons.monthly, this.buttons.scenario),
      this.note,
      h('pre', {}, this.command),
      this.pausedNote,
      h('div', { class: 'button-row' }, this.buttons.monthlySoFar),
      h('div', { class: 'button-row' }, this.buttons.png),
      texts.text(h('p', { class: 'hint' }), 'export.pngNote'),
      this.status,
    );
    this.buttons.link.addEventListener('click', () => void this.copyLink());
    this.buttons.summary.addEventListener('click', () => void this.save('summary.json', 'application/json', () => sources.summaryJson()));
    this.buttons.monthly.addEventListener('click', () => void this.save('monthly.csv', 'text/csv', () => sources.monthlyCsv()));
    this.buttons.monthlySoFar.addEventListener('click', () => void this.save(`monthly-to-month${sources.run().month}.csv`, 'text/csv', () => sources.monthlyCsvSoFar()));
    this.buttons.scenario.addEventListener('click', () => void this.save('scenario.json', 'application/json', () => sources.scenarioJson()));
    this.buttons.png.addEventListener('click', () => void this.savePng());
    this.buttons.print.addEventListener('click', () => void sources.print());
    texts.on(() => this.update());
  }

  /** refresh the notes and the command line (run length, seed or the month reached changed) */
  update(): void {
    const { i18n } = this.texts;
    const run = this.sources.run();
    setText(this.note, i18n.t('export.note', { months: i18n.int(run.months) }));
    setText(this.command, cliCommand(run));
    const partial = run.month > 0 && run.month < run.months;
    if (this.pausedNote.hidden === partial) this.pausedNote.hidden = !partial;
    this.buttons.monthlySoFar.hidden = run.month === 0;
    setText(this.pausedNote, partial ? i18n.t('export.notePaused', { month: i18n.int(run.month), months: i18n.int(run.months) }) : '');
    setText(this.buttons.monthlySoFar, i18n.t('export.monthlySoFar', { month: i18n.int(run.month) }));
  }

  private done(file: string): void {
    this.status.textContent = this.texts.i18n.t('export.done', { file });
  }

  private async save(kind: string, type: string, make: () => Promise<string>): Promise<void> {
    const name = `${fileBase(this.sources.run())}-${kind}`;
    const text = await make();
    download(new Blob([text], { type }), name);
    this.done(name);
  }

  private async savePng(): Promise<void> {
    const blob = await this.sources.png();
    if (!blob) return;
    const run = this.sources.run();
    const name = `${fileBase(run)}-month${run.month}.png`;
    download(blob, name);
    this.done(name);
  }

  private async copyLink(): Promise<void> {
    const link = this.sources.link();
    try {
      await navigator.clipboard.writeText(link);
      this.status.textContent = this.texts.i18n.t('export.copied');
    } catch {
      this.status.textContent = this.texts.i18n.t('export.copyFailed');
    }
  }
}
