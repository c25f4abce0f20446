/**
 * Small dense linear algebra for least squares with a handful (≤ 8) of columns.
 * Two tools: Cholesky on a p×p cross-product matrix (the fast path, used with sufficient
 * statistics in the search and bootstrap loops, working in caller-owned buffers so nothing is
 * allocated per call), and Householder QR on the data itself (the accurate path, used once per
 * final fit for coefficients, RSS and covariances; householder.ts).
 */
export { HouseholderQr, leastSquares, reserveLeastSquares, type Column, type ColumnFill, type LeastSquares } from './householder.ts';

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

