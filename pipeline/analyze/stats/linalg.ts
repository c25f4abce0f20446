/**
 * Small dense linear algebra for least squares with a handful (≤ 8) of columns.
 * Two tools: Cholesky on a p×p cross-product matrix (the fast path, used with sufficient
 * statistics in the search and bootstrap loops, working in caller-owned buffers so nothing is
 * allocated per call), and Householder QR on the data itself (the accurate path, used once per
 * final fit for coefficients, RSS and covariances).
 */

import { borrow } from './scratch.ts';

/** Relative pivot size below which a matrix is treated as singular. */
const CHOL_TOL = 1e-13;

/**
 * Cholesky factor, in place, of the symmetric positive definite p×p row-major matrix `a`
 * (only the lower triangle is read; L is written there). Returns false when a pivot is not
 * clearly positive, i.e. the columns are (numerically) collinear.
 */
export function cholesky(a: Float64Array, p: number): boolean {
  for (let j = 0; j < p; j++) {
    let d = a[j * p + j];
    const scale = d;
    for (let k = 0; k < j; k++) d -= a[j * p + k] * a[j * p + k];
    if (!(d > CHOL_TOL * scale) || !Number.isFinite(d)) return false;
    const ljj = Math.sqrt(d);
    a[j * p + j] = ljj;
    for (let i = j + 1; i < p; i++) {
      let s = a[i * p + j];
      for (let k = 0; k < j; k++) s -= a[i * p + k] * a[j * p + k];
      a[i * p + j] = s / ljj;
    }
  }
  return true;
}

/** Solve L·Lᵀ·x = b in place (b becomes x), with L from `cholesky`. */
export function choleskySolve(l: Float64Array, p: number, b: Float64Array): void {
  for (let i = 0; i < p; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= l[i * p + k] * b[k];
    b[i] = s / l[i * p + i];
  }
  for (let i = p - 1; i >= 0; i--) {
    let s = b[i];
    for (let k = i + 1; k < p; k++) s -= l[k * p + i] * b[k];
    b[i] = s / l[i * p + i];
  }
}

/** Result of an accurate least-squares fit. */
export interface LeastSquares {
  /** Coefficients, one per column, in the order given. */
  coef: Float64Array;
  /** Residual sum of squares Σ (y − Xb)², from the data themselves (not from the QR), for accuracy. */
  rss: number;
  /** (XᵀX)⁻¹ as a p×p row-major matrix: the unscaled covariance of the coefficients. */
  covUnscaled: Float64Array;
}

/**
 * Least squares of y on the given columns by Householder QR. Returns null when the columns are
 * rank deficient (a column is, to 1e-9 of its norm, a combination of the earlier ones), which
 * R would report as NA coefficients.
 */
export function leastSquares(cols: readonly ArrayLike<number>[], y: ArrayLike<number>): LeastSquares | null {
  const p = cols.length;
  const n = y.length;
  if (n < p) return null;
  const a = borrow('qr.a', n * p); // column-major copy, overwritten by the factorization
  const norms = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    let s = 0;
    for (let i = 0; i < n; i++) {
      const v = cols[j][i];
      a[j * n + i] = v;
      s += v * v;
    }
    norms[j] = Math.sqrt(s);
  }
  const qty = borrow('qr.qty', n);
  for (let i = 0; i < n; i++) qty[i] = y[i];
  const rdiag = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    const off = j * n;
    let norm = 0;
    for (let i = j; i < n; i++) norm += a[off + i] * a[off + i];
    norm = Math.sqrt(norm);
    if (!(norm > 1e-9 * norms[j])) return null;
    const alpha = a[off + j] > 0 ? -norm : norm;
    // Householder vector v = x − alpha·e1, stored in place; beta = 1/(vᵀv/2).
    a[off + j] -= alpha;
    let vtv = 0;
    for (let i = j; i < n; i++) vtv += a[off + i] * a[off + i];
    const apply = (vec: Float64Array, voff: number): void => {
      let s = 0;
      for (let i = j; i < n; i++) s += a[off + i] * vec[voff + i];
      const f = (2 * s) / vtv;
      for (let i = j; i < n; i++) vec[voff + i] -= f * a[off + i];
    };
    for (let k = j + 1; k < p; k++) apply(a, k * n);
    apply(qty, 0);
    rdiag[j] = alpha;
  }
  // R is upper triangular: R[i][j] = a[j*n + i] for i < j, diagonal in rdiag.
  const r = (i: number, j: number): number => (i === j ? rdiag[i] : a[j * n + i]);
  const coef = new Float64Array(p);
  for (let i = p - 1; i >= 0; i--) {
    let s = qty[i];
    for (let k = i + 1; k < p; k++) s -= r(i, k) * coef[k];
    coef[i] = s / r(i, i);
  }
  // Rinv (upper triangular), then (XᵀX)⁻¹ = Rinv·Rinvᵀ.
  const rinv = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    rinv[j * p + j] = 1 / r(j, j);
    for (let i = j - 1; i >= 0; i--) {
      let s = 0;
      for (let k = i + 1; k <= j; k++) s += r(i, k) * rinv[k * p + j];
      rinv[i * p + j] = -s / r(i, i);
    }
  }
  const covUnscaled = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = i; j < p; j++) {
      let s = 0;
      for (let k = j; k < p; k++) s += rinv[i * p + k] * rinv[j * p + k];
      covUnscaled[i * p + j] = s;
      covUnscaled[j * p + i] = s;
    }
  }
  let rss = 0;
  for (let i = 0; i < n; i++) {
    let fit = 0;
    for (let j = 0; j < p; j++) fit += cols[j][i] * coef[j];
    const e = y[i] - fit;
    rss += e * e;
  }
  return { coef, rss, covUnscaled };
}
