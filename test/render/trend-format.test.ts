import { describe, expect, it } from 'vitest';
import { messages } from '../../pipeline/messages.ts';
import type { Anchor, TrendFit } from '../../pipeline/schema/fits.ts';
import { anchorHtml, anchorValue, doublingCi, growthCi } from '../../pipeline/render/trend-format.ts';

const fit = (slope: number, lo: number, hi: number): TrendFit => {
  const d = (s: number) => (12 * Math.log10(2)) / s;
  return {
    n: 10, x_range: [2010, 2020], intercept: 0, slope, slope_se: 0.01, r2: 0.9, residual_sd: 0.3,
    doubling_months: d(slope), growth_per_year: 10 ** slope,
    computed: true,
    bootstrap: { computed: true, resamples: 100, seed: 1, noise: 0, slope: { lo, median: slope, hi }, doubling_months: { lo: d(hi), median: d(slope), hi: d(lo) }, growth_per_year: { lo: 10 ** lo, median: 10 ** slope, hi: 10 ** hi } },
  };
};

describe('rates as the trend pages print them', () => {
  it('gives growth with its interval, with a second decimal below 2×', () => {
    expect(growthCi(fit(Math.log10(5.4), Math.log10(4.8), Math.log10(6.3)))).toBe('5.4×/year (95% CI 4.8–6.3)');
    expect(growthCi(fit(Math.log10(1.28), Math.log10(1.18), Math.log10(1.38)))).toBe('1.28×/year (95% CI 1.18–1.38)');
  });

  it('leaves a doubling time’s interval open when the slope’s interval reaches zero', () => {
    expect(doublingCi(fit(0.3, 0.2, 0.4))).toBe('12.0 months (95% CI 9.0–18.1)');
    expect(doublingCi(fit(0.3, -0.05, 0.6))).toBe(`12.0 months (${messages.openDoublingCi('6.0')})`);
    expect(doublingCi(fit(-0.1, -0.2, 0))).toBe(messages.noDoubling('0.8×'));
  });

  it('prints a published figure with its linked source, marking one not checked', () => {
    const a: Anchor = { value: 2.1, unit: 'growth_per_year', interval: [1.9, 2.2], level: '90%', scope: '', citation: 'A <b> source', short: 'A (2024)', url: 'https://example.org/x', verified: false, note: null };
    expect(anchorValue(a)).toBe('2.1×/year (90% CI 1.9–2.2)');
    expect(anchorHtml(a, true)).toBe(`2.1×/year (90% CI 1.9–2.2), <a href="https://example.org/x" rel="noopener">A (2024)</a> <em>(${messages.unverified})</em>`);
    expect(anchorHtml({ ...a, verified: true })).toContain('A &lt;b&gt; source</a>');
  });
});
