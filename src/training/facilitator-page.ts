// /facilitator?s=<session>#k=<key>: the facilitator's console. The join code, QR code and link for the
// room; the round's controls (open, close, advance, undo, timer, reveal, luck cards, a message to all);
// who is here and who has decided; every team's results (the god view); export, preset, end and delete.
import { h, setText, uid } from '../ui/dom';
import { LUCK_EVENTS, GOOD_LUCK } from '../model/types';
import { REVEAL_STEPS, type FacilitatorAction } from '../session/rules';
import type { FacilitatorView } from '../session/views';
import type { TrainingContext } from './context';
import { RefusedError } from './net';
import { errorLine, MessageLine, pageFrame, phaseText, roleName, section, showError, TimerLine } from './parts';
import { WatchedSession } from './watch';
import { keepPresetKey, presetKey } from './preset-key';
import { teamDetail, teamsSideBySide } from './team-tables';

export function startFacilitator(ctx: TrainingContext, root: HTMLElement): void {
  const frame = pageFrame(ctx, 'facilitator', root);
  const watched = new WatchedSession<FacilitatorView>(ctx, frame, 'facilitator', () => render());
  const { session, key, conn } = watched;

  const error = errorLine();
  const act = (action: FacilitatorAction) =>
    conn.request({ t: 'act', action }).then(
      () => showError(error, null),
      (e: Error) => showError(error, ctx.tt('tr.error', { message: e instanceof RefusedError ? e.message : String(e) })),
    );
  const button = (name: string, onClick: () => void, primary = false) => {
    const b = h('button', { type: 'button', class: primary ? 'primary' : '', 'data-action': name });
    b.addEventListener('click', onClick);
    return b;
  };

  // the room: code, QR, link
  const code = h('p', { class: 'join-code', 'data-code': '' });
  const joinLine = h('p', { class: 'join-url' });
  const qr = h('img', { class: 'qr', width: 180, height: 180, alt: '' });
  const room = section('room', ctx.text(h('h2'), 'tr.fac.code'), code, qr, joinLine, ctx.text(h('p', { class: 'hint' }), 'tr.fac.private'));

  // the round
  const phase = h('p', { class: 'phase' });
  const timer = new TimerLine(ctx);
  const message = new MessageLine(ctx);
  const open = button('open', () => void act({ type: 'open' }), true);
  const close = button('close', () => void act({ type: 'close' }), true);
  const advance = button('advance', () => void act({ type: 'advance' }), true);
  const undo = button('undo', () => void act({ type: 'undo' }));
  const pause = button('pause', () => void act({ type: 'pause' }));
  const resume = button('resume', () => void act({ type: 'resume' }));
  const extend = button('extend', () => void act({ type: 'extend', seconds: 60 }));
  const reveal = button('reveal', () => watched.view && void act({ type: 'reveal', step: Math.min(REVEAL_STEPS.length - 1, watched.view.revealStep + 1) }));
  const revealLine = h('p', { class: 'hint reveal-line' });
  const decided = h('p', { class: 'decided-count' });
  const roundBox = section('round', ctx.text(h('h2'), 'tr.fac.round'), phase, timer.root, decided, h('div', { class: 'button-row' }, open, close, advance, undo), h('div', { class: 'button-row' }, pause, resume, extend), h('div', { class: 'button-row' }, reveal), revealLine, message.root, error);

  // luck cards and a message
  const cardId = uid('card');
  const teamId = uid('team');
  const card = h('select', { id: cardId, 'data-field': 'luck-card' });
  for (const e of LUCK_EVENTS) card.append(h('option', { value: e }));
  const forTeam = h('select', { id: teamId, 'data-field': 'luck-team' });
  const played = h('ul', { class: 'played-cards' });
  const playCard = button('play-card', () => void act({ type: 'luck', card: card.value as (typeof LUCK_EVENTS)[number], team: forTeam.value === 'all' ? null : Number(forTeam.value) }));
  const msgId = uid('msg');
  const msg = h('input', { type: 'text', id: msgId, maxlength: 280, 'data-field': 'message' });
  const send = button('send-message', () => {
    if (msg.value.trim()) void act({ type: 'message', text: msg.value.trim() }).then(() => (msg.value = ''));
  });
  const luck = section(
    'luck',
    ctx.text(h('h2'), 'tr.fac.luck'),
    h('div', { class: 'field' }, ctx.text(h('label', { for: cardId }), 'tr.fac.luckCard'), card),
    h('div', { class: 'field' }, ctx.text(h('label', { for: teamId }), 'tr.fac.luckTeam'), forTeam),
    h('div', { class: 'button-row' }, playCard),
    ctx.text(h('h3'), 'tr.fac.played'),
    played,
    h('div', { class: 'field' }, ctx.text(h('label', { for: msgId }), 'tr.fac.message'), msg),
    h('div', { class: 'button-row' }, send),
  );

  const seats = h('div', { class: 'seat-tables' });
  const who = section('who', ctx.text(h('h2'), 'tr.fac.seats'), seats);
  const god = h('div', { class: 'god-body', tabindex: 0, role: 'region', 'aria-labelledby': 'god-heading' });
  const godView = section('god', ctx.text(h('h2'), 'tr.fac.god'), god);

  // views, export, preset, end and delete
  const projectorLink = h('a', { 'data-link': 'projector', target: '_blank', rel: 'noopener' });
  const debriefLink = h('a', { 'data-link': 'debrief', target: '_blank', rel: 'noopener' });
  const fetchFile = async (path: string, name: string, type: string) => {
    if (!(await watched.save(path, name, type))) showError(error, ctx.tt('tr.error', { message: path }));
  };
  const exportJson = button('export-json', () => void fetchFile('export.json', `meerwaarde-session-${session}.json`, 'application/json'));
  const exportCsv = button('export-csv', () => void fetchFile('export.csv', `meerwaarde-session-${session}-decisions.csv`, 'text/csv'));
  const presetId = uid('preset');
  const presetName = h('input', { type: 'text', id: presetId, maxlength: 40, 'data-field': 'preset-name' });
  const presetStatus = h('p', { role: 'status', class: 'hint' });
  const savePreset = button('save-preset', async () => {
    const owner = presetKey();
    const body = { name: presetName.value || watched.view?.info.title || 'preset', ...(owner ? { owner } : {}) };
    const r = await fetch(`api/sessions/${session}/preset`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const j = (await r.json()) as { name?: string; owner?: string; error?: { message: string } };
    if (r.ok && j.owner) keepPresetKey(j.owner);
    setText(presetStatus, r.ok ? ctx.tt('tr.fac.presetSaved', { name: j.name ?? '', key: j.owner ?? '' }) : ctx.tt('tr.error', { message: j.error?.message ?? '' }));
  });
  const confirmBox = h('div', { class: 'confirm', hidden: true });
  const confirm = (question: string, onYes: () => void) => {
    const yes = h('button', { type: 'button', class: 'primary', 'data-action': 'confirm' }, '✓');
    const no = h('button', { type: 'button', 'data-action': 'cancel' }, '✗');
    yes.setAttribute('aria-label', question);
    no.setAttribute('aria-label', ctx.tt('tr.back'));
    yes.addEventListener('click', () => {
      confirmBox.hidden = true;
      onYes();
    });
    no.addEventListener('click', () => (confirmBox.hidden = true));
    confirmBox.replaceChildren(h('p', {}, question), h('div', { class: 'button-row' }, yes, no));
    confirmBox.hidden = false;
    yes.focus();
  };
  const end = button('end', () => confirm(ctx.tt('tr.fac.endConfirm'), () => void act({ type: 'end' })));
  const del = button('delete', () =>
    confirm(ctx.tt('tr.fac.deleteConfirm'), async () => {
      const r = await fetch(`api/sessions/${session}`, { method: 'DELETE', headers: { authorization: `Bearer ${key}` } });
      if (r.ok) {
        conn.stop(ctx.tt('tr.fac.deleted'));
        frame.main.replaceChildren(h('p', { class: 'notice', role: 'status' }, ctx.tt('tr.fac.deleted')));
      }
    }),
  );
  const tools = section(
    'tools',
    ctx.text(h('h2'), 'tr.fac.links'),
    h('ul', { class: 'links' }, h('li', {}, projectorLink), h('li', {}, debriefLink)),
    ctx.text(h('h3'), 'tr.fac.export'),
    h('div', { class: 'button-row' }, exportJson, exportCsv),
    h('div', { class: 'field' }, ctx.text(h('label', { for: presetId }), 'tr.fac.presetName'), presetName),
    h('div', { class: 'button-row' }, savePreset),
    presetStatus,
    h('div', { class: 'button-row' }, end, del),
    confirmBox,
  );

  frame.main.append(h('div', { class: 'fac-grid' }, h('div', { class: 'fac-col' }, roundBox, room, luck), h('div', { class: 'fac-col wide' }, who, godView, tools)));

  const labels = () => {
    const view = watched.view;
    const r = view?.round ?? 0;
    setText(open, view?.phase === 'closed' ? ctx.tt('tr.fac.reopen', { round: r }) : ctx.tt('tr.fac.open', { round: view?.phase === 'results' ? r + 1 : Math.max(1, r) }));
    setText(close, ctx.tt('tr.fac.close', { round: Math.max(1, r) }));
    setText(advance, ctx.tt('tr.fac.advance', { round: Math.max(1, r) }));
    setText(undo, ctx.tt('tr.fac.undo'));
    setText(pause, ctx.tt('tr.fac.pause'));
    setText(resume, ctx.tt('tr.fac.resume'));
    setText(extend, ctx.tt('tr.fac.extend'));
    setText(reveal, ctx.tt('tr.fac.reveal'));
    setText(playCard, ctx.tt('tr.fac.playCard'));
    setText(send, ctx.tt('tr.fac.send'));
    setText(exportJson, ctx.tt('tr.fac.exportJson'));
    setText(exportCsv, ctx.tt('tr.fac.exportCsv'));
    setText(savePreset, ctx.tt('tr.fac.preset'));
    setText(end, ctx.tt('tr.fac.end'));
    setText(del, ctx.tt('tr.fac.delete'));
    setText(projectorLink, ctx.tt('tr.fac.projector'));
    setText(debriefLink, ctx.tt('tr.fac.debrief'));
    card.querySelectorAll('option').forEach((o) => setText(o, `${GOOD_LUCK.has(o.value) ? '▲' : '▼'} ${ctx.i18n.t(`event.${o.value}` as 'event.boom')}`));
  };

  const render = () => {
    labels();
    const v = watched.view;
    const publicUrl = watched.publicUrl;
    if (!v) return;
    const { i18n } = ctx;
    frame.setTitle(ctx.tt('tr.fac.title', { title: v.info.title }));
    setText(code, v.info.code ?? '');
    code.dataset.code = v.info.code ?? '';
    qr.src = `api/sessions/${encodeURIComponent(session)}/qr.svg`;
    qr.alt = ctx.tt('tr.fac.qr');
    setText(joinLine, ctx.tt('tr.fac.joinAt', { url: `${publicUrl}/join` }));
    setText(phase, `${phaseText(ctx, v)}${v.pending ? ` · ${ctx.tt('tr.pending')}` : ''}`);
    phase.dataset.phase = v.phase;
    timer.update(v);
    message.update(v);
    const p = v.phase;
    const live = !v.ended;
    open.disabled = !live || !(p === 'lobby' || p === 'closed' || (p === 'results' && !v.finished));
    close.disabled = !live || p !== 'open';
    advance.disabled = !live || p !== 'closed';
    undo.disabled = !live || p !== 'results';
    pause.disabled = !live || p !== 'open' || v.timeLeftMs === null || v.paused;
    resume.disabled = !live || !v.paused;
    extend.disabled = !live || p !== 'open' || v.timeLeftMs === null;
    reveal.disabled = !live || p !== 'results' || v.revealStep >= REVEAL_STEPS.length - 1;
    setText(revealLine, p === 'results' ? ctx.tt('tr.fac.revealStep', { step: stepName(ctx, v.revealStep, v.round) }) : '');
    playCard.disabled = !live || v.finished;
    send.disabled = !live;
    end.disabled = !live;
    const seatsOpen = v.teams.flatMap((t) => t.seats.filter((s) => s.open && s.name !== null));
    setText(decided, p === 'open' ? ctx.tt('tr.fac.decidedCount', { n: seatsOpen.filter((s) => s.decided).length, total: seatsOpen.length }) : '');
    projectorLink.href = watched.link('projector');
    debriefLink.href = watched.link('debrief');

    const prevTeam = forTeam.value || 'all';
    forTeam.replaceChildren(h('option', { value: 'all' }, ctx.tt('tr.fac.allTeams')), ...v.info.teams.map((n, i) => h('option', { value: String(i) }, n)));
    forTeam.value = prevTeam;
    played.replaceChildren(
      ...v.luck.map((l) => h('li', {}, ctx.tt('tr.fac.playedCard', { round: l.round, card: i18n.t(`event.${l.card}` as 'event.boom'), team: l.team === null ? ctx.tt('tr.fac.allTeams') : v.info.teams[l.team] }))),
    );

    seats.replaceChildren(
      ...v.teams.map((t, team) =>
        h(
          'table',
          { class: 'data seats-table', 'data-team': String(team) },
          h('caption', {}, t.name),
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, ctx.tt('tr.fac.role')), h('th', { scope: 'col' }, ctx.tt('tr.join.name')), h('th', { scope: 'col' }, ctx.tt('tr.fac.thisRound')), h('td'))),
          h(
            'tbody',
            {},
            ...t.seats.map((s) => {
              const free = s.open && s.name !== null ? button('release', () => void act({ type: 'release', team, role: s.role })) : null;
              if (free) {
                free.textContent = '✗';
                free.setAttribute('aria-label', ctx.tt('tr.fac.release', { role: roleName(ctx, s.role), team: t.name }));
                free.classList.add('small');
              }
              return h(
                'tr',
                { 'data-role': s.role, 'data-decided': String(s.decided), 'data-online': String(s.online) },
                h('th', { scope: 'row' }, roleName(ctx, s.role)),
                h('td', {}, !s.open ? ctx.tt('tr.play.bot') : s.name === null ? ctx.tt('tr.fac.seat.free') : `${s.name} (${ctx.tt(s.online ? 'tr.fac.seat.online' : 'tr.fac.seat.offline')})`),
                h('td', {}, s.open ? (s.decided ? `✓ ${ctx.tt('tr.fac.seat.decided')}` : ctx.tt('tr.fac.seat.waiting')) : '–'),
                h('td', {}, free),
              );
            }),
          ),
        ),
      ),
    );

    const list = watched.current;
    god.replaceChildren(
      list
        ? teamsSideBySide(ctx, v.info.teams, list, ['stock', 'toWork', 'composite', 'regime', 'meta', 'luck'], ctx.tt('tr.deb.compare'))
        : h('p', {}, v.pending ? ctx.tt('tr.pending') : ctx.tt('tr.team.none')),
      ...(list ? v.info.teams.map((n, i) => teamDetail(ctx, n, list[i])) : []),
    );
  };
  ctx.texts.on(render);
}

export function stepName(ctx: TrainingContext, step: number, round: number): string {
  const name = REVEAL_STEPS[step] ?? 'waiting';
  return name === 'waiting' ? ctx.tt('tr.proj.step.waiting', { round }) : ctx.tt(`tr.proj.step.${name}`);
}
