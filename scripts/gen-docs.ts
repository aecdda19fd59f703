// Writes the parts of docs/ that must match the code, so they cannot drift from it:
//  - docs/model.md: the parameter table (from PARAM_SPECS, grouped by ParamSpec.group) and the
//    indicator and value-profile tables (from src/model/values.ts);
//  - docs/outputs.md: the monthly.csv columns (from a real baseline run) and the summary.json fields.
// Each generated part sits between <!-- name:start --> and <!-- name:end -->; the prose around it is
// written by hand. tests/docs.test.ts fails when a generated part is out of date.
//
// Usage: npx tsx scripts/gen-docs.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PARAM_NAMES, PARAM_SPECS, type ParamGroup, type ParamSpec } from '../src/model/params';
import { AUDIENCE_IDS, MANAGER_IDS, STATUSES } from '../src/model/types';
import { INDICATORS, PROFILE_NAMES, VALUE_PROFILES } from '../src/model/values';
import { parseScenario } from '../src/scenario/parse';
import { Simulation } from '../src/engine/simulation';
import { monthlyColumns } from '../src/engine/monthly-csv';
import type { Summary } from '../src/engine/summary';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

// ------------------------------------------------------------------------------------------------
// Sections between markers

export function markers(name: string): { start: string; end: string } {
  return { start: `<!-- ${name}:start -->`, end: `<!-- ${name}:end -->` };
}

/** The text between a section's markers (without the newlines that frame it), or null if absent. */
export function readSection(doc: string, name: string): string | null {
  const { start, end } = markers(name);
  const i = doc.indexOf(start);
  const j = doc.indexOf(end);
  if (i < 0 || j < i) return null;
  return doc.slice(i + start.length, j).replace(/^\n/, '').replace(/\n$/, '');
}

/** Replaces the text between a section's markers; throws if the markers are missing. */
export function replaceSection(doc: string, name: string, body: string): string {
  const { start, end } = markers(name);
  const i = doc.indexOf(start);
  const j = doc.indexOf(end);
  if (i < 0 || j < i) throw new Error(`markers ${start} ... ${end} not found`);
  return `${doc.slice(0, i + start.length)}\n${body}\n${doc.slice(j)}`;
}

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** Plain numbers, as a scenario file would write them (no exponents, no separators). */
export function formatNumber(x: number): string {
  if (Number.isInteger(x)) return String(x);
  return String(Number(x.toPrecision(12)));
}

// ------------------------------------------------------------------------------------------------
// docs/model.md: parameters

export const GROUP_TITLES: Record<ParamGroup, string> = {
  clients: 'Clients and their flows',
  labourMarket: 'Labour market',
  werkbedrijf: 'Werkbedrijf (services, creaming, enforcement)',
  budget: 'Budgets',
  perception: 'Perception, support and trust',
  politics: 'Politics',
  managers: 'Managers and the meta triangle',
  events: 'Luck and bad luck (events)',
};

export function paramTable(): string {
  const groups = Object.keys(GROUP_TITLES) as ParamGroup[];
  const known = new Set<string>(groups);
  for (const name of PARAM_NAMES) {
    if (!known.has(PARAM_SPECS[name].group)) throw new Error(`parameter ${name} has group "${PARAM_SPECS[name].group}", which has no title in scripts/gen-docs.ts`);
  }
  const out: string[] = [
    `${PARAM_NAMES.length} parameters. Rates are per month unless the unit says otherwise; "(integer)" marks whole-number parameters. ` +
      'Basis: S = from a source, C = calibrated so that the patterns hold, K = own estimate, I = design choice.',
  ];
  for (const group of groups) {
    const names = PARAM_NAMES.filter((n) => PARAM_SPECS[n].group === group);
    if (names.length === 0) continue;
    out.push('', `#### ${GROUP_TITLES[group]} (\`${group}\`, ${names.length})`, '');
    out.push('| Parameter | Default | Range | Unit | Basis | Meaning |', '|---|---|---|---|---|---|');
    for (const name of names) {
      const s: ParamSpec = PARAM_SPECS[name];
      const unit = `${s.unit}${s.integer ? ' (integer)' : ''}`;
      out.push(`| \`${name}\` | ${formatNumber(s.default)} | ${formatNumber(s.min)} to ${formatNumber(s.max)} | ${cell(unit)} | ${cell(s.basis)} | ${cell(s.doc)} |`);
    }
  }
  return out.join('\n');
}

