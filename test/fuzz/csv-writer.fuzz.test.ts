/**
 * Differential fuzzing of the CSV writer (pipeline/io/csv-writer.ts) against csv-stringify, which
 * it replaced for speed: for any header and cells, the bytes are the same as csv-stringify's with
 * the options the writer used (LF records, a final LF), after the writer's own cell conversion.
 */
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neutralizeFormula, toCsv, type CsvCell } from '../../pipeline/io/csv-writer.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20261124);
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);

/** The writer's cell conversion, restated: what the reference is given. */
function asText(v: CsvCell): string {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return neutralizeFormula(v);
}

const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: fc.constantFrom('a', ' ', ',', '"', '\n', '\r', '=', '-', '+', '@', '\t', 'é', "'"), maxLength: 10 }),
);
const cell: fc.Arbitrary<CsvCell> = fc.oneof(text, fc.double(), fc.integer(), fc.boolean(), fc.constant(null));

describe('the CSV writer agrees with csv-stringify', () => {
  it('for any header and cells', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((width) => fc.tuple(fc.array(text, { minLength: width, maxLength: width }), fc.array(fc.array(cell, { minLength: width, maxLength: width }), { maxLength: 6 }))),
        ([columns, rows]) => {
          const expected = stringify([columns, ...rows.map((r) => r.map(asText))], { eof: true, record_delimiter: '\n' });
          expect(toCsv(columns, rows)).toBe(expected);
        },
      ),
      { seed: SEED, numRuns: RUNS * 4 },
    );
  });
});
