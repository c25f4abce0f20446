/**
 * The per-record paths of normalize were rewritten for speed (fewer strings, regexes and objects
 * per call); these tests hold them to the straightforward versions they replaced.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lookupComputeUnit, COMPUTE_UNITS, unitKey } from '../../pipeline/values/compute-units.ts';
import { fractionalYear, parseDate, parseDateYear } from '../../pipeline/values/dates.ts';
import { formatScientific, formatSize } from '../../pipeline/values/format.ts';
import { parseSize, tryParseNumber } from '../../pipeline/values/numbers.ts';
import { finiteDouble } from '../normalize/arbitraries.ts';

/** formatScientific as first written: split the toExponential text, strip sign, point and trailing zeros. */
function referenceScientific(n: number, digits?: number): string {
  if (n === 0) return '0';
  const [mant, exp] = (digits === undefined ? n.toExponential() : n.toExponential(digits - 1)).split('e');
  const stripped = mant.replace('-', '').replace('.', '').replace(/0+$/, '') || '0';
  const mantissa = stripped.length > 1 ? `${stripped[0]}.${stripped.slice(1)}` : stripped;
  return `${mant.startsWith('-') ? '-' : ''}${mantissa}e${Number(exp)}`;
}

describe('formatScientific', () => {
  it('gives what splitting and stripping the toExponential text gave, with and without digits', () => {
    fc.assert(
      fc.property(finiteDouble, fc.option(fc.integer({ min: 1, max: 21 }), { nil: undefined }), (n, digits) => {
        expect(formatScientific(n, digits)).toBe(referenceScientific(n, digits));
      }),
      { seed: 20261124, numRuns: 2000 },
    );
    for (const n of [1, -1, 5e-324, -5e-324, Number.MAX_VALUE, 1e21, 1.5, 100, 0.001, -0]) expect(formatScientific(n)).toBe(referenceScientific(n));
    expect(formatSize(1.2e15, 3)).toBe('1.2e15');
    expect(formatSize(340e6)).toBe('340M');
  });
});

describe('dates', () => {
  it('fractionalYear reads the day of the year from a table as Date.UTC counts it, and rolls over as Date.UTC does', () => {
    const reference = (y: number, m: number, d: number) => y + ((Date.UTC(y, m - 1, d) - Date.UTC(y, 0, 1)) / 86_400_000) / ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 366 : 365);
    for (const y of [1900, 1999, 2000, 2016, 2023, 2024, 2100, 9999]) {
      for (let m = 1; m <= 12; m++) for (let d = 1; d <= 31; d++) expect(fractionalYear(y, m, d)).toBe(reference(y, m, d));
    }
    for (const [y, m, d] of [[2017, 13, 1], [2017, 0, 5], [2017, 2, 29], [2017, 2, 0], [2017.5, 3, 1], [1899, 3, 1], [2017, 2.5, 1]]) {
      expect(fractionalYear(y, m, d)).toBe(reference(y, m, d));
    }
  });

  it('parseDateYear is parseDate without representativeDay, its checks of today included', () => {
    for (const text of ['2017', ' 2017-06 ', '2017-06-12', '2016-02-29', '2026-11-24', '2026-11-25', '2026-12', '2027', '2017-02-29', 'x']) {
      for (const today of ['2026-11-24', new Date(Date.UTC(2026, 10, 24)), undefined]) {
        const outcome = (fn: () => object) => {
          try {
            return fn();
          } catch (err) {
            return { error: String(err) };
          }
        };
        const full = outcome(() => parseDate(text, { today }));
        const { representativeDay: _, ...expected } = full as { representativeDay?: string };
        expect(outcome(() => parseDateYear(text, today))).toEqual(expected);
      }
    }
  });

  it('parseDateYear reads every date-shaped text as parseDate does (its own reading of YYYY, YYYY-MM and YYYY-MM-DD)', () => {
    const part = (width: number) => fc.integer({ min: 0, max: 10 ** width - 1 }).map((n) => String(n).padStart(width, '0'));
    const year = fc.oneof(part(4), fc.constantFrom('1899', '1900', '2000', '2016', '2024', '2026', '2027', '9999'));
    const month = fc.oneof(part(2), fc.constantFrom('00', '01', '02', '11', '12', '13'));
    const day = fc.oneof(part(2), fc.constantFrom('00', '01', '24', '25', '28', '29', '30', '31', '32'));
    const text = fc.oneof(
      year,
      fc.tuple(year, month).map(([y, m]) => `${y}-${m}`),
      fc.tuple(year, month, day).map(([y, m, d]) => `${y}-${m}-${d}`),
      fc.tuple(year, month, day, fc.constantFrom('/', ' ', '-', 'x', '٣')).map(([y, m, d, sep]) => `${y}${sep}${m}${sep}${d}`),
      fc.string({ maxLength: 11 }),
    );
    const outcome = (fn: () => object) => {
      try {
        return fn();
      } catch (err) {
        return { error: String(err) };
      }
    };
    fc.assert(
      fc.property(text, fc.constantFrom('2026-11-24', '2024-02-29', undefined), (t, today) => {
        const { representativeDay: _, ...expected } = outcome(() => parseDate(t, { today })) as { representativeDay?: string };
        expect(outcome(() => parseDateYear(t, today))).toEqual(expected);
      }),
      { seed: 20261206, numRuns: 5000 },
    );
  });

  it('still refuses a malformed today after a good one was remembered', () => {
    expect(parseDateYear('2017', '2026-11-24').year).toBe(parseDate('2017').year);
    expect(() => parseDateYear('2017', '2026-13-01')).toThrow(RangeError);
    expect(() => parseDateYear('2017', '2026-11-24 ')).toThrow(RangeError);
    expect(() => parseDateYear('2027', '2026-11-24')).toThrow('after today (2026-11-24)');
  });
});

