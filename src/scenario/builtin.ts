// The scenario library: every scenarios/*.json, bundled (Vite's import.meta.glob), validated on load.
import { parseScenario } from './parse';
import type { Scenario } from './schema';

const files = import.meta.glob('../../scenarios/*.json', { eager: true, import: 'default' }) as Record<string, unknown>;

const ORDER = ['baseline', 'budget-cuts', 'tight-labour-market', 'recession', 'new-alderman', 'scandal', 'banenafspraak-push', 'payment-by-results', 'trust-experiment', 'sociaal-ontwikkelbedrijf', 'luck-lab'];

export const BUILTIN_SCENARIOS: Scenario[] = Object.entries(files)
  .map(([path, json]) => parseScenario(json, path.replace('../../', '')))
  .sort((a, b) => rank(a.id) - rank(b.id) || a.id.localeCompare(b.id));

function rank(id: string): number {
  const i = ORDER.indexOf(id);
  return i < 0 ? ORDER.length : i;
}

export function builtinScenario(id: string): Scenario | undefined {
  return BUILTIN_SCENARIOS.find((s) => s.id === id);
}
