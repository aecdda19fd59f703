// bench:browser — the sandbox in headless Chromium, from a built site served on loopback:
//   1. time from navigation to the stage's first drawn frame (performance mark 'meerwaarde:first-frame'),
//      over several fresh page loads;
//   2. frames per second and main-thread long tasks while the baseline runs at full speed (the model in
//      its Web Worker), repeated runs of 240 months for a measuring window of about ten seconds.
//   3. at rest: canvas frames drawn while a run is paused and nothing changes (issue 7: none).
// Targets (issues 3 and 7): median >= 50 fps, no long task over 50 ms, first frame < 1.5 s, 0 frames at rest.
// The machine's load matters (a 2-core box shares the worker, the page and software WebGL): the
// figures include the load average at the start and the end.
// Prints figures; asserts nothing (benchmarks never fail a build). Options: --no-build (use dist/),
// --seconds N (measuring window), --loads N (page loads for the first-frame figure), --dist DIR, --json.
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { chromium } from 'playwright-core';
import { serveStatic } from '../tests/browser/static-server.mjs';

const ROOT = resolve(fileURLToPath(import.meta.url), '..', '..');
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const SECONDS = option('--seconds', 10);
const LOADS = option('--loads', 5);
const JSON_OUT = argv.includes('--json');

if (!existsSync(CHROMIUM)) {
  console.error(`Chromium is missing at ${CHROMIUM}. Install it with: apt-get install -y chromium`);
  process.exit(2);
}

const median = (xs) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const quantile = (xs, q) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.floor(q * (s.length - 1))))];
};

// --dist DIR: measure a site built elsewhere (another commit's, to compare on the same machine and load)
const distArg = argv.indexOf('--dist');
let outDir = distArg >= 0 ? resolve(argv[distArg + 1]) : join(ROOT, 'dist');
let madeDir = false;
if (!argv.includes('--no-build') && distArg < 0) {
  outDir = mkdtempSync(join(tmpdir(), 'meerwaarde-bench-'));
  madeDir = true;
  const t = performance.now();
  await build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'error', build: { outDir, emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 4096 } });
  if (!JSON_OUT) console.log(`built the site in ${Math.round(performance.now() - t)} ms`);
}

const loadStart = os.loadavg()[0];
const server = await serveStatic(outDir, '/bench/');
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });

// The page records its own frame times and long tasks (installed before any page script runs).
const INSTRUMENT = () => {
  const w = window;
  localStorage.setItem('meerwaarde.tourSeen', '1'); // a returning visitor: no tour over the controls
  w.__bench = { frames: [], longTasks: [], recording: false };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__bench.longTasks.push({ start: e.startTime, duration: e.duration, recording: w.__bench.recording });
  }).observe({ type: 'longtask', buffered: true });
  const tick = (t) => {
    if (w.__bench.recording) w.__bench.frames.push(t);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
};

