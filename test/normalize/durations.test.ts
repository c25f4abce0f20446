import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAYS_PER_MONTH, DURATION_EXPECTED, DURATION_UNITS, HOURS_PER_MONTH, parseDuration } from '../../pipeline/normalize/durations.ts';
import { formatPlain } from '../../pipeline/values/format.ts';
import { anyCell, closeRelative, parseErrorOf, returnsOrThrowsParseError } from './arbitraries.ts';

const VALID: Array<[string, number]> = [
  ['14.8 days', 14.8 * 24],
  ['336 hours', 336],
  ['5 weeks', 5 * 7 * 24],
  ['3 months', 3 * 30.4375 * 24],
  ['1 month', 730.5],
  ['90 minutes', 1.5],
  ['30 min', 0.5],
  ['1.5h', 1.5],
  ['12 hrs', 12],
  ['12 hr.', 12],
  ['3 days.', 72], // a final dot is read as an abbreviation mark
  ['1 hour', 1],
  ['2 d', 48],
  ['1 day', 24],
  ['3 wks', 504],
  ['1 year', 8766],
  ['2 yrs', 17_532],
  ['7200 s', 2],
  ['36 seconds', 0.01],
  ['1,000 hours', 1000],
  ['1e3hours', 1000],
  ['0 days', 0],
  [' 10 Days ', 240],
  ['10 DAYS', 240],
];

const INVALID: Array<[string, RegExp]> = [
  ['', /Empty cell/],
  ['5', /has no unit/],
  ['days', /Not a duration/],
  ['5 m', /Unknown duration unit "m"/],
  ['5 fortnights', /Unknown duration unit/],
  ['-3 days', /must not be negative/],
  ['1 day 12 hours', /Not a duration/],
  ['about 3 days', /Not a duration/],
  ['3-4 days', /Not a duration/],
  ['1e308 years', /out of range/],
  ['1,5 days', /Not a duration/],
];

describe('parseDuration', () => {
  it('states the month convention: 365.25 / 12 days', () => {
    expect(DAYS_PER_MONTH).toBe(30.4375);
    expect(HOURS_PER_MONTH).toBe(730.5);
  });

  it.each(VALID)('parses %j as %d hours', (text, hours) => {
    expect(parseDuration(text)).toBe(hours);
  });

  it.each(INVALID)('rejects %j', (text, message) => {
    const error = parseErrorOf(() => parseDuration(text));
    expect(error.message).toMatch(message);
    expect(error.text).toBe(text);
    expect(error.expected).toBe(DURATION_EXPECTED);
  });

  it('reads back any amount in any unit spelling', () => {
    const spellings = DURATION_UNITS.flatMap((u) => u.spellings.map((s) => [s, u.hours] as const));
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e9, noNaN: true }), fc.constantFrom(...spellings), fc.constantFrom('', ' '),
        (amount, [spelling, hours], space) => {
          expect(closeRelative(parseDuration(`${formatPlain(amount)}${space}${spelling}`), amount * hours, 1e-12)).toBe(true);
        }),
      { numRuns: 1000 },
    );
  });

  it('returns non-negative finite hours or throws ParseError for any string', () => {
    const samples = VALID.map(([t]) => t).concat(INVALID.map(([t]) => t));
    fc.assert(
      fc.property(anyCell(samples), (text) => {
        returnsOrThrowsParseError(() => parseDuration(text), (h) => {
          expect(Number.isFinite(h) && h >= 0).toBe(true);
        });
      }),
      { numRuns: 2000 },
    );
  });
});
