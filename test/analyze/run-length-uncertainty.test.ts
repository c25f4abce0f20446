import { describe, expect, it } from 'vitest';
import { DEFAULT_RATES, GC_TRAINING_COMPUTE, scenarioLength } from '../../pipeline/analyze/run-length.ts';
import { drawRates, GH_DOUBLING_YEARS, runLengthMonteCarlo } from '../../pipeline/analyze/run-length-uncertainty.ts';

describe('run-length Monte Carlo with uncertain gH and gS', () => {
  const draws = drawRates(4000, 7);

  it('draws gH from the doubling time and its 95% interval, and gS around its median', () => {
    const doubling = Array.from(draws.gH, (g) => Math.LN2 / g).sort((a, b) => a - b);
    const q = (p: number) => doubling[Math.floor(p * (doubling.length - 1))];
    expect(q(0.5)).toBeCloseTo(GH_DOUBLING_YEARS.median, 1);
    expect(q(0.025)).toBeCloseTo(GH_DOUBLING_YEARS.lo, 1);
    expect(q(0.975)).toBeCloseTo(GH_DOUBLING_YEARS.hi, 1);
    const gs = Array.from(draws.gS).sort((a, b) => a - b);
    expect(gs[Math.floor(0.5 * gs.length)]).toBeCloseTo(DEFAULT_RATES.gS, 1);
  });

  it('no longer collapses to a point: the hardware scenario varies with gH, the software ones with gS', () => {
    for (const s of ['hardware', 'hardware+software', 'hardware+investment+software'] as const) {
      const e = runLengthMonteCarlo(s, GC_TRAINING_COMPUTE.value, draws, null)!;
      expect(e.years).toBeCloseTo(scenarioLength(s, DEFAULT_RATES), 6);
      expect(e.hi! - e.lo!).toBeGreaterThan(0.05 * e.years);
      expect(e.lo!).toBeLessThan(e.years);
      expect(e.hi!).toBeGreaterThan(e.years);
    }
    // L = 1/gC: with gC fixed (the post gives no interval) nothing in it is uncertain.
    const hi = runLengthMonteCarlo('hardware+investment', GC_TRAINING_COMPUTE.value, draws, null)!;
    expect(hi.lo).toBeCloseTo(hi.hi!, 12);
    // With gC from a trend's bootstrap slopes it spreads.
    const slopes = Float64Array.from({ length: 500 }, (_, i) => 0.55 + (i % 50) / 500);
    const ours = runLengthMonteCarlo('hardware+investment', 0.6 * Math.LN10, draws, slopes)!;
    expect(ours.hi! - ours.lo!).toBeGreaterThan(0.05 * ours.years);
  });

  it('is deterministic for a seed', () => {
    expect(runLengthMonteCarlo('swapping', 1.3, drawRates(300, 3), null)).toEqual(runLengthMonteCarlo('swapping', 1.3, drawRates(300, 3), null));
  });
});
