import { describe, expect, it } from 'vitest';
import { analyzeBreakpoints, doublingInterval, MIN_BREAKPOINT_POINTS, yearsText } from '../../pipeline/analyze/breakpoints.ts';
import type { Series } from '../../pipeline/analyze/series.ts';
import { createRng, defaultMinSegmentPoints } from '../../pipeline/analyze/stats/index.ts';
import { messages } from '../../pipeline/messages.ts';
import { computed } from '../helpers/fits.ts';

function series(x: number[], y: number[]): Series {
  return { ids: x.map((_, i) => `s${i}`), names: x.map((_, i) => `S${i}`), x: Float64Array.from(x), y: Float64Array.from(y) };
}

/** n systems over 1990–2024: 0.3 OOM/year, 0.7 from 2010, noise sd. */
function k1(seed: number, n: number, sd = 0.4): Series {
  const rng = createRng(seed);
  const x = Array.from({ length: n }, () => 1990 + 34 * rng.next());
  return series(x, x.map((v) => 10 + 0.3 * (v - 1990) + 0.4 * Math.max(v - 2010, 0) + sd * rng.normal()));
}

describe('breakpoints that cannot be computed', () => {
  it('too few systems: not computed, with the reason and n', () => {
    const s = k1(1, MIN_BREAKPOINT_POINTS - 1);
    expect(analyzeBreakpoints(s, { resamples: 10, seed: 1 })).toEqual({ computed: false, reason: messages.tooFewForBreakpoints(19, 20), n: 19 });
    expect(analyzeBreakpoints(series([], []), { resamples: 10, seed: 1 })).toEqual({ computed: false, reason: messages.tooFewForBreakpoints(0, 20), n: 0 });
  });

  it('one publication date for all: not computed, not an error', () => {
    const s = series(Array(30).fill(2020.5), Array.from({ length: 30 }, (_, i) => 20 + i / 10));
    const b = analyzeBreakpoints(s, { resamples: 10, seed: 1 });
    expect(b.computed).toBe(false);
    expect(b).toMatchObject({ n: 30, reason: messages.oneDateOnly(30, 'system', 'with a compute value (low outliers excluded)') });
  });
});

describe('breakpoints of a K = 1 series', () => {
  const s = k1(2, 300);
  const b = computed(analyzeBreakpoints(s, { resamples: 200, seed: 5 }));

  it('records the rules it used: two years by default, max(5, ⌈√n⌉) systems', () => {
    expect(b.k).toBe(1);
    expect(b.rules).toEqual({ min_segment_years: 2, min_segment_points: defaultMinSegmentPoints(300) });
    expect(b.segment_points.reduce((a, c) => a + c, 0)).toBe(300);
    for (const p of b.segment_points) expect(p).toBeGreaterThanOrEqual(b.rules.min_segment_points);
  });

  it('gives bootstrap intervals for the breakpoint, each slope and each doubling time, with the failures counted', () => {
    const boot = computed(b.bootstrap);
    expect(boot.resamples).toBe(200);
    expect(boot.succeeded + boot.failed).toBe(200);
    expect(boot.failed).toBe(Object.values(boot.failed_by_reason).reduce((a, c) => a + c, 0));
    expect(boot.interval_note).toBeNull();
    const [lo, hi] = b.breakpoints[0].bootstrap_ci95!;
    expect(lo).toBeLessThan(b.breakpoints[0].estimate);
    expect(hi).toBeGreaterThan(b.breakpoints[0].estimate);
    b.slopes.forEach((slope, j) => {
      const [slo, shi] = b.slope_ci95[j]!;
      expect(slo).toBeLessThan(slope);
      expect(shi).toBeGreaterThan(slope);
      // Doubling time falls as the slope rises: its interval comes from the slope's, upper end first.
      const [dlo, dhi] = b.doubling_ci95[j]!;
      expect(dlo).toBeCloseTo((12 * Math.log10(2)) / shi, 6);
      expect(dhi).toBeCloseTo((12 * Math.log10(2)) / slo, 6);
      expect(dlo).toBeLessThan(b.doubling_months[j]);
      expect(dhi!).toBeGreaterThan(b.doubling_months[j]);
    });
  });

  it('the minimum length comes from the options (assumptions.yaml), and a K that cannot meet it is rejected', () => {
    const strict = computed(analyzeBreakpoints(s, { resamples: 0, seed: 5, minSegmentYears: 12 }));
    expect(strict.rules.min_segment_years).toBe(12);
    expect(strict.k).toBeLessThanOrEqual(1);
    const noRoom = strict.rejected.filter((r) => r.reason === 'no_room').map((r) => r.k);
    expect(noRoom).toEqual([2, 3]); // 34 years hold two segments of 12 years, not three
    const span = Number((strict.x_range[1] - strict.x_range[0]).toFixed(2));
    expect(strict.rejected.find((r) => r.k === 3)?.detail).toBe(`4 segments of at least 12 years and 18 points each do not fit in data spanning ${span} years with 300 points`);
    expect(strict.bootstrap).toEqual({ computed: false, reason: messages.bootstrapNotRun, n: 0 });
  });
});

