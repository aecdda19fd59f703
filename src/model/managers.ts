// The four managers: corner dynamics (three levers x two strategies per corner, reference 6.7.7),
// the quarterly decision rule (satisficing and balancing, 6.7.12) and the initiative lotteries
// (courage, design, reframing: 6.7.13).
import { clamp01 } from './clients';
import { STAFF_TARGET_MAX } from './bounds';
import { exp, sigmoid } from './detmath';
import { shiftSupport } from './environment';
import { AUDIENCE_IDS, CORNERS, MANAGER_IDS, type Corner, type InitiativeKind, type ManagerId } from './types';
import { dot, K, tv } from './values';
import { attentionShares, logEvent, type ManagerState, type World } from './world';

/** Values of the audiences a manager answers to. */
export function audienceValues(w: World, m: ManagerState): number[] {
  const out = new Array<number>(K).fill(0);
  let total = 0;
  for (const id of AUDIENCE_IDS) {
    const share = m.audienceMix[id] ?? 0;
    if (share <= 0) continue;
    total += share;
    const aw = w.audiences[id].weights;
    for (let k = 0; k < K; k++) out[k] += share * aw[k];
  }
  for (let k = 0; k < K; k++) out[k] /= total;
  return out;
}

/** Relative resources per role (1 = the start). */
function resources(w: World, id: ManagerId): number {
  switch (id) {
    case 'W':
      return 2 * w.audiences.council.support * (1 - 0.5 * w.conflict);
    case 'D':
      return (w.reintYear + w.lksYear) / (w.reint0 + w.lks0);
    case 'H':
      // slots only: morale already weighs on the slots, counting it twice would feed a spiral
      return w.slots0 > 0 ? w.slots / w.slots0 : 1;
    case 'P': {
      const demand = Math.max(1, w.jobDemand);
      return Math.min(2, (w.vacPool * w.params.accessShare) / demand);
    }
  }
}

function legitimacy(w: World, m: ManagerState): number {
  const a = w.audiences;
  switch (m.id) {
    case 'W':
      return 0.5 * a.council.support + 0.3 * a.public.support + 0.1 * a.clients.support + 0.1 * a.employers.support;
    case 'D':
      return 0.2 * a.council.support + 0.5 * w.managers.W.trust.D + 0.3 * w.staffMorale;
    case 'H':
      return 0.4 * w.managers.D.trust.H + 0.3 * a.employers.support + 0.3 * a.clients.support;
    case 'P':
      return w.employerGoodwill;
  }
}

/** how much a push (1) or pull (0) stance on the weakest corner adds to or takes from courage */
const STANCE_BOLDNESS = 0.6;
/** the method quality a werkbedrijf reaches by developing its own way of working */
const OWN_METHOD = 0.6;
/** support below which an audience takes a manager's own story as spin */
const DISTRUST = 0.4;

