// A setting's path in words: "Alderman · Strategy per corner: Public value".
import type { I18n } from './i18n/index';
import type { Corner, ManagerId } from '../model/types';

export function settingLabel(i18n: I18n, path: string): string {
  if (path === 'params.luckIntensity') return i18n.t('luck.intensity');
  const [root, id, group, corner] = path.split('.');
  if (root !== 'managers') return path;
  const who = i18n.t(`manager.${id as ManagerId}`);
  if ((group === 'attention' || group === 'stance') && corner) {
    return `${who} · ${i18n.t(group === 'attention' ? 'levers.attention' : 'levers.stance')}: ${i18n.t(`corner.${corner as Corner}`)}`;
  }
  if (group === 'courage' || group === 'design' || group === 'reframe') return `${who} · ${i18n.t(`levers.${group}`)}`;
  return path;
}

/** a setting's value in words: shares as percentages, the luck intensity as a factor */
export function formatSetting(i18n: I18n, path: string, value: number): string {
  return path === 'params.luckIntensity' ? i18n.t('luck.intensityValue', { value: i18n.decimal(value) }) : i18n.pct(value);
}
