/**
 * Least squares of the segmented design on the sufficient statistics of `SegmentSums`: builds
 * XᵀWX and XᵀWy for the columns 1, x, U_j = (x − ψ_j)+ and (optionally) V_j = −I(x > ψ_j) from
 * tail sums at each ψ_j, and solves by Cholesky. Cost O(K log n + p³), independent of n; the
 * buffers are allocated once, so the search and bootstrap loops allocate nothing.
 *
 * With T_j the tail sums over {x > ψ_j} (t0 = Σw, t1 = Σwx, t2 = Σwx², ty, txy) and ψ sorted:
 *   1·U_j = t1 − ψ_j t0,  x·U_j = t2 − ψ_j t1,  U_i·U_j = t2 − (ψ_i+ψ_j) t1 + ψ_iψ_j t0 (tail of the larger ψ),
 *   1·V_j = −t0,  x·V_j = −t1,  U_i·V_j = −(t1 − ψ_i t0) (tail of the larger ψ),  V_i·V_j = t0 (same),
 *   y·U_j = txy − ψ_j ty,  y·V_j = −ty.
 */
import { cholesky, choleskySolve } from './linalg.ts';
import type { SegmentSums } from './sufficient.ts';

/** Normal-equation solver for up to `kMax` breakpoints. */
export class SegmentedNormalEquations {
  /** Coefficients of the last solve: [a, b, δ_1..δ_k, then γ for each V column in j order]. */
  readonly b: Float64Array;
  private readonly a: Float64Array;
  private readonly rhs: Float64Array;
  private readonly idx: Int32Array;
  private readonly vj: Int32Array;

  constructor(readonly sums: SegmentSums, kMax: number) {
    const p = 2 + 2 * kMax;
    this.a = new Float64Array(p * p);
    this.b = new Float64Array(p);
    this.rhs = new Float64Array(p);
    this.idx = new Int32Array(kMax);
    this.vj = new Int32Array(kMax);
  }

  /**
   * Least squares on [1, x, U_1..U_k] plus V_j for each j with free[j] = 1 (none when `free` is
   * null), at sorted ψ, via the normal equations. Coefficients are left in `this.b` (V
   * coefficients after the U ones, in j order). Returns the RSS, or Infinity if singular.
   */
  solve(psi: ArrayLike<number>, k: number, free: Uint8Array | null): number {
    const s = this.sums;
    const { a, b, rhs, idx, vj } = this;
    let nv = 0;
    if (free !== null) for (let j = 0; j < k; j++) if (free[j]) vj[nv++] = j;
    const p = 2 + k + nv;
    for (let j = 0; j < k; j++) idx[j] = s.tail(psi[j]);
    // Lower triangle of XᵀWX, row-major p×p; see the module comment for the algebra.
    a[0] = s.s0[0];
    a[p] = s.s1[0];
    a[p + 1] = s.s2[0];
    rhs[0] = s.sy[0];
    rhs[1] = s.sxy[0];
    for (let i = 0; i < k; i++) {
      const m = idx[i];
      const pi = psi[i];
      const t0 = s.s0[m], t1 = s.s1[m], t2 = s.s2[m];
      const r = (2 + i) * p;
      a[r] = t1 - pi * t0;
      a[r + 1] = t2 - pi * t1;
      // U_i·U_j for j ≤ i: ψ sorted, so the common tail is ψ_i's.
      for (let j = 0; j <= i; j++) {
        const pj = psi[j];
        a[r + 2 + j] = t2 - (pi + pj) * t1 + pi * pj * t0;
      }
      rhs[2 + i] = s.sxy[m] - pi * s.sy[m];
    }
    for (let c = 0; c < nv; c++) {
      const i = vj[c];
      const m = idx[i];
      const rv = (2 + k + c) * p;
      a[rv] = -s.s0[m];
      a[rv + 1] = -s.s1[m];
      // U_j·V_i = −Σ_{x > max(ψ_i, ψ_j)} (x − ψ_j).
      for (let j = 0; j < k; j++) {
        const m2 = j > i ? idx[j] : m;
        a[rv + 2 + j] = -(s.s1[m2] - psi[j] * s.s0[m2]);
      }
      // V_i·V_j for j ≤ i: the count beyond the larger ψ, ψ_i.
      for (let c2 = 0; c2 <= c; c2++) a[rv + 2 + k + c2] = s.s0[m];
      rhs[2 + k + c] = -s.sy[m];
    }
    if (!cholesky(a, p)) return Infinity;
    for (let i = 0; i < p; i++) b[i] = rhs[i];
    choleskySolve(a, p, b);
    let fitted = 0;
    for (let i = 0; i < p; i++) fitted += b[i] * rhs[i];
    return Math.max(s.syy[0] - fitted, 0);
  }
}
