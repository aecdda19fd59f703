// Every model parameter in one place: default, allowed range, unit and basis.
// This table is the single source for the scenario schema (ranges), the defaults, and docs/model.md.
// Basis tags: S = from a source (docs/model.md lists them), C = calibrated so the patterns hold,
// K = own estimate, I = design choice. Rates are per month unless the name says otherwise.

export interface ParamSpec {
  default: number;
  min: number;
  max: number;
  unit: string;
  basis: string;
  doc: string;
  group: ParamGroup;
  /** an integer parameter */
  integer?: boolean;
}

export type ParamGroup = 'clients' | 'labourMarket' | 'werkbedrijf' | 'budget' | 'perception' | 'politics' | 'managers' | 'events';

const p = (group: ParamGroup, def: number, min: number, max: number, unit: string, basis: string, doc: string, integer = false): ParamSpec =>
  ({ group, default: def, min, max, unit, basis, doc, integer });

export const PARAM_SPECS = {
  // --- clients and their flows -------------------------------------------------------------
  N0: p('clients', 2200, 50, 200000, 'clients', 'S: 3.6% bijstand density x 61,000 inhabitants 18-AOW (CBS 2024)', 'Initial bijstand stock', true),
  inflowRateYear: p('clients', 0.195, 0.05, 0.5, '/year of N0', 'S + C: Divosa benchmark 2022, inflow 22% including re-entrants (re-entries add 3 points in the model)', 'Yearly inflow of new clients as a share of the initial stock'),
  inflowElast: p('clients', 0.5, 0, 2, '-', 'C: SF3 (counter-cyclical caseload)', 'Elasticity of inflow to the labour market (lm0/lm)'),
  inflowTier1Share: p('clients', 0.3, 0, 1, 'share', 'I: newcomers are closer to the market than the stock', 'Share of tier-1 newcomers at lm = lm0'),
  inflowHardShift: p('clients', 0, -0.3, 0.3, 'share', 'I: scenario knob (tight market: +0.10)', 'Extra share of newcomers in tiers 3-4'),
  beta0: p('clients', -2.6, -4, -1, 'logit', 'C: SCP 2019, 8% a year to work', 'Job-finding intercept (monthly logit)'),
  betaDist: p('clients', -2.8, -5, -0.5, 'logit', 'C: far, long-term clients ~3%/yr', 'Effect of distance to the labour market'),
  betaDur: p('clients', -0.7, -2, 0, 'logit', 'C: SF1, CBS 22% (<1 yr) vs 8% (>3 yr)', 'Duration dependence, times ln(1 + months/12)'),
  betaLm: p('clients', 1.4, 0, 2, 'logit', 'C: SF2 (composition drift), SF3 (lagged caseload), SF11 (structure beats policy)', 'Effect of ln(lm), tightness against the national reference V/U = 1'),
  lmDistInteraction: p('clients', 1, 0, 2, '-', 'I: SF2; Divosa 2023 (tight market, falling outflow share)', 'How much more the labour market helps the job-ready: x (0.5 - distance)'),
  betaEmp: p('clients', 0.5, 0, 2, 'logit', 'I', 'Effect of employer goodwill (E - 0.5)'),
  betaAge55: p('clients', -0.4, -1.5, 0, 'logit', 'K: older clients leave last', 'Effect of age 55+'),
  betaSvc: p('clients', 1.8, 0, 4, 'points/month', 'C: SF6 (doubling the budget: +1-3 points of outflow to work a year) and SF5 (net effect flat under creaming)', 'What a service adds to the monthly job chance at full method quality and the best-fitting distance'),
  dOptCoach: p('clients', 0.55, 0, 1, 'distance', 'S: CPB 2016 (coaching works for reasonable, not the best, chances) + C: SF5', 'Distance where coaching works best'),
  dOptLks: p('clients', 0.7, 0, 1, 'distance', 'S: CPB 2016 (wage subsidies work for lower chances)', 'Distance where wage-cost subsidy works best'),
  effWidth: p('clients', 0.17, 0.05, 0.6, 'distance', 'I + C: SF5 (near-market clients gain little)', 'Width of an instrument\'s effective range'),
  lksBoost: p('clients', 1.5, 1, 5, 'x', 'C: wage-cost subsidy 5-15% of BUIG (Divosa 2023); the subsidy makes up for lost productivity', 'Service effect of a wage-cost subsidy trajectory, as a multiple of coaching\'s'),
  otherExitBase: p('clients', 0.0165, 0.003, 0.03, '/month', 'C: total outflow 23-26% (Divosa 2022-23)', 'Other exits (income, partner, moving) for newcomers'),
  otherExitDur: p('clients', -0.45, -1.5, 0, 'exponent', 'C: SF1', 'Duration dependence of other exits: (1 + months/12)^x'),
  enforceExit: p('clients', 0.004, 0, 0.02, '/month', 'K: enforcement exits', 'Exits due to enforcement at strictness 1'),
  retYear1: p('clients', 0.027, 0.005, 0.05, '/month', 'S: Divosa 2019, 20% back within a year', 'Re-entry hazard in the first year at work'),
  retLater: p('clients', 0.0045, 0, 0.02, '/month', 'S: 35% back within 5 years', 'Re-entry hazard after the first year'),
  creamChurn: p('clients', 0.3, 0, 1.5, 'x', 'S direction: Koning & Heinrich 2013 (no longer durations)', 'Extra re-entry of clients placed under creaming'),
  postPlacementCoach: p('clients', 0.3, 0, 0.8, 'share', 'K', 'Re-entry reduction by after-care, times H\'s method quality'),
  idleDrift: p('clients', 0.0015, 0, 0.02, '/month', 'K: scarring (CBS duration effects)', 'Distance drift while idle'),
  trajDistGain: p('clients', 0.003, 0, 0.05, '/month', 'K', 'Distance gain while active, times method quality'),
  workDistGain: p('clients', 0.002, 0, 0.02, '/month', 'K: learning on the job', 'Distance gain while at work (subsidised or regular)'),
  lksToRegular: p('clients', 0.005, 0, 0.05, '/month', 'K: most wage-cost subsidies are structural (the wage value rarely reaches 100%)', 'Subsidised job becoming a regular job'),
  lksReturn: p('clients', 0.005, 0, 0.05, '/month', 'K', 'Return from a subsidised job to bijstand'),
  ladderUp: p('clients', 0.05, 0, 0.3, '/month', 'K: participatieladder', 'Chance of a ladder step up while active'),
  ladderDown: p('clients', 0.02, 0, 0.2, '/month', 'K', 'Chance of a step down when idle over 12 months'),
  wbActive: p('clients', 0.08, 0, 0.5, '/month', 'K', 'Speed at which activity lifts wellbeing toward 0.15 above its resting level'),
  wbIdle: p('clients', 0.02, 0, 0.5, '/month', 'K', 'Speed at which idle months wear wellbeing toward 0.1 below its resting level'),
  wbSanction: p('clients', 0.1, 0, 0.4, 'per sanction', 'K', 'Wellbeing loss per sanction'),
  satAdj: p('clients', 0.1, 0, 0.5, '/month', 'I', 'Speed at which satisfaction follows respect'),
  noncomply: p('clients', 0.012, 0, 0.05, '/month', 'K: 3-5% sanctioned a year', 'Monthly chance of a client not complying with an obligation'),
  trajMonths: p('clients', 6, 1, 24, 'months', 'K', 'Length of a trajectory', true),
  participationMonths: p('clients', 12, 1, 36, 'months', 'K', 'Length of a participation placement', true),
  aowAgeYears: p('clients', 67, 60, 70, 'years', 'S: AOW age 67', 'Age at which clients leave for the state pension', true),
  // --- labour market -------------------------------------------------------------------------
  lm0: p('labourMarket', 1.0, 0.3, 1.5, 'V/U', 'S: CBS 114-123 vacancies per 100 unemployed', 'Normal labour-market tightness'),
  lmPhi: p('labourMarket', 0.97, 0.8, 0.995, '-', 'I/C', 'Persistence of labour-market shocks'),
  lmSigma: p('labourMarket', 0.03, 0, 0.1, '-', 'I/C', 'Monthly labour-market noise'),
  cycleAmp: p('labourMarket', 0.15, 0, 0.5, '-', 'I', 'Amplitude of the business cycle (log scale)'),
  cyclePeriod: p('labourMarket', 96, 36, 180, 'months', 'K: business cycle 6-10 years', 'Business-cycle period'),
  cyclePhase: p('labourMarket', 24, 0, 180, 'months', 'I + C: the run starts at the top of the cycle (CBS 2022-2024: 114-123 vacancies per 100 unemployed), where the caseload is at its cycle mean', 'Business-cycle phase at month 0'),
  vacPerClient: p('labourMarket', 0.09, 0.01, 0.5, '/client/month', 'C: vacancy constraint binds only in slack markets', 'Vacancies a month per initial client at lm = 1'),
  accessShare: p('labourMarket', 0.15, 0.05, 0.5, 'share', 'C', 'Share of vacancies open to the target group'),
  // --- werkbedrijf ----------------------------------------------------------------------------
  staffFte: p('werkbedrijf', 20, 1, 2000, 'FTE', 'K: work-oriented klantmanagers for 2,200 clients', 'Consultants'),
  caseloadPerFte: p('werkbedrijf', 60, 20, 150, 'clients/FTE', 'K', 'Active trajectories one consultant can carry'),
  staffMorale0: p('werkbedrijf', 0.7, 0, 1, '0-1', 'I', 'Initial staff morale'),
  methodQuality0: p('werkbedrijf', 0.5, 0, 1, '0-1', 'I', 'Initial method quality'),
  costPerTrajMonth: p('werkbedrijf', 300, 50, 800, 'euro/month', 'K: a trajectory costs EUR 2,000-5,000 over 6-12 months', 'Cost of a trajectory month'),
  costPerPartMonth: p('werkbedrijf', 150, 20, 600, 'euro/month', 'K', 'Cost of a participation month'),
  lksCostMonth: p('werkbedrijf', 900, 300, 2000, 'euro/month', 'K: LKS tops up to the minimum wage', 'Wage-cost subsidy per subsidised job a month'),
  kappaBase: p('werkbedrijf', 0.5, 0, 1, '0-1', 'I', 'Creaming: priority to the easiest clients (0 = by need, 1 = by chance)'),
  kappaValue: p('werkbedrijf', 0.6, 0, 1.5, '-', 'I', 'Creaming pushed by the alderman\'s work-first and cost weights'),
  kappaBudget: p('werkbedrijf', 0.3, 0, 1.5, '-', 'S direction: SCP 2019 (financing incentive)', 'Creaming pushed by a BUIG deficit'),
  kappaContract: p('werkbedrijf', 0.4, 0, 1, '-', 'S direction: Koning & Heinrich 2013', 'Creaming pushed by payment by results'),
  perfContract: p('werkbedrijf', 0, 0, 1, 'switch', 'I: scenario switch', 'Payment-by-results contract (0 or 1)'),
  youthPrio: p('werkbedrijf', 0.1, 0, 0.5, '-', 'S: deck, "prioriteit aan jongeren"', 'Priority for clients under 27'),
  strictness: p('werkbedrijf', 0.3, 0, 1, '0-1', 'I', 'Enforcement of obligations'),
  errBase: p('werkbedrijf', 0.03, 0, 0.3, 'share', 'K', 'Wrongful share of sanctions'),
  errOverload: p('werkbedrijf', 0.15, 0, 0.6, 'share', 'K', 'Extra wrongful share at full overload'),
  displaceFactor: p('werkbedrijf', 0.2, 0, 0.6, 'share', 'K', 'Regular jobs displaced per subsidised job'),
  svcExtraTier23: p('werkbedrijf', 0, 0, 0.5, 'logit', 'I: trust-experiment knob', 'Extra service effect for tiers 2-3 (earnings disregard)'),
  beschutPlaces: p('werkbedrijf', 0, 0, 2000, 'places', 'I: scenario knob', 'Extra sheltered-work places (participation)', true),
  // --- budget ---------------------------------------------------------------------------------
  benefitCostYear: p('budget', 14800, 10000, 20000, 'euro/year', 'S: BUIG EUR 6.13 bn / ~415k benefits', 'Benefit cost per client a year'),
  reintBudgetYear: p('budget', 2.2e6, 0, 2e8, 'euro/year', 'K: EUR 1,000 per client (range 300-2,500)', 'Initial re-integration budget'),
  lksBudgetYear: p('budget', 2.1e6, 0, 2e8, 'euro/year', 'S: LKS EUR 390 m nationally, pro rata', 'Initial wage-cost subsidy budget'),
  gL: p('budget', 0.2, 0, 0.5, '/year', 'I', 'Budget growth per unit of council support above 0.5'),
  budgetReversion: p('budget', 0.4, 0, 1, '/year', 'I: the council budgets from the norm, a past increase or cut fades', 'Share of the gap to the starting budgets closed each year'),
  reinvestShare: p('budget', 0.5, 0, 1, 'share', 'S: BUIG surplus is free to spend (Divosa) + I', 'Share of a BUIG surplus reinvested'),
  deficitCutShare: p('budget', 0.3, 0, 1, 'share', 'S: deficit at own risk + I', 'Share of a BUIG deficit cut from re-integration'),
  buigBias: p('budget', 0, -0.15, 0.15, 'share', 'S: ROB on BUIG forecast errors', 'Bias of the BUIG allocation'),
  budgetCutYear2: p('budget', 0, 0, 0.9, 'share', 'I: scenario knob (budget cuts)', 'Cut of the re-integration budget from year 2'),
  budgetCutYear3: p('budget', 0, 0, 0.9, 'share', 'I: scenario knob (budget cuts)', 'Cut of the re-integration budget from year 3'),
  // --- perception and support -----------------------------------------------------------------
  lambdaUp: p('perception', 0.05, 0, 0.5, '/month', 'S direction: negativity bias (Olsen; James & John 2007) + C', 'Speed at which support rises toward what the audience sees (when that is higher)'),
  lambdaDown: p('perception', 0.15, 0, 0.5, '/month', 'S: negativity bias (Olsen; James & John 2007) + C: SF7, bad news is taken in three times as fast, which gives about twice the response to equal news', 'Speed at which support falls toward what the audience sees (when that is lower)'),
  U0: p('perception', 0.53, 0, 1, '0-1', 'I + C: support falls faster than it rises, so a resting level a little above 0.5 gives the baseline a mean support of about 0.5', 'Resting support'),
  socialAspiration: p('perception', 0.5, 0, 1, 'share', 'S direction: historical and social aspirations (Cyert & March 1963; Meier, Favero & Zhu 2015)', 'Share of an audience\'s aspiration set by the benchmark (peers) rather than by its own past'),
  alphaAsp: p('perception', 0.12, 0, 0.3, '/month', 'S direction: Meier, Favero & Zhu 2015', 'Speed at which aspirations follow performance'),
  piPromise: p('perception', 0.0015, 0, 0.05, '/month', 'I', 'Aspiration raised by pushing an agenda'),
  piFit: p('perception', 0.0015, 0, 0.05, '/month', 'I', 'Aspiration lowered by fitting ambitions'),
  frameDecay: p('perception', 0.9, 0.5, 0.99, '/month', 'I', 'Decay of a frame'),
  mediaNoise: p('perception', 0.03, 0, 0.2, '-', 'I', 'Scale of fat-tailed media noise (Student-t, 3 df)'),
  perceptionGain: p('perception', 1.5, 0.5, 10, 'x', 'I + C: SF13 (council support follows the council\'s verdict)', 'Support an audience gives per unit of perceived performance above its aspiration'),
  benchmarkWeight: p('perception', 1, 0, 1, 'share', 'I: deck, "waarde van benchmarks?"; the Divosa benchmark compares municipalities over the same period', 'Weight of the twin (a peer in the same labour market) against the municipality\'s historical norm'),
  muE: p('perception', 0.03, 0, 0.2, '/month', 'I', 'Speed of employer goodwill'),
  tauTrust: p('perception', 0.05, 0, 0.3, '/month', 'I', 'Speed of trust between managers'),
  etaComm: p('perception', 0.05, 0, 0.1, '/month', 'I', 'Support gained by communicating one\'s way of working'),
  backlash: p('perception', 1.5, 0, 5, 'x', 'I', 'Backlash of communication when performance is below aspiration'),
  listenBonus: p('perception', 0.003, 0, 0.05, '/month', 'I', 'Clients\' support gained by being heard'),
  coDesignBonus: p('perception', 0.003, 0, 0.05, '/month', 'I', 'Support gained by co-design'),
  // --- politics -------------------------------------------------------------------------------
  firstElectionMonth: p('politics', 46, 1, 240, 'month', 'S: elections every 4 years; the run starts at college formation', 'First municipal election', true),
  electSlope: p('politics', 4, 0, 10, 'logit', 'I/C: SF10', 'Re-election sensitivity to support'),
  electNoise: p('politics', 1, 0, 3, 'logit', 'I', 'Noise of an election'),
  reshuffleProb: p('politics', 0.3, 0, 1, 'share', 'K', 'Chance the alderman changes portfolio after an election'),
  honeymoon: p('politics', 0.1, 0, 0.3, 'support', 'K', 'Support bonus of a new alderman'),
  fallBase: p('politics', 0.002, 0, 0.03, '/month', 'S + C: 21.7% political falls per term (De Collegetafel 2023), together with scandal falls', 'Political fall hazard at legitimacy 0.5'),
  fallSens: p('politics', 4, 0, 10, '-', 'I/C', 'Sensitivity of the fall hazard to low legitimacy'),
  scandalFall: p('politics', 0.08, 0, 0.6, 'chance', 'I', 'Extra fall chance in a month with a scandal'),
  leaveBase: p('politics', 0.008, 0, 0.03, '/month', 'S: 55% leave early minus 22% political', 'Non-political departure of the alderman'),
  dirLeave: p('politics', 0.008, 0, 0.03, '/month', 'K', 'Departure of the director'),
  headLeave: p('politics', 0.006, 0, 0.03, '/month', 'K', 'Departure of the head of the werkbedrijf'),
  // --- managers and the meta triangle ---------------------------------------------------------
  etaV: p('managers', 0.1, 0, 0.5, '/month', 'I', 'Clarity gained by pushing an agenda'),
  chiPersuade: p('managers', 0.05, 0, 0.3, '/month', 'I', 'Colleagues\' values pulled toward a pushed agenda'),
  zetaListen: p('managers', 0.08, 0, 0.3, '/month', 'I', 'Own values pulled toward the audiences\' when listening'),
  clarityFocus: p('managers', 1, 0, 3, '-', 'I: a clear agenda focuses the organisation ("het juiste doen")', 'Effective method quality gained per unit of the managers\' mean clarity above 0.6'),
  clarityDilute: p('managers', 0.02, 0, 0.2, '/month', 'I', 'Clarity lost while collecting values from outside'),
  pGrant0: p('managers', 0.25, 0, 0.5, '/month', 'I', 'Chance of finding extra resources when stretching'),
  grantMin: p('managers', 0.03, 0, 0.5, 'share', 'I', 'Smallest extra resource, share of the budget'),
  grantMax: p('managers', 0.1, 0, 0.5, 'share', 'I', 'Largest extra resource, share of the budget'),
  ambStretch: p('managers', 0.05, 0, 0.3, '/month', 'I', 'Ambition raised toward what the values ask'),
  ambFit: p('managers', 0.05, 0, 0.3, '/month', 'I', 'Ambition fitted to the resources'),
  overloadMorale: p('managers', 0.06, 0, 0.2, '/month', 'I', 'Morale lost per unit of ambition over resources'),
  etaQ: p('managers', 0.03, 0, 0.2, '/month', 'I', 'Method quality gained by adopting ways from outside'),
  thetaV: p('managers', 0.5, 0, 2, 'exponent', 'I', 'Weight of alignment in the meta value corner'),
  thetaC: p('managers', 0.5, 0, 2, 'exponent', 'I', 'Weight of alignment in the meta capacity corner'),
  rhoC: p('managers', -1, -5, 1, 'CES', 'I: capacities are complements', 'CES exponent of meta capacity'),
  rhoL: p('managers', -2, -5, 1, 'CES', 'I: legitimacy is a weakest link', 'CES exponent of meta legitimacy'),
  deltaAlign: p('managers', 0.05, 0, 0.3, '/month', 'I', 'Conflict resolved by connecting (design) work'),
  conflictPush: p('managers', 0.1, 0, 0.3, '/month', 'I', 'Conflict raised by pushing diverging agendas'),
  attnTemp: p('managers', 3, 0, 10, '-', 'I', 'How strongly attention goes to the weakest corner'),
  tol: p('managers', 0.03, 0, 0.2, '-', 'I', 'Tolerance below aspiration before searching'),
  stanceStep: p('managers', 0.34, 0, 1, '-', 'I', 'Stance change after a search'),
  explore: p('managers', 0.1, 0, 1, 'chance', 'I', 'Chance of a routine initiative when satisfied'),
  alphaAspMgr: p('managers', 0.08, 0, 0.5, '/quarter', 'I', 'Speed of a manager\'s own aspiration'),
  routineGain: p('managers', 0.02, 0, 0.1, '-', 'I', 'Gain of a routine initiative'),
  bold0: p('managers', -0.5, -6, 3, 'logit', 'I', 'Success logit of a bold initiative'),
  boldCap: p('managers', 1.5, 0, 4, 'logit', 'I', 'Effect of meta capacity on a bold initiative'),
  boldAlign: p('managers', 1.5, 0, 4, 'logit', 'I', 'Effect of alignment on a bold initiative'),
  boldLeg: p('managers', 1, 0, 4, 'logit', 'I', 'Effect of own legitimacy on a bold initiative'),
  boldGain: p('managers', 0.15, 0, 0.5, '-', 'I', 'Gain of a successful bold initiative'),
  boldFailLeg: p('managers', 0.08, 0, 0.3, 'support', 'I', 'Support lost by a failed bold initiative'),
  boldFailCost: p('managers', 0.1, 0, 0.5, 'share', 'I', 'Resources lost by a failed bold initiative'),
  designGain: p('managers', 0.06, 0, 0.3, '-', 'I', 'Method quality gained by a designed initiative, times design skill'),
  designDelay: p('managers', 9, 0, 36, 'months', 'I', 'Delay of a designed initiative at design 0.5'),
  reframeShift: p('managers', 0.1, 0, 0.3, '-', 'I', 'Frame gained by a successful reframe'),
  credAdj: p('managers', 0.2, 0, 1, '-', 'I', 'Credibility follows whether frames are borne out'),
  // --- luck -----------------------------------------------------------------------------------
  luckIntensity: p('events', 1, 0, 3, 'x', 'I: the luck lab knob', 'Multiplier of all luck and bad-luck rates'),
  rateRecession: p('events', 0.08, 0, 1, '/year', 'I', 'Recession'),
  rateBoom: p('events', 0.08, 0, 1, '/year', 'I', 'Boom'),
  rateEmployerClosure: p('events', 0.2, 0, 2, '/year', 'I', 'A big employer closes'),
  rateEmployerOpening: p('events', 0.2, 0, 2, '/year', 'I', 'A big employer opens'),
  rateWindfallGrant: p('events', 0.3, 0, 2, '/year', 'I: ESF and national programmes', 'Windfall grant'),
  rateNationalBudgetChange: p('events', 0.2, 0, 2, '/year', 'I', 'National budget change'),
  rateKeyStaffDeparture: p('events', 0.3, 0, 2, '/year', 'I', 'Key staff leave'),
  ratePartnerCrisis: p('events', 0.1, 0, 2, '/year', 'I: UWV reorganisation', 'Partner crisis'),
  scandalBase: p('events', 0.1, 0, 2, '/year', 'I: bad luck partly earned', 'Scandal rate without cause'),
  scandalWrongful: p('events', 1, 0, 10, '/year per rate', 'I', 'Scandal rate per unit of wrongful sanctions per client-year x 100'),
  scandalParking: p('events', 0.25, 0, 5, '/year per share', 'I', 'Scandal rate per unit of parking share'),
  storyBase: p('events', 0.5, 0, 3, '/year', 'I: good luck partly earned', 'Positive-story rate at a mission score of 0.75'),
} as const satisfies Record<string, ParamSpec>;

export type ParamName = keyof typeof PARAM_SPECS;
export type Params = Record<ParamName, number>;
export const PARAM_NAMES = Object.keys(PARAM_SPECS) as ParamName[];

export function defaultParams(): Params {
  const out = {} as Params;
  for (const name of PARAM_NAMES) out[name] = PARAM_SPECS[name].default;
  return out;
}
