import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatFlopUnicode, formatPlain, formatScientific, formatSize, toSuperscript } from '../../pipeline/values/format.ts';
import { parseNumber, parseSize } from '../../pipeline/values/numbers.ts';
import { closeRelative, finiteDouble, positiveNormal } from '../normalize/arbitraries.ts';

/**
 * Rounding to d significant digits moves a value by at most half a unit in the last digit
 * (relative 0.5·10^(1−d)); reading the decimal back rounds once more to a double (2^−53).
 */
const roundingTolerance = (digits: number) => 0.5 * 10 ** (1 - digits) + 2 ** -52;

describe('formatScientific', () => {
  it.each<[number, number | undefined, string]>([
    [3.14e23, undefined, '3.14e23'],
    [3.14159e23, 3, '3.14e23'],
    [3.1e23, 5, '3.1e23'], // trailing zeros dropped
    [9.96e23, 2, '1e24'], // rounding carries into the exponent
    [-2.5e-7, undefined, '-2.5e-7'],
    [1, undefined, '1e0'],
    [0, undefined, '0'],
    [-0, 3, '0'],
    [0.1 + 0.2, undefined, '3.0000000000000004e-1'],
    [Number.MAX_VALUE, undefined, '1.7976931348623157e308'],
    [5e-324, undefined, '5e-324'],
  ])('formats %d (digits %s) as %j', (n, digits, expected) => {
    expect(formatScientific(n, digits)).toBe(expected);
  });

  it('rejects non-finite numbers and bad digit counts with RangeError', () => {
    expect(() => formatScientific(Number.NaN)).toThrow(RangeError);
    expect(() => formatScientific(Infinity)).toThrow(RangeError);
    expect(() => formatScientific(1, 0)).toThrow(RangeError);
    expect(() => formatScientific(1, 1.5)).toThrow(RangeError);
  });

  it('round-trips exactly through parseNumber with default digits and with 17 digits', () => {
    fc.assert(
      fc.property(finiteDouble, (n) => {
        expect(parseNumber(formatScientific(n))).toBe(n);
        expect(parseNumber(formatScientific(n, 17))).toBe(n);
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips within rounding tolerance with fewer digits', () => {
    fc.assert(
      fc.property(positiveNormal, fc.integer({ min: 1, max: 16 }), fc.boolean(), (abs, digits, negative) => {
        const n = negative ? -abs : abs;
        expect(closeRelative(parseNumber(formatScientific(n, digits)), n, roundingTolerance(digits))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('formatSize', () => {
  it.each<[number, number | undefined, string]>([
    [175e9, undefined, '175B'],
    [1.4e12, undefined, '1.4T'],
    [340e6, undefined, '340M'],
    [60e3, undefined, '60K'],
    [1_500_000, undefined, '1.5M'],
    [1234.5678, undefined, '1.2345678K'],
    [999, undefined, '999'],
    [0.5, undefined, '0.5'],
    [0, undefined, '0'],
    [1e20, undefined, '1e20'],
    [1.2e-9, undefined, '1.2e-9'],
    [1.3e12, 2, '1.3T'],
    [6_738_415_616, 2, '6.7B'],
    [999_960, 3, '1M'],
    [-2e9, undefined, '-2B'],
  ])('formats %d (digits %s) as %j', (n, digits, expected) => {
    expect(formatSize(n, digits)).toBe(expected);
  });

  it('round-trips exactly through parseSize for any non-negative double', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, noNaN: true, noDefaultInfinity: true }), (n) => {
        expect(parseSize(formatSize(n))).toBe(Object.is(n, -0) ? 0 : n);
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips exactly for integer counts typical of the data', () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), (n) => {
        expect(parseSize(formatSize(n))).toBe(n);
      }),
    );
  });

  it('round-trips within rounding tolerance with fewer digits', () => {
    fc.assert(
      fc.property(positiveNormal, fc.integer({ min: 1, max: 16 }), (n, digits) => {
        expect(closeRelative(parseSize(formatSize(n, digits)), n, roundingTolerance(digits))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('formatFlopUnicode', () => {
  it.each<[number, number | undefined, string]>([
    [3.14e23, undefined, '3.1 × 10²³'],
    [3e23, undefined, '3.0 × 10²³'],
    [3.14159e23, 4, '3.142 × 10²³'],
    [2.5e-7, 2, '2.5 × 10⁻⁷'],
    [-2e-5, 3, '−2.00 × 10⁻⁵'],
    [1, 1, '1 × 10⁰'],
    [9.96e23, 2, '1.0 × 10²⁴'],
    [0, undefined, '0'],
  ])('formats %d (digits %s) as %j', (n, digits, expected) => {
    expect(formatFlopUnicode(n, digits)).toBe(expected);
  });

  it('is read back by parseNumber within rounding tolerance', () => {
    fc.assert(
      fc.property(positiveNormal, fc.integer({ min: 1, max: 17 }), fc.boolean(), (abs, digits, negative) => {
        const n = negative ? -abs : abs;
        expect(closeRelative(parseNumber(formatFlopUnicode(n, digits)), n, roundingTolerance(digits))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('is read back exactly with 17 digits', () => {
    fc.assert(
      fc.property(finiteDouble, (n) => {
        expect(parseNumber(formatFlopUnicode(n, 17))).toBe(n);
      }),
    );
  });
});

describe('toSuperscript and formatPlain', () => {
  it('writes exponents as superscripts', () => {
    expect(toSuperscript(23)).toBe('²³');
    expect(toSuperscript(-10)).toBe('⁻¹⁰');
    expect(toSuperscript(0)).toBe('⁰');
  });

  it.each<[number, string]>([
    [3640, '3640'],
    [0.5, '0.5'],
    [0, '0'],
    [86_400, '86400'],
    [8.64e19, '8.64e19'],
    [1e6, '1e6'],
    [1e-4, '1e-4'],
  ])('formatPlain(%d) = %j', (n, expected) => {
    expect(formatPlain(n)).toBe(expected);
  });

  it('formatPlain round-trips exactly', () => {
    fc.assert(
      fc.property(finiteDouble, (n) => {
        expect(parseNumber(formatPlain(n))).toBe(n);
      }),
    );
  });
});
