// The sandbox's Web Worker: a thin comlink entry. The model runs here, never on the page's thread.
// Frames carry the client sample and the series rows as transferables (moved, not copied).
import * as Comlink from 'comlink';
import { Simulation } from '../src/engine/simulation';
import { BUILTIN_SCENARIOS, resolveConfig } from '../src/scenario/index';
import { createSandboxApi, type Frame, type SandboxApi } from '../src/engine/sandbox-api';

const api = createSandboxApi({ Simulation, scenarios: BUILTIN_SCENARIOS, resolve: resolveConfig });

function transferFrame(frame: Frame): Frame {
  return Comlink.transfer(frame, [frame.sample.buffer, frame.series.buffer] as Transferable[]);
}

const exposed: SandboxApi = {
  ...api,
  load: (req) => transferFrame(api.load(req)),
  advance: (req) => transferFrame(api.advance(req)),
};

Comlink.expose(exposed);
