import { describe, expect, it } from 'vitest';
import { frontierAtRelease } from '../../pipeline/analyze/frontier-at-release.ts';

describe('frontierAtRelease', () => {
  it('marks the systems among the k largest so far, same-day systems judged together', () => {
    //               0     1     2     3     4     5     6     7
    const year = [2010, 2011, 2012, 2013, 2013, 2014, 2015, 2016];
    const flop = [10, 5, 7, 20, 6, 30, NaN, 8];
    // k = 2. 0: first. 1: one larger before (10) → in. 2: 10 and 7 > 5 → 7 is 2nd → in.
    // 3 and 4 (same day): after adding both, larger than 6 are 10, 7, 20 → 4 out; 20 is 1st → in.
    // 5: 1st → in. 6: no value → out. 7: 30, 20, 10 larger → out.
    expect(Array.from(frontierAtRelease(year, flop, 2))).toEqual([1, 1, 1, 1, 0, 1, 0, 0]);
  });

  it('takes rows in date order whatever the table order, and handles ties and k = 0', () => {
    const year = [2016, 2010, 2012];
    const flop = [5, 5, 5];
    // Ties are not "more compute": all three are within the top 1.
    expect(Array.from(frontierAtRelease(year, flop, 1))).toEqual([1, 1, 1]);
    expect(Array.from(frontierAtRelease(year, [1, 3, 2], 1))).toEqual([0, 1, 0]);
    expect(Array.from(frontierAtRelease(year, flop, 0))).toEqual([0, 0, 0]);
    expect(frontierAtRelease([], [], 10)).toHaveLength(0);
  });

  it('matches the definition, a count of every earlier system, on random data', () => {
    const n = 400;
    let s = 7;
    const rand = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
    const year = Array.from({ length: n }, () => 2000 + Math.floor(rand() * 80) / 4);
    const flop = Array.from({ length: n }, () => (rand() < 0.1 ? NaN : Math.round(rand() * 50)));
    const expected = year.map((y, i) => (flop[i] > 0 && year.filter((y2, j) => y2 <= y && flop[j] > flop[i]).length < 10 ? 1 : 0));
    expect(Array.from(frontierAtRelease(year, flop, 10))).toEqual(expected);
  });
});
