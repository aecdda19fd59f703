// One training session in memory: its set-up, state (the fold of the action log), every decision, the
// seats, and the model's results for the round the teams see. The server (src/server) and the one-screen
// mode (src/training/solo) both keep a session this way; they differ only in where they store it first.
// `try...` checks without changing anything (throws RuleError); `commit...` applies what was stored.
import type { Scenario } from '../scenario/schema';
import type { TeamResult, TeamRunRequest } from './model-api';
import {
  applyAction,
  checkDecision,
  initialState,
  isFinished,
  latestDecisions,
  resultsRound,
  RuleError,
  teamControls,
  timeLeft,
  type LoggedAction,
  type SessionState,
  type StoredDecision,
} from './rules';
import { ROLES, seatKey, totalMonths, type Role, type SessionSetup } from './terms';
import type { WhatIf } from './protocol';
import type { FacilitatorView, ParticipantView, ProjectorView, ResultsMessage, SessionInfo, TeamView } from './views';

export interface DecisionRecord extends StoredDecision {
  seq: number;
  /** the display name of who decided (a seat may change hands) */
  name: string;
}

export interface SeatInfo {
  team: number;
  role: Role;
  name: string;
  takenAt: number;
}

export interface Versions {
  modelVersion: string;
  app: string;
  scenarioHash: string;
}

export class SessionCore {
  state: SessionState;
  readonly log: LoggedAction[] = [];
  readonly decisions: DecisionRecord[] = [];
  private latest = new Map<string, StoredDecision>();
  readonly seats = new Map<string, SeatInfo>();
  /** the model's results per team for round `resultsFor` (-1: none yet) */
  results: (TeamResult | null)[];
  resultsFor = -1;
  /** counts result changes: pages that hold version v need nothing new */
  resultsVersion = 0;

  constructor(
    readonly id: string,
    readonly code: string,
    readonly setup: SessionSetup,
    readonly scenario: Scenario,
    readonly createdAt: number,
    readonly versions: Versions,
  ) {
    this.state = initialState(setup);
    this.results = setup.teams.map(() => null);
  }

  /** the state after this action, without applying it (throws RuleError) */
  tryAction(logged: LoggedAction): SessionState {
    if (logged.action.type === 'release' && !this.seats.has(seatKey(logged.action))) {
      throw new RuleError('seat', `nobody holds ${logged.action.role} in team ${logged.action.team + 1}`);
    }
    return applyAction(this.state, logged);
  }

  commitAction(logged: LoggedAction, next: SessionState): void {
    this.log.push(logged);
    this.state = next;
    if (logged.action.type === 'release') this.seats.delete(seatKey(logged.action));
  }

  tryDecision(team: number, role: Role, round: number): void {
    if (!this.seats.has(seatKey({ team, role }))) throw new RuleError('seat', 'this seat has been released by the facilitator');
    checkDecision(this.state, role, round);
  }

  commitDecision(d: DecisionRecord): void {
    this.decisions.push(d);
    this.latest.set(`${d.round}:${d.team}:${d.role}`, d);
  }

  /** rebuild the decisions that count (after loading) */
  reindex(): void {
    this.latest = latestDecisions(this.decisions);
  }

  takeSeat(seat: SeatInfo): void {
    this.seats.set(seatKey(seat), seat);
  }

  decisionFor(team: number, role: Role, round: number): StoredDecision | undefined {
    return this.latest.get(`${round}:${team}:${role}`);
  }

  get months(): number {
    return totalMonths(this.setup);
  }

  /** the model requests that give every team's state at the end of `upTo` */
  requests(upTo = resultsRound(this.state), sampleSize = 0): TeamRunRequest[] {
    return this.setup.teams.map((_, team) => this.request(team, teamControls(this.state, this.latest, team, upTo), sampleSize, `${this.id}/${team}`));
  }

  private request(team: number, rounds: TeamRunRequest['rounds'], sampleSize: number, key: string | null): TeamRunRequest {
    return { key, scenario: this.scenario, seed: this.setup.seed, months: this.months, monthsPerRound: this.setup.monthsPerRound, rounds, sampleSize };
  }

  /** the team's run with one seat's decision in one round replaced (or left to the model): a "what if" */
  whatIfRequest(change: WhatIf): TeamRunRequest {
    const upTo = resultsRound(this.state);
    if (change.team >= this.setup.teams.length) throw new RuleError('team', `there is no team ${change.team + 1}`);
    if (upTo === 0) throw new RuleError('phase', 'no round has been played yet');
    if (change.round > upTo) throw new RuleError('round', `round ${change.round} has not been played (rounds 1 to ${upTo} have)`);
    const latest = new Map(this.latest);
    const key = `${change.round}:${change.team}:${change.role}`;
    if (change.decision) latest.set(key, { team: change.team, role: change.role, round: change.round, decision: change.decision, at: 0 });
    else latest.delete(key);
    return this.request(change.team, teamControls(this.state, latest, change.team, upTo), 0, null);
  }

