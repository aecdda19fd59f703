// The training server's model thread: a thin comlink entry around src/session/model-api.ts (the same
// model code as the browser's Web Worker). The server's event loop never steps the model.
import { parentPort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { createSessionModelApi } from '../src/session/model-api';

if (!parentPort) throw new Error('session.node-worker runs as a worker thread');
Comlink.expose(createSessionModelApi(), nodeEndpoint(parentPort));