/** Monthly lever effects for every manager, then the corners. */
export function cornerDynamics(w: World): void {
  const p = w.params;
  const rng = w.rng.decisions;
  for (const id of MANAGER_IDS) {
    const m = w.managers[id];
    const at = attentionShares(m);
    const st = m.stance;
    const aud = audienceValues(w, m);
    // value corner: push own agenda (1) or collect values from outside (2)
    const pushV = at.value * st.value;
    const pullV = at.value * (1 - st.value);
    m.clarity = clamp01(m.clarity + p.etaV * pushV * m.L * (1 - m.clarity) - p.clarityDilute * pullV * m.clarity + 0.5 * p.etaV * pullV * (1 - m.clarity) * 0.2);
    if (pushV > 0) {
      for (const k of MANAGER_IDS) {
        if (k === id) continue;
        const other = w.managers[k];
        const pull = p.chiPersuade * pushV * m.L * other.trust[id];
        for (let x = 0; x < K; x++) other.weights[x] += pull * (m.weights[x] - other.weights[x]);
      }
    }
    w.promise += p.piPromise * pushV;
    for (let x = 0; x < K; x++) m.weights[x] += p.zetaListen * pullV * (aud[x] - m.weights[x]);
    // being heard: the audiences a manager listens to give a little support for it
    for (const aid of AUDIENCE_IDS) {
      const share = m.audienceMix[aid] ?? 0;
      if (share > 0) w.audiences[aid].comm += p.listenBonus * pullV * share;
    }
    m.V = clamp01(m.clarity * (1 - tv(m.weights, aud)));
    // capacity corner: stretch resources to ambitions (1) or fit ambitions to resources (2)
    const stretch = at.capacity * st.capacity;
    const fit = at.capacity * (1 - st.capacity);
    const u = rng.next();
    const size = rng.uniform(p.grantMin, p.grantMax);
    if (u < p.pGrant0 * stretch * m.L) findResources(w, id, size);
    m.res = resources(w, id);
    m.amb += p.ambStretch * stretch * (1.3 - m.amb) + p.ambFit * fit * (m.res - m.amb);
    if (m.amb < 0.2) m.amb = 0.2;
    w.expectMgmt += p.piFit * fit;
    // some stretch is healthy; ambitions more than 15% beyond resources wear staff down (R4's vicious arm)
    if (id === 'H' || id === 'D') w.staffMorale = clamp01(w.staffMorale - p.overloadMorale * Math.max(0, m.amb / Math.max(0.05, m.res) - 1.15) * at.capacity);
    m.C = clamp01((0.6 * m.res) / m.amb);
    // legitimacy corner: push own way of working (1) or adopt ways from outside (2)
    const pushL = at.legitimacy * st.legitimacy;
    const pullL = at.legitimacy * (1 - st.legitimacy);
    const peer = 0.65 + 0.1 * rng.normal(); // imitating peers who may only have been lucky (Denrell)
    if (pushL > 0) {
      for (const aid of AUDIENCE_IDS) {
        const share = m.audienceMix[aid] ?? 0;
        if (share <= 0) continue;
        const a = w.audiences[aid];
        // communicating one's own way of working wins support from an audience that trusts the results;
        // it backfires (spin) when results fall short of what the audience expects, or when trust is gone
        const trusted = a.perceived >= a.aspiration - 0.05 && a.support >= DISTRUST;
        a.comm += p.etaComm * pushL * share * m.credibility * (trusted ? 1 : -p.backlash);
      }
    }
    // adopting ways from outside moves methods toward the peers' (pull); pushing one's own way develops it
    // from within, half as fast, toward a level of its own (the head's methods count fully, the others' less)
    const reach = id === 'H' ? 1 : 0.3;
    w.methodQuality = clamp01(w.methodQuality + p.etaQ * reach * (pullL * (peer - w.methodQuality) + 0.5 * pushL * (OWN_METHOD - w.methodQuality)));
    w.audiences.clients.comm += p.coDesignBonus * pullL * 0.5;
    w.audiences.employers.comm += p.coDesignBonus * pullL * 0.5;
    m.L = clamp01(legitimacy(w, m));
    m.tenure++;
  }
  // staff morale recovers slowly and follows results (R4)
  w.staffMorale = clamp01(w.staffMorale + 0.02 * (p.staffMorale0 - w.staffMorale) + 0.01 * (w.composite - 0.5));
  w.staffFte += (w.staffTarget - w.staffFte) / 6;
  // extra staff hours and carved jobs wear off without renewed effort
  w.staffTarget += 0.01 * (p.staffFte - w.staffTarget);
  w.carved *= 0.98;
  // methods regress to the mean without continued effort (B4)
  w.methodQuality += 0.01 * (p.methodQuality0 - w.methodQuality);
}

function findResources(w: World, id: ManagerId, size: number): void {
  const text = { W: 'Council top-up for re-integration', D: 'External grant found by the director', H: 'Extra staff hours', P: 'Partners open extra jobs' }[id];
  if (id === 'W' || id === 'D') {
    const amount = size * w.reintYear; // a share of the budget there is: a cut budget finds less
    w.reintYear += amount;
    w.grantsYtd += amount;
    w.ledger.grants += amount;
  } else if (id === 'H') {
    w.staffTarget = Math.min(STAFF_TARGET_MAX * w.params.staffFte, w.staffTarget * (1 + size * 0.5));
  } else {
    w.carved += size * 0.5;
  }
  logEvent(w, { kind: 'budget', type: 'resources', sign: 1, manager: id, scheduled: false, magnitude: Math.round(size * 1e4) / 1e4, text });
}

