import { describe, expect, it } from 'vitest';
import { PipelineError } from '../../../pipeline/errors.ts';
import { bootstrapOls, bootstrapSegmented, createRng, fitSegmented, quantile } from '../../../pipeline/analyze/stats/index.ts';

function line(seed: number, n: number): { x: number[]; y: number[] } {
  const rng = createRng(seed);
  const x = Array.from({ length: n }, () => 10 * rng.next());
  return { x, y: x.map((v) => 1 + 2 * v + rng.normal()) };
}

function broken(seed: number, n: number): { x: number[]; y: number[] } {
  const rng = createRng(seed);
  const x = Array.from({ length: n }, () => 10 * rng.next());
  return { x, y: x.map((v) => 1 + v + 2 * Math.max(v - 5, 0) + 0.5 * rng.normal()) };
}

describe('bootstrapOls', () => {
  it('same seed gives identical samples; another seed does not', () => {
    const { x, y } = line(1, 80);
    const a = bootstrapOls(x, y, { resamples: 300, seed: 42, noise: Math.log10(2) });
    const b = bootstrapOls(x, y, { resamples: 300, seed: 42, noise: Math.log10(2) });
    expect(a).toEqual(b);
    expect(bootstrapOls(x, y, { resamples: 300, seed: 43 }).slopes).not.toEqual(a.slopes);
    expect(a.quantiles.map((q) => q.p)).toEqual([0.025, 0.5, 0.975]);
    expect(a.failures).toBe(0);
  });

  it('noise widens the slope interval', () => {
    const { x, y } = line(2, 80);
    const width = (h: number): number => {
      const q = bootstrapOls(x, y, { resamples: 1000, seed: 1, noise: h }).quantiles;
      return q[2].value - q[0].value;
    };
    expect(width(3)).toBeGreaterThan(width(0));
  });

  it('the 95% percentile interval covers the true slope about 95% of the time', () => {
    let covered = 0;
    const reps = 200;
    for (let r = 0; r < reps; r++) {
      const { x, y } = line(1000 + r, 50);
      const q = bootstrapOls(x, y, { resamples: 400, seed: r }).quantiles;
      if (q[0].value <= 2 && 2 <= q[2].value) covered++;
    }
    expect(covered / reps).toBeGreaterThan(0.88);
    expect(covered / reps).toBeLessThan(0.99);
  });

  it('rejects bad options', () => {
    const { x, y } = line(3, 20);
    expect(() => bootstrapOls(x, y, { resamples: 0 })).toThrow(PipelineError);
    expect(() => bootstrapOls(x, y, { noise: -1 })).toThrow(PipelineError);
  });
});

describe('bootstrapSegmented', () => {
  it('is deterministic for a seed and returns K breakpoints and K + 1 slopes per resample', () => {
    const { x, y } = broken(7, 150);
    const start = fitSegmented(x, y, { k: 1 }).breakpoints.map((b) => b.estimate);
    const a = bootstrapSegmented(x, y, { start, resamples: 200, seed: 5 });
    expect(bootstrapSegmented(x, y, { start, resamples: 200, seed: 5 })).toEqual(a);
    expect(a.breakpoints).toHaveLength(1);
    expect(a.slopes).toHaveLength(2);
    expect(a.breakpoints[0]).toHaveLength(200);
    expect(a.failures).toBe(0);
    const med = a.breakpointQuantiles[0][1].value;
    expect(Math.abs(med - 5)).toBeLessThan(0.5);
  });

  it('each resample equals an explicit refit of the resampled rows from the same start', () => {
    const { x, y } = broken(8, 120);
    const start = fitSegmented(x, y, { k: 1 }).breakpoints.map((b) => b.estimate);
    const boot = bootstrapSegmented(x, y, { start, resamples: 5, seed: 11 });
    // Replay the draws: the bootstrap indexes rows in x-sorted order (ties by original index).
    const order = x.map((_, i) => i).sort((a, b) => x[a] - x[b] || a - b);
    const rng = createRng(11);
    for (let r = 0; r < 5; r++) {
      const idx = Array.from({ length: x.length }, () => order[rng.int(x.length)]);
      const fit = fitSegmented(idx.map((i) => x[i]), idx.map((i) => y[i]), { k: 1, starts: start });
      expect(boot.breakpoints[0][r]).toBeCloseTo(fit.breakpoints[0].estimate, 8);
      expect(boot.slopes[1][r]).toBeCloseTo(fit.slopes[1], 8);
    }
  });

  it('percentile intervals for ψ cover the true break in most replicates', () => {
    let covered = 0;
    const reps = 40;
    for (let r = 0; r < reps; r++) {
      const { x, y } = broken(2000 + r, 200);
      const start = fitSegmented(x, y, { k: 1, seed: r }).breakpoints.map((b) => b.estimate);
      const b = bootstrapSegmented(x, y, { start, resamples: 200, seed: r });
      const sorted = Float64Array.from(b.breakpoints[0]).sort();
      if (quantile(sorted, 0.025) <= 5 && 5 <= quantile(sorted, 0.975)) covered++;
    }
    expect(covered / reps).toBeGreaterThan(0.8);
  });

  it('counts every resample as failed, without throwing, when the start is not admissible', () => {
    const { x, y } = broken(9, 50);
    const b = bootstrapSegmented(x, y, { start: [-3], resamples: 20 });
    expect(b.failures).toBe(20);
    expect(b.failureReasons).toEqual({ start_not_admissible: 20, singular: 0, not_converged: 0, inadmissible: 0 });
    expect(b.breakpoints[0].every((v) => Number.isNaN(v))).toBe(true);
  });
});

