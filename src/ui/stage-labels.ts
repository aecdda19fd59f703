// The words the canvas draws, from the active language (the stage takes them as StageLabels).
import {
  CORNERS,
  INITIATIVE_EVENTS,
  LOOP_STATIONS,
  LUCK_EVENTS,
  MANAGER_IDS,
  POLITICAL_EVENTS,
  STATUSES,
} from '../model/types';
import type { StageLabels } from './stage/index';
import type { I18n } from './i18n/index';

export function stageLabels(i18n: I18n): StageLabels {
  const t = i18n.t.bind(i18n);
  const record = <K extends string>(keys: readonly K[], f: (k: K) => string) => Object.fromEntries(keys.map((k) => [k, f(k)])) as Record<K, string>;
  return {
    stations: record(LOOP_STATIONS, (s) => t(`station.${s}`)),
    virtuous: t('regimeLabel.virtuous'),
    vicious: t('regimeLabel.vicious'),
    damped: t('regimeLabel.damped'),
    managers: record(MANAGER_IDS, (id) => t(`manager.${id}`)),
    managersShort: record(MANAGER_IDS, (id) => t(`manager.${id}.short`)),
    municipality: t('municipality'),
    corners: record(CORNERS, (c) => t(`corner.${c}.short`)),
    statuses: record(STATUSES, (s) => t(`status.${s}`)),
    balancing: {
      aspirations: t('balancing.aspirations'),
      budgetCeiling: t('balancing.budgetCeiling'),
      harderClients: t('balancing.harderClients'),
      scandalHazard: t('balancing.scandalHazard'),
    },
    events: record([...LUCK_EVENTS, ...POLITICAL_EVENTS, ...INITIATIVE_EVENTS], (e) => t(`event.${e}`)),
    playedCard: t('stage.playedCard'),
  };
}
