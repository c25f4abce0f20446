/**
 * Whether values are already in ascending order. The analyses sort points by x in several places
 * (z-score windows, segmented sums, record setters), and every series cut from the analysis table
 * is in date order already: checking costs one pass, a comparator sort of a million indexes tens
 * of times that.
 */

/** True when x never decreases; false with a NaN, which fails every comparison. */
export function isSorted(x: ArrayLike<number>): boolean {
  for (let i = 1; i < x.length; i++) if (!(x[i - 1] <= x[i])) return false;
  return true;
}
