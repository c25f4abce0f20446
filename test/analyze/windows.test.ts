import { describe, expect, it } from 'vitest';
import { datePeriod } from '../../pipeline/analyze/table.ts';
import { periodInWindow, yearWindow } from '../../pipeline/analyze/windows.ts';
import { parseDate } from '../../pipeline/values/dates.ts';

const period = (iso: string) => datePeriod(iso, parseDate(iso).year);

describe('date periods and windows that respect precision', () => {
  it('a date stands for its day, its month or its year', () => {
    expect(period('2012')).toEqual([2012, 2013]);
    const [s, e] = period('2012-09');
    expect(s).toBeCloseTo(parseDate('2012-09-01').year, 10);
    expect(e).toBeCloseTo(parseDate('2012-10-01').year, 10);
    expect(period('2012-12')[1]).toBe(2013);
    const day = parseDate('2012-09-30').year;
    expect(period('2012-09-30')).toEqual([day, day]);
  });

  it('a year-only date meets a window that opens within its year; a full date must lie within it', () => {
    const w = yearWindow('2012-09-30', '2017-10-19');
    expect(periodInWindow(...period('2012'), w)).toBe(true);
    expect(periodInWindow(...period('2012-09'), w)).toBe(true);
    expect(periodInWindow(...period('2012-08'), w)).toBe(false);
    expect(periodInWindow(...period('2012-09-29'), w)).toBe(false);
    expect(periodInWindow(...period('2012-09-30'), w)).toBe(true);
    expect(periodInWindow(...period('2017-10-19'), w)).toBe(true);
    expect(periodInWindow(...period('2017-10-20'), w)).toBe(false);
    expect(periodInWindow(...period('2017'), w)).toBe(true);
    expect(periodInWindow(...period('2011'), w)).toBe(false);
    expect(periodInWindow(...period('2018'), w)).toBe(false);
  });

  it('an end in the year 9999 is open', () => {
    expect(yearWindow('2010-01-01', '9999-12-31').to).toBe(Infinity);
    expect(periodInWindow(...period('2009'), yearWindow('2010-01-01', '9999-12-31'))).toBe(false);
  });
});
