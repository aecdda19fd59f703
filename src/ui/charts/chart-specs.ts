// What each chart shows: its title, series (column, label, colour, dash) and value format.
// Colours keep 3:1 against the white panel; dashes tell the series apart without colour.
import type { SeriesColumn } from '../../engine/sandbox-api';
import type { MessageKey } from '../i18n/index';

export type ChartFormat = 'percent' | 'integer' | 'millions';

export interface LineSpec {
  column: SeriesColumn;
  label: MessageKey;
  color: string;
  dash?: number[];
  width?: number;
  /** a second y axis on the right */
  right?: boolean;
}

export interface ChartSpec {
  id: string;
  title: MessageKey;
  format: ChartFormat;
  /** what the left y axis measures, and the right one's when a line uses it */
  unit: MessageKey;
  rightUnit?: MessageKey;
  lines: LineSpec[];
}

export const COLORS = {
  value: '#0b5fa5',
  capacity: '#a34f00',
  legitimacy: '#1b7443',
  council: '#5b3a9e',
  public: '#a82a63',
  clients: '#0a6f6b',
  employers: '#7a5300',
  run: '#0b5fa5',
  twin: '#5f6368',
};

const DASHED = [7, 4];
const DOTTED = [2, 3];
const DASH_DOT = [8, 3, 2, 3];

type ChartId = 'corners' | 'support' | 'caseload' | 'outflow' | 'budgets';

/** a chart titled `charts.<id>`, its left axis `charts.<id>.unit` (and the right one `charts.<id>.rightUnit`) */
function chart(id: ChartId, format: ChartFormat, lines: LineSpec[]): ChartSpec {
  const right = lines.some((l) => l.right);
  return { id, title: `charts.${id}`, format, unit: `charts.${id}.unit`, rightUnit: right ? (`charts.${id}.rightUnit` as MessageKey) : undefined, lines };
}

/** a count in the run (solid, wider) against the same count in its twin (dashed grey) */
function runAgainstTwin(id: ChartId, run: SeriesColumn, twin: SeriesColumn): ChartSpec {
  return chart(id, 'integer', [
    { column: run, label: 'charts.run', color: COLORS.run, width: 2 },
    { column: twin, label: 'charts.twin', color: COLORS.twin, dash: DASHED },
  ]);
}

export const CHARTS: ChartSpec[] = [
  chart('corners', 'percent', [
    { column: 'metaValue', label: 'corner.value', color: COLORS.value },
    { column: 'metaCapacity', label: 'corner.capacity', color: COLORS.capacity, dash: DASHED },
    { column: 'metaLegitimacy', label: 'corner.legitimacy', color: COLORS.legitimacy, dash: DOTTED },
  ]),
  chart('support', 'percent', [
    { column: 'supportCouncil', label: 'audience.council', color: COLORS.council },
    { column: 'supportPublic', label: 'audience.public', color: COLORS.public, dash: DASHED },
    { column: 'supportClients', label: 'audience.clients', color: COLORS.clients, dash: DOTTED },
    { column: 'supportEmployers', label: 'audience.employers', color: COLORS.employers, dash: DASH_DOT },
  ]),
  runAgainstTwin('caseload', 'stock', 'twinStock'),
  runAgainstTwin('outflow', 'toWork', 'twinToWork'),
  chart('budgets', 'millions', [
    { column: 'reintegrationYear', label: 'charts.reintegration', color: COLORS.value, width: 2 },
    { column: 'lksYear', label: 'charts.lks', color: COLORS.legitimacy, dash: DOTTED },
    { column: 'buigYear', label: 'charts.buig', color: COLORS.capacity, dash: DASHED, right: true },
  ]),
];
