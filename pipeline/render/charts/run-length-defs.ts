/**
 * The Training-run length page's figures (issue 8): Epoch's run-length curve at the literature
 * rates, static and with sliders. Both plot the same curve at first, so both offer its rows.
 */
import { parseDate } from '../../normalize/dates.ts';
import { optimalLength } from '../../analyze/run-length-model.ts';
import type { ChartContext } from './chart-context.ts';
import type { ChartDef } from './common.ts';
import { runLengthChartSpec, runLengthInteractiveChartSpec } from './run-length-chart.ts';

type Layer = { data?: { values?: Record<string, unknown>[] } };

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
      caption: `Effective compute of a training run that must finish by a deadline (here ${c.model.fits.data.latest_publication_date}), relative to the best start, against how many years before the deadline it starts, at the literature rates gH = ${gH.toFixed(3)}, gI = ${gI.toFixed(3)}, gS = ${gS.toFixed(3)} per year. The dashed rule marks the optimal run length, ${optimum}.`,
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
