// What each page receives: a participant sees what their role would know, the facilitator sees every
// team (the god view), the projector sees every team's results, revealed step by step on the page.
import type { EventLogEntry } from '../model/types';
import type { Headline, RoleView, TeamReplay, TeamResult } from './model-api';
import type { Phase, RoomMessage, LuckCard } from './rules';
import type { Decision, Role } from './terms';
import type { Versions } from './core';

export interface SessionInfo {
  id: string;
  title: string;
  scenario: { id: string; title: { nl: string; en: string } };
  seed: number;
  rounds: number;
  monthsPerRound: number;
  roundSeconds: number;
  teams: string[];
  roles: Role[];
  /** the join code (facilitator and projector only) */
  code: string | null;
  versions: Versions;
}

interface PhaseFields {
  phase: Phase;
  round: number;
  /** the round whose results are shown (0: none yet) */
  resultsRound: number;
  revealStep: number;
  /** ms left on the round timer when the view was made (null: no timer running or paused) */
  timeLeftMs: number | null;
  paused: boolean;
  ended: boolean;
  /** every round has been played */
  finished: boolean;
  /** the model is still computing the latest round */
  pending: boolean;
  messages: RoomMessage[];
}

export interface SeatState {
  role: Role;
  /** taken by people in this session (else the model plays it) */
  open: boolean;
  name: string | null;
  online: boolean;
  /** has decided in the current round */
  decided: boolean;
}

export interface TeamView {
  name: string;
  seats: SeatState[];
}

/** every team's results, sent to the facilitator and the projector when they change (summaryJson left out) */
export interface ResultsMessage {
  t: 'results';
  version: number;
  /** the round they belong to */
  round: number;
  teams: (TeamResult | null)[];
}

export interface ParticipantView extends PhaseFields {
  view: 'participant';
  info: SessionInfo;
  seat: { team: number; teamName: string; role: Role; name: string };
  /** this seat's saved decision for the current round */
  decision: { round: number; decision: Decision; at: number } | null;
  /** this seat's decision in the latest earlier round, to start from */
  previous: Decision | null;
  own: RoleView | null;
  headline: Headline | null;
  team: Omit<SeatState, 'online'>[];
  /** what the role hears of the last round: luck, politics and its own initiatives */
  events: EventLogEntry[];
}

export interface FacilitatorView extends PhaseFields {
  view: 'facilitator';
  info: SessionInfo;
  teams: TeamView[];
  /** the version of the results this view goes with (a 'results' message carries them) */
  resultsVersion: number;
  luck: LuckCard[];
  log: { at: number; by: string; type: string }[];
  decisionsStored: number;
}

export interface ProjectorView extends PhaseFields {
  view: 'projector';
  info: SessionInfo;
  teams: TeamView[];
  resultsVersion: number;
}

export type AnyView = ParticipantView | FacilitatorView | ProjectorView;

/** what the server (or the one-screen mode) sends */
export type ServerMessage =
  | { t: 'welcome'; as: 'participant' | 'facilitator' | 'projector' }
  | { t: 'state'; view: AnyView }
  | ResultsMessage
  | { t: 'ack'; id: number; at: number }
  | { t: 'error'; id: number | null; code: string; message: string }
  | { t: 'whatIf'; id: number; result: TeamResult; actual: TeamResult | null }
  | ({ t: 'replay'; id: number; team: number } & TeamReplay)
  | { t: 'message'; text: string; at: number }
  | { t: 'pong'; id: number }
  | { t: 'closed'; reason: string };
