/**
 * CsvBytes (pipeline/io/csv-writer.ts) writes, byte for byte, what encoding csvLine's text wrote:
 * numbers without the text round trip, rounded numbers without the double round trip, text
 * checked and encoded in one pass (lone surrogates included).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvBytes, csvLine, csvLines, toCsvPieces, type CsvCell } from '../../pipeline/io/csv-writer.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20261124);
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);

/** What one call writes, as bytes. */
function bytes(write: (out: CsvBytes) => void): Buffer {
  const out = new CsvBytes(4);
  write(out);
  return out.take();
}

/** A number cell's text, as csvLine wrote it. */
const numberText = (n: number) => csvLine([n]);

/** Where notation, rounding or the digit count changes, and the ends of the double range. */
const EDGES = [
  0, -0, 5e-324, -5e-324, 2.2250738585072014e-308, 1e-290, 9.99e-291, 1e290, 1.7976931348623157e308, -1.7976931348623157e308, 1e-7,
  9.9999995e-7, 1e-6, 0.00001, 0.00005, -0.00005, 0.5, 1, 9.5, 99999.95, 999999.5, 9999999.5, 99999999.5, 1e8, 123456789, 1e15, 2 ** 53 - 1,
  2 ** 53, 2 ** 53 + 2, 2 ** 60, 999999999999999999999, 1e21, 9.99999995e20, 1e22, 1e23, -1e21, -123.456, 0.1 + 0.2, 1 / 3, 2019.99995,
  1957.0384, Number.EPSILON, NaN, Infinity, -Infinity,
];

const anyDouble = fc.oneof(
  fc.double(),
  fc.tuple(fc.double({ min: 1, max: 10, noNaN: true }), fc.integer({ min: -330, max: 310 }), fc.boolean()).map(([m, e, neg]) => (neg ? -1 : 1) * m * 10 ** e),
  // Decimals on a rounding tie, and whole numbers of every size.
  fc.tuple(fc.integer({ min: 1, max: 999_999_999 }), fc.integer({ min: -30, max: 30 })).map(([m, e]) => Number(`${m}5e${e}`)),
  fc.maxSafeInteger(),
  fc.integer(),
  fc.double({ min: 1900, max: 2100, noNaN: true }),
  fc.constantFrom(...EDGES),
);

/** Any UTF-16 text: lone surrogates, pairs, quotes, commas, line breaks and formula leads often. */
const anyText = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', ' ', ',', '"', '\n', '\r', '=', '-', '+', '@', '\t', 'é', '×', '€', '😀', '\ud800', '\udc00', "'"), maxLength: 40 }),
  fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 60 }).map((units) => String.fromCharCode(...units)),
  fc.string({ maxLength: 80 }),
);

describe('CsvBytes', () => {
  it('writes numbers as String does', () => {
    for (const n of EDGES) expect(bytes((o) => o.number(n)).toString('latin1'), String(n)).toBe(numberText(n));
    fc.assert(
      fc.property(anyDouble, (n) => {
        expect(bytes((o) => o.number(n)).toString('latin1')).toBe(numberText(n));
      }),
      { seed: SEED, numRuns: RUNS * 100 },
    );
  });

  it('writes precision(n, d) as Number(n.toPrecision(d)) was written', () => {
    for (const n of EDGES) {
      for (let d = 1; d <= 12; d++) expect(bytes((o) => o.precision(n, d)).toString('latin1'), `${n} ${d}`).toBe(numberText(Number(n.toPrecision(d))));
    }
    fc.assert(
      fc.property(anyDouble, fc.integer({ min: 1, max: 12 }), (n, d) => {
        expect(bytes((o) => o.precision(n, d)).toString('latin1')).toBe(numberText(Number(n.toPrecision(d))));
      }),
      { seed: SEED, numRuns: RUNS * 300 },
    );
  });

  it('writes fixed(n, d) as Number(n.toFixed(d)) was written', () => {
    for (const n of EDGES) {
      for (let d = 0; d <= 6; d++) expect(bytes((o) => o.fixed(n, d)).toString('latin1'), `${n} ${d}`).toBe(numberText(Number(n.toFixed(d))));
    }
    fc.assert(
      fc.property(anyDouble, fc.integer({ min: 0, max: 6 }), (n, d) => {
        expect(bytes((o) => o.fixed(n, d)).toString('latin1')).toBe(numberText(Number(n.toFixed(d))));
      }),
      { seed: SEED, numRuns: RUNS * 300 },
    );
  });

  it('writes text as Buffer.from encodes csvLine’s field', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(bytes((o) => o.text(text)).toString('latin1')).toBe(Buffer.from(csvLine([text])).toString('latin1'));
        // A header name is quoted like a cell but never neutralized.
        const quoted = /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
        expect(bytes((o) => o.header(text)).toString('latin1')).toBe(Buffer.from(quoted).toString('latin1'));
      }),
      { seed: SEED, numRuns: RUNS * 40 },
    );
  });

  it('writes tables as the lines of csvLine, encoded, for any cells', () => {
    const cell: fc.Arbitrary<CsvCell> = fc.oneof(anyText, anyDouble, fc.boolean(), fc.constant(null));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 8 }), { maxLength: 20 }), (rows) => {
        const text = rows.map((r) => `${csvLine(r)}\n`).join('');
        // Compared as latin1 text: one character a byte, and a readable difference.
        expect(Buffer.concat(toCsvPieces(['a', 'b'], rows)).toString('latin1')).toBe(Buffer.from(`a,b\n${text}`).toString('latin1'));
        const lines = csvLines(rows);
        expect(lines.bytes.toString('latin1')).toBe(Buffer.from(text).toString('latin1'));
        let end = 0;
        expect(Array.from(lines.ends)).toEqual(rows.map((r) => (end += Buffer.byteLength(`${csvLine(r)}\n`))));
      }),
      { seed: SEED, numRuns: RUNS * 4 },
    );
  });

  it('grows its buffer as needed, and starts empty again after take', () => {
    const out = new CsvBytes(1);
    const long = 'x,'.repeat(50_000);
    out.text(long);
    out.comma();
    out.number(2 ** 52);
    expect(out.take().toString()).toBe(`"${long}",${2 ** 52}`);
    expect(out.length).toBe(0);
    out.text('=1');
    expect(out.take().toString()).toBe("'=1");
  });
});