  /** are the stored results those of the round the teams should see? */
  get resultsCurrent(): boolean {
    return this.resultsFor === resultsRound(this.state);
  }

  setResults(round: number, results: TeamResult[]): void {
    this.resultsFor = round;
    this.results = results;
    this.resultsVersion++;
  }

  /** every team's results (without summary.json: the export has it), for the facilitator and the projector */
  resultsMessage(): ResultsMessage {
    return {
      t: 'results',
      version: this.resultsVersion,
      round: this.resultsFor,
      teams: this.results.map((r) => (r ? { ...r, summaryJson: null } : null)),
    };
  }

  info(withCode: boolean): SessionInfo {
    return {
      id: this.id,
      title: this.setup.title,
      scenario: { id: this.scenario.id, title: this.scenario.title },
      seed: this.setup.seed,
      rounds: this.setup.rounds,
      monthsPerRound: this.setup.monthsPerRound,
      roundSeconds: this.setup.roundSeconds,
      teams: this.setup.teams.map((t) => t.name),
      roles: this.setup.roles,
      code: withCode ? this.code : null,
      versions: this.versions,
    };
  }

  private phaseFields(now: number) {
    const s = this.state;
    return {
      phase: s.phase,
      round: s.round,
      resultsRound: resultsRound(s),
      revealStep: s.revealStep,
      timeLeftMs: timeLeft(s, now),
      paused: s.pausedRemaining !== null,
      ended: s.ended,
      finished: isFinished(s),
      pending: !this.resultsCurrent,
      messages: s.messages.slice(-3),
    };
  }

  private teamSeats(team: number, online: ReadonlySet<string>) {
    const round = this.state.round;
    return ROLES.map((role) => {
      const seat = this.seats.get(seatKey({ team, role }));
      const open = this.setup.roles.includes(role);
      return {
        role,
        open,
        name: seat?.name ?? null,
        online: online.has(seatKey({ team, role })),
        decided: open && round > 0 && this.latest.has(`${round}:${team}:${role}`),
      };
    });
  }

  private teamViews(online: ReadonlySet<string>): TeamView[] {
    return this.setup.teams.map((t, team) => ({ name: t.name, seats: this.teamSeats(team, online) }));
  }

  participantView(team: number, role: Role, online: ReadonlySet<string>, now: number): ParticipantView {
    const s = this.state;
    const seat = this.seats.get(seatKey({ team, role }));
    const r = this.resultsCurrent ? this.results[team] : null;
    const mine = s.round > 0 ? this.latest.get(`${s.round}:${team}:${role}`) : undefined;
    let previous: StoredDecision | undefined;
    for (let k = s.round - 1; k >= 1 && !previous; k--) previous = this.latest.get(`${k}:${team}:${role}`);
    const events = (r?.roundEvents ?? []).filter((e) => e.kind === 'luck' || e.kind === 'politics' || (e.kind === 'initiative' && e.manager === role));
    return {
      view: 'participant',
      info: this.info(false),
      seat: { team, teamName: this.setup.teams[team].name, role, name: seat?.name ?? '' },
      ...this.phaseFields(now),
      decision: mine ? { round: mine.round, decision: mine.decision, at: mine.at } : null,
      previous: previous?.decision ?? null,
      own: r ? r.roles[role] : null,
      headline: r ? r.headline : null,
      team: this.teamSeats(team, online).map(({ role: ro, open, name, decided }) => ({ role: ro, open, name, decided })),
      events,
    };
  }

  facilitatorView(online: ReadonlySet<string>, now: number): FacilitatorView {
    return {
      view: 'facilitator',
      info: this.info(true),
      ...this.phaseFields(now),
      teams: this.teamViews(online),
      resultsVersion: this.resultsVersion,
      luck: this.state.luck,
      log: this.log.map((l) => ({ at: l.at, by: l.by, type: l.action.type })),
      decisionsStored: this.decisions.length,
    };
  }

  projectorView(online: ReadonlySet<string>, now: number): ProjectorView {
    return {
      view: 'projector',
      info: this.info(true),
      ...this.phaseFields(now),
      teams: this.teamViews(online),
      resultsVersion: this.resultsVersion,
    };
  }
}
