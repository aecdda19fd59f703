// The rules of a training session: its phases, what the facilitator may do in each, who may decide when,
// and how the stored decisions and luck cards become the model's controls. A session's state is the fold
// of its set-up and its action log (applyAction), so the server, after a crash, and the one-screen mode
// rebuild it the same way; the model's state is rebuilt from the seed and the controls (teamControls).
import { z } from 'zod';
import { LUCK_EVENTS, type LuckEvent } from '../model/types';
import type { ScenarioEvent } from '../scenario/schema';
import { DecisionSchema, ROLES, type Decision, type Role, type SessionSetup } from './terms';

/**
 * lobby: nobody has played yet; open: round `round` takes decisions; closed: round `round` is locked,
 * waiting for the facilitator to advance; results: round `round` has been played and is being revealed.
 */
export type Phase = 'lobby' | 'open' | 'closed' | 'results';

/** What the projector reveals of a round, step by step (the facilitator clicks through). */
export const REVEAL_STEPS = ['waiting', 'headline', 'loop', 'audiences', 'strategy'] as const;
export type RevealStep = (typeof REVEAL_STEPS)[number];

export const MESSAGE_MAX = 280;

export const FacilitatorActionSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('open') }),
  z.strictObject({ type: z.literal('close') }),
  z.strictObject({ type: z.literal('advance') }),
  z.strictObject({ type: z.literal('undo') }),
  z.strictObject({ type: z.literal('luck'), card: z.enum(LUCK_EVENTS), team: z.number().int().min(0).nullable() }),
  z.strictObject({ type: z.literal('pause') }),
  z.strictObject({ type: z.literal('resume') }),
  z.strictObject({ type: z.literal('extend'), seconds: z.number().int().min(10).max(1800) }),
  z.strictObject({ type: z.literal('message'), text: z.string().trim().min(1).max(MESSAGE_MAX) }),
  z.strictObject({ type: z.literal('reveal'), step: z.number().int().min(0).max(REVEAL_STEPS.length - 1) }),
  z.strictObject({ type: z.literal('release'), team: z.number().int().min(0), role: z.enum(ROLES) }),
  z.strictObject({ type: z.literal('end') }),
]);
export type FacilitatorAction = z.infer<typeof FacilitatorActionSchema>;

/** an action as the log keeps it: who (the facilitator or the round timer) and when (epoch ms) */
export interface LoggedAction {
  action: FacilitatorAction;
  at: number;
  by: 'facilitator' | 'timer';
}

export interface LuckCard {
  /** the round at whose start the card is played */
  round: number;
  /** null: every team */
  team: number | null;
  card: LuckEvent;
  at: number;
}

export interface RoomMessage {
  text: string;
  at: number;
}

export interface SessionState {
  setup: SessionSetup;
  phase: Phase;
  round: number;
  revealStep: number;
  /** epoch ms at which the open round closes by itself; null without a running timer */
  deadline: number | null;
  /** ms left on a paused timer */
  pausedRemaining: number | null;
  luck: LuckCard[];
  messages: RoomMessage[];
  /** the facilitator ended the session: nothing changes any more, the debrief stays */
  ended: boolean;
}

export class RuleError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RuleError';
  }
}

export function initialState(setup: SessionSetup): SessionState {
  return { setup, phase: 'lobby', round: 0, revealStep: 0, deadline: null, pausedRemaining: null, luck: [], messages: [], ended: false };
}

/** The round whose results the teams see now (0 before the first advance). */
export function resultsRound(s: SessionState): number {
  return s.phase === 'results' ? s.round : Math.max(0, s.round - 1);
}

/** The round a luck card played now belongs to: the one being decided, or the next one. */
export function pendingRound(s: SessionState): number {
  if (s.phase === 'lobby') return 1;
  if (s.phase === 'results') return s.round + 1;
  return s.round;
}

export function isFinished(s: SessionState): boolean {
  return s.phase === 'results' && s.round === s.setup.rounds;
}

function refuse(code: string, message: string): never {
  throw new RuleError(code, message);
}

