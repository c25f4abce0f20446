/**
 * Breakpoint selection among admissible fits only (stats/admissible.ts, segmented.ts): a planted
 * spike is not selected, a clean K = 1 series gives K = 1, and the search tries other starts
 * before it rejects a K.
 */
import { describe, expect, it } from 'vitest';
import { MuggeoSolver } from '../../../pipeline/analyze/stats/muggeo.ts';
import { defaultMinSegmentPoints, segmentViolation } from '../../../pipeline/analyze/stats/admissible.ts';
import { SegmentSums } from '../../../pipeline/analyze/stats/sufficient.ts';
import { createRng, fitSegmented, fitSegmentedOutcome, selectSegmented, type SegmentedSelection } from '../../../pipeline/analyze/stats/index.ts';
import { PipelineError } from '../../../pipeline/errors.ts';
import { psiBounds, defaultAlpha } from '../../../pipeline/analyze/stats/starts.ts';
import { mean } from '../../../pipeline/analyze/stats/ols.ts';

/** log10 compute: 0.3 OOM/year before 2010, 0.7 after (one breakpoint, at 2010). */
const trend = (v: number) => 10 + 0.3 * (v - 1990) + 0.4 * Math.max(v - 2010, 0);

/** n systems published uniformly over 1990–2024 on the K = 1 trend, plus N(0, sd²). */
function cleanK1(seed: number, n: number, sd: number): { x: number[]; y: number[] } {
  const rng = createRng(seed);
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = 1990 + 34 * rng.next();
    x.push(v);
    y.push(trend(v) + sd * rng.normal());
  }
  return { x, y };
}

/** Ten systems within one month of mid-2016 on a line falling 96 OOM/year through the trend (+4 to −4). */
function withSpike(data: { x: number[]; y: number[] }): { x: number[]; y: number[] } {
  const x = [...data.x];
  const y = [...data.y];
  for (let i = 0; i < 10; i++) {
    const v = 2016.4 + i / 9 / 12;
    x.push(v);
    y.push(trend(v) + 4 * (1 - (2 * i) / 9));
  }
  return { x, y };
}

const rulesFor = (n: number) => ({ minSegmentLength: 2, minSegmentPoints: defaultMinSegmentPoints(n) });

/** Lengths (x units) and points of the segments of the selected fit. */
function segments(x: number[], sel: SegmentedSelection): { length: number; points: number }[] {
  const edges = [Math.min(...x), ...sel.best.breakpoints.map((b) => b.estimate), Math.max(...x)];
  return edges.slice(1).map((right, s) => ({
    length: right - edges[s],
    points: x.filter((v) => (s === 0 ? v <= right : v > edges[s] && v <= right)).length,
  }));
}

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

describe('a planted spike is not selected', () => {
  const runs = SEEDS.map((seed) => {
    const { x, y } = withSpike(cleanK1(seed, 400, 0.3));
    return { x, free: selectSegmented(x, y, { kMax: 3, seed: 1 }), ruled: selectSegmented(x, y, { kMax: 3, seed: 1, ...rulesFor(x.length) }) };
  });

  it('without the rules, BIC picks a segment of days around the spike on some of the series (the test has teeth)', () => {
    const spiky = runs.filter((r) => segments(r.x, r.free).some((s) => s.length < 1 / 12));
    expect(spiky.length).toBeGreaterThanOrEqual(3);
    for (const r of spiky) expect(r.free.best.k).toBe(3);
  });

  it('with them, every series gives K = 1 at the true break, and the spike configurations are listed as rejected', () => {
    for (const r of runs) {
      expect(r.ruled.best.k).toBe(1);
      expect(Math.abs(r.ruled.best.breakpoints[0].estimate - 2010)).toBeLessThan(1);
      for (const s of segments(r.x, r.ruled)) {
        expect(s.length).toBeGreaterThanOrEqual(2);
        expect(s.points).toBeGreaterThanOrEqual(defaultMinSegmentPoints(r.x.length));
      }
    }
    const spiky = runs.filter((r) => segments(r.x, r.free).some((s) => s.length < 1 / 12));
    for (const r of spiky) {
      const k3 = r.ruled.rejected.find((f) => f.k === 3);
      expect(k3?.reason.kind).toMatch(/^(segment_too_short|too_few_points)$/);
      expect(k3!.bic).toBeLessThan(r.ruled.bicByK['3'] ?? Infinity);
    }
  });
});

describe('a clean K = 1 series with noise', () => {
  it('gives K = 1 near the true break on every seed', () => {
    for (const seed of SEEDS) {
      const { x, y } = cleanK1(100 + seed, 300, 0.5);
      const sel = selectSegmented(x, y, { kMax: 3, seed: 1, ...rulesFor(x.length) });
      expect(sel.best.k).toBe(1);
      expect(Math.abs(sel.best.breakpoints[0].estimate - 2010)).toBeLessThan(1.5);
      expect(Math.abs(sel.best.slopes[0] - 0.3)).toBeLessThan(0.05);
      expect(Math.abs(sel.best.slopes[1] - 0.7)).toBeLessThan(0.05);
    }
  });
});