// ------------------------------------------------------------------------------------------------
// docs/model.md: indicators and value profiles

export function valuesTables(): string {
  const out: string[] = [
    '| k | Indicator | Moore PVA category | Table B (deck) | Table A (deck) | Sign | Scale | Unit of x_k |',
    '|---|---|---|---|---|---|---|---|',
  ];
  INDICATORS.forEach((s, k) => {
    out.push(`| ${k + 1} | \`${s.id}\` | ${s.pva} | ${s.tableB} | ${s.tableA} | ${s.sign > 0 ? '+1' : '-1'} | ${formatNumber(s.scale)} | ${cell(s.unit)} |`);
  });
  out.push('', `| Profile | ${INDICATORS.map((s) => `\`${s.id}\``).join(' | ')} |`, `|---|${INDICATORS.map(() => '---').join('|')}|`);
  for (const name of PROFILE_NAMES) out.push(`| \`${name}\` | ${VALUE_PROFILES[name].map(formatNumber).join(' | ')} |`);
  return out.join('\n');
}

// ------------------------------------------------------------------------------------------------
// docs/outputs.md: monthly.csv columns

interface ColumnFamily {
  match: RegExp;
  /** how the family is written in the docs */
  pattern: string;
  meaning: string;
  unit: string;
}

const M = `{${MANAGER_IDS.join(',')}}`;
const A = `{${AUDIENCE_IDS.join(',')}}`;
const C3 = '{value,capacity,legitimacy}';

