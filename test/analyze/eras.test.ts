import { describe, expect, it } from 'vitest';
import { analyzeEras, DEFAULT_ERA_PARAMETERS, mainEraFits, windowZScores } from '../../pipeline/analyze/eras.ts';
import { recordSetters, runningTop } from '../../pipeline/analyze/frontier.ts';
import type { Series } from '../../pipeline/analyze/series.ts';
import { createRng } from '../../pipeline/analyze/stats/index.ts';
import { computed } from '../helpers/fits.ts';

function series(points: [number, number][]): Series {
  return { ids: points.map((_, i) => `s${i}`), names: points.map((_, i) => `S${i}`), x: Float64Array.from(points, (p) => p[0]), y: Float64Array.from(points, (p) => p[1]) };
}

/** The definition, computed the slow way: population SD among points within ±w years, itself included. */
function naiveZ(s: Series, w: number): number[] {
  return Array.from(s.x, (xi, i) => {
    const ys = Array.from(s.y).filter((_, j) => Math.abs(s.x[j] - xi) <= w);
    const m = ys.reduce((a, b) => a + b, 0) / ys.length;
    const sd = Math.sqrt(ys.reduce((a, b) => a + (b - m) ** 2, 0) / ys.length);
    return sd > 1e-12 ? (s.y[i] - m) / sd : 0;
  });
}

describe('three eras (Sevilla et al. 2022)', () => {
  const rng = createRng(7);
  const pts: [number, number][] = Array.from({ length: 300 }, () => {
    const x = 1960 + 64 * rng.next();
    return [x, (x < 2010 ? 0.15 * (x - 1960) : 7.5 + 0.6 * (x - 2010)) + rng.next() * 2 - 1];
  });
  const s = series(pts);

  it('z-scores within a ±1-year window match the definition', () => {
    const fast = windowZScores(s, 1);
    naiveZ(s, 1).forEach((z, i) => expect(fast[i]).toBeCloseTo(z, 9));
  });

  it('splits the eras at the boundaries and recovers each slope', () => {
    const eras = analyzeEras(s, DEFAULT_ERA_PARAMETERS, { resamples: 200, seed: 1, noise: Math.log10(2) });
    expect(computed(eras.pre_deep_learning).x_range[1]).toBeLessThan(2010);
    expect(computed(eras.deep_learning).x_range[0]).toBeGreaterThanOrEqual(2010);
    expect(computed(eras.pre_deep_learning).slope).toBeCloseTo(0.15, 1);
    expect(computed(eras.deep_learning).slope).toBeCloseTo(0.6, 1);
    const b = computed(computed(eras.deep_learning).bootstrap);
    expect(b.doubling_months.lo).toBeLessThan(computed(eras.deep_learning).doubling_months);
    expect(b.doubling_months.hi).toBeGreaterThan(computed(eras.deep_learning).doubling_months);
    // Large-scale systems: all from the LS start on, all with z above the threshold.
    const z = windowZScores(s, 1);
    for (const id of eras.large_scale_ids) {
      const i = s.ids.indexOf(id);
      expect(s.x[i]).toBeGreaterThanOrEqual(2015.66);
      expect(z[i]).toBeGreaterThan(0.76);
    }
  });

  it('lists and excludes low outliers (z < −2)', () => {
    const withOutlier = series([...pts, [2020.5, -5]]);
    const eras = analyzeEras(withOutlier, DEFAULT_ERA_PARAMETERS, { resamples: 0, seed: 1, noise: 0 });
    expect(eras.low_outliers.map((o) => o.id)).toContain(`s${pts.length}`);
    expect(computed(eras.deep_learning).n).toBe(pts.filter((p) => p[0] >= 2010).length + 1 - eras.low_outliers.filter((o) => o.year >= 2010).length);
  });

  it('the same seed gives the same intervals', () => {
    const a = analyzeEras(s, DEFAULT_ERA_PARAMETERS, { resamples: 100, seed: 3, noise: Math.log10(2) });
    const b = analyzeEras(s, DEFAULT_ERA_PARAMETERS, { resamples: 100, seed: 3, noise: Math.log10(2) });
    expect(a).toEqual(b);
  });
});

