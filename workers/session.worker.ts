// The one-screen mode's Web Worker: the same session model API as the server's worker_threads
// (src/session/model-api.ts), so a session on one laptop gives the same results as on the server.
import '../src/scenario/no-eval';
import * as Comlink from 'comlink';
import { createSessionModelApi } from '../src/session/model-api';

Comlink.expose(createSessionModelApi());
