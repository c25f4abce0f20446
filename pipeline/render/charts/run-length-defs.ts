/**
 * The Training-run length page's figures (issue 8): Epoch's run-length curve at the literature
 * rates, static and with sliders. Both plot the same curve at first, so both offer its rows.
 */
import { parseDate } from '../../values/dates.ts';
import { optimalLength } from '../../analyze/run-length-model.ts';
import type { TopLevelSpec } from 'vega-lite';
import { messages } from '../../messages.ts';
import type { Fits } from '../../schema/fits.ts';
import { count, dateText } from '../format.ts';
import type { ChartContext } from './chart-context.ts';
import { base, N, Q, yearX, type ChartDef, type NotDrawn } from './common.ts';
import { runLengthChartSpec, runLengthInteractiveChartSpec } from './run-length-chart.ts';

type Layer = { data?: { values?: Record<string, unknown>[] } };

const DAYS_PER_YEAR = 365.25;

/**
 * The bounds on run length as chart rows, in days: each scenario's optimum and its 90% interval.
 * One helper, so that every figure drawing the bound (this page's, and a duration trend elsewhere)
 * draws the same numbers from fits.json.
 */
export function runLengthBoundRows(fits: Fits): { bound: string; days: number; lo: number; hi: number }[] {
  return fits.run_length.bounds.map((b) => ({ bound: b.label, days: Number((b.years * DAYS_PER_YEAR).toFixed(1)), lo: Number((b.lo * DAYS_PER_YEAR).toFixed(1)), hi: Number((b.hi * DAYS_PER_YEAR).toFixed(1)) }));
}

/** Vega-Lite layers of the bounds (a band and a rule each) over a chart whose y field is days. */
export function runLengthBoundLayers(fits: Fits, x: { from: number; to: number }) {
  const rows = runLengthBoundRows(fits).map((r) => ({ ...r, x0: x.from, x1: x.to }));
  const color = { field: 'bound', type: N, title: 'Modelled optimum (90% interval)', scale: { scheme: 'dark2' as const }, legend: { orient: 'top-left' as const, labelLimit: 420 } };
  const tooltip = [
    { field: 'bound', title: 'Bound' },
    { field: 'days', title: 'Optimal length (days)' },
    { field: 'lo', title: '90% from (days)' },
    { field: 'hi', title: '90% to (days)' },
  ];
  return [
    { data: { values: rows }, mark: { type: 'rect' as const, opacity: 0.12 }, encoding: { x: { field: 'x0', type: Q }, x2: { field: 'x1' }, y: { field: 'lo', type: Q }, y2: { field: 'hi' }, color, tooltip } },
    { data: { values: rows }, mark: { type: 'rule' as const, strokeDash: [6, 3], strokeWidth: 2 }, encoding: { y: { field: 'days', type: Q }, color, tooltip } },
  ];
}

/** Observed training durations against the bound (this page's figure). */
export function observedDurationsChart(c: ChartContext): ChartDef | NotDrawn {
  const fits = c.model.fits;
  const o = fits.run_length.observed;
  const title = 'Observed training durations against the modelled optimum';
  if (o.n === 0) return { name: 'run-length-observed', title, notDrawn: messages.noTrainingDurations };
  const byId = new Map(c.model.records.map((r) => [r.id, r]));
  const rows = o.points.map((p) => ({ id: p.id, name: p.name, year: p.year, date: byId.get(p.id)?.publicationDate ?? String(Math.floor(p.year)), days: Number((p.years * DAYS_PER_YEAR).toFixed(2)) }));
  const xs = rows.map((r) => r.year);
  const span = { from: Math.min(...xs), to: Math.max(...xs) };
  const bounds = runLengthBoundRows(fits);
  const spec = {
    ...base('Training durations stated for notable systems, by publication date, with the modelled optimal run lengths.'),
    layer: [
      ...runLengthBoundLayers(fits, span),
      {
        data: { values: rows },
        mark: { type: 'point' as const, filled: true, size: 40, opacity: 0.75, color: '#4c78a8' },
        encoding: {
          x: yearX(),
          y: { field: 'days', type: Q, title: 'Training duration (days, log scale)', scale: { type: 'log' as const } },
          tooltip: [
            { field: 'name', title: 'System' },
            { field: 'date', title: 'Published' },
            { field: 'days', title: 'Training duration (days)' },
          ],
        },
      },
    ],
  } as unknown as TopLevelSpec;
  const longest = o.longest;
  return {
    name: 'run-length-observed',
    title,
    caption: `The training durations stated for ${count(o.n)} systems, in days on a log scale, by publication date. Dashed rules: the modelled optimal run length of each bound in the legend, shaded over its 90% Monte Carlo interval. ${messages.aboveBounds(fits.run_length.bounds.map((b) => ({ above: b.above, label: b.label })), o.n)}`,
    alt: `Scatter plot of ${count(o.n)} training durations over time on a log scale${longest ? `, the longest ${Math.round(longest.years * DAYS_PER_YEAR)} days (${longest.name})` : ''}, below horizontal bands for the modelled optimal run lengths.`,
    spec,
    rows,
    columns: [
      { field: 'name', title: 'System' },
      { field: 'date', title: 'Published' },
      { field: 'days', title: 'Training duration (days)' },
    ],
  };
}

export function runLengthCharts(c: ChartContext): ChartDef[] {
  const { gH, gI, gS } = c.model.fits.run_length;
  // The deadline T: the data's newest publication date, so start-year tooltips read as calendar years.
  const T = Number(parseDate(c.model.fits.data.latest_publication_date).year.toFixed(3));
  const L = optimalLength({ gH, gI, gS });
  const spec = runLengthChartSpec({ gH, gI, gS, T, width: 'container' });
  const curve = ((spec as { layer: Layer[] }).layer[0].data?.values ?? []).map((r) => ({
    years_before_deadline: Number((r.yearsBeforeDeadline as number).toFixed(4)),
    start_year: Number((r.startYear as number).toFixed(4)),
    relative_effective_compute: Number((r.relative as number).toFixed(6)),
  }));
  const columns = [
    { field: 'years_before_deadline', title: 'Run length (years before the deadline)' },
    { field: 'start_year', title: 'Start year' },
    { field: 'relative_effective_compute', title: 'Relative effective compute' },
  ];
  const optimum = `${L.toFixed(2)} years (${(12 * L).toFixed(1)} months)`;
  return [
    {
      name: 'run-length',
      title: 'Effective compute of a run by its start time',
      caption: `Effective compute of a training run that must finish by a deadline (here ${dateText(c.model.fits.data.latest_publication_date)}, the newest publication date in the data), relative to the best start, against how many years before the deadline it starts, at the literature rates gH = ${gH.toFixed(3)}, gI = ${gI.toFixed(3)}, gS = ${gS.toFixed(3)} per year. The dashed rule marks the optimal run length, ${optimum}.`,
      alt: `A curve rising from zero at the deadline to its maximum at an optimal run length of ${optimum} and falling for earlier starts.`,
      spec,
      rows: curve,
      columns,
    },
    {
      name: 'run-length-interactive',
      title: 'Optimal run length with your own growth rates',
      caption: 'Move the sliders to change the growth rates of hardware price-performance (gH), investment (gI) and algorithmic efficiency (gS); the curve and the optimum recompute in the browser. The data table holds the curve at the initial (literature) rates.',
      alt: `An interactive version of the run-length curve with sliders for the three growth rates, starting at the literature rates with the optimum at ${optimum}.`,
      spec: runLengthInteractiveChartSpec({ gH, gI, gS, T, width: 'container' }),
      rows: curve,
      columns,
    },
  ];
}
