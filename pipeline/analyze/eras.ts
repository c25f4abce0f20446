/**
 * The three eras of Sevilla et al. 2022 ("Compute Trends Across Three Eras of Machine Learning",
 * arXiv:2202.05924): pre-deep-learning (before the DL start), deep-learning (from it) and
 * large-scale (from the LS start, systems whose log10 compute has a z-score above the threshold
 * among systems published within ±window years, population SD). Systems with z below the low-outlier
 * threshold are excluded from every era fit and listed.
 */
import { parseDate } from '../normalize/dates.ts';
import type { EraAnalysis, EraParameters, PublishedValue } from '../schema/fits.ts';
import { subset, type Series } from './series.ts';
import { fitTrend, type TrendOptions } from './trend.ts';

export const DEFAULT_ERA_PARAMETERS: EraParameters = {
  deep_learning_start: '2010-01-01',
  large_scale_start: '2015-09-01',
  z_threshold: 0.76,
  window_years: 1,
  low_outlier_z: -2,
};

const PAPER = 'Sevilla et al. 2022, Compute Trends Across Three Eras of Machine Learning, arXiv:2202.05924, Table 3';
export const PUBLISHED_ERAS: Record<'pre_deep_learning' | 'deep_learning' | 'large_scale', PublishedValue> = {
  pre_deep_learning: { doubling_months: 21.3, ci95: [17.0, 29.3], source: PAPER },
  deep_learning: { doubling_months: 5.7, ci95: [4.3, 9.0], source: PAPER },
  large_scale: { doubling_months: 9.9, ci95: [7.7, 17.1], source: PAPER },
};

/** Z-scores already computed, by series and window: analyze asks for the same ones up to five times. */
const zCache = new WeakMap<Series, Map<number, Float64Array>>();

/** z-score of each point's y among the points within ±window years of it (itself included). */
export function windowZScores(s: Series, windowYears: number): Float64Array {
  let bySeries = zCache.get(s);
  if (!bySeries) zCache.set(s, (bySeries = new Map()));
  let z = bySeries.get(windowYears);
  if (!z) bySeries.set(windowYears, (z = computeWindowZScores(s, windowYears)));
  return z;
}

function computeWindowZScores(s: Series, windowYears: number): Float64Array {
  const n = s.x.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => s.x[a] - s.x[b]);
  const xs = Float64Array.from(order, (i) => s.x[i]);
  const ys = Float64Array.from(order, (i) => s.y[i]);
  const sum = new Float64Array(n + 1);
  const sum2 = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    sum[i + 1] = sum[i] + ys[i];
    sum2[i + 1] = sum2[i] + ys[i] * ys[i];
  }
  const z = new Float64Array(n);
  let lo = 0;
  let hi = 0;
  for (let k = 0; k < n; k++) {
    while (xs[lo] < xs[k] - windowYears) lo++;
    while (hi < n && xs[hi] <= xs[k] + windowYears) hi++;
    const m = hi - lo;
    const mean = (sum[hi] - sum[lo]) / m;
    const variance = Math.max(0, (sum2[hi] - sum2[lo]) / m - mean * mean);
    const sd = Math.sqrt(variance);
    z[order[k]] = sd > 1e-12 ? (ys[k] - mean) / sd : 0;
  }
  return z;
}

export function analyzeEras(s: Series, params: EraParameters, trend: TrendOptions): EraAnalysis {
  const dl = parseDate(params.deep_learning_start).year;
  const ls = parseDate(params.large_scale_start).year;
  const z = windowZScores(s, params.window_years);
  const outlier = (i: number) => z[i] < params.low_outlier_z;
  const large = (i: number) => s.x[i] >= ls && z[i] > params.z_threshold;
  const fit = (keep: (i: number) => boolean, seedOffset: number) => fitTrend(subset(s, (i) => !outlier(i) && keep(i)), { ...trend, seed: trend.seed + seedOffset });
  const lowOutliers = [];
  for (let i = 0; i < z.length; i++) {
    if (outlier(i)) lowOutliers.push({ id: s.ids[i], name: s.names[i], year: Number(s.x[i].toFixed(4)), z: Number(z[i].toFixed(3)) });
  }
  return {
    parameters: params,
    pre_deep_learning: fit((i) => s.x[i] < dl, 1),
    deep_learning: fit((i) => s.x[i] >= dl, 2),
    large_scale: fit(large, 3),
    regular_scale: fit((i) => s.x[i] >= ls && !large(i), 4),
    large_scale_ids: s.ids.filter((_, i) => large(i) && !outlier(i)).sort(),
    low_outliers: lowOutliers.sort((a, b) => a.year - b.year || (a.id < b.id ? -1 : 1)),
  };
}
