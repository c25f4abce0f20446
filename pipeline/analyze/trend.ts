/**
 * A log-linear trend with its bootstrap: OLS of y (log10) on x (years), slope in orders of
 * magnitude per year, doubling time 12·log10(2)/slope months, growth 10^slope per year, and a
 * percentile interval from resampling rows with replacement and adding uniform noise to y.
 */
import type { Interval, TrendFit } from '../schema/fits.ts';
import { xRange, type Series } from './series.ts';
import { bootstrapOls, ols, quantile } from './stats/index.ts';

export interface TrendOptions {
  resamples: number;
  seed: number;
  /** Half-width of uniform noise added to each y in the bootstrap (log10 2 in the eras paper). */
  noise: number;
  /** Fewer points than this: no fit. */
  minPoints?: number;
}

export const LOG10_2 = Math.log10(2);
export const doublingMonths = (slope: number) => (12 * LOG10_2) / slope;

/** Slope samples of the last fits, by a caller-chosen key, for Monte Carlo uses (run length). */
export interface TrendWithSamples {
  fit: TrendFit;
  slopeSamples: Float64Array;
}

const r = (v: number, digits = 10) => Number(v.toPrecision(digits));

function interval(sorted: Float64Array, map: (v: number) => number = (v) => v, decreasing = false): Interval {
  const q = (p: number) => map(quantile(sorted, p));
  return decreasing ? { lo: r(q(0.975)), median: r(q(0.5)), hi: r(q(0.025)) } : { lo: r(q(0.025)), median: r(q(0.5)), hi: r(q(0.975)) };
}

export function fitTrendWithSamples(s: Series, opts: TrendOptions): TrendWithSamples | null {
  const n = s.x.length;
  if (n < (opts.minPoints ?? 5)) return null;
  const f = ols(s.x, s.y);
  let bootstrap: TrendFit['bootstrap'] = null;
  let samples: Float64Array = new Float64Array(0);
  if (opts.resamples > 0) {
    // A resample with constant x has no slope (NaN): leave it out of the quantiles and the Monte Carlo.
    samples = bootstrapOls(s.x, s.y, { resamples: opts.resamples, seed: opts.seed, noise: opts.noise }).slopes.filter((v) => Number.isFinite(v));
    const sorted = Float64Array.from(samples).sort();
    // Doubling time is a decreasing function of the slope (for positive slopes), so its 2.5th
    // percentile comes from the slope's 97.5th.
    if (sorted.length > 0) bootstrap = {
      resamples: opts.resamples,
      seed: opts.seed,
      noise: r(opts.noise),
      slope: interval(sorted),
      doubling_months: interval(sorted, doublingMonths, true),
      growth_per_year: interval(sorted, (v) => 10 ** v),
    };
  }
  const [lo, hi] = xRange(s);
  return {
    fit: {
      n,
      x_range: [r(lo, 8), r(hi, 8)],
      intercept: r(f.intercept, 12),
      slope: r(f.slope, 12),
      slope_se: r(f.slopeSe),
      r2: r(f.r2),
      residual_sd: r(f.residualSd),
      doubling_months: r(doublingMonths(f.slope)),
      growth_per_year: r(10 ** f.slope),
      bootstrap,
    },
    slopeSamples: samples,
  };
}

export function fitTrend(s: Series, opts: TrendOptions): TrendFit | null {
  return fitTrendWithSamples(s, opts)?.fit ?? null;
}
