/**
 * The frontier: record-setting systems (each above every earlier one in training compute) and the
 * ten largest systems of each calendar year, with their trends.
 */
import type { FrontierAnalysis } from '../schema/fits.ts';
import { subset, type Series } from './series.ts';
import { fitTrend, type TrendOptions } from './trend.ts';

export function recordSetters(s: Series): Set<number> {
  const order = Array.from({ length: s.x.length }, (_, i) => i).sort((a, b) => s.x[a] - s.x[b] || (s.ids[a] < s.ids[b] ? -1 : 1));
  const keep = new Set<number>();
  let best = -Infinity;
  for (const i of order) {
    if (s.y[i] > best) {
      keep.add(i);
      best = s.y[i];
    }
  }
  return keep;
}

export function topPerYear(s: Series, k: number): Set<number> {
  const byYear = new Map<number, number[]>();
  for (let i = 0; i < s.x.length; i++) {
    const year = Math.floor(s.x[i]);
    // Append in place: copying the year's list on every point made this quadratic (minutes at 1e6 rows).
    const list = byYear.get(year);
    if (list) list.push(i);
    else byYear.set(year, [i]);
  }
  const keep = new Set<number>();
  for (const idx of byYear.values()) {
    idx.sort((a, b) => s.y[b] - s.y[a] || (s.ids[a] < s.ids[b] ? -1 : 1));
    for (const i of idx.slice(0, k)) keep.add(i);
  }
  return keep;
}

export function analyzeFrontier(s: Series, trend: TrendOptions, fromYear: number): FrontierAnalysis {
  const setters = recordSetters(s);
  const top = topPerYear(s, 10);
  const recent = (i: number) => s.x[i] >= fromYear;
  return {
    record_setter_ids: [...setters].map((i) => s.ids[i]),
    record_setters: fitTrend(subset(s, (i) => setters.has(i) && recent(i)), { ...trend, seed: trend.seed + 11, minPoints: 4 }),
    top10_ids: [...top].filter(recent).map((i) => s.ids[i]).sort(),
    top10: fitTrend(subset(s, (i) => top.has(i) && recent(i)), { ...trend, seed: trend.seed + 12 }),
  };
}
