/**
 * How many systems exceed 10²³, 10²⁴, 10²⁵ and 10²⁶ FLOP each year and in total, the newest above
 * each, and the systems an upstream flags as possibly over 10²³ without a known value. "Exceed" is
 * strictly more than, as the policy thresholds read (EU AI Act Art. 51(2): "greater than 10²⁵";
 * US EO 14110: "greater than 10²⁶"). Beside each central count: the counts when every value is
 * taken at the low end of its range (surely above) and at the high end (possibly above).
 */
import * as aq from 'arquero';
import { messages } from '../messages.ts';
import { formatFlopUnicode, toSuperscript } from '../values/format.ts';
import type { NamedSystem, ThresholdCounts, ThresholdYear } from '../schema/fits.ts';
import { namedSystem } from './named-systems.ts';
import { POLICY_THRESHOLDS } from './published-figures.ts';
import { notComputed } from './outcome.ts';
import type { AnalysisTable } from './table.ts';

export const THRESHOLDS = [1e23, 1e24, 1e25, 1e26];

/** How many of the newest systems above each threshold are named. */
export const NEWEST_NAMED = 5;

type Column = 'flop' | 'low' | 'high';

export function analyzeThresholds(table: AnalysisTable, thresholds: readonly number[] = THRESHOLDS): ThresholdCounts {
  const n = table.ids.length;
  const rows: number[] = [];
  for (let i = 0; i < n; i++) if (table.flop[i] > 0) rows.push(i);
  const flagged: number[] = [];
  let withFlag = 0;
  for (let i = 0; i < n; i++) {
    if (table.possiblyOver1e23[i] >= 0) withFlag++;
    // Only systems without a value: one with a value is counted by it.
    if (table.possiblyOver1e23[i] === 1 && !(table.flop[i] > 0)) flagged.push(i);
  }
  const high = (i: number) => (table.flopHigh[i] > 0 ? table.flopHigh[i] : table.flop[i]);
  const low = (i: number) => (table.flopLow[i] > 0 ? table.flopLow[i] : table.flop[i]);
  const lowest = thresholds[0];
  const reaching = rows.filter((i) => high(i) > lowest);
  const status = reaching.length > 0 ? { computed: true as const } : notComputed(messages.noComputeAbove(thresholdText(lowest)), rows.length);

  // Per calendar year, from the first above the lowest threshold, how many systems exceed each
  // threshold at each end of their range: counted in one pass over the systems, then joined by
  // arquero onto every year, with zeros for the years without any, and cumulated.
  let first = Infinity;
  for (const i of reaching) first = Math.min(first, Math.floor(table.year[i]));
  for (const i of flagged) first = Math.min(first, Math.floor(table.year[i]));
  const last = table.lastDate === '' ? first : Number(table.lastDate.slice(0, 4));
  let byYear: ThresholdYear[] = [];
  if (Number.isFinite(first)) {
    const span = Math.max(0, last - first + 1);
    const key = (c: Column, k: number) => `${c}${k}`;
    const columns: Column[] = ['flop', 'low', 'high'];
    const above = columns.map(() => thresholds.map(() => new Int32Array(span)));
    const counted = new Uint8Array(span);
    for (const i of rows) {
      const y = Math.floor(table.year[i]) - first;
      if (!(y >= 0 && y < span)) continue;
      counted[y] = 1;
      const f = table.flop[i];
      const l = low(i);
      const h = high(i);
      for (let k = 0; k < thresholds.length; k++) {
        if (f > thresholds[k]) above[0][k][y]++;
        if (l > thresholds[k]) above[1][k][y]++;
        if (h > thresholds[k]) above[2][k][y]++;
      }
    }
    const possiblyIn = new Int32Array(span);
    for (const i of flagged) {
      const y = Math.floor(table.year[i]) - first;
      if (y >= 0 && y < span) possiblyIn[y]++;
    }
    const yearsWith = (has: (y: number) => boolean) => Array.from({ length: span }, (_, y) => y).filter(has);
    const countedYears = yearsWith((y) => counted[y] === 1);
    const possiblyYears = yearsWith((y) => possiblyIn[y] > 0);
    const counts: Record<string, number[]> = { year: countedYears.map((y) => first + y) };
    const zeros: Record<string, () => number> = {};
    const cumulative: Record<string, unknown> = {};
    columns.forEach((c, ci) =>
      thresholds.forEach((_, k) => {
        counts[key(c, k)] = countedYears.map((y) => above[ci][k][y]);
        zeros[key(c, k)] = () => 0;
        cumulative[`cum_${key(c, k)}`] = aq.rolling(`d => op.sum(d.${key(c, k)})`);
      }),
    );
    const years = aq.table({ year: Array.from({ length: span }, (_, k) => first + k) });
    const possibly = aq.table({ year: possiblyYears.map((y) => first + y), possibly: possiblyYears.map((y) => possiblyIn[y]) });
    const joined = years
      .join_left(aq.table(counts), 'year')
      .join_left(possibly, 'year')
      .impute({ ...zeros, possibly: () => 0 } as never)
      .orderby('year')
      .derive(cumulative as never)
      .objects() as Record<string, number>[];
    const pick = (row: Record<string, number>, prefix: string) => thresholds.map((_, k) => row[`${prefix}${k}`]);
    byYear = joined.map((row) => ({
      year: row.year,
      above: pick(row, 'flop'),
      above_low: pick(row, 'low'),
      above_high: pick(row, 'high'),
      cumulative: pick(row, 'cum_flop'),
      cumulative_low: pick(row, 'cum_low'),
      cumulative_high: pick(row, 'cum_high'),
      possibly_over_1e23: withFlag > 0 ? row.possibly : null,
    }));
  }

  const totals = thresholds.map((t) => {
    let count = 0;
    let lo = 0;
    let hi = 0;
    // By date, then by compute, then by row: the first above is the earliest, the newest are the last.
    const byDate = new Extremes(NEWEST_NAMED, (a, b) => table.year[a] - table.year[b] || table.flop[a] - table.flop[b] || a - b);
    for (const i of rows) {
      if (low(i) > t) lo++;
      if (high(i) > t) hi++;
      if (!(table.flop[i] > t)) continue;
      count++;
      byDate.add(i);
    }
    const named = (i: number): NamedSystem => namedSystem(table, i, table.flop[i]);
    return {
      threshold: t,
      label: thresholdText(t),
      count,
      low: lo,
      high: hi,
      uncertain: lo !== hi,
      first: byDate.least === -1 ? null : named(byDate.least),
      newest: byDate.greatest().map(named),
    };
  });

  return {
    thresholds: [...thresholds],
    n: rows.length,
    status,
    by_year: byYear,
    totals,
    possibly_over_1e23: withFlag > 0 ? { computed: true, count: flagged.length, with_flag: withFlag } : notComputed(messages.noFlagInData('an upstream “possibly over 10²³ FLOP” flag'), 0),
    policy: POLICY_THRESHOLDS.map((p) => ({ threshold: p.threshold, threshold_text: thresholdText(p.threshold), label: p.label, citation: p.citation, url: p.url, note: p.note })),
  };
}

/**
 * The least of the rows added and the `k` greatest, by `compare` (a total order on the rows): the
 * first and last of them sorted, without sorting them all.
 */
class Extremes {
  least = -1;
  /** The greatest so far, least first. */
  readonly #top: number[] = [];

  constructor(
    private readonly k: number,
    private readonly compare: (a: number, b: number) => number,
  ) {}

  add(i: number): void {
    if (this.least === -1 || this.compare(i, this.least) < 0) this.least = i;
    const top = this.#top;
    if (this.k <= 0 || (top.length === this.k && this.compare(i, top[0]) < 0)) return;
    let p = top.length;
    while (p > 0 && this.compare(top[p - 1], i) > 0) p--;
    top.splice(p, 0, i);
    if (top.length > this.k) top.shift();
  }

  /** The greatest, greatest first. */
  greatest(): number[] {
    return [...this.#top].reverse();
  }
}

/** A threshold as written in the texts that set it: "10²⁵" for a power of ten, else "3.0 × 10²⁵". */
export function thresholdText(t: number): string {
  const exp = Math.round(Math.log10(t));
  return Math.abs(t / 10 ** exp - 1) < 1e-9 ? `10${toSuperscript(exp)}` : formatFlopUnicode(t, 2);
}
