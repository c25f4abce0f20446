/**
 * The frontier: record-setting systems (each above every earlier one in training compute) and the
 * ten largest systems of each calendar year, with their trends.
 */
import type { FrontierAnalysis } from '../schema/fits.ts';
import { idAt, subsetIn, type Series } from './series.ts';
import { isSorted } from './stats/sorted.ts';
import { SEED_OFFSET } from './seeds.ts';
import { fitTrend, type TrendOptions } from './trend.ts';

/**
 * Points that beat every earlier one (by x, ties by id), in that order. A point at or below the
 * running best can neither set a record nor raise the best, so in date order (every series cut
 * from the table) only the few points above the best need their ids compared, not a million.
 */
export function recordSetters(s: Series): Set<number> {
  const { x, y } = s;
  const keep = new Set<number>();
  if (!isSorted(x)) {
    // Any order: the definition, by a sort of every point.
    const ids = s.ids;
    const order = Array.from({ length: x.length }, (_, i) => i).sort((a, b) => x[a] - x[b] || (ids[a] < ids[b] ? -1 : 1));
    let best = -Infinity;
    for (const i of order) {
      if (y[i] > best) {
        keep.add(i);
        best = y[i];
      }
    }
    return keep;
  }
  let best = -Infinity;
  const above: number[] = [];
  for (let from = 0; from < x.length; ) {
    // The points at one x, from..to−1; those above the best so far, by id, may set records.
    let to = from + 1;
    while (to < x.length && x[to] === x[from]) to++;
    above.length = 0;
    for (let i = from; i < to; i++) if (y[i] > best) above.push(i);
    if (above.length > 1) above.sort((a, b) => (idAt(s, a) < idAt(s, b) ? -1 : 1));
    for (const i of above) {
      if (y[i] > best) {
        keep.add(i);
        best = y[i];
      }
    }
    from = to;
  }
  return keep;
}

/** The k points of largest y (ties by id) of each calendar year. */
export function topPerYear(s: Series, k: number): Set<number> {
  const { x, y } = s;
  // Before: p after q (p is worse) when y is smaller, or equal with a larger id.
  const worse = (p: number, q: number) => y[p] < y[q] || (y[p] === y[q] && !(idAt(s, p) < idAt(s, q)));
  // Each year's best k so far, best first, kept by insertion: a full sort of each year's points
  // (tens of thousands at 1e6 records) compared ids for every tie in y.
  const byYear = new Map<number, number[]>();
  for (let i = 0; i < x.length; i++) {
    const year = Math.floor(x[i]);
    let top = byYear.get(year);
    if (!top) byYear.set(year, (top = []));
    if (top.length === k && (k === 0 || worse(i, top[k - 1]))) continue;
    let at = top.length;
    while (at > 0 && worse(top[at - 1], i)) at--;
    top.splice(at, 0, i);
    if (top.length > k) top.pop();
  }
  const keep = new Set<number>();
  for (const top of byYear.values()) for (const i of top) keep.add(i);
  return keep;
}

export function analyzeFrontier(s: Series, trend: TrendOptions, fromYear: number): FrontierAnalysis {
  const setters = recordSetters(s);
  const top = topPerYear(s, 10);
  const recent = (i: number) => s.x[i] >= fromYear;
  return {
    record_setter_ids: [...setters].map((i) => idAt(s, i)),
    record_setters: fitTrend(subsetIn(s, setters, recent), { ...trend, seed: trend.seed + SEED_OFFSET.record_setters, minPoints: 4, subject: { noun: 'record-setter', detail: `published from ${fromYear}` } }),
    top10_ids: [...top].filter(recent).map((i) => idAt(s, i)).sort(),
    top10: fitTrend(subsetIn(s, top, recent), { ...trend, seed: trend.seed + SEED_OFFSET.top10, subject: { noun: 'system', detail: `among the ten largest of its year published from ${fromYear}` } }),
  };
}
