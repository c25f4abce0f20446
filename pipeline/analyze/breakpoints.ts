/**
 * Automatic breakpoints: continuous segmented regression of log10 FLOP on year (Muggeo's
 * algorithm), K = 0…3 chosen by BIC, with delta-method and bootstrap intervals for each
 * breakpoint and Davies' test for the existence of a break.
 */
import type { SegmentedAnalysis } from '../schema/fits.ts';
import { xRange, type Series } from './series.ts';
import { bootstrapSegmented, daviesTest, quantile, selectSegmented } from './stats/index.ts';
import { doublingMonths } from './trend.ts';

const r = (v: number, digits = 10) => (Number.isFinite(v) ? Number(v.toPrecision(digits)) : v);

export function analyzeBreakpoints(s: Series, opts: { resamples: number; seed: number; kMax?: number }): SegmentedAnalysis | null {
  if (s.x.length < 20) return null;
  const selection = selectSegmented(s.x, s.y, { kMax: opts.kMax ?? 3, seed: opts.seed });
  const best = selection.best;
  const davies = daviesTest(s.x, s.y, { k: 10, alternative: 'two.sided' });
  let bootstrapCi: ([number, number] | null)[] = best.breakpoints.map(() => null);
  if (best.k > 0 && opts.resamples > 0) {
    const boot = bootstrapSegmented(s.x, s.y, { start: best.breakpoints.map((b) => b.estimate), resamples: opts.resamples, seed: opts.seed });
    bootstrapCi = boot.breakpoints.map((samples) => {
      const finite = Float64Array.from(samples.filter((v) => Number.isFinite(v))).sort();
      return finite.length > 0 ? [r(quantile(finite, 0.025)), r(quantile(finite, 0.975))] : null;
    });
  }
  const [lo, hi] = xRange(s);
  return {
    n: best.n,
    k: best.k,
    intercept: r(best.intercept, 12),
    slopes: best.slopes.map((v) => r(v, 12)),
    doubling_months: best.slopes.map((v) => r(doublingMonths(v))),
    breakpoints: best.breakpoints.map((b, j) => ({
      estimate: r(b.estimate),
      se: r(b.se),
      ci95: [r(b.ci95[0]), r(b.ci95[1])],
      bootstrap_ci95: bootstrapCi[j] ?? null,
      at_search_bound: Math.min(Math.abs(b.estimate - best.bounds[0]), Math.abs(b.estimate - best.bounds[1])) < 1e-6,
    })),
    rss: r(best.rss),
    bic: r(best.bic),
    bic_by_k: Object.fromEntries(Object.entries(selection.bicByK).map(([k, v]) => [k, r(v)])),
    davies_p: r(davies.pValue),
    x_range: [r(lo, 8), r(hi, 8)],
    search_range: [r(best.bounds[0], 8), r(best.bounds[1], 8)],
  };
}
