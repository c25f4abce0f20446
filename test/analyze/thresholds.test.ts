import { describe, expect, it } from 'vitest';
import { tableFromColumns } from '../../pipeline/analyze/table.ts';
import { analyzeThresholds, NEWEST_NAMED, THRESHOLDS, thresholdText } from '../../pipeline/analyze/thresholds.ts';
import { messages } from '../../pipeline/messages.ts';

/** Eight systems by hand: value, range, date; one without a value flagged "possibly over 10²³". */
function handMade() {
  const rows = [
    { id: 'a', year: 2019.5, flop: 5e22, low: 2.5e22, high: 1e23, flag: -1 },
    { id: 'b', year: 2020.2, flop: 2e23, low: 1e23, high: 4e23, flag: -1 },
    { id: 'c', year: 2020.8, flop: 3e24, low: 1.5e24, high: 6e24, flag: -1 },
    { id: 'd', year: 2022.1, flop: 1e25, low: 5e24, high: 2e25, flag: -1 },
    { id: 'e', year: 2023.3, flop: 2e25, low: 1e25, high: 4e25, flag: -1 },
    { id: 'f', year: 2023.9, flop: 1.5e26, low: 7.5e25, high: 3e26, flag: -1 },
    { id: 'g', year: 2021.5, flop: NaN, low: NaN, high: NaN, flag: 1 },
    { id: 'h', year: 2018.0, flop: 1e20, low: 5e19, high: 2e20, flag: 0 },
  ];
  return tableFromColumns({
    ids: rows.map((r) => r.id),
    names: rows.map((r) => `System ${r.id.toUpperCase()}`),
    dates: rows.map((r) => `${Math.floor(r.year)}-06-01`),
    year: Float64Array.from(rows, (r) => r.year),
    flop: Float64Array.from(rows, (r) => r.flop),
    flopLow: Float64Array.from(rows, (r) => r.low),
    flopHigh: Float64Array.from(rows, (r) => r.high),
    possiblyOver1e23: Int8Array.from(rows, (r) => r.flag),
    firstDate: '2018-01-01',
    lastDate: '2023-11-25',
  });
}

describe('analyzeThresholds', () => {
  const t = analyzeThresholds(handMade());

  it('counts systems strictly above each threshold, and at the low and high ends of their ranges', () => {
    expect(t.n).toBe(7);
    expect(t.totals.map((x) => [x.label, x.count, x.low, x.high])).toEqual([
      ['10²³', 5, 4, 5],
      ['10²⁴', 4, 4, 4],
      ['10²⁵', 2, 1, 3],
      ['10²⁶', 1, 0, 1],
    ]);
    expect(t.totals.map((x) => x.uncertain)).toEqual([true, false, true, true]);
  });

  it('gives every year from the first above the lowest threshold to the data’s last, with cumulative counts', () => {
    expect(t.by_year.map((y) => y.year)).toEqual([2020, 2021, 2022, 2023]);
    expect(t.by_year.map((y) => y.above)).toEqual([[2, 1, 0, 0], [0, 0, 0, 0], [1, 1, 0, 0], [2, 2, 2, 1]]);
    expect(t.by_year.map((y) => y.cumulative)).toEqual([[2, 1, 0, 0], [2, 1, 0, 0], [3, 2, 0, 0], [5, 4, 2, 1]]);
    expect(t.by_year.map((y) => y.cumulative_low)).toEqual([[1, 1, 0, 0], [1, 1, 0, 0], [2, 2, 0, 0], [4, 4, 1, 0]]);
    expect(t.by_year.map((y) => y.cumulative_high)).toEqual([[2, 1, 0, 0], [2, 1, 0, 0], [3, 2, 1, 0], [5, 4, 3, 1]]);
  });

  it('counts the systems only possibly over 10²³ apart, never in the totals', () => {
    expect(t.by_year.map((y) => y.possibly_over_1e23)).toEqual([0, 1, 0, 0]);
    expect(t.possibly_over_1e23).toEqual({ computed: true, count: 1, with_flag: 2 });
  });

  it('names the first and the newest systems above each threshold, newest first', () => {
    expect(t.totals[0].first?.name).toBe('System B');
    expect(t.totals[2].newest.map((s) => s.name)).toEqual(['System F', 'System E']);
    expect(t.totals[3].newest).toEqual([{ id: 'f', name: 'System F', date: '2023-06-01', value: 1.5e26 }]);
    expect(t.policy.map((p) => p.threshold_text)).toEqual(['10²⁵', '10²⁶']);
  });

  it('says why when no system reaches the lowest threshold, and when no record carries the flag', () => {
    const small = tableFromColumns({ ids: ['x'], year: Float64Array.of(2020.5), flop: Float64Array.of(1e20), lastDate: '2020-07-01' });
    const r = analyzeThresholds(small);
    expect(r.status).toEqual({ computed: false, reason: messages.noComputeAbove('10²³'), n: 1 });
    expect(r.by_year).toEqual([]);
    expect(r.totals.map((x) => x.count)).toEqual([0, 0, 0, 0]);
    expect(r.possibly_over_1e23).toMatchObject({ computed: false, reason: messages.noFlagInData('an upstream “possibly over 10²³ FLOP” flag') });
    expect(analyzeThresholds(tableFromColumns({ ids: [] })).status.computed).toBe(false);
  });

  it('names the first and the newest as a stable sort by date, then compute, would, ties included', () => {
    let seed = 11;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let round = 0; round < 20; round++) {
      const n = 60;
      const year = Float64Array.from({ length: n }, () => 2018 + Math.floor(rand() * 8) / 2);
      const flop = Float64Array.from({ length: n }, () => (rand() < 0.1 ? NaN : [5e22, 2e23, 3e24, 2e25, 2e26][Math.floor(rand() * 5)]));
      const ids = Array.from({ length: n }, (_, i) => `s${i}`);
      const r = analyzeThresholds(tableFromColumns({ ids, year, flop, lastDate: '2025-12-31' }));
      r.totals.forEach((total, k) => {
        const above = ids.map((_, i) => i).filter((i) => flop[i] > THRESHOLDS[k]);
        const byDate = [...above].sort((a, b) => year[a] - year[b] || flop[a] - flop[b]);
        expect(total.count).toBe(above.length);
        expect(total.first?.id ?? null).toBe(byDate.length > 0 ? ids[byDate[0]] : null);
        expect(total.newest.map((x) => x.id)).toEqual(byDate.slice(-NEWEST_NAMED).reverse().map((i) => ids[i]));
      });
      const counted = (y: number, t: number) => ids.filter((_, i) => flop[i] > t && Math.floor(year[i]) === y).length;
      expect(r.by_year.map((y) => y.above)).toEqual(r.by_year.map((y) => THRESHOLDS.map((t) => counted(y.year, t))));
    }
  });

  it('writes a threshold as the policy texts do', () => {
    expect([thresholdText(1e23), thresholdText(1e26), thresholdText(3e25)]).toEqual(['10²³', '10²⁶', '3.0 × 10²⁵']);
  });
});
