/**
 * Differential fuzzing of the CSV scanner (pipeline/io/csv-records.ts) against csv-parse, which
 * the reader used before: on any text csv-parse reads (configured as the reader was: BOM, empty
 * lines skipped, any field count), the scanner returns the same records starting on the same
 * lines; on any text csv-parse refuses, the scanner reports a located problem too.
 */
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanCsv } from '../../pipeline/io/csv-records.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20261124);
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);

/** Text made of the characters CSV syntax is about, plus some plain ones. */
const csvText = (eol: string) =>
  fc
    .array(fc.constantFrom('a', 'b', '1', ' ', ',', ',', '"', '""', eol, eol, '\uFEFF', 'é', '\t'), { maxLength: 80 })
    .map((parts) => parts.join(''));

/** Well-formed CSV with quoted fields holding commas, quotes and line ends. */
const wellFormed = (eol: string) =>
  fc
    .array(fc.array(fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('', 'x,y', 'say "hi"', `two${eol}lines`, ' ')), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 })
    .map((rows) => rows.map((r) => r.map((c) => (/[",\r\n]/.test(c) || c === '' ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join(eol) + eol);

function reference(text: string): { line: number; cells: string[] }[] | null {
  try {
    const records = parse(text, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as { record: string[]; info: { lines: number } }[];
    // csv-parse reports the line a record ends on; a quoted line end inside it moves its start up.
    return records.map(({ record, info }) => ({ line: info.lines - record.join('').split('\n').length + 1, cells: record }));
  } catch {
    return null;
  }
}

function agrees(text: string): void {
  const expected = reference(text);
  const got = scanCsv(text, 1_000_000);
  if (expected === null) {
    expect(got.problem, JSON.stringify(text)).not.toBeNull();
    expect(got.problem!.line).toBeGreaterThanOrEqual(1);
    expect(got.problem!.column).toBeGreaterThanOrEqual(1);
    return;
  }
  expect(got.problem, JSON.stringify(text)).toBeNull();
  expect(got.records.map((r) => r.cells), JSON.stringify(text)).toEqual(expected.map((r) => r.cells));
  // csv-parse counts a CRLF inside a quoted field as two lines; the scanner counts physical
  // lines, which the same text with LF line ends gives csv-parse too.
  const lines = text.includes('\r\n') ? reference(text.replaceAll('\r\n', '\n'))!.map((r) => r.line) : expected.map((r) => r.line);
  expect(got.records.map((r) => r.line), JSON.stringify(text)).toEqual(lines);
}

describe('the CSV scanner agrees with csv-parse', () => {
  it.each([['LF', '\n'], ['CRLF', '\r\n']])('on random CSV-ish text (%s)', (_name, eol) => {
    fc.assert(fc.property(csvText(eol), agrees), { seed: SEED, numRuns: RUNS * 4 });
  });

  it.each([['LF', '\n'], ['CRLF', '\r\n']])('on well-formed CSV with quoted delimiters (%s)', (_name, eol) => {
    fc.assert(fc.property(wellFormed(eol), agrees), { seed: SEED, numRuns: RUNS * 2 });
  });
});
