// A browser sweep worker (the explorer's pool starts navigator.hardwareConcurrency of them): a thin
// comlink entry around src/sweep/browserWorkerApi.ts, the same runner as the command line's worker
// threads (workers/sweep.node-worker.ts).
import * as Comlink from 'comlink';
import { createBrowserSweepWorkerApi } from '../src/sweep/browserWorkerApi';
import { modelApi } from '../src/sweep/model';

Comlink.expose(createBrowserSweepWorkerApi(modelApi));
