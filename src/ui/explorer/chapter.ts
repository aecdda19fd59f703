// One chapter's page: its short text, the piece to try (controls), the question to predict, the run and
// its reveal (views and a sentence computed from the run), rewind and branch, the link to the sandbox and
// the trainer's link. Each chapter (chapters/*.ts) supplies its text keys and a ChapterPiece; this shell
// does the rest the same way in every chapter.
import { h, setText, uid, type Texts } from '../dom';
import type { I18n } from '../i18n/index';
import type { Announcer } from '../announcer';
import type { SandboxRemote } from '../player';
import type { RunSpec } from '../../engine/replay';
import type { ScenarioInfo } from '../../engine/sandbox-api';
import type { ExplorerKey, ExplorerText } from './i18n/index';
import { PredictionPanel, type Option } from './predict';
import type { ProgressStore } from './progress';
import { CHAPTERS, formatRoute, sandboxHref, type ChapterId, type ChapterLink, type Route } from './route';
import { BranchPanel, type BranchOptions } from './branch-panel';
import type { SweepPool } from './sweep-pool';

export interface ChapterContext {
  texts: Texts;
  x: ExplorerText;
  i18n: I18n;
  model: SandboxRemote;
  pool: SweepPool;
  scenarios: ScenarioInfo[];
  /** the trainer's preset for this chapter (the link it was opened with) */
  route: Route;
  announcer: Announcer;
}

/** A run that ended without a result for a reason the student chose (a cancel): shown as it is. */
export class RunStopped extends Error {
  override name = 'RunStopped';
}

/** What a run bears out: the right option, and what to say about it. */
export interface Outcome {
  /** null when the run cannot answer the question (the reveal says why) */
  answer: string | null;
  /** the run in words, in the current language */
  reveal: () => string;
}

export interface ChapterPiece {
  /** the settings to try */
  controls: HTMLElement;
  /** the views of the run, shown from the first reveal on */
  views: HTMLElement;
  question: () => string;
  options: () => Option[];
  /** runs the current settings; resolves once the views show the new run */
  run(): Promise<Outcome>;
  /** the run a branch and the sandbox link start from (null before the first run) */
  spec(): RunSpec | null;
  /** the current settings, for the trainer's link */
  link(): Omit<ChapterLink, 'chapter'>;
  /** called with a function to call whenever the settings change, or a run is picked (a new spec, same run) */
  onSettingsChange(fn: (kind: 'settings' | 'selection') => void): void;
  branch: BranchOptions;
  /** the button's label when the piece runs a sweep ("Run 200 runs") */
  runLabel?: () => string;
  /** stop what runs (a sweep) when the chapter is left */
  dispose?(): void;
}

export interface ChapterDef {
  id: ChapterId;
  title: ExplorerKey;
  lead: ExplorerKey;
  paragraphs: ExplorerKey[];
  build(ctx: ChapterContext): ChapterPiece;
}

export interface ChapterState {
  chapter: ChapterId;
  busy: boolean;
  revealed: boolean;
  predicted: string | null;
  answer: string | null;
  stale: boolean;
  spec: RunSpec | null;
}

export class ChapterView {
  readonly root: HTMLElement;
  readonly piece: ChapterPiece;
  readonly prediction: PredictionPanel;
  readonly runButton: HTMLButtonElement;
  private status: HTMLElement;
  private reveal: HTMLElement;
  private yours: HTMLElement;
  private verdict: HTMLElement;
  private sentence: HTMLElement;
  private note: HTMLElement;
  private sandboxLink: HTMLAnchorElement;
  private trainerLink: HTMLInputElement;
  private copyStatus: HTMLElement;
  private branch: BranchPanel;
  private outcome: Outcome | null = null;
  private predictedAtReveal: string | null = null;
  private busy = false;
  private stale = false;

