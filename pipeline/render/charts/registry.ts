/**
 * The named charts pages can embed with {{chart "name"}}: each built in code from the processed
 * data and fits, with its caption, alt text and exactly the rows it plots (for "show data" and CSV).
 * A new chart is a builder returning a ChartDef, listed here.
 */
import type { RenderModel } from '../model.ts';
import { chartContext } from './chart-context.ts';
import type { ChartDef, NotDrawn } from './common.ts';
import { breakpointsChart, computeOverTimeChart, erasDetailChart } from './era-charts.ts';
import { auditChart, economicPeriodsChart } from './period-charts.ts';
import { observedDurationsChart, runLengthCharts } from './run-length-defs.ts';
import { frontierChart, parametersChart, tokensChart } from './series-charts.ts';

export type { ChartColumn, ChartDef, NotDrawn } from './common.ts';

/** The charts that can be drawn, by name. */
export function buildCharts(model: RenderModel): Map<string, ChartDef> {
  return buildChartSet(model).drawn;
}

/** Every chart: those drawn, and those whose analysis was not computed (a sentence replaces them). */
export function buildChartSet(model: RenderModel): { drawn: Map<string, ChartDef>; notDrawn: Map<string, NotDrawn> } {
  const c = chartContext(model);
  const defs: (ChartDef | NotDrawn)[] = [
    computeOverTimeChart(c),
    erasDetailChart(c),
    breakpointsChart(c),
    frontierChart(c),
    parametersChart(c),
    tokensChart(c),
    economicPeriodsChart(c),
    auditChart(c),
    ...runLengthCharts(c),
    observedDurationsChart(c),
  ];
  const drawn = new Map<string, ChartDef>();
  const notDrawn = new Map<string, NotDrawn>();
  for (const d of defs) {
    if ('notDrawn' in d) notDrawn.set(d.name, d);
    else drawn.set(d.name, d);
  }
  return { drawn, notDrawn };
}
