/**
 * The frontier as Epoch AI defines it for its cost and power trends: a system is a frontier
 * system when, at its publication date, it is among the k systems with the most training compute
 * published up to then (k = 10): the running top k of the Frontier page (frontier.ts runningTop),
 * here as a flag per table row for the trend analyses.
 */
import { runningTop } from './frontier.ts';
import { RUNNING_TOP_N } from './literature.ts';
import { collectIndexes, gather, positiveRows } from './series.ts';

export const FRONTIER_TOP_K = RUNNING_TOP_N;

export const FRONTIER_DEFINITION = (k: number) =>
  `A frontier system is one among the ${k} with the most training compute of all systems published up to its publication date (same-day systems count as earlier), as Epoch AI defines frontier models.`;

/**
 * 1 for each row that is a frontier system, 0 otherwise (and for rows without a positive compute
 * value): rows of the same date are judged together, and a row is on the frontier when fewer than
 * k rows so far have more compute.
 */
export function frontierAtRelease(year: ArrayLike<number>, flop: ArrayLike<number>, k = FRONTIER_TOP_K): Uint8Array {
  const out = new Uint8Array(year.length);
  const rows = collectIndexes(flop.length, (idx) => positiveRows(flop, undefined, idx));
  // Ids (the row, as text that sorts as the number) break ties of date only where the dates are not in order already.
  let ids: string[] | undefined;
  const series = {
    get ids() {
      return (ids ??= Array.from(rows, (i) => String(i).padStart(12, '0')));
    },
    names: [],
    x: gather(rows, year),
    y: gather(rows, flop),
  };
  for (const j of runningTop(series, k)) out[rows[j]] = 1;
  return out;
}
