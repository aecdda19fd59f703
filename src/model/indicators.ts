// The eleven public-value indicators (12-month rolling, raw units) and their normalised scores z_k,
// judged against a benchmark: the twin and the historical norm (reference 6.7.5).
import { clamp01 } from './clients';
import { sigmoid } from './detmath';
import type { Tally } from './flows';
import { INDICATORS, K } from './values';
import type { World } from './world';

export function computeIndicators(w: World, tally: Tally, twinStock: number): void {
  const p = w.params;
  const stock = tally.stockByTier[0] + tally.stockByTier[1] + tally.stockByTier[2] + tally.stockByTier[3];
  const programme = tally.trajectories * p.costPerTrajMonth + tally.participants * p.costPerPartMonth;
  const lks = tally.subsidised * p.lksCostMonth;
  const displaced = tally.subsidised * p.displaceFactor;
  w.roll.push({
    jobStarts: w.flows.toWork,
    durableStarts: w.flows.toWork - w.flows.creamedStarts * p.creamChurn,
    ladderNet: w.flows.ladderSteps,
    sanctions: w.flows.sanctions,
    wrongful: w.flows.wrongfulSanctions,
    reentries: w.flows.reentries,
    programmeSpend: programme + lks,
    targetGroupJobs: w.flows.targetGroupJobs,
    stock,
    displaced,
  });
  const r = w.roll;
  const meanStock = Math.max(1, r.mean('stock'));
  const per1000 = 1000 / meanStock;
  const x = w.x;
  x[0] = (r.yearly('durableStarts') - 0.5 * r.yearly('reentries')) * per1000;
  x[1] = r.yearly('ladderNet') * per1000;
  x[2] = twinStock > 0 ? ((twinStock - stock) / twinStock) * 1000 : 0;
  x[3] = r.yearly('targetGroupJobs') / Math.max(1, 0.025 * p.N0);
  x[4] = stock > 0 ? tally.wellbeingSum / stock : 0;
  x[5] = stock > 0 ? tally.satisfactionSum / stock : 0;
  // fairness: who gets served (the chosen should not be the easiest: creaming), nobody parked without
  // contact (tiers 3-4 idle over a year), and no wrongful sanctions
  const sanctions = r.yearly('sanctions');
  const wrongShare = sanctions > 0 ? r.yearly('wrongful') / sanctions : 0;
  const parking = tally.hardStock > 0 ? tally.parkedHard / tally.hardStock : 0;
  const tilt = Math.max(-0.5, Math.min(0.5, w.allocationTilt));
  x[6] = (0.75 + 0.5 * tilt) * (1 - parking) * (1 - wrongShare);
  x[7] = w.employerGoodwill * (0.5 + 0.5 * w.alignment);
  x[8] = r.yearly('programmeSpend') / Math.max(1, r.yearly('jobStarts')) / 1000;
  x[9] = (sanctions + 3 * r.yearly('wrongful')) * per1000;
  x[10] = (r.yearly('reentries') + tally.parkedHard + r.mean('displaced')) * per1000;
  w.parkingShare = tally.hardStock > 0 ? tally.parkedHard / tally.hardStock : 0;
  w.wrongfulRateYear = r.yearly('wrongful') / meanStock;
  // spending this month
  const onBenefit = stock;
  w.buigSpendYtd += (onBenefit * p.benefitCostYear) / 12;
  w.ledger.benefitSpend += (onBenefit * p.benefitCostYear) / 12;
  w.reintSpendYtd += programme;
  w.ledger.reintSpend += programme;
  w.lksSpendYtd += lks;
  w.ledger.lksSpend += lks;
  w.ledger.displacedJobsNow = displaced;
}

/** z_k = sigmoid(sign_k (x_k - bench_k) / scale_k) */
export function scoreIndicators(w: World): void {
  w.zLag.unshift(w.zLag.pop() as Float64Array);
  w.zLag[0].set(w.z);
  if (w.t === 0 && w.isTwin) w.bench.set(w.x); // the twin's first month is its own norm
  let sum = 0;
  for (let k = 0; k < K; k++) {
    const spec = INDICATORS[k];
    const z = sigmoid((spec.sign * (w.x[k] - w.bench[k])) / spec.scale);
    w.z[k] = z;
    sum += z;
  }
  w.composite = sum / K;
}

/** The programmatic dimension (Compton & 't Hart): outcome scores (work, participation, banenafspraak, wellbeing, unintended negative). */
export function programmaticScore(z: ArrayLike<number>): number {
  return clamp01((z[0] + z[1] + z[3] + z[4] + z[10]) / 5);
}

/** Moore's mission achievement: the mean score of the indicators in the account's mission category. */
export function missionAchievement(z: ArrayLike<number>): number {
  return (z[0] + z[1] + z[2] + z[3]) / 4;
}
