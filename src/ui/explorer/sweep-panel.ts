// A browser sweep as a student sees it: a progress bar with the runs done and the workers used, a
// cancel button, and afterwards the sweep's files (runs.csv, monthly.csv, experiment.json) with the
// command that gives the same bytes on the command line.
import { download, h, setText, uid } from '../dom';
import type { ChapterContext } from './chapter';
import { RunStopped } from './chapter';
import type { SweepOutcome } from './sweep-pool';

export interface SweepJob {
  /** the experiment as an experiment.json holds it (scenario inline) */
  experiment: Record<string, unknown>;
  /** file name stem, e.g. 'luck-baseline' */
  name: string;
  /** its number of runs (points x replicates), for the progress bar before the workers say */
  runs: number;
}

export interface FinishedSweep extends SweepOutcome {
  job: SweepJob;
}

export class SweepPanel {
  readonly root: HTMLElement;
  private bar: HTMLProgressElement;
  private label: HTMLElement;
  private cancelButton: HTMLButtonElement;
  private files: HTMLElement;
  private controller: AbortController | null = null;
  private finished: FinishedSweep[] = [];
  private seconds = 0;

  constructor(private readonly ctx: Pick<ChapterContext, 'texts' | 'x' | 'i18n' | 'pool'>) {
    const { texts, x } = ctx;
    const barId = uid('sweep-bar');
    this.bar = h('progress', { id: barId, max: 1, value: 0 });
    this.label = h('label', { for: barId, class: 'sweep-label' });
    this.cancelButton = h('button', { type: 'button', class: 'secondary', 'data-action': 'cancel', disabled: true });
    texts.text(this.cancelButton, x.bind('sweep.cancel'));
    this.cancelButton.addEventListener('click', () => this.cancel());
    // folded: a student reads on to the prediction; a researcher opens the files (and the command)
    this.files = h('details', { class: 'sweep-files', hidden: true, 'data-part': 'sweep-files' });
    this.root = h('div', { class: 'sweep', 'data-part': 'sweep' }, h('div', { class: 'sweep-progress' }, this.label, this.bar, this.cancelButton), this.files);
    texts.on(() => this.renderFiles());
  }

  get running(): boolean {
    return this.controller !== null;
  }

  cancel(): void {
    this.controller?.abort();
  }

  /** Runs the jobs one after another on the pool; throws RunStopped when cancelled. */
  async run(jobs: SweepJob[]): Promise<FinishedSweep[]> {
    const { pool, x } = this.ctx;
    this.cancel();
    const controller = new AbortController();
    this.controller = controller;
    this.cancelButton.disabled = false;
    this.files.hidden = true;
    const t0 = performance.now();
    const out: FinishedSweep[] = [];
    const total = jobs.reduce((a, j) => a + j.runs, 0);
    const show = (before: number, done: number) => {
      this.bar.max = Math.max(1, total);
      this.bar.value = before + done;
      setText(this.label, x.t('sweep.progress', { done: before + done, total, workers: pool.size }));
    };
    try {
      for (const job of jobs) {
        const before = out.reduce((a, f) => a + f.total, 0);
        show(before, 0);
        const result = await pool.run({ experiment: job.experiment, source: `${job.name}.json`, signal: controller.signal, onProgress: (p) => show(before, p.done) });
        if (result.cancelled) {
          throw new RunStopped(x.t('sweep.cancelled', { done: before + result.done, total }));
        }
        out.push({ ...result, job });
      }
      this.finished = out;
      this.seconds = (performance.now() - t0) / 1000;
      this.renderFiles();
      return out;
    } finally {
      if (this.controller === controller) this.controller = null;
      this.cancelButton.disabled = true;
    }
  }

  private renderFiles(): void {
    const { x, i18n } = this.ctx;
    if (this.finished.length === 0) return;
    const total = this.finished.reduce((a, f) => a + f.total, 0);
    setText(this.label, x.t('sweep.finished', { total: i18n.int(total), seconds: i18n.decimal(this.seconds), workers: this.finished[0].workers }));
    this.files.hidden = false;
    this.files.replaceChildren(
      h('summary', { class: 'hint' }, x.t('sweep.files')),
      ...this.finished.map((f) => {
        const file = (name: string, text: string, type: string) => {
          const b = h('button', { type: 'button', class: 'secondary small', 'data-sweep-file': `${f.job.name}/${name}` }, `${f.job.name}/${name}`);
          b.addEventListener('click', () => download(new Blob([text], { type }), `${f.job.name}-${name}`));
          return b;
        };
        return h(
          'div',
          { class: 'sweep-job' },
          h(
            'div',
            { class: 'button-row' },
            file(x.t('sweep.experiment'), JSON.stringify(f.job.experiment, null, 2) + '\n', 'application/json'),
            file(x.t('sweep.runsCsv'), f.runsCsv, 'text/csv'),
            f.monthlyCsv === null ? null : file(x.t('sweep.monthlyCsv'), f.monthlyCsv, 'text/csv'),
          ),
          h('pre', { class: 'command' }, h('code', {}, x.t('sweep.command', { file: `${f.job.name}-experiment.json`, dir: f.job.name }))),
        );
      }),
    );
  }
}