/** Every monthly.csv column belongs to exactly one family; a column that matches none is a documentation gap. */
export const COLUMN_FAMILIES: ColumnFamily[] = [
  { match: /^modelVersion$/, pattern: 'modelVersion', meaning: 'Version of the model (src/model/version.ts); the same on every row', unit: '-' },
  { match: /^scenarioHash$/, pattern: 'scenarioHash', meaning: 'SHA-256 of the effective scenario (canonical JSON, player controls included); the same on every row', unit: '-' },
  { match: /^seed$/, pattern: 'seed', meaning: 'Random seed of the run; the same on every row', unit: '-' },
  { match: /^month$/, pattern: 'month', meaning: 'Month of the run; row m is the state at the end of the m-th simulated month (1-based)', unit: 'month' },
  { match: /^managers\.[WDHP]\.corners\.(value|capacity|legitimacy)$/, pattern: `managers.${M}.corners.${C3}`, meaning: 'The manager\'s own triangle: value V, capacity C, legitimacy L', unit: '0-1' },
  { match: /^managers\.[WDHP]\.balance$/, pattern: `managers.${M}.balance`, meaning: 'Balance of the triangle: 1 - (largest corner - smallest corner)', unit: '0-1' },
  { match: /^managers\.[WDHP]\.area$/, pattern: `managers.${M}.area`, meaning: 'Area of the radar triangle, (sqrt 3 / 4)(VC + CL + LV); 1.299 when all corners are 1', unit: '0-1.299' },
  { match: /^managers\.[WDHP]\.stance\.(value|capacity|legitimacy)$/, pattern: `managers.${M}.stance.${C3}`, meaning: 'Stance per corner: 1 = the deck\'s strategy 1 (push own agenda, stretch resources, push own way of working), 0 = strategy 2 (pull values from outside, fit ambitions, adopt ways from outside)', unit: '0-1' },
  { match: /^managers\.[WDHP]\.attention\.(value|capacity|legitimacy)$/, pattern: `managers.${M}.attention.${C3}`, meaning: 'Share of attention on each lever (the three shares sum to 1)', unit: 'share' },
  { match: /^managers\.[WDHP]\.(courage|design|reframe)$/, pattern: `managers.${M}.{courage,design,reframe}`, meaning: 'Traits: durf (chance of a bold search), design (chance of a designed initiative, skill at connecting work), omdenken (chance and skill of reframing)', unit: '0-1' },
  { match: /^managers\.[WDHP]\.credibility$/, pattern: `managers.${M}.credibility`, meaning: 'Credibility: scales communication and the success of reframes', unit: '0-1' },
  { match: /^managers\.[WDHP]\.aspiration$/, pattern: `managers.${M}.aspiration`, meaning: 'The manager\'s own aspiration level (satisficing)', unit: '0-1' },
  { match: /^managers\.[WDHP]\.verdict$/, pattern: `managers.${M}.verdict`, meaning: 'The manager\'s own verdict: the indicator scores weighted by the manager\'s own values', unit: '0-1' },
  { match: /^meta\.corners\.(value|capacity|legitimacy)$/, pattern: `meta.corners.${C3}`, meaning: 'The municipality\'s meta triangle (alignment-weighted mean value, CES capacity, weakest-link legitimacy)', unit: '0-1' },
  { match: /^meta\.(balance|area)$/, pattern: 'meta.{balance,area}', meaning: 'Balance and area of the meta triangle (as for a manager)', unit: '0-1 / 0-1.299' },
  { match: /^meta\.alignment$/, pattern: 'meta.alignment', meaning: 'Alignment: (1 - mean value distance between managers) x (1 - conflict)', unit: '0-1' },
  { match: /^meta\.conflict$/, pattern: 'meta.conflict', meaning: 'Coordination friction in the meta triangle', unit: '0-1' },
  { match: /^audiences\.[a-z]+\.support$/, pattern: `audiences.${A}.support`, meaning: 'Support of the audience (its legitimacy verdict)', unit: '0-1' },
  { match: /^audiences\.[a-z]+\.aspiration$/, pattern: `audiences.${A}.aspiration`, meaning: 'The audience\'s aspiration: the performance it expects', unit: '0-1' },
  { match: /^audiences\.[a-z]+\.perceived$/, pattern: `audiences.${A}.perceived`, meaning: 'Perceived performance this month: the audience\'s weighted scores plus frame, news shocks and media noise (can leave 0-1)', unit: 'score' },
  { match: /^environment\.labourMarket$/, pattern: 'environment.labourMarket', meaning: 'Labour-market tightness lm (within about 0.009 to 50 for every valid input: docs/model.md 7.20)', unit: 'vacancies per unemployed' },
  { match: /^environment\.vacancies$/, pattern: 'environment.vacancies', meaning: 'Vacancy pool this month (before the share open to the target group, accessShare)', unit: 'vacancies/month' },
  { match: /^environment\.employerGoodwill$/, pattern: 'environment.employerGoodwill', meaning: 'Employer goodwill E (also the partner network\'s legitimacy)', unit: '0-1' },
  { match: /^environment\.staffFte$/, pattern: 'environment.staffFte', meaning: 'Consultants at work in the werkbedrijf (0.5 to twice the parameter `staffFte`)', unit: 'FTE' },
  { match: /^environment\.staffMorale$/, pattern: 'environment.staffMorale', meaning: 'Staff morale', unit: '0-1' },
  { match: /^environment\.methodQuality$/, pattern: 'environment.methodQuality', meaning: 'Method quality q (the effective quality is q x sqrt(alignment))', unit: '0-1' },
  { match: /^environment\.kappa$/, pattern: 'environment.kappa', meaning: 'Creaming pressure kappa this month (0 = by need, 1 = by chance)', unit: '0-1' },
  { match: /^environment\.strictness$/, pattern: 'environment.strictness', meaning: 'Enforcement of obligations (the strictness parameter)', unit: '0-1' },
  { match: /^environment\.slots$/, pattern: 'environment.slots', meaning: 'Service slots (a trajectory takes one, a participation place half)', unit: 'slots' },
  { match: /^budgets\.(buig|reintegration|lks)Year$/, pattern: 'budgets.{buig,reintegration,lks}Year', meaning: 'This year\'s BUIG, re-integration and wage-cost-subsidy budgets (grants found during the year included). In the rows of months 12, 24, ... they already hold next year\'s budgets', unit: 'euro/year' },
  { match: /^budgets\.(buig|reintegration|lks)SpendYtd$/, pattern: 'budgets.{buig,reintegration,lks}SpendYtd', meaning: 'Spending so far this year; 0 in the rows of months 12, 24, ..., where the budget year has just closed', unit: 'euro' },
  { match: /^flows\.inflow$/, pattern: 'flows.inflow', meaning: 'New clients this month (re-entries not included)', unit: 'clients/month' },
  { match: /^flows\.toWork$/, pattern: 'flows.toWork', meaning: 'Job starts this month, regular and subsidised (LKS)', unit: 'clients/month' },
  { match: /^flows\.otherExits$/, pattern: 'flows.otherExits', meaning: 'Exits for other reasons, state pension (AOW) included', unit: 'clients/month' },
  { match: /^flows\.reentries$/, pattern: 'flows.reentries', meaning: 'Returns to bijstand from work or from an ended wage subsidy', unit: 'clients/month' },
  { match: /^flows\.(sanctions|wrongfulSanctions)$/, pattern: 'flows.{sanctions,wrongfulSanctions}', meaning: 'Sanctions imposed this month, and how many of them were wrongful', unit: 'sanctions/month' },
  { match: /^flows\.ladderSteps$/, pattern: 'flows.ladderSteps', meaning: 'Net steps on the participatieladder (up minus down)', unit: 'steps/month' },
  { match: /^stock$/, pattern: 'stock', meaning: 'Caseload: clients on benefit (no service, trajectory or participation); clients in a subsidised job are not counted', unit: 'clients' },
  { match: /^twin\.stock$/, pattern: 'twin.stock', meaning: 'The benchmark twin\'s caseload', unit: 'clients' },
  { match: /^twin\.toWork$/, pattern: 'twin.toWork', meaning: 'The twin\'s job starts this month', unit: 'clients/month' },
  { match: /^twin\.composite$/, pattern: 'twin.composite', meaning: 'The twin\'s composite score (judged against its own history)', unit: '0-1' },
  { match: /^composite$/, pattern: 'composite', meaning: 'Composite public value: the unweighted mean of the eleven scores z_k', unit: '0-1' },
  { match: /^loop\.levels\.(performance|perception|legitimacy|resources|capacity)$/, pattern: 'loop.levels.{performance,perception,legitimacy,resources,capacity}', meaning: 'Levels of the five stations of the success loop', unit: '0-1' },
  { match: /^loop\.gain$/, pattern: 'loop.gain', meaning: 'Loop gain G: growth of the performance deviation from par over six months (1 in the first eight months)', unit: 'ratio' },
  { match: /^loop\.regime$/, pattern: 'loop.regime', meaning: 'virtuous (G > 1, above par), vicious (G > 1, below par) or damped (G <= 1)', unit: 'text' },
  { match: /^loop\.balancing\.(aspirations|budgetCeiling|harderClients|scandalHazard)$/, pattern: 'loop.balancing.{aspirations,budgetCeiling,harderClients,scandalHazard}', meaning: 'Balancing pressures: mean audience aspiration (B1), budget pressure (B3), tier 3-4 share of the caseload (B2), scandal rate a year x luck intensity (B5)', unit: '0-1' },
  { match: /^loop\.flows\.[1-5]$/, pattern: 'loop.flows.{1..5}', meaning: 'Flow along each arrow, as this month\'s change of the station it points to: 1 performance->perception, 2 perception->legitimacy, 3 legitimacy->resources, 4 resources->capacity, 5 capacity->performance', unit: 'change/month' },
  { match: /^caseload\.(benefit|trajectory|participation|subsidised|employed)\.tier[1-4]$/, pattern: 'caseload.{benefit,trajectory,participation,subsidised,employed}.tier{1..4}', meaning: 'Head count by status and distance tier at the end of the month (employed: ex-clients followed for re-entry, up to five years)', unit: 'clients' },
  { match: /^caseload\.exited\.tier[1-4]$/, pattern: 'caseload.exited.tier{1..4}', meaning: 'Not a head count: tier1 holds the cumulative number of clients who left for good since the start (other exits and pensions from bijstand, and clients out of sight after a job); tiers 2-4 are always 0', unit: 'clients' },
  { match: /^z\.[A-Za-z]+$/, pattern: `z.{${INDICATORS.map((s) => s.id).join(',')}}`, meaning: 'Normalised indicator scores z_k = sigmoid(sign (x_k - benchmark_k) / scale_k); 0.5 = as good as the benchmark', unit: '0-1' },
  { match: /^events\.count$/, pattern: 'events.count', meaning: 'Number of events logged this month', unit: 'count' },
  { match: /^events$/, pattern: 'events', meaning: 'Types of this month\'s events, joined by ";" (details in summary.json)', unit: 'text' },
];

