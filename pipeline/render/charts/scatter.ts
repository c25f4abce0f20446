/**
 * A generic scatter-with-trends spec (log y over publication date), for the charts that colour
 * systems by a category: eras in detail, frontier, economic periods, parameters, training tokens.
 */
import type { TopLevelSpec } from 'vega-lite';
import { base, boundaryLayer, interactionParams, KIND_FILL, KIND_SHAPE, LEGEND_OPACITY, SOLID_SYMBOLS, LEGEND_TOP_LEFT, logY, N, yearX, type ColorScale } from './common.ts';
import { trendLayers, type TrendLine } from './trends.ts';

export interface ScatterOptions {
  description: string;
  points: readonly object[];
  color: ColorScale;
  /** Field and title of the y value (log scale). */
  y: { field: string; title: string };
  tooltip: object[];
  lines: readonly TrendLine[];
  legendLabels?: string;
  boundaries?: { year: number; label: string }[];
  /** Draw imputed FLOP values hollow (compute charts only). */
  hollowImputed?: boolean;
  /** Extra layers drawn under the points (e.g. a step line). */
  under?: object[];
  /** Extra layers drawn over everything (e.g. labels). */
  over?: object[];
  /** Legend entries side by side (short labels, many entries). */
  legendColumns?: number;
}

export function scatterSpec(o: ScatterOptions): TopLevelSpec {
  const scale = { domain: o.color.domain, range: o.color.range };
  const legend = { ...LEGEND_TOP_LEFT, ...SOLID_SYMBOLS, ...(o.legendLabels ? { labelExpr: o.legendLabels } : {}), ...(o.legendColumns ? { direction: 'horizontal' as const, columns: o.legendColumns } : {}) };
  const points = {
    data: { values: o.points as Record<string, unknown>[] },
    params: interactionParams(o.color.field),
    mark: { type: 'point' as const, filled: true, size: 42, strokeWidth: 1.4 },
    encoding: {
      x: yearX(),
      y: logY(o.y.field, o.y.title),
      color: { field: o.color.field, type: N, title: o.color.title, scale, legend },
      stroke: { field: o.color.field, type: N, scale },
      ...(o.hollowImputed ? { fillOpacity: KIND_FILL, shape: KIND_SHAPE } : { fillOpacity: { value: 0.75 } }),
      opacity: LEGEND_OPACITY,
      tooltip: o.tooltip,
      href: { field: 'link' },
    },
  };
  const [band, line] = trendLayers(o.lines, { field: o.color.field, domain: o.color.domain, range: o.color.range, legend }, o.y.field);
  // Bands under the points (so hovering a point shows the point), lines over them (so they stay visible).
  return {
    ...base(o.description),
    layer: [...(o.under ?? []), ...(o.boundaries?.length ? [boundaryLayer(o.boundaries)] : []), band, points, line, ...(o.over ?? [])],
  } as TopLevelSpec;
}

/** Mean year of the points passing `keep`, for centring a trend's band. */
export function meanYear<T extends { year: number }>(points: readonly T[], keep: (p: T) => boolean): number | undefined {
  const xs = points.filter(keep).map((p) => p.year);
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : undefined;
}
