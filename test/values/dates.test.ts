import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DATE_EXPECTED, dateToYear, fractionalYear, parseDate, type ParsedDate } from '../../pipeline/values/dates.ts';
import { anyCell, parseErrorOf, returnsOrThrowsParseError } from '../normalize/arbitraries.ts';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

describe('parseDate: accepted forms', () => {
  it.each<[string, ParsedDate]>([
    ['2017-06-12', { iso: '2017-06-12', precision: 'day', year: 2017 + 162 / 365, representativeDay: '2017-06-12' }],
    ['2017-06', { iso: '2017-06', precision: 'month', year: 2017 + 165 / 365, representativeDay: '2017-06-15' }],
    ['2017', { iso: '2017', precision: 'year', year: 2017 + 181 / 365, representativeDay: '2017-07-01' }],
    ['2016', { iso: '2016', precision: 'year', year: 2016 + 182 / 366, representativeDay: '2016-07-01' }],
    ['2017-01-01', { iso: '2017-01-01', precision: 'day', year: 2017, representativeDay: '2017-01-01' }],
    ['2016-12-31', { iso: '2016-12-31', precision: 'day', year: 2016 + 365 / 366, representativeDay: '2016-12-31' }],
    ['2024-02-29', { iso: '2024-02-29', precision: 'day', year: 2024 + 59 / 366, representativeDay: '2024-02-29' }],
    ['2000-02-29', { iso: '2000-02-29', precision: 'day', year: 2000 + 59 / 366, representativeDay: '2000-02-29' }],
    ['1900-01-01', { iso: '1900-01-01', precision: 'day', year: 1900, representativeDay: '1900-01-01' }],
    ['  2017-06  ', { iso: '2017-06', precision: 'month', year: 2017 + 165 / 365, representativeDay: '2017-06-15' }],
  ])('parses %j', (text, expected) => {
    expect(parseDate(text)).toEqual(expected);
  });

  it.each<[string, string]>([
    ['2024-06-01', '2024-06-01'],
    ['2024-06', '2024-06-01'], // the month has begun
    ['2024', '2024-06-01'], // the year has begun
    ['2024-06-01', '2024-06-01T23:00:00Z'],
  ])('accepts %j when today is %s', (text, today) => {
    const day = today.length > 10 ? new Date(today) : today;
    expect(parseDate(text, { today: day }).iso).toBe(text);
  });
});

describe('parseDate: rejected input', () => {
  it.each<[string, RegExp]>([
    ['', /Empty cell/],
    ['2023-02-30', /Invalid day 30 .*28 days/],
    ['2023-02-29', /Invalid day 29/],
    ['1900-02-29', /Invalid day 29/], // 1900 was not a leap year
    ['2023-04-31', /Invalid day 31/],
    ['2023-01-00', /Invalid day 00/],
    ['2017-13', /Invalid month 13/],
    ['2017-00-10', /Invalid month 00/],
    ['12/06/2017', /Unrecognized date format/],
    ['June 2017', /Unrecognized date format/],
    ['2017-6-12', /Unrecognized date format/],
    ['17-06-12', /Unrecognized date format/],
    ['2017/06/12', /Unrecognized date format/],
    ['2017-06-12T00:00:00Z', /Unrecognized date format/],
    ['20170612', /Unrecognized date format/],
    ['2017 06', /Unrecognized date format/],
    ['+2017', /Unrecognized date format/],
    ['1899-12-31', /before 1900-01-01/],
    ['1899', /before 1900-01-01/],
    ['0000', /before 1900-01-01/],
  ])('rejects %j', (text, message) => {
    const error = parseErrorOf(() => parseDate(text));
    expect(error.message).toMatch(message);
    expect(error.text).toBe(text);
    expect(error.expected).toBe(DATE_EXPECTED);
  });

  it.each<[string, string]>([
    ['2024-06-02', '2024-06-01'],
    ['2024-07', '2024-06-01'],
    ['2025', '2024-12-31'],
  ])('rejects %j after today %s', (text, today) => {
    const error = parseErrorOf(() => parseDate(text, { today }));
    expect(error.message).toMatch(`after today (${today})`);
    expect(error.expected).toContain(`not after ${today}`);
  });

  it('treats a malformed `today` option as a programming error (RangeError)', () => {
    expect(() => parseDate('2017', { today: '2024-13-01' })).toThrow(RangeError);
    expect(() => parseDate('2017', { today: 'tomorrow' })).toThrow(RangeError);
    expect(() => parseDate('2017', { today: new Date(Number.NaN) })).toThrow(RangeError);
  });
});

