/**
 * Comparisons that choose the words of a sentence ("faster", "slower", "no detectable
 * difference", "consistent with"): each is decided by an interval, never by two point estimates.
 *
 * - Two of our trends: the 95% percentile interval of the difference of their bootstrap slopes
 *   (draw i of one minus draw i of the other; the resamples are independent, so pairing them by
 *   index draws from the distribution of the difference). A difference whose interval excludes zero
 *   is a difference.
 * - One of our trends against a published figure: the published value (or its interval, or its
 *   range) against our bootstrap interval of the slope; they agree when the two meet.
 */
import type { Interval, Outcome, TrendComparison, TrendFit, Verdict } from '../schema/fits.ts';
import type { PublishedTrend } from './literature.ts';
import { quantile } from './stats/index.ts';
import { LOG10_2 } from './trend.ts';

const r = (v: number) => Number(v.toPrecision(6));

/** Slope (orders of magnitude per year) of a doubling time in months. */
export const slopeOfDoubling = (months: number) => (12 * LOG10_2) / months;

/** a against b from their bootstrap slopes; null when either has too few. */
export function compareSlopeSamples(a: Float64Array, b: Float64Array): TrendComparison | null {
  const m = Math.min(a.length, b.length);
  if (m < 20) return null;
  const diff = new Float64Array(m);
  for (let i = 0; i < m; i++) diff[i] = a[i] - b[i];
  diff.sort();
  const lo = quantile(diff, 0.025);
  const hi = quantile(diff, 0.975);
  const verdict: Verdict = lo > 0 ? 'faster' : hi < 0 ? 'slower' : 'no_difference';
  return { verdict, slope_difference: { lo: r(lo), median: r(quantile(diff, 0.5)), hi: r(hi) }, growth_ratio: { lo: r(10 ** lo), median: r(10 ** quantile(diff, 0.5)), hi: r(10 ** hi) } };
}

/** Our slope interval: the bootstrap's, or ±1.96 standard errors without one. */
export function slopeInterval(fit: TrendFit): Interval {
  if (fit.bootstrap.computed) return fit.bootstrap.slope;
  return { lo: fit.slope - 1.96 * fit.slope_se, median: fit.slope, hi: fit.slope + 1.96 * fit.slope_se };
}

/** The published figure as a slope interval [lo, hi] (a point has lo = hi). */
export function publishedSlopeInterval(p: Pick<PublishedTrend, 'doubling_months' | 'doubling_ci95' | 'growth_per_year'>, withInterval = true): [number, number] | null {
  if (p.doubling_months !== null) {
    if (withInterval && p.doubling_ci95) return [slopeOfDoubling(p.doubling_ci95[1]), slopeOfDoubling(p.doubling_ci95[0])];
    const s = slopeOfDoubling(p.doubling_months);
    return [s, s];
  }
  if (p.growth_per_year) return [Math.log10(p.growth_per_year[0]), Math.log10(p.growth_per_year[1])];
  return null;
}

/**
 * Our trend against a published one: "consistent" when our slope interval meets the published
 * interval (or value, or range); else "faster" or "slower" (ours). Null without a fit.
 */
export function againstPublished(fit: Outcome<TrendFit>, p: Pick<PublishedTrend, 'doubling_months' | 'doubling_ci95' | 'growth_per_year'>): Verdict | null {
  if (!fit.computed) return null;
  const pub = publishedSlopeInterval(p);
  if (!pub) return null;
  const ours = slopeInterval(fit);
  if (ours.lo > pub[1]) return 'faster';
  if (ours.hi < pub[0]) return 'slower';
  return 'consistent';
}

/** Two of our fits by their slope intervals alone (for fits whose samples are not kept): overlap or not. */
export function compareIntervals(a: Outcome<TrendFit>, b: Outcome<TrendFit>): Verdict | null {
  if (!a.computed || !b.computed) return null;
  const x = slopeInterval(a);
  const y = slopeInterval(b);
  if (x.lo > y.hi) return 'faster';
  if (x.hi < y.lo) return 'slower';
  return 'no_difference';
}
