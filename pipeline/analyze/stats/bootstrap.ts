/**
 * Nonparametric (case-resampling) bootstrap for the OLS slope and for segmented breakpoints.
 *
 * Both loops allocate nothing per resample. The OLS one accumulates five sums in one pass over the
 * drawn rows. The segmented one turns a resample into row weights (how often each x-sorted row was
 * drawn) and rebuilds the suffix sums of SegmentSums in one O(n) pass; the Muggeo iteration then
 * runs on those sums without touching the rows again. Drawing sorted-row positions instead of
 * original row numbers is the same distribution (a fixed relabelling of the rows).
 *
 * Optional noise: each drawn copy of a row gets y + U(−h, h), as the three-eras paper does with
 * h = log10(2) on log10 FLOP to reflect that compute estimates are only good to a factor of ~2.
 */
import { PipelineError } from '../../errors.ts';
import { messages } from '../../messages.ts';
import { MuggeoSolver } from './muggeo.ts';
import { checkXY, mean } from './ols.ts';
import { DEFAULT_PROBS, quantiles, type QuantileValue } from './quantile.ts';
import { createRng } from './rng.ts';
import { hasRules, segmentViolation } from './admissible.ts';
import { defaultAlpha, psiBounds } from './starts.ts';
import { SegmentSums } from './sufficient.ts';

/** Options shared by both bootstraps. */
export interface BootstrapOptions {
  /** Number of resamples (default DEFAULT_RESAMPLES). */
  resamples?: number;
  /** Seed; the same seed and data give identical samples (default 1). */
  seed?: number;
  /** Half-width h of uniform noise added to every drawn y (default 0 = none). */
  noise?: number;
  /** Probabilities of the reported quantiles (default 0.025, 0.5, 0.975), type 7. */
  probs?: readonly number[];
}

/** Result of bootstrapOls. */
export interface OlsBootstrap {
  /** Slope of each resample, in draw order (NaN where a resample had constant x). */
  slopes: Float64Array;
  /** Intercept of each resample. */
  intercepts: Float64Array;
  /** Quantiles of the finite slopes. */
  quantiles: QuantileValue[];
  /** Resamples with constant x, left out of the quantiles. */
  failures: number;
}

/** Options of bootstrapSegmented. */
export interface SegmentedBootstrapOptions extends BootstrapOptions {
  /** Breakpoints of the full-data fit (x units): every resample is refitted starting here; K = start.length. */
  start: readonly number[];
  /** Same meaning as in fitSegmented (defaults: R's alpha on the full data, 2, 100, 0, 0). */
  alpha?: number;
  minPoints?: number;
  maxIter?: number;
  minSegmentLength?: number;
  minSegmentPoints?: number;
}

/** Why a resample gave no estimate. */
export type ResampleFailure = 'start_not_admissible' | 'singular' | 'not_converged' | 'inadmissible';

/** Result of bootstrapSegmented. */
export interface SegmentedBootstrap {
  /** breakpoints[j][r]: ψ_j of resample r (NaN for a failed resample). */
  breakpoints: Float64Array[];
  /** slopes[s][r]: slope of segment s in resample r. */
  slopes: Float64Array[];
  /** Percentile quantiles of each breakpoint. */
  breakpointQuantiles: QuantileValue[][];
  /** Percentile quantiles of each segment's slope. */
  slopeQuantiles: QuantileValue[][];
  /** Resamples that gave no estimate (NaN in the arrays above), left out of the quantiles. */
  failures: number;
  /** The failures by reason: the start left a segment without its points in the resample, a singular fit, no convergence, or a fit that breaks the segment rules. */
  failureReasons: Record<ResampleFailure, number>;
}

/** Bootstrap resamples unless told otherwise: here, for the analyze stage and the CLIs. */
export const DEFAULT_RESAMPLES = 1000;

function checkOptions(o: BootstrapOptions): { resamples: number; seed: number; noise: number; probs: readonly number[] } {
  const resamples = o.resamples ?? DEFAULT_RESAMPLES;
  const noise = o.noise ?? 0;
  if (!Number.isInteger(resamples) || resamples < 1) throw new PipelineError(messages.stats.resamples(resamples));
  if (!(noise >= 0 && Number.isFinite(noise))) throw new PipelineError(messages.stats.noise(noise));
  return { resamples, seed: o.seed ?? 1, noise, probs: o.probs ?? DEFAULT_PROBS };
}

