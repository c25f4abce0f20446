/**
 * Which segmented fits are admissible: every segment of the broken line must span at least a
 * minimum length of x and hold at least a minimum number of points.
 *
 * Why: BIC compares fits by their likelihood, and nothing in the likelihood stops a breakpoint pair
 * from isolating a handful of points published within a month and fitting them with a slope of
 * −20 orders of magnitude per year (issue 15: 16 points, two breakpoints 31 days apart, on 970 real
 * points). Such a segment describes a cluster, not a trend. R's segmented only keeps ψ inside the
 * inner quantiles of x and two distinct x values in each segment; these rules add a length and a
 * count, and the search (segmented.ts) only ever accepts a fit that is a genuine local minimum of
 * the RSS and satisfies them.
 *
 * Segment s (1-based) runs from the previous breakpoint (the smallest x for s = 1) to the next one
 * (the largest x for s = K + 1). Its length is that span; its points are the rows of the data with
 * ψ_{s−1} < x ≤ ψ_s. A bootstrap resample is judged against the same rows and edges: its draws
 * change the rows' weights, not which systems lie in a segment, so a resample fails the rules only
 * when its breakpoints move, not when a segment near the minimum happens to be drawn a few times
 * less (counting draws failed 8 of 50 resamples of an export whose first segment held 23 systems
 * against a minimum of 21, with the breakpoints where the data put them).
 */
import type { NoRoom, SegmentViolation } from '../../schema/fits.ts';
import type { SegmentSums } from './sufficient.ts';

/** The two minimums a segment must meet (both inclusive). */
export interface SegmentRules {
  /** Minimum span of a segment, in x units (0: no minimum). */
  minLength: number;
  /** Minimum number of points in a segment (0: no minimum). */
  minPoints: number;
}

/**
 * Default minimum points per segment for n observations: max(5, ⌈√n⌉).
 *
 * Five because a segment's slope needs a few residual degrees of freedom before it means anything
 * (three points give one). √n because the minimum should grow with the data, but more slowly than
 * the data: BIC's penalty for an extra breakpoint grows only like ln n, while the RSS a tight
 * cluster of m outlying points can buy does not shrink with n, so a fixed minimum loses its grip on
 * large data; a fixed share of n (say 5%) would instead forbid a genuinely short, dense regime
 * (hundreds of systems in the last five years) in a large dataset. √n asks for 5 of 20 points
 * (25%), 18 of 319 (5.6%), 32 of 970 (3.3%) and 1,000 of a million (0.1%) — the share shrinks,
 * the count grows, as with the √n rule of thumb for the smallest cell of a histogram.
 */
export function defaultMinSegmentPoints(n: number): number {
  return Math.max(5, Math.ceil(Math.sqrt(n)));
}

/** Round-off allowance when comparing a segment's length with the minimum (x ≈ 2000 loses ~1e-13). */
function slack(minLength: number): number {
  return 1e-9 * Math.max(1, minLength);
}

/** True when the rules constrain anything. */
export function hasRules(rules: SegmentRules | null | undefined): rules is SegmentRules {
  return rules != null && (rules.minLength > 0 || rules.minPoints > 0);
}

/**
 * The first rule that sorted ψ[0..k) (centred units of `sums`) breaks, or null when the
 * configuration is admissible. Segments are checked left to right, length before points.
 */
export function segmentViolation(sums: SegmentSums, psi: ArrayLike<number>, k: number, rules: SegmentRules): SegmentViolation | null {
  const { x, n } = sums;
  let left = x[0];
  let first = 0; // first row of the segment (rows are sorted by x)
  for (let s = 0; s <= k; s++) {
    const right = s < k ? psi[s] : x[n - 1];
    const end = s < k ? sums.tail(psi[s]) : n;
    const length = right - left;
    if (rules.minLength > 0 && length + slack(rules.minLength) < rules.minLength) {
      return { kind: 'segment_too_short', segment: s + 1, length, minimum: rules.minLength };
    }
    const points = end - first;
    if (points < rules.minPoints) return { kind: 'too_few_points', segment: s + 1, points, minimum: rules.minPoints };
    left = right;
    first = end;
  }
  return null;
}

/** Null when K + 1 segments could meet the rules on these data; else why they cannot. */
export function roomFor(sums: SegmentSums, k: number, rules: SegmentRules): NoRoom | null {
  const span = sums.x[sums.n - 1] - sums.x[0];
  const points = sums.n;
  const segments = k + 1;
  const tooShort = rules.minLength > 0 && span + slack(rules.minLength) < segments * rules.minLength;
  if (!tooShort && points >= segments * rules.minPoints) return null;
  return { kind: 'no_room', segments, span, points, minLength: rules.minLength, minPoints: rules.minPoints };
}
