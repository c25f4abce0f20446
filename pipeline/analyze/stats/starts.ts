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

function binomial(g: number, k: number): number {
  let c = 1;
  for (let i = 0; i < k; i++) c = (c * (g - i)) / (i + 1);
  return c;
}

/**
 * Candidate start vectors (sorted, centred units, all feasible), best grid combinations first.
 * `sortedX` is the centred, sorted x of the sums; `alpha` the quantile level of the bounds.
 */
export function autoStarts(
  solver: MuggeoSolver,
  sortedX: ArrayLike<number>,
  k: number,
  bounds: MuggeoOptions,
  alpha: number,
  plan: StartPlan,
  rng: Rng,
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
  const best: { rss: number; psi: Float64Array }[] = [];
  const psi = new Float64Array(k);
  const idx = new Int32Array(k);
  for (let j = 0; j < k; j++) idx[j] = j;
  while (k > 0) {
    for (let j = 0; j < k; j++) psi[j] = grid[idx[j]];
    if (solver.feasible(psi, k, bounds)) {
      const rss = solver.rssAt(psi, k);
      if (rss < Infinity && (best.length < keep || rss < best[best.length - 1].rss)) {
        best.push({ rss, psi: psi.slice() });
        best.sort((u, v) => u.rss - v.rss);
        if (best.length > keep) best.pop();
      }
    }
    // Next k-subset of 0..g−1 in lexicographic order.
    let j = k - 1;
    while (j >= 0 && idx[j] === g - k + j) j--;
    if (j < 0) break;
    idx[j]++;
    for (let t = j + 1; t < k; t++) idx[t] = idx[t - 1] + 1;
  }
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
  return starts;
}