/** Bootstrap the OLS line: resample rows with replacement (plus optional noise on y), refit. */
export function bootstrapOls(x: ArrayLike<number>, y: ArrayLike<number>, opts: BootstrapOptions = {}): OlsBootstrap {
  const { resamples, seed, noise, probs } = checkOptions(opts);
  checkXY(x, y, 3, 'bootstrap');
  const n = x.length;
  // Centre once so the per-resample one-pass sums do not cancel (x may be years ≈ 2000).
  const mx = mean(x);
  const my = mean(y);
  const xc = new Float64Array(n);
  const yc = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    xc[i] = x[i] - mx;
    yc[i] = y[i] - my;
  }
  const rng = createRng(seed);
  const state = rng.getState();
  const sums = new Float64Array(4);
  const slopes = new Float64Array(resamples);
  const intercepts = new Float64Array(resamples);
  let failures = 0;
  for (let r = 0; r < resamples; r++) {
    resampleSums(xc, yc, noise, state, sums);
    const sx = sums[0], sy = sums[1], sxx = sums[2], sxy = sums[3];
    const dxx = sxx - (sx * sx) / n;
    const slope = dxx > 1e-12 * sxx ? (sxy - (sx * sy) / n) / dxx : NaN;
    if (Number.isNaN(slope)) failures++;
    slopes[r] = slope;
    intercepts[r] = my + sy / n - slope * (mx + sx / n);
  }
  rng.setState(state);
  return { slopes, intercepts, quantiles: quantiles(slopes, probs), failures };
}

/**
 * One resample of bootstrapOls: draw n rows with replacement and write Σx, Σy, Σx², Σxy into
 * `sums`. The generator is sfc32 exactly as in rng.ts, stepped inline on local copies of `state`
 * (rng.getState) and written back at the end; the draws are those of rng.int(n), which is
 * ⌊next()·n⌋ with next() = nextUint32() / 2^32. Through rng.int and rng.next, the calls cost more
 * than the draws: the 1,000 noisy resamples of the 186,000-point deep-learning era at 1e6 records
 * took 3.0 s, 1.2–1.4 s inline (CPU, measured; with and without noise in one loop, 0.1–0.2 s
 * slower than a copy of the loop for each). A function of its own per resample, because V8
 * compiles it whole after a few calls: a loop over all resamples inside bootstrapOls ran as
 * on-stack-replaced code, about twice as slow. Closures over its variables slowed it as much,
 * hence the plain loops that centre x and y above.
 */
function resampleSums(xc: Float64Array, yc: Float64Array, noise: number, state: Int32Array, sums: Float64Array): void {
  const n = xc.length;
  let a = state[0], b = state[1], c = state[2], d = state[3];
  let sx = 0, sy = 0, sxx = 0, sxy = 0;
  for (let i = 0; i < n; i++) {
    let t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    const j = Math.floor(((t >>> 0) / 4294967296) * n);
    const xi = xc[j];
    let yi = yc[j];
    // With noise, y + noise·(2u − 1), u = next() right after the row's draw.
    if (noise > 0) {
      t = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (c << 21) | (c >>> 11);
      c = (c + t) | 0;
      yi += noise * (2 * ((t >>> 0) / 4294967296) - 1);
    }
    sx += xi;
    sy += yi;
    sxx += xi * xi;
    sxy += xi * yi;
  }
  state[0] = a;
  state[1] = b;
  state[2] = c;
  state[3] = d;
  sums[0] = sx;
  sums[1] = sy;
  sums[2] = sxx;
  sums[3] = sxy;
}

/**
 * Bootstrap a segmented fit with fixed K: resample rows, refit from the full-data ψ. A resample's
 * estimate is the local minimum its Muggeo iteration reaches from there, accepted only if it
 * converged and meets the segment rules; if the plain iteration leaves the rules, a constrained
 * descent from the same start and an unconstrained run from its end try for an admissible minimum
 * (as the full-data search does, with one start). Resamples without an estimate are counted by
 * reason, never thrown: the caller decides whether the rest suffice for an interval.
 *
 * The start is the full-data estimate in x units; mapped back to centred units it may land a few
 * ulps outside the search bounds when the estimate sits on one (x ≈ 2000: 4.6e-14 was seen), so a
 * start within round-off of a bound is put on it.
 */
