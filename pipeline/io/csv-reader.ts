/**
 * Reads a CSV file into rows that remember their line numbers, and turns every way a file can be
 * unreadable (encoding, quoting, ragged rows, oversized records, empty file) into a located Problem.
 * BOM and CRLF line ends are accepted.
 *
 * A large file is read a chunk at a time (openCsvStream): its bytes pass through one reused
 * buffer and are decoded into strings of a few dozen kilobytes, each cut after a line feed, so a
 * pass over a million records never holds the file, or its text, whole (ARCHITECTURE.md, "Engine
 * notes": memory touched for the first time is what such a pass paid most for).
 */
import { isUtf8 } from 'node:buffer';
import { PipelineError, type Problem } from '../errors.ts';
import { messages } from '../messages.ts';
import { CsvScanner } from './csv-records.ts';
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
  throw notUtf8(bytes, file);
}

function notUtf8(bytes: Uint8Array, file: string): PipelineError {
  const bad = findInvalidUtf8(bytes) ?? { line: 1, column: 1, byte: 0 };
  // A UTF-16 byte order mark: the whole file is in another encoding, not one bad byte.
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  return new PipelineError(messages.unreadableFile(file), [
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
  return openCsvPieces(() => ({ text, final: true }), () => text, file, options);
}

/**
 * A file's bytes, read in order as fs.readSync reads them (`position` is where `into[offset]`
 * starts in the file); 0 at the end of the file.
 */
export type ReadAt = (into: Uint8Array, offset: number, length: number, position: number) => number;

/**
 * A file read a chunk at a time through `readAt`, with the checks and the rows of openCsvBytes:
 * the same header, rows, lines and problems, whatever the file's size.
 */
export function openCsvStream(readAt: ReadAt, file: string, options: ReadCsvOptions = {}): CsvBatchReader {
  return openCsvPieces(utf8Pieces(readAt, file), () => wholeText(readAt, file), file, options);
}

/** The text of a file a piece at a time: each piece ends after a line feed, or is the last (final). */
type TextPieces = () => { text: string; final: boolean };

/** Bytes read from the file at a time, into one buffer kept for the whole file. */
const READ_BYTES = 1 << 20;
/**
 * Bytes decoded into one string: small enough that the string is allocated in V8's young
 * generation, whose pages are used again, rather than as a large object of its own (>128 KiB),
 * whose memory is fresh every time.
 */
const PIECE_BYTES = 1 << 16;
const LF = 10;

/**
 * The text of the file `readAt` reads, in pieces of about PIECE_BYTES cut after a line feed (a
 * line feed is never part of a multi-byte UTF-8 sequence, so every piece decodes on its own). A
 * piece that is not UTF-8 fails as decodeUtf8 does, located in the whole file.
 */
function utf8Pieces(readAt: ReadAt, file: string): TextPieces {
  let buf = Buffer.allocUnsafe(READ_BYTES);
  // Undecoded bytes are buf[start .. end); buf[end] is at `position` in the file.
  let start = 0;
  let end = 0;
  let position = 0;
  let eof = false;
  return () => {
    for (;;) {
      const cut = pieceEnd(buf, start, end, eof);
      if (cut >= 0) {
        const bytes = buf.subarray(start, cut);
        start = cut;
        if (!isUtf8(bytes)) throw notUtf8(wholeFile(readAt), file);
        return { text: bytes.toString('utf8'), final: eof && start === end };
      }
      // Not a whole piece yet: keep what is left at the front and read more, in a larger buffer
      // when a line is longer than the buffer.
      if (start > 0) {
        buf.copyWithin(0, start, end);
        end -= start;
        start = 0;
      }
      if (end === buf.length) {
        const bigger = Buffer.allocUnsafe(2 * buf.length);
        buf.copy(bigger, 0, 0, end);
        buf = bigger;
      }
      const n = readAt(buf, end, buf.length - end, position);
      if (n === 0) eof = true;
      end += n;
      position += n;
    }
  };
}

/**
 * Where the next piece of buf[start .. end) ends: after the last line feed in its first
 * PIECE_BYTES, else after the first one beyond; at `end` once the file is read; -1 when more bytes
 * must be read first.
 */
function pieceEnd(buf: Buffer, start: number, end: number, eof: boolean): number {
  if (end - start >= PIECE_BYTES) {
    const last = buf.lastIndexOf(LF, start + PIECE_BYTES - 1);
    if (last >= start) return last + 1;
    const next = buf.indexOf(LF, start + PIECE_BYTES);
    if (next >= 0 && next < end) return next + 1;
  }
  return eof ? end : -1;
}

/**
 * The whole file's text, for saying what a file that failed to read looks like (csv-sniff.ts; a
 * problem's rare path); a file with a byte that is not UTF-8 anywhere fails as decodeUtf8 does, so
 * the problem is the one openCsvBytes gives for the whole file.
 */
function wholeText(readAt: ReadAt, file: string): string {
  const bytes = wholeFile(readAt);
  if (!isUtf8(bytes)) throw notUtf8(bytes, file);
  return bytes.toString('utf8');
}

/** The whole file, for locating a byte that is not UTF-8 (a problem's rare path). */
function wholeFile(readAt: ReadAt): Buffer {
  const chunks: Buffer[] = [];
  for (let position = 0; ; ) {
    const chunk = Buffer.allocUnsafe(READ_BYTES);
    const n = readAt(chunk, 0, chunk.length, position);
    if (n === 0) return Buffer.concat(chunks);
    chunks.push(chunk.subarray(0, n));
    position += n;
  }
}

/**
 * The header and a reader of the rows after it, from the text in pieces; an empty or header-only
 * text fails here. `whole` gives the whole text, only when a problem needs explaining.
 */
function openCsvPieces(pieces: TextPieces, whole: () => string, file: string, options: ReadCsvOptions): CsvBatchReader {
  const maxRecordSize = options.maxRecordSize ?? DEFAULT_MAX_RECORD;
  const scanner = new CsvScanner(maxRecordSize);
  // Whether the text is all white space (a BOM aside) is known at its first other character.
  let piece = pieces();
  let blank = piece.text.replace(/^\uFEFF/, '').trim() === '';
  scanner.push(piece.text, piece.final);
  while (blank && !piece.final) {
    piece = pieces();
    blank = piece.text.trim() === '';
    scanner.push(piece.text, piece.final);
  }
  if (blank) {
    throw new PipelineError(messages.unreadableFile(file), [
      { file, line: 1, column: 1, message: messages.emptyFile, expected: 'a header row and at least one record' },
    ]);
  }
  // Sniffed once, and only when a problem needs explaining.
  let shape: CsvShape | undefined;
  const shapeOf = () => (shape ??= sniffCsvShape(whole()));
  const scan = (limit: number): CsvRow[] => {
    let rows: CsvRow[] | null = null;
    for (;;) {
      const scanned = scanner.next(limit - (rows?.length ?? 0));
      // A quoting problem is often a file in another shape (semicolons, mixed line ends): say what was seen.
      if (scanned.problem) throw new PipelineError(messages.unreadableFile(file), [{ file, ...explainScanProblem(shapeOf, scanned.problem) }]);
      if (rows === null) rows = scanned.records;
      else for (const r of scanned.records) rows.push(r);
      if (rows.length >= limit || !scanner.hungry) return rows;
      if (scanner.pending > maxRecordSize) {
        // A record longer than any accepted: the rest of the file at once, which ends the scan
        // with the problem the whole text gives, without scanning that record again per piece.
        const rest: string[] = [];
        do rest.push((piece = pieces()).text);
        while (!piece.final);
        scanner.push(rest.join(''), true);
      } else {
        piece = pieces();
        scanner.push(piece.text, piece.final);
      }
    }
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
      let rows: CsvRow[];
      if (limit <= 0) rows = [];
      else if (first.length === 0) rows = scan(limit);
      else {
        rows = first;
        if (first.length < limit) for (const r of scan(limit - first.length)) rows.push(r);
      }
      first = [];
      const ragged: Problem[] = [];
      for (const row of rows) if (row.cells.length !== header.length) ragged.push(raggedRow(row));
      return { rows, ragged };
    },
  };
}
