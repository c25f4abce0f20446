import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NUMBER_EXPECTED, parseNumber, parseSize, SIZE_EXPECTED, tryParseNumber } from '../../pipeline/values/numbers.ts';
import { anyCell, parseErrorOf, returnsOrThrowsParseError } from '../normalize/arbitraries.ts';

const VALID_NUMBERS: Array<[string, number]> = [
  ['3.14e23', 3.14e23],
  ['3.14E+23', 3.14e23],
  ['3.14e-5', 3.14e-5],
  ['3.14 × 10^23', 3.14e23],
  ['3.14x10^23', 3.14e23],
  ['3.14X10^23', 3.14e23],
  ['3.14*10^23', 3.14e23],
  ['3.14·10^23', 3.14e23],
  ['3.14⋅10^23', 3.14e23],
  ['3.14 × 10 ^ +23', 3.14e23],
  ['3.14 × 10^-3', 3.14e-3],
  ['3.1 × 10²³', 3.1e23],
  ['−2.5 × 10⁻³', -2.5e-3],
  ['1 × 10⁺⁵', 1e5],
  ['10^23', 1e23],
  ['10²⁴', 1e24],
  ['-10^3', -1e3],
  ['1,500,000', 1_500_000],
  ['1,500,000.25', 1_500_000.25],
  ['999,999', 999_999],
  ['70000000000.0', 70_000_000_000],
  ['  42 ', 42],
  ['\t7\n', 7],
  ['\u00a05\u00a0', 5],
  ['0', 0],
  ['+5', 5],
  ['-1.5', -1.5],
  ['.5', 0.5],
  ['0.1', 0.1],
  ['1e0023', 1e23],
  ['1e-400', 0], // underflows to 0, which is finite; range checks are the caller's
  ['1.7976931348623157e308', Number.MAX_VALUE],
];

const INVALID_NUMBERS: Array<[string, RegExp]> = [
  ['', /Empty cell/],
  ['   ', /Empty cell/],
  ['abc', /Not a number/],
  ['NaN', /not a finite number/],
  ['Infinity', /not a finite number/],
  ['-inf', /not a finite number/],
  ['0x1F', /Hexadecimal/],
  ['1 2', /Not a number/],
  ['1.5 2.5', /Not a number/],
  ['1e23 1e24', /Not a number/],
  ['1,5', /Commas may only separate thousands/],
  ['15,00', /Commas may only separate thousands/],
  ['1,5000', /Commas may only separate thousands/],
  ['1234,567', /Commas may only separate thousands/],
  [',500', /Commas may only separate thousands/],
  ['1,,500', /Commas may only separate thousands/],
  ['3.', /Not a number/],
  ['1.2.3', /Not a number/],
  ['e23', /Not a number/],
  ['3.14e', /Not a number/],
  ['3.14 e23', /Not a number/],
  ['3.14 × 10', /Not a number/],
  ['3.14 × 11^23', /Not a number/],
  ['3.14 × 10^2.5', /Not a number/],
  ['3.14e2 × 10^3', /Not a number/],
  ['1e400', /out of range/],
  ['10^400', /out of range/],
  ['175B', /Not a number/],
  ['٣', /Not a number/], // Arabic-Indic digit: \d is ASCII-only on purpose
  ['1_000', /Not a number/],
  ['--5', /Not a number/],
];

