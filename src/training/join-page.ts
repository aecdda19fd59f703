// /join?code=...: a participant types the code and a name (or arrives from the QR code with the code
// filled in), picks a free seat (a team and a role), and goes to the play page with a token kept on the device.
import { h, uid } from '../ui/dom';
import { normaliseCode } from '../session/codes';
import { ROLES, type Role } from '../session/terms';
import type { TrainingContext } from './context';
import { postJson } from './net';
import { errorLine, pageFrame, roleName, showError } from './parts';
import { seatStore } from './seat-store';

interface JoinInfo {
  session: string;
  title: string;
  teams: { name: string; seats: { role: Role; open: boolean; taken: boolean }[] }[];
}

export function startJoin(ctx: TrainingContext, root: HTMLElement): void {
  const frame = pageFrame(ctx, 'join', root);
  ctx.texts.on(() => frame.setTitle(ctx.tt('tr.join.title')));
  const codeId = uid('code');
  const nameId = uid('name');
  const hintId = uid('hint');
  const code = h('input', { type: 'text', id: codeId, name: 'code', autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false', inputmode: 'text', maxlength: 9, 'aria-describedby': hintId, class: 'code-input' });
  const name = h('input', { type: 'text', id: nameId, name: 'name', autocomplete: 'nickname', maxlength: 40 });
  code.value = new URLSearchParams(location.search).get('code') ?? '';
  const error = errorLine();
  const find = h('button', { type: 'submit', class: 'primary', 'data-action': 'find' });
  ctx.text(find, 'tr.join.find');
  const form = h(
    'form',
    { class: 'panel join-form', novalidate: true },
    h('div', { class: 'field' }, ctx.text(h('label', { for: codeId }), 'tr.join.code'), code, ctx.text(h('p', { class: 'hint', id: hintId }), 'tr.join.codeHint')),
    h('div', { class: 'field' }, ctx.text(h('label', { for: nameId }), 'tr.join.name'), name),
    h('div', { class: 'button-row' }, find),
    error,
  );
  const seats = h('section', { class: 'panel seats', 'aria-labelledby': 'seats-heading', hidden: true });
  frame.main.append(form, seats);

  let info: JoinInfo | null = null;
  let typedCode = '';

  const renderSeats = () => {
    if (!info) return;
    const group = uid('seat');
    const take = h('button', { type: 'button', class: 'primary', 'data-action': 'take' }, ctx.tt('tr.join.take'));
    const seatError = errorLine();
    const own = seatStore.seat(info.session);
    const teams = info.teams.map((t, team) =>
      h(
        'fieldset',
        { class: 'team-seats' },
        h('legend', {}, t.name),
        ...ROLES.map((role) => {
          const s = t.seats.find((x) => x.role === role)!;
          const id = uid('seat');
          const free = s.open && !s.taken;
          const input = h('input', { type: 'radio', name: group, id, value: `${team}:${role}`, disabled: !free, 'data-seat': `${team}:${role}` });
          const note = !s.open ? ctx.tt('tr.join.bot') : s.taken ? ctx.tt('tr.join.taken') : '';
          return h('div', { class: 'radio' }, input, h('label', { for: id }, roleName(ctx, role), note ? h('span', { class: 'hint' }, ` (${note})`) : null));
        }),
      ),
    );
    const rejoin = own
      ? h(
          'p',
          { class: 'notice' },
          ctx.tt('tr.join.rejoin'),
          ' ',
          h('a', { href: `play?s=${encodeURIComponent(info.session)}`, 'data-action': 'continue' }, ctx.tt('tr.join.continue', { role: roleName(ctx, own.role), team: own.teamName })),
        )
      : null;
    seats.replaceChildren(h('h2', { id: 'seats-heading', tabindex: -1 }, `${info.title}: ${ctx.tt('tr.join.pick')}`), ...(rejoin ? [rejoin] : []), ...teams, h('div', { class: 'button-row' }, take), seatError);
    seats.hidden = false;
    take.addEventListener('click', async () => {
      const chosen = seats.querySelector<HTMLInputElement>('input[type=radio]:checked');
      if (!chosen || !info) return showError(seatError, ctx.tt('tr.join.noSeat'));
      const [team, role] = chosen.value.split(':');
      take.disabled = true;
      try {
        const r = await postJson<{ session: string; token: string }>('api/seat', { code: typedCode, team: Number(team), role, name: name.value });
        seatStore.saveSeat(r.session, { token: r.token, team: Number(team), role: role as Role, name: name.value.trim(), teamName: info.teams[Number(team)].name });
        location.href = `play?s=${encodeURIComponent(r.session)}`;
      } catch (e) {
        showError(seatError, ctx.tt('tr.error', { message: (e as Error).message }));
        take.disabled = false;
        void lookUp();
      }
    });
  };

  const lookUp = async () => {
    try {
      info = await postJson<JoinInfo>('api/join', { code: typedCode });
      renderSeats();
      seats.querySelector<HTMLElement>('h2')?.focus();
    } catch (e) {
      showError(error, ctx.tt('tr.error', { message: (e as Error).message }));
    }
  };

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    showError(error, null);
    const normal = normaliseCode(code.value);
    code.setAttribute('aria-invalid', String(normal === null));
    if (normal === null) return showError(error, ctx.tt('tr.join.codeHint'));
    if (name.value.trim() === '') {
      name.setAttribute('aria-invalid', 'true');
      return showError(error, ctx.tt('tr.join.name'));
    }
    name.setAttribute('aria-invalid', 'false');
    typedCode = normal;
    await lookUp();
  });
  ctx.texts.on(renderSeats);
  (code.value ? name : code).focus();
}
