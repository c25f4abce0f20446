/**
 * Davies' test for a change in slope, as R's segmented::davies.test(lm(y ~ x), ~x, k, alternative)
 * (segmented 1.6). The null is a straight line; under the alternative the slope changes at an
 * unknown ψ, which is not identified under the null, so the test takes the largest Wald statistic
 * over k fixed evaluation points and bounds its p-value following Davies (1987):
 *   p ≤ P(T > M) + V·(1 − u)^((ν−1)/2)·Γ(ν/2 + ½) / (2·Γ(ν/2)·√π)
 * with ν = n − 3, u = M²/(ν + M²) and V the total variation of the process (R, lm branch, n ≤ 300),
 * or, as R does for n > 300 (its glm "wald" branch), the normal version
 *   p ≤ Φ(−M) + V·exp(−M²/2)/√(8π)
 * with V the total variation of the t statistics. Two-sided doubles the bound; capped at 1.
 */
import { PipelineError } from '../../errors.ts';
import { messages } from '../../messages.ts';
import { lgamma, pnormUpper, ptUpper } from './distributions.ts';
import { hinge, ones } from './columns.ts';
import { leastSquares } from './linalg.ts';
import { checkXY } from './ols.ts';
import { isSorted } from './sorted.ts';

/** Direction of the slope change tested. */
export type Alternative = 'two.sided' | 'less' | 'greater';

/** Options of daviesTest. */
export interface DaviesOptions {
  /** Number of evaluation points (R's k; default 10, R recommends ≥ 10). */
  k?: number;
  /** Default 'two.sided'. */
  alternative?: Alternative;
}

/** Result of daviesTest. */
export interface DaviesResult {
  /** Davies' upper bound for the p-value (R's p.value). */
  pValue: number;
  /** The evaluation point where the statistic is extreme (R's "'best' at"). */
  best: number;
  /** The extreme statistic M (max |t| for two-sided, min t for less, max t for greater). */
  statistic: number;
  /** The evaluation points and the t statistic of the slope change at each (R's `process`). */
  process: { psi: number; t: number }[];
  /** Which of R's two branches was used: 't' (n ≤ 300) or 'normal' (n > 300). */
  approximation: 't' | 'normal';
}

/**
 * R's seq(from, to, length.out = k): interior points from + i·((to − from)/(k − 1)), the last
 * point exactly `to`. Reproduced exactly because the statistics are evaluated there.
 */
function rSeq(from: number, to: number, k: number): number[] {
  const by = (to - from) / (k - 1);
  return Array.from({ length: k }, (_, i) => (i === k - 1 ? to : from + i * by));
}

/** Davies' test of y = a + b·x against a broken line in x. Throws PipelineError for n < 4 or k < 2. */
export function daviesTest(x: ArrayLike<number>, y: ArrayLike<number>, opts: DaviesOptions = {}): DaviesResult {
  const k = opts.k ?? 10;
  const alternative = opts.alternative ?? 'two.sided';
  if (!Number.isInteger(k) || k < 2) throw new PipelineError(messages.stats.daviesK(k));
  checkXY(x, y, 4, 'davies');
  const n = x.length;
  // x in order already (a series cut from the table) is its own sorted copy.
  const sorted = isSorted(x) ? x : Float64Array.from(x as ArrayLike<number>).sort();
  // R: values <- seq(sort(Z)[2], sort(Z)[n - 1], length = k)
  const values = rSeq(sorted[1], sorted[n - 2], k);
  const df = n - 3;
  const process: { psi: number; t: number }[] = [];
  const ratio: number[] = []; // Z²/(Z² + RSS), whose arcsine root gives V in the t branch
  for (const psi of values) {
    // The hinge and the ones are computed as the QR reads them (columns.ts), not stored.
    const fit = leastSquares([hinge(x, psi), ones, x], y);
    if (fit === null) continue; // R drops singular points (NA) too
    const z = fit.coef[0] / Math.sqrt(fit.covUnscaled[0]);
    const t = z / Math.sqrt(fit.rss / df);
    if (!Number.isFinite(t)) continue;
    process.push({ psi, t });
    ratio.push((z * z) / (z * z + fit.rss));
  }
  if (process.length === 0) throw new PipelineError(messages.stats.daviesNoFit);
  const ts = process.map((p) => p.t);
  let m: number;
  let bestIdx: number;
  if (alternative === 'less') {
    m = Math.min(...ts);
    bestIdx = ts.indexOf(m);
  } else if (alternative === 'greater') {
    m = Math.max(...ts);
    bestIdx = ts.indexOf(m);
  } else {
    const abs = ts.map(Math.abs);
    m = Math.max(...abs);
    bestIdx = abs.indexOf(m);
  }
  const upperTail = alternative !== 'less';
  let p: number;
  let approximation: DaviesResult['approximation'];
  if (n <= 300) {
    approximation = 't';
    let v = 0;
    for (let i = 1; i < ratio.length; i++) v += Math.abs(Math.asin(Math.sqrt(ratio[i])) - Math.asin(Math.sqrt(ratio[i - 1])));
    const naive = upperTail ? ptUpper(m, df) : ptUpper(-m, df);
    const uu = (m * m) / (df + m * m);
    const approx = (v * Math.pow(1 - uu, (df - 1) / 2) * Math.exp(lgamma(df / 2 + 0.5) - lgamma(df / 2))) / (2 * Math.sqrt(Math.PI));
    p = naive + approx;
  } else {
    approximation = 'normal';
    let v = 0;
    for (let i = 1; i < ts.length; i++) v += Math.abs(ts[i] - ts[i - 1]);
    const naive = upperTail ? pnormUpper(m) : pnormUpper(-m);
    p = naive + (v * Math.exp(-(m * m) / 2)) / Math.sqrt(8 * Math.PI);
  }
  if (alternative === 'two.sided') p *= 2;
  return { pValue: Math.min(p, 1), best: process[bestIdx].psi, statistic: m, process, approximation };
}
