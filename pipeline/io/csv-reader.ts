/**
 * Reads a CSV file into rows that remember their line numbers, and turns every way a file can be
 * unreadable (encoding, quoting, ragged rows, oversized records, empty file) into a located Problem.
 * BOM and CRLF line ends are accepted.
 */
import { isUtf8 } from 'node:buffer';
import { PipelineError, type Problem } from '../errors.ts';
import { messages } from '../messages.ts';
import { csvScanner } from './csv-records.ts';
import { explainScanProblem, sniffCsvShape, type CsvShape } from './csv-sniff.ts';
import { readDataFile } from './safe-read.ts';
import { findInvalidUtf8 } from './utf8.ts';

export interface CsvRow {
  /** 1-based line on which the record starts (the header is line 1). */
  line: number;
  cells: string[];
}

export interface CsvTable {
  file: string;
  header: string[];
  rows: CsvRow[];
}

export interface ReadCsvOptions {
  /** Largest record accepted, in characters; a larger one is an error, not a hang. */
  maxRecordSize?: number;
}

const DEFAULT_MAX_RECORD = 1_000_000;

export function readCsvFile(path: string, displayName = path, options: ReadCsvOptions = {}): CsvTable {
  // Decode first, so the file's bytes can be freed before the records are built.
  return parseCsvText(decodeUtf8(readDataFile(path, displayName), displayName), displayName, options);
}

/**
 * The bytes as text; a byte that is not UTF-8 is a located problem, never a U+FFFD. Checked by
 * the native isUtf8, then decoded by Buffer, which gives a one-byte string when the text is
 * ASCII: TextDecoder gives two bytes a character whatever the text, and every cell sliced from
 * it, every value and every output line built from those cells inherited that, doubling the
 * memory of a million-record run (bench/scale.bench.ts). A BOM is kept, for the scanner to skip.
 */
function decodeUtf8(bytes: Uint8Array, file: string): string {
  if (isUtf8(bytes)) return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  const bad = findInvalidUtf8(bytes) ?? { line: 1, column: 1, byte: 0 };
  // A UTF-16 byte order mark: the whole file is in another encoding, not one bad byte.
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  throw new PipelineError(messages.unreadableFile(file), [
    { file, line: bad.line, column: bad.column, message: utf16 ? messages.utf16File : messages.notUtf8(bad.byte), expected: 'UTF-8 text' },
  ]);
}

export function parseCsvBytes(bytes: Uint8Array, file: string, options: ReadCsvOptions = {}): CsvTable {
  return parseCsvText(decodeUtf8(bytes, file), file, options);
}

/** Parses decoded text (a BOM allowed) as parseCsvBytes does. */
export function parseCsvText(text: string, file: string, options: ReadCsvOptions = {}): CsvTable {
  const reader = openCsvText(text, file, options);
  const { rows, ragged } = reader.next(Infinity);
  if (ragged.length > 0) throw new PipelineError(messages.unreadableFile(file), ragged);
  return { file, header: reader.header, rows };
}

/** A CSV file read a batch of rows at a time (a stage's pass over its records: pipeline/stages/). */
export interface CsvBatchReader {
  file: string;
  header: string[];
  /**
   * Up to `limit` more rows (none once the file is done), with a problem for every row whose
   * field count differs from the header's: the caller reports them all, as parseCsvText does.
   * A malformed record throws, as it does for the whole file.
   */
  next(limit: number): { rows: CsvRow[]; ragged: Problem[] };
}

/** A file's bytes for openCsvText, with the same checks as readCsvFile. */
export function openCsvBytes(bytes: Uint8Array, file: string, options: ReadCsvOptions = {}): CsvBatchReader {
  return openCsvText(decodeUtf8(bytes, file), file, options);
}

/** The header and a reader of the rows after it; an empty or header-only text fails here. */
export function openCsvText(text: string, file: string, options: ReadCsvOptions = {}): CsvBatchReader {
  if (text.replace(/^\uFEFF/, '').trim() === '') {
    throw new PipelineError(messages.unreadableFile(file), [
      { file, line: 1, column: 1, message: messages.emptyFile, expected: 'a header row and at least one record' },
    ]);
  }
  const scanner = csvScanner(text, options.maxRecordSize ?? DEFAULT_MAX_RECORD);
  // Sniffed once, and only when a problem needs explaining.
  let shape: CsvShape | undefined;
  const shapeOf = () => (shape ??= sniffCsvShape(text));
  const scan = (limit: number): CsvRow[] => {
    const scanned = scanner.next(limit);
    // A quoting problem is often a file in another shape (semicolons, mixed line ends): say what was seen.
    if (scanned.problem) throw new PipelineError(messages.unreadableFile(file), [{ file, ...explainScanProblem(shapeOf, scanned.problem) }]);
    return scanned.records;
  };
  const header = scan(1)[0].cells.map((h) => h.trim());
  // The first row is read now, so that a file with none fails before any batch is asked for.
  let first = scan(1);
  if (first.length === 0) {
    throw new PipelineError(messages.unreadableFile(file), [
      { file, line: 2, column: 1, message: messages.headerOnly, expected: 'at least one record after the header' },
    ]);
  }
  // Field counts are checked here, so that every ragged row is reported, not just the first.
  const raggedRow = (row: CsvRow): Problem => ({
    file,
    ...explainScanProblem(shapeOf, {
      line: row.line,
      column: 1,
      message: messages.raggedRow(`${row.cells.length} field${row.cells.length === 1 ? '' : 's'}; the header has ${header.length}`),
      expected: 'as many fields as the header',
    }),
  });
  return {
    file,
    header,
    next(limit) {
      const rows = limit <= 0 ? [] : [...first, ...(first.length < limit && !scanner.done ? scan(limit - first.length) : [])];
      first = [];
      return { rows, ragged: rows.filter((row) => row.cells.length !== header.length).map(raggedRow) };
    },
  };
}
