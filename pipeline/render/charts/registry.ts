/**
 * The named charts pages can embed with {{chart "name"}}: each built in code from the processed
 * data and fits, with its caption, alt text and exactly the rows it plots (for "show data" and CSV).
 * A new chart is a builder returning a ChartDef, listed here.
 *
 * Every chart then gets the shared text sizes (theme.ts), and one with more points than
 * MAX_DRAWN draws a sample of them by the rule of pipeline/render/sample.ts, which its caption states.
 */
import { siteText } from '../../messages.ts';
import { count } from '../format.ts';
import { landmarks } from '../landmarks.ts';
import type { RenderModel } from '../model.ts';
import { drawnPoints, MAX_DRAWN } from '../sample.ts';
import { chartContext } from './chart-context.ts';
import { withTooltipText } from './points.ts';
import type { ChartDef, NotDrawn } from './common.ts';
import { breakpointsChart, computeOverTimeChart, erasDetailChart } from './era-charts.ts';
import { auditChart, economicPeriodsChart } from './period-charts.ts';
import { observedDurationsChart, runLengthCharts } from './run-length-defs.ts';
import { frontierChart, parametersChart, tokensChart } from './series-charts.ts';
import { countriesChart, openClosedChart, sectorSharesChart, thresholdCountsChart } from './policy-charts.ts';
import { domainTrendsChart, scaleCharts, tokensPerParameterChart } from './scale-charts.ts';
import { BASE_CONFIG, mergeConfig } from './theme.ts';

export type { ChartColumn, ChartDef, NotDrawn } from './common.ts';

type Layer = { data?: { values?: unknown[] }; layer?: Layer[] };

/** The chart with its points layer (the layer plotting `rows`) cut to the sample, and the caption saying so. */
export function sampledChart(def: ChartDef, isLandmark: (id: string) => boolean, max = MAX_DRAWN): ChartDef {
  const rows = def.rows as (Record<string, unknown> & { year?: number; id?: string })[];
  if (rows.length <= max || typeof rows[0]?.year !== 'number') {
    withTooltipText(rows);
    return def;
  }
  const s = drawnPoints(rows as (Record<string, unknown> & { year: number; id?: string })[], (r) => isLandmark(String(r.id ?? '')), max);
  const swap = (layers: Layer[] | undefined): Layer[] | undefined =>
    layers?.map((l) => (l.data?.values === def.rows ? { ...l, data: { ...l.data, values: s.drawn } } : l.layer ? { ...l, layer: swap(l.layer) } : l));
  const spec = def.spec as unknown as Layer;
  withTooltipText(s.drawn);
  return {
    ...def,
    spec: { ...(def.spec as object), layer: swap(spec.layer) } as ChartDef['spec'],
    rows: s.drawn,
    caption: `${def.caption} ${siteText.sampledCaption(count(s.drawn.length), count(s.total), count(s.landmarks))}`,
    alt: `${def.alt}${siteText.sampledAlt(count(s.drawn.length), count(s.total))}`,
  };
}

/** The charts that can be drawn, by name. */
export function buildCharts(model: RenderModel): Map<string, ChartDef> {
  return buildChartSet(model).drawn;
}

/** Every chart: those drawn, and those whose analysis was not computed (a sentence replaces them). */
export function buildChartSet(model: RenderModel): { drawn: Map<string, ChartDef>; notDrawn: Map<string, NotDrawn> } {
  const c = chartContext(model);
  const marks = landmarks(model.records, model.fits);
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
    domainTrendsChart(c),
    ...scaleCharts(c),
    tokensPerParameterChart(c),
    thresholdCountsChart(c),
    sectorSharesChart(c),
    countriesChart(c),
    openClosedChart(c),
    observedDurationsChart(c),
  ];
  const drawn = new Map<string, ChartDef>();
  const notDrawn = new Map<string, NotDrawn>();
  for (const d of defs) {
    if ('notDrawn' in d) {
      notDrawn.set(d.name, d);
      continue;
    }
    // The shared text sizes, and a sample of the points above MAX_DRAWN.
    const s = sampledChart(d, (id) => marks.setters.has(id));
    drawn.set(s.name, { ...s, spec: { ...s.spec, config: mergeConfig(BASE_CONFIG, (s.spec as { config?: object }).config ?? {}) } as ChartDef['spec'] });
  }
  return { drawn, notDrawn };
}
