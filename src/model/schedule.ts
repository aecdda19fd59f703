// Scheduled events: what a scenario or a player puts on the calendar (settings, cards, forced elections,
// news shocks, initiatives, a merger). The benchmark twin takes only the environment's events (luck).
import { clamp01 } from './clients';
import type { ModelEvent } from './config';
import { applyLuck, round4 } from './environment';
import { launch } from './managers';
import type { ParamName } from './params';
import { replaceAlderman } from './politics';
import { CORNERS, LUCK_EVENTS, MANAGER_IDS, type Corner, type LuckEvent, type ManagerId } from './types';
import { logEvent, type World } from './world';

const LUCK = new Set<string>(LUCK_EVENTS);

export function applyScheduled(w: World): void {
  while (w.scheduleIndex < w.schedule.length && w.schedule[w.scheduleIndex].month <= w.t) {
    const e = w.schedule[w.scheduleIndex++];
    if (e.month < w.t) continue; // scheduled before the run's window (cannot happen for validated input)
    applyEvent(w, e);
  }
  if (w.mergerMonth >= 0 && w.t === w.mergerMonth + 12) {
    w.caseloadPerFte *= 1.2 / 0.9;
    logEvent(w, { kind: 'setting', type: 'mergerGain', sign: 1, scheduled: true, magnitude: 0.2, text: 'The sociaal ontwikkelbedrijf pays off: larger caseloads per consultant' });
  }
}

export function applyEvent(w: World, e: ModelEvent): void {
  if (LUCK.has(e.type)) {
    const luck = e as { type: LuckEvent; magnitude?: number };
    applyLuck(w, luck.type, luck.magnitude ?? 1, 0.5, true);
    return;
  }
  if (w.isTwin) return; // the twin is the default municipality: it meets the scenario's luck, not its policy
  switch (e.type) {
    case 'set':
      applySetting(w, e.path, e.value);
      break;
    case 'electionLoss':
      replaceAlderman(w, 0, [0.5, 0.5, 0.5], 'forced');
      break;
    case 'perceptionShock':
      w.effects.push({ until: w.t + e.months, kind: 'perception', amount: e.magnitude });
      logEvent(w, { kind: 'shock', type: 'perceptionShock', sign: e.magnitude >= 0 ? 1 : -1, scheduled: true, magnitude: e.magnitude, text: `News shock of ${e.magnitude} on perceived performance for ${e.months} months` });
      break;
    case 'initiative':
      launch(w, e.manager, e.kind, e.corner, true);
      break;
    case 'merger':
      if (w.mergerMonth >= 0) break; // the two are merged already (the schema allows one merger)
      w.mergerMonth = w.t;
      w.methodQuality = clamp01(w.methodQuality - 0.1);
      w.staffMorale = clamp01(w.staffMorale - 0.1);
      w.caseloadPerFte *= 0.9;
      w.params.beschutPlaces += 50;
      w.conflict = clamp01(w.conflict + 0.15);
      logEvent(w, { kind: 'setting', type: 'merger', sign: 0, scheduled: true, magnitude: 0, text: 'Werkbedrijf and sheltered-work company merge into a sociaal ontwikkelbedrijf' });
      break;
  }
}

/** A player's (or scenario's) setting. Setting a manager's stance or attention hands that manager to the player. */
export function applySetting(w: World, path: string, value: number): void {
  const parts = path.split('.');
  if (parts[0] === 'params') {
    const name = parts[1] as ParamName;
    w.params[name] = value;
    // parameters that seed a running quantity change that quantity (from now on)
    if (name === 'staffFte') w.staffTarget = value;
    else if (name === 'caseloadPerFte') w.caseloadPerFte = value;
    else if (name === 'reintBudgetYear') {
      w.reintYear = value;
      w.grantsYtd = 0; // the new budget replaces this year's, grants included
    }
    else if (name === 'lksBudgetYear') w.lksYear = value;
  } else if (parts[0] === 'managers' && (MANAGER_IDS as readonly string[]).includes(parts[1])) {
    const m = w.managers[parts[1] as ManagerId];
    const field = parts[2];
    if ((field === 'stance' || field === 'attention') && (CORNERS as readonly string[]).includes(parts[3])) {
      m[field][parts[3] as Corner] = clamp01(value);
      m.control = 'fixed';
    } else if (field === 'courage' || field === 'design' || field === 'reframe') {
      m[field] = clamp01(value);
    } else if (field === 'control') {
      // 0: the manager decides again (from the stance and attention the player left), 1: the player holds them
      m.control = value >= 0.5 ? 'fixed' : 'auto';
    }
  }
  logEvent(w, { kind: 'setting', type: 'set', sign: 0, scheduled: true, magnitude: round4(value), path, text: `${path} set to ${round4(value)}` });
}
