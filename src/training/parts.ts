// Pieces every training page uses: the page frame (title, language, connection state), the phase line
// with the round timer, the facilitator's message, and small formatters.
import { h, setText } from '../ui/dom';
import { LANGUAGES } from '../ui/i18n/index';
import type { Role } from '../session/terms';
import type { AnyView } from '../session/views';
import type { TrainingContext } from './context';
import type { ConnState } from './net';

export interface Frame {
  root: HTMLElement;
  main: HTMLElement;
  /** the connection line (role=status); hidden on pages without a server */
  status: HTMLElement;
  setTitle(text: string): void;
}

export function languageSwitch(ctx: TrainingContext): HTMLElement {
  const group = h('div', { class: 'lang-switch', role: 'group' });
  ctx.attr(group, 'aria-label', 'tr.lang');
  for (const lang of LANGUAGES) {
    const b = h('button', { type: 'button', lang, 'data-lang': lang }, ctx.i18n.t(`lang.${lang}`));
    b.addEventListener('click', () => ctx.i18n.set(lang));
    group.append(b);
  }
  ctx.texts.on(() => {
    for (const b of group.querySelectorAll('button')) b.setAttribute('aria-pressed', String(b.dataset.lang === ctx.i18n.lang));
  });
  return group;
}

/** header with the page's title, the language switch and the connection line; main is the content */
export function pageFrame(ctx: TrainingContext, page: string, parent: HTMLElement): Frame {
  const title = h('h1', { id: 'page-title' });
  const status = h('p', { class: 'conn', role: 'status', 'data-conn': 'connecting', hidden: true });
  const main = h('main', { class: `training ${page}-page`, id: 'main', 'aria-labelledby': 'page-title' });
  const root = h(
    'div',
    { class: 'training-shell', 'data-page': page },
    h('header', { class: 'training-header' }, h('div', { class: 'brand' }, h('p', { class: 'app-name' }, ctx.tt('tr.app')), title), h('div', { class: 'header-tools' }, languageSwitch(ctx))),
    status,
    main,
  );
  const app = root.querySelector('.app-name')!;
  ctx.texts.on(() => setText(app, ctx.tt('tr.app')));
  parent.replaceChildren(root);
  return {
    root,
    main,
    status,
    setTitle(text) {
      setText(title, text);
      document.title = `${text} · Meerwaarde`;
    },
  };
}

export function showConnection(ctx: TrainingContext, el: HTMLElement, state: ConnState, reason?: string): void {
  el.hidden = state === 'online';
  el.dataset.conn = state;
  const text =
    state === 'connecting' ? ctx.tt('tr.conn.connecting') : state === 'reconnecting' ? ctx.tt('tr.conn.reconnecting') : state === 'closed' ? ctx.tt('tr.conn.closed', { reason: reason ?? '' }) : ctx.tt('tr.conn.online');
  setText(el, text);
}

/** "Round 2 of 3: decide", "Results of round 1 of 3", ... */
export function phaseText(ctx: TrainingContext, v: Pick<AnyView, 'phase' | 'round' | 'ended' | 'finished' | 'info'>): string {
  const rounds = v.info.rounds;
  if (v.ended) return ctx.tt('tr.phase.ended');
  if (v.finished) return ctx.tt('tr.phase.finished', { rounds });
  if (v.phase === 'lobby') return ctx.tt('tr.phase.lobby');
  return ctx.tt(`tr.phase.${v.phase}`, { round: v.round, rounds });
}

/** a countdown that follows the view's time left, ticking on the page */
export class TimerLine {
  readonly root = h('p', { class: 'timer', 'aria-live': 'off' });
  private deadline: number | null = null;
  private paused: number | null = null;
  private tick = 0;

  constructor(private readonly ctx: TrainingContext) {}

  update(v: Pick<AnyView, 'timeLeftMs' | 'paused' | 'phase'>): void {
    this.deadline = v.timeLeftMs !== null && !v.paused ? Date.now() + v.timeLeftMs : null;
    this.paused = v.paused ? v.timeLeftMs : null;
    if (!this.tick) this.tick = window.setInterval(() => this.render(), 500);
    this.render();
  }

  private render(): void {
    this.root.hidden = this.deadline === null && this.paused === null;
    if (this.paused !== null) setText(this.root, this.ctx.tt('tr.timer.paused', { time: this.ctx.clock(this.paused) }));
    else if (this.deadline !== null) setText(this.root, this.ctx.tt('tr.timer', { time: this.ctx.clock(this.deadline - Date.now()) }));
  }
}

/** the facilitator's latest message, announced once */
export class MessageLine {
  readonly root = h('p', { class: 'room-message', role: 'status', hidden: true });
  private shownAt = 0;

  constructor(private readonly ctx: TrainingContext) {}

  update(v: Pick<AnyView, 'messages'>): void {
    const last = v.messages[v.messages.length - 1];
    if (!last || last.at === this.shownAt) return;
    this.shownAt = last.at;
    this.root.hidden = false;
    setText(this.root, this.ctx.tt('tr.play.message', { text: last.text }));
  }
}

export function roleName(ctx: TrainingContext, role: Role): string {
  return ctx.i18n.t(`manager.${role}`);
}

/** a section with a heading (h2) and body */
export function section(cls: string, heading: HTMLElement, ...body: (Node | null)[]): HTMLElement {
  const id = `${cls}-heading`;
  heading.id = id;
  return h('section', { class: `panel ${cls}`, 'aria-labelledby': id }, heading, ...body);
}

export function errorLine(): HTMLElement {
  return h('p', { class: 'field-error', role: 'alert', hidden: true });
}

export function showError(el: HTMLElement, message: string | null): void {
  el.hidden = message === null;
  setText(el, message ?? '');
}
