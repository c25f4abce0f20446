/**
 * Design columns computed from x block by block (householder.ts `ColumnFill`), for the QRs of the
 * segmented summary and Davies' test: an array per column (6.7 MB at 833,000 points, ten of them
 * per analyze) was written, copied into the QR and read again for the residuals, and typed-array
 * memory sets off full collections (scratch.ts). Each writes exactly the values its array held.
 */
import type { ColumnFill } from './householder.ts';

/** 1 on every row. */
export const ones: ColumnFill = (lo, hi, out, at) => {
  out.fill(1, at, at + hi - lo);
};

/** x − shift (x centred). */
export function shifted(x: ArrayLike<number>, shift: number): ColumnFill {
  return (lo, hi, out, at) => {
    for (let i = lo; i < hi; i++) out[at + i - lo] = x[i] - shift;
  };
}

/** The hinge U = (x − ψ)+, as max(x − ψ, 0). */
export function hinge(x: ArrayLike<number>, psi: number): ColumnFill {
  return (lo, hi, out, at) => {
    for (let i = lo; i < hi; i++) out[at + i - lo] = Math.max(x[i] - psi, 0);
  };
}

/** The step −δ·I(x > ψ): −delta where x > ψ, else 0. */
export function step(x: ArrayLike<number>, psi: number, delta: number): ColumnFill {
  return (lo, hi, out, at) => {
    for (let i = lo; i < hi; i++) out[at + i - lo] = x[i] > psi ? -delta : 0;
  };
}