describe('frontier', () => {
  const s = series([
    [2012.1, 17],
    [2012.5, 16],
    [2013.0, 18],
    [2013.2, 18],
    [2014.0, 17.5],
    [2015.0, 19],
  ]);
  it('record setters beat every earlier system (ties do not set records)', () => {
    expect([...recordSetters(s)].sort()).toEqual([0, 2, 5]);
  });
  it('the running top k: at most k − 1 systems at or before a system’s date have more compute', () => {
    expect([...runningTop(s, 1)].sort()).toEqual([0, 2, 3, 5]);
    expect([...runningTop(s, 2)].sort()).toEqual([0, 1, 2, 3, 5]);
  });
});

describe('trend bootstrap with degenerate resamples', () => {
  it('leaves resamples without a slope (all x equal) out of the interval instead of returning NaN', async () => {
    const { fitTrend } = await import('../../pipeline/analyze/trend.ts');
    // Seven points, four at one x: a few resamples draw only that x and have no slope.
    const s = series([
      [2015, 18],
      [2015, 18.5],
      [2015, 19],
      [2015, 18.2],
      [2016, 19.1],
      [2017, 20],
      [2018, 20.4],
    ]);
    const fit = computed(fitTrend(s, { resamples: 200, seed: 1, noise: 0 }));
    const b = computed(fit.bootstrap);
    for (const v of [b.slope.lo, b.slope.median, b.slope.hi, b.doubling_months.lo, b.doubling_months.hi]) expect(Number.isNaN(v)).toBe(false);
  });

  it('gives no interval, and says why, when too many resamples have no slope', async () => {
    const { fitTrend } = await import('../../pipeline/analyze/trend.ts');
    const { messages } = await import('../../pipeline/messages.ts');
    // Five points, four at one x: (4/5)^5 ≈ a third of the resamples draw only that x.
    const s = series([
      [2015, 18],
      [2015, 18.5],
      [2015, 19],
      [2015, 18.2],
      [2017, 20],
    ]);
    const fit = computed(fitTrend(s, { resamples: 200, seed: 1, noise: 0 }));
    expect(fit.slope).toBeGreaterThan(0);
    expect(fit.bootstrap.computed).toBe(false);
    if (fit.bootstrap.computed) return;
    expect(fit.bootstrap.n).toBeLessThan(180);
    expect(fit.bootstrap.reason).toBe(messages.bootstrapTooFewSucceeded(fit.bootstrap.n, 200, 0.9));
  });
});

