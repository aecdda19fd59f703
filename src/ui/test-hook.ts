// What the browser tests and bench:browser read from the page: a performance mark at the stage's
// first drawn frame, and a read-only window (no control goes through it; the tests use the real UI).
import type { Frame, RunReport } from '../engine/sandbox-api';
import type { Stage, StageInk, StagePart } from './stage/index';
import type { Announcer } from './announcer';
import type { SandboxRemote } from './player';
import type { StagePanel } from './panels/stage-panel';
import type { SandboxState, Store } from './store';
import type { KeptRuns } from './runs/kept-runs';
import type { ChartsPanel } from './charts/charts-panel';

/** A performance mark at the stage's first drawn frame (bench:browser reads it). */
export function markFirstFrame(stage: Stage): void {
  const check = () => {
    if (stage.frameCount > 0) performance.mark('meerwaarde:first-frame');
    else requestAnimationFrame(check);
  };
  check();
}

export interface TestHookSources {
  api: SandboxRemote;
  store: Store<SandboxState>;
  busy: () => boolean;
  stage: () => Stage | null;
  latest: () => Frame | null;
  report: () => RunReport | null;
  stagePanel: StagePanel;
  announcer: Announcer;
  kept: KeptRuns;
  charts: ChartsPanel;
  /** fill the printed report's header and picture (what the print button does before printing) */
  preparePrint: () => Promise<void>;
}

/** A read-only window into the page for the browser tests and the benchmark (no control goes through it). */
export function exposeForTests(x: TestHookSources): void {
  (window as unknown as { __meerwaarde: unknown }).__meerwaarde = {
    ready: true,
    state: () => ({ ...x.store.state, busy: x.busy() }),
    /** frames the stage has rendered: it stays put while the run is paused and nothing changes */
    frameCount: () => x.stage()?.frameCount ?? 0,
    stageAvailable: () => x.stage() !== null,
    month: () => x.latest()?.month ?? 0,
    snapshotMonth: () => x.latest()?.snapshot.month ?? -1,
    report: () => x.report(),
    description: () => x.stagePanel.descriptionText,
    lastAnnouncement: () => x.announcer.lastText,
    summaryJson: () => x.api.exportSummaryJson(),
    scenarioJson: () => x.api.exportScenarioJson(),
    parts: (): StagePart[] => x.stage()?.parts() ?? [],
    inks: (): StageInk[] => x.stage()?.inks() ?? [],
    keptRuns: () => x.kept.runs.map((r) => ({ key: r.key, search: r.search, month: r.month, scenarioId: r.scenarioId })),
    chartSvg: (id: string) => x.charts.chartSvg(id),
    preparePrint: () => x.preparePrint(),
  };
}
