// /debrief?s=<session>#k=<key>: the debrief, on screen and on paper (a print stylesheet). Teams side by
// side; per team Moore's public value account, the 2x2 of public values, the four success dimensions,
// every manager's and audience's verdict and strategy against luck (the twin), all with the sandbox's
// panels; a month-by-month replay; a "what if" that replays one team with one decision changed; export.
import { h, setText, uid } from '../ui/dom';
import { mountStageView, type StageView } from '../ui/views';
import { colHead, dataTable, rowHead } from '../ui/panels/panel-parts';
import { SERIES_COLUMNS } from '../engine/sandbox-api';
import { AUDIENCE_IDS, CORNERS } from '../model/types';
import { ROLES, type Role } from '../session/terms';
import type { TeamReplay, TeamResult } from '../session/model-api';
import type { Decision } from '../session/terms';
import type { FacilitatorView } from '../session/views';
import type { TrainingContext } from './context';
import { DecisionForm, decisionFrom } from './decision-form';
import { errorLine, pageFrame, roleName, section, showError } from './parts';
import { WatchedSession } from './watch';
import { TeamReports } from './team-panels';
import { teamsSideBySide } from './team-tables';

/** a counted decision as the export lists it */
interface StoredChoice {
  team: number;
  round: number;
  role: Role;
  name: string;
  counted: boolean;
  decision: Decision;
}

/** dots on the replay's stage: the server draws this many per month */
const REPLAY_DOTS = 400;

const COL = (name: (typeof SERIES_COLUMNS)[number]) => SERIES_COLUMNS.indexOf(name);

