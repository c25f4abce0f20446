import { describe, expect, it } from 'vitest';
import { againstPublished, compareIntervals, compareSlopeSamples, publishedSlopeInterval, slopeOfDoubling } from '../../pipeline/analyze/compare.ts';
import type { TrendFit } from '../../pipeline/schema/fits.ts';

function fit(slope: number, lo: number, hi: number): TrendFit {
  const dm = (s: number) => (12 * Math.log10(2)) / s;
  return {
    computed: true,
    n: 50,
    x_range: [2010, 2020],
    intercept: 0,
    slope,
    slope_se: 0.01,
    r2: 0.9,
    residual_sd: 0.5,
    doubling_months: dm(slope),
    growth_per_year: 10 ** slope,
    bootstrap: { computed: true, resamples: 100, seed: 1, noise: 0, slope: { lo, median: slope, hi }, doubling_months: { lo: dm(hi), median: dm(slope), hi: dm(lo) }, growth_per_year: { lo: 10 ** lo, median: 10 ** slope, hi: 10 ** hi } },
  };
}

describe('comparisons that choose the words', () => {
  it('the difference of two trends: its interval decides faster, slower or no difference', () => {
    const a = Float64Array.from({ length: 200 }, (_, i) => 0.6 + (i % 20) / 1000);
    const b = Float64Array.from({ length: 200 }, (_, i) => 0.4 + (i % 17) / 1000);
    expect(compareSlopeSamples(a, b)!.verdict).toBe('faster');
    expect(compareSlopeSamples(b, a)!.verdict).toBe('slower');
    const c = Float64Array.from({ length: 200 }, (_, i) => 0.6 + ((i * 7) % 40) / 100 - 0.2);
    expect(compareSlopeSamples(a, c)!.verdict).toBe('no_difference');
    expect(compareSlopeSamples(a.subarray(0, 5), b)).toBeNull();
    const d = compareSlopeSamples(a, b)!;
    expect(d.growth_ratio.lo).toBeCloseTo(10 ** d.slope_difference.lo, 3);
  });

  it('a published doubling time with its interval becomes a slope interval (months ↦ orders of magnitude per year)', () => {
    const [lo, hi] = publishedSlopeInterval({ doubling_months: 5.7, doubling_ci95: [4.3, 9.0], growth_per_year: null })!;
    expect(lo).toBeCloseTo(slopeOfDoubling(9.0), 12);
    expect(hi).toBeCloseTo(slopeOfDoubling(4.3), 12);
    expect(publishedSlopeInterval({ doubling_months: null, doubling_ci95: null, growth_per_year: [4, 5] })).toEqual([Math.log10(4), Math.log10(5)]);
  });

  it('ours against a published figure: consistent when the intervals meet, else faster or slower', () => {
    const ours = fit(Math.log10(4.7), Math.log10(4.1), Math.log10(5.5));
    expect(againstPublished(ours, { doubling_months: null, doubling_ci95: null, growth_per_year: [4, 5] })).toBe('consistent');
    expect(againstPublished(ours, { doubling_months: null, doubling_ci95: null, growth_per_year: [4, 4] })).toBe('faster');
    expect(againstPublished(ours, { doubling_months: null, doubling_ci95: null, growth_per_year: [6, 6] })).toBe('slower');
    expect(againstPublished({ computed: false, reason: 'x', n: 0 }, { doubling_months: 3.4, doubling_ci95: null, growth_per_year: null })).toBeNull();
  });

  it('two fits by their intervals alone', () => {
    expect(compareIntervals(fit(0.6, 0.55, 0.65), fit(0.4, 0.35, 0.45))).toBe('faster');
    expect(compareIntervals(fit(0.6, 0.45, 0.65), fit(0.4, 0.35, 0.5))).toBe('no_difference');
  });
});
