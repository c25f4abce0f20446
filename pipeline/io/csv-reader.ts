/**
 * Reads a CSV file into rows that remember their line numbers, and turns every way a file can be
 * unreadable (encoding, quoting, ragged rows, oversized records, empty file) into a located Problem.
 * BOM and CRLF line ends are accepted.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { PipelineError, type Problem } from '../errors.ts';
import { messages } from '../messages.ts';
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

interface CsvParseError extends Error {
  code?: string;
  lines?: number;
  column?: number;
}

export function readCsvFile(path: string, displayName = path, options: ReadCsvOptions = {}): CsvTable {
  return parseCsvBytes(readFileSync(path), displayName, options);
}

export function parseCsvBytes(bytes: Uint8Array, file: string, options: ReadCsvOptions = {}): CsvTable {
  const bad = findInvalidUtf8(bytes);
  if (bad) {
    throw new PipelineError(messages.unreadableFile(file), [
      { file, line: bad.line, column: bad.column, message: messages.notUtf8(bad.byte), expected: 'UTF-8 text' },
    ]);
  }
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  if (text.replace(/^\uFEFF/, '').trim() === '') {
    throw new PipelineError(messages.unreadableFile(file), [
      { file, line: 1, column: 1, message: messages.emptyFile, expected: 'a header row and at least one record' },
    ]);
  }
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      info: true,
      relax_column_count: false,
      skip_empty_lines: true,
      max_record_size: options.maxRecordSize ?? DEFAULT_MAX_RECORD,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (err) {
    throw new PipelineError(messages.unreadableFile(file), [csvProblem(file, err as CsvParseError, options)]);
  }
  const [head, ...body] = records;
  const header = head.record.map((h) => h.trim());
  const rows = body.map(({ record, info }) => ({
    // info.lines is the line the record ends on; quoted newlines inside it move its start up.
    line: info.lines - countNewlines(record),
    cells: record,
  }));
  if (rows.length === 0) {
    throw new PipelineError(messages.unreadableFile(file), [
      { file, line: 2, column: 1, message: messages.headerOnly, expected: 'at least one record after the header' },
    ]);
  }
  return { file, header, rows };
}

function countNewlines(cells: string[]): number {
  let n = 0;
  for (const cell of cells) for (let i = cell.indexOf('\n'); i !== -1; i = cell.indexOf('\n', i + 1)) n++;
  return n;
}

function csvProblem(file: string, err: CsvParseError, options: ReadCsvOptions): Problem {
  const line = err.lines ?? 1;
  const column = (err.column ?? 0) + 1;
  switch (err.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return { file, line, column, message: messages.quoteNotClosed, expected: 'every opening quote closed' };
    case 'INVALID_OPENING_QUOTE':
    case 'CSV_INVALID_CLOSING_QUOTE':
      return { file, line, column, message: messages.strayQuote, expected: 'quotes only around a whole field, doubled inside it' };
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH':
    case 'CSV_RECORD_DONT_MATCH_COLUMNS_LENGTH':
      return { file, line, column: 1, message: messages.raggedRow(err.message), expected: 'as many fields as the header' };
    case 'CSV_MAX_RECORD_SIZE':
      return {
        file,
        line,
        column: 1,
        message: messages.recordTooLarge(options.maxRecordSize ?? DEFAULT_MAX_RECORD),
        expected: 'records of reasonable size',
      };
    default:
      return { file, line, column, message: messages.csvSyntax(err.message), expected: 'RFC 4180 CSV' };
  }
}
