import { describe, expect, it } from 'vitest';
import { PipelineError } from '../../../pipeline/errors.ts';
import { ols } from '../../../pipeline/analyze/stats/index.ts';
import { hasReference, loadExpected, loadXY } from './reference.ts';

describe.skipIf(!hasReference)('ols on NIST StRD Norris (certified values)', () => {
  it('matches every certified value to 1e-9 relative', () => {
    const { x, y } = loadXY('norris.csv');
    const cert = loadExpected()['norris.csv'].ols;
    const fit = ols(x, y);
    const pairs: [number, number][] = [
      [fit.intercept, cert.intercept],
      [fit.slope, cert.slope],
      [fit.interceptSe, cert.intercept_se],
      [fit.slopeSe, cert.slope_se],
      [fit.residualSd, cert.residual_sd],
      [fit.rss, cert.rss],
      [fit.r2, cert.r2],
    ];
    for (const [got, want] of pairs) expect(Math.abs(got - want) / Math.abs(want)).toBeLessThan(1e-9);
    expect(fit.n).toBe(36);
    expect(fit.df).toBe(34);
  });
});

describe('ols', () => {
  it('is exact on a line far from the origin (centring keeps the digits)', () => {
    const x = Array.from({ length: 50 }, (_, i) => 1e6 + i * 0.01);
    const y = x.map((v) => 3 - 2e-3 * (v - 1e6));
    const fit = ols(x, y);
    expect(fit.slope).toBeCloseTo(-2e-3, 12);
    expect(fit.rss).toBeLessThan(1e-20);
  });

  it('matches R BIC(lm) on G3', () => {
    // G3's generator; R: BIC 205.0312328, slope 0.07849575102 (expected.json)
    const x = Array.from({ length: 40 }, (_, i) => i + 1);
    const y = x.map((i) => 5 + i - 1.5 * Math.max(i - 12, 0) + 1.2 * Math.max(i - 28, 0) + 1.5 * (((i * 37) % 17) / 17 - 0.5));
    const fit = ols(x, y);
    expect(fit.bic).toBeCloseTo(205.0312328, 6);
    expect(fit.slope).toBeCloseTo(0.07849575102, 10);
  });

  it('rejects constant x, unequal lengths and non-finite values with PipelineError', () => {
    expect(() => ols([1, 1, 1], [1, 2, 3])).toThrow(PipelineError);
    expect(() => ols([1, 2, 3], [1, 2])).toThrow(PipelineError);
    expect(() => ols([1, 2, NaN], [1, 2, 3])).toThrow(PipelineError);
  });
});