describe('lookupComputeUnit', () => {
  it('answers the same from its memory as from unitKey', () => {
    const texts = ['FLOP', 'flops', ' PF-days ', 'pf/s days', 'GPU hours', 'TPU-hours', 'foo', 'constructor', '__proto__', ''];
    for (let round = 0; round < 2; round++) {
      for (const text of texts) {
        const expected = COMPUTE_UNITS.find((u) => u.spellings.some((s) => unitKey(s) === unitKey(text)));
        expect(lookupComputeUnit(text)).toBe(expected);
      }
    }
  });
});

describe('numbers', () => {
  /** The value as NUMBER_RE's road gave it: the decimal `<mantissa>e<exponent>` handed to Number(). */
  const reference = (mantissa: string, exponent: string | undefined) => {
    const value = Number(`${mantissa}e${exponent ?? '0'}`);
    return Number.isFinite(value) ? value : undefined;
  };
  const digits = (min: number, max: number) => fc.array(fc.constantFrom(...'0123456789'), { minLength: min, maxLength: max }).map((d) => d.join(''));
  const plain = fc.record({
    whole: digits(1, 25),
    fraction: fc.option(digits(1, 25), { nil: undefined }),
    e: fc.constantFrom('e', 'E'),
    exponent: fc.option(fc.tuple(fc.constantFrom('', '+', '-'), digits(1, 4)).map(([s, d]) => s + d), { nil: undefined }),
  });

  it('reads a plain decimal (digits, fraction, e exponent) as the decimal string handed to Number(), in parseNumber and parseSize', () => {
    fc.assert(
      fc.property(plain, ({ whole, fraction, e, exponent }) => {
        const mantissa = fraction === undefined ? whole : `${whole}.${fraction}`;
        const text = exponent === undefined ? mantissa : `${mantissa}${e}${exponent}`;
        const expected = reference(mantissa, exponent);
        expect(tryParseNumber(text)).toBe(expected);
        if (expected === undefined) expect(() => parseSize(text)).toThrow();
        else expect(parseSize(text)).toBe(expected);
      }),
      { seed: 20261206, numRuns: 3000 },
    );
    for (const [text, value] of [['817', 817], ['0', 0], ['007', 7], ['9.279e-13', 9.279e-13], ['1.27e+7', 1.27e7], ['1E400', undefined], ['1e-400', 0]] as const) {
      expect(tryParseNumber(text)).toBe(value);
    }
    // Not plain: read by NUMBER_RE and SIZE_RE as before.
    expect(tryParseNumber(' 5 ')).toBe(5);
    expect(tryParseNumber('5.')).toBeUndefined();
    expect(tryParseNumber('1,500')).toBe(1500);
    expect(parseSize('1.0M')).toBe(1e6);
    expect(() => parseSize('-5')).toThrow();
  });
});