describe('every accepted fit is a converged local minimum that meets the rules', () => {
  it('for each K of the selection: the rules hold, and Muggeo’s iteration from its breakpoints stays put', () => {
    const { x, y } = withSpike(cleanK1(3, 400, 0.3));
    const rules = rulesFor(x.length);
    const sel = selectSegmented(x, y, { kMax: 3, seed: 1, ...rules });
    const sums = new SegmentSums(x, y, mean(x), mean(y));
    const solver = new MuggeoSolver(sums, 3);
    const [lo, hi] = psiBounds(sums.x, defaultAlpha(x.length));
    for (const fit of sel.fits.filter((f) => f.k > 0)) {
      expect(fit.converged).toBe(true);
      const psi = Float64Array.from(fit.breakpoints, (b) => b.estimate - sums.xShift);
      expect(segmentViolation(sums, psi, fit.k, { minLength: 2, minPoints: rules.minSegmentPoints })).toBeNull();
      const again = psi.slice();
      const run = solver.run(again, fit.k, { lo, hi, minPoints: 2, maxIter: 100 });
      expect(run.converged).toBe(true);
      again.forEach((v, j) => expect(v).toBeCloseTo(psi[j], 9));
    }
  });
});

describe('the search tries other starts before it rejects a K', () => {
  const { x, y } = withSpike(cleanK1(4, 400, 0.3));
  const rules = rulesFor(x.length);

  it('from a start inside the spike alone, K = 2 converges to a configuration the rules reject', () => {
    const out = fitSegmentedOutcome(x, y, { k: 2, starts: [[2016.41, 2016.47]], ...rules });
    // Either the iteration stays in the spike (rejected, no fit), or the constrained descent from
    // this start (which itself breaks the rules) is not tried: the start is not admissible.
    expect(out.fit).toBeNull();
    expect(out.rejected?.reason.kind).toMatch(/^(segment_too_short|too_few_points)$/);
    expect(() => fitSegmented(x, y, { k: 2, starts: [[2016.41, 2016.47]], ...rules })).toThrow(PipelineError);
  });

  it('with a second start, the admissible minimum it reaches is the fit, and the spike stays listed as rejected', () => {
    const out = fitSegmentedOutcome(x, y, { k: 2, starts: [[2016.41, 2016.47], [2005, 2015]], ...rules });
    expect(out.fit).not.toBeNull();
    expect(out.fit!.start).toEqual([2005, 2015]);
    const psi = Float64Array.from(out.fit!.breakpoints, (b) => b.estimate - mean(x));
    const sums = new SegmentSums(x, y, mean(x), mean(y));
    expect(segmentViolation(sums, psi, 2, { minLength: 2, minPoints: rules.minSegmentPoints })).toBeNull();
    expect(out.rejected === null || out.rejected.rss < out.fit!.rss).toBe(true);
  });

  it('the automatic starts find an admissible K = 2 and K = 3 where one exists', () => {
    const sel = selectSegmented(x, y, { kMax: 3, seed: 1, ...rules });
    expect(Object.keys(sel.bicByK)).toEqual(['0', '1', '2', '3']);
  });
});

describe('K that the data cannot hold under the rules', () => {
  it('is rejected as no_room, and the selection goes on with the K that fit', () => {
    const rng = createRng(9);
    const x = Array.from({ length: 60 }, () => 2018 + 5 * rng.next()); // five years of data
    const y = x.map((v) => 20 + 0.5 * (v - 2018) + 0.2 * rng.normal());
    const sel = selectSegmented(x, y, { kMax: 3, seed: 1, minSegmentLength: 2, minSegmentPoints: 5 });
    expect(Object.keys(sel.bicByK)).toEqual(['0', '1']);
    expect(sel.rejected.filter((r) => r.reason.kind === 'no_room').map((r) => r.k)).toEqual([2, 3]);
    expect(sel.rejected.find((r) => r.k === 3)?.breakpoints).toEqual([]);
  });

  it('without rules the selection is R’s, unchanged', () => {
    const { x, y } = cleanK1(5, 200, 0.5);
    const a = selectSegmented(x, y, { kMax: 3, seed: 2 });
    const b = selectSegmented(x, y, { kMax: 3, seed: 2, minSegmentLength: 0, minSegmentPoints: 0 });
    expect(b.bicByK).toEqual(a.bicByK);
    expect(a.rejected.every((r) => r.reason.kind === 'not_converged')).toBe(true);
  });
});
