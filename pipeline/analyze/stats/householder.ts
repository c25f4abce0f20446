/**
 * Least squares by Householder QR on the data themselves: the accurate path, used once per final
 * fit for coefficients, RSS and covariances (see linalg.ts for the fast path on cross-products).
 *
 * Written for a million rows. The columns are copied into one borrowed buffer (scratch.ts), and
 * each reflection takes two passes over the rows, in blocks: one for vᵀv and the dot products of
 * v with every later column (and Qᵀy), one to update those columns while summing the squares of
 * the next one (its norm, for the next reflection). Every sum still runs over the rows in order,
 * as one loop per sum and column would (the results are bit for bit the same), but v is read
 * twice per reflection rather than 2(p − j) + 2 times: the QR is memory-bound at this size. The
 * loops are small functions of their own, which V8 optimizes after a few calls, rather than loops
 * of one long function that it replaces on the stack.
 *
 * Columns can be added after a solve (addColumns): R's segmented refits y on its columns plus
 * the V columns, which depend on the first fit's coefficients. The reflections of the first
 * columns are the same in both fits, so the second one only applies them to the new columns and
 * continues, with the results of a QR of all the columns at once.
 */
import { borrow, reserve } from './scratch.ts';

/** Result of an accurate least-squares fit. */
export interface LeastSquares {
  /** Coefficients, one per column, in the order given. */
  coef: Float64Array;
  /** Residual sum of squares Σ (y − Xb)², from the data themselves (not from the QR), for accuracy. */
  rss: number;
  /** (XᵀX)⁻¹ as a p×p row-major matrix: the unscaled covariance of the coefficients. */
  covUnscaled: Float64Array;
}

/** Writes a column's values of rows lo..hi−1 into out[at..]: a column computed from x (columns.ts). */
export type ColumnFill = (lo: number, hi: number, out: Float64Array, at: number) => void;

/** A column: its values, or a function that writes them, so that no n-row array has to hold them. */
export type Column = ArrayLike<number> | ColumnFill;

/** Rows per block of the passes: one block of the Householder vector stays in L1 cache. */
const BLOCK = 2048;
const SLOT_A = 'qr.a';
const SLOT_QTY = 'qr.qty';

/**
 * Least squares of y on the given columns by Householder QR. Returns null when the columns are
 * rank deficient (a column is, to 1e-9 of its norm, a combination of the earlier ones), which
 * R would report as NA coefficients.
 */
export function leastSquares(cols: readonly Column[], y: ArrayLike<number>): LeastSquares | null {
  const qr = new HouseholderQr(y, cols.length);
  return qr.addColumns(cols) ? qr.solve(cols.length) : null;
}

/**
 * Make room at once for QRs of up to `columns` columns of n rows (selectSegmented fits 2, then
 * 4, 6 and 8 columns: growing the buffer at each step allocated 2.6 times the largest).
 */
export function reserveLeastSquares(n: number, columns: number): void {
  reserve(SLOT_A, n * columns);
}

/** A QR factorization of y on columns added left to right, in the borrowed buffers of scratch.ts. */
export class HouseholderQr {
  private readonly n: number;
  /** Column-major copy of the columns, overwritten by the factorization (R above the diagonal, v below). */
  private readonly a: Float64Array;
  /** Qᵀy so far. */
  private readonly qty: Float64Array;
  /** The columns as given, for the residuals. */
  private readonly cols: Column[] = [];
  /** Norm of each column as given, for the rank test. */
  private readonly norms: number[] = [];
  /** R's diagonal and vᵀv of each reflection done. */
  private readonly rdiag: number[] = [];
  private readonly vtv: number[] = [];
  /** Σ a² over rows p.. of column p, p the next column to reflect (summed by the reflection before). */
  private norm2 = 0;
  private deficient = false;
  /** dot[k]: vᵀ(column k), and vᵀ(Qᵀy) at dot[capacity]; then the factors 2·dot/vᵀv. */
  private readonly dot: Float64Array;

  constructor(
    private readonly y: ArrayLike<number>,
    private readonly capacity: number,
  ) {
    const n = y.length;
    this.n = n;
    // Not zero-filled: every column is written before it is read.
    this.a = borrow(SLOT_A, n * capacity, false);
    this.qty = borrow(SLOT_QTY, n);
    for (let i = 0; i < n; i++) this.qty[i] = y[i];
    this.dot = new Float64Array(capacity + 1);
  }

  /** Number of columns factored. */
  get rank(): number {
    return this.rdiag.length;
  }

  /**
   * Adds columns to the right of those already there and factors them. Returns false when the
   * columns so far are rank deficient, or more than the rows (then no fit includes them).
   */
  addColumns(cols: readonly Column[]): boolean {
    const { n, a } = this;
    const p0 = this.cols.length;
    const p1 = p0 + cols.length;
    if (p1 > this.capacity) throw new RangeError(`HouseholderQr: ${p1} columns, room for ${this.capacity}`);
    for (let k = 0; k < cols.length; k++) {
      const s = copyColumn(cols[k], a, (p0 + k) * n, n);
      this.cols.push(cols[k]);
      this.norms.push(Math.sqrt(s));
      if (p0 + k === 0) this.norm2 = s;
    }
    if (this.deficient || n < p1) {
      this.deficient = true;
      return false;
    }
    // The reflections already made, applied to the new columns (Qᵀy has had them).
    for (let j = 0; j < p0; j++) this.reflect(j, p0, p1, false);
    for (let j = p0; j < p1; j++) {
      const off = j * n;
      const norm = Math.sqrt(this.norm2);
      if (!(norm > 1e-9 * this.norms[j])) {
        this.deficient = true;
        return false;
      }
      const alpha = a[off + j] > 0 ? -norm : norm;
      // Householder vector v = x − alpha·e1, stored in place; beta = 1/(vᵀv/2).
      a[off + j] -= alpha;
      this.vtv.push(NaN); // set by reflect, which sums vᵀv with the dot products
      this.reflect(j, j + 1, p1, true);
      this.rdiag.push(alpha);
    }
    return true;
  }