describe('eras at scale: the shortcuts give the definition', () => {
  const rng = createRng(11);
  // Date-ordered points with many ties in x (days), as a series cut from the table is.
  const pts: [number, number][] = Array.from({ length: 2000 }, () => {
    const x = 1990 + Math.floor(365 * 34 * rng.next()) / 365;
    return [x, (x < 2010 ? 0.15 * (x - 1990) : 3 + 0.6 * (x - 2010)) + 2 * rng.normal()] as [number, number];
  }).sort((a, b) => a[0] - b[0]);
  const sorted = series(pts);
  const trend = { resamples: 30, seed: 5, noise: Math.log10(2) };

  it('z-scores of date-ordered points (taken in order, unsorted) match the definition and the same points shuffled', () => {
    const perm = Array.from({ length: pts.length }, (_, i) => i).sort((a, b) => ((a * 7919) % 2003) - ((b * 7919) % 2003));
    const shuffled = series(perm.map((i) => pts[i]));
    const z = windowZScores(sorted, 1);
    const zs = windowZScores(shuffled, 1);
    naiveZ(sorted, 1).forEach((v, i) => expect(z[i]).toBeCloseTo(v, 9));
    perm.forEach((from, k) => expect(zs[k]).toBeCloseTo(z[from], 9));
  });

  it('mainEraFits and repeated calls give the fits of analyzeEras, as copies', () => {
    const eras = analyzeEras(sorted, DEFAULT_ERA_PARAMETERS, trend);
    const main = mainEraFits(sorted, { ...DEFAULT_ERA_PARAMETERS, z_threshold: 0.76 }, trend);
    expect(main.deep_learning).toEqual(eras.deep_learning);
    expect(main.large_scale).toEqual(eras.large_scale);
    expect(main.deep_learning).not.toBe(eras.deep_learning);
    // A fresh series with the same points computes them again, to the same values.
    expect(mainEraFits(series(pts), DEFAULT_ERA_PARAMETERS, trend)).toEqual(main);
    // Another large-scale threshold changes the large-scale fit only.
    const other = mainEraFits(sorted, { ...DEFAULT_ERA_PARAMETERS, z_threshold: 0.5 }, trend);
    expect(other.deep_learning).toEqual(eras.deep_learning);
    expect(other.large_scale!.n).toBeGreaterThan(eras.large_scale!.n);
  });
});

describe('frontier at scale: the shortcuts give the definition', () => {
  const rng = createRng(12);
  // Many points on few dates, with equal y on some, and ids that do not follow the row order.
  const pts: [number, number][] = Array.from({ length: 3000 }, () => [2000 + Math.floor(40 * rng.next()) / 4, Math.round(10 * (15 + 8 * rng.next())) / 10] as [number, number]).sort((a, b) => a[0] - b[0]);
  const s: Series = { ...series(pts), ids: pts.map((_, i) => `s${(i * 7919) % 3001}`) };

  /** As first written: a full sort of every point by x, then id. */
  function setters(t: Series): number[] {
    const order = Array.from({ length: t.x.length }, (_, i) => i).sort((a, b) => t.x[a] - t.x[b] || (t.ids[a] < t.ids[b] ? -1 : 1));
    const keep: number[] = [];
    let best = -Infinity;
    for (const i of order) if (t.y[i] > best) keep.push(i), (best = t.y[i]);
    return keep;
  }
  /** The definition, by brute force: fewer than k points at or before x_i with a larger y. */
  function top(t: Series, k: number): number[] {
    const out: number[] = [];
    for (let i = 0; i < t.x.length; i++) {
      let larger = 0;
      for (let j = 0; j < t.x.length; j++) if (t.x[j] <= t.x[i] && t.y[j] > t.y[i]) larger++;
      if (k > 0 && larger < k) out.push(i);
    }
    return out;
  }

  it('record setters, in order, on date-ordered and on unordered points', () => {
    expect([...recordSetters(s)]).toEqual(setters(s));
    const perm = Array.from({ length: pts.length }, (_, i) => (i * 1009) % pts.length);
    const shuffled: Series = { ids: perm.map((i) => s.ids[i]), names: perm.map((i) => s.names[i]), x: Float64Array.from(perm, (i) => s.x[i]), y: Float64Array.from(perm, (i) => s.y[i]) };
    expect([...recordSetters(shuffled)]).toEqual(setters(shuffled));
  });

  it('the running top k, on date-ordered and on unordered points', () => {
    for (const k of [0, 1, 10]) expect([...runningTop(s, k)].sort((a, b) => a - b)).toEqual(top(s, k));
    const perm = Array.from({ length: pts.length }, (_, i) => (i * 1009) % pts.length);
    const shuffled: Series = { ids: perm.map((i) => s.ids[i]), names: perm.map((i) => s.names[i]), x: Float64Array.from(perm, (i) => s.x[i]), y: Float64Array.from(perm, (i) => s.y[i]) };
    expect([...runningTop(shuffled, 10)].sort((a, b) => a - b)).toEqual(top(shuffled, 10));
  });
});
