import { describe, expect, it } from 'vitest';
import { fractionalYear } from '../../../pipeline/analyze/stats/index.ts';

describe('fractionalYear (UTC, year + (day-of-year − 1)/days-in-year)', () => {
  it('follows the convention in leap and common years', () => {
    expect(fractionalYear('2020-01-01')).toBe(2020);
    expect(fractionalYear('2020-07-02')).toBeCloseTo(2020 + 183 / 366, 12);
    expect(fractionalYear('2021-12-31')).toBeCloseTo(2021 + 364 / 365, 12);
    expect(fractionalYear(new Date(Date.UTC(2024, 11, 6)))).toBeCloseTo(2024 + 340 / 366, 12);
    expect(fractionalYear('2024-12-06T23:59:00Z')).toBe(fractionalYear('2024-12-06'));
  });

  it('rejects non-dates and impossible dates', () => {
    expect(fractionalYear('')).toBeNaN();
    expect(fractionalYear('2023')).toBeNaN();
    expect(fractionalYear('2023-02-30')).toBeNaN();
  });
});
