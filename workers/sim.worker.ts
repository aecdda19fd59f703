// The sandbox's and the explorer's Web Worker: a thin comlink entry. The model runs here, never on the
// page's thread. Frames and replays carry their typed arrays as transferables (moved, not copied).
import '../src/scenario/no-eval';
import * as Comlink from 'comlink';
import { Simulation } from '../src/engine/simulation';
import { BUILTIN_SCENARIOS, resolveConfig } from '../src/scenario/index';
import { createSandboxApi, type Frame, type SandboxApi } from '../src/engine/sandbox-api';
import { createReplayApi, type ReplayApi } from '../src/engine/replay';

const engine = { Simulation, scenarios: BUILTIN_SCENARIOS, resolve: resolveConfig };
const api = createSandboxApi(engine);
const replay = createReplayApi(engine);

function transferFrame(frame: Frame): Frame {
  return Comlink.transfer(frame, [frame.sample.buffer, frame.series.buffer] as Transferable[]);
}

const exposed: SandboxApi & ReplayApi = {
  ...api,
  load: (req) => transferFrame(api.load(req)),
  advance: (req) => transferFrame(api.advance(req)),
  replay: (req) => {
    const r = replay.replay(req);
    return Comlink.transfer(r, [r.series.buffer as ArrayBuffer, ...r.samples.map((s) => s.buffer as ArrayBuffer)]);
  },
  exportRun: (spec) => replay.exportRun(spec),
  scenarioJson: (id) => replay.scenarioJson(id),
};

Comlink.expose(exposed);
