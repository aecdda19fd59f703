// The sweep's worker thread: a thin comlink entry around src/sweep/workerApi.ts, running the same
// model code as the browser's Web Worker (workers/sim.worker.ts).
import { parentPort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { createSweepWorkerApi } from '../src/sweep/workerApi';
import { modelApi } from '../src/sweep/model';

if (!parentPort) throw new Error('sweep.node-worker runs as a worker thread');
Comlink.expose(createSweepWorkerApi(modelApi), nodeEndpoint(parentPort));
