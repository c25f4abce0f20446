/**
 * The frontier: record-setting systems (each above every earlier one in training compute, records
 * counted from the deep-learning era's start) and Epoch AI's frontier, the running top 10 at release.
 */
import { dateInWords } from '../values/dates.ts';
import type { FrontierAnalysis } from '../schema/fits.ts';
import { RUNNING_TOP_N } from './literature.ts';
import { idAt, nameAt, rowsIn, seriesOf, subsetIn, type Series } from './series.ts';
import { SEED_OFFSET } from './seeds.ts';
import { isSorted } from './stats/sorted.ts';
import type { AnalysisTable } from './table.ts';
import { fitTrend, type TrendOptions } from './trend.ts';
import { rowInWindow, yearWindow } from './windows.ts';

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

/**
 * The running top k: points among the k largest of all points up to their own x (ties at one x
 * counted together), in that order. A point is in it when at most k − 1 points at or before its x
 * have a larger y. Epoch AI's frontier is the running top 10.
 */
export function runningTop(s: Series, k: number): Set<number> {
  const { x, y } = s;
  const keep = new Set<number>();
  if (k <= 0) return keep;
  const order = isSorted(x) ? null : Array.from({ length: x.length }, (_, i) => i).sort((a, b) => x[a] - x[b] || (idAt(s, a) < idAt(s, b) ? -1 : 1));
  const at = (j: number) => (order === null ? j : order[j]);
  // The k largest y so far, largest first.
  const top: number[] = [];
  for (let from = 0; from < x.length; ) {
    let to = from + 1;
    while (to < x.length && x[at(to)] === x[at(from)]) to++;
    for (let j = from; j < to; j++) {
      const v = y[at(j)];
      if (top.length === k && v <= top[k - 1]) continue;
      let p = top.length;
      while (p > 0 && top[p - 1] < v) p--;
      top.splice(p, 0, v);
      if (top.length > k) top.pop();
    }
    const threshold = top.length < k ? -Infinity : top[k - 1];
    for (let j = from; j < to; j++) if (y[at(j)] >= threshold) keep.add(at(j));
    from = to;
  }
  return keep;
}

/**
 * The frontier from `fromIso` on (the deep-learning era's start): the record-setters, records
 * counted from that date so that an early estimate (two 2007 n-gram models, CPU-cluster estimates)
 * cannot hold the record into the era; and the running top 10 at release (Epoch AI's frontier),
 * which counts every earlier system. Each with its trend.
 */
export function analyzeFrontier(table: AnalysisTable, trend: TrendOptions, fromIso: string): FrontierAnalysis {
  const w = yearWindow(fromIso, '9999-12-31');
  const since = seriesOf(table, table.flop, (i) => rowInWindow(table, i, w));
  const setters = recordSetters(since);
  const all = seriesOf(table, table.flop);
  const rows = rowsIn(all, table)!;
  const allTop = runningTop(all, RUNNING_TOP_N);
  const top = new Set([...allTop].filter((i) => rowInWindow(table, rows[i], w)));
  const dateOf = `published from ${dateInWords(fromIso)}`;
  // The all-time record at the era's start, and who first beat it after.
  let holder = -1;
  for (const i of recordSetters(all)) if (!rowInWindow(table, rows[i], w) && (holder === -1 || all.y[i] > all.y[holder])) holder = i;
  let until = -1;
  if (holder !== -1) {
    for (let i = 0; i < all.x.length; i++) {
      if (!rowInWindow(table, rows[i], w) || !(all.y[i] > all.y[holder])) continue;
      if (until === -1 || all.x[i] < all.x[until] || (all.x[i] === all.x[until] && idAt(all, i) < idAt(all, until))) until = i;
    }
  }
  const r6 = (v: number) => Number(v.toPrecision(6));
  const held_record =
    holder === -1
      ? null
      : {
          id: idAt(all, holder),
          name: nameAt(all, holder),
          year: r6(all.x[holder]),
          flop: r6(10 ** all.y[holder]),
          until: until === -1 ? null : { id: idAt(all, until), name: nameAt(all, until), year: r6(all.x[until]) },
        };
  return {
    record_from: fromIso,
    held_record,
    record_setter_ids: [...setters].sort((a, b) => a - b).map((i) => idAt(since, i)),
    record_setters: fitTrend(subsetIn(since, setters), { ...trend, seed: trend.seed + SEED_OFFSET.record_setters, minPoints: 4, subject: { noun: 'record-setter', detail: dateOf } }),
    running_top_n: RUNNING_TOP_N,
    running_top_ids: [...top].sort((a, b) => a - b).map((i) => idAt(all, i)),
    running_top: fitTrend(subsetIn(all, top), { ...trend, seed: trend.seed + SEED_OFFSET.running_top, subject: { noun: 'system', detail: `in the running top ${RUNNING_TOP_N} ${dateOf}` } }),
  };
}
