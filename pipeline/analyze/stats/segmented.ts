/**
 * Continuous segmented (broken-line) regression with K breakpoints, Muggeo's algorithm as in R's
 * segmented package, with automatic multi-start so callers need not guess starting values, and
 * selection of K by BIC. See muggeo.ts for the iteration, starts.ts for the starts and
 * segmented-summary.ts for how the reported figures (SEs, intervals, BIC) follow R.
 */
import { PipelineError } from '../../errors.ts';
import { reserveLeastSquares } from './householder.ts';
import { MuggeoSolver, type MuggeoOptions } from './muggeo.ts';
import { checkXY, mean } from './ols.ts';
import { createRng } from './rng.ts';
import { summarizeSegmented, type SegmentedFit } from './segmented-summary.ts';
import { autoStarts, defaultAlpha, psiBounds, type StartPlan } from './starts.ts';
import { SegmentSums } from './sufficient.ts';

/** Search settings shared by fitSegmented and selectSegmented; all optional. */
export interface SearchOptions {
  /** Seed for the random restarts (default 1). The same seed gives the same fit. */
  seed?: number;
  /** Best grid combinations to iterate from (default 8). */
  gridStarts?: number;
  /** Seeded random starts (default 4). */
  randomStarts?: number;
  /** Cap on grid combinations screened per K (default 4000). */
  maxCombinations?: number;
  /** ψ is kept within the alpha and 1 − alpha quantiles of x (default max(0.05, 1/n), as R). */
  alpha?: number;
  /** Minimum distinct x values per segment (default 2, as R's segmented). */
  minPoints?: number;
  /** Iteration cap per start (default 100). */
  maxIter?: number;
}

/** Options of fitSegmented. */
export interface SegmentedOptions extends SearchOptions {
  /** Number of breakpoints (0 gives the straight line). */
  k: number;
  /**
   * Explicit start(s), x units: one vector of k values, or several vectors. When given, only these
   * are iterated from (like R's psi = ...); otherwise starts are automatic.
   */
  starts?: readonly number[] | readonly (readonly number[])[];
}

/** Options of selectSegmented. */
export interface SelectOptions extends SearchOptions {
  /** Largest K considered (default 3); K runs from 0. */
  kMax?: number;
}

/** Result of selectSegmented. */
export interface SegmentedSelection {
  /** The fit with the lowest BIC (ties go to the smaller K). */
  best: SegmentedFit;
  /** Fits for every K that admits a feasible configuration, in increasing K. */
  fits: SegmentedFit[];
  /** BIC by K, keyed "0", "1", …, for the K in `fits`. */
  bicByK: Record<string, number>;
}

/** Sorted data, solver and bounds built once and shared by all K. */
class SegmentedEngine {
  readonly sums: SegmentSums;
  readonly solver: MuggeoSolver;
  readonly bounds: MuggeoOptions;
  readonly alpha: number;
  readonly plan: StartPlan;

  constructor(readonly x: ArrayLike<number>, readonly y: ArrayLike<number>, kMax: number, readonly opts: SearchOptions) {
    // The summaries' QRs grow to 2 + 2·kMax columns: one allocation rather than one per K.
    reserveLeastSquares(x.length, 2 + 2 * kMax);
    this.sums = new SegmentSums(x, y, mean(x), mean(y));
    this.solver = new MuggeoSolver(this.sums, kMax);
    this.alpha = opts.alpha ?? defaultAlpha(x.length);
    const [lo, hi] = psiBounds(this.sums.x, this.alpha);
    this.bounds = { lo, hi, minPoints: opts.minPoints ?? 2, maxIter: opts.maxIter ?? 100 };
    this.plan = { gridStarts: opts.gridStarts ?? 8, randomStarts: opts.randomStarts ?? 4, maxCombinations: opts.maxCombinations ?? 4000 };
  }

  /**
   * Centred ψ back to x units. A ψ pinned on a data point (a kink minimum) maps to that x value
   * exactly, rather than to (x − x̄) + x̄, which may differ in the last bit.
   */
  private toX(psiC: number): number {
    const m = this.sums.tail(psiC);
    if (m > 0 && this.sums.x[m - 1] === psiC) return this.x[this.sums.order[m - 1]];
    return psiC + this.sums.xShift;
  }

