import { describe, expect, it } from 'vitest';
import { aiAndCompute, economicPeriods } from '../../pipeline/analyze/other-series.ts';
import { seriesOf } from '../../pipeline/analyze/series.ts';
import { createRng } from '../../pipeline/analyze/stats/index.ts';
import { tableFromColumns, type AnalysisTable } from '../../pipeline/analyze/table.ts';
import { fitTrend } from '../../pipeline/analyze/trend.ts';
import { computed } from '../helpers/fits.ts';

function table(year: Float64Array, flop: Float64Array, parameters: Float64Array, periods?: [Float64Array, Float64Array]): AnalysisTable {
  const n = year.length;
  return tableFromColumns({
    ids: Array.from({ length: n }, (_, i) => `r${String(i).padStart(4, '0')}`),
    names: Array.from({ length: n }, (_, i) => `R${i}`),
    year,
    dateStart: periods?.[0] ?? year,
    dateEnd: periods?.[1] ?? year,
    language: new Uint8Array(n),
    flop,
    method: new Int8Array(n),
    thirdParty: new Uint8Array(n),
    parameters,
  });
}

describe('economicPeriods', () => {
  const rng = createRng(21);
  const n = 600;
  const year = Float64Array.from({ length: n }, (_, i) => 1995 + (25 * i) / n);
  const t = table(
    year,
    Float64Array.from(year, (y) => (rng.next() < 0.2 ? NaN : 10 ** (10 + (y < 2008 ? 0.15 : 0.4) * (y - 1995) + rng.next()))),
    Float64Array.from(year, () => (rng.next() < 0.5 ? NaN : Math.round(10 ** (6 + 5 * rng.next())))),
  );
  const isLarge = Uint8Array.from(year, (y) => (y >= 2016 && rng.next() < 0.3 ? 1 : 0));
  const isOutlier = Uint8Array.from(year, (_, i) => (i % 50 === 7 ? 1 : 0));
  const trend = { resamples: 200, seed: 4, noise: 0 };
  const hardware: [number, number] = [0.11, 0.134];

  it('counts, sorts and fits the rows of each period as the definition does, compute without the low outliers', () => {
    const keeps = [(i: number) => year[i] < 2008, (i: number) => year[i] >= 2008 && !isLarge[i], (i: number) => isLarge[i] === 1];
    const { periods } = economicPeriods(t, isLarge, isOutlier, trend, hardware);
    periods.forEach((p, k) => {
      const rows = Array.from({ length: n }, (_, i) => i).filter(keeps[k]);
      const params = rows.map((i) => t.parameters[i]).filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
      expect(p.n).toBe(rows.length);
      expect(p.max_parameters).toBe(params.at(-1) ?? null);
      expect(p.median_parameters).toBe(params.length ? params[Math.floor((params.length - 1) / 2)] : null);
      const subject = { noun: 'system', detail: 'of this period with a compute value (low outliers excluded)' };
      expect(p.compute).toEqual(fitTrend(seriesOf(t, t.flop, (i) => keeps[k](i) && isOutlier[i] === 0), { ...trend, seed: trend.seed + 31 + k, subject }));
      expect(p.parameters).toEqual(fitTrend(seriesOf(t, t.parameters, keeps[k]), { ...trend, seed: trend.seed + 41 + k, subject: { noun: 'system', detail: 'of this period with a parameter count' } }));
    });
    expect(periods.map((p) => p.key)).toEqual(['diy', 'cloud', 'bespoke']);
  });

  it('compares the periods by the interval of their difference, and against hardware only from 2006 on', () => {
    const { comparisons, vsHardware } = economicPeriods(t, isLarge, isOutlier, trend, hardware);
    // The data grow 0.4 orders of magnitude a year from 2008 and 0.15 before: the cloud period is faster.
    const cloud = comparisons.find((c) => c.first === 'cloud')!.comparison!;
    expect(cloud.verdict).toBe('faster');
    expect(cloud.slope_difference.lo).toBeGreaterThan(0);
    expect(cloud.growth_ratio.lo).toBeCloseTo(10 ** cloud.slope_difference.lo, 4);
    // Bespoke and cloud share one slope: no difference the data can see.
    expect(comparisons.find((c) => c.first === 'bespoke')!.comparison!.verdict).toBe('no_difference');
    expect(vsHardware).toEqual([
      { key: 'diy', verdict: null },
      { key: 'cloud', verdict: 'faster' },
      { key: 'bespoke', verdict: 'faster' },
    ]);
  });
});

describe('aiAndCompute', () => {
  it('keeps a system whose year-only date opens the window (AlexNet, "2012"), and not one from the year before', () => {
    // Points: a 2011 system (year only), "AlexNet" dated 2012 (year only), then rising record-setters to 2017.
    const year = Float64Array.from([2011.5, 2012.5, 2013.2, 2014.6, 2015.9, 2016.3, 2017.4, 2018.2]);
    const flop = Float64Array.from([1e18, 1e17, 1e18, 1e19, 1e20, 1e21, 1e23, 1e24]);
    const start = Float64Array.from([2011, 2012, 2013.2, 2014.6, 2015.9, 2016.3, 2017.4, 2018.2]);
    const end = Float64Array.from([2012, 2013, 2013.2, 2014.6, 2015.9, 2016.3, 2017.4, 2018.2]);
    const t = table(year, flop, new Float64Array(8).fill(NaN), [start, end]);
    const w = aiAndCompute(t, { resamples: 0, seed: 1, noise: 0 });
    expect(w.ids).toEqual(['r0001', 'r0002', 'r0003', 'r0004', 'r0005', 'r0006']);
    expect(computed(w.fit).n).toBe(6);
    expect(computed(w.fit).x_range[0]).toBe(2012.5);
  });
});
