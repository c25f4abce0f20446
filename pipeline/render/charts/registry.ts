/**
 * The named charts pages can embed with {{chart "name"}}: each built in code from the processed
 * data and fits, with its caption, alt text and exactly the rows it plots (for "show data" and CSV).
 */
import type { TopLevelSpec } from 'vega-lite';
import { parseDate } from '../../normalize/dates.ts';
import { doublingText } from '../format.ts';
import type { RenderModel } from '../model.ts';
import { computeOverTimeSpec, type TrendLine } from './compute-over-time.ts';
import { computePoints, eraOf } from './points.ts';
import { runLengthChartSpec, runLengthInteractiveChartSpec } from './run-length-chart.ts';

export interface ChartDef {
  name: string;
  title: string;
  caption: string;
  alt: string;
  spec: TopLevelSpec;
  /** The plotted rows, with the columns shown in the data table / CSV. */
  rows: Record<string, unknown>[];
  columns: { field: string; title: string }[];
}

const toYear = (iso: string) => parseDate(iso).year;

export function buildCharts(model: RenderModel): Map<string, ChartDef> {
  const { fits, records } = model;
  const charts = new Map<string, ChartDef>();
  const eraParams = fits.eras.parameters;
  const dl = toYear(eraParams.deep_learning_start);
  const ls = toYear(eraParams.large_scale_start);
  const large = new Set(fits.eras.large_scale_ids);
  const points = computePoints(records, (r) => eraOf(r.year, dl, large, r.id, ls));
  const lines: TrendLine[] = [];
  if (fits.eras.pre_deep_learning) lines.push({ label: 'Pre-deep-learning trend', fit: fits.eras.pre_deep_learning });
  if (fits.eras.deep_learning) lines.push({ label: 'Deep-learning trend', fit: fits.eras.deep_learning });
  if (fits.eras.large_scale) lines.push({ label: 'Large-scale trend', fit: fits.eras.large_scale });
  const pointColumns = [
    { field: 'name', title: 'System' },
    { field: 'organization', title: 'Organization' },
    { field: 'date', title: 'Published' },
    { field: 'flop', title: 'Training compute (FLOP)' },
    { field: 'method', title: 'Method' },
    { field: 'era', title: 'Era' },
  ];
  const dlFit = fits.eras.deep_learning;
  charts.set('compute-over-time', {
    name: 'compute-over-time',
    title: 'Training compute of notable ML systems over time',
    caption: `Training compute (FLOP, log scale) of ${points.length} systems by publication date, coloured by era; hollow points are imputed (operation counting or hardware time), filled ones reported or converted. Lines are least-squares trends per era.`,
    alt: `Scatter plot of training compute against publication date for ${points.length} systems from ${Math.floor(points[0]?.year ?? 0)} to ${Math.floor(points.at(-1)?.year ?? 0)}, on a log scale, rising steadily${dlFit ? `; in the deep-learning era compute doubles every ${doublingText(dlFit)}` : ''}.`,
    spec: computeOverTimeSpec(points, lines, [
      { year: dl, label: `Deep-learning era from ${eraParams.deep_learning_start}` },
      { year: ls, label: `Large-scale era from ${eraParams.large_scale_start}` },
    ]),
    rows: points as unknown as Record<string, unknown>[],
    columns: pointColumns,
  });

  {
    const { gH, gI, gS } = fits.run_length;
    const T = 0;
    const spec = runLengthChartSpec({ gH, gI, gS, T });
    charts.set('run-length', {
      name: 'run-length',
      title: 'Effective compute of a run by its start time',
      caption: 'Effective compute of a training run that must finish by the deadline, relative to the best start, against how many years before the deadline it starts (literature rates: hardware, investment and software growth). The rule marks the optimal run length.',
      alt: 'A curve rising from zero at the deadline to a maximum at the optimal run length and falling for earlier starts.',
      spec,
      rows: [],
      columns: [],
    });
    charts.set('run-length-interactive', {
      name: 'run-length-interactive',
      title: 'Optimal run length with your own growth rates',
      caption: 'Move the sliders to change the growth rates of hardware price-performance (gH), investment (gI) and algorithmic efficiency (gS); the curve and the optimum recompute.',
      alt: 'An interactive version of the run-length curve with sliders for the three growth rates.',
      spec: runLengthInteractiveChartSpec({ gH, gI, gS, T }),
      rows: [],
      columns: [],
    });
  }
  return charts;
}
