/**
 * The three eras of Sevilla et al. 2022 ("Compute Trends Across Three Eras of Machine Learning",
 * arXiv:2202.05924): pre-deep-learning (before the DL start), deep-learning (from it) and
 * large-scale (from the LS start, systems whose log10 compute has a z-score above the threshold
 * among systems published within ±window years, population SD). Systems with z below the low-outlier
 * threshold are excluded from every era fit and listed.
 */
import { dateInWords, parseDate } from '../values/dates.ts';
import type { EraAnalysis, EraParameters, Outcome, PublishedValue, TrendFit } from '../schema/fits.ts';
import { SEVILLA_ERAS } from './literature.ts';
import type { Subject } from './outcome.ts';
import { collectIndexes, idAt, nameAt, subsetAt, type Series } from './series.ts';
import { borrow } from './stats/scratch.ts';
import { isSorted } from './stats/sorted.ts';
import { SEED_OFFSET } from './seeds.ts';
import { fitTrend, type TrendOptions } from './trend.ts';

export const DEFAULT_ERA_PARAMETERS: EraParameters = {
  deep_learning_start: '2010-01-01',
  large_scale_start: '2015-09-01',
  z_threshold: 0.76,
  window_years: 1,
  low_outlier_z: -2,
};

/** The paper's era figures, as fits.json's published_eras: read from the one table of published figures (literature.ts). */
function publishedEra(key: 'pre_deep_learning' | 'deep_learning' | 'large_scale'): PublishedValue {
  const p = SEVILLA_ERAS.find((e) => e.key === key)!;
  return { doubling_months: p.doubling_months!, ci95: p.doubling_ci95!, source: `${p.source.text}, ${p.where}` };
}

export const PUBLISHED_ERAS: Record<'pre_deep_learning' | 'deep_learning' | 'large_scale', PublishedValue> = {
  pre_deep_learning: publishedEra('pre_deep_learning'),
  deep_learning: publishedEra('deep_learning'),
  large_scale: publishedEra('large_scale'),
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
  // Points by x, ties in index order. A series cut from the table is in date order already, and
  // then that order is the identity: sorting a million indexes with a comparator only to find so
  // was most of the cost.
  let order: Int32Array | null = null;
  let xs = s.x;
  let ys = s.y;
  if (!isSorted(s.x)) {
    order = Int32Array.from(Array.from({ length: n }, (_, i) => i).sort((a, b) => s.x[a] - s.x[b]));
    xs = new Float64Array(n);
    ys = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      xs[k] = s.x[order[k]];
      ys[k] = s.y[order[k]];
    }
  }
  // Running sums, borrowed (stats/scratch.ts): fresh arrays of n + 1 for each series cost more than the sums.
  const sum = borrow('eras.sum', n + 1, false);
  const sum2 = borrow('eras.sum2', n + 1, false);
  sum[0] = 0;
  sum2[0] = 0;
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
    z[order === null ? k : order[k]] = sd > 1e-12 ? (ys[k] - mean) / sd : 0;
  }
  return z;
}

type Era = 'pre_deep_learning' | 'deep_learning' | 'large_scale' | 'regular_scale';
/**
 * Era fits already computed, by series and by everything a fit reads. Analyze asks for the same
 * fit up to four times: the first alternative is the published parameters, and each other one
 * changes either the deep-learning era or the large-scale one, not both.
 */
const fitCache = new WeakMap<Series, Map<string, Outcome<TrendFit>>>();

/** What an era's points are, for the reason when it cannot be fitted. */
function eraSubject(era: Era, params: EraParameters): Subject {
  const dl = dateInWords(params.deep_learning_start);
  const ls = dateInWords(params.large_scale_start);
  const rest = 'with a compute value (low outliers excluded)';
  switch (era) {
    case 'pre_deep_learning':
      return { noun: 'system', detail: `published before ${dl} ${rest}` };
    case 'deep_learning':
      return { noun: 'system', detail: `published from ${dl} ${rest}` };
    case 'large_scale':
      return { noun: 'large-scale system', detail: `(z above ${params.z_threshold}) published from ${ls} ${rest}` };
    case 'regular_scale':
      return { noun: 'regular-scale system', detail: `published from ${ls} ${rest}` };
  }
}

