/**
 * How many systems exceed 10²³, 10²⁴, 10²⁵ and 10²⁶ FLOP each year and in total, the newest above
 * each, and the systems an upstream flags as possibly over 10²³ without a known value. "Exceed" is
 * strictly more than, as the policy thresholds read (EU AI Act Art. 51(2): "greater than 10²⁵";
 * US EO 14110: "greater than 10²⁶"). Beside each central count: the counts when every value is
 * taken at the low end of its range (surely above) and at the high end (possibly above).
 */
import * as aq from 'arquero';
import { op } from 'arquero';
import { messages } from '../messages.ts';
import { formatFlopUnicode, toSuperscript } from '../normalize/format.ts';
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

  // One arquero table of the systems with a value: flags per threshold and per end of the range,
  // summed by calendar year over every year from the first above the lowest threshold, cumulated.
  // A loop, not Math.min(...rows): a spread of a million arguments overflows the stack.
  let first = Infinity;
  for (const i of [...reaching, ...flagged]) first = Math.min(first, Math.floor(table.year[i]));
  const last = table.lastDate === '' ? first : Number(table.lastDate.slice(0, 4));
  let byYear: ThresholdYear[] = [];
  if (Number.isFinite(first)) {
    const systems = aq.table({
      year: rows.map((i) => Math.floor(table.year[i])),
      flop: rows.map((i) => table.flop[i]),
      low: rows.map(low),
      high: rows.map(high),
    });
    const key = (c: Column, k: number) => `${c}${k}`;
    const flags: Record<string, unknown> = {};
    const sums: Record<string, unknown> = {};
    const zeros: Record<string, () => number> = {};
    const cumulative: Record<string, unknown> = {};
    for (const c of ['flop', 'low', 'high'] as Column[]) {
      thresholds.forEach((t, k) => {
        flags[key(c, k)] = aq.escape((d: Record<string, number>) => (d[c] > t ? 1 : 0));
        sums[key(c, k)] = op.sum(key(c, k));
        zeros[key(c, k)] = () => 0;
        cumulative[`cum_${key(c, k)}`] = aq.rolling(`d => op.sum(d.${key(c, k)})`);
      });
    }
    const counts = systems.derive(flags as never).groupby('year').rollup(sums as never);
    const years = aq.table({ year: Array.from({ length: last - first + 1 }, (_, k) => first + k) });
    const possibly = aq
      .table({ year: flagged.map((i) => Math.floor(table.year[i])) })
      .groupby('year')
      .rollup({ possibly: op.count() });
    const joined = years
      .join_left(counts, 'year')
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
    const above = rows.filter((i) => table.flop[i] > t);
    // Newest first (by date, then by compute); the first above is the earliest.
    const byDate = [...above].sort((a, b) => table.year[a] - table.year[b] || table.flop[a] - table.flop[b]);
    const named = (i: number): NamedSystem => namedSystem(table, i, table.flop[i]);
    const lo = rows.filter((i) => low(i) > t).length;
    const hi = rows.filter((i) => high(i) > t).length;
    return {
      threshold: t,
      label: thresholdText(t),
      count: above.length,
      low: lo,
      high: hi,
      uncertain: lo !== hi,
      first: byDate.length > 0 ? named(byDate[0]) : null,
      newest: byDate.slice(-NEWEST_NAMED).reverse().map(named),
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

/** A threshold as written in the texts that set it: "10²⁵" for a power of ten, else "3.0 × 10²⁵". */
export function thresholdText(t: number): string {
  const exp = Math.round(Math.log10(t));
  return Math.abs(t / 10 ** exp - 1) < 1e-9 ? `10${toSuperscript(exp)}` : formatFlopUnicode(t, 2);
}