/** The baseline scenario, run for two months with seed 1: enough to list the columns. */
export function baselineColumns(months = 2): string[] {
  const scenario = parseScenario(JSON.parse(readFileSync(join(ROOT, 'scenarios', 'baseline.json'), 'utf8')), 'scenarios/baseline.json');
  const sim = new Simulation({ scenario, seed: 1, months });
  sim.run();
  return monthlyColumns(sim.snapshots[0]);
}

export function columnsSection(columns: readonly string[]): string {
  const byFamily = new Map<ColumnFamily, string[]>();
  for (const col of columns) {
    const fam = COLUMN_FAMILIES.find((f) => f.match.test(col));
    if (!fam) throw new Error(`monthly.csv column "${col}" belongs to no documented family: add one to COLUMN_FAMILIES in scripts/gen-docs.ts`);
    const list = byFamily.get(fam) ?? [];
    list.push(col);
    byFamily.set(fam, list);
  }
  const out = [`${columns.length} columns, in this order (families in order of first appearance).`, '', '| Columns | n | Meaning | Unit |', '|---|---|---|---|'];
  for (const [fam, cols] of byFamily) out.push(`| \`${fam.pattern}\` | ${cols.length} | ${cell(fam.meaning)} | ${cell(fam.unit)} |`);
  out.push('', '<details><summary>All columns, in file order</summary>', '', '```text', columns.join('\n'), '```', '', '</details>');
  return out.join('\n');
}

