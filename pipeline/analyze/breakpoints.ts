/**
 * Automatic breakpoints: continuous segmented regression of log10 FLOP on year (Muggeo's
 * algorithm), K = 0…3 chosen by BIC among admissible fits only — every segment at least
 * `minSegmentYears` long and holding at least max(5, ⌈√n⌉) systems (stats/admissible.ts) — with
 * delta-method and bootstrap intervals for each breakpoint, bootstrap intervals for each
 * segment's slope and doubling time, and Davies' test for the existence of a break.
 */
import { describeRejection, messages } from '../messages.ts';
import type { Outcome, RejectedSegmentedFit, SegmentedAnalysis, SegmentedBootstrapSummary } from '../schema/fits.ts';
import { guarded, hasTwoDates, MIN_SUCCESS_SHARE, notComputed } from './outcome.ts';
import { xRange, type Series } from './series.ts';
import { bootstrapSegmented, daviesTest, defaultMinSegmentPoints, quantile, selectSegmented, type RejectedFit, type SegmentedFit } from './stats/index.ts';
import { doublingMonths } from './trend.ts';

/** Fewer systems than this: no search for breakpoints (K = 1 alone has four parameters and the variance). */
export const MIN_BREAKPOINT_POINTS = 20;
/** Default minimum length of a segment, years (data/raw/assumptions.yaml: breakpoints.min_segment_years). */
export const DEFAULT_MIN_SEGMENT_YEARS = 2;

export interface BreakpointOptions {
  resamples: number;
  seed: number;
  kMax?: number;
  /** Every segment spans at least this many years (default 2). */
  minSegmentYears?: number;
  /** Every segment holds at least this many systems (default max(5, ⌈√n⌉)). */
  minSegmentPoints?: number;
}

const r = (v: number, digits = 10) => (Number.isFinite(v) ? Number(v.toPrecision(digits)) : v);
const pair = (a: number, b: number): [number, number] => [r(a), r(b)];

