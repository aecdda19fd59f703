// Share and export: the link to this run, summary.json and monthly.csv (the same bytes as
// `meerwaarde run` writes for the same scenario, seed, months and settings), the effective scenario
// for the command line, and a picture of the canvas.
import { download, h, heading, type Texts } from './dom';

export interface ExportSources {
  summaryJson(): Promise<string>;
  monthlyCsv(): Promise<string>;
  scenarioJson(): Promise<string>;
  png(): Promise<Blob | null>;
  link(): string;
  /** for the file names and the command line shown */
  run(): { scenario: string; seed: number; months: number };
}

export function fileBase(run: { scenario: string; seed: number }): string {
  return `meerwaarde-${run.scenario}-seed${run.seed}`;
}

export function cliCommand(run: { scenario: string; seed: number; months: number }): string {
  return `meerwaarde run ${fileBase(run)}-scenario.json --seed ${run.seed} --months ${run.months} --out out`;
}

export class ExportPanel {
  readonly root: HTMLElement;
  readonly buttons: Record<'link' | 'summary' | 'monthly' | 'scenario' | 'png', HTMLButtonElement>;
  private command: HTMLElement;
  private note: HTMLElement;
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
      scenario: button('export.scenario', 'scenario'),
      png: button('export.png', 'png'),
    };
    this.note = h('p', { class: 'hint' });
    this.command = h('code', { class: 'cli' });
    this.status = h('p', { class: 'export-status', role: 'status' });
    this.root = h(
      'section',
      { class: 'panel export-panel', 'aria-labelledby': 'export-heading' },
      heading(texts, 2, 'export.heading', { id: 'export-heading' }),
      h('div', { class: 'button-row' }, this.buttons.link),
      h('div', { class: 'button-row' }, this.buttons.summary, this.buttons.monthly, this.buttons.scenario, this.buttons.png),
      this.note,
      h('pre', {}, this.command),
      this.status,
    );
    this.buttons.link.addEventListener('click', () => void this.copyLink());
    this.buttons.summary.addEventListener('click', () => void this.save('summary.json', 'application/json', () => sources.summaryJson()));
    this.buttons.monthly.addEventListener('click', () => void this.save('monthly.csv', 'text/csv', () => sources.monthlyCsv()));
    this.buttons.scenario.addEventListener('click', () => void this.save('scenario.json', 'application/json', () => sources.scenarioJson()));
    this.buttons.png.addEventListener('click', () => void this.savePng());
    texts.on(() => this.update());
  }

  /** refresh the note and the command line (run length or seed changed) */
  update(): void {
    const run = this.sources.run();
    this.note.textContent = this.texts.i18n.t('export.note', { months: this.texts.i18n.int(run.months) });
    this.command.textContent = cliCommand(run);
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
    const name = `${fileBase(this.sources.run())}.png`;
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
