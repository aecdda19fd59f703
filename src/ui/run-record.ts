// What the page keeps and gives out of the run it shows: its address (the link that replays it), its
// entry in the runs kept for comparison, its labelled picture and its printed report.
import type { RunReport, ScenarioInfo } from '../engine/sandbox-api';
import type { I18n } from './i18n/index';
import type { Stage } from './stage/index';
import type { SandboxState, Store } from './store';
import type { KeptRuns } from './runs/kept-runs';
import type { PrintReport } from './print-report';
import { formatUrlState, type RunAddress } from './url-state';
import { labelledPng } from './picture';

export interface RunRecordSources {
  i18n: I18n;
  store: Store<SandboxState>;
  scenario: () => ScenarioInfo | undefined;
  report: () => RunReport | null;
  stage: () => Stage | null;
  kept: KeptRuns;
  printReport: PrintReport;
  /** draw every panel now (before printing) */
  renderPanels: () => void;
}

export class RunRecord {
  constructor(private readonly x: RunRecordSources) {}

  /** "Baseline: Middenstad · seed 1 · month 24 of 96" */
  caption(): string {
    const { i18n, store } = this.x;
    const s = store.state;
    return i18n.t('print.run', { scenario: this.x.scenario()?.title[i18n.lang] ?? s.scenarioId, seed: s.seed, month: i18n.int(s.month), months: i18n.int(s.months) });
  }

  /** the run's address; the month reached only while paused (`at` opens the link paused there) */
  address(): RunAddress {
    const s = this.x.store.state;
    return { scenario: s.scenarioId, seed: s.seed, months: s.months, controls: s.controls, at: s.playing ? 0 : s.month };
  }

  /** keep the address bar true to the run (the view is not part of the run: it rides along after it) */
  writeUrl(): void {
    const s = this.x.store.state;
    if (!s.scenarioId) return;
    const search = formatUrlState(this.address()) + (s.view === 'projector' ? '&view=projector' : '');
    if (search !== location.search) history.replaceState(null, '', `${location.pathname}${search}${location.hash}`);
  }

  /** the run as it stands, in the list of runs to compare */
  keep(): void {
    const s = this.x.store.state;
    const info = this.x.scenario();
    const report = this.x.report();
    if (!report || !info || s.month === 0) return;
    this.x.kept.keep({ search: formatUrlState(this.address()), scenarioId: s.scenarioId, title: info.title, seed: s.seed, month: report.month, months: s.months, controls: s.controls.length, report });
  }

  /** the drawing under its title, scenario, seed and month, at twice the screen's resolution */
  async picture(): Promise<Blob | null> {
    const stage = this.x.stage();
    if (!stage) return null;
    const { i18n } = this.x;
    return labelledPng(stage.toCanvas(2), { title: `${i18n.t('app.title')}: ${i18n.t('stage.heading')}`, caption: this.caption() }, 2);
  }

  /** the printed report's header and picture, as the run stands */
  async preparePrint(): Promise<void> {
    this.x.renderPanels();
    const stage = this.x.stage();
    if (stage) this.x.printReport.setPicture(await stage.toPNG(1));
  }

  async print(): Promise<void> {
    await this.preparePrint();
    window.print();
  }
}