  /**
   * Reflection j applied to columns from..to−1 (and, for a new reflection, to Qᵀy, with vᵀv summed
   * in the same pass). Sums the squares of column j + 1 on the way, when it is among them.
   */
  private reflect(j: number, from: number, to: number, isNew: boolean): void {
    const { n, a, qty, dot } = this;
    const off = j * n;
    const q = this.capacity; // where Qᵀy's dot product and factor go
    dot.fill(0);
    let vtv = 0;
    for (let lo = j; lo < n; lo += BLOCK) {
      const hi = Math.min(lo + BLOCK, n);
      if (isNew) vtv = dotAdd(vtv, a, off, a, off, lo, hi);
      for (let k = from; k < to; k++) dot[k] = dotAdd(dot[k], a, off, a, k * n, lo, hi);
      if (isNew) dot[q] = dotAdd(dot[q], a, off, qty, 0, lo, hi);
    }
    if (isNew) this.vtv[j] = vtv;
    else vtv = this.vtv[j];
    for (let k = from; k < to; k++) dot[k] = (2 * dot[k]) / vtv;
    if (isNew) dot[q] = (2 * dot[q]) / vtv;
    // Row j first, so that the blocks below start at j + 1, where the next norm starts.
    for (let k = from; k < to; k++) a[k * n + j] -= dot[k] * a[off + j];
    if (isNew) qty[j] -= dot[q] * a[off + j];
    const next = j + 1 >= from && j + 1 < to ? j + 1 : -1;
    let norm2 = 0;
    for (let lo = j + 1; lo < n; lo += BLOCK) {
      const hi = Math.min(lo + BLOCK, n);
      for (let k = from; k < to; k++) {
        if (k === next) norm2 = subtractScaledSquares(norm2, dot[k], a, off, a, k * n, lo, hi);
        else subtractScaled(dot[k], a, off, a, k * n, lo, hi);
      }
      if (isNew) subtractScaled(dot[q], a, off, qty, 0, lo, hi);
    }
    if (next >= 0) this.norm2 = norm2;
  }

  /** The fit of y on the first p columns (p ≤ rank). */
  solve(p: number): LeastSquares {
    if (p > this.rank) throw new RangeError(`HouseholderQr: ${p} columns asked, ${this.rank} factored`);
    const { n, a, qty, rdiag, cols, y } = this;
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
    // Σ (y − Xb)², the fitted values of a block built column by column: per row the same sum in
    // the same order as a loop over the columns, without indexing `cols` for every value.
    const fit = new Float64Array(BLOCK);
    const values = new Float64Array(BLOCK);
    let rss = 0;
    for (let lo = 0; lo < n; lo += BLOCK) {
      const hi = Math.min(lo + BLOCK, n);
      fit.fill(0);
      for (let j = 0; j < p; j++) {
        const col = cols[j];
        if (typeof col === 'function') {
          col(lo, hi, values, 0);
          addScaled(fit, values, 0, coef[j], hi - lo);
        } else {
          addScaled(fit, col, lo, coef[j], hi - lo);
        }
      }
      rss = addSquaredResiduals(rss, y, fit, lo, hi);
    }
    return { coef, rss, covUnscaled };
  }
}

/** Writes col into a at off; returns Σ col², summed in row order. */
function copyColumn(col: Column, a: Float64Array, off: number, n: number): number {
  let s = 0;
  if (typeof col === 'function') {
    for (let lo = 0; lo < n; lo += BLOCK) col(lo, Math.min(lo + BLOCK, n), a, off + lo);
    for (let i = 0; i < n; i++) s += a[off + i] * a[off + i];
    return s;
  }
  for (let i = 0; i < n; i++) {
    const v = col[i];
    a[off + i] = v;
    s += v * v;
  }
  return s;
}

/** s + Σ u[uo + i]·w[wo + i] over i in [lo, hi), in order. */
function dotAdd(s: number, u: Float64Array, uo: number, w: Float64Array, wo: number, lo: number, hi: number): number {
  for (let i = lo; i < hi; i++) s += u[uo + i] * w[wo + i];
  return s;
}

/** w[wo + i] −= f·u[uo + i] over i in [lo, hi). */
function subtractScaled(f: number, u: Float64Array, uo: number, w: Float64Array, wo: number, lo: number, hi: number): void {
  for (let i = lo; i < hi; i++) w[wo + i] -= f * u[uo + i];
}

/** subtractScaled, returning s + Σ of the new w² in order. */
function subtractScaledSquares(s: number, f: number, u: Float64Array, uo: number, w: Float64Array, wo: number, lo: number, hi: number): number {
  for (let i = lo; i < hi; i++) {
    const v = w[wo + i] - f * u[uo + i];
    w[wo + i] = v;
    s += v * v;
  }
  return s;
}

/** fit[k] += col[at + k]·b for k below count. */
function addScaled(fit: Float64Array, col: ArrayLike<number>, at: number, b: number, count: number): void {
  for (let k = 0; k < count; k++) fit[k] += col[at + k] * b;
}

/** s + Σ (y[i] − fit[i − lo])² over i in [lo, hi), in order. */
function addSquaredResiduals(s: number, y: ArrayLike<number>, fit: Float64Array, lo: number, hi: number): number {
  for (let i = lo; i < hi; i++) {
    const e = y[i] - fit[i - lo];
    s += e * e;
  }
  return s;
}