/** Quarterly: evaluate own success against aspiration, rebalance attention, search when below. */
export function decide(w: World): void {
  const p = w.params;
  const rng = w.rng.decisions;
  const lagged = w.zLag[2];
  for (const id of MANAGER_IDS) {
    const m = w.managers[id];
    // draws happen for every manager every quarter, so the decisions stream stays aligned
    const noise = 0.02 * rng.normal();
    const u1 = rng.next();
    const u2 = rng.next();
    const u3 = rng.next();
    const u4 = rng.next();
    const s = dot(m.weights, lagged) + noise;
    // own success is a score (0-1) plus a little noise: the aspiration stays in the scores' range
    m.aspiration = clamp01(m.aspiration + p.alphaAspMgr * (s - m.aspiration));
    // frames must be borne out: credibility follows results
    m.credibility = clamp01(m.credibility + p.credAdj * 0.25 * (w.composite - 0.5));
    if (m.control !== 'auto') continue;
    const corners = { value: m.V, capacity: m.C, legitimacy: m.L };
    const prior = m.prior;
    for (const c of CORNERS) m.attention[c] = prior[c] * exp(p.attnTemp * (1 - corners[c]));
    let weakest: Corner = 'value';
    for (const c of CORNERS) if (corners[c] < corners[weakest]) weakest = c;
    if (s < m.aspiration - p.tol) {
      // courage decides between a bold bet and a careful step; an inside-out (push) stance on the corner
      // makes the bet likelier, an outside-in (pull) stance the careful step
      if (u1 < clamp01(m.courage + STANCE_BOLDNESS * (m.stance[weakest] - 0.5))) {
        m.stance[weakest] = Math.min(1, m.stance[weakest] + p.stanceStep);
        launch(w, id, 'bold', weakest, false);
      } else {
        m.stance[weakest] = Math.max(0, m.stance[weakest] - p.stanceStep);
        launch(w, id, u2 < m.design ? 'designed' : 'routine', weakest, false);
      }
      if (w.negativeEventThisQuarter && u3 < m.reframe) launch(w, id, 'reframe', weakest, false);
    } else if (u4 < p.explore) {
      launch(w, id, 'routine', weakest, false);
    }
  }
  w.negativeEventThisQuarter = false;
}

/** Launches an initiative; its outcome is drawn now and takes effect after its delay. */
export function launch(w: World, id: ManagerId, kind: InitiativeKind, corner: Corner, scheduled: boolean): void {
  const p = w.params;
  const rng = w.rng.decisions;
  const m = w.managers[id];
  const u = rng.next();
  const size = rng.uniform(0.5, 1.5);
  const delayDraw = rng.next();
  let success = true;
  let delay = 0;
  if (kind === 'bold') {
    success = u < sigmoid(p.bold0 + p.boldCap * w.metaC + p.boldAlign * w.alignment + p.boldLeg * m.L);
    delay = 3 + Math.floor(delayDraw * 4);
  } else if (kind === 'designed') {
    success = u < 0.9;
    delay = Math.round(p.designDelay * (1.5 - m.design));
  } else if (kind === 'reframe') {
    success = u < m.reframe * m.credibility;
    delay = delayDraw < 0.5 ? 0 : 1;
  }
  w.pending.push({ month: w.t + delay, manager: id, kind, corner, success, size, scheduled });
  logEvent(w, {
    kind: 'initiative',
    type: kind,
    sign: 0,
    manager: id,
    scheduled,
    magnitude: delay,
    text: `${id} launches a ${kind} initiative on ${corner}${delay > 0 ? ` (effect in ${delay} months)` : ''}`,
  });
}

