// Politics: elections every 48 months, political falls of the alderman, turnover of the other managers
// (reference 6.7.10). All draws come from the politics stream, a fixed number each month.
import { clamp01 } from './clients';
import { exp, sigmoid } from './detmath';
import { shiftSupport } from './environment';
import { mixProfiles, tv, VALUE_PROFILES, type ProfileName } from './values';
import { logEvent, type ManagerState, type World } from './world';

const ALDERMAN_PROFILES: ProfileName[] = ['workFirst', 'inclusive', 'partnership', 'publicMedia'];

export function politics(w: World): void {
  const p = w.params;
  const rng = w.rng.politics;
  const uFall = rng.next();
  const uLeave = rng.next();
  const uDir = rng.next();
  const uHead = rng.next();
  const uProfile = rng.next();
  // three independent trait draws for each possible successor (W, D, H), every month
  const traits = [rng.next(), rng.next(), rng.next(), rng.next(), rng.next(), rng.next(), rng.next(), rng.next(), rng.next()];
  const electionNoise = rng.normal();
  const uReshuffle = rng.next();
  const W = w.managers.W;
  if (w.forcedElectionMonth === w.t) return; // the scheduled election loss is this month's politics
  if (w.t >= p.firstElectionMonth && (w.t - p.firstElectionMonth) % 48 === 0) {
    w.elections++;
    const support = w.audiences.public.support + w.audiences.council.support;
    const pReelect = sigmoid(p.electSlope * (support - 1) + p.electNoise * electionNoise);
    const reelected = uFall < pReelect; // reuse of the month's first draw: one election outcome
    logEvent(w, { kind: 'politics', type: 'election', sign: reelected ? 1 : -1, scheduled: false, magnitude: Math.round(pReelect * 1e4) / 1e4, text: reelected ? 'Election: the alderman stays' : 'Election: the alderman loses office' });
    if (!reelected || uReshuffle < p.reshuffleProb) replaceAlderman(w, uProfile, traits.slice(0, 3), reelected ? 'reshuffle' : 'election');
    return;
  }
  const hFall = Math.min(1, p.fallBase * exp(p.fallSens * (0.5 - W.L)) + (w.scandalThisMonth ? p.scandalFall : 0));
  if (uFall < hFall) {
    w.aldermanFalls++;
    w.aldermanFallMonths.push(w.t);
    logEvent(w, { kind: 'politics', type: 'aldermanFall', sign: -1, scheduled: false, magnitude: Math.round(hFall * 1e4) / 1e4, text: 'The alderman falls: the council withdraws its confidence' });
    replaceAlderman(w, uProfile, traits.slice(0, 3), 'fall');
  } else if (uLeave < p.leaveBase) {
    logEvent(w, { kind: 'politics', type: 'aldermanLeaves', sign: 0, scheduled: false, magnitude: 0, text: 'The alderman leaves for another post' });
    replaceAlderman(w, uProfile, traits.slice(0, 3), 'leave');
  }
  if (uDir < p.dirLeave) replaceOfficial(w, 'D', traits.slice(3, 6));
  if (uHead < p.headLeave) replaceOfficial(w, 'H', traits.slice(6, 9));
}

/** A new alderman: another profile (usually), a honeymoon, and a conflict shock with the director. */
export function replaceAlderman(w: World, uProfile: number, traits: number[], why: 'election' | 'reshuffle' | 'fall' | 'leave' | 'forced'): void {
  const p = w.params;
  const W = w.managers.W;
  const current = nearestProfile(W.weights);
  const choices = ALDERMAN_PROFILES.filter((x) => x !== current);
  const profile =
    why === 'forced'
      ? mostDistant(W.weights)
      : uProfile < 0.3
        ? current
        : choices[Math.min(choices.length - 1, Math.floor(((uProfile - 0.3) / 0.7) * choices.length))];
  W.weights = mixProfiles({ [profile]: 1 });
  W.aspiration = 0.5;
  successorStarts(W, traits);
  for (const k of ['D', 'H', 'P'] as const) w.managers[k].trust.W = 0.5;
  w.conflict = clamp01(w.conflict + tv(W.weights, w.managers.D.weights));
  shiftSupport(w, 'council', p.honeymoon);
  shiftSupport(w, 'public', p.honeymoon);
  w.aldermenServed++;
  if (why === 'forced') {
    w.forcedElectionMonth = w.t;
    w.elections++;
    logEvent(w, { kind: 'politics', type: 'election', sign: -1, scheduled: true, magnitude: 0, text: 'Election: the alderman loses office' });
  }
  logEvent(w, { kind: 'politics', type: 'newAlderman', sign: 0, scheduled: why === 'forced', magnitude: 0, text: `A new alderman takes office (${profile})` });
}

/** A successor in post: fresh tenure, credibility and clarity; traits drawn (U(0.2, 0.6)) unless a player holds the role. */
function successorStarts(m: ManagerState, traits: number[]): void {
  m.tenure = 0;
  m.credibility = 0.6;
  m.clarity = 0.5;
  if (m.control === 'auto') {
    m.courage = 0.2 + 0.4 * traits[0];
    m.design = 0.2 + 0.4 * traits[1];
    m.reframe = 0.2 + 0.4 * traits[2];
  }
}

function replaceOfficial(w: World, id: 'D' | 'H', traits: number[]): void {
  successorStarts(w.managers[id], traits);
  w.methodQuality = clamp01(w.methodQuality - (id === 'H' ? 0.03 : 0.01));
  logEvent(w, { kind: 'politics', type: id === 'D' ? 'directorLeaves' : 'headLeaves', sign: 0, scheduled: false, magnitude: 0, text: id === 'D' ? 'The director leaves; a successor starts' : 'The head of the werkbedrijf leaves; a successor starts' });
}

function mostDistant(weights: number[]): ProfileName {
  let best: ProfileName = 'workFirst';
  let bestD = -1;
  for (const name of ['workFirst', 'inclusive'] as const) {
    const d = tv(weights, VALUE_PROFILES[name]);
    if (d > bestD) {
      bestD = d;
      best = name;
    }
  }
  return best;
}

function nearestProfile(weights: number[]): ProfileName {
  let best: ProfileName = 'workFirst';
  let bestD = Infinity;
  for (const name of ALDERMAN_PROFILES) {
    const d = tv(weights, VALUE_PROFILES[name]);
    if (d < bestD) {
      bestD = d;
      best = name;
    }
  }
  return best;
}