describe('parseNumber', () => {
  it.each(VALID_NUMBERS)('parses %j as %d', (text, expected) => {
    expect(parseNumber(text)).toBe(expected);
    expect(tryParseNumber(text)).toBe(expected);
  });

  it.each(INVALID_NUMBERS)('rejects %j', (text, message) => {
    const error = parseErrorOf(() => parseNumber(text));
    expect(error.message).toMatch(message);
    expect(error.text).toBe(text);
    expect(error.expected).toBe(NUMBER_EXPECTED);
    expect(tryParseNumber(text)).toBeUndefined();
  });

  it('gives bit-identical results for every way of writing the same scientific number', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: -300, max: 300 }), (m, e) => {
        const mantissa = `${Math.floor(m / 10_000)}.${String(m % 10_000).padStart(4, '0')}`;
        const expected = Number(`${mantissa}e${e}`);
        for (const form of [`${mantissa}e${e}`, `${mantissa}E${e >= 0 ? '+' : ''}${e}`, `${mantissa} × 10^${e}`, `${mantissa}*10^${e}`]) {
          expect(parseNumber(form)).toBe(expected);
        }
      }),
    );
  });

  it('reads back en-US thousands grouping of any safe integer exactly', () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), (n) => {
        expect(parseNumber(n.toLocaleString('en-US'))).toBe(n);
      }),
    );
  });

  it('reads back String(n) of any finite double exactly', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        expect(parseNumber(String(n))).toBe(Object.is(n, -0) ? 0 : n);
      }),
    );
  });

  it('returns a finite number or throws ParseError for any string', () => {
    const samples = VALID_NUMBERS.map(([t]) => t).concat(INVALID_NUMBERS.map(([t]) => t));
    fc.assert(
      fc.property(anyCell(samples), (text) => {
        returnsOrThrowsParseError(() => parseNumber(text), (n) => expect(Number.isFinite(n)).toBe(true));
      }),
      { numRuns: 2000 },
    );
  });

  it('stays fast on long adversarial input', () => {
    const start = performance.now();
    for (const text of ['1'.repeat(50_000) + 'a', '1,000'.repeat(10_000) + ',', '10'.repeat(20_000) + '^']) {
      expect(() => parseNumber(text)).toThrow();
    }
    expect(performance.now() - start).toBeLessThan(2000);
  });
});

const VALID_SIZES: Array<[string, number]> = [
  ['175B', 175e9],
  ['13B', 13e9],
  ['13b', 13e9],
  ['1.5e9', 1.5e9],
  ['340M', 340e6],
  ['340m', 340e6],
  ['1.4T', 1.4e12],
  ['6.7 billion', 6.7e9],
  ['6.7 Billion', 6.7e9],
  ['1.5 million', 1.5e6],
  ['60k', 60e3],
  ['60K', 60e3],
  ['2 thousand', 2e3],
  ['1,500,000', 1.5e6],
  ['1,500 billion', 1.5e12],
  ['1.3 trillion', 1.3e12],
  ['2.5bn', 2.5e9],
  ['1.5G', 1.5e9],
  ['3.14 × 10^23', 3.14e23],
  ['10^9', 1e9],
  ['0', 0],
  ['0B', 0],
  [' 7B ', 7e9],
  ['.5M', 5e5],
];

const INVALID_SIZES: Array<[string, RegExp]> = [
  ['', /Empty cell/],
  ['-5', /must not be negative/],
  ['-0', /must not be negative/],
  ['−3B', /must not be negative/],
  ['-1e9', /must not be negative/],
  ['175X', /Not a count/],
  ['175 bytes', /Not a count/],
  ['1 constructor', /Not a count/],
  ['1 toString', /Not a count/],
  ['1.5e3B', /Not a count/],
  ['B', /Not a count/],
  ['175BB', /Not a count/],
  ['1,5B', /Not a count/],
  ['1e400', /Not a count/],
  ['1e300 trillion', /Not a count/],
  ['175 B tokens', /Not a count/],
  ['about 175B', /Not a count/],
];

describe('parseSize', () => {
  it.each(VALID_SIZES)('parses %j as %d', (text, expected) => {
    expect(parseSize(text)).toBe(expected);
  });

  it.each(INVALID_SIZES)('rejects %j', (text, message) => {
    const error = parseErrorOf(() => parseSize(text));
    expect(error.message).toMatch(message);
    expect(error.text).toBe(text);
    expect(error.expected).toBe(SIZE_EXPECTED);
  });

  it('agrees with the scientific form for every suffix (no float multiplication error)', () => {
    const suffixes: Array<[string, number]> = [['K', 3], ['M', 6], ['B', 9], ['T', 12], [' billion', 9]];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999 }), fc.constantFrom(...suffixes), (m, [suffix, power]) => {
        const mantissa = `${Math.floor(m / 1000)}.${String(m % 1000).padStart(3, '0')}`;
        expect(parseSize(mantissa + suffix)).toBe(Number(`${mantissa}e${power}`));
      }),
    );
  });

  it('returns a non-negative finite number or throws ParseError for any string', () => {
    const samples = VALID_SIZES.map(([t]) => t).concat(INVALID_SIZES.map(([t]) => t));
    fc.assert(
      fc.property(anyCell(samples), (text) => {
        returnsOrThrowsParseError(() => parseSize(text), (n) => {
          expect(Number.isFinite(n)).toBe(true);
          expect(n >= 0 && !Object.is(n, -0)).toBe(true);
        });
      }),
      { numRuns: 2000 },
    );
  });
});