/** Applies initiatives whose time has come. */
export function resolveInitiatives(w: World): void {
  if (w.pending.length === 0) return;
  const due = w.pending.filter((i) => i.month <= w.t);
  if (due.length === 0) return;
  w.pending = w.pending.filter((i) => i.month > w.t);
  const p = w.params;
  for (const ini of due) {
    const m = w.managers[ini.manager];
    if (ini.kind === 'routine') cornerGain(w, m, ini.corner, p.routineGain);
    else if (ini.kind === 'bold') {
      // managers learn from their own bets: courage grows with success and shrinks with failure
      if (!ini.scheduled) m.courage = learnTrait(m.courage, ini.success);
      if (ini.success) {
        cornerGain(w, m, ini.corner, p.boldGain * ini.size);
        if (ini.corner === 'value') {
          w.employerGoodwill = clamp01(w.employerGoodwill + 0.1);
          w.carved += 0.1;
        } else if (ini.corner === 'capacity') {
          const amount = (0.15 + 0.1 * ini.size) * w.reintYear;
          w.reintYear += amount;
          w.grantsYtd += amount;
          w.ledger.grants += amount;
        } else w.methodQuality = clamp01(w.methodQuality + 0.1);
      } else {
        for (const aid of AUDIENCE_IDS) if ((m.audienceMix[aid] ?? 0) > 0) shiftSupport(w, aid, -p.boldFailLeg * (m.audienceMix[aid] ?? 0) * 2);
        if (ini.corner === 'capacity') w.reintYear = Math.max(0, w.reintYear - p.boldFailCost * 0.5 * w.reint0);
        m.amb *= 1 + p.boldFailCost;
        m.credibility = clamp01(m.credibility - 0.05);
      }
    } else if (ini.kind === 'designed') {
      if (!ini.scheduled) m.design = learnTrait(m.design, ini.success);
      if (ini.success) {
        w.methodQuality = clamp01(w.methodQuality + p.designGain * (0.5 + m.design));
        w.conflict = clamp01(w.conflict - 0.05);
        cornerGain(w, m, ini.corner, p.routineGain);
      } else w.reintYear = Math.max(0, w.reintYear - 0.01 * w.reint0);
    } else if (ini.kind === 'reframe') {
      if (!ini.scheduled) m.reframe = learnTrait(m.reframe, ini.success);
      if (ini.success) {
        for (const aid of AUDIENCE_IDS) if ((m.audienceMix[aid] ?? 0) > 0) w.audiences[aid].frame += p.reframeShift;
      } else {
        m.credibility = clamp01(m.credibility - 0.1);
        shiftSupport(w, 'public', -0.03);
      }
    }
    logEvent(w, {
      kind: 'initiative',
      type: ini.kind,
      sign: ini.success ? 1 : -1,
      manager: ini.manager,
      success: ini.success,
      scheduled: ini.scheduled,
      magnitude: Math.round(ini.size * 1e4) / 1e4,
      text: `${ini.manager}'s ${ini.kind} initiative on ${ini.corner} ${ini.success ? 'succeeds' : 'fails'}`,
    });
  }
}

/** a trait after an initiative of its own kind: a step toward success or away, within 0.05-0.95 */
function learnTrait(trait: number, success: boolean): number {
  const next = trait + (success ? TRAIT_LEARNING : -TRAIT_LEARNING);
  return next < 0.05 ? 0.05 : next > 0.95 ? 0.95 : next;
}
const TRAIT_LEARNING = 0.02;

function cornerGain(w: World, m: ManagerState, corner: Corner, gain: number): void {
  if (corner === 'value') m.clarity = clamp01(m.clarity + gain);
  else if (corner === 'capacity') m.amb = Math.max(0.2, m.amb * (1 - gain));
  else for (const aid of AUDIENCE_IDS) if ((m.audienceMix[aid] ?? 0) > 0) w.audiences[aid].comm += gain * (m.audienceMix[aid] ?? 0);
}

/** Each manager's own verdict: success judged with their own values. */
export function verdicts(w: World): void {
  for (const id of MANAGER_IDS) {
    const m = w.managers[id];
    m.verdict = dot(m.weights, w.z);
  }
}
