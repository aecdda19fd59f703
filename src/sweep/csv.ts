// CSV as the sweep writes it (RFC 4180): fields separated by commas, rows ended by "\n", a field
// quoted only when it holds a comma, a quote or a line break. Numbers are written by JavaScript's
// shortest round-trip rule (ECMA-262 Number::toString), which is exact and the same in every
// engine, so the same run gives the same bytes on every machine. R and pandas read NaN and Inf.
import type { FactorValue } from './factors';

export function formatNumber(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Inf';
  if (x === -Infinity) return '-Inf';
  return Object.is(x, -0) ? '0' : String(x);
}

export function formatField(v: FactorValue): string {
  if (typeof v === 'number') return formatNumber(v);
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function formatRow(fields: FactorValue[]): string {
  return fields.map(formatField).join(',') + '\n';
}

/** Splits one CSV line (without its line break) into fields, honouring quotes. */
export function parseLine(line: string): string[] {
  if (!line.includes('"')) return line.split(',');
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(field);
      field = '';
    } else field += c;
  }
  out.push(field);
  return out;
}

/** Reads a number field as written by formatNumber (empty means missing: NaN). */
export function parseNumber(field: string): number {
  if (field === 'Inf') return Infinity;
  if (field === '-Inf') return -Infinity;
  if (field === '' || field === 'NaN') return NaN;
  return Number(field);
}
