// The sandbox page: wires the worker (player.ts), the canvas (stage/), the controls and the panels.
// Data flow: controls -> player/worker (a control at the current month) -> frames (aggregates) ->
// the latest snapshot per animation frame to the stage, and, a few times a second, to the panels.
// The page is laid out by page-layout.ts (desk, phone, projector); it does nothing at rest: the frame
// loop runs while playing or while something is waiting to be drawn.
import { GOOD_LUCK, type EventLogEntry, type LuckEvent } from '../model/types';
import type { Frame, LoadRequest, PlayerControl, RunReport, ScenarioInfo } from '../engine/sandbox-api';
import { createStage, type Stage } from './stage/index';
import { Announcer } from './announcer';
import { h, Texts } from './dom';
import { I18n, type Language } from './i18n/index';
import { Store, settingValue, type SandboxState, type Speed, type View } from './store';
import { Player, startWorker } from './player';
import { readLink, MAX_SEED } from './url-state';
import { LinkNotice } from './link-notice';
import { stageLabels } from './stage-labels';
import { formatSetting, settingLabel } from './setting-label';
import type { SettingChange } from './controls/lever-controls';
import { LUCK_PATH } from './controls/luck-controls';
import { PageControls } from './page-controls';
import { SeriesStore } from './charts/series';
import { describeSnapshot } from './panels/stage-panel';
import { verdictHeadline } from './panels/verdict-panel';
import { fileBase } from './export';
import { Results } from './results';
import { RunRecord } from './run-record';
import { PageLayout, readView } from './page-layout';
import { exposeForTests, markFirstFrame } from './test-hook';
import { BranchPanel } from './explorer/branch-panel';
import { ExplorerText } from './explorer/i18n/index';

export const DEFAULT_SEED = 1;
/** clients drawn as dots */
const SAMPLE_SIZE = 600;
/** panels and charts redraw at most this often while playing (the canvas draws every frame) */
const PANEL_EVERY_MS = 500;
/** a spoken summary at most this often while playing */
const SPEAK_EVERY_MS = 12_000;
/** the glossary page, beside this one (the site works from any path) */
const GLOSSARY_HREF = 'glossary.html';
/** the drawing's frame rate at full speed (see Stage.setMaxFps) */
const FULL_SPEED_FPS = 30;
/** the projector view's type, against the desk's */
const PROJECTOR_TEXT_SCALE = 1.35;

function randomSeed(): number {
  const a = new Uint32Array(1);
  crypto.getRandomValues(a);
  return a[0] % (MAX_SEED + 1);
}

export interface AppHandle {
  ready: Promise<void>;
}

