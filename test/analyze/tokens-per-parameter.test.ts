import { describe, expect, it } from 'vitest';
import { createRng } from '../../pipeline/analyze/stats/index.ts';
import { tableFromColumns } from '../../pipeline/analyze/table.ts';
import { analyzeTokensPerParameter, tokensPerParameterColumn } from '../../pipeline/analyze/tokens-per-parameter.ts';
import { messages } from '../../pipeline/messages.ts';

describe('analyzeTokensPerParameter', () => {
  // The ratio planted at 2×/year from 5 in 2018, around the compute-optimal 20 in 2020.
  const rng = createRng(17);
  const n = 90;
  const year = Float64Array.from({ length: n }, (_, i) => 2018 + (6 * i) / n);
  const parameters = Float64Array.from(year, () => 10 ** (8 + 3 * rng.next()));
  const ratio = Float64Array.from(year, (y) => 5 * 2 ** (y - 2018) * 10 ** (0.05 * rng.normal()));
  const tokens = Float64Array.from(parameters, (p, i) => p * ratio[i]);
  // Every tenth model is a mixture of experts with a tenth of its parameters active: the ratio uses those.
  const active = Float64Array.from(parameters, (p, i) => (i % 10 === 0 ? p / 10 : NaN));
  const total = Float64Array.from(parameters, (p, i) => (i % 10 === 0 ? p * 10 : p));
  const table = tableFromColumns({ ids: Array.from({ length: n }, (_, i) => `m${i}`), year, parameters: total, activeParameters: active, languageTokens: tokens, lastDate: '2023-12-31' });
  const r = analyzeTokensPerParameter(table, '2010-01-01', { resamples: 300, seed: 3, noise: 0.3 });

  it('divides tokens by the active parameters where stated', () => {
    const col = tokensPerParameterColumn(table);
    expect(col[0]).toBeCloseTo(tokens[0] / active[0], 6);
    expect(col[1]).toBeCloseTo(tokens[1] / total[1], 6);
  });

  it('recovers the planted growth of the ratio with its interval', () => {
    if (!r.trend.computed) throw new Error(r.trend.reason);
    expect(r.n).toBe(n);
    expect(r.trend.growth_per_year).toBeGreaterThan(1.9);
    expect(r.trend.growth_per_year).toBeLessThan(2.1);
    expect(r.trend.bootstrap).toMatchObject({ computed: true, growth_per_year: { lo: expect.any(Number) } });
    expect(r.trend.bootstrap.computed && r.trend.bootstrap.growth_per_year.lo).toBeLessThan(r.trend.growth_per_year);
    expect(r.optimal).toMatchObject({ value: 20, unit: 'tokens_per_parameter', url: 'https://arxiv.org/abs/2203.15556' });
  });

  it('gives each year’s median, largest and models above the compute-optimal ratio', () => {
    const col = tokensPerParameterColumn(table);
    for (const y of r.by_year) {
      const values = Array.from(col).filter((_, i) => Math.floor(year[i]) === y.year);
      expect(y.n).toBe(values.length);
      expect(y.above_optimal).toBe(values.filter((v) => v > 20).length);
      expect(y.max).toBe(Number(Math.max(...values).toPrecision(6)));
    }
    expect(r.latest_median?.year).toBe(2023);
  });

  it('says so when no language model states both', () => {
    const none = analyzeTokensPerParameter(tableFromColumns({ ids: ['a'], year: Float64Array.of(2020), parameters: Float64Array.of(1e9) }), '2010-01-01', { resamples: 10, seed: 1, noise: 0 });
    const detail = 'with a parameter count and training tokens published since 2010';
    expect(none.status).toEqual({ computed: false, reason: messages.noneInData('language model', detail), n: 0 });
    expect(none.trend).toEqual({ computed: false, reason: messages.tooFewForTrend(0, 5, 'language model', detail), n: 0 });
    expect(none.by_year).toEqual([]);
  });
});
