// The sandbox's result panels, together: the drawing's panel, who calls it a success, the account,
// the 2x2, the dimensions, the twin, the charts, the event log, export and the printed report's header.
// `render` draws them from the latest frame and report; while the run plays, panels out of view are
// left alone (they catch up when scrolled into view or on a pause).
import type { EventLogEntry, MonthSnapshot } from '../model/types';
import type { RunReport } from '../engine/sandbox-api';
import type { Texts } from './dom';
import { StagePanel } from './panels/stage-panel';
import { VerdictPanel } from './panels/verdict-panel';
import { AccountPanel } from './panels/account-panel';
import { QuadrantPanel } from './panels/quadrant-panel';
import { DimensionPanel } from './panels/dimension-panel';
import { TwinPanel, type LuckCount } from './panels/twin-panel';
import { EventLog } from './panels/event-log';
import { ChartsPanel, type ChartContext } from './charts/charts-panel';
import type { SeriesStore } from './charts/series';
import { ExportPanel, type ExportSources } from './export';
import { PrintReport, type PrintInfo } from './print-report';

export interface ResultsContext {
  series: SeriesStore;
  /** whether an event is the player's own card or setting */
  mine: (e: EventLogEntry) => boolean;
  charts: ChartContext;
  exports: ExportSources;
  glossaryHref: string;
}

export interface ResultsView {
  snapshot: MonthSnapshot | null;
  report: RunReport | null;
  luck: LuckCount;
  playing: boolean;
  /** the sentence the drawing's description shows before the first month */
  start: string;
  print: PrintInfo;
}

export class Results {
  readonly stagePanel: StagePanel;
  readonly verdicts: VerdictPanel;
  readonly account: AccountPanel;
  readonly quadrants: QuadrantPanel;
  readonly dimensions: DimensionPanel;
  readonly twin: TwinPanel;
  readonly log: EventLog;
  readonly charts: ChartsPanel;
  readonly exportPanel: ExportPanel;
  readonly printReport: PrintReport;
  private inView = new Set<Element>();
  private watcher: IntersectionObserver | null;
  private playing = false;

  /** `changed` is called when a panel comes into view (it has something to catch up on) */
  constructor(texts: Texts, ctx: ResultsContext, changed: () => void) {
    this.stagePanel = new StagePanel(texts, ctx.glossaryHref);
    this.verdicts = new VerdictPanel(texts);
    this.account = new AccountPanel(texts);
    this.quadrants = new QuadrantPanel(texts);
    this.dimensions = new DimensionPanel(texts);
    this.twin = new TwinPanel(texts);
    this.log = new EventLog(texts, ctx.mine);
    this.charts = new ChartsPanel(texts, ctx.series, ctx.charts);
    this.exportPanel = new ExportPanel(texts, ctx.exports);
    this.printReport = new PrintReport(texts);
    this.watcher =
      typeof IntersectionObserver === 'undefined'
        ? null
        : new IntersectionObserver(
            (entries) => {
              for (const e of entries) {
                if (e.isIntersecting) this.inView.add(e.target);
                else this.inView.delete(e.target);
              }
              changed();
            },
            { rootMargin: '100px' },
          );
    for (const el of this.watched()) this.watcher?.observe(el);
  }

  /** the panels that skip drawing while out of view during play */
  private watched(): Element[] {
    return [this.account.root, this.quadrants.root, this.dimensions.root, this.twin.root, this.charts.root, this.log.root, this.verdicts.root];
  }

  /** whether a panel is drawn now: always when paused, else only in view */
  shown(el: Element): boolean {
    return !this.watcher || !this.playing || this.inView.has(el);
  }

  render(v: ResultsView): void {
    this.playing = v.playing;
    this.stagePanel.setStart(v.start);
    this.stagePanel.update(v.snapshot);
    this.verdicts.update(v.report);
    if (this.shown(this.account.root)) this.account.update(v.report);
    if (this.shown(this.quadrants.root)) this.quadrants.update(v.report);
    if (this.shown(this.dimensions.root)) this.dimensions.update(v.report);
    if (this.shown(this.twin.root)) this.twin.update(v.report, v.luck);
    if (this.shown(this.charts.root)) this.charts.render();
    if (this.shown(this.log.root)) this.log.render();
    this.exportPanel.update();
    this.printReport.update(v.print);
  }
}