export function startApp(root: HTMLElement): AppHandle {
  const i18n = new I18n();
  document.documentElement.lang = i18n.lang;
  const texts = new Texts(i18n);
  texts.on(() => (document.title = `${i18n.t('app.title')}: ${i18n.t('app.subtitle')}`));
  const announcer = new Announcer(document.body);
  const { api } = startWorker();
  const series = new SeriesStore();
  const reducedMotionQuery = matchMedia('(prefers-reduced-motion: reduce)');

  const store = new Store<SandboxState>({
    scenarioId: '',
    seed: DEFAULT_SEED,
    months: 96,
    controls: [],
    speed: 'normal',
    playing: false,
    month: 0,
    done: false,
    selectedManager: 'W',
    reducedMotion: reducedMotionQuery.matches,
    view: readView(location.search),
  });

  let scenarios: ScenarioInfo[] = [];
  let stage: Stage | null = null;
  let latest: Frame | null = null;
  let report: RunReport | null = null;
  let drawPending = false;
  let panelsPending = true;
  let lastPanels = -Infinity;
  let lastSpoken = -Infinity;
  let busy = true;
  const luck = { good: 0, bad: 0 };

  const scenarioInfo = () => scenarios.find((s) => s.id === store.state.scenarioId);
  const setting = (path: string) => settingValue(store.state, scenarioInfo()?.settings ?? {}, path);
  /** setting a manager's stance or attention hands the manager to the player (the model stops adapting them) */
  const held = (id: string) => store.state.controls.some((c) => c.type === 'set' && /^managers\.(\w)\.(stance|attention)\./.exec(c.path)?.[1] === id);
  /** an event the player caused: a card they played or a setting they made (logged the month it takes effect) */
  const mine = (e: EventLogEntry) =>
    e.scheduled &&
    store.state.controls.some((c) => (c.type === 'set' ? e.kind === 'setting' && e.path === c.path : e.type === c.type) && (e.month === c.month || e.month === c.month + 1));

  // --- the player -----------------------------------------------------------------------------
  const player = new Player(api, {
    frame(frame, kind) {
      if (kind === 'load') {
        series.reset();
        log.clear();
        luck.good = 0;
        luck.bad = 0;
        report = null;
      }
      series.append(frame.series);
      log.add(frame.events);
      for (const e of frame.events) {
        if (e.kind !== 'luck') continue;
        if (e.sign > 0 || (e.sign === 0 && GOOD_LUCK.has(e.type))) luck.good++;
        else if (e.sign < 0) luck.bad++;
      }
      latest = frame;
      if (frame.report) report = frame.report;
      drawPending = true;
      panelsPending = true;
      store.update((d) => {
        d.month = frame.month;
        d.done = frame.done;
        if (kind === 'load') d.controls = frame.controls;
      });
      // a frame that was in flight when the player paused still moves the month: keep the link's `at` true
      if (!store.state.playing && kind !== 'load') writeUrl();
      requestFrame();
    },
    error(error) {
      showError(error);
      store.update((d) => void (d.playing = false));
    },
    stopped() {
      store.update((d) => void (d.playing = false));
      void player.refreshReport().then(() => {
        announcer.say(i18n.t('announce.done', { months: i18n.int(store.state.months) }), 'state');
        if (report) announcer.say(i18n.t('announce.verdict', { text: verdictHeadline(i18n, report).join(' ') }), 'verdict');
        writeUrl();
        keepRun();
      });
    },
  });

  // --- controls and panels ----------------------------------------------------------------------
  const controls = new PageControls(
    texts,
    {
      playPause: () => playPause(),
      step: () => void step(),
      reset: () => reset(),
      newSeed: () => newSeed(),
      setSpeed: (speed) => setSpeed(speed),
      scenario: (id) => void load({ scenarioId: id, controls: [], months: scenarios.find((s) => s.id === id)?.months ?? 96, toMonth: 0 }),
      months: (months) => void load({ months, controls: store.state.controls.filter((c) => c.month < months), toMonth: Math.min(store.state.month, months) }),
      seed: (seed) => {
        if (seed !== store.state.seed) void load({ seed, controls: setupControls(), toMonth: 0 });
      },
      settings: (changes) => void applySettings(changes),
      card: (card) => void playCard(card),
      restore: () => void load({ controls: [], toMonth: 0 }),
      selectManager: (id) => store.update((d) => void (d.selectedManager = id)),
      language: (lang) => setLanguage(lang),
      reducedMotion: (on) => store.update((d) => void (d.reducedMotion = on)),
      view: (view) => setView(view),
      print: () => void printRun(),
    },
    GLOSSARY_HREF,
  );
  const { header, help, kept, compare, tour, levers } = controls;
  const scenarioControls = controls.scenario;
  const runControls = controls.run;
  const luckControls = controls.luck;

  const results: Results = new Results(
    texts,
    {
      series,
      mine,
      glossaryHref: GLOSSARY_HREF,
      charts: { months: () => store.state.months, caption: () => record.caption(), fileBase: () => fileBase({ scenario: store.state.scenarioId, seed: store.state.seed }) },
      exports: {
        summaryJson: () => api.exportSummaryJson(),
        monthlyCsv: () => api.exportMonthlyCsv(),
        monthlyCsvSoFar: () => api.exportMonthlyCsvSoFar(),
        scenarioJson: () => api.exportScenarioJson(),
        png: () => record.picture(),
        link: () => location.href,
        print: () => printRun(),
        run: () => ({ scenario: store.state.scenarioId, seed: store.state.seed, months: store.state.months, month: store.state.month }),
      },
    },
    () => {
      panelsPending = true;
      requestFrame();
    },
  );
  const { stagePanel, verdicts, log } = results;
  const record: RunRecord = new RunRecord({
    i18n,
    store,
    scenario: () => scenarioInfo(),
    report: () => report,
    stage: () => stage,
    kept,
    printReport: results.printReport,
    renderPanels: () => renderPanels(),
  });
  const writeUrl = () => record.writeUrl();
  const keepRun = () => record.keep();
  const printRun = () => record.print();
  // rewind and branch (src/ui/explorer/branch-panel.ts): back to a month, one change, both branches side by side
  const branch = new BranchPanel(
    { texts, x: new ExplorerText(i18n), i18n, model: api, announcer },
    { change: { path: 'managers.W.stance.value', value: 0 }, month: 12, onRewind: (month) => void load({ toMonth: month }), folded: true },
  );
  const errorBox = h('div', { class: 'error-box', role: 'alert', hidden: true });

  const layout = new PageLayout(root, texts, {
    header: header.root,
    error: errorBox,
    print: results.printReport.root,
    bar: [scenarioControls.root, runControls.root],
    strip: verdicts.strip,
    stage: stagePanel.root,
    main: [verdicts.root],
    side: [levers.root, luckControls.root],
    results: [results.charts.root, [results.account.root, results.quadrants.root, results.dimensions.root, results.twin.root], [log.root, results.exportPanel.root], branch.root],
    dialogs: [help.dialog, compare.dialog, tour.root],
    stageFrame: stagePanel.canvasHost,
  });
  layout.setView(store.state.view);
  header.setProjector(store.state.view === 'projector');
  results.charts.mount();

  // --- actions ----------------------------------------------------------------------------------
  function showError(error: unknown, key: 'app.error' = 'app.error'): void {
    errorBox.hidden = false;
    errorBox.textContent = i18n.t(key, { message: error instanceof Error ? error.message : String(error) });
  }

  /** controls made before the first month: the setup that reset and a new seed keep */
  function setupControls(): PlayerControl[] {
    return store.state.controls.filter((c) => c.month === 0);
  }

  async function load(change: Partial<Pick<LoadRequest, 'scenarioId' | 'seed' | 'months' | 'controls' | 'toMonth'>>): Promise<void> {
    const s = store.state;
    const req: LoadRequest = {
      scenarioId: change.scenarioId ?? s.scenarioId,
      seed: change.seed ?? s.seed,
      months: change.months ?? s.months,
      controls: change.controls ?? s.controls,
      toMonth: change.toMonth ?? 0,
      sampleSize: SAMPLE_SIZE,
    };
    busy = true;
    stage?.setPlaying(false);
    store.update((d) => {
      d.playing = false;
      d.scenarioId = req.scenarioId;
      d.seed = req.seed;
      d.months = req.months;
      d.controls = req.controls;
      d.month = 0;
      d.done = false;
    });
    const before = { scenarioId: s.scenarioId, seed: s.seed };
    announcer.setMuted(true);
    try {
      // a new run: no transitions from the old one; the frame that arrives draws the month loaded
      stage?.reset();
      await player.load(req);
      drawPending = true;
    } catch (error) {
      showError(error);
    } finally {
      busy = false;
      announcer.setMuted(false);
      panelsPending = true;
      renderControls();
      writeUrl();
      requestFrame();
    }
    if (before.scenarioId && (before.scenarioId !== req.scenarioId || before.seed !== req.seed)) {
      announcer.say(i18n.t('announce.loaded', { scenario: scenarioInfo()?.title[i18n.lang] ?? '', seed: req.seed }), 'state');
    }
  }

  function playPause(): void {
    if (busy || store.state.done) return;
    if (store.state.playing) void pause();
    else {
      player.speed = store.state.speed;
      player.play();
      stage?.setPlaying(true);
      stage?.setMaxFps(store.state.speed === 'full' ? FULL_SPEED_FPS : 0);
      store.update((d) => void (d.playing = true));
      announcer.say(i18n.t('announce.playing'), 'state');
      lastSpoken = performance.now();
      requestFrame();
    }
  }

  /** Pause, then show every panel at the month reached (the frame still on its way lands first). */
  async function pause(): Promise<void> {
    player.pause();
    stage?.setPlaying(false);
    store.update((d) => void (d.playing = false));
    await player.refreshReport();
    announcer.say(i18n.t('announce.paused', { month: i18n.int(store.state.month) }), 'state');
    if (latest?.snapshot) announcer.say(describeSnapshot(i18n, latest.snapshot), 'summary');
    writeUrl();
    keepRun();
  }

  async function step(): Promise<void> {
    if (busy || store.state.done) return;
    store.update((d) => void (d.playing = false));
    await player.step();
    if (latest?.snapshot) announcer.say(describeSnapshot(i18n, latest.snapshot), 'summary');
    writeUrl();
  }

  function reset(): void {
    if (busy) return;
    announcer.clear();
    void load({ controls: setupControls(), toMonth: 0 }).then(() => announcer.say(i18n.t('announce.reset'), 'state'));
  }

  function newSeed(): void {
    if (busy) return;
    void load({ seed: randomSeed(), controls: setupControls(), toMonth: 0 });
  }

  function setSpeed(speed: Speed): void {
    store.update((d) => void (d.speed = speed));
    player.setSpeed(speed);
    stage?.setMaxFps(speed === 'full' ? FULL_SPEED_FPS : 0);
  }

  async function applySettings(changes: SettingChange[]): Promise<void> {
    if (busy || store.state.done) return;
    const recorded = await api.control(changes.map((c) => ({ type: 'set' as const, path: c.path, value: c.value })));
    addControls(recorded);
    const first = recorded[0];
    if (first && first.type === 'set') {
      const value = formatSetting(i18n, first.path, first.value);
      announcer.say(i18n.t('levers.changed', { setting: settingLabel(i18n, first.path), value, month: i18n.int(first.month) }), `set:${first.path}`);
    }
  }

  async function playCard(card: LuckEvent): Promise<void> {
    if (busy || store.state.done) return;
    const [c] = await api.control([{ type: card }]);
    addControls([c]);
    announcer.say(i18n.t('luck.played', { month: i18n.int(c.month), card: i18n.t(`event.${card}`) }), 'card');
  }

  function addControls(list: PlayerControl[]): void {
    store.update((d) => {
      for (const c of list) {
        // a second change of the same setting in the same month replaces the first (the worker does the same)
        const i = c.type === 'set' ? d.controls.findIndex((x) => x.type === 'set' && x.month === c.month && x.path === c.path) : -1;
        if (i >= 0) d.controls[i] = c;
        else d.controls.push(c);
      }
    });
    writeUrl();
  }

  function setLanguage(lang: Language): void {
    i18n.set(lang);
    document.documentElement.lang = lang;
    stage?.setLabels(stageLabels(i18n), lang);
    panelsPending = true;
    requestFrame();
    layout.fit();
  }

  function setView(view: View): void {
    store.update((d) => void (d.view = view));
    header.setProjector(view === 'projector');
    layout.setView(view);
    stage?.setTextScale(view === 'projector' ? PROJECTOR_TEXT_SCALE : 1);
    writeUrl();
  }

  // --- drawing ------------------------------------------------------------------------------------
  /** the run bar on every change; the rest only when the run's setup changed (cheap while playing) */
  function renderControls(setupChanged = true): void {
    const s = store.state;
    runControls.update({ playing: s.playing, done: s.done, month: s.month, months: s.months, speed: s.speed, busy });
    if (header.motion.checked !== s.reducedMotion) header.motion.checked = s.reducedMotion;
    if (!setupChanged) return;
    scenarioControls.show(s.scenarioId, s.months, s.seed);
    runControls.setMarks(s.controls, s.months);
    branch.setBase(s.scenarioId ? { scenarioId: s.scenarioId, seed: s.seed, months: s.months, controls: s.controls } : null);
    const disabled = s.done || busy;
    levers.update(setting, latest?.snapshot?.managers ?? null, disabled, held);
    luckControls.update(setting(LUCK_PATH), null, disabled);
  }

  function renderPanels(): void {
    const s = store.state;
    results.render({
      snapshot: latest?.snapshot ?? null,
      report,
      luck,
      playing: s.playing,
      start: i18n.t('stage.summary.start', { scenario: scenarioInfo()?.title[i18n.lang] ?? '' }),
      print: { scenario: scenarioInfo()?.title[i18n.lang] ?? s.scenarioId, seed: s.seed, month: s.month, months: s.months, link: location.href, modelVersion: report?.modelVersion ?? '' },
    });
    if (results.shown(levers.root)) levers.update(setting, latest?.snapshot?.managers ?? null, s.done || busy, held);
  }

  store.subscribe((s, prev) => {
    if (s.reducedMotion !== prev.reducedMotion) stage?.setReducedMotion(s.reducedMotion);
    renderControls(s.scenarioId !== prev.scenarioId || s.seed !== prev.seed || s.months !== prev.months || s.controls !== prev.controls || s.done !== prev.done);
  });
  reducedMotionQuery.addEventListener('change', () => store.update((d) => void (d.reducedMotion = reducedMotionQuery.matches)));
  window.addEventListener('beforeprint', () => renderPanels());

  // The frame loop runs only while there is something to do: playing, or a frame or panels to draw.
  let frameQueued = 0;
  function requestFrame(): void {
    if (!frameQueued) frameQueued = requestAnimationFrame(frameLoop);
  }
  function frameLoop(time: number): void {
    frameQueued = 0;
    player.tick(time);
    if (drawPending && latest) {
      drawPending = false;
      stage?.update(latest.snapshot, latest.sample, mine);
    }
    const playing = store.state.playing;
    if (panelsPending && (!playing || time - lastPanels >= PANEL_EVERY_MS)) {
      panelsPending = false;
      lastPanels = time;
      renderPanels();
    }
    if (playing && time - lastSpoken >= SPEAK_EVERY_MS && latest?.snapshot) {
      lastSpoken = time;
      announcer.say(describeSnapshot(i18n, latest.snapshot), 'summary');
    }
    if (playing || drawPending || panelsPending) requestFrame();
  }

  // --- start ----------------------------------------------------------------------------------------
  const ready = (async () => {
    renderControls();
    const stageReady = createStage(stagePanel.canvasHost, {
      reducedMotion: store.state.reducedMotion,
      language: i18n.lang,
      labels: stageLabels(i18n),
      textScale: store.state.view === 'projector' ? PROJECTOR_TEXT_SCALE : 1,
    })
      .then((s) => {
        stage = s;
        stagePanel.attach(s, SAMPLE_SIZE);
        layout.attachStage(s);
        if (latest?.snapshot) stage.update(latest.snapshot, latest.sample, mine);
        markFirstFrame(s);
      })
      .catch((error: unknown) => {
        console.warn('The stage could not start:', error);
        stagePanel.showUnavailable();
      });
    scenarios = await api.scenarios();
    scenarioControls.setScenarios(scenarios);
    // a malformed link: every problem in words, and the sandbox starts from the defaults
    const link = readLink(location.search, scenarios);
    if (link.problems.length > 0) new LinkNotice(texts).show(link.problems, errorBox);
    const initial = link.state;
    const first = scenarios[0];
    const scenarioId = initial?.scenario ?? first.id;
    const months = initial?.months ?? scenarios.find((s) => s.id === scenarioId)!.months;
    await load({
      scenarioId,
      seed: initial?.seed ?? DEFAULT_SEED,
      months,
      controls: initial?.c ?? [],
      toMonth: Math.min(initial?.at ?? 0, months),
    }).catch(showError);
    await stageReady;
    requestFrame();
    announcer.say(i18n.t('announce.loaded', { scenario: scenarioInfo()?.title[i18n.lang] ?? '', seed: store.state.seed }), 'state');
    performance.mark('meerwaarde:ready');
    exposeForTests({ api, store, busy: () => busy, stage: () => stage, latest: () => latest, report: () => report, stagePanel, announcer, kept, charts: results.charts, preparePrint: () => record.preparePrint() });
    if (store.state.view !== 'projector') tour.offer();
  })();
  return { ready };
}