  /** Best fit with k breakpoints, or null when no feasible start exists. */
  fit(k: number, explicit?: readonly (readonly number[])[]): SegmentedFit | null {
    const { sums, solver, bounds } = this;
    const xMean = sums.xShift;
    const boundsX: [number, number] = [bounds.lo + xMean, bounds.hi + xMean];
    let starts: Float64Array[];
    if (k === 0) {
      starts = [new Float64Array(0)]; // a straight line: nothing to start
    } else if (explicit) {
      starts = explicit.map((s) => Float64Array.from(s, (v) => v - xMean).sort());
      for (const s of starts) {
        if (s.length !== k) throw new PipelineError(`segmented: a start has ${s.length} values but k = ${k}`);
        if (!solver.feasible(s, k, bounds)) {
          throw new PipelineError(
            `segmented: start [${Array.from(s, (v) => v + xMean).join(', ')}] is outside [${boundsX.join(', ')}] ` +
              `or leaves fewer than ${bounds.minPoints} distinct x values in a segment`,
          );
        }
      }
    } else {
      // A fresh generator per K, so a K's fit does not depend on which other K were fitted.
      starts = autoStarts(solver, sums.x, k, bounds, this.alpha, this.plan, createRng(this.opts.seed ?? 1));
    }
    let best: { psi: Float64Array; rss: number; iterations: number; converged: boolean; start: Float64Array } | null = null;
    for (const start of starts) {
      const psi = start.slice();
      const run = solver.run(psi, k, bounds);
      if (run.rss < (best?.rss ?? Infinity)) best = { psi, ...run, start };
    }
    if (best === null) return null;
    const summary = summarizeSegmented(this.x, this.y, Array.from(best.psi, (v) => this.toX(v)), xMean);
    if (summary === null) return null;
    return {
      ...summary,
      iterations: best.iterations,
      converged: best.converged,
      start: Array.from(best.start, (v) => v + xMean),
      bounds: boundsX,
    };
  }
}

function normaliseStarts(starts: SegmentedOptions['starts']): readonly (readonly number[])[] | undefined {
  if (starts === undefined) return undefined;
  if (starts.length > 0 && typeof starts[0] === 'number') return [starts as readonly number[]];
  return starts as readonly (readonly number[])[];
}

/**
 * Fit y = a + b·x + Σ δ_j (x − ψ_j)+ with exactly `k` breakpoints. Throws PipelineError on bad
 * input or when the data cannot hold k breakpoints (too few distinct x values).
 */
export function fitSegmented(x: ArrayLike<number>, y: ArrayLike<number>, opts: SegmentedOptions): SegmentedFit {
  const k = opts.k;
  if (!Number.isInteger(k) || k < 0) throw new PipelineError(`segmented: k must be a non-negative integer, got ${k}`);
  checkXY(x, y, 3 + 2 * k, 'segmented');
  const fit = new SegmentedEngine(x, y, k, opts).fit(k, normaliseStarts(opts.starts));
  if (fit === null) {
    throw new PipelineError(`segmented: no admissible configuration of ${k} breakpoint(s); too few distinct x values?`);
  }
  return fit;
}

/**
 * Fit K = 0..kMax breakpoints and choose K by BIC (−2·logLik + (3 + 2K)·ln n). K values the data
 * cannot support are left out of `fits` and `bicByK`.
 */
export function selectSegmented(x: ArrayLike<number>, y: ArrayLike<number>, opts: SelectOptions = {}): SegmentedSelection {
  const kMax = opts.kMax ?? 3;
  if (!Number.isInteger(kMax) || kMax < 0) throw new PipelineError(`segmented: kMax must be a non-negative integer, got ${kMax}`);
  checkXY(x, y, 3, 'segmented');
  const engine = new SegmentedEngine(x, y, kMax, opts);
  const fits: SegmentedFit[] = [];
  for (let k = 0; k <= kMax; k++) {
    if (x.length < 3 + 2 * k) break; // no residual degrees of freedom left
    const fit = engine.fit(k);
    if (fit !== null) fits.push(fit);
  }
  if (fits.length === 0) throw new PipelineError('segmented: cannot fit even a straight line (is x constant?)');
  const bicByK: Record<string, number> = {};
  let best = fits[0];
  for (const f of fits) {
    bicByK[String(f.k)] = f.bic;
    if (f.bic < best.bic) best = f;
  }
  return { best, fits, bicByK };
}
