/**
 * The CSV scanner given its text in pieces (a file read a chunk at a time: pipeline/io/csv-reader.ts,
 * openCsvStream) returns the records, lines and problem of the whole text scanned at once,
 * wherever the text is cut after a line feed (the reader cuts there, so a CRLF or a UTF-8 sequence
 * is never split); and openCsvStream, reading a file's bytes a few at a time, gives the header,
 * rows and problems openCsvBytes gives.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PipelineError } from '../../pipeline/errors.ts';
import { openCsvBytes, openCsvStream, type CsvBatchReader, type ReadAt } from '../../pipeline/io/csv-reader.ts';
import { CsvScanner, scanCsv, type ScanResult } from '../../pipeline/io/csv-records.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20261124);
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);

const csvText = (eol: string) =>
  fc
    .array(fc.constantFrom('a', 'b', '1', ' ', ',', ',', '"', '""', eol, eol, eol, '\uFEFF', 'é', '\t', '"x\ny"'), { maxLength: 120 })
    .map((parts) => parts.join(''));

/** Cut points after line feeds, chosen by `picks` (fractions of the text's line feeds). */
function pieces(text: string, picks: number[]): string[] {
  const lfs: number[] = [];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lfs.push(i + 1);
  const cuts = [...new Set(picks.map((p) => lfs[Math.floor(p * lfs.length)]).filter((c) => c !== undefined))].sort((a, b) => a - b);
  const out: string[] = [];
  let from = 0;
  for (const c of cuts) {
    out.push(text.slice(from, c));
    from = c;
  }
  out.push(text.slice(from));
  return out;
}

/** Scans the pieces, asking for `batch` records at a time, as the reader does. */
function scanPieces(parts: string[], batch: number, maxRecordSize: number): ScanResult {
  const scanner = new CsvScanner(maxRecordSize);
  const records: ScanResult['records'] = [];
  let k = 0;
  scanner.push(parts[k], parts.length === 1);
  for (;;) {
    const got = scanner.next(batch);
    records.push(...got.records);
    if (got.problem) return { records, problem: got.problem };
    if (scanner.done) return { records, problem: null };
    if (got.records.length < batch && scanner.hungry) {
      k++;
      scanner.push(parts[k], k === parts.length - 1);
    }
  }
}

describe('the CSV scanner given its text in pieces', () => {
  it.each([['LF', '\n'], ['CRLF', '\r\n']])('returns what the whole text gives (%s)', (_name, eol) => {
    fc.assert(
      fc.property(csvText(eol), fc.array(fc.double({ min: 0, max: 0.999, noNaN: true }), { maxLength: 8 }), fc.integer({ min: 1, max: 4 }), fc.constantFrom(8, 1_000_000), (text, picks, batch, max) => {
        const whole = scanCsv(text, max);
        const got = scanPieces(pieces(text, picks), batch, max);
        expect(got, JSON.stringify(text)).toEqual(whole);
      }),
      { seed: SEED, numRuns: RUNS * 4 },
    );
  });
});

/** A ReadAt over `bytes` that reads at most `most` bytes a call. */
const readerOf =
  (bytes: Buffer, most: number): ReadAt =>
  (into, offset, length, position) => {
    const n = Math.max(0, Math.min(length, most, bytes.length - position));
    bytes.copy(into, offset, position, position + n);
    return n;
  };

function readAll(open: () => CsvBatchReader): unknown {
  try {
    const reader = open();
    const batches = [];
    for (let b = reader.next(7); b.rows.length > 0; b = reader.next(7)) batches.push(b);
    return { header: reader.header, batches };
  } catch (err) {
    if (err instanceof PipelineError) return { message: err.message, problems: err.problems };
    throw err;
  }
}

describe('openCsvStream', () => {
  // Large enough to come in many pieces of 64 KiB and to need more than one read of 1 MiB.
  const row = (i: number) => `${i},"name ${i}, with ""quotes""${i % 7 === 0 ? '\nand a second line' : ''}",é${'x'.repeat(i % 50)}`;
  const text = ['id,name,notes', ...Array.from({ length: 40_000 }, (_, i) => row(i))].join('\r\n') + '\r\n';

  it.each([
    ['a large file', text],
    ['a record too large', `${text}9,"${'y'.repeat(200_000)}"\r\n1,2,3\r\n`],
    ['a stray quote far into the file', `${text}1,a"b,c\r\n`],
    ['a file without a final line end', text.slice(0, -2)],
    ['a blank file', ' \n'.repeat(100_000)],
  ])('reads %s as openCsvBytes does', (_name, t) => {
    const bytes = Buffer.from(t);
    for (const most of [1 << 20, 10_007]) expect(readAll(() => openCsvStream(readerOf(bytes, most), 'f.csv'))).toEqual(readAll(() => openCsvBytes(bytes, 'f.csv')));
  });

  it('locates a byte that is not UTF-8 in the whole file', () => {
    const bytes = Buffer.concat([Buffer.from(text), Buffer.from([0x31, 0x2c, 0xff, 0x0a])]);
    expect(readAll(() => openCsvStream(readerOf(bytes, 1 << 20), 'f.csv'))).toEqual(readAll(() => openCsvBytes(bytes, 'f.csv')));
  });
});