describe('bootstrapSegmented with the estimate on the search bound', () => {
  // Publication years 2000–2024 with the slope doubling at 2023.6, beyond the 95% quantile of x:
  // the fit's breakpoint is pinned on the upper search bound.
  const rng = createRng(21);
  const x = Array.from({ length: 200 }, () => 2000 + 24 * rng.next());
  const y = x.map((v) => 15 + 0.3 * (v - 2000) + 3 * Math.max(v - 2023.6, 0) + 0.1 * rng.normal());
  const fit = fitSegmented(x, y, { k: 1 });
  const bound = fit.bounds[1];

  it('the constructed fit sits on the bound', () => {
    expect(fit.breakpoints[0].estimate).toBe(bound);
  });

  it('runs from a start within round-off of the bound, on either side, as from the bound itself', () => {
    const at = bootstrapSegmented(x, y, { start: [bound], resamples: 100, seed: 3 });
    expect(at.failures).toBeLessThan(10);
    // A year near 2023 is a double with steps (ulps) of 4.5e-13: the estimate, written in years and
    // read back relative to the mean year, lands that far from the bound (issue 15 saw 4.6e-14 past it).
    const ulp = 2 ** (Math.floor(Math.log2(bound)) - 52);
    expect(ulp).toBeLessThan(1e-12);
    for (const delta of [ulp, -ulp, 2 * ulp, -2 * ulp, 4 * ulp]) {
      const b = bootstrapSegmented(x, y, { start: [bound + delta], resamples: 100, seed: 3 });
      expect(b.failures).toBe(at.failures);
      // Put on the bound, the start gives the same resamples (below it, ψ moves to the same minimum).
      b.breakpoints[0].forEach((v, r) => (Number.isNaN(v) ? expect(at.breakpoints[0][r]).toBeNaN() : expect(v).toBeCloseTo(at.breakpoints[0][r], 9)));
    }
  });

  it('a start clearly beyond the bound is not moved: every resample fails, none throws', () => {
    const b = bootstrapSegmented(x, y, { start: [bound + 1e-3], resamples: 10, seed: 3 });
    expect(b.failureReasons.start_not_admissible).toBe(10);
  });
});

describe('bootstrapSegmented with segment rules', () => {
  it('fails a resample whose fit breaks them, counts it by reason, and keeps NaN out of the quantiles', () => {
    const { x, y } = broken(12, 120);
    const start = fitSegmented(x, y, { k: 1 }).breakpoints.map((b) => b.estimate);
    // A minimum last-segment length just under the full-data one: resamples whose ψ moves right fail.
    const minSegmentLength = Math.max(...x) - start[0] - 0.05;
    const b = bootstrapSegmented(x, y, { start, resamples: 200, seed: 4, minSegmentLength });
    expect(b.failureReasons.inadmissible).toBeGreaterThan(0);
    expect(b.failures).toBe(Object.values(b.failureReasons).reduce((a, c) => a + c, 0));
    const ok = b.breakpoints[0].filter((v) => !Number.isNaN(v));
    expect(ok.length).toBe(200 - b.failures);
    for (const v of ok) expect(Math.max(...x) - v).toBeGreaterThanOrEqual(minSegmentLength - 1e-9);
    expect(Number.isNaN(b.breakpointQuantiles[0][1].value)).toBe(false);
  });
});

describe('bootstrapOls draws', () => {
  /** The loop as written before the generator was inlined: one rng.int and (with noise) one rng.next a row. */
  function reference(x: number[], y: number[], resamples: number, seed: number, noise: number) {
    const n = x.length;
    const mean = (v: number[]) => {
      const m = v.reduce((s, t) => s + t, 0) / n;
      return m + v.reduce((s, t) => s + (t - m), 0) / n;
    };
    const mx = mean(x);
    const my = mean(y);
    const xc = x.map((v) => v - mx);
    const yc = y.map((v) => v - my);
    const rng = createRng(seed);
    const slopes: number[] = [];
    const intercepts: number[] = [];
    for (let r = 0; r < resamples; r++) {
      let sx = 0, sy = 0, sxx = 0, sxy = 0;
      for (let i = 0; i < n; i++) {
        const j = rng.int(n);
        const xi = xc[j];
        const yi = noise > 0 ? yc[j] + noise * (2 * rng.next() - 1) : yc[j];
        sx += xi;
        sy += yi;
        sxx += xi * xi;
        sxy += xi * yi;
      }
      const dxx = sxx - (sx * sx) / n;
      const slope = dxx > 1e-12 * sxx ? (sxy - (sx * sy) / n) / dxx : NaN;
      slopes.push(slope);
      intercepts.push(my + sy / n - slope * (mx + sx / n));
    }
    return { slopes, intercepts };
  }

  it('are those of rng.int then rng.next, bit for bit, with and without noise', () => {
    const { x, y } = line(7, 257);
    for (const noise of [0, Math.log10(2)]) {
      const got = bootstrapOls(x, y, { resamples: 40, seed: 20220215, noise });
      const want = reference(x, y, 40, 20220215, noise);
      expect(Array.from(got.slopes)).toEqual(want.slopes);
      expect(Array.from(got.intercepts)).toEqual(want.intercepts);
    }
  });

  it('counts resamples with constant x as failures, as the reference leaves them NaN', () => {
    const x = [1, 1, 1, 1, 2];
    const y = [3, 4, 5, 6, 9];
    const got = bootstrapOls(x, y, { resamples: 200, seed: 3 });
    const want = reference(x, y, 200, 3, 0);
    expect(Array.from(got.slopes)).toEqual(want.slopes);
    expect(got.failures).toBe(want.slopes.filter((v) => Number.isNaN(v)).length);
    expect(got.failures).toBeGreaterThan(0);
  });
});