export function startDebrief(ctx: TrainingContext, root: HTMLElement): void {
  const frame = pageFrame(ctx, 'debrief', root);
  const watched = new WatchedSession<FacilitatorView>(ctx, frame, 'facilitator', () => render());
  const { session, conn } = watched;
  const { i18n } = ctx;

  const intro = ctx.text(h('p', { class: 'intro' }), 'tr.deb.intro');
  const identity = h('p', { class: 'identity hint' });
  const compare = h('div', { class: 'compare-body' });
  const teamsBox = h('div', { class: 'debrief-teams' });
  const replayBody = h('div', { class: 'replay-body' });
  const monthId = uid('month');
  const month = h('input', { type: 'range', id: monthId, min: 1, max: 1, step: 1, value: 1, 'data-field': 'replay-month' });
  const monthOut = h('output', { for: monthId, class: 'slider-value' });
  // the replay on the sandbox's stage (one team at a time, its text alternative in the stage panel), with
  // every team's figures for the month in a table below
  const replayTeamId = uid('replay-team');
  const replayTeam = h('select', { id: replayTeamId, 'data-field': 'replay-team' });
  const playButton = h('button', { type: 'button', 'data-action': 'replay-play', 'aria-pressed': 'false' });
  const stageHost = h('div', { class: 'replay-stage' });
  const replay = section(
    'replay',
    ctx.text(h('h2'), 'tr.deb.replay'),
    h(
      'div',
      { class: 'replay-controls' },
      h('div', { class: 'field' }, ctx.text(h('label', { for: replayTeamId }), 'tr.deb.team'), replayTeam),
      h('div', { class: 'slider' }, h('div', { class: 'slider-head' }, ctx.text(h('label', { for: monthId }), 'tr.deb.month'), monthOut), month),
      playButton,
    ),
    stageHost,
    replayBody,
  );

  // what if
  const teamId = uid('wi-team');
  const roundId = uid('wi-round');
  const roleId = uid('wi-role');
  const wiTeam = h('select', { id: teamId, 'data-field': 'whatif-team' });
  const wiRound = h('select', { id: roundId, 'data-field': 'whatif-round' });
  const wiRole = h('select', { id: roleId, 'data-field': 'whatif-role' });
  for (const r of ROLES) wiRole.append(h('option', { value: r }));
  const wiError = errorLine();
  const wiSource = h('p', { class: 'hint whatif-source' });
  const wiResult = h('div', { class: 'whatif-result', 'aria-live': 'polite' });
  const wiForm = new DecisionForm(ctx, (d) => void runWhatIf(d));
  const asModel = h('button', { type: 'button', 'data-action': 'whatif-model' });
  asModel.addEventListener('click', () => void runWhatIf(null));
  const whatIf = section(
    'whatif',
    ctx.text(h('h2'), 'tr.deb.whatIf'),
    ctx.text(h('p', { class: 'intro' }), 'tr.deb.whatIfIntro'),
    h('div', { class: 'whatif-pick' }, h('div', { class: 'field' }, ctx.text(h('label', { for: teamId }), 'tr.deb.team'), wiTeam), h('div', { class: 'field' }, ctx.text(h('label', { for: roundId }), 'tr.deb.whatIfRound'), wiRound), h('div', { class: 'field' }, ctx.text(h('label', { for: roleId }), 'tr.deb.whatIfRole'), wiRole)),
    wiSource,
    wiForm.root,
    h('div', { class: 'button-row' }, asModel),
    wiError,
    wiResult,
  );
  whatIf.classList.add('no-print');

  const printButton = h('button', { type: 'button', class: 'primary', 'data-action': 'print' });
  printButton.addEventListener('click', () => window.print());
  const exportJson = h('button', { type: 'button', 'data-action': 'export-json' });
  exportJson.addEventListener('click', () => void watched.save('export.json', `meerwaarde-session-${session}.json`, 'application/json'));
  const exportCsv = h('button', { type: 'button', 'data-action': 'export-csv' });
  exportCsv.addEventListener('click', () => void watched.save('export.csv', `meerwaarde-session-${session}-decisions.csv`, 'text/csv'));
  const tools = h('div', { class: 'button-row no-print' }, printButton, exportJson, exportCsv);

  frame.main.append(intro, identity, tools, section('compare', ctx.text(h('h2'), 'tr.deb.compare'), compare), teamsBox, replay, whatIf);

  const panels = new TeamReports(ctx, teamsBox);

  const current = () => watched.current;

  const renderReplay = () => {
    const view = watched.view;
    const list = current();
    if (!view || !list) return;
    const m = month.valueAsNumber;
    const months = view.resultsRound * view.info.monthsPerRound;
    setText(monthOut, ctx.tt('tr.deb.monthValue', { month: m, months }));
    month.setAttribute('aria-valuetext', ctx.tt('tr.deb.monthValue', { month: m, months }));
    const width = SERIES_COLUMNS.length;
    const at = (r: TeamResult | null, col: (typeof SERIES_COLUMNS)[number]) => (r && r.series.length >= m * width ? r.series[(m - 1) * width + COL(col)] : NaN);
    const rows: [string, (r: TeamResult | null) => string][] = [
      ...CORNERS.map((c) => [`${ctx.tt('tr.team.meta')}: ${i18n.t(`corner.${c}.short`)}`, (r: TeamResult | null) => i18n.pct(at(r, c === 'value' ? 'metaValue' : c === 'capacity' ? 'metaCapacity' : 'metaLegitimacy'))] as [string, (r: TeamResult | null) => string]),
      ...AUDIENCE_IDS.map((a) => [i18n.t(`audience.${a}`), (r: TeamResult | null) => i18n.pct(at(r, `support${a[0].toUpperCase()}${a.slice(1)}` as (typeof SERIES_COLUMNS)[number]))] as [string, (r: TeamResult | null) => string]),
      [ctx.tt('tr.team.stock'), (r) => i18n.int(at(r, 'stock'))],
      [i18n.t('twin.toWork'), (r) => i18n.int(at(r, 'toWork'))],
      [ctx.tt('tr.team.composite'), (r) => i18n.score(at(r, 'composite'))],
    ];
    const table = dataTable(
      'data replay-table',
      ctx.tt('tr.deb.monthValue', { month: m, months }),
      [colHead(ctx.tt('tr.deb.measure')), ...view.info.teams.map((n) => colHead(n, 'num'))],
      rows.map(([label, f]) => h('tr', {}, rowHead(label), ...list.map((r) => h('td', { class: 'num' }, f(r))))),
    );
    const events = list.flatMap((r, i) => (r?.events ?? []).filter((e) => e.month === m).map((e) => ({ team: view.info.teams[i], e })));
    replayBody.replaceChildren(
      table,
      h('h3', {}, ctx.tt('tr.deb.events')),
      h('ul', { class: 'replay-events' }, ...(events.length ? events.map(({ team, e }) => h('li', {}, `${team}: ${i18n.tDynamic(`event.${e.type}`, e.text)}${e.manager ? ` (${roleName(ctx, e.manager)})` : ''}`)) : [h('li', {}, ctx.tt('tr.play.noEvents'))])),
    );
  };
  const replays = new Map<string, Promise<TeamReplay | null>>();
  let stageView: Promise<StageView> | null = null;
  const showStage = async () => {
    const view = watched.view;
    if (!view || view.resultsRound === 0) return;
    const team = Number(replayTeam.value) || 0;
    const key = `${view.resultsVersion}/${team}`;
    if (!replays.has(key)) {
      replays.set(
        key,
        conn.request({ t: 'replay', team }).then(
          (m) => (m.t === 'replay' ? m : null),
          () => null,
        ),
      );
    }
    const [r, stage] = await Promise.all([replays.get(key)!, (stageView ??= mountStageView(stageHost, ctx.texts, { sampleSize: REPLAY_DOTS, height: Math.min(560, Math.max(380, window.innerHeight - 220)) }))]);
    const m = month.valueAsNumber;
    const snap = r?.snapshots[m - 1];
    if (snap && r) {
      stage.update(snap, Uint8Array.from(r.samples[m - 1]));
      stageHost.dataset.month = String(m);
      stageHost.dataset.team = String(team);
    }
  };
  let playing = 0;
  const stopPlaying = () => {
    window.clearInterval(playing);
    playing = 0;
    playButton.setAttribute('aria-pressed', 'false');
    setText(playButton, ctx.tt('tr.deb.replayPlay'));
  };
  playButton.addEventListener('click', () => {
    if (playing) return stopPlaying();
    if (month.valueAsNumber >= Number(month.max)) month.value = '1';
    playButton.setAttribute('aria-pressed', 'true');
    setText(playButton, ctx.tt('tr.deb.replayPause'));
    const tick = () => {
      renderReplay();
      void showStage();
      if (month.valueAsNumber >= Number(month.max)) return stopPlaying();
      month.value = String(month.valueAsNumber + 1);
    };
    tick();
    playing = window.setInterval(tick, 900);
  });
  month.addEventListener('input', () => {
    renderReplay();
    void showStage();
  });
  replayTeam.addEventListener('change', () => void showStage());

  // The what if branches at the start of the chosen round: the form starts from the decision stored for
  // that round (the export's counted decisions), and a replay left unchanged sends that decision as
  // stored, so it gives the run as played exactly.
  let stored: StoredChoice[] | null = null;
  let storedFor = -1;
  let base: { decision: Decision | null; shown: string } | null = null;
  const loadStored = async (version: number) => {
    if (storedFor === version) return;
    storedFor = version;
    const j = await watched.json<{ decisions: StoredChoice[] }>('export.json');
    stored = j ? j.decisions.filter((d) => d.counted) : [];
    fillWhatIf();
  };
  const runWhatIf = async (edited: Decision | null) => {
    showError(wiError, null);
    const decision = edited && base && JSON.stringify(edited) === base.shown ? base.decision : edited;
    try {
      const reply = await conn.request({ t: 'whatIf', change: { team: Number(wiTeam.value), round: Number(wiRound.value), role: wiRole.value, decision } });
      if (reply.t !== 'whatIf') return;
      const names = [ctx.tt('tr.deb.asPlayed'), ctx.tt('tr.deb.whatIfCol')];
      wiResult.replaceChildren(teamsSideBySide(ctx, names, [reply.actual, reply.result], ['stock', 'composite', 'meta', 'dimensions', 'twin'], ctx.tt('tr.deb.whatIfResult')));
    } catch (e) {
      showError(wiError, ctx.tt('tr.error', { message: (e as Error).message }));
    }
  };
  const fillWhatIf = () => {
    const team = Number(wiTeam.value);
    const round = Number(wiRound.value) || 1;
    const role = wiRole.value as Role;
    const own = stored?.find((d) => d.team === team && d.round === round && d.role === role);
    const r = current()?.[team];
    // a role nobody played that round: the model decided; the form starts from where the role ended
    const start = own?.decision ?? (r ? decisionFrom(r.roles[role].attention, r.roles[role].stance) : null);
    if (!start) return;
    wiForm.set(start);
    wiForm.setRound(round);
    base = own ? { decision: own.decision, shown: JSON.stringify(wiForm.get()) } : null;
    setText(wiSource, own ? ctx.tt('tr.deb.whatIfStored', { round, name: own.name }) : ctx.tt('tr.deb.whatIfNoStored', { round }));
    wiSource.dataset.source = own ? 'stored' : 'model';
  };
  wiTeam.addEventListener('change', fillWhatIf);
  wiRound.addEventListener('change', fillWhatIf);
  wiRole.addEventListener('change', fillWhatIf);

  let filled = false;
  const render = () => {
    setText(printButton, ctx.tt('tr.deb.print'));
    setText(exportJson, ctx.tt('tr.fac.exportJson'));
    setText(exportCsv, ctx.tt('tr.fac.exportCsv'));
    setText(asModel, ctx.tt('tr.deb.whatIfModel'));
    setText(wiForm.saveButton, ctx.tt('tr.deb.whatIfRun'));
    for (const o of wiRole.options) setText(o, roleName(ctx, o.value as Role));
    const v = watched.view;
    if (!v) return;
    frame.setTitle(ctx.tt('tr.deb.title', { title: v.info.title }));
    const ver = v.info.versions;
    setText(identity, ctx.tt('tr.deb.identity', { seed: v.info.seed, scenario: v.info.scenario.title[ctx.i18n.lang], hash: ver.scenarioHash.slice(0, 12), model: ver.modelVersion, app: ver.app }));
    const list = current();
    if (!list || v.resultsRound === 0) {
      compare.replaceChildren(h('p', {}, v.pending ? ctx.tt('tr.pending') : ctx.tt('tr.deb.notYet')));
      replay.hidden = true;
      whatIf.hidden = true;
      return;
    }
    replay.hidden = false;
    whatIf.hidden = false;
    compare.replaceChildren(teamsSideBySide(ctx, v.info.teams, list, ['stock', 'composite', 'regime', 'meta', 'dimensions', 'twin', 'luck'], ctx.tt('tr.deb.compare')));
    panels.update(v.info.teams, list);
    const months = v.resultsRound * v.info.monthsPerRound;
    month.max = String(months);
    if (!filled) month.value = String(months);
    if (wiTeam.options.length !== v.info.teams.length) wiTeam.replaceChildren(...v.info.teams.map((n, i) => h('option', { value: String(i) }, n)));
    if (replayTeam.options.length !== v.info.teams.length) replayTeam.replaceChildren(...v.info.teams.map((n, i) => h('option', { value: String(i) }, n)));
    if (!playing) setText(playButton, ctx.tt('tr.deb.replayPlay'));
    if (wiRound.options.length !== v.resultsRound) wiRound.replaceChildren(...Array.from({ length: v.resultsRound }, (_, i) => h('option', { value: String(i + 1) }, String(i + 1))));
    if (!filled) {
      fillWhatIf();
      filled = true;
    }
    void loadStored(v.resultsVersion);
    wiForm.setEnabled(true);
    renderReplay();
    void showStage();
  };
  ctx.texts.on(render);
}
