import { describe, expect, it } from 'vitest';
import { economicPeriods } from '../../pipeline/analyze/other-series.ts';
import { seriesOf } from '../../pipeline/analyze/series.ts';
import { createRng } from '../../pipeline/analyze/stats/index.ts';
import { tableFromColumns, type AnalysisTable } from '../../pipeline/analyze/table.ts';
import { fitTrend } from '../../pipeline/analyze/trend.ts';

describe('economicPeriods', () => {
  const rng = createRng(21);
  const n = 600;
  const year = Float64Array.from({ length: n }, (_, i) => 1995 + (25 * i) / n);
  const t: AnalysisTable = tableFromColumns({
    ids: Array.from({ length: n }, (_, i) => `r${i}`),
    names: Array.from({ length: n }, (_, i) => `R${i}`),
    year,
    flop: Float64Array.from(year, (y) => (rng.next() < 0.2 ? NaN : 10 ** (10 + 0.4 * (y - 1995) + rng.next()))),
    method: new Int8Array(n),
    thirdParty: new Uint8Array(n),
    parameters: Float64Array.from(year, () => (rng.next() < 0.5 ? NaN : Math.round(10 ** (6 + 5 * rng.next())))),
    languageTokens: new Float64Array(n).fill(NaN),
  });
  const isLarge = Uint8Array.from(year, (y) => (y >= 2016 && rng.next() < 0.3 ? 1 : 0));
  const trend = { resamples: 20, seed: 4, noise: 0 };

  it('counts, sorts and fits the rows of each period as the definition does', () => {
    const keeps = [(i: number) => year[i] < 2008, (i: number) => year[i] >= 2008 && !isLarge[i], (i: number) => isLarge[i] === 1];
    const periods = economicPeriods(t, isLarge, trend);
    periods.forEach((p, k) => {
      const rows = Array.from({ length: n }, (_, i) => i).filter(keeps[k]);
      const params = rows.map((i) => t.parameters[i]).filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
      expect(p.n).toBe(rows.length);
      expect(p.max_parameters).toBe(params.at(-1) ?? null);
      expect(p.median_parameters).toBe(params.length ? params[Math.floor((params.length - 1) / 2)] : null);
      expect(p.compute).toEqual(fitTrend(seriesOf(t, t.flop, keeps[k]), { ...trend, seed: trend.seed + 31 + k }));
      expect(p.parameters).toEqual(fitTrend(seriesOf(t, t.parameters, keeps[k]), { ...trend, seed: trend.seed + 41 + k }));
    });
    expect(periods.map((p) => p.key)).toEqual(['diy', 'cloud', 'bespoke']);
  });
});
