// The sandbox page's entry (index.html loads it). It decides which front end the address asks for and
// loads only that one: the sandbox app (src/ui/app) or a training page (src/training), each its own chunk,
// so a participant's phone never downloads the sandbox (tests/server/pages.browser.test.ts holds this).
import './scenario/no-eval';
import './ui/styles.css';
import { trainingPage } from './training/route';

const root = document.getElementById('app');
if (!root) throw new Error('index.html has no #app element');
// the training pages (served by `meerwaarde serve`, or ?page=solo) load on their own, without the sandbox
// (two functions, so the bundler keeps each import's own list of chunks to preload)
const page = trainingPage(location);
async function training(name: NonNullable<typeof page>, el: HTMLElement): Promise<void> {
  (await import('./training/main')).startTraining(el, name);
}
async function sandbox(el: HTMLElement): Promise<void> {
  (await import('./ui/app')).startApp(el);
}
void (page ? training(page, root) : sandbox(root));
