// The printed report of a run: a header that only print shows (title, scenario, seed, month, the link
// that reopens the run, the model version) and a picture of the drawing; the print stylesheet
// (styles.css, @media print) hides every control and shows the account, the 2x2, the dimensions, the
// verdicts, the twin and the charts under it.
import { h, setText, type Texts } from './dom';

export interface PrintInfo {
  scenario: string;
  seed: number;
  month: number;
  months: number;
  link: string;
  modelVersion: string;
}

export class PrintReport {
  readonly root: HTMLElement;
  private runLine: HTMLElement;
  private linkLine: HTMLElement;
  private madeLine: HTMLElement;
  private picture: HTMLImageElement;
  private pictureUrl: string | null = null;
  private info: PrintInfo | null = null;

  constructor(private readonly texts: Texts) {
    this.runLine = h('p', { class: 'print-run' });
    this.linkLine = h('p', { class: 'print-link' });
    this.madeLine = h('p', { class: 'print-made' });
    this.picture = h('img', { class: 'print-picture', alt: '', hidden: true });
    this.root = h('section', { class: 'print-report', 'aria-hidden': 'true' }, texts.text(h('h1'), 'print.title'), this.runLine, this.picture, this.linkLine, this.madeLine);
    texts.on(() => this.render());
  }

  update(info: PrintInfo): void {
    this.info = info;
    this.render();
  }

  /** the drawing as it stands (a PNG), shown in print above the panels */
  setPicture(blob: Blob | null): void {
    if (this.pictureUrl) URL.revokeObjectURL(this.pictureUrl);
    this.pictureUrl = blob ? URL.createObjectURL(blob) : null;
    this.picture.hidden = !this.pictureUrl;
    if (this.pictureUrl) this.picture.src = this.pictureUrl;
    this.picture.alt = this.pictureUrl ? this.texts.i18n.t('stage.label') : '';
  }

  private render(): void {
    const { i18n } = this.texts;
    const x = this.info;
    if (!x) return;
    setText(this.runLine, i18n.t('print.run', { scenario: x.scenario, seed: x.seed, month: i18n.int(x.month), months: i18n.int(x.months) }));
    setText(this.linkLine, i18n.t('print.link', { link: x.link }));
    setText(this.madeLine, i18n.t('print.made', { version: x.modelVersion }));
  }
}