/** A length of time for a reason clause: "0.8 months", "1.27 years", "2 years". */
export function yearsText(v: number): string {
  const [n, unit] = v < 1 ? [Number((12 * v).toFixed(1)), 'month'] : [Number(v.toFixed(2)), 'year'];
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

export function analyzeBreakpoints(s: Series, opts: BreakpointOptions): Outcome<SegmentedAnalysis> {
  const n = s.x.length;
  if (n < MIN_BREAKPOINT_POINTS) return notComputed(messages.tooFewForBreakpoints(n, MIN_BREAKPOINT_POINTS), n);
  if (!hasTwoDates(s.x)) return notComputed(messages.oneDateOnly(n, 'system', 'with a compute value (low outliers excluded)'), n);
  return guarded(n, () => segmentedAnalysis(s, opts));
}

function segmentedAnalysis(s: Series, opts: BreakpointOptions): SegmentedAnalysis {
  const n = s.x.length;
  const rules = { minSegmentLength: opts.minSegmentYears ?? DEFAULT_MIN_SEGMENT_YEARS, minSegmentPoints: opts.minSegmentPoints ?? defaultMinSegmentPoints(n) };
  const selection = selectSegmented(s.x, s.y, { kMax: opts.kMax ?? 3, seed: opts.seed, ...rules });
  const best = selection.best;
  const davies = daviesTest(s.x, s.y, { k: 10, alternative: 'two.sided' });
  const boot = segmentBootstrap(s, best, opts, rules);
  const [lo, hi] = xRange(s);
  const slopeCi = best.slopes.map((_, j) => boot.slopes?.[j] ?? null);
  return {
    computed: true,
    n: best.n,
    k: best.k,
    intercept: r(best.intercept, 12),
    slopes: best.slopes.map((v) => r(v, 12)),
    slope_ses: best.slopeSes.map((v) => r(v)),
    slope_ci95: slopeCi,
    doubling_months: best.slopes.map((v) => r(doublingMonths(v))),
    doubling_ci95: slopeCi.map(doublingInterval),
    segment_points: segmentPoints(s.x, best.breakpoints.map((b) => b.estimate)),
    breakpoints: best.breakpoints.map((b, j) => ({
      estimate: r(b.estimate),
      se: r(b.se),
      ci95: pair(b.ci95[0], b.ci95[1]),
      bootstrap_ci95: boot.breakpoints?.[j] ?? null,
      at_search_bound: Math.min(Math.abs(b.estimate - best.bounds[0]), Math.abs(b.estimate - best.bounds[1])) < 1e-6,
    })),
    rss: r(best.rss),
    bic: r(best.bic),
    bic_by_k: Object.fromEntries(Object.entries(selection.bicByK).map(([k, v]) => [k, r(v)])),
    rules: { min_segment_years: rules.minSegmentLength, min_segment_points: rules.minSegmentPoints },
    rejected: selection.rejected.map(rejectedFit),
    bootstrap: boot.summary,
    davies_p: r(davies.pValue),
    x_range: [r(lo, 8), r(hi, 8)],
    search_range: [r(best.bounds[0], 8), r(best.bounds[1], 8)],
  };
}

interface BootstrapResult {
  summary: Outcome<SegmentedBootstrapSummary>;
  /** Percentile intervals, null when not given. */
  breakpoints: [number, number][] | null;
  slopes: [number, number][] | null;
}

/** Resample the systems, refit with the chosen K from its breakpoints, and take percentile intervals of what succeeded. */
function segmentBootstrap(s: Series, best: SegmentedFit, opts: BreakpointOptions, rules: { minSegmentLength: number; minSegmentPoints: number }): BootstrapResult {
  if (best.k === 0) return { summary: notComputed(messages.noBreakpointToBootstrap, 0), breakpoints: null, slopes: null };
  if (opts.resamples <= 0) return { summary: notComputed(messages.bootstrapNotRun, 0), breakpoints: null, slopes: null };
  const boot = bootstrapSegmented(s.x, s.y, { start: best.breakpoints.map((b) => b.estimate), resamples: opts.resamples, seed: opts.seed, ...rules });
  const succeeded = opts.resamples - boot.failures;
  const enough = succeeded >= MIN_SUCCESS_SHARE * opts.resamples;
  const summary: SegmentedBootstrapSummary = {
    computed: true,
    resamples: opts.resamples,
    seed: opts.seed,
    succeeded,
    failed: boot.failures,
    failed_by_reason: { ...boot.failureReasons },
    min_success_share: MIN_SUCCESS_SHARE,
    interval_note: enough ? null : messages.bootstrapTooFewSucceeded(succeeded, opts.resamples, MIN_SUCCESS_SHARE),
  };
  if (!enough) return { summary, breakpoints: null, slopes: null };
  const interval = (samples: Float64Array): [number, number] => {
    const finite = Float64Array.from(samples.filter((v) => Number.isFinite(v))).sort();
    return pair(quantile(finite, 0.025), quantile(finite, 0.975));
  };
  return { summary, breakpoints: boot.breakpoints.map(interval), slopes: boot.slopes.map(interval) };
}

/**
 * A slope interval as doubling months, [from the upper slope, from the lower slope]: no upper
 * bound (null) when the lower slope is not positive, nothing when the upper one is not either.
 */
export function doublingInterval(slope: [number, number] | null): [number, number | null] | null {
  if (slope === null || !(slope[1] > 0)) return null;
  return [r(doublingMonths(slope[1])), slope[0] > 0 ? r(doublingMonths(slope[0])) : null];
}

/** Points in each segment: x ≤ ψ₁, ψ₁ < x ≤ ψ₂, …, x > ψ_K. */
function segmentPoints(x: ArrayLike<number>, psi: readonly number[]): number[] {
  const counts = new Array<number>(psi.length + 1).fill(0);
  for (let i = 0; i < x.length; i++) {
    let s = 0;
    while (s < psi.length && x[i] > psi[s]) s++;
    counts[s]++;
  }
  return counts;
}

function rejectedFit(f: RejectedFit): RejectedSegmentedFit {
  const reason = f.reason;
  return {
    k: f.k,
    breakpoints: f.breakpoints.map((v) => r(v)),
    bic: Number.isFinite(f.bic) ? r(f.bic) : null,
    reason: reason.kind,
    segment: 'segment' in reason ? reason.segment : null,
    value: reason.kind === 'segment_too_short' ? r(reason.length, 6) : reason.kind === 'too_few_points' ? reason.points : null,
    minimum: reason.kind === 'segment_too_short' || reason.kind === 'too_few_points' ? reason.minimum : null,
    detail: describeRejection(reason, yearsText),
  };
}
