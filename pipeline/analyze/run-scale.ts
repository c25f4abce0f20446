/**
 * How training runs grow besides compute: their duration, the number of accelerators (chips) and
 * chip-hours, for all systems from the deep-learning start and for frontier systems
 * (frontier-at-release.ts), with yearly medians, beside Epoch AI's published growth rates.
 */
import * as aq from 'arquero';
import { op } from 'arquero';
import { parseDate } from '../values/dates.ts';
import type { Fits, RunScale, ScaleQuantity } from '../schema/fits.ts';
import { FRONTIER_DEFINITION, FRONTIER_TOP_K } from './frontier-at-release.ts';
import { DURATION_ALL, DURATION_FRONTIER } from './published-figures.ts';
import { pick, seriesOf } from './series.ts';
import type { AnalysisTable } from './table.ts';
import { SEED_OFFSET } from './seeds.ts';
import { fitTrend, type TrendOptions } from './trend.ts';

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

const QUANTITIES: {
  key: ScaleQuantity['key'];
  label: string;
  unit: string;
  column: 'trainingHours' | 'chips' | 'chipHours';
  /** What a system must state, for the reason a trend is missing ("with a training duration"). */
  states: string;
  anchors: [typeof DURATION_ALL | null, typeof DURATION_FRONTIER | null];
}[] = [
  { key: 'duration', label: 'Training duration', unit: 'hours', column: 'trainingHours', states: 'with a training duration', anchors: [DURATION_ALL, DURATION_FRONTIER] },
  { key: 'chips', label: 'Accelerators (chips)', unit: 'chips', column: 'chips', states: 'with an accelerator count in chips', anchors: [null, null] },
  // Chip-hours: the stated value where the record has one, else chips × training hours (record-fields.ts chipHours).
  { key: 'chip_hours', label: 'Chip-hours', unit: 'chip-hours', column: 'chipHours', states: 'with chip-hours (stated, or chips × training hours)', anchors: [null, null] },
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
  const since = `published since ${dlStart.slice(0, 4)}`;
  const quantities = QUANTITIES.map((q): ScaleQuantity => {
    const values = table[q.column];
    const all = seriesOf(table, values, recent);
    const front = seriesOf(table, values, frontierRows);
    const seed = trend.seed + SEED_OFFSET[q.key];
    return {
      key: q.key,
      label: q.label,
      unit: q.unit,
      n: all.x.length,
      all: fitTrend(all, { ...opts, seed, subject: { noun: 'system', detail: `${q.states} ${since}` } }),
      frontier: fitTrend(front, { ...opts, seed: seed + 1, subject: { noun: 'frontier system', detail: `${q.states} ${since}` } }),
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
