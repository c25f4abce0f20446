/**
 * An RFC 4180 record scanner that knows the line every record starts on. It replaces csv-parse in
 * the reader because the scale benchmark (bench/scale.bench.ts) showed csv-parse at ~5 µs a
 * record with line info — a fifth of the whole 30 s budget for a million records — where a
 * scanner over the decoded text with indexOf and charCodeAt takes well under 1 µs.
 *
 * Semantics follow csv-parse as the reader configured it: a BOM is skipped; the record delimiter
 * is the first of CRLF, LF or CR the file uses (other CR or LF characters are field content, as
 * in csv-parse); empty lines are skipped; a quote may only open a field, `""` inside a quoted
 * field is a quote; a field's closing quote must be followed by a delimiter. Every way a file can
 * break comes back as one located problem: line, and field (1-based) as the column.
 *
 * The text may come in pieces (a file read a chunk at a time: pipeline/io/csv-reader.ts): the
 * scanner hands out the records the text given so far completes, and keeps the start of a record
 * the text ends inside for the next piece. Records, lines and problems are those of the whole text
 * scanned at once, wherever it was cut after a line feed (test/fuzz/csv-scanner-pieces.fuzz.test.ts).
 */
import type { Problem } from '../errors.ts';
import { messages } from '../messages.ts';

export interface CsvRecord {
  /** 1-based line on which the record starts. */
  line: number;
  cells: string[];
}

export type ScanResult = { records: CsvRecord[]; problem: null } | { records: CsvRecord[]; problem: Omit<Problem, 'file'> };

const COMMA = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;
const CONTENT_SHOWN = 200;

/**
 * A cell to be kept after its piece of text is done with, as a string of its own: a cell cut from
 * the text may be a view that keeps the whole piece alive (ARCHITECTURE.md, "Engine notes").
 */
export function detached(cell: string): string {
  return cell.length < SLICED_MIN_LENGTH ? cell : (' ' + cell).slice(1);
}

/** The shortest cut of a string that V8 makes a view of its parent rather than a copy. */
const SLICED_MIN_LENGTH = 13;

/** Splits `text` into records; stops at the first malformed one. */
export function scanCsv(text: string, maxRecordSize: number): ScanResult {
  return csvScanner(text, maxRecordSize).next(Infinity);
}

/** A scanner over the whole of `text`. */
export function csvScanner(text: string, maxRecordSize: number): CsvScanner {
  const scanner = new CsvScanner(maxRecordSize);
  scanner.push(text, true);
  return scanner;
}

/** The scan ran out of text inside a record (more text will come): the record is scanned again then. */
const INCOMPLETE: Omit<Problem, 'file'> = { message: '' };

/**
 * Hands out the records of a text a batch at a time, for a file read in batches (a stage's pass
 * over its records): `next(limit)` returns up to `limit` more records, fewer only at the end of
 * the text given so far, or at the first malformed record (after which it returns nothing more).
 */
export class CsvScanner {
  private text = '';
  private n = 0;
  private i = 0;
  private final = false;
  private started = false;
  private stopped = false;
  /** The record delimiter, fixed by the first one seen; lines are counted by the character it ends with. */
  private eol: 'lf' | 'crlf' | 'cr' | null = null;
  private newline = LF;
  private line = 1;
  /** Fields of the last record scanned. */
  private fields = 0;

  constructor(private readonly maxRecordSize: number) {}

  /** More text, after what was given; `final` when no more will come. */
  push(text: string, final: boolean): void {
    const rest = this.i < this.n ? this.text.slice(this.i) : '';
    this.text = rest === '' ? text : rest + text;
    this.n = this.text.length;
    this.i = 0;
    this.final = final;
    if (!this.started) {
      this.started = true;
      if (this.text.charCodeAt(0) === 0xfeff) this.i = 1;
    }
  }

  /** Whether every record has been handed out (or a problem stopped the scan). */
  get done(): boolean {
    return this.stopped || (this.final && this.i >= this.n);
  }

  /** Whether the scan waits for more text: what was given ends inside a record, or was all scanned. */
  get hungry(): boolean {
    return !this.stopped && !this.final;
  }

  /** Characters given and not yet handed out as records: the start of a record the text ends inside. */
  get pending(): number {
    return this.n - this.i;
  }

  next(limit: number): ScanResult {
    const records: CsvRecord[] = [];
    if (this.stopped) return { records, problem: null };
    while (records.length < limit) {
      const problem = this.record(records);
      if (problem === INCOMPLETE) break;
      if (problem !== null) {
        this.stopped = true;
        return { records, problem };
      }
      if (this.i >= this.n) break;
    }
    return { records, problem: null };
  }

