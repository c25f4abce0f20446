import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PipelineError } from '../../../pipeline/errors.ts';
import { MuggeoSolver } from '../../../pipeline/analyze/stats/muggeo.ts';
import { SegmentSums } from '../../../pipeline/analyze/stats/sufficient.ts';
import { createRng, fitSegmented, predictSegmented, selectSegmented } from '../../../pipeline/analyze/stats/index.ts';

/** n points on [0, 10] (uniform, seeded) from a broken line with the given breaks, plus N(0, sd²). */
function broken(seed: number, n: number, psi: number[], slopes: number[], sd: number): { x: number[]; y: number[] } {
  const rng = createRng(seed);
  const x = Array.from({ length: n }, () => 10 * rng.next());
  const y = x.map((v) => {
    let f = 1 + slopes[0] * v;
    psi.forEach((p, j) => (f += (slopes[j + 1] - slopes[j]) * Math.max(v - p, 0)));
    return f + sd * rng.normal();
  });
  return { x, y };
}

describe('segmented regression on synthetic data with known breaks', () => {
  it('recovers two breaks and three slopes, and BIC picks K = 2', () => {
    const { x, y } = broken(11, 400, [3, 7], [1, -1, 0.5], 0.1);
    const sel = selectSegmented(x, y, { kMax: 3, seed: 5 });
    expect(sel.best.k).toBe(2);
    const [p1, p2] = sel.best.breakpoints;
    expect(Math.abs(p1.estimate - 3)).toBeLessThan(0.05);
    expect(Math.abs(p2.estimate - 7)).toBeLessThan(0.05);
    // The truth lies in the 95% intervals, which are not absurdly wide.
    for (const [b, truth] of [[p1, 3], [p2, 7]] as const) {
      expect(b.ci95[0]).toBeLessThan(truth);
      expect(b.ci95[1]).toBeGreaterThan(truth);
      expect(b.ci95[1] - b.ci95[0]).toBeLessThan(0.3);
    }
    [1, -1, 0.5].forEach((s, j) => expect(Math.abs(sel.best.slopes[j] - s)).toBeLessThan(0.03));
    expect(sel.fits.map((f) => f.k)).toEqual([0, 1, 2, 3]);
  });

  it('recovers breaks exactly from noiseless data wherever they are (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e6 }),
        fc.double({ min: 1.5, max: 4, noNaN: true }),
        fc.double({ min: 5.5, max: 8.5, noNaN: true }),
        (seed, a, b) => {
          const { x, y } = broken(seed, 120, [a, b], [2, -1, 1], 0);
          const fit = fitSegmented(x, y, { k: 2, seed });
          return Math.abs(fit.breakpoints[0].estimate - a) < 1e-6 && Math.abs(fit.breakpoints[1].estimate - b) < 1e-6 && fit.rss < 1e-12;
        },
      ),
      { numRuns: 25 },
    );
  });

  it('is deterministic for a seed and honours explicit starts', () => {
    const { x, y } = broken(3, 200, [4], [0.5, 2], 0.3);
    expect(selectSegmented(x, y, { seed: 9 })).toEqual(selectSegmented(x, y, { seed: 9 }));
    const fit = fitSegmented(x, y, { k: 1, starts: [[2], [6]] });
    expect(Math.abs(fit.breakpoints[0].estimate - 4)).toBeLessThan(0.2);
    expect([2, 6]).toContain(fit.start[0]);
  });

  it('predictSegmented evaluates the fitted broken line', () => {
    const { x, y } = broken(4, 100, [5], [1, 3], 0);
    const fit = fitSegmented(x, y, { k: 1 });
    const p = predictSegmented(fit, [0, 5, 10]);
    expect(p[0]).toBeCloseTo(1, 8);
    expect(p[1]).toBeCloseTo(6, 8);
    expect(p[2]).toBeCloseTo(21, 8); // 1 + 10 + 2·(10 − 5)
  });

  it('rejects inadmissible starts and impossible K with PipelineError', () => {
    const { x, y } = broken(5, 50, [5], [1, 2], 0.1);
    expect(() => fitSegmented(x, y, { k: 1, starts: [0.01] })).toThrow(PipelineError); // below the 5% quantile
    expect(() => fitSegmented(x, y, { k: 2, starts: [4, 4.0001] })).toThrow(PipelineError); // empty middle segment
    expect(() => fitSegmented([1, 2, 3, 4, 5, 6], [1, 2, 3, 2, 1, 0], { k: 3 })).toThrow(PipelineError);
    expect(() => fitSegmented(x, y, { k: -1 })).toThrow(PipelineError);
  });

  it('weights in the sufficient statistics equal duplicated rows (the bootstrap identity)', () => {
    const { x, y } = broken(6, 30, [5], [1, -1], 0.2);
    const w = x.map((_, i) => i % 3); // 0, 1 or 2 copies of each row
    const xd: number[] = [];
    const yd: number[] = [];
    const weighted = new SegmentSums(x, y, 5, 3);
    const sortedW = Array.from(weighted.order, (i) => w[i]);
    weighted.setWeights(sortedW);
    x.forEach((v, i) => {
      for (let c = 0; c < w[i]; c++) {
        xd.push(v);
        yd.push(y[i]);
      }
    });
    const dup = new SegmentSums(xd, yd, 5, 3);
    const psi = Float64Array.from([4.2 - 5]); // centred units (xShift = 5)
    const a = new MuggeoSolver(weighted, 1).rssAt(psi, 1);
    const b = new MuggeoSolver(dup, 1).rssAt(psi, 1);
    expect(a).toBeCloseTo(b, 10);
  });
});
