// /play?s=<session>: a participant's page, for a laptop or a phone. It shows what the role would know
// (their own triangle and verdict, their audiences, the municipality's headline figures, the round's
// news) and takes the round's decision. Unsent input is kept on the device and sent when the connection
// is back; the page says when a decision was received.
import { h, setText } from '../ui/dom';
import { scoreBar } from '../ui/panels/panel-parts';
import type { Decision } from '../session/terms';
import type { ParticipantView, ServerMessage } from '../session/views';
import type { TrainingContext } from './context';
import { decisionFrom, DecisionForm } from './decision-form';
import { Connection, RefusedError, socketUrl } from './net';
import { MessageLine, pageFrame, phaseText, roleName, section, showConnection, TimerLine } from './parts';
import { seatStore } from './seat-store';
import { triangleFigure } from './team-tables';

export function startPlay(ctx: TrainingContext, root: HTMLElement): void {
  const frame = pageFrame(ctx, 'play', root);
  const session = new URLSearchParams(location.search).get('s') ?? '';
  const seat = seatStore.seat(session);
  if (!seat) {
    ctx.texts.on(() => frame.setTitle(ctx.tt('tr.join.title')));
    frame.main.append(h('p', { class: 'notice' }, h('a', { href: 'join' }, ctx.tt('tr.join.title'))));
    return;
  }
  const phase = h('p', { class: 'phase', 'data-phase': 'lobby' });
  const timer = new TimerLine(ctx);
  const message = new MessageLine(ctx);
  const note = h('p', { class: 'notice', hidden: true });
  let view: ParticipantView | null = null;
  /** the round whose form the participant has touched (their input then wins over what the server sends) */
  let editedRound = -1;
  let filledRound = -1;

  const form = new DecisionForm(ctx, (d) => submit(d), (d) => {
    if (!view) return;
    editedRound = view.round;
    const draft = seatStore.draft(session);
    if (!draft?.unsent || draft.round !== view.round) seatStore.saveDraft(session, { round: view.round, decision: d, unsent: false });
  });

  const own = h('div', { class: 'own-triangle' });
  const verdict = h('p', { class: 'own-verdict' });
  const audiences = h('ul', { class: 'own-audiences' });
  const headline = h('dl', { class: 'headline' });
  const team = h('ul', { class: 'teammates' });
  const events = h('ul', { class: 'round-events' });

  const mine = section('mine', ctx.text(h('h2'), 'tr.play.triangle'), own, verdict, ctx.text(h('h3'), 'tr.play.audiences'), audiences);
  const town = section('town', ctx.text(h('h2'), 'tr.play.headline'), headline, ctx.text(h('h3'), 'tr.play.events'), events);
  const mates = section('mates', ctx.text(h('h2'), 'tr.play.team'), team);
  frame.main.append(h('div', { class: 'play-top' }, phase, timer.root, message.root, note), h('div', { class: 'play-grid' }, form.root, h('div', { class: 'play-side' }, mine, town, mates)));

  const conn = new Connection(
    socketUrl(),
    () => ({ as: 'participant', session, token: seat.token }),
    (m: ServerMessage) => {
      if (m.t === 'state' && m.view.view === 'participant') {
        view = m.view;
        render();
        resendDraft();
      }
    },
    (state, reason) => {
      showConnection(ctx, frame.status, state, reason);
      if (state === 'reconnecting' && seatStore.draft(session)?.unsent) form.status(ctx.tt('tr.play.unsent'), 'unsent');
    },
  );

  /** decisions sent and not yet answered (the connection resends them itself after a reconnect) */
  let inFlight = 0;
  const submit = (d: Decision) => {
    if (!view) return;
    const round = view.round;
    inFlight++;
    seatStore.saveDraft(session, { round, decision: d, unsent: true });
    form.status(conn.state === 'online' ? ctx.tt('tr.play.sending') : ctx.tt('tr.play.unsent'), conn.state === 'online' ? 'info' : 'unsent');
    conn.request({ t: 'decide', round, decision: d }, { retry: true }).then(
      (ack) => {
        inFlight--;
        const draft = seatStore.draft(session);
        if (draft && draft.round === round && JSON.stringify(draft.decision) === JSON.stringify(d)) seatStore.saveDraft(session, { ...draft, unsent: false });
        form.status(ctx.tt('tr.play.saved', { time: ctx.timeOfDay(ack.t === 'ack' ? ack.at : Date.now()) }), 'saved');
      },
      (e: Error) => {
        inFlight--;
        const draft = seatStore.draft(session);
        if (draft && draft.round === round) seatStore.saveDraft(session, { ...draft, unsent: false });
        form.status(e instanceof RefusedError && e.code === 'closed' ? ctx.tt('tr.play.closedNote') : ctx.tt('tr.error', { message: e.message }), 'error');
      },
    );
  };

  /** a decision saved on the device but never acknowledged (a reload while offline) goes out now */
  let resent = false;
  const resendDraft = () => {
    const draft = seatStore.draft(session);
    if (resent || inFlight > 0 || !view || !draft?.unsent || draft.round !== view.round || view.phase !== 'open') return;
    if (view.decision && JSON.stringify(view.decision.decision) === JSON.stringify(draft.decision)) return;
    resent = true;
    submit(draft.decision);
  };

  const render = () => {
    const v = view;
    if (!v) return;
    frame.setTitle(ctx.tt('tr.play.you', { role: roleName(ctx, v.seat.role), team: v.seat.teamName }));
    setText(phase, `${v.info.title} · ${phaseText(ctx, v)}${v.pending ? ` · ${ctx.tt('tr.pending')}` : ''}`);
    phase.dataset.phase = v.phase;
    timer.update(v);
    message.update(v);
    const open = v.phase === 'open' && !v.ended;
    form.setRound(Math.max(1, v.phase === 'results' ? v.round + 1 : v.round));
    form.setEnabled(open);
    // fill the form once per round, unless the participant is editing it
    const formRound = v.round;
    if (filledRound !== formRound && editedRound !== formRound) {
      const draft = seatStore.draft(session);
      const start =
        (draft && draft.round === formRound && v.phase !== 'results' ? draft.decision : null) ??
        v.decision?.decision ??
        v.previous ??
        (v.own ? decisionFrom(v.own.attention, v.own.stance) : null);
      if (start) form.set(start);
      filledRound = formRound;
    }
    const draft = seatStore.draft(session);
    if (v.phase === 'results' || v.phase === 'lobby') form.status('');
    else if (v.decision && !(draft?.unsent && draft.round === v.round)) form.status(ctx.tt('tr.play.saved', { time: ctx.timeOfDay(v.decision.at) }), 'saved');
    else if (draft?.unsent && draft.round === v.round) form.status(ctx.tt('tr.play.unsent'), 'unsent');
    else form.status('');
    note.hidden = open;
    setText(note, v.phase === 'lobby' ? ctx.tt('tr.play.waiting') : v.phase === 'closed' ? (v.decision ? ctx.tt('tr.play.closedNote') : ctx.tt('tr.play.none')) : v.ended ? ctx.tt('tr.phase.ended') : '');
    if (v.phase === 'results' || v.finished) note.hidden = true;

    const { i18n } = ctx;
    if (v.own) {
      own.replaceChildren(triangleFigure(ctx, v.own.corners, ctx.tt('tr.play.triangle')));
      verdict.hidden = v.resultsRound === 0;
      setText(verdict, ctx.tt('tr.play.verdict', { label: i18n.t(`label.${v.own.verdict.label}`), score: i18n.score(v.own.verdict.score) }));
      audiences.replaceChildren(
        ...v.own.audiences.map((a) => h('li', { 'data-audience': a.id }, `${i18n.t(`audience.${a.id}`)}: `, scoreBar(a.support), h('strong', {}, i18n.pct(a.support)))),
      );
    }
    if (v.headline) {
      const hl = v.headline;
      const pair = (key: 'tr.play.stock' | 'tr.play.toWork' | 'tr.play.budget' | 'tr.play.composite', value: string) => [h('dt', {}, ctx.tt(key)), h('dd', {}, value)];
      headline.replaceChildren(
        ...pair('tr.play.stock', i18n.int(hl.stock ?? NaN)),
        ...pair('tr.play.toWork', i18n.int(hl.toWorkThisRound)),
        ...pair('tr.play.budget', i18n.euro(hl.reintegrationYear)),
        ...pair('tr.play.composite', i18n.score(hl.composite ?? NaN)),
      );
    }
    events.replaceChildren(
      ...(v.events.length === 0
        ? [h('li', {}, ctx.tt('tr.play.noEvents'))]
        : v.events.map((e) => h('li', { 'data-sign': String(e.sign) }, h('span', { 'aria-hidden': 'true' }, e.sign > 0 ? '▲ ' : e.sign < 0 ? '▼ ' : '• '), `${i18n.t('run.month', { month: e.month, months: v.info.rounds * v.info.monthsPerRound })}: ${i18n.tDynamic(`event.${e.type}`, e.text)}`))),
    );
    team.replaceChildren(
      ...v.team.map((s) =>
        h(
          'li',
          { 'data-role': s.role, 'data-decided': String(s.decided) },
          h('strong', {}, roleName(ctx, s.role)),
          ': ',
          s.open ? (s.name ?? ctx.tt('tr.fac.seat.free')) : ctx.tt('tr.play.bot'),
          s.open && v.phase === 'open' ? ` · ${s.decided ? `✓ ${ctx.tt('tr.play.decided')}` : ctx.tt('tr.play.thinking')}` : '',
        ),
      ),
    );
  };
  ctx.texts.on(render);
  (window as unknown as { __training?: unknown }).__training = {
    view: () => view,
    connection: () => conn.state,
    unsent: () => conn.unsent,
  };
}
