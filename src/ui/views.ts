// The sandbox's views as components, for the other front ends (the training server's pages, the
// student explorer) to import rather than copy. Each takes a container and a language, draws what it is
// given (a MonthSnapshot and a client sample, or a RunReport), and comes down again with dispose().
// docs/sandbox.md ("Views to reuse") shows them in use.
//
//   const texts = viewTexts('nl');                          // or the page's own Texts
//   const stage = await mountStageView(el, texts);          // the loop, triangles, dots, legend, parts
//   stage.update(snapshot, sample);
//   const verdicts = mountReportView('verdicts', el2, texts);
//   verdicts.update(report);
//   const both = mountCompareView(el3, texts);
//   both.update({ name: 'A', report: a }, { name: 'B', report: b });
//   const room = await mountProjectorView(el4, texts);      // large type: drawing and verdicts
//   room.update(snapshot, sample, report);
//   texts.i18n.set('en');                                   // every view follows
//   stage.dispose(); verdicts.dispose(); both.dispose(); room.dispose();
import type { EventLogEntry, MonthSnapshot } from '../model/types';
import type { RunReport } from '../engine/sandbox-api';
import { h, Texts } from './dom';
import { I18n, type Language } from './i18n/index';
import { createStage, type Stage } from './stage/index';
import { stageLabels } from './stage-labels';
import { StagePanel } from './panels/stage-panel';
import { VerdictPanel } from './panels/verdict-panel';
import { AccountPanel } from './panels/account-panel';
import { QuadrantPanel } from './panels/quadrant-panel';
import { DimensionPanel } from './panels/dimension-panel';
import { TwinPanel, type LuckCount } from './panels/twin-panel';
import type { ReportPanel } from './panels/panel-parts';
import { CompareView, type ComparedRun } from './runs/compare-view';

export type { ComparedRun } from './runs/compare-view';

/** Texts in one language, for a page that has none of its own. */
export function viewTexts(lang: Language): Texts {
  return new Texts(new I18n(lang));
}

export interface StageView {
  readonly panel: StagePanel;
  readonly stage: Stage | null;
  update(snapshot: MonthSnapshot, sample: Uint8Array, played?: (e: EventLogEntry) => boolean): void;
  setPlaying(on: boolean): void;
  dispose(): void;
}

export interface StageViewOptions {
  /** clients drawn as dots (the sample's length); default 600 */
  sampleSize?: number;
  reducedMotion?: boolean;
  /** 1 on a desk, about 1.35 on a projector */
  textScale?: number;
  /** fill this height (CSS px), or the natural height for the width (default) */
  height?: number | null;
  glossaryHref?: string;
}

/** The drawing in its panel (legend, table view, focusable parts, description), in `container`. */
export async function mountStageView(container: HTMLElement, texts: Texts, opts: StageViewOptions = {}): Promise<StageView> {
  const scoped = texts.scope();
  const panel = new StagePanel(scoped, opts.glossaryHref);
  container.append(panel.root);
  let stage: Stage | null = null;
  let last: MonthSnapshot | null = null;
  try {
    stage = await createStage(panel.canvasHost, {
      reducedMotion: opts.reducedMotion ?? matchMedia('(prefers-reduced-motion: reduce)').matches,
      language: texts.i18n.lang,
      labels: stageLabels(texts.i18n),
      textScale: opts.textScale,
    });
    if (opts.height !== undefined) stage.setHeight(opts.height);
    panel.attach(stage, opts.sampleSize ?? 600);
  } catch {
    panel.showUnavailable();
  }
  const relabel = scoped.on(() => stage?.setLabels(stageLabels(texts.i18n), texts.i18n.lang));
  return {
    panel,
    get stage() {
      return stage;
    },
    update(snapshot, sample, played) {
      last = snapshot;
      stage?.update(snapshot, sample, played);
      panel.update(last);
    },
    setPlaying(on) {
      stage?.setPlaying(on);
    },
    dispose() {
      relabel();
      stage?.destroy();
      panel.root.remove();
      scoped.dispose();
    },
  };
}

export type ReportViewKind = 'verdicts' | 'account' | 'quadrants' | 'dimensions' | 'twin';

export interface ReportView {
  readonly root: HTMLElement;
  /** `luck`: the run's good and bad luck events (the twin panel counts them) */
  update(report: RunReport | null, luck?: LuckCount): void;
  dispose(): void;
}

const PANELS: Record<ReportViewKind, new (texts: Texts) => ReportPanel> = {
  verdicts: VerdictPanel,
  account: AccountPanel,
  quadrants: QuadrantPanel,
  dimensions: DimensionPanel,
  twin: TwinPanel,
};

/** One of the report panels (who calls it a success, the account, the 2x2, the dimensions, the twin). */
export function mountReportView(kind: ReportViewKind, container: HTMLElement, texts: Texts): ReportView {
  const scoped = texts.scope();
  const panel = new PANELS[kind](scoped).mount(container);
  return {
    root: panel.root,
    update: (report, luck) => (panel instanceof TwinPanel && luck ? panel.update(report, luck) : panel.update(report)),
    dispose() {
      panel.dispose();
      scoped.dispose();
    },
  };
}

export interface CompareHandle {
  readonly root: HTMLElement;
  update(a: ComparedRun | null, b: ComparedRun | null): void;
  dispose(): void;
}

/** Two runs side by side with their difference (triangles, account, dimensions, verdicts). */
export function mountCompareView(container: HTMLElement, texts: Texts): CompareHandle {
  const scoped = texts.scope();
  const view = new CompareView(scoped);
  container.append(view.root);
  return {
    root: view.root,
    update: (a, b) => view.update(a, b),
    dispose() {
      view.dispose();
      scoped.dispose();
    },
  };
}

export interface ProjectorView {
  update(snapshot: MonthSnapshot, sample: Uint8Array, report: RunReport | null): void;
  setPlaying(on: boolean): void;
  dispose(): void;
}

/**
 * The projector's picture: the verdicts in one large line over the drawing in large type, filling the
 * container's width and the screen's height below its top (the sandbox's ?view=projector without its
 * play bar: a session's facilitator page puts its own controls around it).
 */
export async function mountProjectorView(container: HTMLElement, texts: Texts, opts: Omit<StageViewOptions, 'textScale'> = {}): Promise<ProjectorView> {
  const root = h('div', { class: 'layout', 'data-view': 'projector' });
  container.append(root);
  const scoped = texts.scope();
  const verdicts = new VerdictPanel(scoped);
  root.append(verdicts.strip);
  const main = h('div', { class: 'main-column' });
  root.append(main);
  const top = () => main.getBoundingClientRect().top + window.scrollY;
  const stage = await mountStageView(main, scoped, { ...opts, textScale: 1.35, height: opts.height ?? Math.max(420, window.innerHeight - top() - 60) });
  return {
    update(snapshot, sample, report) {
      stage.update(snapshot, sample);
      verdicts.update(report);
    },
    setPlaying: (on) => stage.setPlaying(on),
    dispose() {
      stage.dispose();
      verdicts.dispose();
      root.remove();
      scoped.dispose();
    },
  };
}
