// The environment: the labour market, and luck and bad luck ("Geluk / Pech") as events.
// Exogenous draws come from the env stream in a fixed number per month, whatever the policy, so the
// benchmark twin and every strategy meet the same luck (common random numbers).
import { exp, sin } from './detmath';
import { clamp01 } from './clients';
import { BUIG_SHOCK_MAX, saturateLabourMarket } from './bounds';
import { missionAchievement } from './indicators';
import { GOOD_LUCK, type LuckEvent } from './types';
import { logEvent, type World } from './world';
import type { ParamName } from './params';

const EXOGENOUS: { type: LuckEvent; rate: ParamName }[] = [
  { type: 'recession', rate: 'rateRecession' },
  { type: 'boom', rate: 'rateBoom' },
  { type: 'employerClosure', rate: 'rateEmployerClosure' },
  { type: 'employerOpening', rate: 'rateEmployerOpening' },
  { type: 'windfallGrant', rate: 'rateWindfallGrant' },
  { type: 'nationalBudgetChange', rate: 'rateNationalBudgetChange' },
  { type: 'keyStaffDeparture', rate: 'rateKeyStaffDeparture' },
  { type: 'partnerCrisis', rate: 'ratePartnerCrisis' },
];

const EVENT_TEXT: Record<LuckEvent, string> = {
  recession: 'Recession: the labour market slackens and inflow rises',
  boom: 'Boom: the labour market tightens',
  employerClosure: 'A big employer closes: extra inflow, employers less willing',
  employerOpening: 'A big employer opens: jobs carved for the target group',
  windfallGrant: 'Windfall grant: extra re-integration money',
  nationalBudgetChange: 'National budget change: next year\'s BUIG shifts',
  mediaScandal: 'Media scandal: support falls, the alderman is at risk',
  positiveStory: 'Positive story in the media: public support rises',
  keyStaffDeparture: 'Key staff leave: fewer consultants, weaker methods',
  partnerCrisis: 'Partner crisis: fewer vacancies reach the target group',
};

/** Updates the labour market and vacancies (reference 6.7.1). */
export function labourMarket(w: World): void {
  const p = w.params;
  w.lmX = saturateLabourMarket(p.lmPhi * w.lmX + p.lmSigma * w.rng.env.normal());
  const cycle = p.cycleAmp * sin((2 * Math.PI * (w.t + p.cyclePhase)) / p.cyclePeriod);
  w.lm = p.lm0 * exp(w.lmX + cycle);
  const carved = effectSum(w, 'carvedJobs') + w.carved;
  const access = Math.max(0, 1 + effectSum(w, 'partnerAccess'));
  w.vacPool = p.vacPerClient * p.N0 * w.lm * (0.5 + w.employerGoodwill) * (1 + carved) * access;
}

export function effectSum(w: World, kind: World['effects'][number]['kind']): number {
  let s = 0;
  for (const e of w.effects) if (e.kind === kind && e.until > w.t) s += e.amount;
  return s;
}

export function expireEffects(w: World): void {
  if (w.effects.length > 0) w.effects = w.effects.filter((e) => e.until > w.t);
}

/** Draws this month's exogenous luck (env stream) and the partly earned media events (media stream). */
export function drawLuck(w: World): void {
  const p = w.params;
  const intensity = p.luckIntensity;
  for (const ev of EXOGENOUS) {
    const u = w.rng.env.next();
    const size = w.rng.env.next();
    if (u < (p[ev.rate] / 12) * intensity) applyLuck(w, ev.type, 1, size, false);
  }
  const budgetNoise = w.rng.env.normal(); // drawn every month to keep the stream aligned
  w.budgetNoise = budgetNoise;
  // partly earned: scandals feed on wrongful sanctions and parking, stories on results
  const scandalRate = p.scandalBase + p.scandalWrongful * w.wrongfulRateYear * 100 + p.scandalParking * w.parkingShare;
  w.scandalRateYear = scandalRate;
  const mission = missionAchievement(w.z);
  const storyRate = p.storyBase * Math.max(0, mission - 0.5) * 4;
  const us = w.rng.media.next();
  const sizeS = w.rng.media.next();
  const up = w.rng.media.next();
  const sizeP = w.rng.media.next();
  if (us < (scandalRate / 12) * intensity) applyLuck(w, 'mediaScandal', 1, sizeS, false);
  if (up < (storyRate / 12) * intensity) applyLuck(w, 'positiveStory', 1, sizeP, false);
}

/** Applies one luck or bad-luck event of a given magnitude (1 = default size); u in [0,1) sets the size within its range. */
export function applyLuck(w: World, type: LuckEvent, magnitude: number, u: number, scheduled: boolean): void {
  const p = w.params;
  const m = magnitude;
  let size = m;
  switch (type) {
    case 'recession':
      w.lmX = saturateLabourMarket(w.lmX - 0.5 * m);
      w.effects.push({ until: w.t + 12, kind: 'inflowMult', amount: 0.3 * m });
      break;
    case 'boom':
      w.lmX = saturateLabourMarket(w.lmX + 0.3 * m);
      break;
    case 'employerClosure': {
      size = (0.01 + 0.02 * u) * m;
      w.effects.push({ until: w.t + 6, kind: 'extraInflow', amount: (size * p.N0) / 6 });
      w.employerGoodwill = clamp01(w.employerGoodwill - 0.05 * m);
      break;
    }
    case 'employerOpening':
      w.effects.push({ until: w.t + 12, kind: 'carvedJobs', amount: 0.1 * m });
      break;
    case 'windfallGrant': {
      size = (0.1 + 0.3 * u) * m;
      const grant = size * w.reint0;
      w.reintYear += grant;
      w.grantsYtd += grant;
      w.ledger.grants += grant;
      break;
    }
    case 'nationalBudgetChange':
      size = 0.04 * m * w.budgetNoise;
      w.buigShockNext = Math.max(-BUIG_SHOCK_MAX, Math.min(BUIG_SHOCK_MAX, w.buigShockNext + size));
      break;
    case 'mediaScandal': {
      size = m * (0.15 + 0.2 * u);
      shiftSupport(w, 'public', -size);
      shiftSupport(w, 'council', -size * 0.7);
      w.managers.W.credibility = clamp01(w.managers.W.credibility - 0.1 * m);
      w.scandalThisMonth = true;
      w.scandalRelief += 0.1 * m;
      break;
    }
    case 'positiveStory':
      size = m * (0.05 + 0.1 * u);
      shiftSupport(w, 'public', size);
      shiftSupport(w, 'council', size * 0.3);
      break;
    case 'keyStaffDeparture':
      size = 0.05 * m;
      w.staffFte = Math.max(0.5, w.staffFte * (1 - size));
      w.methodQuality = clamp01(w.methodQuality - 0.05 * m);
      break;
    case 'partnerCrisis':
      w.effects.push({ until: w.t + 12, kind: 'partnerAccess', amount: -0.1 * m });
      w.employerGoodwill = clamp01(w.employerGoodwill - 0.03 * m);
      break;
  }
  const sign = GOOD_LUCK.has(type) ? 1 : type === 'nationalBudgetChange' ? (size >= 0 ? 1 : -1) : -1;
  if (sign < 0) w.negativeEventThisQuarter = true;
  logEvent(w, { kind: 'luck', type, sign, scheduled, magnitude: round4(size), text: EVENT_TEXT[type] });
}

export function shiftSupport(w: World, id: keyof World['audiences'], delta: number): void {
  const a = w.audiences[id];
  a.support = clamp01(a.support + delta);
}

export function round4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
