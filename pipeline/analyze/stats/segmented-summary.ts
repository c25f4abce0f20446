/**
 * The reported figures of a segmented fit at given breakpoints, computed the way R's
 * segmented.lm() does, on the data themselves (Householder QR) rather than on the sufficient
 * statistics used by the search, so the numbers carry full precision.
 *
 * R's breakpoint standard errors: after the iteration, segmented refits y on 1, x, U_j and
 * Vxb_j = −I(x > ψ_j)·δ̂_j (the V terms scaled by the slope changes), and reads SE(ψ̂_j) off
 * vcov() of that fit — σ̂²·(XᵀX)⁻¹ at the Vxb_j position — with σ̂² = RSS/(n − 2 − 2K), RSS and
 * coefficients taken from the fit without the V terms (whose coefficients are 0 at convergence).
 * This is the delta method for ψ = (δψ)/δ. The 95% interval is ψ̂ ± t_{0.975, n−2−2K}·SE.
 */
import { qt } from './distributions.ts';
import { hinge, ones, shifted, step } from './columns.ts';
import { HouseholderQr } from './householder.ts';
import { bicFromRss, gaussianLogLik } from './ols.ts';

/** One estimated breakpoint. */
export interface Breakpoint {
  /** ψ̂, in x units. */
  estimate: number;
  /** Standard error of ψ̂ as R's segmented reports it (NaN if the V-augmented fit is singular). */
  se: number;
  /** ψ̂ ± t_{0.975, df}·se, as R's confint.segmented (method "delta"). */
  ci95: [number, number];
}

/** A continuous piecewise-linear fit y = a + b·x + Σ δ_j (x − ψ_j)+ with K breakpoints. */
export interface SegmentedFit {
  /** Number of observations. */
  n: number;
  /** Number of breakpoints K (0 = a straight line). */
  k: number;
  /** a: the value of the first segment's line at x = 0. */
  intercept: number;
  /** Slope of each of the K + 1 segments, left to right (y units per x unit). */
  slopes: number[];
  /** Standard errors of `slopes` (from the V-augmented covariance, as R's slope()). */
  slopeSes: number[];
  /** δ_j: the change of slope at each breakpoint (slopes[j+1] − slopes[j]). */
  slopeChanges: number[];
  /** Breakpoints in increasing order. */
  breakpoints: Breakpoint[];
  /** Residual sum of squares. */
  rss: number;
  /** Residual degrees of freedom n − 2 − 2K (the ψ count as parameters, as in R). */
  df: number;
  /** sqrt(rss / df), R's "residual standard error". */
  residualSd: number;
  /** Parameters counted by the BIC: intercept, slope, one δ and one ψ per break, variance = 3 + 2K. */
  nParams: number;
  /** Gaussian log-likelihood at the ML variance. */
  logLik: number;
  /** −2·logLik + nParams·ln n, as R's BIC() of a segmented fit. */
  bic: number;
  /** Muggeo iterations of the winning start (0 for K = 0). */
  iterations: number;
  /** Whether the winning run converged (see MuggeoRun.converged). */
  converged: boolean;
  /** The start vector the winning run began from (x units). */
  start: number[];
  /** Admissible range for ψ used in the search, x units. */
  bounds: [number, number];
}

/** Everything but the search bookkeeping, which the caller fills in. */
export type SegmentedSummary = Omit<SegmentedFit, 'iterations' | 'converged' | 'start' | 'bounds'>;

/** Compute the reported figures at sorted breakpoints `psi` (x units). Returns null if singular. */
export function summarizeSegmented(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  psi: readonly number[],
  xMean: number,
): SegmentedSummary | null {
  const n = x.length;
  const k = psi.length;
  // The columns are computed from x as the QR reads them (columns.ts): no n-row arrays. U_j =
  // (x − ψ_j)+ is unchanged by centring, so it is built from the raw x.
  const us = psi.map((p) => hinge(x, p));
  // One QR for both fits: the V columns are added to the factorization of the first fit (whose
  // coefficients they depend on), which gives the same numbers as a QR of all the columns.
  const qr = new HouseholderQr(y, 2 + 2 * k);
  const fitU = qr.addColumns([ones, shifted(x, xMean), ...us]) ? qr.solve(2 + k) : null;
  if (fitU === null) return null;
  const coef = fitU.coef;
  const changes = psi.map((_, j) => coef[2 + j]);
  const vs = psi.map((p, j) => step(x, p, changes[j]));
  const fitV = k > 0 ? (qr.addColumns(vs) ? qr.solve(2 + 2 * k) : null) : fitU;
  const df = n - 2 - 2 * k;
  const sigma2 = fitU.rss / df;
  const p = 2 + 2 * k;
  const cov = (i: number, j: number): number => (fitV === null ? NaN : sigma2 * fitV.covUnscaled[i * p + j]);
  const tq = qt(0.975, df);
  const breakpoints = psi.map((estimate, j) => {
    const se = Math.sqrt(cov(2 + k + j, 2 + k + j));
    return { estimate, se, ci95: [estimate - tq * se, estimate + tq * se] as [number, number] };
  });
  const slopes: number[] = [];
  const slopeSes: number[] = [];
  for (let s = 0; s <= k; s++) {
    // slope_s = b + δ_1 + … + δ_s; its variance sums the covariance block of those coefficients.
    const terms = [1];
    for (let j = 0; j < s; j++) terms.push(2 + j);
    slopes.push(terms.reduce((acc, t) => acc + coef[t], 0));
    let v = 0;
    for (const a of terms) for (const b of terms) v += cov(a, b);
    slopeSes.push(Math.sqrt(v));
  }
  const nParams = 3 + 2 * k;
  return {
    n,
    k,
    intercept: coef[0] - coef[1] * xMean,
    slopes,
    slopeSes,
    slopeChanges: changes,
    breakpoints,
    rss: fitU.rss,
    df,
    residualSd: Math.sqrt(sigma2),
    nParams,
    logLik: gaussianLogLik(fitU.rss, n),
    bic: bicFromRss(fitU.rss, n, nParams),
  };
}

/** Evaluate a fitted segmented line at the given x values. */
export function predictSegmented(fit: Pick<SegmentedFit, 'intercept' | 'slopes' | 'slopeChanges' | 'breakpoints'>, x: ArrayLike<number>): Float64Array {
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    let v = fit.intercept + fit.slopes[0] * x[i];
    fit.breakpoints.forEach((b, j) => {
      v += fit.slopeChanges[j] * Math.max(x[i] - b.estimate, 0);
    });
    out[i] = v;
  }
  return out;
}
