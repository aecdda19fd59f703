// The sandbox's canvas: the success loop, the meta triangle, the jobseekers and luck, drawn with Pixi.
// The app shell owns every control and description (DOM); this draws and animates between months.
// Pixi's shader code without eval, so the pages run under a Content-Security-Policy with no 'unsafe-eval'
// (the training server sends one: src/server/http.ts)
import 'pixi.js/unsafe-eval';
import { Application, Container, Graphics, Rectangle, UPDATE_PRIORITY, type Ticker } from 'pixi.js';
import type { EventLogEntry, MonthSnapshot } from '../../model/types';
import { capBatchTextures, wantsAntialias } from './renderTuning';
import { ClientsView } from './clientsView';
import { GaugesView } from './gaugesView';
import { computeStageLayout, minimumHeight, naturalHeight, splitLoopPanel, type StageLayout } from './layout';
import { loopGeometry } from './loopGeometry';
import { LoopView } from './loopView';
import { PALETTE } from './palette';
import { PulseView } from './pulseView';
import { createDotAtlas, createSharedShapes } from './shapes';
import { installNumberFont, uninstallNumberFont } from './text';
import { TriangleView } from './triangleView';
import { FlowScale, transitionMs } from './tween';
import type { Stage, StageInk, StageLabels, StageLanguage, StageOptions, StagePart } from './types';

export type { Stage, StageInk, StageLabels, StageLanguage, StageOptions, StagePart, StagePartKind } from './types';
export { PALETTE, MANAGER_COLOURS, STATUS_STYLE } from './palette';

