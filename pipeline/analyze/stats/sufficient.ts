/**
 * Sufficient statistics for continuous piecewise-linear least squares.
 *
 * Every column of the segmented design — 1, x, U_j = (x − ψ_j)+ and V_j = −I(x > ψ_j) — is a
 * polynomial in x on the rows with x > ψ_j, so all cross-products XᵀX and Xᵀy follow from the
 * tail sums Σw, Σwx, Σwx², Σwy, Σwxy over {x > ψ}. With the rows sorted by x and suffix sums
 * precomputed, a whole least-squares fit at a given ψ costs a binary search per breakpoint plus a
 * p×p solve, independent of n. Bootstrap resamples become weights (how often each row was drawn),
 * so a resample is one O(n) pass to rebuild the sums and no re-sorting.
 *
 * Suffix (not prefix) sums are kept because only tails are needed: a tail is then read directly
 * instead of as a difference of two large totals. x and y are centred at their full-data means so
 * the sums stay small and the normal equations well scaled.
 */
import { isSorted } from './sorted.ts';

/** Row-sorted data plus weighted suffix sums. Construct once; re-weight per resample. */
export class SegmentSums {
  /** Number of rows. */
  readonly n: number;
  /** x sorted ascending, minus `xShift`. */
  readonly x: Float64Array;
  /** y in the same row order, minus `yShift`. */
  readonly y: Float64Array;
  /** order[i] = original row index of sorted row i. */
  readonly order: Int32Array;
  readonly xShift: number;
  readonly yShift: number;
  /** Suffix sums over sorted rows i..n−1 (index n holds 0): Σw, Σwx, Σwx², Σwy, Σwxy, Σwy². */
  readonly s0: Float64Array;
  readonly s1: Float64Array;
  readonly s2: Float64Array;
  readonly sy: Float64Array;
  readonly sxy: Float64Array;
  readonly syy: Float64Array;
  /**
   * sd[i] = number of distinct x values with positive weight among rows i..n−1. Only read at
   * tie-group boundaries (where `tail` lands), to count the points each segment really has.
   */
  readonly sd: Int32Array;

  constructor(x: ArrayLike<number>, y: ArrayLike<number>, xShift: number, yShift: number) {
    const n = x.length;
    this.n = n;
    this.xShift = xShift;
    this.yShift = yShift;
    const order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    // Stable by original index for ties, so the row order (hence resampling) is deterministic.
    // Rows already in x order (a series cut from the date-ordered table) are that order: the
    // comparator sort of a million indexes only to find so took a tenth of a second.
    if (!isSorted(x)) order.sort((a, b) => x[a] - x[b] || a - b);
    this.order = order;
    this.x = new Float64Array(n);
    this.y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      this.x[i] = x[order[i]] - xShift;
      this.y[i] = y[order[i]] - yShift;
    }
    this.s0 = new Float64Array(n + 1);
    this.s1 = new Float64Array(n + 1);
    this.s2 = new Float64Array(n + 1);
    this.sy = new Float64Array(n + 1);
    this.sxy = new Float64Array(n + 1);
    this.syy = new Float64Array(n + 1);
    this.sd = new Int32Array(n + 1);
    this.setWeights(null);
  }

  /**
   * Rebuild the suffix sums for row weights `w` (counts, ≥ 0; null = every row once), optionally with additive
   * noise on y: `e[i]` is the sum and `q[i]` the sum of squares of the noise added to the w[i]
   * copies of row i (so Σ(y+ε) = w·y + e and Σ(y+ε)² = w·y² + 2y·e + q). Arrays are in sorted-row order.
   */
  setWeights(w: ArrayLike<number> | null, e?: ArrayLike<number>, q?: ArrayLike<number>): void {
    const { n, x, y, s0, s1, s2, sy, sxy, syy, sd } = this;
    let a0 = 0, a1 = 0, a2 = 0, ay = 0, axy = 0, ayy = 0;
    let distinct = 0;
    let groupWeight = 0;
    // A row of weight 0 (not drawn) adds zeros, which leave every sum as it was: no test for it
    // (ARCHITECTURE.md, engine notes).
    for (let i = n - 1; i >= 0; i--) {
      const wi = w === null ? 1 : w[i];
      const xi = x[i];
      const yi = y[i];
      let ty = wi * yi;
      let tyy = ty * yi;
      if (e !== undefined && q !== undefined) {
        ty += e[i];
        tyy += 2 * yi * e[i] + q[i];
      }
      a0 += wi;
      a1 += wi * xi;
      a2 += wi * xi * xi;
      ay += ty;
      axy += xi * ty;
      ayy += tyy;
      groupWeight += wi;
      // Close a tie group when the next row down has a different x (or at the start).
      if (i === 0 || x[i - 1] !== xi) {
        if (groupWeight !== 0) distinct++;
        groupWeight = 0;
      }
      s0[i] = a0;
      s1[i] = a1;
      s2[i] = a2;
      sy[i] = ay;
      sxy[i] = axy;
      syy[i] = ayy;
      sd[i] = distinct;
    }
  }

  /** Index of the first sorted row with x > psi (n if none): the start of ψ's tail. */
  tail(psi: number): number {
    const x = this.x;
    let lo = 0;
    let hi = this.n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (x[mid] > psi) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}
