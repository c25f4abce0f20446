import { afterEach, describe, expect, it } from 'vitest';
import { createRng } from '../../../pipeline/analyze/stats/index.ts';
import { hinge, ones, shifted, step } from '../../../pipeline/analyze/stats/columns.ts';
import { HouseholderQr, leastSquares, type ColumnFill, type LeastSquares } from '../../../pipeline/analyze/stats/householder.ts';
import { releaseScratch } from '../../../pipeline/analyze/stats/scratch.ts';

/** The QR as first written: one loop per sum and per column. The blocked passes must give these bits. */
function reference(cols: number[][], y: number[]): LeastSquares | null {
  const p = cols.length;
  const n = y.length;
  if (n < p) return null;
  const a = cols.map((c) => c.slice());
  const norms = cols.map((c) => Math.sqrt(c.reduce((s, v) => s + v * v, 0)));
  const qty = y.slice();
  const rdiag: number[] = [];
  for (let j = 0; j < p; j++) {
    let norm = 0;
    for (let i = j; i < n; i++) norm += a[j][i] * a[j][i];
    norm = Math.sqrt(norm);
    if (!(norm > 1e-9 * norms[j])) return null;
    const alpha = a[j][j] > 0 ? -norm : norm;
    a[j][j] -= alpha;
    let vtv = 0;
    for (let i = j; i < n; i++) vtv += a[j][i] * a[j][i];
    for (const vec of [...a.slice(j + 1), qty]) {
      let s = 0;
      for (let i = j; i < n; i++) s += a[j][i] * vec[i];
      const f = (2 * s) / vtv;
      for (let i = j; i < n; i++) vec[i] -= f * a[j][i];
    }
    rdiag.push(alpha);
  }
  const r = (i: number, j: number) => (i === j ? rdiag[i] : a[j][i]);
  const coef = new Float64Array(p);
  for (let i = p - 1; i >= 0; i--) {
    let s = qty[i];
    for (let k = i + 1; k < p; k++) s -= r(i, k) * coef[k];
    coef[i] = s / r(i, i);
  }
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

/** A segmented-like design: 1, x, hinges (x − ψ)+ and steps −δ·I(x > ψ), over more rows than one block. */
function design(seed: number, n: number, k: number) {
  const rng = createRng(seed);
  const x = Array.from({ length: n }, () => 1990 + 30 * rng.next());
  const y = x.map((v) => 0.3 * (v - 2000) + Math.max(v - 2010, 0) + rng.normal());
  const psi = Array.from({ length: k }, () => 1995 + 20 * rng.next());
  const base = [x.map(() => 1), x.map((v) => v - 2005), ...psi.map((p) => x.map((v) => Math.max(v - p, 0)))];
  const steps = psi.map((p) => x.map((v) => (v > p ? -0.4 : 0)));
  return { y, base, steps };
}

const bits = (f: LeastSquares | null) => (f === null ? null : { coef: Array.from(f.coef), rss: f.rss, cov: Array.from(f.covUnscaled) });

describe('leastSquares (Householder QR in blocks)', () => {
  afterEach(() => releaseScratch());

  it('gives the bits of one loop per sum and column, across block boundaries', () => {
    for (const n of [5, 2047, 2048, 2049, 4500]) {
      for (const k of [0, 1, 3]) {
        const { y, base, steps } = design(n + k, n, k);
        const cols = [...base, ...steps];
        expect(bits(leastSquares(cols, y))).toEqual(bits(reference(cols, y)));
      }
    }
  });

  it('returns null for collinear columns and for more columns than rows, as the reference', () => {
    const { y, base } = design(1, 300, 1);
    const collinear = [...base, base[1].map((v) => 2 * v)];
    expect(reference(collinear, y)).toBeNull();
    expect(leastSquares(collinear, y)).toBeNull();
    expect(leastSquares(base.map((c) => c.slice(0, 2)), y.slice(0, 2))).toBeNull();
  });
});

describe('HouseholderQr.addColumns', () => {
  afterEach(() => releaseScratch());

  it('fits with columns added after a solve as a QR of all the columns at once', () => {
    for (const n of [40, 3000]) {
      for (const k of [1, 2, 3]) {
        const { y, base, steps } = design(10 * n + k, n, k);
        const qr = new HouseholderQr(y, base.length + steps.length);
        expect(qr.addColumns(base)).toBe(true);
        expect(bits(qr.solve(base.length))).toEqual(bits(reference(base, y)));
        expect(qr.addColumns(steps)).toBe(true);
        expect(qr.rank).toBe(base.length + steps.length);
        expect(bits(qr.solve(base.length + steps.length))).toEqual(bits(reference([...base, ...steps], y)));
        // The first fit is still there to solve.
        expect(bits(qr.solve(base.length))).toEqual(bits(reference(base, y)));
      }
    }
  });

  it('reports added columns that make the design rank deficient, keeping the earlier fit', () => {
    const { y, base } = design(4, 500, 2);
    const qr = new HouseholderQr(y, base.length + 1);
    expect(qr.addColumns(base)).toBe(true);
    expect(qr.addColumns([base[2]])).toBe(false);
    expect(reference([...base, base[2]], y)).toBeNull();
    expect(qr.rank).toBe(base.length);
    expect(bits(qr.solve(base.length))).toEqual(bits(reference(base, y)));
    expect(() => qr.solve(base.length + 1)).toThrow(RangeError);
    expect(() => qr.addColumns([base[0]])).toThrow(RangeError); // no room left
  });
});

describe('columns computed from x (columns.ts)', () => {
  afterEach(() => releaseScratch());
  const x = Float64Array.from({ length: 5000 }, (_, i) => 1990 + (i * 37 % 5000) / 200);

  /** A column's values over all rows, written block by block at an offset, as the QR asks for them. */
  function values(col: ColumnFill): number[] {
    const out = new Float64Array(x.length + 3).fill(NaN);
    for (let lo = 0; lo < x.length; lo += 999) col(lo, Math.min(lo + 999, x.length), out, 3 + lo);
    return Array.from(out.subarray(3));
  }

  it('write the values of their formulas', () => {
    expect(values(ones)).toEqual(new Array(x.length).fill(1));
    expect(values(shifted(x, 2001.5))).toEqual(Array.from(x, (v) => v - 2001.5));
    expect(values(hinge(x, 2004))).toEqual(Array.from(x, (v) => Math.max(v - 2004, 0)));
    expect(values(step(x, 2004, 0.25))).toEqual(Array.from(x, (v) => (v > 2004 ? -0.25 : 0)));
  });

  it('give the fit of the same columns as arrays, bit for bit', () => {
    const rng = createRng(8);
    const y = Array.from(x, (v) => 0.2 * (v - 1990) + Math.max(v - 2004, 0) + rng.normal());
    const asArrays = leastSquares([Array.from(x, (v) => Math.max(v - 2004, 0)), new Array(x.length).fill(1), x], y);
    const computed = leastSquares([hinge(x, 2004), ones, x], y);
    expect(bits(computed)).toEqual(bits(asArrays));
  });
});
