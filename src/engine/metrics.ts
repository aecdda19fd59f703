// Summary metrics by name: every number in summary.json flattened to a dotted path, so that a sweep can
// collect "any summary metric" (dimensions.political.score, publicValueAccount.costs.financialCosts.totalEuro,
// indicators.fairness.score, twin.strategyEffect.composite, ...). Booleans count as 0/1; labels, the event
// log and lists of months are left out.
import type { Summary } from './summary';

export function summaryMetrics(summary: Summary): Record<string, number> {
  const out: Record<string, number> = {};
  const walk = (prefix: string, value: unknown): void => {
    if (typeof value === 'number') out[prefix] = value;
    else if (typeof value === 'boolean') out[prefix] = value ? 1 : 0;
    else if (Array.isArray(value)) {
      // only the caseload's per-tier head counts are lists of numbers worth a metric each
      if (prefix.startsWith('caseload.')) value.forEach((v, i) => (out[`${prefix}.tier${i + 1}`] = v as number));
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(prefix ? `${prefix}.${k}` : k, v);
    }
  };
  const { events: _events, indicators, meta, ...rest } = summary;
  walk('', rest);
  for (const ind of indicators) {
    out[`indicators.${ind.id}.value`] = ind.value;
    out[`indicators.${ind.id}.benchmark`] = ind.benchmark;
    out[`indicators.${ind.id}.score`] = ind.score;
  }
  out['meta.seed'] = meta.seed;
  out['meta.months'] = meta.months;
  return out;
}

/** The metric names a summary offers (for validation of an experiment's outputs and for --help). */
export function metricNames(summary: Summary): string[] {
  return Object.keys(summaryMetrics(summary));
}
