// A session's export: every decision with its time and who made it, the facilitator's log, the luck
// cards, the seed, the scenario and its hash, the versions, and each team's summary.json so far. JSON for
// machines and for re-import (one-screen mode), CSV (one row per decision) for a spreadsheet.
import type { SessionCore } from './core';
import { latestDecisions } from './rules';
import { CORNERS } from '../model/types';

export const EXPORT_FORMAT = 'meerwaarde-session';
export const EXPORT_VERSION = 1;

export function sessionExport(core: SessionCore, now: number): Record<string, unknown> {
  const counted = new Set([...latestDecisions(core.decisions).values()].map((d) => (d as { seq?: number }).seq));
  const teams = core.setup.teams.map((t, i) => {
    const r = core.resultsCurrent ? core.results[i] : null;
    return {
      team: i,
      name: t.name,
      round: r?.round ?? 0,
      identity: r?.identity ?? null,
      summary: r?.summaryJson ? JSON.parse(r.summaryJson) : null,
    };
  });
  return {
    format: EXPORT_FORMAT,
    formatVersion: EXPORT_VERSION,
    exportedAt: new Date(now).toISOString(),
    session: { id: core.id, title: core.setup.title, createdAt: new Date(core.createdAt).toISOString() },
    versions: core.versions,
    seed: core.setup.seed,
    setup: core.setup,
    scenario: core.scenario,
    state: { phase: core.state.phase, round: core.state.round, ended: core.state.ended },
    decisions: core.decisions.map((d) => ({
      seq: d.seq,
      at: new Date(d.at).toISOString(),
      round: d.round,
      team: d.team,
      teamName: core.setup.teams[d.team]?.name ?? '',
      role: d.role,
      name: d.name,
      counted: counted.has(d.seq),
      decision: d.decision,
    })),
    actions: core.log.map((l, seq) => ({ seq, at: new Date(l.at).toISOString(), by: l.by, action: l.action })),
    luck: core.state.luck.map((l) => ({ ...l, at: new Date(l.at).toISOString() })),
    teams,
  };
}

/**
 * A CSV cell: quoted when it holds a comma, quote or line break; a text that a spreadsheet would run as a
 * formula (=, +, -, @, tab, carriage return first) gets a leading apostrophe, so a display name stays text.
 */
export function csvCell(v: string | number | boolean | null): string {
  if (v === null) return '';
  if (typeof v !== 'string') return String(v);
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export const DECISIONS_CSV_HEADER = [
  'model_version',
  'scenario_hash',
  'seed',
  'session',
  'seq',
  'at',
  'round',
  'team',
  'team_name',
  'role',
  'name',
  'counted',
  ...CORNERS.map((c) => `attention_${c}`),
  ...CORNERS.map((c) => `stance_${c}`),
  'card_kind',
  'card_corner',
];

export function decisionsCsv(core: SessionCore): string {
  const counted = new Set([...latestDecisions(core.decisions).values()].map((d) => (d as { seq?: number }).seq));
  const lines = [DECISIONS_CSV_HEADER.join(',')];
  for (const d of core.decisions) {
    const row: (string | number | boolean | null)[] = [
      core.versions.modelVersion,
      core.versions.scenarioHash,
      core.setup.seed,
      core.id,
      d.seq,
      new Date(d.at).toISOString(),
      d.round,
      d.team + 1,
      core.setup.teams[d.team]?.name ?? '',
      d.role,
      d.name,
      counted.has(d.seq),
      ...CORNERS.map((c) => d.decision.attention[c]),
      ...CORNERS.map((c) => d.decision.stance[c]),
      d.decision.card?.kind ?? null,
      d.decision.card?.corner ?? null,
    ];
    lines.push(row.map(csvCell).join(','));
  }
  return `${lines.join('\n')}\n`;
}
