// Public vocabulary of the model: identifiers and the shapes of what a run emits.
// Everything outside src/model (engine, ui, cli, sweep) reads the model through these types.

/** The four public managers of the meta triangle. */
export const MANAGER_IDS = ['W', 'D', 'H', 'P'] as const;
export type ManagerId = (typeof MANAGER_IDS)[number];
/** W: wethouder (alderman); D: director of the social domain; H: head of the werkbedrijf; P: partner network (employers, UWV). */
export const MANAGER_ROLES: Record<ManagerId, string> = {
  W: 'alderman',
  D: 'director',
  H: 'werkbedrijf',
  P: 'partners',
};

/** Moore's three corners. */
export const CORNERS = ['value', 'capacity', 'legitimacy'] as const;
export type Corner = (typeof CORNERS)[number];
export type CornerTriple = Record<Corner, number>;

/** The four audiences (authorizing environments). */
export const AUDIENCE_IDS = ['council', 'public', 'clients', 'employers'] as const;
export type AudienceId = (typeof AUDIENCE_IDS)[number];

/** Client statuses as the sandbox draws them. */
export const STATUSES = ['benefit', 'trajectory', 'participation', 'subsidised', 'employed', 'exited'] as const;
export type Status = (typeof STATUSES)[number];
export const STATUS_CODE: Record<Status, number> = {
  benefit: 0,
  trajectory: 1,
  participation: 2,
  subsidised: 3,
  employed: 4,
  exited: 5,
};

/** Distance tiers (Utrecht's four arrangements): d < .3, .3-.55, .55-.8, >= .8. */
export const TIERS = [1, 2, 3, 4] as const;

/** Stations of the success loop, in loop order. */
export const LOOP_STATIONS = ['performance', 'perception', 'legitimacy', 'resources', 'capacity'] as const;
export type LoopStation = (typeof LOOP_STATIONS)[number];

/** Luck and bad-luck events (and the political ones the model raises itself). */
export const LUCK_EVENTS = [
  'recession',
  'boom',
  'employerClosure',
  'employerOpening',
  'windfallGrant',
  'nationalBudgetChange',
  'mediaScandal',
  'positiveStory',
  'keyStaffDeparture',
  'partnerCrisis',
] as const;
export type LuckEvent = (typeof LUCK_EVENTS)[number];
export const GOOD_LUCK: ReadonlySet<string> = new Set(['boom', 'employerOpening', 'windfallGrant', 'positiveStory']);

export const POLITICAL_EVENTS = ['election', 'aldermanFall', 'aldermanLeaves', 'newAlderman', 'directorLeaves', 'headLeaves'] as const;
export const INITIATIVE_EVENTS = ['routine', 'bold', 'designed', 'reframe'] as const;
export type InitiativeKind = (typeof INITIATIVE_EVENTS)[number];

export interface EventLogEntry {
  month: number;
  /** a luck event, a political event, an initiative, a scheduled setting or a budget decision */
  kind: 'luck' | 'politics' | 'initiative' | 'budget' | 'setting' | 'shock';
  type: string;
  /** +1 good luck, -1 bad luck, 0 neutral */
  sign: -1 | 0 | 1;
  /** who acted (initiatives) */
  manager?: ManagerId;
  /** settings: the path that was set (e.g. managers.W.stance.value) */
  path?: string;
  /** initiatives: did it succeed */
  success?: boolean;
  /** was it scheduled by the scenario (or a player) rather than drawn */
  scheduled: boolean;
  /** size of the effect, in the event's own unit */
  magnitude: number;
  /** short English description; the UI translates by type */
  text: string;
}

export interface ManagerSnapshot {
  corners: CornerTriple;
  balance: number;
  area: number;
  stance: CornerTriple;
  attention: CornerTriple;
  courage: number;
  design: number;
  reframe: number;
  credibility: number;
  aspiration: number;
  /** own verdict: sum_k w_ik z_k */
  verdict: number;
}

export interface AudienceSnapshot {
  support: number;
  aspiration: number;
  perceived: number;
}

export interface LoopSnapshot {
  /** station levels in [0,1], loop order */
  levels: Record<LoopStation, number>;
  /** monthly flow along each arrow: performance->perception, ..., capacity->performance */
  flows: [number, number, number, number, number];
  /** rolling 12-month loop gain (product of elasticities along R1) */
  gain: number;
  regime: 'virtuous' | 'vicious' | 'damped';
  /** balancing pressures, each in [0,1] */
  balancing: { aspirations: number; budgetCeiling: number; harderClients: number; scandalHazard: number };
}

/** One month, as the worker sends it and as monthly.csv flattens it. */
export interface MonthSnapshot {
  month: number;
  managers: Record<ManagerId, ManagerSnapshot>;
  meta: { corners: CornerTriple; balance: number; area: number; alignment: number; conflict: number };
  audiences: Record<AudienceId, AudienceSnapshot>;
  loop: LoopSnapshot;
  environment: {
    labourMarket: number;
    vacancies: number;
    employerGoodwill: number;
    staffFte: number;
    staffMorale: number;
    methodQuality: number;
    kappa: number;
    strictness: number;
    slots: number;
  };
  budgets: { buigYear: number; buigSpendYtd: number; reintegrationYear: number; reintegrationSpendYtd: number; lksYear: number; lksSpendYtd: number };
  /** caseload[status][tier-1]: head counts at the end of the month; for 'exited' the cumulative number of
   *  clients who left for good (other exits, pension, five years at work), all in the first position */
  caseload: Record<Status, [number, number, number, number]>;
  flows: { inflow: number; toWork: number; otherExits: number; reentries: number; sanctions: number; wrongfulSanctions: number; ladderSteps: number };
  /** clients on bijstand: on benefit, in a trajectory or in participation (not subsidised, employed or exited) */
  stock: number;
  /** normalised indicator scores z_k in [0,1] (see INDICATORS) */
  z: number[];
  /** the twin's stock and to-work flow this month (benchmark) */
  twin: { stock: number; toWork: number; composite: number };
  composite: number;
  events: EventLogEntry[];
}

export type McConnellLabel = 'success' | 'resilient' | 'conflicted' | 'precarious' | 'failure';

export interface Verdict {
  score: number;
  label: McConnellLabel;
}
