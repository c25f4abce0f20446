/**
 * Writes CSV as csv-stringify does. Text cells that a spreadsheet would run as a formula (leading
 * =, +, -, @, tab or CR) are neutralized with a leading apostrophe (OWASP's advice); numbers are
 * written in JavaScript's shortest round-trip form, so output is byte-stable.
 *
 * Tables are written straight into UTF-8 bytes (CsvBytes): no string per line or per quoted field,
 * no array or closure per row (tsx compiles with keepNames, so every closure made at run time also
 * pays a `__name` defineProperty). Lines built as strings, then encoded, spent most of their time
 * making, flattening and collecting those strings: the models.csv lines of a million synthetic
 * records took ~9 s of CPU that way, ~4 s this way (pipeline/impute/processed-table.ts writes them).
 */

export type CsvCell = string | number | boolean | null;

/** Leading = + - @ tab or CR (a character test, not a regex: it runs for every text cell written). */
export function neutralizeFormula(text: string): string {
  return isFormulaStart(text.charCodeAt(0)) ? `'${text}` : text;
}

function isFormulaStart(c: number): boolean {
  return c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13;
}

/**
 * A field as csv-stringify wrote it with an explicit LF record delimiter: quoted when it holds a
 * quote, a comma or an LF (a lone CR is content there, since readers split at the file's LF).
 */