export async function createStage(container: HTMLElement, options: StageOptions): Promise<Stage> {
  // The stage lives in a wrapper of its own. If the container has a height, the stage fills it (never
  // below the layout's minimum); if not, the stage takes the natural height for its width.
  let fillsContainer = container.clientHeight > 0;
  /** a height the page asked for (setHeight), else null */
  let askedHeight: number | null = null;
  const wrapper = document.createElement('div');
  wrapper.className = 'meerwaarde-stage';
  Object.assign(wrapper.style, { position: 'relative', width: '100%', overflow: 'hidden' });
  if (fillsContainer) wrapper.style.height = '100%';
  container.appendChild(wrapper);

  let textScale = options.textScale ?? 1;
  const measure = (): { width: number; height: number } => {
    const width = Math.max(1, wrapper.clientWidth || container.clientWidth || 360);
    if (askedHeight !== null) {
      const h = Math.max(askedHeight, minimumHeight(width, textScale));
      wrapper.style.height = `${h}px`;
      return { width, height: h };
    }
    if (fillsContainer) wrapper.style.minHeight = `${minimumHeight(width, textScale)}px`;
    else wrapper.style.height = `${naturalHeight(width, textScale)}px`;
    return { width, height: fillsContainer ? wrapper.clientHeight : 0 };
  };
  const first = measure();

  capBatchTextures();
  const app = new Application();
  await app.init({
    preference: 'webgl',
    width: first.width,
    height: Math.max(1, first.height || naturalHeight(first.width, textScale)),
    resolution: window.devicePixelRatio || 1,
    autoDensity: true,
    antialias: wantsAntialias(window.devicePixelRatio || 1),
    // White under everything: software renderers pay per filled pixel, so panels are outlines, not fills.
    background: PALETTE.panel,
    // the ticker runs only while something moves (see wake/onTick): a stage at rest draws nothing
    autoStart: false,
  });
  const canvas = app.canvas;
  Object.assign(canvas.style, { position: 'absolute', left: '0', top: '0', display: 'block' });
  wrapper.appendChild(canvas);
  app.stage.eventMode = 'none';
  app.stage.interactiveChildren = false;

  let frames = 0;
  const frameCounter = { postrender: () => void frames++ };
  app.renderer.runners.postrender.add(frameCounter);

  const fontName = installNumberFont(app.renderer.resolution);
  const shapes = createSharedShapes();
  const atlas = createDotAtlas(app.renderer);

  const panels = new Graphics();
  const loop = new LoopView(shapes, atlas, fontName);
  const gauges = new GaugesView(shapes, fontName);
  const triangles = new TriangleView(fontName);
  const clients = new ClientsView(atlas, fontName);
  const pulses = new PulseView(shapes);
  const scene = new Container();
  scene.addChild(panels, loop.root, gauges.root, triangles.root, clients.root, pulses.root);
  app.stage.addChild(scene);

  let reducedMotion = options.reducedMotion;
  let language = options.language;
  let labels = options.labels;
  let layout: StageLayout | null = null;
  const flowScale = new FlowScale();
  let lastUpdateMs: number | null = null;
  let destroyed = false;

  const partListeners = new Set<(parts: StagePart[]) => void>();
  const parts = (): StagePart[] => [...loop.parts(), ...gauges.parts(), ...triangles.parts(), ...clients.parts()];

  const applyLayout = (width: number, height: number): void => {
    const l = computeStageLayout(width, height, textScale);
    layout = l;
    const dpr = window.devicePixelRatio || 1;
    if (app.screen.width !== l.width || app.screen.height !== l.height || app.renderer.resolution !== dpr) {
      app.renderer.resize(l.width, l.height, dpr);
    }
    canvas.style.width = `${l.width}px`;
    canvas.style.height = `${l.height}px`;
    panels.clear();
    for (const r of [l.loop, l.triangles, l.clients]) {
      panels.roundRect(r.x, r.y, r.width, r.height, 8).stroke({ width: 1, color: PALETTE.panelBorder });
    }
    const inner = Math.round(l.fontSize * 0.7);
    const loopInner = { x: l.loop.x + inner, y: l.loop.y + inner, width: l.loop.width - 2 * inner, height: l.loop.height - 2 * inner };
    const split = splitLoopPanel(loopInner, l.fontSize);
    loop.layout(split.ring, l.fontSize);
    gauges.layout(split.gauges, split.columns, l.fontSize);
    pulses.layout(loopGeometry(split.ring, l.fontSize), l.fontSize, l.loop, loop.labelBoxes());
    triangles.layout(
      { x: l.triangles.x + inner, y: l.triangles.y + inner, width: l.triangles.width - 2 * inner, height: l.triangles.height - 2 * inner },
      l.fontSize,
    );
    clients.layout({ x: l.clients.x + inner, y: l.clients.y + inner, width: l.clients.width - 2 * inner, height: l.clients.height - 2 * inner }, l.fontSize);
    if (partListeners.size) {
      const list = parts();
      for (const fn of partListeners) fn(list);
    }
  };

  const applyLabels = (): void => {
    loop.setLabels(labels, language);
    gauges.setLabels(labels, language);
    triangles.setLabels(labels, language);
    clients.setLabels(labels, language);
    pulses.setLabels(labels, language);
  };

  // Render on demand when the ticker is stopped: one frame per change, coalesced. In reduced motion that
  // is every frame there is; otherwise the ticker draws while something moves and stops at rest.
  let renderQueued = 0;
  const requestRender = (): void => {
    if (destroyed) return;
    if (!reducedMotion) {
      wake();
      return;
    }
    if (renderQueued) return;
    renderQueued = requestAnimationFrame(() => {
      renderQueued = 0;
      if (destroyed) return;
      const now = performance.now();
      advance(now, 0);
      app.render();
    });
  };

  let playing = false;
  /** start the ticker (motion on): it stops itself once nothing moves and the run is paused */
  const wake = (): void => {
    if (destroyed || reducedMotion || app.ticker.started) return;
    app.ticker.start();
  };

  /** one step of every animation; true while something still moves */
  const advance = (nowMs: number, dtMs: number): boolean => {
    const motion = !reducedMotion;
    let moving = loop.tick(nowMs, dtMs, motion);
    moving = gauges.tick(nowMs, motion) || moving;
    moving = triangles.tick(nowMs, motion) || moving;
    moving = clients.tick(nowMs, motion) || moving;
    moving = pulses.tick(nowMs, motion) || moving;
    return moving;
  };
  // This tick still renders (the ticker's render runs after it at a lower priority); the next does not
  // come: no redraws at rest (issue 7, defect 14: a paused canvas kept drawing at about 30 fps).
  let settled = 0;
  const onTick = (ticker: Ticker): void => {
    const moving = advance(performance.now(), Math.min(ticker.deltaMS, 100));
    settled = moving || playing ? 0 : settled + 1;
    if (settled >= 2) app.ticker.stop();
  };
  app.ticker.add(onTick, undefined, UPDATE_PRIORITY.NORMAL);

  applyLabels();
  applyLayout(first.width, first.height);
  requestRender();

  // Follow the container's size (coalesced to one layout per animation frame).
  let resizeQueued = 0;
  const observer = new ResizeObserver(() => {
    if (resizeQueued || destroyed) return;
    resizeQueued = requestAnimationFrame(() => {
      resizeQueued = 0;
      if (destroyed) return;
      const { width, height } = measure();
      const next = computeStageLayout(width, height, textScale);
      if (layout && next.width === layout.width && next.height === layout.height) return;
      applyLayout(width, height);
      requestRender();
    });
  });
  observer.observe(wrapper);

  // Stay sharp when the window moves to a screen of another density (or the page is zoomed).
  let dprQuery: MediaQueryList | null = null;
  const onDprChange = (): void => {
    if (destroyed) return;
    watchDpr();
    if (layout) {
        const m = measure();
        applyLayout(m.width, m.height);
      }
    requestRender();
  };
  const watchDpr = (): void => {
    dprQuery?.removeEventListener('change', onDprChange);
    dprQuery = window.matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
    dprQuery.addEventListener('change', onDprChange);
  };
  watchDpr();

  const stage: Stage = {
    update(snapshot: MonthSnapshot, sample: Uint8Array, played?: (entry: EventLogEntry) => boolean): void {
      if (destroyed) return;
      const now = performance.now();
      const duration = reducedMotion ? 0 : transitionMs(lastUpdateMs === null ? null : now - lastUpdateMs);
      lastUpdateMs = now;
      let maxFlow = 0;
      for (const f of snapshot.loop.flows) if (Number.isFinite(f) && Math.abs(f) > maxFlow) maxFlow = Math.abs(f);
      const scale = flowScale.observe(maxFlow);
      loop.setMonth(snapshot.loop, scale, now, duration);
      gauges.setMonth(snapshot.loop.balancing, now, duration);
      triangles.setMonth(snapshot, now, duration);
      clients.setMonth(snapshot, sample, now, duration);
      pulses.setMonth(snapshot, now, !reducedMotion, played);
      requestRender();
    },

    setPlaying(on: boolean): void {
      if (destroyed || on === playing) return;
      playing = on;
      loop.setFlowing(on);
      // a month after a pause glides as after a fresh start, and rest does not age the markers
      lastUpdateMs = null;
      if (on) pulses.resume(performance.now());
      requestRender();
    },

    setReducedMotion(on: boolean): void {
      if (destroyed || on === reducedMotion) return;
      reducedMotion = on;
      const now = performance.now();
      pulses.setMotion(!on, now);
      if (on) app.ticker.stop();
      requestRender();
    },

    setHeight(height: number | null): void {
      if (destroyed) return;
      askedHeight = height !== null && height > 0 ? Math.floor(height) : null;
      if (askedHeight === null) {
        fillsContainer = false;
        wrapper.style.minHeight = '';
      }
      const m = measure();
      applyLayout(m.width, m.height);
      requestRender();
    },

    setMaxFps(fps: number): void {
      if (destroyed) return;
      app.ticker.maxFPS = Math.max(0, fps);
    },

    setTextScale(scale: number): void {
      if (destroyed || scale === textScale) return;
      textScale = scale;
      const { width, height } = measure();
      applyLayout(width, height);
      requestRender();
    },

    parts,

    onParts(listener: (parts: StagePart[]) => void): () => void {
      partListeners.add(listener);
      return () => partListeners.delete(listener);
    },

    inks(): StageInk[] {
      const out: StageInk[] = [];
      loop.inks(out);
      gauges.inks(out);
      triangles.inks(out);
      clients.inks(out);
      pulses.inks(out);
      return out;
    },

    setLabels(next: StageLabels, nextLanguage: StageLanguage): void {
      if (destroyed) return;
      labels = next;
      language = nextLanguage;
      applyLabels();
      // label widths changed: place everything again
      if (layout) {
        const m = measure();
        applyLayout(m.width, m.height);
      }
      requestRender();
    },

    reset(): void {
      if (destroyed) return;
      loop.reset();
      gauges.reset();
      triangles.reset();
      clients.reset();
      pulses.reset();
      flowScale.reset();
      lastUpdateMs = null;
      requestRender();
    },

    toCanvas(resolution?: number): HTMLCanvasElement | OffscreenCanvas {
      if (!layout) throw new Error('stage has no layout yet');
      return app.renderer.extract.canvas({
        target: app.stage,
        frame: new Rectangle(0, 0, layout.width, layout.height),
        resolution: resolution ?? app.renderer.resolution,
        clearColor: PALETTE.panel,
      }) as HTMLCanvasElement | OffscreenCanvas;
    },

    async toPNG(resolution?: number): Promise<Blob> {
      const out = stage.toCanvas(resolution);
      if ('convertToBlob' in out && typeof out.convertToBlob === 'function') return out.convertToBlob({ type: 'image/png' });
      return new Promise<Blob>((resolve, reject) => {
        const c = out as HTMLCanvasElement;
        if (typeof c.toBlob !== 'function') return reject(new Error('canvas cannot make a blob'));
        c.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png');
      });
    },

    destroy(): void {
      if (destroyed) return;
      destroyed = true;
      observer.disconnect();
      dprQuery?.removeEventListener('change', onDprChange);
      if (resizeQueued) cancelAnimationFrame(resizeQueued);
      if (renderQueued) cancelAnimationFrame(renderQueued);
      partListeners.clear();
      app.ticker.remove(onTick);
      app.renderer.runners.postrender.remove(frameCounter);
      app.destroy({ removeView: true }, { children: true });
      atlas.destroy();
      shapes.destroy();
      uninstallNumberFont(fontName);
      wrapper.remove();
    },

    get frameCount(): number {
      return frames;
    },
  };
  return stage;
}
