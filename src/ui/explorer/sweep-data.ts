// Reading a browser sweep's runs.csv and monthly.csv back (with the sweep's own CSV reader), for the
// charts: every number a chapter shows from a sweep comes from these bytes, the same bytes the command
// line writes.
import { parseLine, parseNumber } from '../../sweep/csv';

export interface RunsTable {
  columns: string[];
  rows: number[][];
  col(name: string): number;
}

export function readRuns(csv: string): RunsTable {
  const lines = csv.split('\n').filter((l) => l !== '');
  const columns = parseLine(lines[0]);
  const rows = lines.slice(1).map((l) => parseLine(l).map(parseNumber));
  return {
    columns,
    rows,
    col(name) {
      const i = columns.indexOf(name);
      if (i < 0) throw new Error(`runs.csv has no column ${name}`);
      return i;
    },
  };
}

/** One series of monthly.csv per run: run -> values by month (index month - 1). */
export function readMonthly(csv: string, series: string): Map<number, Float64Array> {
  const lines = csv.split('\n').filter((l) => l !== '');
  const head = parseLine(lines[0]);
  const j = head.indexOf(series);
  if (j < 0) throw new Error(`monthly.csv has no column ${series}`);
  const byRun = new Map<number, number[]>();
  for (const line of lines.slice(1)) {
    const f = parseLine(line);
    const run = Number(f[0]);
    const month = Number(f[1]);
    let list = byRun.get(run);
    if (!list) byRun.set(run, (list = []));
    list[month - 1] = parseNumber(f[j]);
  }
  return new Map([...byRun].map(([run, v]) => [run, Float64Array.from(v)]));
}
