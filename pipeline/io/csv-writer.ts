/**
 * Writes CSV as csv-stringify does. Text cells that a spreadsheet would run as a formula (leading
 * =, +, -, @, tab or CR) are neutralized with a leading apostrophe (OWASP's advice); numbers are
 * written in JavaScript's shortest round-trip form, so output is byte-stable.
 */

export type CsvCell = string | number | boolean | null;

/** Leading = + - @ tab or CR (a character test, not a regex: it runs for every text cell written). */
export function neutralizeFormula(text: string): string {
  const c = text.charCodeAt(0);
  return c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13 ? `'${text}` : text;
}

/** A cell as written: numbers and booleans never need quoting, so only text goes through the checks. */
function cellField(v: CsvCell): string {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return field(neutralizeFormula(v));
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
 * A file's content, whole or in pieces to be written one after another. A million-record table
 * is kept as UTF-8 pieces of a few thousand lines: as one string it would be held twice while
 * joined, and V8 keeps a string in two bytes a character as soon as one of the strings it was
 * built from is (a cell compared with an enumeration can be swapped for a two-byte copy of the
 * same word), which doubled the impute stage's memory (bench/scale.bench.ts).
 */
export type FileText = string | readonly Uint8Array[];

/** The text of a FileText as one string (for small files: downloads, tests). */
export function joinText(text: FileText): string {
  return typeof text === 'string' ? text : Buffer.concat(text).toString('utf8');
}

/** Lines per piece of toCsvPieces: ~1 MB of a 39-column table. */
export const LINES_PER_PIECE = 4096;

/**
 * The CSV text in pieces of LINES_PER_PIECE lines: header, one line per row, LF line ends and a
 * final LF. Byte for byte what csv-stringify writes for the same cells
 * (test/fuzz/csv-writer.fuzz.test.ts checks it), without its per-field overhead, which the scale
 * benchmark measured at ~3 µs a row for 39 columns.
 */
export function toCsvPieces(columns: readonly string[], rows: Iterable<readonly CsvCell[]>): Buffer[] {
  const pieces: Buffer[] = [];
  let lines = [columns.map(field).join(',')];
  // join, not +=: a flat string per piece, where += would leave a tree of every cell until the end.
  for (const row of rows) {
    lines.push(csvLine(row));
    if (lines.length === LINES_PER_PIECE) {
      pieces.push(Buffer.from(`${lines.join('\n')}\n`));
      lines = [];
    }
  }
  if (lines.length > 0) pieces.push(Buffer.from(`${lines.join('\n')}\n`));
  return pieces;
}

/** One record's line, without its LF. */
export function csvLine(row: readonly CsvCell[]): string {
  return row.map(cellField).join(',');
}

/**
 * Lines without a header, each ending in LF, as one UTF-8 buffer, with the byte offset at which
 * each line ends: a batch of a table written in batches, whose lines can later be put in another
 * order (pipeline/stages/row-batches.ts) without being held as strings.
 */
export function csvLines(rows: Iterable<readonly CsvCell[]>): { bytes: Buffer; ends: Uint32Array } {
  const lines: string[] = [];
  for (const row of rows) lines.push(csvLine(row));
  const ends = new Uint32Array(lines.length);
  let at = 0;
  for (let i = 0; i < lines.length; i++) ends[i] = at += Buffer.byteLength(lines[i]) + 1;
  return { bytes: Buffer.from(lines.length === 0 ? '' : `${lines.join('\n')}\n`), ends };
}

/** The CSV text as one string (see toCsvPieces). */
export function toCsv(columns: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  return joinText(toCsvPieces(columns, rows));
}
