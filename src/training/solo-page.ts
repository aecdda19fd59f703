// /solo (or ?page=solo on any static host): the same session on one laptop and a projector, no server.
// The facilitator's controls, the seats taking turns at the keyboard, every team's results and the debrief
// panels; kept in this browser, exported and imported in the server's export format.
import { download, h, setText, uid } from '../ui/dom';
import { mountStageView, type StageView } from '../ui/views';
import { GOOD_LUCK, LUCK_EVENTS } from '../model/types';
import { isFinished, RuleError, type FacilitatorAction } from '../session/rules';
import type { Role } from '../session/terms';
import type { TrainingContext } from './context';
import { decisionFrom, DecisionForm } from './decision-form';
import { errorLine, pageFrame, phaseText, roleName, section, showError } from './parts';
import { SetupForm } from './setup-form';
import { LocalSession } from './solo/local-session';
import { TeamReports } from './team-panels';
import { teamDetail, teamsSideBySide } from './team-tables';

export async function startSolo(ctx: TrainingContext, root: HTMLElement): Promise<void> {
  const frame = pageFrame(ctx, 'solo', root);
  const api = LocalSession.worker();
  const catalogue = await api.catalogue();
  ctx.texts.on(() => frame.setTitle(ctx.tt('tr.solo.title')));
  const importError = errorLine();
  const importId = uid('import');
  const importInput = h('input', { type: 'file', id: importId, accept: '.json,application/json', 'data-field': 'import' });
  importInput.addEventListener('change', async () => {
    const file = importInput.files?.[0];
    if (!file) return;
    try {
      play(await LocalSession.fromExport(await file.text(), api));
    } catch (e) {
      showError(importError, ctx.tt('tr.solo.importError', { message: (e as Error).message }));
    }
  });
  const importBox = h('div', { class: 'field' }, ctx.text(h('label', { for: importId }), 'tr.solo.import'), importInput, importError);

  const start = () => {
    const saved = LocalSession.saved();
    const form: SetupForm = new SetupForm(
      ctx,
      catalogue,
      (setup) =>
        void LocalSession.create(setup, api).then(play, (e: Error) => form.showError(ctx.tt('tr.setup.invalid', { message: e.message }))),
      'tr.solo.start',
    );
    const resume = saved
      ? h(
          'div',
          { class: 'notice resume' },
          h('p', {}, ctx.tt('tr.solo.resume', { title: saved.setup.title, round: saved.log.filter((l) => l.action.type === 'advance').length })),
          h('div', { class: 'button-row' }, button('continue', ctx.tt('tr.solo.continue'), () => void LocalSession.restore(api).then((r) => r && play(r)), true), button('discard', ctx.tt('tr.solo.discard'), () => (LocalSession.discard(), start()))),
        )
      : null;
    frame.main.replaceChildren(ctx.text(h('p', { class: 'intro' }), 'tr.solo.intro'), ...(resume ? [resume] : []), form.root, importBox);
  };

  const button = (name: string, label: string, onClick: () => void, primary = false) => {
    const b = h('button', { type: 'button', class: primary ? 'primary' : '', 'data-action': name }, label);
    b.addEventListener('click', onClick);
    return b;
  };

  const play = (s: LocalSession) => {
    const error = errorLine();
    const act = (a: FacilitatorAction) => {
      try {
        s.act(a);
        showError(error, null);
      } catch (e) {
        showError(error, ctx.tt('tr.error', { message: e instanceof RuleError ? e.message : String(e) }));
      }
    };
    const phase = h('p', { class: 'phase' });
    const controls = h('div', { class: 'button-row' });
    const cardSel = h('select', { id: uid('card'), 'data-field': 'luck-card' });
    for (const e of LUCK_EVENTS) cardSel.append(h('option', { value: e }, `${GOOD_LUCK.has(e) ? '▲' : '▼'} ${ctx.i18n.t(`event.${e}` as 'event.boom')}`));
    const luckBox = h('div', { class: 'field' }, ctx.text(h('label', { for: cardSel.id }), 'tr.fac.luckCard'), cardSel);
    const playCard = button('play-card', ctx.tt('tr.fac.playCard'), () => act({ type: 'luck', card: cardSel.value as (typeof LUCK_EVENTS)[number], team: null }));
    const exportButton = button('export', ctx.tt('tr.solo.export'), () => download(new Blob([s.exportJson()], { type: 'application/json' }), `meerwaarde-session-${s.core.id}.json`));
    const facBox = section('solo-round', ctx.text(h('h2'), 'tr.fac.round'), phase, controls, h('div', { class: 'luck-row' }, luckBox, playCard), error, h('div', { class: 'button-row' }, exportButton), ctx.text(h('p', { class: 'hint' }), 'tr.solo.saved'));

    const turnName = uid('turn');
    const turns = h('div', { class: 'turns', role: 'radiogroup' });
    const turnLegend = ctx.text(h('h2', { id: uid('turn-h') }), 'tr.solo.turn');
    turns.setAttribute('aria-labelledby', turnLegend.id);
    let seat: { team: number; role: Role } | null = null;
    const formStatus = (text: string) => form.status(text, 'saved');
    const form = new DecisionForm(ctx, (d) => {
      if (!seat) return;
      try {
        s.decide(seat.team, seat.role, d);
        formStatus(ctx.tt('tr.play.saved', { time: ctx.timeOfDay(Date.now()) }));
      } catch (e) {
        form.status(ctx.tt('tr.error', { message: (e as Error).message }), 'error');
      }
    });
    const turnBox = h('section', { class: 'panel solo-turns', 'aria-labelledby': turnLegend.id }, turnLegend, turns, form.root);
    const resultsBox = h('div', { class: 'solo-results' });
    const reportsHost = h('div', { class: 'debrief-teams' });
    const reports = new TeamReports(ctx, reportsHost);
    // the sandbox's stage for one team at a time (its legend, table view and description come with it)
    const stageTeamId = uid('stage-team');
    const stageTeam = h('select', { id: stageTeamId, 'data-field': 'stage-team' });
    const stageHost = h('div', { class: 'solo-stage-host' });
    const stageBox = h('div', { class: 'solo-stage' }, h('div', { class: 'replay-controls' }, h('div', { class: 'field' }, ctx.text(h('label', { for: stageTeamId }), 'tr.solo.stageTeam'), stageTeam)), stageHost);
    stageBox.hidden = true;
    let stage: Promise<StageView> | null = null;
    const showStage = async () => {
      const c = s.core;
      const r = c.resultsCurrent ? c.results[Number(stageTeam.value) || 0] : null;
      stageBox.hidden = !r?.snapshot;
      if (!r?.snapshot) return;
      const view = await (stage ??= mountStageView(stageHost, ctx.texts, { sampleSize: r.sample.length, height: Math.min(520, Math.max(360, window.innerHeight - 200)) }));
      view.update(r.snapshot, Uint8Array.from(r.sample));
      stageHost.dataset.month = String(r.snapshot.month);
    };
    stageTeam.addEventListener('change', () => void showStage());
    frame.main.replaceChildren(h('div', { class: 'solo-grid' }, facBox, turnBox), stageBox, resultsBox, reportsHost);

    const fillForm = () => {
      const c = s.core;
      if (!seat) return;
      const round = c.state.round;
      const saved = c.decisionFor(seat.team, seat.role, round);
      const r = c.resultsCurrent ? c.results[seat.team] : null;
      const start = saved?.decision ?? (r ? decisionFrom(r.roles[seat.role].attention, r.roles[seat.role].stance) : null);
      if (start) form.set(start);
      form.status(saved ? ctx.tt('tr.play.saved', { time: ctx.timeOfDay(saved.at) }) : '');
    };

    const render = () => {
      const c = s.core;
      const st = c.state;
      const info = c.info(false);
      setText(phase, `${info.title} · ${phaseText(ctx, { ...st, info, finished: isFinished(st) })}${c.resultsCurrent ? '' : ` · ${ctx.tt('tr.pending')}`}`);
      phase.dataset.phase = st.phase;
      const r = st.round;
      const finished = isFinished(st);
      controls.replaceChildren(
        button('open', st.phase === 'closed' ? ctx.tt('tr.fac.reopen', { round: r }) : ctx.tt('tr.fac.open', { round: st.phase === 'results' ? r + 1 : Math.max(1, r) }), () => act({ type: 'open' }), true),
        button('close', ctx.tt('tr.fac.close', { round: Math.max(1, r) }), () => act({ type: 'close' }), true),
        button('advance', ctx.tt('tr.fac.advance', { round: Math.max(1, r) }), () => act({ type: 'advance' }), true),
        button('undo', ctx.tt('tr.fac.undo'), () => act({ type: 'undo' })),
      );
      const [open, close, advance, undo] = controls.querySelectorAll('button');
      open.disabled = st.ended || !(st.phase === 'lobby' || st.phase === 'closed' || (st.phase === 'results' && !finished));
      close.disabled = st.phase !== 'open';
      advance.disabled = st.phase !== 'closed';
      undo.disabled = st.phase !== 'results';
      playCard.disabled = finished;

      const seats = c.setup.teams.flatMap((t, team) => c.setup.roles.map((role) => ({ team, role, teamName: t.name })));
      if (!seat && seats.length) seat = { team: seats[0].team, role: seats[0].role };
      turns.replaceChildren(
        ...seats.map((x) => {
          const id = uid('turn');
          const input = h('input', { type: 'radio', name: turnName, id, value: `${x.team}:${x.role}`, 'data-seat': `${x.team}:${x.role}` });
          input.checked = !!seat && seat.team === x.team && seat.role === x.role;
          input.addEventListener('change', () => {
            seat = { team: x.team, role: x.role };
            fillForm();
          });
          const done = st.round > 0 && !!c.decisionFor(x.team, x.role, st.round);
          return h('div', { class: 'radio' }, input, h('label', { for: id }, ctx.tt('tr.solo.seat', { role: roleName(ctx, x.role), team: x.teamName }), done && st.phase !== 'lobby' ? ` ✓ ${ctx.tt('tr.play.decided')}` : ''));
        }),
      );
      form.setRound(Math.max(1, st.phase === 'results' ? r + 1 : r));
      form.setEnabled(st.phase === 'open');
      if (seats.length === 0) turnBox.hidden = true;

      const names = c.setup.teams.map((t) => t.name);
      const list = c.resultsCurrent ? c.results : null;
      resultsBox.replaceChildren(
        ...(list && st.round > 0 && (st.phase === 'results' || st.round > 1)
          ? [section('solo-teams', ctx.text(h('h2'), 'tr.deb.compare'), teamsSideBySide(ctx, names, list, ['stock', 'toWork', 'composite', 'regime', 'meta', 'luck', 'dimensions', 'twin'], ctx.tt('tr.deb.compare')), ...names.map((n, i) => teamDetail(ctx, n, list[i])))]
          : []),
      );
      if (list && st.round > 0 && (st.phase === 'results' || st.round > 1)) reports.update(names, list);
      if (stageTeam.options.length !== names.length) stageTeam.replaceChildren(...names.map((n, i) => h('option', { value: String(i) }, n)));
      void showStage();
    };
    s.onChange(() => {
      render();
      fillForm();
    });
    ctx.texts.on(render);
    fillForm();
    (window as unknown as { __training?: unknown }).__training = { core: () => s.core };
  };

  start();
}
