// The page's arrangement, one per use (issue 7, point 4):
//   desk (a laptop, a desktop): the scenario and play bar across the top, the verdicts in one line under
//     it, the drawing filling the rest of the screen's height with the levers beside it, so a lever
//     and its effect are on one screen down to 1024x768; the panels and charts below;
//   phone (narrow): one column in reading order: scenario, play, verdicts, drawing (fitting the width),
//     levers, panels;
//   projector (?view=projector or the header's switch): large type and high contrast, the play bar,
//     the verdicts and the drawing only, readable from the back of a room at 1024x768.
// The DOM order is the reading order in every layout (CSS never moves a region out of it).
import { h, type Texts } from './dom';
import type { Stage } from './stage/index';
import type { View } from './store';

export function readView(search: string): View {
  return new URLSearchParams(search).get('view') === 'projector' ? 'projector' : 'desk';
}

export interface PageRegions {
  header: HTMLElement;
  error: HTMLElement;
  print: HTMLElement;
  /** the scenario picker and the play bar */
  bar: HTMLElement[];
  /** the verdicts in one line */
  strip: HTMLElement;
  stage: HTMLElement;
  /** under the drawing, in its column (the verdict table) */
  main: HTMLElement[];
  /** beside the drawing on a desk (levers, luck) */
  side: HTMLElement[];
  /** below: a panel, or a row of panels */
  results: (HTMLElement | HTMLElement[])[];
  dialogs: HTMLElement[];
  /** the element the canvas sits in: the drawing is sized from its top to the screen's bottom */
  stageFrame: HTMLElement;
}

/** The drawing fills the screen below its top on screens at least this wide and tall; elsewhere it takes its natural height. */
const FILL_MIN_WIDTH = 900;
const FILL_MIN_HEIGHT = 600;
/** room kept under the drawing (its frame and the panel's padding) */
const BELOW = 14;
const MAX_STAGE_HEIGHT = 1000;

export class PageLayout {
  readonly main: HTMLElement;
  private stage: Stage | null = null;
  private fitQueued = 0;
  private lastHeight: number | null | undefined = undefined;

  constructor(
    root: HTMLElement,
    texts: Texts,
    private readonly r: PageRegions,
  ) {
    const skip = texts.text(h('a', { href: '#run-heading', class: 'skip-link' }), 'app.skip');
    this.main = h(
      'main',
      { class: 'layout', id: 'main' },
      h('div', { class: 'control-bar' }, ...r.bar),
      r.strip,
      h('div', { class: 'main-column' }, r.stage, ...r.main),
      h('div', { class: 'side' }, ...r.side),
      h('div', { class: 'results' }, ...r.results.map((x) => (Array.isArray(x) ? h('div', { class: 'result-grid' }, ...x) : x))),
    );
    root.replaceChildren(skip, r.header, r.error, r.print, this.main, ...r.dialogs);
    window.addEventListener('resize', () => this.fit());
    // the bar and the strip above the drawing change height (a language, a longer verdict): fit again
    if (typeof ResizeObserver !== 'undefined') {
      const watch = new ResizeObserver(() => this.fit());
      for (const el of [r.header, this.main.firstElementChild!, r.strip]) watch.observe(el);
    }
  }

  setView(view: View): void {
    this.main.dataset.view = view;
    document.documentElement.dataset.view = view;
    this.fit();
  }

  attachStage(stage: Stage): void {
    this.stage = stage;
    this.lastHeight = undefined;
    this.fitNow();
  }

  /** size the drawing to the screen (coalesced to one a frame) */
  fit(): void {
    if (this.fitQueued) return;
    this.fitQueued = requestAnimationFrame(() => {
      this.fitQueued = 0;
      this.fitNow();
    });
  }

  private fitNow(): void {
    if (!this.stage) return;
    const projector = this.main.dataset.view === 'projector';
    const fill = projector || (window.innerWidth >= FILL_MIN_WIDTH && window.innerHeight >= FILL_MIN_HEIGHT);
    let height: number | null = null;
    if (fill) {
      const top = this.r.stageFrame.getBoundingClientRect().top + window.scrollY;
      height = Math.min(MAX_STAGE_HEIGHT, Math.floor(window.innerHeight - top - BELOW));
    }
    if (height === this.lastHeight) return;
    this.lastHeight = height;
    this.stage.setHeight(height);
  }
}
