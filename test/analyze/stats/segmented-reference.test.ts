/**
 * Segmented regression against R 4.2.2 / segmented 1.6-2 on ../shared/reference/segmented.
 *
 * G3 is matched at the issue's tolerances (breakpoints 1e-4, slopes 1e-6). muggeo1's K = 2 optimum
 * has ψ₂ exactly on a data point (x = 12.1608…, a kink of the RSS); R stops short of it (its RSS,
 * 189.9253978, is above ours, 189.9253920, and R itself gives ψ₁ = 7.15286 from the same start
 * with n.boot = 0 and 7.15227 with the default n.boot = 10, as recorded in expected.json). We
 * assert the true minimum, and agreement with R to what R's own path dependence allows.
 */
import { describe, expect, it } from 'vitest';
import { leastSquares } from '../../../pipeline/analyze/stats/linalg.ts';
import { daviesTest, fitSegmented, selectSegmented } from '../../../pipeline/analyze/stats/index.ts';
import { hasReference, loadExpected, loadXY, relClose } from './reference.ts';

const abs = (a: number, b: number): number => Math.abs(a - b);

/** RSS of the continuous model at fixed breakpoints, by direct QR least squares on the rows. */
function rssAt(x: number[], y: number[], psi: number[]): number {
  const cols = [x.map(() => 1), x, ...psi.map((p) => x.map((v) => Math.max(v - p, 0)))];
  return leastSquares(cols, y)!.rss;
}

describe.skipIf(!hasReference)('segmented vs R on G3.csv', () => {
  const { x, y } = hasReference ? loadXY('G3.csv') : { x: [], y: [] };
  const exp = hasReference ? loadExpected()['G3.csv'] : null;

  it('K = 2 from R starts (12, 28): breakpoints, SEs, slopes, RSS, BIC', () => {
    const r = exp.segmented_k2_start_12_28;
    const fit = fitSegmented(x, y, { k: 2, starts: [12, 28] });
    fit.breakpoints.forEach((b, j) => {
      expect(abs(b.estimate, r.psi[j])).toBeLessThan(1e-4);
      expect(relClose(b.se, r.psi_se[j], 1e-6)).toBe(true);
    });
    fit.slopes.forEach((s, j) => expect(abs(s, r.slopes[j])).toBeLessThan(1e-6));
    fit.slopeChanges.forEach((d, j) => expect(abs(d, r.slope_changes[j])).toBeLessThan(1e-6));
    expect(abs(fit.intercept, r.intercept)).toBeLessThan(1e-6);
    expect(relClose(fit.rss, r.rss, 1e-8)).toBe(true);
    expect(relClose(fit.bic, r.bic, 1e-8)).toBe(true);
  });

  it('selects K = 2 by BIC with R\'s bic_by_k table', () => {
    const sel = selectSegmented(x, y, { kMax: 3, seed: 1 });
    expect(sel.best.k).toBe(exp.selected_k_by_bic);
    expect(Object.keys(sel.bicByK)).toEqual(['0', '1', '2', '3']);
    for (const k of Object.keys(exp.bic_by_k)) expect(relClose(sel.bicByK[k], exp.bic_by_k[k], 1e-8)).toBe(true);
    // The automatic search reaches the same K = 2 fit as R's explicit starts.
    sel.best.breakpoints.forEach((b, j) => expect(abs(b.estimate, exp.segmented_k2_start_12_28.psi[j])).toBeLessThan(1e-4));
    expect(relClose(sel.bicByK['0'], exp.ols.bic, 1e-8)).toBe(true);
  });

  it('Davies p-value (k = 10, two-sided) to 1e-6 relative', () => {
    expect(relClose(daviesTest(x, y, { k: 10, alternative: 'two.sided' }).pValue, exp.davies_k10_two_sided_p, 1e-6)).toBe(true);
  });
});

describe.skipIf(!hasReference)('segmented vs R on muggeo1.csv', () => {
  const { x, y } = hasReference ? loadXY('muggeo1.csv') : { x: [], y: [] };
  const exp = hasReference ? loadExpected()['muggeo1.csv'] : null;

  it('BIC picks K = 2 (where R\'s automatic search picks K = 1)', () => {
    const sel = selectSegmented(x, y, { kMax: 3, seed: 1 });
    expect(sel.best.k).toBe(2);
    expect(relClose(sel.bicByK['0'], exp.ols.bic, 1e-8)).toBe(true);
    expect(abs(sel.bicByK['1'], 1010.30)).toBeLessThan(0.005); // R's K = 1 BIC, from the note
    expect(relClose(sel.best.bic, exp.segmented_k2_start_7_13.bic, 1e-7)).toBe(true);
  });

  it('K = 2 from R starts (7, 13) reaches the least-squares minimum, at least as good as R', () => {
    const r = exp.segmented_k2_start_7_13;
    const fit = fitSegmented(x, y, { k: 2, starts: [7, 13] });
    expect(fit.rss).toBeLessThanOrEqual(r.rss);
    // Agreement with R up to R's early stop at the kink (~2e-4 in ψ₁, ~1e-4 in slopes).
    fit.breakpoints.forEach((b, j) => expect(abs(b.estimate, r.psi[j])).toBeLessThan(2.5e-4));
    fit.slopes.forEach((s, j) => expect(abs(s, r.slopes[j])).toBeLessThan(2e-4));
    fit.breakpoints.forEach((b, j) => expect(relClose(b.se, r.psi_se[j], 0.02)).toBe(true));
    // ψ₂ sits exactly on the data point x₁₂₁ = 12.1608…; ψ₁ is then the exact conditional optimum.
    expect(fit.breakpoints[1].estimate).toBe(x[121]);
    // No breakpoint pair near ours has a lower RSS (direct QR refits, independent of the search).
    const [p1, p2] = fit.breakpoints.map((b) => b.estimate);
    for (let i = -20; i <= 20; i++) {
      for (let j = -20; j <= 20; j++) {
        expect(rssAt(x, y, [p1 + i * 5e-4, p2 + j * 5e-5])).toBeGreaterThanOrEqual(fit.rss - 1e-9);
      }
    }
    expect(fit.rss).toBeCloseTo(rssAt(x, y, [p1, p2]), 9);
  });

  it('Davies p-value (k = 10, two-sided) to 1e-6 relative', () => {
    expect(relClose(daviesTest(x, y).pValue, exp.davies_k10_two_sided_p, 1e-6)).toBe(true);
  });
});
