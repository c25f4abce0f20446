/**
 * The frontier as Epoch AI defines it for its cost and power trends: a system is a frontier
 * system when, at its publication date, it is among the k systems with the most training compute
 * published up to then (k = 10). One function, so that the Frontier page (or a revised definition
 * there) can reuse it; the record-setters and the top 10 of each calendar year are in frontier.ts.
 *
 * Not arquero: "among the k largest so far" is a running top-k, which no window op computes
 * without comparing every pair of rows (quadratic at a million records); a k-entry buffer does it
 * in one pass (see ARCHITECTURE.md).
 */

export const FRONTIER_TOP_K = 10;

export const FRONTIER_DEFINITION = (k: number) =>
  `A frontier system is one among the ${k} with the most training compute of all systems published up to its publication date (same-day systems count as earlier), as Epoch AI defines frontier models.`;

/**
 * 1 for each row that is a frontier system, 0 otherwise (and for rows without a positive compute
 * value). Rows are taken in order of `year`; rows of the same date are added together before any
 * of them is judged, and a row is on the frontier when fewer than k rows so far have more compute.
 */
export function frontierAtRelease(year: ArrayLike<number>, flop: ArrayLike<number>, k = FRONTIER_TOP_K): Uint8Array {
  const n = year.length;
  const out = new Uint8Array(n);
  const rows: number[] = [];
  for (let i = 0; i < n; i++) if (flop[i] > 0 && flop[i] < Infinity) rows.push(i);
  rows.sort((a, b) => year[a] - year[b] || a - b);
  // The k largest values so far, largest first.
  const top: number[] = [];
  const insert = (v: number) => {
    if (top.length === k && v <= top[k - 1]) return;
    let at = top.length;
    while (at > 0 && top[at - 1] < v) at--;
    top.splice(at, 0, v);
    if (top.length > k) top.pop();
  };
  for (let from = 0; from < rows.length; ) {
    let to = from + 1;
    while (to < rows.length && year[rows[to]] === year[rows[from]]) to++;
    for (let j = from; j < to; j++) insert(flop[rows[j]]);
    for (let j = from; j < to; j++) {
      const v = flop[rows[j]];
      let greater = 0;
      while (greater < top.length && top[greater] > v) greater++;
      if (greater < k) out[rows[j]] = 1;
    }
    from = to;
  }
  return out;
}