/** The state after one facilitator action, or a RuleError saying why it is not allowed now (nothing changes). */
export function applyAction(s: SessionState, logged: LoggedAction): SessionState {
  const { action: a, at } = logged;
  if (s.ended) refuse('ended', 'the session has ended; its results can still be read and exported');
  const timerFor = () => (s.setup.roundSeconds > 0 ? at + s.setup.roundSeconds * 1000 : null);
  switch (a.type) {
    case 'open':
      if (s.phase === 'lobby') return { ...s, phase: 'open', round: 1, revealStep: 0, deadline: timerFor(), pausedRemaining: null };
      if (s.phase === 'closed') return { ...s, phase: 'open', deadline: timerFor(), pausedRemaining: null };
      if (s.phase === 'results') {
        if (s.round >= s.setup.rounds) refuse('last-round', `all ${s.setup.rounds} rounds have been played: time for the debrief`);
        return { ...s, phase: 'open', round: s.round + 1, revealStep: 0, deadline: timerFor(), pausedRemaining: null };
      }
      return refuse('phase', 'round is already open');
    case 'close':
      if (s.phase !== 'open') refuse('phase', 'no round is open');
      return { ...s, phase: 'closed', deadline: null, pausedRemaining: null };
    case 'advance':
      if (s.phase !== 'closed') refuse('phase', s.phase === 'open' ? 'close the round before advancing' : 'no closed round to advance');
      return { ...s, phase: 'results', revealStep: 0 };
    case 'undo':
      if (s.phase !== 'results') refuse('phase', 'only the last advance can be undone, before the next round opens');
      return { ...s, phase: 'closed', revealStep: 0 };
    case 'luck': {
      if (a.team !== null && a.team >= s.setup.teams.length) refuse('team', `there is no team ${a.team + 1}`);
      const round = pendingRound(s);
      if (round > s.setup.rounds) refuse('last-round', 'all rounds have been played');
      return { ...s, luck: [...s.luck, { round, team: a.team, card: a.card, at }] };
    }
    case 'pause':
      if (s.phase !== 'open' || s.deadline === null) refuse('timer', 'no running round timer to pause');
      return { ...s, deadline: null, pausedRemaining: Math.max(0, s.deadline - at) };
    case 'resume':
      if (s.phase !== 'open' || s.pausedRemaining === null) refuse('timer', 'the round timer is not paused');
      return { ...s, deadline: at + s.pausedRemaining, pausedRemaining: null };
    case 'extend':
      if (s.phase !== 'open' || (s.deadline === null && s.pausedRemaining === null)) refuse('timer', 'no round timer to extend');
      return s.deadline !== null ? { ...s, deadline: s.deadline + a.seconds * 1000 } : { ...s, pausedRemaining: (s.pausedRemaining ?? 0) + a.seconds * 1000 };
    case 'message':
      return { ...s, messages: [...s.messages, { text: a.text, at }] };
    case 'reveal':
      if (s.phase !== 'results') refuse('phase', 'there are no new results to reveal');
      return { ...s, revealStep: a.step };
    case 'release':
      if (a.team >= s.setup.teams.length) refuse('team', `there is no team ${a.team + 1}`);
      if (!s.setup.roles.includes(a.role)) refuse('role', `role ${a.role} is played by the model in this session`);
      return s; // the seat itself lives in the store; the log keeps the act
    case 'end':
      return { ...s, ended: true, deadline: null, pausedRemaining: null };
  }
}

/** Fold a log (in order) over the set-up. A log that does not fold is corrupt: that is a defect, not a user's mistake. */
export function replayLog(setup: SessionSetup, log: readonly LoggedAction[]): SessionState {
  return log.reduce(applyAction, initialState(setup));
}

/** Can this seat decide for `round` now? Throws RuleError if not. */
export function checkDecision(s: SessionState, role: Role, round: number): void {
  if (s.ended) refuse('ended', 'the session has ended');
  if (!s.setup.roles.includes(role)) refuse('role', `role ${role} is played by the model in this session`);
  if (s.phase !== 'open') refuse('closed', s.phase === 'closed' ? `round ${s.round} is closed: your last saved decision counts` : 'no round is open for decisions');
  if (round !== s.round) refuse('round', `round ${round} is not open (round ${s.round} is)`);
}

export interface StoredDecision {
  team: number;
  role: Role;
  round: number;
  decision: Decision;
  at: number;
}

/** The decision that counts per team, role and round: the last one stored. */
export function latestDecisions(all: readonly StoredDecision[]): Map<string, StoredDecision> {
  const out = new Map<string, StoredDecision>();
  for (const d of all) out.set(`${d.round}:${d.team}:${d.role}`, d);
  return out;
}

/** A round's controls for one team: each seated role's decision (roles in W, D, H, P order), then the luck cards. */
export type RoundControls = ScenarioEvent[];

export function decisionEvents(role: Role, d: Decision, month: number): ScenarioEvent[] {
  const events: ScenarioEvent[] = [];
  for (const c of ['value', 'capacity', 'legitimacy'] as const) events.push({ month, type: 'set', path: `managers.${role}.attention.${c}`, value: d.attention[c] });
  for (const c of ['value', 'capacity', 'legitimacy'] as const) events.push({ month, type: 'set', path: `managers.${role}.stance.${c}`, value: d.stance[c] });
  if (d.card) events.push({ month, type: 'initiative', manager: role, kind: d.card.kind, corner: d.card.corner });
  return events;
}

/** Every round's controls for `team`, rounds 1 to `upTo`. */
export function teamControls(s: SessionState, decisions: Map<string, StoredDecision>, team: number, upTo: number): RoundControls[] {
  const m = s.setup.monthsPerRound;
  const out: RoundControls[] = [];
  for (let round = 1; round <= upTo; round++) {
    const month = (round - 1) * m;
    const events: ScenarioEvent[] = [];
    for (const role of ROLES) {
      const d = decisions.get(`${round}:${team}:${role}`);
      if (d) events.push(...decisionEvents(role, d.decision, month));
    }
    for (const l of s.luck) if (l.round === round && (l.team === null || l.team === team)) events.push({ month, type: l.card });
    out.push(events);
  }
  return out;
}

/** The time left on the round timer, in ms (null without a timer). */
export function timeLeft(s: SessionState, now: number): number | null {
  if (s.phase !== 'open') return null;
  if (s.deadline !== null) return Math.max(0, s.deadline - now);
  return s.pausedRemaining;
}

export { DecisionSchema };
