// Readable plain-text tables for the terminal: columns padded to their widest cell, numbers
// right-aligned and text left-aligned, with a rule under the header.

export type Cell = string | number | null | undefined;

export interface TableOptions {
  /** significant digits for numbers that are not integers */
  digits?: number;
  /** a title printed above the table */
  title?: string;
}

/** Formats a number for people: integers as they are, others with `digits` significant digits. */
export function formatNumber(x: number, digits = 3): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (Number.isInteger(x)) return String(x);
  const abs = Math.abs(x);
  if (abs !== 0 && (abs < 1e-3 || abs >= 1e6)) return x.toExponential(digits - 1);
  // fixed notation with `digits` significant digits, trailing zeros kept for aligned columns
  const decimals = Math.max(0, digits - 1 - Math.floor(Math.log10(abs || 1)));
  return x.toFixed(Math.min(decimals, 10));
}

export function formatTable(headers: string[], rows: Cell[][], options: TableOptions = {}): string {
  const { digits = 3, title } = options;
  const text = rows.map((row) => row.map((c) => (c === null || c === undefined ? '' : typeof c === 'number' ? formatNumber(c, digits) : c)));
  const numeric = headers.map((_, j) => rows.length > 0 && rows.every((r) => typeof r[j] === 'number' || r[j] === null || r[j] === undefined));
  const widths = headers.map((h, j) => Math.max(h.length, ...text.map((r) => (r[j] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, j) => (numeric[j] ? c.padStart(widths[j]) : c.padEnd(widths[j])))
      .join('  ')
      .trimEnd();
  const out = [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...text.map(line)];
  if (title) out.unshift(title, '');
  return out.join('\n') + '\n';
}

/** An interval as "[low, high]". */
export function formatInterval(low: number, high: number, digits = 3): string {
  return `[${formatNumber(low, digits)}, ${formatNumber(high, digits)}]`;
}
