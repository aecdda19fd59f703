// What the browser tests and bench:browser read from the page: a performance mark at the stage's
// first drawn frame, and a read-only window (no control goes through it; the tests use the real UI).
import type { Frame, RunReport } from '../engine/sandbox-api';
import type { Stage } from './stage/index';
import type { Announcer } from './announcer';
import type { SandboxRemote } from './player';
import type { StagePanel } from './panels/stage-panel';
import type { SandboxState, Store } from './store';

/** A performance mark at the stage's first drawn frame (bench:browser reads it). */
export function markFirstFrame(stage: Stage): void {
  const check = () => {
    if (stage.frameCount > 0) performance.mark('meerwaarde:first-frame');
    else requestAnimationFrame(check);
  };
  check();
}

/** A read-only window into the page for the browser tests and the benchmark (no control goes through it). */
export function exposeForTests(
  api: SandboxRemote,
  store: Store<SandboxState>,
  busy: () => boolean,
  stage: () => Stage | null,
  latest: () => Frame | null,
  report: () => RunReport | null,
  stagePanel: StagePanel,
  announcer: Announcer,
): void {
  (window as unknown as { __meerwaarde: unknown }).__meerwaarde = {
    ready: true,
    state: () => ({ ...store.state, busy: busy() }),
    frameCount: () => stage()?.frameCount ?? 0,
    stageAvailable: () => stage() !== null,
    month: () => latest()?.month ?? 0,
    report: () => report(),
    description: () => stagePanel.descriptionText,
    lastAnnouncement: () => announcer.lastText,
    summaryJson: () => api.exportSummaryJson(),
    scenarioJson: () => api.exportScenarioJson(),
  };
}