try {
  // 1. navigation to first drawn frame
  const firstFrames = [];
  for (let i = 0; i < LOADS; i++) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    await context.addInitScript(() => localStorage.setItem('meerwaarde.tourSeen', '1'));
    const page = await context.newPage();
    await page.goto(`${server.url}?v=1&scenario=baseline&seed=1&months=96`);
    const ms = await page.evaluate(
      () =>
        new Promise((done) => {
          const look = () => {
            const m = performance.getEntriesByName('meerwaarde:first-frame')[0];
            if (m) done(m.startTime);
            else setTimeout(look, 10);
          };
          look();
        }),
    );
    firstFrames.push(ms);
    await context.close();
  }

  // 2. frames and long tasks at full speed
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  await context.addInitScript(INSTRUMENT);
  const page = await context.newPage();
  await page.goto(`${server.url}?v=1&scenario=baseline&seed=1&months=240`);
  await page.waitForFunction(() => window.__meerwaarde?.ready === true, null, { timeout: 90_000 });
  await page.check('input[name=speed][value=full]');
  await page.waitForTimeout(500);
  const state = () => page.evaluate(() => window.__meerwaarde.state());
  const WINDOW_MS = 500;
  const windows = []; // frames per second in each half second of play
  let playedFrames = 0;
  let playedMs = 0;
  let months = 0;
  let runs = 0;
  const start = Date.now();
  while (Date.now() - start < SECONDS * 1000) {
    await page.evaluate(() => {
      window.__bench.frames = [];
      window.__bench.recording = true;
    });
    await page.click('[data-action=play]');
    for (;;) {
      const s = await state();
      if (s.done || Date.now() - start > SECONDS * 1000) break;
      await page.waitForTimeout(100);
    }
    const frames = await page.evaluate(() => {
      window.__bench.recording = false;
      return window.__bench.frames;
    });
    const s = await state();
    months += s.month;
    runs++;
    // frames per second in half-second windows (a 240-month run at full speed lasts about a second)
    for (let t0 = frames[0], i = 0; frames.length && t0 + WINDOW_MS <= frames[frames.length - 1]; t0 += WINDOW_MS) {
      let n = 0;
      while (i < frames.length && frames[i] < t0 + WINDOW_MS) {
        if (frames[i] >= t0) n++;
        i++;
      }
      windows.push((n * 1000) / WINDOW_MS);
    }
    if (frames.length > 1) {
      playedFrames += frames.length - 1;
      playedMs += frames[frames.length - 1] - frames[0];
    }
    if (s.playing) await page.click('[data-action=play]');
    await page.click('[data-action=reset]');
    await page.waitForFunction(() => window.__meerwaarde.state().month === 0 && !window.__meerwaarde.state().playing, null, { timeout: 90_000 });
  }
  const all = await page.evaluate(() => window.__bench);
  const elapsed = (Date.now() - start) / 1000;
  await context.close();

  // 3. at rest: a run paused at month 24 (its transitions settled) draws nothing for three seconds
  const restContext = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  await restContext.addInitScript(INSTRUMENT);
  const restPage = await restContext.newPage();
  await restPage.goto(`${server.url}?v=1&scenario=baseline&seed=1&months=96&at=24`);
  await restPage.waitForFunction(() => window.__meerwaarde?.ready === true && !window.__meerwaarde.state().busy, null, { timeout: 90_000 });
  await restPage.waitForTimeout(1500);
  const restFrames = await restPage.evaluate(async () => {
    const f0 = window.__meerwaarde.frameCount();
    await new Promise((done) => setTimeout(done, 3000));
    return window.__meerwaarde.frameCount() - f0;
  });
  await restContext.close();

  const longTasks = all.longTasks.filter((t) => t.recording);
  const result = {
    firstFrameMs: { median: Math.round(median(firstFrames)), max: Math.round(Math.max(...firstFrames)), loads: firstFrames.length },
    fullSpeed: {
      fpsMedian: median(windows),
      fpsP10: quantile(windows, 0.1),
      fpsMean: Math.round((playedFrames * 1000) / Math.max(1, playedMs)),
      secondsMeasured: Math.round(playedMs / 100) / 10,
      monthsPerSecond: Math.round(months / elapsed),
      runs,
    },
    longTasks: { count: longTasks.length, maxMs: Math.round(Math.max(0, ...longTasks.map((t) => t.duration))), duringLoadCount: all.longTasks.length - longTasks.length },
    atRest: { canvasFramesIn3s: restFrames },
    targets: { fpsMedian: 50, longTaskMaxMs: 50, firstFrameMs: 1500, canvasFramesAtRest: 0 },
    loadAverage: { start: loadStart, end: os.loadavg()[0] },
    cpus: os.cpus().length,
  };
  if (JSON_OUT) console.log(JSON.stringify(result));
  else {
    const ok = (b) => (b ? 'meets target' : 'MISSES target');
    console.log(`first drawn frame after navigation: median ${result.firstFrameMs.median} ms, max ${result.firstFrameMs.max} ms over ${LOADS} loads (${ok(result.firstFrameMs.median < 1500)}: < 1500 ms)`);
    console.log(`full speed: median ${result.fullSpeed.fpsMedian} fps (half-second windows), 10th percentile ${result.fullSpeed.fpsP10}, mean ${result.fullSpeed.fpsMean}, over ${result.fullSpeed.secondsMeasured} s of play (${ok(result.fullSpeed.fpsMedian >= 50)}: >= 50 fps)`);
    console.log(`model pace: ${result.fullSpeed.monthsPerSecond} months/s in the worker over ${runs} runs of 240 months`);
    console.log(`machine: ${result.cpus} CPUs, load average ${result.loadAverage.start.toFixed(1)} at the start, ${result.loadAverage.end.toFixed(1)} at the end`);
    console.log(`main-thread long tasks while playing: ${result.longTasks.count}, longest ${result.longTasks.maxMs} ms (${ok(result.longTasks.count === 0)}: none over 50 ms); before play (page load): ${result.longTasks.duringLoadCount}`);
    console.log(`at rest (paused at month 24): ${restFrames} canvas frames in 3 s (${ok(restFrames === 0)}: none)`);
  }
} finally {
  await browser.close();
  await server.close();
  if (madeDir) rmSync(outDir, { recursive: true, force: true });
}
