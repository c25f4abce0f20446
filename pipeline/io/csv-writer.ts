/**
 * Writes CSV as csv-stringify does. Text cells that a spreadsheet would run as a formula (leading
 * =, +, -, @, tab or CR) are neutralized with a leading apostrophe (OWASP's advice); numbers are
 * written in JavaScript's shortest round-trip form, so output is byte-stable.
 */

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

/**
 * A field as csv-stringify wrote it with an explicit LF record delimiter: quoted when it holds a
 * quote, a comma or an LF (a lone CR is content there, since readers split at the file's LF).
 */
function field(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
const NEEDS_QUOTES = /[",\n]/;

/**
 * The CSV text: header, one line per row, LF line ends and a final LF. Byte for byte what
 * csv-stringify writes for the same cells (test/fuzz/csv-writer.fuzz.test.ts checks it), without
 * its per-field overhead, which the scale benchmark measured at ~3 µs a row for 39 columns.
 */
export function toCsv(columns: readonly string[], rows: readonly CsvCell[][]): string {
  const lines = new Array<string>(rows.length + 2);
  lines[0] = columns.map(field).join(',');
  for (let i = 0; i < rows.length; i++) lines[i + 1] = rows[i].map((v) => field(cellText(v))).join(',');
  lines[rows.length + 1] = '';
  return lines.join('\n');
}