export function bootstrapSegmented(x: ArrayLike<number>, y: ArrayLike<number>, opts: SegmentedBootstrapOptions): SegmentedBootstrap {
  const { resamples, seed, noise, probs } = checkOptions(opts);
  const k = opts.start.length;
  checkXY(x, y, 3 + 2 * k, 'bootstrap');
  const n = x.length;
  const sums = new SegmentSums(x, y, mean(x), mean(y));
  const solver = new MuggeoSolver(sums, k);
  const [lo, hi] = psiBounds(sums.x, opts.alpha ?? defaultAlpha(n));
  const bounds = { lo, hi, minPoints: opts.minPoints ?? 2, maxIter: opts.maxIter ?? 100 };
  const ruleSet = { minLength: opts.minSegmentLength ?? 0, minPoints: opts.minSegmentPoints ?? 0 };
  const rules = hasRules(ruleSet) ? ruleSet : null;
  const constrained = rules ? { ...bounds, rules } : null;
  const start = Float64Array.from(opts.start, (v) => snapToBounds(v - sums.xShift, lo, hi, sums.xShift)).sort();
  const startHolds = solver.feasible(start, k, bounds);

  const rng = createRng(seed);
  const state = rng.getState();
  const w = new Float64Array(n);
  const e = new Float64Array(n);
  const q = new Float64Array(n);
  const psi = new Float64Array(k);
  const coef = new Float64Array(2 + k);
  const breakpoints = Array.from({ length: k }, () => new Float64Array(resamples));
  const slopes = Array.from({ length: k + 1 }, () => new Float64Array(resamples));
  const failureReasons: Record<ResampleFailure, number> = { start_not_admissible: 0, singular: 0, not_converged: 0, inadmissible: 0 };
  let failures = 0;
  for (let r = 0; r < resamples; r++) {
    drawCounts(noise, state, w, e, q);
    // A start that does not hold on the full data holds on no resample: the draws still run, so
    // the generator's stream does not depend on it.
    const failure = startHolds ? refit(r) : 'start_not_admissible';
    if (failure !== null) {
      failures++;
      failureReasons[failure]++;
      for (const b of breakpoints) b[r] = NaN;
      for (const s of slopes) s[r] = NaN;
    }
  }
  rng.setState(state);
  return {
    breakpoints,
    slopes,
    breakpointQuantiles: breakpoints.map((b) => quantiles(b, probs)),
    slopeQuantiles: slopes.map((s) => quantiles(s, probs)),
    failures,
    failureReasons,
  };

  /** Refit resample r (weights in w, e, q); records its estimate, or returns why there is none. */
  function refit(r: number): ResampleFailure | null {
    if (noise > 0) sums.setWeights(w, e, q);
    else sums.setWeights(w);
    if (!solver.feasible(start, k, bounds)) return 'start_not_admissible';
    psi.set(start);
    let run = solver.run(psi, k, bounds);
    if (run.rss === Infinity) return 'singular';
    if (rules && run.converged && segmentViolation(sums, psi, k, rules) !== null && constrained && solver.feasible(start, k, constrained)) {
      psi.set(start);
      if (solver.run(psi, k, constrained).rss < Infinity) run = solver.run(psi, k, bounds);
    }
    if (!run.converged) return 'not_converged';
    if (rules && segmentViolation(sums, psi, k, rules) !== null) return 'inadmissible';
    if (solver.coefficients(psi, k, coef) === Infinity) return 'singular';
    let slope = coef[1];
    slopes[0][r] = slope;
    for (let j = 0; j < k; j++) {
      breakpoints[j][r] = psi[j] + sums.xShift;
      slope += coef[2 + j];
      slopes[j + 1][r] = slope;
    }
    return null;
  }
}

/**
 * One resample of bootstrapSegmented as row weights: draw w.length rows with replacement and
 * count them in `w` (with noise, the sum and the sum of squares of each row's noise in `e` and
 * `q`). The draws are those of rng.int(n) and, for the noise, rng.next() right after the row's
 * draw, with sfc32 stepped inline as in resampleSums (same state words, same order).
 */
function drawCounts(noise: number, state: Int32Array, w: Float64Array, e: Float64Array, q: Float64Array): void {
  const n = w.length;
  let a = state[0], b = state[1], c = state[2], d = state[3];
  w.fill(0);
  if (noise > 0) {
    e.fill(0);
    q.fill(0);
  }
  for (let i = 0; i < n; i++) {
    let t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    const j = Math.floor(((t >>> 0) / 4294967296) * n);
    w[j]++;
    if (noise > 0) {
      t = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (c << 21) | (c >>> 11);
      c = (c + t) | 0;
      const v = noise * (2 * ((t >>> 0) / 4294967296) - 1);
      e[j] += v;
      q[j] += v * v;
    }
  }
  state[0] = a;
  state[1] = b;
  state[2] = c;
  state[3] = d;
}

/**
 * A centred start within round-off of a search bound, put on the bound. The allowance is 1e-10 of
 * the values' magnitude (x ≈ 2000 years: about 2e-7 years, six seconds), far above the ulps that
 * centring loses and far below any distance that matters.
 */
export function snapToBounds(v: number, lo: number, hi: number, shift: number): number {
  const tol = 1e-10 * (Math.abs(shift) + Math.max(Math.abs(lo), Math.abs(hi)) + (hi - lo));
  if (v < lo && lo - v <= tol) return lo;
  if (v > hi && v - hi <= tol) return hi;
  return v;
}
