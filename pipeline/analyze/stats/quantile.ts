/**
 * Sample quantiles, R's default definition (Hyndman & Fan type 7): for sorted x_1..x_n and
 * probability p, h = (n − 1)·p and Q(p) = x_⌊h⌋ + (h − ⌊h⌋)(x_⌊h⌋+1 − x_⌊h⌋) (0-based).
 * Type 7 is what R's quantile() and the segmented package use, so breakpoint bounds and bootstrap
 * percentiles agree with R.
 */

/** A quantile of a bootstrap or other sample. */
export interface QuantileValue {
  /** Probability in [0, 1]. */
  p: number;
  /** The type-7 sample quantile. */
  value: number;
}

/** Default probabilities for percentile intervals: a 95% interval and the median. */
export const DEFAULT_PROBS: readonly number[] = [0.025, 0.5, 0.975];

/**
 * Type-7 quantile of an already sorted (ascending) array. NaN for an empty array.
 * The caller sorts once and asks for several p, which is why sorting is not done here.
 */
export function quantile(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (!(p >= 0 && p <= 1)) throw new RangeError(`probability must be in [0, 1], got ${p}`);
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  const frac = h - lo;
  // Written as a + f·(b − a), like R, so equal neighbours give exactly that value.
  return sorted[lo] + frac * (sorted[hi] - sorted[lo]);
}

/** Sort a copy of the finite values (NaN dropped) ascending as a Float64Array. */
export function sortedFinite(values: ArrayLike<number>): Float64Array {
  let m = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) m++;
  const out = new Float64Array(m);
  let j = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) out[j++] = values[i];
  return out.sort(); // typed-array sort is numeric
}

/** Type-7 quantiles of an unsorted sample at several probabilities (non-finite values ignored). */
export function quantiles(values: ArrayLike<number>, probs: readonly number[] = DEFAULT_PROBS): QuantileValue[] {
  const sorted = sortedFinite(values);
  return probs.map((p) => ({ p, value: quantile(sorted, p) }));
}
