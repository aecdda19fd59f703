// The sandbox page's entry (index.html loads it).
import './ui/styles.css';
import { startApp } from './ui/app';
import { trainingPage } from './training/route';

const root = document.getElementById('app');
if (!root) throw new Error('index.html has no #app element');
// the training pages (served by `meerwaarde serve`, or ?page=solo) load on their own, without the sandbox
const page = trainingPage(location);
if (page) void import('./training/main').then((m) => m.startTraining(root, page));
else startApp(root);
