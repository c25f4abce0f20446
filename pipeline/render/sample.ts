/**
 * What a chart draws when it has too many points to draw them all: the rule, in one place.
 *
 * Up to MAX_DRAWN points, a chart draws every one. Above it, it draws MAX_DRAWN of them: first
 * every landmark (record-setters, and whatever else the chart names), then one point of every
 * publication year (so the whole span stays visible), then a seeded random sample of the rest,
 * stratified by publication year in proportion to each year's count. Trends, counts and captions
 * are always computed on every point; the caption says how many were drawn.
 *
 * The rule is a ranking, so it also serves the Explorer: each system gets a rank once, here, and
 * the browser draws the matching systems of lowest rank. A subset of a stratified random order is
 * itself (close to) a stratified random sample of that subset.
 */
import { createRng } from '../analyze/stats/index.ts';

/** Most points a chart draws; above it, the sample. */
export const MAX_DRAWN = 3000;

/** The seed of the sample: the same data give the same points drawn. */
export const SAMPLE_SEED = 20200;

/**
 * A rank per point, lowest first drawn: landmarks −2, the first point drawn of each year −1,
 * the others (k + 0.5) / n for the k-th of the n points of their year in a seeded shuffle.
 */
export function sampleRanks(years: ArrayLike<number>, isLandmark: (i: number) => boolean, seed = SAMPLE_SEED): Float64Array {
  const n = years.length;
  const byYear = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const y = Math.floor(years[i]);
    let list = byYear.get(y);
    if (!list) byYear.set(y, (list = []));
    list.push(i);
  }
  const ranks = new Float64Array(n);
  const rng = createRng(seed);
  for (const year of [...byYear.keys()].sort((a, b) => a - b)) {
    const list = byYear.get(year)!;
    // Fisher–Yates with the seeded generator: the order depends on the data and the seed only.
    for (let k = list.length - 1; k > 0; k--) {
      const j = Math.floor(rng.next() * (k + 1));
      const t = list[k];
      list[k] = list[j];
      list[j] = t;
    }
    list.forEach((i, k) => {
      ranks[i] = k === 0 ? -1 : (k + 0.5) / list.length;
    });
  }
  for (let i = 0; i < n; i++) if (isLandmark(i)) ranks[i] = -2;
  return ranks;
}

export interface Sampled<T> {
  /** The points drawn, in their original order. */
  drawn: T[];
  /** How many points there were. */
  total: number;
  /** How many of the drawn are landmarks. */
  landmarks: number;
}

/** The points a chart draws: all of them up to `max`, else the `max` of lowest rank. */
export function drawnPoints<T extends { year: number }>(points: readonly T[], isLandmark: (p: T) => boolean, max = MAX_DRAWN, seed = SAMPLE_SEED): Sampled<T> {
  const landmarks = points.reduce((n, p) => n + (isLandmark(p) ? 1 : 0), 0);
  if (points.length <= max) return { drawn: [...points], total: points.length, landmarks };
  const ranks = sampleRanks(
    points.map((p) => p.year),
    (i) => isLandmark(points[i]),
    seed,
  );
  // The `max` lowest ranks (ties: the earlier point): a threshold from a numeric sort, no comparator.
  const count = Math.max(max, landmarks);
  const threshold = Float64Array.from(ranks).sort()[count - 1];
  let below = 0;
  for (let i = 0; i < ranks.length; i++) if (ranks[i] < threshold) below++;
  let ties = count - below;
  const drawn = points.filter((_, i) => ranks[i] < threshold || (ranks[i] === threshold && ties-- > 0));
  return { drawn, total: points.length, landmarks };
}