// ------------------------------------------------------------------------------------------------
// docs/outputs.md: summary.json fields

/** Field paths of summary.json, with record keys collapsed (<manager>, <audience>, <status>) and arrays as []. */
export function summaryPaths(value: unknown, prefix = ''): string[] {
  const sameKeys = (keys: string[], ids: readonly string[]) => keys.length === ids.length && ids.every((id) => keys.includes(id));
  if (Array.isArray(value)) {
    if (prefix === 'events') return [prefix];
    const first: unknown = value[0];
    if (first !== null && typeof first === 'object' && !Array.isArray(first)) return summaryPaths(first, `${prefix}[]`);
    return [prefix];
  }
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value);
    const obj = value as Record<string, unknown>;
    for (const [ids, name] of [[MANAGER_IDS, '<manager>'], [AUDIENCE_IDS, '<audience>'], [STATUSES, '<status>']] as const) {
      if (sameKeys(keys, ids)) return summaryPaths(obj[ids[0]], prefix ? `${prefix}.${name}` : name);
    }
    return keys.flatMap((k) => summaryPaths(obj[k], prefix ? `${prefix}.${k}` : k));
  }
  return [prefix];
}

/** What each summary.json field means. A field missing here, or an entry for a field that no longer exists, is an error. */
export const SUMMARY_FIELDS: Record<string, string> = {
  'meta.model': 'Always "meerwaarde"',
  'meta.modelVersion': 'Version of the model\'s equations and defaults (src/model/version.ts); it changes whenever the same input gives other output',
  'meta.seed': 'Master seed of the run (the five streams are derived from it)',
  'meta.months': 'Months simulated',
  'meta.scenarioId': 'The scenario\'s id',
  'meta.scenarioHash': 'SHA-256 of the canonical JSON (sorted keys, $schema left out) of the effective scenario, player controls included',
  'meta.generator': 'The random generator (Alea from seedrandom 3.0.5, one stream per concern)',
  'meta.streams': 'Names of the random streams: env, clients, decisions, politics, media',
  'scenario.id': 'The scenario\'s id',
  'scenario.title.nl': 'Title in Dutch',
  'scenario.title.en': 'Title in English',
  'publicValueAccount.costs.financialCosts.benefitEuro': 'Benefit (BUIG) spending over the run',
  'publicValueAccount.costs.financialCosts.reintegrationEuro': 'Re-integration spending (trajectories and participation places) over the run',
  'publicValueAccount.costs.financialCosts.wageSubsidyEuro': 'Wage-cost subsidy (LKS) spending over the run',
  'publicValueAccount.costs.financialCosts.totalEuro': 'Sum of the three',
  'publicValueAccount.costs.financialCosts.programmeEuroPerJobStart': '(Re-integration + LKS spending) / job starts over the run',
  'publicValueAccount.costs.financialCosts.score': 'z of costEfficiency in the last month',
  'publicValueAccount.costs.unintendedNegativeConsequences.reentries': 'Re-entries over the run',
  'publicValueAccount.costs.unintendedNegativeConsequences.parkedClients': 'Tier 3-4 clients on benefit without contact for over 12 months, at the end',
  'publicValueAccount.costs.unintendedNegativeConsequences.displacedJobsAtEnd': 'Regular jobs displaced at the end of the run by the subsidised jobs then held (subsidised x displaceFactor; a stock, not a sum)',
  'publicValueAccount.costs.unintendedNegativeConsequences.score': 'z of unintendedNeg in the last month',
  'publicValueAccount.costs.socialCostsOfAuthority.sanctions': 'Sanctions over the run',
  'publicValueAccount.costs.socialCostsOfAuthority.wrongfulSanctions': 'Wrongful sanctions over the run',
  'publicValueAccount.costs.socialCostsOfAuthority.score': 'z of authorityUse in the last month',
  'publicValueAccount.achievements.missionAchievement.jobStarts': 'Job starts over the run (regular and subsidised)',
  'publicValueAccount.achievements.missionAchievement.durableExits': 'Jobs held for 12 months, subsidised or regular (subsidised jobs of the starting stock included when they reach 12 months)',
  'publicValueAccount.achievements.missionAchievement.subsidisedJobs': 'Job starts with a wage-cost subsidy',
  'publicValueAccount.achievements.missionAchievement.banenafspraakJobs': 'Jobs for the banenafspraak target group (subsidised, or distance >= 0.55 at the start)',
  'publicValueAccount.achievements.missionAchievement.ladderStepsNet': 'Net participatieladder steps over the run',
  'publicValueAccount.achievements.missionAchievement.caseloadBelowTwin': 'Twin caseload minus own caseload at the end',
  'publicValueAccount.achievements.missionAchievement.score': 'Mean z of workOutflow, participation, caseloadReduction and banenafspraak',
  'publicValueAccount.achievements.unintendedPositiveConsequences.meanWellbeing': 'Mean wellbeing of the caseload at the end',
  'publicValueAccount.achievements.unintendedPositiveConsequences.wellbeingChange': 'Change against the initial stock\'s mean wellbeing',
  'publicValueAccount.achievements.unintendedPositiveConsequences.score': 'z of wellbeing',
  'publicValueAccount.achievements.clientSatisfaction.meanSatisfaction': 'Mean satisfaction of the caseload at the end',
  'publicValueAccount.achievements.clientSatisfaction.score': 'z of clientSat',
  'publicValueAccount.achievements.justiceAndFairness.fairnessIndex': 'The fairness indicator x_7 at the end',
  'publicValueAccount.achievements.justiceAndFairness.wrongfulShareOfSanctions': 'Wrongful share of the sanctions of the last 12 months',
  'publicValueAccount.achievements.justiceAndFairness.score': 'z of fairness',
  'indicators[].id': 'Indicator id (docs/model.md, section 9)',
  'indicators[].pva': 'Its category in Moore\'s public value account',
  'indicators[].unit': 'Unit of the raw value',
  'indicators[].value': 'Raw value x_k in the last month (12-month rolling where it is a flow)',
  'indicators[].benchmark': 'The benchmark it was judged against',
  'indicators[].score': 'Normalised score z_k',
  'tables.outcomeProcess.individualOutcome': 'Deck table B: mean z of the indicators in the cell',
  'tables.outcomeProcess.individualProcess': 'Deck table B',
  'tables.outcomeProcess.collectiveOutcome': 'Deck table B',
  'tables.outcomeProcess.collectiveProcess': 'Deck table B',
  'tables.materialImmaterial.individualMaterial': 'Deck table A: mean z of the indicators in the cell',
  'tables.materialImmaterial.individualImmaterial': 'Deck table A',
  'tables.materialImmaterial.collectiveMaterial': 'Deck table A',
  'tables.materialImmaterial.collectiveImmaterial': 'Deck table A',
  'dimensions.programmatic.score': 'Programmatic success: mean z of workOutflow, participation, banenafspraak, wellbeing, unintendedNeg',
  'dimensions.programmatic.label': 'McConnell label: success, resilient, conflicted, precarious or failure',
  'dimensions.process.score': 'Process success: mean z of clientSat, fairness, partnership, costEfficiency, authorityUse',
  'dimensions.process.label': 'McConnell label',
  'dimensions.political.score': 'Political success: power-weighted mean support of the audiences at the end',
  'dimensions.political.label': 'McConnell label',
  'dimensions.endurance.score': 'Endurance: share of the last 48 months with composite >= 0.5, times (1 - volatility)',
  'dimensions.endurance.label': 'McConnell label',
  'labelScale[].label': 'The label scale every dimension and verdict uses, best first: success, resilient, conflicted, precarious, failure',
  'labelScale[].min': 'The lowest score (0-1) that earns this label; a score gets the first label whose min it reaches',
  'funnel.meaningfulOutcomes': 'Douglas et al. gate 1: programmatic >= 0.5',
  'funnel.prudentUseOfPower': 'Gate 2: z of authorityUse >= 0.5 and z of fairness >= 0.5',
  'funnel.sustained': 'Gate 3: endurance >= 0.5',
  'verdicts.managers.<manager>.score': 'Each manager\'s verdict: last month\'s scores weighted by the manager\'s own values',
  'verdicts.managers.<manager>.label': 'McConnell label of that verdict',
  'verdicts.audiences.<audience>.score': 'Each audience\'s verdict: scores weighted by the audience\'s values',
  'verdicts.audiences.<audience>.label': 'McConnell label of that verdict',
  'triangles.managers.<manager>.value': 'The manager\'s corners at the end',
  'triangles.managers.<manager>.capacity': 'Capacity corner',
  'triangles.managers.<manager>.legitimacy': 'Legitimacy corner',
  'triangles.managers.<manager>.balance': 'Balance of the triangle',
  'triangles.managers.<manager>.area': 'Area of the triangle',
  'triangles.municipality.value': 'Meta triangle at the end: value',
  'triangles.municipality.capacity': 'Meta capacity',
  'triangles.municipality.legitimacy': 'Meta legitimacy',
  'triangles.municipality.balance': 'Balance of the meta triangle',
  'triangles.municipality.area': 'Area of the meta triangle',
  'triangles.municipality.alignment': 'Alignment at the end',
  'successLoop.gain': 'Loop gain in the last month',
  'successLoop.regime': 'Regime in the last month',
  'successLoop.monthsVirtuous': 'Months in a virtuous spiral',
  'successLoop.monthsVicious': 'Months in a vicious spiral',
  'successLoop.monthsDamped': 'Months damped',
  'twin.stock': 'The twin\'s caseload at the end',
  'twin.jobStarts': 'The twin\'s job starts over the run',
  'composite.final': 'Composite public value at the end: the mean of the eleven indicator scores (0.5 = as good as the benchmark)',
  'composite.mean': 'Composite public value averaged over all months of the run',
  'twin.composite': 'The twin\'s composite at the end',
  'twin.strategyEffect.stock': 'Own caseload minus the twin\'s (negative = fewer people on benefit)',
  'twin.strategyEffect.jobStarts': 'Own job starts minus the twin\'s',
  'twin.strategyEffect.composite': 'Own composite minus the twin\'s',
  'politics.aldermanFalls': 'Political falls of the alderman (mid-term loss of confidence; election defeats not counted)',
  'politics.aldermanFallMonths': 'Months (0-based) of those falls',
  'politics.elections': 'Elections held',
  'politics.aldermen': 'Aldermen who held the portfolio, the first included',
  'patterns.yearlyExitUnder12Months': 'Yearly exit rate (all reasons) of clients less than 12 months on benefit',
  'patterns.yearlyExit12To36Months': 'Same, 12 to 36 months',
  'patterns.yearlyExitOver36Months': 'Same, over 36 months',
  'patterns.durationDependenceRatio': 'Under-12 rate / over-36 rate (pattern: 2-3)',
  'patterns.reentryWithin12Months': 'Share of job starts (with a full year of follow-up) back on bijstand within 12 months (pattern: 15-25%)',
  'patterns.yearlyOutflowToWork': 'Job starts a year / mean caseload (pattern: 6-12%)',
  'patterns.yearlyOutflowTotal': '(Job starts + other exits) a year / mean caseload (pattern: 18-30%)',
  'patterns.yearlyInflow': 'New clients a year / mean caseload (re-entries not included)',
  'caseload.stock': 'Caseload at the end',
  'caseload.byStatusAndTier.<status>': 'Head counts by status, tiers 1-4, at the end (exited: see monthly.csv caseload_exited)',
  events: 'The event log: every event of the run (fields below)',
};

