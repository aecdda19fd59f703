// The sandbox page: wires the worker (player.ts), the canvas (stage/), the controls and the panels.
// Data flow: controls -> player/worker (a control at the current month) -> frames (aggregates) ->
// the latest snapshot per animation frame to the stage, and, a few times a second, to the panels.
import { GOOD_LUCK, type LuckEvent } from '../model/types';
import type { Frame, LoadRequest, PlayerControl, RunReport, ScenarioInfo } from '../engine/sandbox-api';
import { createStage, type Stage } from './stage/index';
import { Announcer } from './announcer';
import { h, Texts } from './dom';
import { I18n, type Language } from './i18n/index';
import { Store, settingValue, type SandboxState, type Speed } from './store';
import { Player, startWorker } from './player';
import { formatUrlState, readLink, MAX_SEED } from './url-state';
import { LinkNotice } from './link-notice';
import { stageLabels } from './stage-labels';
import { formatSetting, settingLabel } from './setting-label';
import { Header } from './header';
import { HelpDialog, installShortcuts, type Shortcut } from './help';
import { ScenarioControls } from './controls/scenario-controls';
import { RunControls } from './controls/run-controls';
import { LeverControls, type SettingChange } from './controls/lever-controls';
import { LuckControls, LUCK_PATH } from './controls/luck-controls';
import { StagePanel, describeSnapshot } from './panels/stage-panel';
import { VerdictPanel, verdictHeadline } from './panels/verdict-panel';
import { AccountPanel } from './panels/account-panel';
import { QuadrantPanel } from './panels/quadrant-panel';
import { DimensionPanel } from './panels/dimension-panel';
import { TwinPanel } from './panels/twin-panel';
import { EventLog } from './panels/event-log';
import { ChartsPanel } from './charts/charts-panel';
import { SeriesStore } from './charts/series';
import { ExportPanel } from './export';
import { exposeForTests, markFirstFrame } from './test-hook';

