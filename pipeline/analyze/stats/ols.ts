/**
 * Ordinary least squares of y on x (one predictor, with intercept).
 * Computed on x centred at its mean with two passes over the data: the textbook one-pass formula
 * Σxy − n·x̄·ȳ loses most of its digits when x is far from 0 (years ≈ 2000, NIST's Norris data),
 * while the centred form matches NIST's certified values to ~1e-13.
 */
import { PipelineError } from '../../errors.ts';
import { messages } from '../../messages.ts';

/** A simple linear regression y = intercept + slope·x, with R's lm() summary figures. */
export interface OlsFit {
  /** Number of observations. */
  n: number;
  intercept: number;
  slope: number;
  /** Standard error of the intercept. */
  interceptSe: number;
  /** Standard error of the slope. */
  slopeSe: number;
  /** Residual sum of squares. */
  rss: number;
  /** Residual standard deviation sqrt(rss / (n − 2)) (R's "residual standard error"). */
  residualSd: number;
  /** Residual degrees of freedom, n − 2. */
  df: number;
  /** Coefficient of determination 1 − rss / Σ(y − ȳ)². */
  r2: number;
  /** Gaussian log-likelihood at the ML variance rss / n, as R's logLik(lm). */
  logLik: number;
  /** −2·logLik + 3·ln n (intercept, slope, residual variance), as R's BIC(lm). */
  bic: number;
}

/** Gaussian log-likelihood of a least-squares fit with residual sum of squares `rss` (R's logLik.lm). */
export function gaussianLogLik(rss: number, n: number): number {
  return -0.5 * n * (Math.log(2 * Math.PI) + Math.log(rss / n) + 1);
}

/** Schwarz criterion −2·logLik + p·ln n for `p` estimated parameters (variance included). */
export function bicFromRss(rss: number, n: number, p: number): number {
  return -2 * gaussianLogLik(rss, n) + p * Math.log(n);
}

/** Throw a PipelineError unless x and y are equally long, finite, and n ≥ `min`. */
export function checkXY(x: ArrayLike<number>, y: ArrayLike<number>, min: number, what: string): void {
  if (x.length !== y.length) {
    throw new PipelineError(messages.stats.lengthsDiffer(what, x.length, y.length));
  }
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i]) || !Number.isFinite(y[i])) {
      throw new PipelineError(messages.stats.nonFinite(what, i + 1, x[i], y[i]));
    }
  }
  if (x.length < min) throw new PipelineError(messages.stats.tooFewPoints(what, min, x.length));
}

/** Mean of an array (two-pass corrected, so it is accurate even for large offsets). */
export function mean(v: ArrayLike<number>): number {
  const n = v.length;
  let s = 0;
  for (let i = 0; i < n; i++) s += v[i];
  const m = s / n;
  let c = 0;
  for (let i = 0; i < n; i++) c += v[i] - m;
  return m + c / n;
}

/** Least-squares line of y on x with standard errors; throws PipelineError if x is constant or n < 3. */
export function ols(x: ArrayLike<number>, y: ArrayLike<number>): OlsFit {
  checkXY(x, y, 3, 'ols');
  const n = x.length;
  const mx = mean(x);
  const my = mean(y);
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - mx;
    const dy = y[i] - my;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  if (!(sxx > 0)) throw new PipelineError(messages.stats.constantX);
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  // RSS from the residuals themselves rather than syy − slope·sxy, which cancels for good fits.
  let rss = 0;
  for (let i = 0; i < n; i++) {
    const e = y[i] - my - slope * (x[i] - mx);
    rss += e * e;
  }
  const df = n - 2;
  const sigma2 = rss / df;
  return {
    n,
    intercept,
    slope,
    interceptSe: Math.sqrt(sigma2 * (1 / n + (mx * mx) / sxx)),
    slopeSe: Math.sqrt(sigma2 / sxx),
    rss,
    residualSd: Math.sqrt(sigma2),
    df,
    r2: syy > 0 ? 1 - rss / syy : NaN,
    logLik: gaussianLogLik(rss, n),
    bic: bicFromRss(rss, n, 3),
  };
}
