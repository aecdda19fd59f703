// The training pages' entry (src/main.ts loads it for /training, /join, /play, /facilitator, /projector,
// /debrief and /solo). Each page is its own chunk: a participant's phone loads the join and play pages,
// never the stage (Pixi) that the projector, debrief and one-screen pages draw. The model never runs on
// the page's thread.
import './training.css';
import { TrainingContext } from './context';
import type { TrainingPage } from './route';

type Start = (ctx: TrainingContext, root: HTMLElement) => void | Promise<void>;

const PAGES: Record<TrainingPage, () => Promise<Start>> = {
  training: () => import('./setup-page').then((m) => m.startSetup),
  join: () => import('./join-page').then((m) => m.startJoin),
  play: () => import('./play-page').then((m) => m.startPlay),
  facilitator: () => import('./facilitator-page').then((m) => m.startFacilitator),
  projector: () => import('./projector-page').then((m) => m.startProjector),
  debrief: () => import('./debrief-page').then((m) => m.startDebrief),
  solo: () => import('./solo-page').then((m) => m.startSolo),
};

export function startTraining(root: HTMLElement, page: TrainingPage): void {
  const ctx = new TrainingContext();
  void PAGES[page]()
    .then((start) => start(ctx, root))
    .then(() => document.body.setAttribute('data-ready', page));
}
