/**
 * The named charts pages can embed with {{chart "name"}}: each built in code from the processed
 * data and fits, with its caption, alt text and exactly the rows it plots (for "show data" and CSV).
 * A new chart is a builder returning a ChartDef, listed here.
 */
import type { RenderModel } from '../model.ts';
import { chartContext } from './chart-context.ts';
import type { ChartDef } from './common.ts';
import { breakpointsChart, computeOverTimeChart, erasDetailChart } from './era-charts.ts';
import { auditChart, economicPeriodsChart } from './period-charts.ts';
import { runLengthCharts } from './run-length-defs.ts';
import { frontierChart, parametersChart, tokensChart } from './series-charts.ts';
import { countriesChart, openClosedChart, sectorSharesChart, thresholdCountsChart } from './policy-charts.ts';
import { domainTrendsChart, scaleCharts, tokensPerParameterChart } from './scale-charts.ts';

export type { ChartColumn, ChartDef } from './common.ts';

export function buildCharts(model: RenderModel): Map<string, ChartDef> {
  const c = chartContext(model);
  const defs: (ChartDef | null)[] = [
    computeOverTimeChart(c),
    erasDetailChart(c),
    breakpointsChart(c),
    frontierChart(c),
    parametersChart(c),
    tokensChart(c),
    economicPeriodsChart(c),
    auditChart(c),
    ...runLengthCharts(c),
    domainTrendsChart(c),
    ...scaleCharts(c),
    tokensPerParameterChart(c),
    thresholdCountsChart(c),
    sectorSharesChart(c),
    countriesChart(c),
    openClosedChart(c),
  ];
  return new Map(defs.filter((d): d is ChartDef => d !== null).map((d) => [d.name, d]));
}
