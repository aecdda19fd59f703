// The runs a visitor has paused or finished, kept in this browser (localStorage) for comparison: each
// with its link (which replays it exactly), scenario, seed, the month reached, how many controls the
// player made, and the run report at that month. One entry per run: pausing the same run again (the
// same scenario, seed, length and controls) replaces its entry with the later month.
import type { RunReport } from '../../engine/sandbox-api';

export interface KeptRun {
  /** the run's identity: its link without the month (`at`) */
  key: string;
  /** the query string that opens it again, at the month kept */
  search: string;
  scenarioId: string;
  title: { nl: string; en: string };
  seed: number;
  month: number;
  months: number;
  controls: number;
  report: RunReport;
  savedAt: number;
}

const STORAGE_KEY = 'meerwaarde.runs';
/** the list keeps the newest runs; older ones drop off */
export const MAX_KEPT = 16;

export function runKey(search: string): string {
  const params = new URLSearchParams(search);
  params.delete('at');
  params.delete('view');
  return params.toString();
}

function valid(x: unknown): x is KeptRun {
  const r = x as KeptRun;
  return !!r && typeof r.key === 'string' && typeof r.search === 'string' && typeof r.month === 'number' && !!r.report && Array.isArray(r.report.account);
}

export class KeptRuns {
  private list: KeptRun[] = [];
  private listeners = new Set<() => void>();

  constructor(private readonly storage: Storage | null = safeStorage()) {
    try {
      const raw = this.storage?.getItem(STORAGE_KEY);
      const parsed: unknown = raw ? JSON.parse(raw) : [];
      this.list = Array.isArray(parsed) ? parsed.filter(valid) : [];
    } catch {
      this.list = [];
    }
  }

  get runs(): readonly KeptRun[] {
    return this.list;
  }

  keep(run: Omit<KeptRun, 'key' | 'savedAt'>): KeptRun {
    const entry: KeptRun = { ...run, key: runKey(run.search), savedAt: Date.now() };
    this.list = [entry, ...this.list.filter((r) => r.key !== entry.key)].slice(0, MAX_KEPT);
    this.save();
    return entry;
  }

  remove(key: string): void {
    this.list = this.list.filter((r) => r.key !== key);
    this.save();
  }

  onChange(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private save(): void {
    try {
      this.storage?.setItem(STORAGE_KEY, JSON.stringify(this.list));
    } catch {
      // storage full or blocked: the list still works for this visit
    }
    for (const fn of this.listeners) fn();
  }
}

function safeStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
