// The sandbox's controls, made and wired to the page's actions: the header (projector, compare, print,
// language, reduced motion, help), the help dialog and its shortcuts, scenario and seed, the play bar,
// the levers, luck, the runs to compare and the tour. app.ts holds the actions; this holds the widgets.
import { h, type Texts } from './dom';
import type { Language } from './i18n/index';
import type { LuckEvent, ManagerId } from '../model/types';
import type { Speed, View } from './store';
import { Header } from './header';
import { HelpDialog, installShortcuts, type Shortcut } from './help';
import { ScenarioControls } from './controls/scenario-controls';
import { RunControls } from './controls/run-controls';
import { LeverControls, type SettingChange } from './controls/lever-controls';
import { LuckControls } from './controls/luck-controls';
import { KeptRuns } from './runs/kept-runs';
import { CompareDialog } from './runs/compare-dialog';
import { Tour } from './tour';

export interface PageActions {
  playPause(): void;
  step(): void;
  reset(): void;
  newSeed(): void;
  setSpeed(speed: Speed): void;
  scenario(id: string): void;
  months(months: number): void;
  seed(seed: number): void;
  settings(changes: SettingChange[]): void;
  card(card: LuckEvent): void;
  /** back to the scenario's own settings (no controls), at month 0 */
  restore(): void;
  selectManager(id: ManagerId): void;
  language(lang: Language): void;
  reducedMotion(on: boolean): void;
  view(view: View): void;
  print(): void;
}

export class PageControls {
  readonly header: Header;
  readonly help: HelpDialog;
  readonly kept = new KeptRuns();
  readonly compare: CompareDialog;
  readonly scenario: ScenarioControls;
  readonly run: RunControls;
  readonly levers: LeverControls;
  readonly luck: LuckControls;
  readonly tour: Tour;

  constructor(texts: Texts, a: PageActions, glossaryHref: string) {
    const shortcuts: Shortcut[] = [
      { code: 'KeyK', keys: 'Alt+K', label: 'help.key.play', run: () => a.playPause() },
      { code: 'KeyJ', keys: 'Alt+J', label: 'help.key.step', run: () => a.step() },
      { code: 'KeyR', keys: 'Alt+R', label: 'help.key.reset', run: () => a.reset() },
      { code: 'KeyN', keys: 'Alt+N', label: 'help.key.seed', run: () => a.newSeed() },
      { code: 'KeyH', keys: 'Alt+H', label: 'help.key.help', run: () => this.help.open() },
    ];
    this.help = new HelpDialog(texts, shortcuts, { glossaryHref, tour: () => this.tour.start() });
    installShortcuts(shortcuts);
    this.compare = new CompareDialog(texts, this.kept, (search) => `${location.pathname}${search}`);
    this.header = new Header(texts, this.help.openButton, {
      language: (lang) => a.language(lang),
      reducedMotion: (on) => a.reducedMotion(on),
      projector: (on) => a.view(on ? 'projector' : 'desk'),
      compare: () => this.compare.open(),
      print: () => a.print(),
    });
    this.kept.onChange(() => this.header.setCompareCount(this.kept.runs.length));
    this.header.setCompareCount(this.kept.runs.length);
    this.scenario = new ScenarioControls(texts, { scenario: (id) => a.scenario(id), months: (m) => a.months(m), seed: (s) => a.seed(s), newSeed: () => a.newSeed() });
    this.run = new RunControls(texts, { playPause: () => a.playPause(), step: () => a.step(), reset: () => a.reset(), speed: (s) => a.setSpeed(s) });
    this.levers = new LeverControls(texts, { set: (changes) => a.settings(changes), select: (id) => a.selectManager(id) });
    this.luck = new LuckControls(texts, { set: (path, value) => a.settings([{ path, value }]), card: (card) => a.card(card) });
    const restore = texts.text(h('button', { type: 'button', class: 'secondary small' }), 'levers.restore');
    restore.addEventListener('click', () => a.restore());
    this.levers.root.append(h('div', { class: 'button-row' }, restore));
    this.tour = new Tour(texts, [
      { title: 'tour.step1.title', text: 'tour.step1.text', target: () => this.scenario.picker },
      { title: 'tour.step2.title', text: 'tour.step2.text', target: () => this.run.playButton },
      { title: 'tour.step3.title', text: 'tour.step3.text', target: () => this.levers.root.querySelector<HTMLElement>('[data-setting="attention.value"]') },
    ]);
  }
}
