/**
 * Writes CSV with csv-stringify. Text cells that a spreadsheet would run as a formula (leading
 * =, +, -, @, tab or CR) are neutralized with a leading apostrophe (OWASP's advice); numbers are
 * written in JavaScript's shortest round-trip form, so output is byte-stable.
 */
import { stringify } from 'csv-stringify/sync';

export type CsvCell = string | number | boolean | null;

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function cellText(v: CsvCell): string {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return neutralizeFormula(v);
}

export function toCsv(columns: readonly string[], rows: readonly CsvCell[][]): string {
  return stringify([columns as string[], ...rows.map((r) => r.map(cellText))], { eof: true, record_delimiter: '\n' });
}
