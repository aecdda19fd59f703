// What each part of the drawing is, in words, and its value in the month shown: the text of the
// focusable parts over the canvas (stage-parts.ts). One function per kind of part.
import { LOOP_STATIONS, MANAGER_IDS, STATUSES, type LoopStation, type ManagerId, type MonthSnapshot, type Status } from '../../model/types';
import type { StagePart } from '../stage/index';
import type { I18n } from '../i18n/index';

export interface PartText {
  /** the accessible name, with its value: "Performance, 62%" */
  name: string;
  /** what it means */
  what: string;
  /** its value now, as a sentence */
  now: string;
}

type BalancingKey = keyof MonthSnapshot['loop']['balancing'];
const BALANCING_TAG: Record<BalancingKey, string> = { aspirations: 'B1', harderClients: 'B2', budgetCeiling: 'B3', scandalHazard: 'B5' };

export function explainPart(i18n: I18n, part: Pick<StagePart, 'kind' | 'key'>, s: MonthSnapshot | null, dotScale = ''): PartText {
  const pct = (v: number | undefined) => (v === undefined ? '–' : i18n.pct(v));
  switch (part.kind) {
    case 'station': {
      const st = part.key as LoopStation;
      const v = s?.loop.levels[st];
      return { name: `${i18n.t(`station.${st}`)}, ${pct(v)}`, what: i18n.t(`part.station.${st}`), now: i18n.t('part.station.now', { value: pct(v) }) };
    }
    case 'flow': {
      const i = LOOP_STATIONS.indexOf(part.key as LoopStation);
      const from = i18n.t(`station.${LOOP_STATIONS[i]}`);
      const to = i18n.t(`station.${LOOP_STATIONS[(i + 1) % LOOP_STATIONS.length]}`);
      const f = s?.loop.flows[i] ?? 0;
      const points = f * 100;
      const tone = i18n.t(Math.abs(points) < 0.05 ? 'part.flow.flat' : points > 0 ? 'part.flow.up' : 'part.flow.down');
      const change = i18n.signedDecimal(points);
      const name = i18n.t('part.flow.name', { from, to });
      return { name: `${name}, ${change}`, what: i18n.t('part.flow.what', { from, to }), now: i18n.t('part.flow.now', { change, tone }) };
    }
    case 'balancing':
    case 'gauge': {
      const key = part.key as BalancingKey;
      const v = s?.loop.balancing[key];
      const name = `${BALANCING_TAG[key]} ${i18n.t(`balancing.${key}`)}`;
      return { name: `${name}, ${pct(v)}`, what: i18n.t(`part.balancing.${key}`), now: i18n.t('part.balancing.now', { value: pct(v) }) };
    }
    case 'badge': {
      const gain = s ? i18n.decimal(s.loop.gain) : '–';
      const regime = s ? i18n.t(`regimeLabel.${s.loop.regime}`) : '';
      return { name: `${i18n.t('part.badge.name')}, G ${gain}`, what: i18n.t('part.badge.what'), now: i18n.t('part.badge.now', { gain, regime }) };
    }
    case 'triangle': {
      const who = part.key === 'municipality' ? null : (part.key as ManagerId);
      const c = s ? (who ? s.managers[who] : s.meta) : null;
      const name = who ? i18n.t(`manager.${who}`) : i18n.t('municipality');
      const now = c
        ? i18n.t('part.triangle.now', { value: pct(c.corners.value), capacity: pct(c.corners.capacity), legitimacy: pct(c.corners.legitimacy), balance: pct(c.balance) })
        : '';
      const what = who ? i18n.t('part.triangle.manager', { name: i18n.t(`manager.${who}.long`) }) : i18n.t('part.triangle.municipality');
      return { name: `${name}, ${c ? pct(c.corners.value) + ' / ' + pct(c.corners.capacity) + ' / ' + pct(c.corners.legitimacy) : '–'}`, what, now };
    }
    case 'zone': {
      const st = part.key as Status;
      const n = s ? s.caseload[st].reduce((a, b) => a + b, 0) : 0;
      const count = i18n.int(n);
      const now = i18n.t(st === 'exited' ? 'part.zone.exitedNow' : 'part.zone.now', { count });
      return { name: `${i18n.t(`status.${st}`)}, ${count}`, what: i18n.t(`part.zone.${st}`), now };
    }
    case 'dots':
      return { name: `${i18n.t('part.dots.name')}, ${dotScale}`, what: i18n.t('part.dots.what'), now: dotScale };
  }
}

/** Every part the stage can show, in reading order (what the keyboard walks through). */
export const PART_ORDER: readonly StagePart['kind'][] = ['station', 'flow', 'balancing', 'badge', 'gauge', 'triangle', 'zone', 'dots'];

export function sortParts(parts: readonly StagePart[]): StagePart[] {
  const rank = (p: StagePart) => {
    const k = PART_ORDER.indexOf(p.kind);
    const sub =
      p.kind === 'station' || p.kind === 'flow'
        ? LOOP_STATIONS.indexOf(p.key as LoopStation)
        : p.kind === 'triangle'
          ? p.key === 'municipality'
            ? -1
            : MANAGER_IDS.indexOf(p.key as ManagerId)
          : p.kind === 'zone'
            ? STATUSES.indexOf(p.key as Status)
            : Object.keys(BALANCING_TAG).indexOf(p.key);
    return k * 100 + sub;
  };
  return [...parts].sort((a, b) => rank(a) - rank(b));
}