  /** Length of the record delimiter at p (0 if none); the first one seen fixes the file's. */
  private delimiterAt(p: number): number {
    const text = this.text;
    const c = text.charCodeAt(p);
    if (c !== LF && c !== CR) return 0;
    if (this.eol === null) {
      this.eol = c === LF ? 'lf' : text.charCodeAt(p + 1) === LF ? 'crlf' : 'cr';
      this.newline = this.eol === 'cr' ? CR : LF;
    }
    if (this.eol === 'lf') return c === LF ? 1 : 0;
    if (this.eol === 'crlf') return c === CR && text.charCodeAt(p + 1) === LF ? 2 : 0;
    return c === CR ? 1 : 0;
  }

  private countNewlines(from: number, to: number): number {
    const text = this.text;
    let k = 0;
    const ch = this.newline === LF ? '\n' : '\r';
    for (let p = text.indexOf(ch, from); p !== -1 && p < to; p = text.indexOf(ch, p + 1)) k++;
    return k;
  }

  /**
   * Scans the next record into `records` (or skips empty lines up to the end of the text): null,
   * the record's problem, or INCOMPLETE when the text ends inside it and more will come, in which
   * case nothing is consumed.
   */
  private record(records: CsvRecord[]): Omit<Problem, 'file'> | null {
    const text = this.text;
    const n = this.n;
    let i = this.i;
    // Empty lines.
    for (let skip = i < n ? this.delimiterAt(i) : 0; skip > 0; skip = i < n ? this.delimiterAt(i) : 0) {
      i += skip;
      this.line++;
    }
    this.i = i;
    if (i >= n) return this.final ? null : INCOMPLETE;
    const recordLine = this.line;
    const recordStart = i;
    let line = recordLine;
    // As many cells as the last record had, allocated at once: pushed one by one, a record of 30
    // fields grew its array twice (17, then 41 slots).
    const cells: string[] = new Array<string>(this.fields);
    let count = 0;
    for (;;) {
      const field = count + 1;
      if (text.charCodeAt(i) === QUOTE) {
        const open = i;
        let value = '';
        let from = i + 1;
        for (;;) {
          const close = text.indexOf('"', from);
          if (close === -1 || (close + 1 >= n && !this.final)) {
            if (!this.final) return INCOMPLETE;
            return { line, column: field, text: text.slice(open + 1, open + 1 + CONTENT_SHOWN), message: messages.quoteNotClosed, expected: 'every opening quote closed' };
          }
          if (text.charCodeAt(close + 1) === QUOTE) {
            value += text.slice(from, close + 1);
            from = close + 2;
            continue;
          }
          value += text.slice(from, close);
          i = close + 1;
          break;
        }
        const after = text.charCodeAt(i);
        if (i < n && after !== COMMA && this.delimiterAt(i) === 0) {
          return {
            line,
            column: field,
            text: text.slice(open + 1, Math.min(i - 1, open + 1 + CONTENT_SHOWN)),
            message: messages.textAfterClosingQuote,
            expected: 'a delimiter right after a closing quote; a quote inside a quoted field doubled ("")',
          };
        }
        line += this.countNewlines(open, i);
        cells[count++] = value;
      } else {
        const start = i;
        const newline = this.newline;
        for (; i < n; i++) {
          const c = text.charCodeAt(i);
          if (c === COMMA) break;
          if (c === QUOTE) {
            return { line, column: field, message: messages.strayQuote, expected: 'quotes only around a whole field, doubled inside it' };
          }
          if ((c === LF || c === CR) && this.delimiterAt(i) > 0) break;
          if (c === newline) line++;
        }
        cells[count++] = text.slice(start, i);
      }
      if (i - recordStart > this.maxRecordSize) {
        return { line: recordLine, column: 1, message: messages.recordTooLarge(this.maxRecordSize), expected: 'records of reasonable size' };
      }
      if (i >= n && !this.final) return INCOMPLETE;
      if (text.charCodeAt(i) === COMMA) {
        i++;
        continue;
      }
      // End of record: a delimiter, or the end of the text.
      const d = i < n ? this.delimiterAt(i) : 0;
      i += d;
      if (d > 0) line++;
      break;
    }
    if (count < cells.length) cells.length = count;
    this.fields = count;
    this.i = i;
    this.line = line;
    records.push({ line: recordLine, cells });
    return null;
  }
}
