import { describe, expect, it } from 'vitest';
import { binomialCdf, GAP_EDGES, MIN_MODELS, parameterGapTest } from '../../pipeline/analyze/parameter-gap.ts';
import { tableFromColumns, type AnalysisTable } from '../../pipeline/analyze/table.ts';
import { computed } from '../helpers/fits.ts';

function table(rows: { year: number; parameters: number; language?: boolean }[]): AnalysisTable {
  const n = rows.length;
  const year = Float64Array.from(rows, (r) => r.year);
  return tableFromColumns({
    ids: rows.map((_, i) => `m${i}`),
    names: rows.map((_, i) => `M${i}`),
    year,
    dateStart: year,
    dateEnd: year,
    language: Uint8Array.from(rows, (r) => (r.language === false ? 0 : 1)),
    trainingHours: new Float64Array(n).fill(NaN),
    flop: new Float64Array(n).fill(NaN),
    method: new Int8Array(n),
    thirdParty: new Uint8Array(n),
    parameters: Float64Array.from(rows, (r) => r.parameters),
    languageTokens: new Float64Array(n).fill(NaN),
    firstDate: '',
    lastDate: '',
  });
}

describe('a parameter-gap test local in time', () => {
  it('binomialCdf sums the binomial probabilities', () => {
    const choose = (n: number, k: number): number => (k === 0 ? 1 : (choose(n, k - 1) * (n - k + 1)) / k);
    for (const [k, n] of [[0, 10], [3, 10], [10, 10], [5, 30]]) {
      let sum = 0;
      for (let i = 0; i <= k; i++) sum += choose(n, i) * (1 / 3) ** i * (2 / 3) ** (n - i);
      expect(binomialCdf(k, n, 1 / 3)).toBeCloseTo(sum, 12);
    }
  });

  it('sees a gap in a year whose models avoid the 20–70B band, and none in a year spread evenly', () => {
    const rows = [
      // 2021: ten models just below 20B and ten just above 70B, none between.
      ...Array.from({ length: 10 }, () => ({ year: 2021.3, parameters: 1.5e10 })),
      ...Array.from({ length: 10 }, () => ({ year: 2021.6, parameters: 1e11 })),
      // 2022: four in each of the three bands.
      ...[1e10, 3e10, 1.2e11].flatMap((p) => Array.from({ length: 4 }, () => ({ year: 2022.5, parameters: p }))),
      // 2019: too few to test; a vision model is not counted.
      { year: 2019.2, parameters: 3e10 },
      { year: 2021.5, parameters: 4e10, language: false },
    ];
    const t = computed(parameterGapTest(table(rows)));
    const y2021 = t.by_year.find((y) => y.year === '2021')!;
    expect(y2021.counts[t.gap_band]).toBe(0);
    expect(y2021.n).toBe(20);
    expect(y2021.p).toBeCloseTo((2 / 3) ** 20, 6);
    expect(y2021.gap).toBe(true);
    const y2022 = t.by_year.find((y) => y.year === '2022')!;
    expect(y2022.gap).toBe(false);
    const y2019 = t.by_year.find((y) => y.year === '2019')!;
    expect(y2019.n).toBeLessThan(MIN_MODELS);
    expect(y2019.gap).toBeNull();
    expect(t.pooled.year).toBe('2020–2022');
    expect(t.pooled.n).toBe(32);
    expect(GAP_EDGES[1]).toBe(2e10);
    expect(GAP_EDGES[2]).toBe(7e10);
  });

  it('says why when no language model has a parameter count', () => {
    const t = parameterGapTest(table([{ year: 2021, parameters: 1e10, language: false }]));
    expect(t.computed).toBe(false);
  });
});
