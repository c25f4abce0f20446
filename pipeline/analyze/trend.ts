/**
 * A log-linear trend with its bootstrap: OLS of y (log10) on x (years), slope in orders of
 * magnitude per year, doubling time 12·log10(2)/slope months, growth 10^slope per year, and a
 * percentile interval from resampling rows with replacement and adding uniform noise to y.
 */
import { messages } from '../messages.ts';
import type { Interval, Outcome, TrendBootstrap, TrendFit } from '../schema/fits.ts';
import { guarded, hasTwoDates, MIN_SUCCESS_SHARE, notComputed, SYSTEMS_WITH_COMPUTE, type Subject } from './outcome.ts';
import { xRange, type Series } from './series.ts';
import { bootstrapOls, ols, quantile } from './stats/index.ts';

export interface TrendOptions {
  resamples: number;
  seed: number;
  /** Half-width of uniform noise added to each y in the bootstrap (log10 2 in the eras paper). */
  noise: number;
  /** Fewer points than this: no fit. */
  minPoints?: number;
  /** What the points are, for the reason when there is no fit (default: systems with a compute value). */
  subject?: Subject;
}

export const LOG10_2 = Math.log10(2);
export const doublingMonths = (slope: number) => (12 * LOG10_2) / slope;

/** A trend with its bootstrap slopes, for Monte Carlo uses (run length); no samples without a fit. */
export interface TrendWithSamples {
  fit: Outcome<TrendFit>;
  slopeSamples: Float64Array;
}

const r = (v: number, digits = 10) => Number(v.toPrecision(digits));

function interval(sorted: Float64Array, map: (v: number) => number = (v) => v, decreasing = false): Interval {
  const q = (p: number) => map(quantile(sorted, p));
  return decreasing ? { lo: r(q(0.975)), median: r(q(0.5)), hi: r(q(0.025)) } : { lo: r(q(0.025)), median: r(q(0.5)), hi: r(q(0.975)) };
}

/** Why `s` cannot hold a trend, or null when it can. */
function unfit(s: Series, opts: TrendOptions): string | null {
  const n = s.x.length;
  const min = opts.minPoints ?? 5;
  const { noun, detail } = opts.subject ?? SYSTEMS_WITH_COMPUTE;
  if (n < min) return messages.tooFewForTrend(n, min, noun, detail);
  if (!hasTwoDates(s.x)) return messages.oneDateOnly(n, noun, detail);
  return null;
}

export function fitTrendWithSamples(s: Series, opts: TrendOptions): TrendWithSamples {
  const n = s.x.length;
  const none = new Float64Array(0);
  const why = unfit(s, opts);
  if (why !== null) return { fit: notComputed(why, n), slopeSamples: none };
  let samples: Float64Array = none;
  const fit = guarded<TrendFit>(n, () => {
    const f = ols(s.x, s.y);
    let bootstrap: Outcome<TrendBootstrap> = notComputed(messages.bootstrapNotRun, 0);
    if (opts.resamples > 0) {
      // A resample with constant x has no slope (NaN): leave it out of the quantiles and the Monte Carlo.
      samples = bootstrapOls(s.x, s.y, { resamples: opts.resamples, seed: opts.seed, noise: opts.noise }).slopes.filter((v) => Number.isFinite(v));
      const sorted = Float64Array.from(samples).sort();
      // Doubling time is a decreasing function of the slope (for positive slopes), so its 2.5th
      // percentile comes from the slope's 97.5th.
      bootstrap =
        sorted.length >= MIN_SUCCESS_SHARE * opts.resamples
          ? {
              computed: true,
              resamples: opts.resamples,
              seed: opts.seed,
              noise: r(opts.noise),
              slope: interval(sorted),
              doubling_months: interval(sorted, doublingMonths, true),
              growth_per_year: interval(sorted, (v) => 10 ** v),
            }
          : notComputed(messages.bootstrapTooFewSucceeded(sorted.length, opts.resamples, MIN_SUCCESS_SHARE), sorted.length);
      if (!bootstrap.computed) samples = none;
    }
    const [lo, hi] = xRange(s);
    return {
      computed: true,
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
    };
  });
  return { fit, slopeSamples: fit.computed ? samples : none };
}

export function fitTrend(s: Series, opts: TrendOptions): Outcome<TrendFit> {
  return fitTrendWithSamples(s, opts).fit;
}
