// The model's state space: the limits its state stays within for every input the schema accepts, and the
// saturation rules that keep extreme combinations inside them (docs/model.md, section 7.20). Each rule binds
// only far from the defaults: the library scenarios never reach one, so their outputs are unchanged.
import { exp } from './detmath';
import { PARAM_SPECS } from './params';

/** N0's basis: 3.6% of the inhabitants aged 18 to the AOW age are on bijstand (CBS 2024). */
export const BIJSTAND_DENSITY = 0.036;

/**
 * The inhabitants aged 18 to the AOW age, the most people the model can track at once: everyone on
 * bijstand, in a service, in a subsidised job or followed at work is one of them. New clients come from the
 * rest, so the inflow stops when none are left.
 */
export function inhabitants(N0: number): number {
  return Math.ceil(N0 / BIJSTAND_DENSITY);
}

/**
 * The labour market's log deviation from its normal tightness, lmX, stays within +-3 (a factor of 20 either
 * way): stacked recessions or booms saturate there instead of driving the vacancies to zero or to infinity.
 */
export const LM_SHOCK_MAX = 3;

/** Clamps lmX to its range. */
export function saturateLabourMarket(lmX: number): number {
  return lmX < -LM_SHOCK_MAX ? -LM_SHOCK_MAX : lmX > LM_SHOCK_MAX ? LM_SHOCK_MAX : lmX;
}

/**
 * The labour market moves the inflow by at most a factor of 4 either way: (lm0/lm)^inflowElast is kept in
 * [1/4, 4]. The inflow comes from the unemployed, and a slack market cannot multiply them without limit.
 */
export const INFLOW_LM_FACTOR_MAX = 4;

export function saturateInflowFactor(factor: number): number {
  return factor > INFLOW_LM_FACTOR_MAX ? INFLOW_LM_FACTOR_MAX : factor < 1 / INFLOW_LM_FACTOR_MAX ? 1 / INFLOW_LM_FACTOR_MAX : factor;
}

/** Extra staff hours found by the head of the werkbedrijf raise the staffing target to at most twice the staff. */
export const STAFF_TARGET_MAX = 2;

/** The national shock to next year's BUIG stays within +-50%, so the BUIG stays positive. */
export const BUIG_SHOCK_MAX = 0.5;

/** At most one starting subsidised job per client on bijstand (N0): a larger LKS budget is not yet committed. */
export function startingSubsidisedMax(N0: number): number {
  return N0;
}

/**
 * The clarity focus of effective method quality, 1 + clarityFocus (clarity - 0.6), is at least 0: a muddled
 * agenda wastes method quality, it does not make services harmful. It binds only when clarityFocus is above
 * 1/0.6 and the managers' mean clarity is below 0.6 - 1/clarityFocus (never at the default clarityFocus of 1).
 */
export function clarityFactor(clarityFocus: number, clarity: number): number {
  const f = 1 + clarityFocus * (clarity - 0.6);
  return f > 0 ? f : 0;
}

/** The most effective method quality qEff can reach: method quality 1, full alignment and clarity, morale 1. */
export function qEffMax(clarityFocus: number): number {
  return clarityFactor(clarityFocus, 1) * (1.5 / 1.2);
}

/**
 * After-care scales the re-entry hazard by 1 - postPlacementCoach qEff, kept at least 0 (no negative hazard). It
 * binds only when postPlacementCoach qEff is above 1 (never at the default postPlacementCoach of 0.3).
 */
export function afterCareFactor(postPlacementCoach: number, qEff: number): number {
  const f = 1 - postPlacementCoach * qEff;
  return f > 0 ? f : 0;
}

/** Below this, a CES exponent counts as 0 and the CES is its limit, the geometric mean. */
export const CES_RHO_EPSILON = 1e-6;

/** The range of the labour-market tightness lm = lm0 exp(lmX + cycle) over every valid input. */
export const LM_RANGE = {
  min: PARAM_SPECS.lm0.min * exp(-LM_SHOCK_MAX - PARAM_SPECS.cycleAmp.max),
  max: PARAM_SPECS.lm0.max * exp(LM_SHOCK_MAX + PARAM_SPECS.cycleAmp.max),
};