describe('a segment that does not grow', () => {
  it('has no doubling interval when its slope interval is at or below zero, an open-ended one when it reaches zero', () => {
    const rng = createRng(8);
    const x = Array.from({ length: 200 }, () => 2000 + 24 * rng.next());
    // Falling 0.1 OOM/year before 2012, then rising 0.6.
    const s = series(x, x.map((v) => 20 - 0.1 * (v - 2000) + 0.7 * Math.max(v - 2012, 0) + 0.3 * rng.normal()));
    const b = computed(analyzeBreakpoints(s, { resamples: 200, seed: 3 }));
    expect(b.k).toBe(1);
    expect(b.slope_ci95[0]![1]).toBeLessThan(0);
    expect(b.doubling_ci95[0]).toBeNull();
    expect(b.doubling_ci95[1]![0]).toBeGreaterThan(0);
    const open = doublingInterval([-0.01, 0.3])!;
    expect(open[0]).toBeCloseTo((12 * Math.log10(2)) / 0.3, 8);
    expect(open[1]).toBeNull();
    expect(doublingInterval([0.1, 0.3])![1]).toBeCloseTo((12 * Math.log10(2)) / 0.1, 8);
    expect(doublingInterval(null)).toBeNull();
  });
});

describe('too few successful resamples', () => {
  it('gives no interval below 90% and says why, keeping the counts', () => {
    const rng = createRng(12);
    const x = Array.from({ length: 120 }, () => 2000 + 24 * rng.next());
    const s = series(x, x.map((v) => 15 + 0.2 * (v - 2000) + 0.5 * Math.max(v - 2012, 0) + 0.4 * rng.normal()));
    const free = computed(analyzeBreakpoints(s, { resamples: 0, seed: 2 }));
    expect(free.k).toBe(1);
    // A minimum length just under the fitted last segment: the resamples whose breakpoint moves later fail.
    const minSegmentYears = free.x_range[1] - free.breakpoints[0].estimate - 0.01;
    const b = computed(analyzeBreakpoints(s, { resamples: 200, seed: 2, minSegmentYears }));
    const boot = computed(b.bootstrap);
    expect(boot.failed_by_reason.inadmissible).toBeGreaterThan(20);
    expect(boot.interval_note).toBe(messages.bootstrapTooFewSucceeded(boot.succeeded, 200, 0.9));
    expect(b.breakpoints[0].bootstrap_ci95).toBeNull();
    expect(b.slope_ci95).toEqual([null, null]);
  });
});

describe('yearsText', () => {
  it('writes short spans in months and others in years', () => {
    expect([0.08, 0.819178, 1, 1.26869, 2].map(yearsText)).toEqual(['1 month', '9.8 months', '1 year', '1.27 years', '2 years']);
  });
});