export const DEFAULT_SEED = 1;
/** clients drawn as dots */
const SAMPLE_SIZE = 600;
/** panels and charts redraw at most this often while playing (the canvas draws every frame) */
const PANEL_EVERY_MS = 500;
/** a spoken summary at most this often while playing */
const SPEAK_EVERY_MS = 12_000;

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
      });
    },
  });

  // --- controls and panels ----------------------------------------------------------------------
  const shortcuts: Shortcut[] = [
    { code: 'KeyK', keys: 'Alt+K', label: 'help.key.play', run: () => playPause() },
    { code: 'KeyJ', keys: 'Alt+J', label: 'help.key.step', run: () => void step() },
    { code: 'KeyR', keys: 'Alt+R', label: 'help.key.reset', run: () => reset() },
    { code: 'KeyN', keys: 'Alt+N', label: 'help.key.seed', run: () => newSeed() },
    { code: 'KeyH', keys: 'Alt+H', label: 'help.key.help', run: () => help.open() },
  ];
  const help = new HelpDialog(texts, shortcuts);
  installShortcuts(shortcuts);
  const header = new Header(texts, help.openButton, {
    language: (lang) => setLanguage(lang),
    reducedMotion: (on) => store.update((d) => void (d.reducedMotion = on)),
  });
  const scenarioControls = new ScenarioControls(texts, {
    scenario: (id) => void load({ scenarioId: id, controls: [], months: scenarios.find((s) => s.id === id)?.months ?? 96, toMonth: 0 }),
    months: (months) => {
      const keep = store.state.controls.filter((c) => c.month < months);
      void load({ months, controls: keep, toMonth: Math.min(store.state.month, months) });
    },
    seed: (seed) => {
      if (seed !== store.state.seed) void load({ seed, controls: setupControls(), toMonth: 0 });
    },
    newSeed: () => newSeed(),
  });
  const runControls = new RunControls(texts, {
    playPause: () => playPause(),
    step: () => void step(),
    reset: () => reset(),
    speed: (speed) => setSpeed(speed),
  });
  const levers = new LeverControls(texts, {
    set: (changes) => void applySettings(changes),
    select: (id) => store.update((d) => void (d.selectedManager = id)),
  });
  const luckControls = new LuckControls(texts, {
    set: (path, value) => void applySettings([{ path, value }]),
    card: (card) => void playCard(card),
  });
  const restore = texts.text(h('button', { type: 'button', class: 'secondary small' }), 'levers.restore');
  restore.addEventListener('click', () => void load({ controls: [], toMonth: 0 }));
  levers.root.append(h('div', { class: 'button-row' }, restore));

  const stagePanel = new StagePanel(texts);
  const verdicts = new VerdictPanel(texts);
  runControls.root.append(verdicts.strip);
  const account = new AccountPanel(texts);
  const quadrants = new QuadrantPanel(texts);
  const dimensions = new DimensionPanel(texts);
  const twin = new TwinPanel(texts);
  const log = new EventLog(texts);
  const charts = new ChartsPanel(texts, series);
  const exportPanel = new ExportPanel(texts, {
    summaryJson: () => api.exportSummaryJson(),
    monthlyCsv: () => api.exportMonthlyCsv(),
    scenarioJson: () => api.exportScenarioJson(),
    png: async () => (stage ? stage.toPNG() : null),
    link: () => location.href,
    run: () => ({ scenario: store.state.scenarioId, seed: store.state.seed, months: store.state.months }),
  });
  const errorBox = h('div', { class: 'error-box', role: 'alert', hidden: true });

  const skip = texts.text(h('a', { href: '#run-heading', class: 'skip-link' }), 'app.skip');
  root.replaceChildren(
    skip,
    header.root,
    errorBox,
    h(
      'main',
      { class: 'layout' },
      h('div', { class: 'col-left' }, scenarioControls.root, luckControls.root),
      h('div', { class: 'col-center' }, runControls.root, stagePanel.root, verdicts.root),
      h('div', { class: 'col-right' }, levers.root),
      h(
        'div',
        { class: 'results' },
        charts.root,
        h('div', { class: 'result-grid' }, account.root, quadrants.root, dimensions.root, twin.root),
        h('div', { class: 'result-grid two' }, log.root, exportPanel.root),
      ),
    ),
    help.dialog,
  );
  charts.mount();

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
      await player.load(req);
      // a new run: no transitions from the old one; the next animation frame draws the latest month
      stage?.reset();
      drawPending = true;
    } catch (error) {
      showError(error);
    } finally {
      busy = false;
      announcer.setMuted(false);
      panelsPending = true;
      renderControls();
      writeUrl();
    }
    if (before.scenarioId && (before.scenarioId !== req.scenarioId || before.seed !== req.seed)) {
      announcer.say(i18n.t('announce.loaded', { scenario: scenarioInfo()?.title[i18n.lang] ?? '', seed: req.seed }), 'state');
    }
  }

  function playPause(): void {
    if (busy || store.state.done) return;
    if (store.state.playing) {
      player.pause();
      store.update((d) => void (d.playing = false));
      void player.refreshReport();
      announcer.say(i18n.t('announce.paused', { month: i18n.int(store.state.month) }), 'state');
      if (latest?.snapshot) announcer.say(describeSnapshot(i18n, latest.snapshot), 'summary');
      writeUrl();
    } else {
      player.speed = store.state.speed;
      player.play();
      store.update((d) => void (d.playing = true));
      announcer.say(i18n.t('announce.playing'), 'state');
      lastSpoken = performance.now();
    }
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
    stagePanel.setStart(i18n.t('stage.summary.start', { scenario: scenarioInfo()?.title[lang] ?? '' }));
    panelsPending = true;
  }

  // --- the address bar ------------------------------------------------------------------------
  function runAddress() {
    const s = store.state;
    return { scenario: s.scenarioId, seed: s.seed, months: s.months, controls: s.controls, at: s.playing ? 0 : s.month };
  }
  function writeUrl(): void {
    if (!store.state.scenarioId) return;
    const search = formatUrlState(runAddress());
    if (search !== location.search) history.replaceState(null, '', `${location.pathname}${search}${location.hash}`);
  }

  // --- drawing ------------------------------------------------------------------------------------
  /** the run bar on every change; the rest only when the run's setup changed (cheap while playing) */
  function renderControls(setupChanged = true): void {
    const s = store.state;
    runControls.update({ playing: s.playing, done: s.done, month: s.month, months: s.months, speed: s.speed, busy });
    if (header.motion.checked !== s.reducedMotion) header.motion.checked = s.reducedMotion;
    if (!setupChanged) return;
    scenarioControls.show(s.scenarioId, s.months, s.seed);
    const disabled = s.done || busy;
    levers.update(setting, latest?.snapshot?.managers ?? null, disabled, held);
    luckControls.update(setting(LUCK_PATH), null, disabled);
    exportPanel.update();
  }

  // While playing, panels out of view are left alone (they catch up when scrolled into view or on pause).
  const inView = new Set<Element>();
  const watcher =
    typeof IntersectionObserver === 'undefined'
      ? null
      : new IntersectionObserver(
          (entries) => {
            for (const e of entries) {
              if (e.isIntersecting) inView.add(e.target);
              else inView.delete(e.target);
            }
            panelsPending = true;
          },
          { rootMargin: '100px' },
        );
  const shown = (el: Element) => !watcher || !store.state.playing || inView.has(el);
  for (const el of [account.root, quadrants.root, dimensions.root, twin.root, charts.root, log.root, levers.root]) watcher?.observe(el);

  function renderPanels(): void {
    stagePanel.setStart(i18n.t('stage.summary.start', { scenario: scenarioInfo()?.title[i18n.lang] ?? '' }));
    stagePanel.update(latest?.snapshot ?? null);
    verdicts.update(report);
    if (shown(account.root)) account.update(report);
    if (shown(quadrants.root)) quadrants.update(report);
    if (shown(dimensions.root)) dimensions.update(report);
    if (shown(twin.root)) twin.update(report, luck);
    if (shown(charts.root)) charts.render();
    if (shown(log.root)) log.render();
    if (shown(levers.root)) levers.update(setting, latest?.snapshot?.managers ?? null, store.state.done || busy, held);
  }

  store.subscribe((s, prev) => {
    if (s.reducedMotion !== prev.reducedMotion) stage?.setReducedMotion(s.reducedMotion);
    renderControls(s.scenarioId !== prev.scenarioId || s.seed !== prev.seed || s.months !== prev.months || s.controls !== prev.controls || s.done !== prev.done);
  });
  reducedMotionQuery.addEventListener('change', () => store.update((d) => void (d.reducedMotion = reducedMotionQuery.matches)));

  function frameLoop(time: number): void {
    player.tick(time);
    if (drawPending && latest) {
      drawPending = false;
      if (latest.snapshot) stage?.update(latest.snapshot, latest.sample);
    }
    if (panelsPending && (!store.state.playing || time - lastPanels >= PANEL_EVERY_MS)) {
      panelsPending = false;
      lastPanels = time;
      renderPanels();
    }
    if (store.state.playing && time - lastSpoken >= SPEAK_EVERY_MS && latest?.snapshot) {
      lastSpoken = time;
      announcer.say(describeSnapshot(i18n, latest.snapshot), 'summary');
    }
    requestAnimationFrame(frameLoop);
  }

  // --- start ----------------------------------------------------------------------------------------
  const ready = (async () => {
    renderControls();
    const stageReady = createStage(stagePanel.canvasHost, { reducedMotion: store.state.reducedMotion, language: i18n.lang, labels: stageLabels(i18n) })
      .then((s) => {
        stage = s;
        if (latest?.snapshot) stage.update(latest.snapshot, latest.sample);
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
    requestAnimationFrame(frameLoop);
    announcer.say(i18n.t('announce.loaded', { scenario: scenarioInfo()?.title[i18n.lang] ?? '', seed: store.state.seed }), 'state');
    performance.mark('meerwaarde:ready');
    exposeForTests(api, store, () => busy, () => stage, () => latest, () => report, stagePanel, announcer);
  })();
  return { ready };
}