describe('parseDate: properties', () => {
  const day = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));

  it('round-trips every valid day, month and year, keeping the written precision', () => {
    fc.assert(
      fc.property(day, fc.constantFrom(10, 7, 4), (iso, length) => {
        const text = iso.slice(0, length);
        const parsed = parseDate(text);
        expect(parsed.iso).toBe(text);
        expect(parsed.precision).toBe(length === 10 ? 'day' : length === 7 ? 'month' : 'year');
        expect(parsed.representativeDay.startsWith(text)).toBe(true);
        const y = Number(text.slice(0, 4));
        expect(parsed.year).toBeGreaterThanOrEqual(y);
        expect(parsed.year).toBeLessThan(y + 1);
      }),
      { numRuns: 1000 },
    );
  });

  it('fractional year increases strictly with the day and matches Date arithmetic', () => {
    fc.assert(
      fc.property(day, day, (a, b) => {
        const [ya, yb] = [parseDate(a).year, parseDate(b).year];
        expect(Math.sign(ya - yb)).toBe(a < b ? -1 : a > b ? 1 : 0);
      }),
      { numRuns: 1000 },
    );
    const y = 2020;
    for (let m = 1; m <= 12; m++) {
      const dayOfYear = (Date.UTC(y, m - 1, 15) - Date.UTC(y, 0, 1)) / 86_400_000 + 1;
      expect(parseDate(`${y}-${pad(m)}`).year).toBe(fractionalYear(y, m, 15));
      expect(fractionalYear(y, m, 15)).toBe(y + (dayOfYear - 1) / 366);
    }
  });

  it('a month-precision date sits mid-month, a year-precision date mid-year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 9999 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        const month = parseDate(`${y}-${pad(m)}`).year;
        expect(month).toBeGreaterThan(parseDate(`${y}-${pad(m)}-01`).year);
        expect(Math.abs(parseDate(String(y)).year - (y + 0.5))).toBeLessThan(2 / 365);
      }),
    );
  });

  it('returns a valid date or throws ParseError for any string', () => {
    const samples = ['2017-06-12', '2017-06', '2017', '2023-02-30', '12/06/2017', 'June 2017', '1899-12-31'];
    fc.assert(
      fc.property(anyCell(samples), fc.boolean(), (text, withToday) => {
        returnsOrThrowsParseError(() => parseDate(text, withToday ? { today: '2024-06-01' } : {}), (d) => {
          expect(Number.isFinite(d.year) && d.year >= 1900).toBe(true);
          expect(d.iso).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
        });
      }),
      { numRuns: 2000 },
    );
  });
});

describe('dateToYear (lenient, for npm run fit)', () => {
  it('reads every precision by the same convention and gives NaN for non-dates', () => {
    expect(dateToYear('2020-01-01')).toBe(2020);
    expect(dateToYear('2020-07-02')).toBeCloseTo(2020 + 183 / 366, 12);
    expect(dateToYear(' 2021-12-31T10:00:00Z ')).toBeCloseTo(2021 + 364 / 365, 12);
    expect(dateToYear('2020-06')).toBeCloseTo(2020 + (31 + 29 + 31 + 30 + 31 + 14) / 366, 12);
    expect(dateToYear('not a date')).toBeNaN();
    expect(dateToYear('2023-02-30')).toBeNaN();
  });
});