export function baselineSummary(months = 12): Summary {
  const scenario = parseScenario(JSON.parse(readFileSync(join(ROOT, 'scenarios', 'baseline.json'), 'utf8')), 'scenarios/baseline.json');
  const sim = new Simulation({ scenario, seed: 1, months });
  sim.run();
  return sim.summary();
}

export function summarySection(summary: Summary): string {
  const paths = summaryPaths(summary);
  const missing = paths.filter((p) => !(p in SUMMARY_FIELDS));
  if (missing.length > 0) throw new Error(`summary.json fields without a description: ${missing.join(', ')}; add them to SUMMARY_FIELDS in scripts/gen-docs.ts`);
  const stale = Object.keys(SUMMARY_FIELDS).filter((p) => !paths.includes(p));
  if (stale.length > 0) throw new Error(`SUMMARY_FIELDS describes fields summary.json no longer has: ${stale.join(', ')}`);
  const out = ['| Field | Meaning |', '|---|---|'];
  for (const p of paths) out.push(`| \`${p}\` | ${cell(SUMMARY_FIELDS[p])} |`);
  return out.join('\n');
}

// ------------------------------------------------------------------------------------------------
// Putting it together

export interface GeneratedDoc {
  file: string;
  sections: Record<string, string>;
}

/** Every generated section, by file (paths relative to the repository root). */
export function generatedSections(): GeneratedDoc[] {
  return [
    { file: 'docs/model.md', sections: { params: paramTable(), values: valuesTables() } },
    { file: 'docs/outputs.md', sections: { columns: columnsSection(baselineColumns()), summary: summarySection(baselineSummary()) } },
  ];
}

export function main(): void {
  for (const doc of generatedSections()) {
    const path = join(ROOT, doc.file);
    const before = readFileSync(path, 'utf8');
    let text = before;
    for (const [name, body] of Object.entries(doc.sections)) text = replaceSection(text, name, body);
    if (text !== before) {
      writeFileSync(path, text);
      process.stdout.write(`updated ${doc.file}\n`);
    } else process.stdout.write(`${doc.file} is up to date\n`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