  constructor(
    readonly def: ChapterDef,
    private readonly ctx: ChapterContext,
    private readonly progress: ProgressStore,
  ) {
    const { texts, x } = ctx;
    this.piece = def.build(ctx);
    const titleId = `chapter-title`;
    const predictId = uid('predict');
    this.prediction = new PredictionPanel(this.piece.question);
    this.prediction.setOptions(this.piece.options(), progress.chapter(def.id).prediction);
    this.prediction.onChange((id) => progress.update(def.id, { prediction: id }));
    this.runButton = h('button', { type: 'button', class: 'primary', 'data-action': 'run' });
    this.runButton.addEventListener('click', () => void this.run());
    this.status = h('p', { class: 'run-status', role: 'status' });
    this.yours = h('p', { class: 'reveal-yours', 'data-part': 'yours' });
    this.verdict = h('p', { class: 'reveal-verdict', 'data-part': 'verdict' });
    this.sentence = h('p', { class: 'reveal-sentence', 'data-part': 'reveal' });
    this.note = h('p', { class: 'hint', hidden: true });
    this.reveal = h(
      'section',
      { class: 'chapter-reveal', 'aria-labelledby': uid('reveal'), hidden: true, 'data-part': 'reveal-section' },
      texts.text(h('h3', { tabindex: '-1' }), x.bind('shell.reveal')),
      this.yours,
      this.verdict,
      this.sentence,
      this.note,
      this.piece.views,
    );
    this.reveal.firstElementChild!.id = this.reveal.getAttribute('aria-labelledby')!;
    this.branch = new BranchPanel(ctx, this.piece.branch);
    this.sandboxLink = h('a', { class: 'button-link', 'data-link': 'sandbox', 'aria-disabled': 'true' });
    this.trainerLink = h('input', { type: 'text', readonly: true, class: 'trainer-link', 'data-link': 'trainer', id: uid('trainer') });
    const copy = h('button', { type: 'button', class: 'secondary small', 'data-action': 'copy-trainer' });
    texts.text(copy, x.bind('shell.copy'));
    this.copyStatus = h('span', { class: 'hint', role: 'status' });
    copy.addEventListener('click', () => void this.copyTrainerLink());
    const trainerLabel = texts.text(h('label', { for: this.trainerLink.id }), x.bind('shell.trainer'));

    this.root = h(
      'article',
      { class: 'chapter', 'data-chapter': def.id, 'aria-labelledby': titleId },
      h(
        'header',
        { class: 'chapter-head' },
        texts.text(h('p', { class: 'kicker' }), () => x.t('x.chapterN', { n: chapterNumber(def.id) })),
        texts.text(h('h2', { id: titleId, tabindex: '-1' }), x.bind(def.title)),
        texts.text(h('p', { class: 'lead' }), x.bind(def.lead)),
      ),
      h('div', { class: 'chapter-text' }, ...def.paragraphs.map((k) => texts.text(h('p'), x.bind(k)))),
      h(
        'section',
        { class: 'chapter-try', 'aria-labelledby': `${titleId}-try` },
        texts.text(h('h3', { id: `${titleId}-try` }), x.bind('shell.try')),
        this.piece.controls,
      ),
      h(
        'section',
        { class: 'chapter-predict', 'aria-labelledby': predictId },
        texts.text(h('h3', { id: predictId }), x.bind('shell.predict')),
        texts.text(h('p', { class: 'hint' }), x.bind('shell.predictHint')),
        this.prediction.root,
        h('div', { class: 'button-row' }, this.runButton),
        this.status,
      ),
      this.reveal,
      this.branch.root,
      h(
        'section',
        { class: 'chapter-links', 'aria-labelledby': `${titleId}-links` },
        texts.text(h('h3', { id: `${titleId}-links` }), x.bind('shell.links')),
        h('p', {}, texts.text(this.sandboxLink, x.bind('shell.sandbox'))),
        h('div', { class: 'trainer' }, trainerLabel, h('div', { class: 'trainer-row' }, this.trainerLink, copy), texts.text(h('p', { class: 'hint' }), x.bind('shell.trainerHint')), this.copyStatus),
      ),
    );
    this.piece.onSettingsChange((kind) => {
      if (kind === 'settings' && this.outcome) this.stale = true;
      if (kind === 'selection') this.branch.setBase(this.piece.spec());
      this.renderLinks();
      this.renderButton();
    });
    texts.on(() => {
      this.prediction.setQuestion(this.piece.question);
      this.renderButton();
      this.renderReveal();
      this.renderLinks();
    });
    progress.update(def.id, { opened: true });
  }