function field(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
const NEEDS_QUOTES = /[",\n]/;

/** A cell's field as text (for a single line; tables go through CsvBytes). */
function cellField(v: CsvCell): string {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return field(neutralizeFormula(v));
}

/**
 * CSV fields written one after another as UTF-8 bytes, into a buffer that grows as needed, as
 * Buffer.from would encode the text (a lone surrogate as U+FFFD). The caller writes the
 * separators (comma, endLine).
 */
export class CsvBytes {
  private buf: Buffer;
  private at = 0;

  constructor(capacity = 1 << 16) {
    this.buf = Buffer.allocUnsafe(capacity);
  }

  /** Bytes written since the last take. */
  get length(): number {
    return this.at;
  }

  /** A text cell: neutralized, quoted if need be. */
  text(text: string): void {
    const n = text.length;
    // At most 3 bytes a UTF-16 unit (a doubled quote is 2, a surrogate pair 4 for 2 units), plus
    // the apostrophe and two quotes.
    this.room(3 * n + 3);
    if (n > SHORT_TEXT) return this.longText(text);
    const buf = this.buf;
    const start = this.at;
    let at = start;
    if (isFormulaStart(text.charCodeAt(0))) buf[at++] = 39;
    let quote = false;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      // Letters, digits and most punctuation: past `,` (44) and ASCII.
      if (c > 44 && c < 128) {
        buf[at++] = c;
      } else if (c < 128) {
        if (c === 34) {
          // A quote is doubled, and any quote means the field is quoted.
          buf[at++] = 34;
          quote = true;
        } else if (c === 44 || c === 10) {
          quote = true;
        }
        buf[at++] = c;
      } else if (c < 0x800) {
        buf[at++] = 0xc0 | (c >> 6);
        buf[at++] = 0x80 | (c & 0x3f);
      } else if (c < 0xd800 || c > 0xdfff) {
        buf[at++] = 0xe0 | (c >> 12);
        buf[at++] = 0x80 | ((c >> 6) & 0x3f);
        buf[at++] = 0x80 | (c & 0x3f);
      } else {
        const next = i + 1 < n ? text.charCodeAt(i + 1) : 0;
        if (c < 0xdc00 && next >= 0xdc00 && next <= 0xdfff) {
          const cp = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
          buf[at++] = 0xf0 | (cp >> 18);
          buf[at++] = 0x80 | ((cp >> 12) & 0x3f);
          buf[at++] = 0x80 | ((cp >> 6) & 0x3f);
          buf[at++] = 0x80 | (cp & 0x3f);
          i++;
        } else {
          // A lone surrogate: U+FFFD, as Buffer.from writes it.
          buf[at++] = 0xef;
          buf[at++] = 0xbf;
          buf[at++] = 0xbd;
        }
      }
    }
    if (quote) {
      for (let i = at; i > start; i--) buf[i] = buf[i - 1];
      buf[start] = 34;
      at++;
      buf[at++] = 34;
    }
    this.at = at;
  }

  /** A long text: searched and encoded by native code, which beyond a few dozen characters is faster than a loop here. */
  private longText(text: string): void {
    const buf = this.buf;
    const quotes = text.indexOf('"') !== -1;
    const quote = quotes || text.indexOf(',') !== -1 || text.indexOf('\n') !== -1;
    if (quote) buf[this.at++] = 34;
    if (isFormulaStart(text.charCodeAt(0))) buf[this.at++] = 39;
    this.at += buf.write(quotes ? text.replaceAll('"', '""') : text, this.at);
    if (quote) buf[this.at++] = 34;
  }

  /**
   * A header name: quoted if need be, never neutralized (csv-stringify's header). Through the
   * string functions, once a table: sharing the cells' path made V8 compile that path less well
   * (models.csv took ~1.5 times as long).
   */
  header(text: string): void {
    const quoted = field(text);
    this.room(3 * quoted.length);
    this.at += this.buf.write(quoted, this.at);
  }

  /** Any cell, as csvLine writes it. */
  cell(v: CsvCell): void {
    if (v === null) return;
    if (typeof v === 'number') this.number(v);
    else if (typeof v === 'boolean') this.ascii(v ? 'true' : 'false');
    else this.text(v);
  }

  /** A number cell: its shortest round-trip form (String(n)), nothing for NaN and ±Infinity. */
  number(n: number): void {
    if (n - n !== 0) return;
    const abs = n < 0 ? -n : n;
    // Whole numbers below 2^53 are their exact digits (no shorter decimal reads back as the same
    // double), written without making a string: most counts in models.csv are.
    if (abs < 9007199254740992 && Math.floor(abs) === abs) {
      this.room(17);
      if (n < 0) this.buf[this.at++] = 45;
      this.digits(abs);
    } else {
      this.ascii(String(n));
    }
  }

  /**
   * A number cell rounded to `digits` significant digits (1 to 9): byte for byte what
   * number(Number(n.toPrecision(digits))) writes, without the text between. toPrecision rounds the
   * exact value of the double; so does the scaled quotient here, but for a tie (or near one, where
   * the quotient's own rounding could decide) and beyond the normal range, which take the long way.
   */
  precision(n: number, digits: number): void {
    const abs = n < 0 ? -n : n;
    if (digits >= 1 && digits <= 9 && abs >= 1e-290 && abs < 1e290) {
      const low = POW10[digits - 1];
      const high = POW10[digits];
      let exp = Math.floor(Math.log10(abs));
      let scaled = scale(abs, digits - 1 - exp);
      // log10 can be one off next to a power of ten.
      if (scaled >= high) scaled = scale(abs, digits - 1 - ++exp);
      else if (scaled < low) scaled = scale(abs, digits - 1 - --exp);
      const floor = Math.floor(scaled);
      const fraction = scaled - floor;
      // The quotient is within ~2e-7 of the exact one (two roundings of < 1e9), so away from .5 it
      // rounds the same way.
      if (scaled >= low && scaled < high && (fraction < 0.499999 || fraction > 0.500001)) {
        let m = fraction > 0.5 ? floor + 1 : floor;
        if (m === high) {
          m = low;
          exp++;
        }
        this.decimal(n < 0, m, exp);
        return;
      }
    }
    this.number(Number(n.toPrecision(digits)));
  }

  /**
   * A number cell rounded to `digits` decimals (0 to 4): byte for byte what
   * number(Number(n.toFixed(digits))) writes (the same reasoning as precision).
   */
  fixed(n: number, digits: number): void {
    const abs = n < 0 ? -n : n;
    if (digits >= 0 && digits <= 4 && abs < 1e8) {
      const scaled = abs * POW10[digits];
      const floor = Math.floor(scaled);
      const fraction = scaled - floor;
      // Below 1e12 the product is within 1e-4 of the exact one.
      if (fraction < 0.499 || fraction > 0.501) {
        const m = fraction > 0.5 ? floor + 1 : floor;
        // Zero (and a negative number that rounds to it: -0) is written 0.
        if (m === 0) this.ascii('0');
        else this.decimal(n < 0, m, decimalExponent(m) - digits);
        return;
      }
    }
    this.number(Number(n.toFixed(digits)));
  }

  /**
   * Text that is all ASCII and needs neither quotes nor an apostrophe, as the caller knows: a
   * number's digits, `true`, an enumeration's word. Copied without the checks.
   */
  ascii(text: string): void {
    const n = text.length;
    this.room(n);
    const buf = this.buf;
    let at = this.at;
    for (let i = 0; i < n; i++) buf[at++] = text.charCodeAt(i);
    this.at = at;
  }

  comma(): void {
    this.room(1);
    this.buf[this.at++] = 44;
  }

  endLine(): void {
    this.room(1);
    this.buf[this.at++] = 10;
  }

  /** Bytes the buffer holds before it grows. */
  get capacity(): number {
    return this.buf.length;
  }

  /** Drops what was written. */
  clear(): void {
    this.at = 0;
  }

  /** The bytes written so far, as a buffer of their own; the writer starts again empty. */
  take(): Buffer {
    const out = Buffer.allocUnsafe(this.at);
    this.buf.copy(out, 0, 0, this.at);
    this.at = 0;
    return out;
  }

  /** The bytes written so far, as a view of the writer's buffer (valid until it is written to again); the writer starts again empty. */
  view(): Buffer {
    const out = this.buf.subarray(0, this.at);
    this.at = 0;
    return out;
  }

  private room(bytes: number): void {
    if (this.at + bytes <= this.buf.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(2 * this.buf.length, this.at + bytes));
    this.buf.copy(bigger, 0, 0, this.at);
    this.buf = bigger;
  }

  /**
   * The digits of a whole number below 2^53. Not with `%`: on a double it is a call to C's fmod.
   * Below 2^31 in 32-bit integers; above, floor(m / 10) is exact (the quotient's rounding error
   * is below 1/16, while its distance to the next whole number is at least 1/10).
   */
  private digits(m: number): number {
    const count = m < 10 ? 1 : decimalExponent(m) + 1;
    const buf = this.buf;
    let at = this.at + count;
    this.at = at;
    if (m < 2147483648) {
      let v = m | 0;
      do {
        const q = (v / 10) | 0;
        buf[--at] = 48 + v - q * 10;
        v = q;
      } while (v > 0);
    } else {
      do {
        const q = Math.floor(m / 10);
        buf[--at] = 48 + (m - q * 10);
        m = q;
      } while (m > 0);
    }
    return count;
  }

  /**
   * ±m × 10^(exp - digits of m + 1) as String writes a double whose shortest digits are m's (at
   * most 15 of them): fixed from 1e-7 to below 1e21, else `d.ddde+x`.
   */
  private decimal(negative: boolean, m: number, exp: number): void {
    for (let q = Math.floor(m / 10); q * 10 === m; q = Math.floor(m / 10)) m = q;
    this.room(32);
    const buf = this.buf;
    if (negative) buf[this.at++] = 45;
    const start = this.at;
    const count = this.digits(m);
    if (exp >= 21 || exp <= -7) {
      if (count > 1) this.insertPoint(start + 1);
      buf[this.at++] = 101; // e
      buf[this.at++] = exp < 0 ? 45 : 43;
      this.digits(exp < 0 ? -exp : exp);
    } else if (exp < 0) {
      // 0.000ddd: shift the digits right past `0.` and the zeros.
      const shift = 1 - exp;
      buf.copyWithin(start + shift, start, this.at);
      buf[start] = 48;
      buf[start + 1] = 46;
      for (let i = start + 2; i < start + shift; i++) buf[i] = 48;
      this.at += shift;
    } else if (exp + 1 >= count) {
      for (let i = count; i <= exp; i++) buf[this.at++] = 48;
    } else {
      this.insertPoint(start + exp + 1);
    }
  }

  /** Moves the digits from `at` one place right and puts a decimal point there. */
  private insertPoint(at: number): void {
    const buf = this.buf;
    for (let i = this.at; i > at; i--) buf[i] = buf[i - 1];
    buf[at] = 46;
    this.at++;
  }
}

/**
 * Texts up to this length are checked and encoded in a loop; longer ones by indexOf and
 * Buffer#write, whose ~60 ns a call the loop (~3 ns a character) costs at about 20 characters.
 */
const SHORT_TEXT = 24;

/** 10^0 to 10^308, each the double nearest the power (exact to 10^22). */
const POW10 = Array.from({ length: 309 }, (_, k) => Number(`1e${k}`));

/** n × 10^k, with one rounding for |k| ≤ 22 and two beyond. */
function scale(n: number, k: number): number {
  return k >= 0 ? n * POW10[k] : n / POW10[-k];
}

/** The exponent of a whole number's leading digit (m ≥ 1, below 2^53). */
function decimalExponent(m: number): number {
  let e = 0;
  while (e < 15 && POW10[e + 1] <= m) e++;
  return e;
}

/**
 * A file's content, whole or in pieces to be written one after another (an array of buffers, or
 * a file of the cache read a chunk at a time: pipeline/io/artifact-store.ts). A million-record table
 * is kept as UTF-8 pieces of a few thousand lines: as one string it would be held twice while
 * joined, and V8 keeps a string in two bytes a character as soon as one of the strings it was
 * built from is (a cell compared with an enumeration can be swapped for a two-byte copy of the
 * same word), which doubled the impute stage's memory (bench/scale.bench.ts).
 */
export type FileText = string | Iterable<Uint8Array>;

/**
 * A file's content made a piece at a time each time it is iterated (a table put in order from
 * stored lines: pipeline/io/line-store.ts): the whole file is never held beside what it is made
 * from. A piece is valid only until the next one is asked for (the pieces may share one buffer):
 * a consumer writes or hashes it at once, or copies it. The artifact store writes it to the cache
 * in one pass.
 */
export class LazyPieces implements Iterable<Uint8Array> {
  constructor(private readonly make: () => Iterator<Uint8Array>) {}

  [Symbol.iterator](): Iterator<Uint8Array> {
    return this.make();
  }
}

/** The text of a FileText as one string (for small files: downloads, tests). */
export function joinText(text: FileText): string {
  if (typeof text === 'string') return text;
  const pieces: Uint8Array[] = [];
  for (const p of text) pieces.push(text instanceof LazyPieces ? Uint8Array.prototype.slice.call(p) : p);
  return Buffer.concat(pieces).toString('utf8');
}

/** Lines per piece of toCsvPieces: ~1 MB of a 39-column table. */
export const LINES_PER_PIECE = 4096;

/** Writes one row's fields, with their commas and without the LF. */
export type RowWriter<T> = (row: T, out: CsvBytes) => void;

/** Writes a row of cells. */
export function writeCells(row: readonly CsvCell[], out: CsvBytes): void {
  for (let i = 0; i < row.length; i++) {
    if (i > 0) out.comma();
    out.cell(row[i]);
  }
}

/**
 * The CSV text in pieces of LINES_PER_PIECE lines (the header counts as one): header, one line
 * per row written by writeRow, LF line ends and a final LF.
 */
export function writePieces<T>(columns: readonly string[], rows: Iterable<T>, writeRow: RowWriter<T>): Buffer[] {
  return withWriter((out) => {
    const pieces: Buffer[] = [];
    for (let i = 0; i < columns.length; i++) {
      if (i > 0) out.comma();
      out.header(columns[i]);
    }
    out.endLine();
    let lines = 1;
    for (const row of rows) {
      writeRow(row, out);
      out.endLine();
      if (++lines === LINES_PER_PIECE) {
        pieces.push(out.take());
        lines = 0;
      }
    }
    if (lines > 0) pieces.push(out.take());
    return pieces;
  });
}

/**
 * Lines without a header, each ending in LF, as one UTF-8 buffer, with the byte offset at which
 * each line ends (see csvLines), each written by writeRow.
 */
export function writeLines<T>(rows: Iterable<T>, writeRow: RowWriter<T>): { bytes: Buffer; ends: Uint32Array } {
  return linesOf(rows, writeRow, true);
}

/**
 * As writeLines, the bytes a view of the writer's own buffer rather than a copy: valid only until
 * the next table or batch is written (for a consumer that copies them at once: pipeline/io/ranked-lines.ts).
 */
export function writeLinesView<T>(rows: Iterable<T>, writeRow: RowWriter<T>): { bytes: Buffer; ends: Uint32Array } {
  return linesOf(rows, writeRow, false);
}

function linesOf<T>(rows: Iterable<T>, writeRow: RowWriter<T>, copy: boolean): { bytes: Buffer; ends: Uint32Array } {
  return withWriter((out) => {
    let ends = new Uint32Array(1024);
    let count = 0;
    for (const row of rows) {
      writeRow(row, out);
      out.endLine();
      if (count === ends.length) {
        const bigger = new Uint32Array(2 * count);
        bigger.set(ends);
        ends = bigger;
      }
      ends[count++] = out.length;
    }
    return { bytes: copy ? out.take() : out.view(), ends: ends.slice(0, count) };
  });
}

/**
 * The writer's buffer is kept from one table (or batch of lines) to the next: a table written
 * in batches of a thousand lines would otherwise allocate and grow a buffer per batch, ~1 GB
 * outside the heap for a million lines, which also hastens full collections.
 */
let spare: CsvBytes | null = null;

function withWriter<T>(write: (out: CsvBytes) => T): T {
  // A writer called from inside another (not done today) gets a buffer of its own.
  const out = spare ?? new CsvBytes(1 << 20);
  spare = null;
  try {
    return write(out);
  } finally {
    // Kept only if small: a large one-piece batch must not pin its buffer for the process's life.
    if (out.capacity <= 1 << 22) {
      out.clear();
      spare = out;
    }
  }
}

/**
 * The CSV text in pieces of LINES_PER_PIECE lines: header, one line per row, LF line ends and a
 * final LF. Byte for byte what csv-stringify writes for the same cells
 * (test/fuzz/csv-writer.fuzz.test.ts checks it), without its per-field overhead, which the scale
 * benchmark measured at ~3 µs a row for 39 columns.
 */
export function toCsvPieces(columns: readonly string[], rows: Iterable<readonly CsvCell[]>): Buffer[] {
  return writePieces(columns, rows, writeCells);
}

/** One record's line, without its LF. */
export function csvLine(row: readonly CsvCell[]): string {
  let line = '';
  for (let i = 0; i < row.length; i++) line += i === 0 ? cellField(row[i]) : `,${cellField(row[i])}`;
  return line;
}

/**
 * Lines without a header, each ending in LF, as one UTF-8 buffer, with the byte offset at which
 * each line ends: a batch of a table written in batches, whose lines can later be put in another
 * order (pipeline/io/line-store.ts) without being held as strings.
 */
export function csvLines(rows: Iterable<readonly CsvCell[]>): { bytes: Buffer; ends: Uint32Array } {
  return writeLines(rows, writeCells);
}

/** The CSV text as one string (see toCsvPieces). */
export function toCsv(columns: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  return joinText(toCsvPieces(columns, rows));
}
