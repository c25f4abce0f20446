/**
 * Starting values for the breakpoint search. Muggeo's iteration finds a local minimum of the RSS
 * near its start, and segmented-regression RSS surfaces have several (R's own automatic search
 * misses the K = 2 optimum of muggeo1.csv). Because an RSS evaluation costs O(K log n + p³) on the
 * sufficient statistics, we can afford to screen every combination of a quantile grid, then
 * iterate from the best few plus R's default start plus a few seeded random ones.
 */
import type { MuggeoOptions, MuggeoSolver } from './muggeo.ts';
import { quantile } from './quantile.ts';
import type { Rng } from './rng.ts';

/** How many starts of each kind to run. */
export interface StartPlan {
  /** Best grid combinations to iterate from. */
  gridStarts: number;
  /** Seeded uniform random starts within the bounds. */
  randomStarts: number;
  /** Upper bound on grid combinations screened (sets the grid size for each K). */
  maxCombinations: number;
}

/** R's default alpha for the admissible range of ψ (segmented 1.6): max(0.05, 1/n). */
export function defaultAlpha(n: number): number {
  return Math.max(0.05, 1 / n);
}

/** The admissible range [Q(alpha), Q(1 − alpha)] of sorted x (type-7 quantiles, as R). */
export function psiBounds(sortedX: ArrayLike<number>, alpha: number): [number, number] {
  return [quantile(sortedX, alpha), quantile(sortedX, 1 - alpha)];
}

/**
 * With segment rules, this many times the grid and random starts again among admissible
 * configurations: the RSS surface has many local minima (a kink at every data point), and starts
 * near the edge of the rules often lead out of them, so the admissible optimum needs more tries.
 * (On the 2024-10 export, K = 3, 8 admissible grid starts found a minimum with BIC 0.013 above the
 * one R reached from its default start.)
 */
const ADMISSIBLE_FACTOR = 3;

function binomial(g: number, k: number): number {
  let c = 1;
  for (let i = 0; i < k; i++) c = (c * (g - i)) / (i + 1);
  return c;
}

/**
 * Candidate start vectors (sorted, centred units, all feasible), best grid combinations first.
 * `sortedX` is the centred, sorted x of the sums; `alpha` the quantile level of the bounds.
 * `constrained` (the bounds with segment rules) adds the best admissible grid combinations first
 * and as many admissible random starts; without it the starts are exactly those of before.
 */
export function autoStarts(
  solver: MuggeoSolver,
  sortedX: ArrayLike<number>,
  k: number,
  bounds: MuggeoOptions,
  alpha: number,
  plan: StartPlan,
  rng: Rng,
  constrained: MuggeoOptions | null = null,
): Float64Array[] {
  const starts: Float64Array[] = [];
  const add = (v: Float64Array): void => {
    if (!solver.feasible(v, k, bounds)) return;
    if (starts.some((s) => s.every((t, j) => t === v[j]))) return;
    starts.push(v);
  };

  // Grid screen: g evenly spaced quantile positions strictly inside [lo, hi]; all k-subsets.
  let g = 64;
  while (g > k + 1 && binomial(g, k) > plan.maxCombinations) g--;
  const lo = bounds.lo;
  const hi = bounds.hi;
  const grid = new Float64Array(g);
  for (let i = 0; i < g; i++) grid[i] = quantile(sortedX, alpha + ((1 - 2 * alpha) * (i + 0.5)) / g);
  const keep = plan.gridStarts;
  // The best combinations, and with segment rules also the best admissible ones: the RSS surface's
  // lowest grid points often sit around a narrow cluster the rules forbid, and a start among them
  // would lead every run there.
  const best: { rss: number; psi: Float64Array }[] = [];
  const bestAdmissible: { rss: number; psi: Float64Array }[] = [];
  const offer = (list: { rss: number; psi: Float64Array }[], rss: number, v: Float64Array, size: number) => {
    if (list.length < size || rss < list[list.length - 1].rss) {
      list.push({ rss, psi: v.slice() });
      list.sort((u, w) => u.rss - w.rss);
      if (list.length > size) list.pop();
    }
  };
  const psi = new Float64Array(k);
  const idx = new Int32Array(k);
  for (let j = 0; j < k; j++) idx[j] = j;
  while (k > 0) {
    for (let j = 0; j < k; j++) psi[j] = grid[idx[j]];
    if (solver.feasible(psi, k, bounds)) {
      const rss = solver.rssAt(psi, k);
      if (rss < Infinity) {
        offer(best, rss, psi, keep);
        if (constrained && solver.feasible(psi, k, constrained)) offer(bestAdmissible, rss, psi, ADMISSIBLE_FACTOR * keep);
      }
    }
    // Next k-subset of 0..g−1 in lexicographic order.
    let j = k - 1;
    while (j >= 0 && idx[j] === g - k + j) j--;
    if (j < 0) break;
    idx[j]++;
    for (let t = j + 1; t < k; t++) idx[t] = idx[t - 1] + 1;
  }
  for (const b of bestAdmissible) add(b.psi);
  for (const b of best) add(b.psi);

  // R's default start: quantiles at 1/(k+1), ..., k/(k+1).
  const r = new Float64Array(k);
  for (let j = 0; j < k; j++) r[j] = quantile(sortedX, (j + 1) / (k + 1));
  add(r);

  // Seeded random starts, redrawn (a bounded number of times) when infeasible.
  for (let s = 0; s < plan.randomStarts; s++) {
    for (let attempt = 0; attempt < 20; attempt++) {
      const v = new Float64Array(k);
      for (let j = 0; j < k; j++) v[j] = rng.uniform(lo, hi);
      v.sort();
      if (solver.feasible(v, k, bounds)) {
        add(v);
        break;
      }
    }
  }
  // With segment rules, as many seeded random starts that meet them.
  for (let s = 0; constrained && s < ADMISSIBLE_FACTOR * plan.randomStarts; s++) {
    for (let attempt = 0; attempt < 20; attempt++) {
      const v = new Float64Array(k);
      for (let j = 0; j < k; j++) v[j] = rng.uniform(lo, hi);
      v.sort();
      if (solver.feasible(v, k, constrained)) {
        add(v);
        break;
      }
    }
  }
  return starts;
}