  get state(): ChapterState {
    return {
      chapter: this.def.id,
      busy: this.busy,
      revealed: this.outcome !== null,
      predicted: this.prediction.value,
      answer: this.outcome?.answer ?? null,
      stale: this.stale,
      spec: this.piece.spec(),
    };
  }

  dispose(): void {
    this.piece.dispose?.();
  }

  private async run(): Promise<void> {
    if (this.busy) return;
    const { x } = this.ctx;
    const predicted = this.prediction.value;
    if (predicted === null && this.outcome === null) {
      setText(this.status, x.t('shell.needPrediction'));
      this.prediction.focus();
      return;
    }
    this.busy = true;
    this.renderButton();
    setText(this.status, x.t('shell.running'));
    try {
      const first = this.outcome === null;
      const outcome = await this.piece.run();
      this.outcome = outcome;
      if (first) this.predictedAtReveal = predicted;
      this.note.hidden = first || !this.stale;
      this.stale = false;
      setText(this.status, '');
      this.reveal.hidden = false;
      this.renderReveal();
      const matched = outcome.answer === null ? null : this.predictedAtReveal === outcome.answer;
      if (first) this.progress.update(this.def.id, { revealed: true, prediction: predicted, matched });
      this.branch.setBase(this.piece.spec());
      this.renderLinks();
      this.ctx.announcer.say(`${this.verdict.textContent} ${this.sentence.textContent}`, 'reveal');
      if (first) (this.reveal.firstElementChild as HTMLElement).focus({ preventScroll: false });
    } catch (error) {
      setText(this.status, error instanceof RunStopped ? error.message : x.t('x.error', { message: error instanceof Error ? error.message : String(error) }));
    } finally {
      this.busy = false;
      this.renderButton();
    }
  }

  private renderButton(): void {
    const { x } = this.ctx;
    const label = this.piece.runLabel?.() ?? x.t(this.outcome ? 'shell.rerun' : 'shell.run');
    setText(this.runButton, this.busy ? x.t('shell.running') : label);
    this.runButton.disabled = this.busy;
  }

  private renderReveal(): void {
    const o = this.outcome;
    if (!o) return;
    const { x } = this.ctx;
    const predicted = this.predictedAtReveal;
    setText(this.yours, predicted === null ? '' : x.t('shell.yours', { answer: this.prediction.labelOf(predicted) }));
    setText(this.verdict, predicted === null || o.answer === null ? '' : predicted === o.answer ? x.t('shell.matched') : x.t('shell.notMatched', { answer: this.prediction.labelOf(o.answer) }));
    this.verdict.dataset.matched = String(predicted === o.answer);
    setText(this.note, x.t('shell.rerunNote'));
    setText(this.sentence, o.reveal());
  }

  private renderLinks(): void {
    const spec = this.piece.spec();
    if (spec) {
      this.sandboxLink.href = sandboxHref({ scenario: spec.scenarioId, seed: spec.seed, months: spec.months, controls: spec.controls, at: 0 });
      this.sandboxLink.removeAttribute('aria-disabled');
    } else {
      this.sandboxLink.removeAttribute('href');
      this.sandboxLink.setAttribute('aria-disabled', 'true');
    }
    const url = new URL(location.href);
    url.search = formatRoute({ chapter: this.def.id, ...this.piece.link() });
    url.hash = '';
    this.trainerLink.value = url.href;
  }

  private async copyTrainerLink(): Promise<void> {
    const { x } = this.ctx;
    try {
      await navigator.clipboard.writeText(this.trainerLink.value);
      setText(this.copyStatus, x.t('shell.copied'));
    } catch {
      this.trainerLink.select();
      setText(this.copyStatus, x.t('shell.copyFailed'));
    }
  }
}

export function chapterNumber(id: ChapterId): number {
  return CHAPTERS.indexOf(id) + 1;
}