/** The trend of one era of `s` (low outliers left out), computed once per series and inputs. */
function eraFit(s: Series, era: Era, params: EraParameters, trend: TrendOptions): Outcome<TrendFit> {
  const byDate = era === 'pre_deep_learning' || era === 'deep_learning';
  const start = parseDate(byDate ? params.deep_learning_start : params.large_scale_start).year;
  const zThreshold = byDate ? NaN : params.z_threshold;
  // String(), not JSON: distinct numbers give distinct keys (JSON writes NaN and Infinity as null).
  const key = [era, byDate ? params.deep_learning_start : params.large_scale_start, zThreshold, params.window_years, params.low_outlier_z, trend.resamples, trend.seed, trend.noise, trend.minPoints ?? 5].map(String).join('|');
  let bySeries = fitCache.get(s);
  if (!bySeries) fitCache.set(s, (bySeries = new Map()));
  const known = bySeries.get(key);
  // A copy, so that no two places in the fits share an object.
  if (known !== undefined) return structuredClone(known);
  const z = windowZScores(s, params.window_years);
  const idx = collectIndexes(z.length, (out) => eraIndexes(s.x, z, era, start, zThreshold, params.low_outlier_z, out));
  const fit = fitTrend(subsetAt(s, idx), { ...trend, seed: trend.seed + SEED_OFFSET[era], subject: eraSubject(era, params) });
  bySeries.set(key, structuredClone(fit));
  return fit;
}

/** The points of one era (low outliers left out) into out; returns how many. */
function eraIndexes(x: Float64Array, z: Float64Array, era: Era, start: number, zThreshold: number, lowZ: number, out: Int32Array): number {
  let m = 0;
  for (let i = 0; i < x.length; i++) {
    if (z[i] < lowZ) continue;
    const keep =
      era === 'pre_deep_learning' ? x[i] < start
      : era === 'deep_learning' ? x[i] >= start
      : era === 'large_scale' ? x[i] >= start && z[i] > zThreshold
      : x[i] >= start && !(z[i] > zThreshold);
    if (keep) out[m++] = i;
  }
  return m;
}

export function analyzeEras(s: Series, params: EraParameters, trend: TrendOptions): EraAnalysis {
  const ls = parseDate(params.large_scale_start).year;
  const z = windowZScores(s, params.window_years);
  const x = s.x;
  const lowOutliers = [];
  const largeScaleIds: string[] = [];
  for (let i = 0; i < z.length; i++) {
    if (z[i] < params.low_outlier_z) {
      lowOutliers.push({ id: idAt(s, i), name: nameAt(s, i), year: Number(x[i].toFixed(4)), z: Number(z[i].toFixed(3)) });
    } else if (x[i] >= ls && z[i] > params.z_threshold) {
      largeScaleIds.push(idAt(s, i));
    }
  }
  return {
    parameters: params,
    pre_deep_learning: eraFit(s, 'pre_deep_learning', params, trend),
    deep_learning: eraFit(s, 'deep_learning', params, trend),
    large_scale: eraFit(s, 'large_scale', params, trend),
    regular_scale: eraFit(s, 'regular_scale', params, trend),
    large_scale_ids: largeScaleIds.sort(),
    low_outliers: lowOutliers.sort((a, b) => a.year - b.year || (a.id < b.id ? -1 : 1)),
  };
}

/** The deep-learning and large-scale fits of analyzeEras alone (what the alternatives and sensitivity rows show). */
export function mainEraFits(s: Series, params: EraParameters, trend: TrendOptions): Pick<EraAnalysis, 'deep_learning' | 'large_scale'> {
  return { deep_learning: eraFit(s, 'deep_learning', params, trend), large_scale: eraFit(s, 'large_scale', params, trend) };
}
