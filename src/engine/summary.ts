// summary.json: Moore's public value account (raw units and scores), the deck's two 2x2 tables, the four
// success dimensions with McConnell labels, every stakeholder's verdict, the triangles, the success loop,
// the comparison with the benchmark twin, politics, the calibration patterns and the event log.
import { pow } from '../model/detmath';
import { areaOf, balanceOf } from '../model/meta';
import { missionAchievement, programmaticScore } from '../model/indicators';
import { STREAM_NAMES } from '../model/random';
import { AUDIENCE_IDS, MANAGER_IDS, STATUSES, type AudienceId, type EventLogEntry, type ManagerId, type McConnellLabel, type Verdict } from '../model/types';
import { dot, INDICATORS } from '../model/values';
import { MODEL_VERSION } from '../model/version';
import { scenarioHash } from '../scenario/parse';
import type { Simulation } from './simulation';

/**
 * The McConnell label scale, best first: a score (0-1, 0.5 = as good as the benchmark twin) gets the first
 * label whose minimum it reaches. One source for the labels in summary.json (`labelScale`) and in the views.
 * Calibrated on the baseline (docs/model.md, section 1): "conflicted" is the middle band around par, and
 * across seeds the baseline's dimensions and verdicts spread over all five labels.
 */
export const LABEL_SCALE: readonly { readonly label: McConnellLabel; readonly min: number }[] = [
  { label: 'success', min: 0.58 },
  { label: 'resilient', min: 0.52 },
  { label: 'conflicted', min: 0.48 },
  { label: 'precarious', min: 0.42 },
  { label: 'failure', min: 0 },
];

export function label(score: number): McConnellLabel {
  for (const step of LABEL_SCALE) if (score >= step.min) return step.label;
  return 'failure';
}

