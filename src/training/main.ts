// The training pages' entry (src/main.ts loads it for /training, /join, /play, /facilitator, /projector,
// /debrief and /solo). Each page is built from the same parts; the model never runs on the page's thread.
import './training.css';
import { TrainingContext } from './context';
import { startDebrief } from './debrief-page';
import { startFacilitator } from './facilitator-page';
import { startJoin } from './join-page';
import { startPlay } from './play-page';
import { startProjector } from './projector-page';
import type { TrainingPage } from './route';
import { startSetup } from './setup-page';
import { startSolo } from './solo-page';

export function startTraining(root: HTMLElement, page: TrainingPage): void {
  const ctx = new TrainingContext();
  const pages: Record<TrainingPage, (ctx: TrainingContext, root: HTMLElement) => void | Promise<void>> = {
    training: startSetup,
    join: startJoin,
    play: startPlay,
    facilitator: startFacilitator,
    projector: startProjector,
    debrief: startDebrief,
    solo: startSolo,
  };
  void Promise.resolve(pages[page](ctx, root)).then(() => document.body.setAttribute('data-ready', page));
}
