/**
 * How training runs grow besides compute: their duration, the number of accelerators (chips) and
 * chip-hours, for all systems from the deep-learning start and for frontier systems
 * (frontier-at-release.ts), with yearly medians, beside Epoch AI's published growth rates.
 */
import * as aq from 'arquero';
import { op } from 'arquero';
import { parseDate } from '../normalize/dates.ts';
import type { Fits, RunScale, ScaleQuantity } from '../schema/fits.ts';
import { FRONTIER_DEFINITION, FRONTIER_TOP_K } from './frontier-at-release.ts';
import { DURATION_ALL, DURATION_FRONTIER } from './published-figures.ts';
import { rateOf } from './rates.ts';
import { pick, seriesOf } from './series.ts';
import type { AnalysisTable } from './table.ts';
import { TREND_SEEDS } from './trend-seeds.ts';
import type { TrendOptions } from './trend.ts';

const r = (v: number) => Number(v.toPrecision(6));

/** Median, maximum and count of the positive values of `values` among `rows`, per calendar year (arquero). */
export function yearlySummary(table: AnalysisTable, values: Float64Array, rows: Int32Array): { year: number; n: number; median: number; max: number }[] {
  const year: number[] = [];
  const value: number[] = [];
  for (const i of rows) {
    if (values[i] > 0 && values[i] < Infinity) {
      year.push(Math.floor(table.year[i]));
      value.push(values[i]);
    }
  }
  if (value.length === 0) return [];
  return (
    aq
      .table({ year, value })
      .groupby('year')
      .rollup({ n: op.count(), median: op.median('value'), max: op.max('value') })
      .orderby('year')
      .objects() as { year: number; n: number; median: number; max: number }[]
  ).map((y) => ({ year: y.year, n: y.n, median: r(y.median), max: r(y.max) }));
}

const QUANTITIES: { key: ScaleQuantity['key']; label: string; unit: string; column: 'trainingHours' | 'chips' | 'chipHours'; anchors: [typeof DURATION_ALL | null, typeof DURATION_FRONTIER | null] }[] = [
  { key: 'duration', label: 'Training duration', unit: 'hours', column: 'trainingHours', anchors: [DURATION_ALL, DURATION_FRONTIER] },
  { key: 'chips', label: 'Accelerators (chips)', unit: 'chips', column: 'chips', anchors: [null, null] },
  { key: 'chip_hours', label: 'Chip-hours', unit: 'chip-hours', column: 'chipHours', anchors: [null, null] },
];

/**
 * `isFrontier[i]` is nonzero for a frontier row (frontierAtRelease over the table); `runLength`
 * is the run-length analysis, whose modelled optima are drawn on the duration chart.
 */
export function analyzeRunScale(table: AnalysisTable, isFrontier: Uint8Array, dlStart: string, runLength: Fits['run_length'], trend: TrendOptions): RunScale {
  const from = parseDate(dlStart).year;
  const recent = pick(table.ids.length, (i) => table.year[i] >= from);
  const frontierRows = pick(table.ids.length, (i) => table.year[i] >= from && isFrontier[i] !== 0);
  // Stated quantities, not estimates good to a factor of 2: resampled without noise.
  const opts = { ...trend, noise: 0 };
  const quantities = QUANTITIES.map((q, k): ScaleQuantity => {
    const values = table[q.column];
    const all = seriesOf(table, values, recent);
    const front = seriesOf(table, values, frontierRows);
    return {
      key: q.key,
      label: q.label,
      unit: q.unit,
      n: all.x.length,
      all: rateOf(all, { ...opts, seed: trend.seed + TREND_SEEDS.runScale + 2 * k }, `${q.label}, systems since ${dlStart.slice(0, 4)}`),
      frontier: rateOf(front, { ...opts, seed: trend.seed + TREND_SEEDS.runScale + 2 * k + 1 }, `${q.label}, frontier systems`),
      anchor_all: q.anchors[0],
      anchor_frontier: q.anchors[1],
      by_year: yearlySummary(table, values, recent),
    };
  });

  let stated = 0;
  let derived = 0;
  for (const i of recent) {
    if (!(table.chipHours[i] > 0)) continue;
    if (table.chipHoursStated[i]) stated++;
    else derived++;
  }
  let flagged = 0, both = 0, oursOnly = 0, theirsOnly = 0;
  for (const i of recent) {
    const theirs = table.frontierFlag[i];
    if (theirs < 0) continue;
    flagged++;
    const ours = isFrontier[i] !== 0;
    if (ours && theirs === 1) both++;
    else if (ours) oursOnly++;
    else if (theirs === 1) theirsOnly++;
  }
  return {
    from: dlStart,
    frontier: {
      definition: FRONTIER_DEFINITION(FRONTIER_TOP_K),
      k: FRONTIER_TOP_K,
      ids: Array.from(frontierRows, (i) => table.ids[i]).sort(),
      epoch_flag: flagged > 0 ? { flagged, both, ours_only: oursOnly, theirs_only: theirsOnly } : null,
    },
    quantities,
    chip_hours_stated: stated,
    chip_hours_derived: derived,
    run_length_bound: runLength.rows.map((row) => ({ scenario: row.scenario, label: row.label, years: row.literature_years })),
  };
}