const verdict = (score: number): Verdict => ({ score, label: label(score) });
const mean = (xs: number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

export interface Summary {
  meta: {
    model: 'meerwaarde';
    modelVersion: string;
    seed: number;
    months: number;
    scenarioId: string;
    scenarioHash: string;
    generator: string;
    streams: string[];
  };
  scenario: { id: string; title: { nl: string; en: string } };
  publicValueAccount: {
    costs: {
      financialCosts: { benefitEuro: number; reintegrationEuro: number; wageSubsidyEuro: number; totalEuro: number; programmeEuroPerJobStart: number; score: number };
      unintendedNegativeConsequences: { reentries: number; parkedClients: number; displacedJobsAtEnd: number; score: number };
      socialCostsOfAuthority: { sanctions: number; wrongfulSanctions: number; score: number };
    };
    achievements: {
      missionAchievement: { jobStarts: number; durableExits: number; subsidisedJobs: number; banenafspraakJobs: number; ladderStepsNet: number; caseloadBelowTwin: number; score: number };
      unintendedPositiveConsequences: { meanWellbeing: number; wellbeingChange: number; score: number };
      clientSatisfaction: { meanSatisfaction: number; score: number };
      justiceAndFairness: { fairnessIndex: number; wrongfulShareOfSanctions: number; score: number };
    };
  };
  /** composite public value: the mean of the eleven indicator scores (0-1, 0.5 = as good as the benchmark) */
  composite: { final: number; mean: number };
  indicators: { id: string; pva: string; unit: string; value: number; benchmark: number; score: number }[];
  tables: {
    outcomeProcess: { individualOutcome: number; individualProcess: number; collectiveOutcome: number; collectiveProcess: number };
    materialImmaterial: { individualMaterial: number; individualImmaterial: number; collectiveMaterial: number; collectiveImmaterial: number };
  };
  dimensions: { programmatic: Verdict; process: Verdict; political: Verdict; endurance: Verdict };
  /** the label scale every verdict and dimension uses (best first; a score gets the first label whose min it reaches) */
  labelScale: { label: McConnellLabel; min: number }[];
  funnel: { meaningfulOutcomes: boolean; prudentUseOfPower: boolean; sustained: boolean };
  verdicts: { managers: Record<ManagerId, Verdict>; audiences: Record<AudienceId, Verdict> };
  triangles: {
    managers: Record<ManagerId, { value: number; capacity: number; legitimacy: number; balance: number; area: number }>;
    municipality: { value: number; capacity: number; legitimacy: number; balance: number; area: number; alignment: number };
  };
  successLoop: { gain: number; regime: string; monthsVirtuous: number; monthsVicious: number; monthsDamped: number };
  twin: {
    stock: number;
    jobStarts: number;
    composite: number;
    strategyEffect: { stock: number; jobStarts: number; composite: number };
  };
  politics: { aldermanFalls: number; aldermanFallMonths: number[]; elections: number; aldermen: number };
  patterns: {
    yearlyExitUnder12Months: number;
    yearlyExit12To36Months: number;
    yearlyExitOver36Months: number;
    durationDependenceRatio: number;
    reentryWithin12Months: number;
    yearlyOutflowToWork: number;
    yearlyOutflowTotal: number;
    yearlyInflow: number;
  };
  caseload: { stock: number; byStatusAndTier: Record<string, [number, number, number, number]> };
  events: EventLogEntry[];
}

function perStock(flow: number, meanStock: number): number {
  return meanStock > 0 ? flow / meanStock : 0;
}

/** yearly rate from monthly exits over person-months at risk */
function yearly(exits: number, risk: number): number {
  if (risk <= 0) return 0;
  return 1 - pow(1 - exits / risk, 12);
}

export function buildSummary(sim: Simulation): Summary {
  const w = sim.world;
  const tw = sim.twinWorld;
  const snaps = sim.snapshots;
  const last = snaps[snaps.length - 1];
  if (!last) throw new RangeError('no month has been simulated yet');
  const z = last.z;
  const score = (id: string) => z[INDICATORS.findIndex((s) => s.id === id)];
  const L = w.ledger;
  const years = Math.max(1 / 12, snaps.length / 12);
  const meanStock = mean(snaps.map((s) => s.stock));
  const firstWellbeing = w.initialWellbeing;
  const stock = last.stock;

  const composites = snaps.map((s) => s.composite);
  const programmatic = programmaticScore(z);
  const processScore = (z[5] + z[6] + z[7] + z[8] + z[9]) / 5;
  const power = AUDIENCE_IDS.reduce((a, id) => a + w.audiences[id].power, 0);
  const politicalOf = (s: { audiences: Record<AudienceId, { support: number }> }) => AUDIENCE_IDS.reduce((a, id) => a + w.audiences[id].power * s.audiences[id].support, 0) / power;
  const political = politicalOf(w);
  // endurance: public value and support that last, averaged over the last 48 months (a council term)
  const term = snaps.slice(-48);
  const endurance = mean(term.map((s) => (s.composite + politicalOf(s)) / 2));

  const managers = {} as Summary['verdicts']['managers'];
  const triangles = {} as Summary['triangles']['managers'];
  for (const id of MANAGER_IDS) {
    const m = w.managers[id];
    managers[id] = verdict(dot(m.weights, z));
    const c = { value: m.V, capacity: m.C, legitimacy: m.L };
    triangles[id] = { ...c, balance: balanceOf(c), area: areaOf(c) };
  }
  const audiences = {} as Summary['verdicts']['audiences'];
  for (const id of AUDIENCE_IDS) audiences[id] = verdict(dot(w.audiences[id].weights, z));
  const metaC = last.meta.corners;

  const quad = (key: 'tableA' | 'tableB', cell: string) => mean(INDICATORS.map((s, k) => (s[key] === cell ? z[k] : NaN)).filter((v) => !Number.isNaN(v)));
  let startsFollowed = 0;
  let returned = 0;
  for (let m = 0; m + 12 <= snaps.length; m++) {
    startsFollowed += w.startsByMonth[m];
    returned += w.returnsWithin12[m];
  }
  const twinJobStarts = tw.ledger.jobStarts;
  const regimes = snaps.map((s) => s.loop.regime);
  const hard = last.caseload.benefit[2] + last.caseload.benefit[3];
  const parked = Math.round(w.parkingShare * (hard + last.caseload.trajectory[2] + last.caseload.trajectory[3] + last.caseload.participation[2] + last.caseload.participation[3]));
  const byStatus: Record<string, [number, number, number, number]> = {};
  for (const st of STATUSES) byStatus[st] = last.caseload[st];
  const sanctions12 = w.roll.yearly('sanctions');

  return {
    meta: {
      model: 'meerwaarde',
      modelVersion: MODEL_VERSION,
      seed: sim.seed,
      months: sim.months,
      scenarioId: sim.scenario.id,
      scenarioHash: scenarioHash(sim.effectiveScenario()),
      generator: 'alea (seedrandom 3.0.5), one stream per concern',
      streams: [...STREAM_NAMES],
    },
    scenario: { id: sim.scenario.id, title: sim.scenario.title },
    publicValueAccount: {
      costs: {
        financialCosts: {
          benefitEuro: L.benefitSpend,
          reintegrationEuro: L.reintSpend,
          wageSubsidyEuro: L.lksSpend,
          totalEuro: L.benefitSpend + L.reintSpend + L.lksSpend,
          programmeEuroPerJobStart: (L.reintSpend + L.lksSpend) / Math.max(1, L.jobStarts),
          score: score('costEfficiency'),
        },
        unintendedNegativeConsequences: { reentries: L.reentries, parkedClients: parked, displacedJobsAtEnd: L.displacedJobsNow, score: score('unintendedNeg') },
        socialCostsOfAuthority: { sanctions: L.sanctions, wrongfulSanctions: L.wrongfulSanctions, score: score('authorityUse') },
      },
      achievements: {
        missionAchievement: {
          jobStarts: L.jobStarts,
          durableExits: L.durableExits,
          subsidisedJobs: L.subsidisedStarts,
          banenafspraakJobs: L.banenafspraakJobs,
          ladderStepsNet: L.ladderUp - L.ladderDown,
          caseloadBelowTwin: last.twin.stock - stock,
          score: missionAchievement(z),
        },
        unintendedPositiveConsequences: { meanWellbeing: w.x[4], wellbeingChange: w.x[4] - firstWellbeing, score: score('wellbeing') },
        clientSatisfaction: { meanSatisfaction: w.x[5], score: score('clientSat') },
        justiceAndFairness: { fairnessIndex: w.x[6], wrongfulShareOfSanctions: sanctions12 > 0 ? w.roll.yearly('wrongful') / sanctions12 : 0, score: score('fairness') },
      },
    },
    composite: { final: last.composite, mean: mean(composites) },
    indicators: INDICATORS.map((s, k) => ({ id: s.id, pva: s.pva, unit: s.unit, value: w.x[k], benchmark: w.bench[k], score: z[k] })),
    tables: {
      outcomeProcess: {
        individualOutcome: quad('tableB', 'individualOutcome'),
        individualProcess: quad('tableB', 'individualProcess'),
        collectiveOutcome: quad('tableB', 'collectiveOutcome'),
        collectiveProcess: quad('tableB', 'collectiveProcess'),
      },
      materialImmaterial: {
        individualMaterial: quad('tableA', 'individualMaterial'),
        individualImmaterial: quad('tableA', 'individualImmaterial'),
        collectiveMaterial: quad('tableA', 'collectiveMaterial'),
        collectiveImmaterial: quad('tableA', 'collectiveImmaterial'),
      },
    },
    dimensions: { programmatic: verdict(programmatic), process: verdict(processScore), political: verdict(political), endurance: verdict(endurance) },
    labelScale: LABEL_SCALE.map((step) => ({ label: step.label, min: step.min })),
    funnel: { meaningfulOutcomes: programmatic >= 0.5, prudentUseOfPower: score('authorityUse') >= 0.5 && score('fairness') >= 0.5, sustained: endurance >= 0.5 },
    verdicts: { managers, audiences },
    triangles: { managers: triangles, municipality: { ...metaC, balance: last.meta.balance, area: last.meta.area, alignment: last.meta.alignment } },
    successLoop: {
      gain: last.loop.gain,
      regime: last.loop.regime,
      monthsVirtuous: regimes.filter((r) => r === 'virtuous').length,
      monthsVicious: regimes.filter((r) => r === 'vicious').length,
      monthsDamped: regimes.filter((r) => r === 'damped').length,
    },
    twin: {
      stock: last.twin.stock,
      jobStarts: twinJobStarts,
      composite: last.twin.composite,
      strategyEffect: { stock: stock - last.twin.stock, jobStarts: L.jobStarts - twinJobStarts, composite: last.composite - last.twin.composite },
    },
    politics: { aldermanFalls: w.aldermanFalls, aldermanFallMonths: [...w.aldermanFallMonths], elections: w.elections, aldermen: w.aldermenServed },
    patterns: {
      yearlyExitUnder12Months: yearly(w.exitsByDur[0], w.riskByDur[0]),
      yearlyExit12To36Months: yearly(w.exitsByDur[1], w.riskByDur[1]),
      yearlyExitOver36Months: yearly(w.exitsByDur[2], w.riskByDur[2]),
      durationDependenceRatio: yearly(w.exitsByDur[0], w.riskByDur[0]) / Math.max(1e-9, yearly(w.exitsByDur[2], w.riskByDur[2])),
      reentryWithin12Months: startsFollowed > 0 ? returned / startsFollowed : 0,
      // per client on bijstand a year (0 when nobody was on bijstand all run)
      yearlyOutflowToWork: perStock(L.jobStarts / years, meanStock),
      yearlyOutflowTotal: perStock((L.jobStarts + L.otherExits) / years, meanStock),
      yearlyInflow: perStock(L.inflow / years, meanStock),
    },
    caseload: { stock, byStatusAndTier: byStatus },
    events: w.eventLog.slice(),
  };
}

