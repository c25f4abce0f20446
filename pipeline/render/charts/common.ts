/**
 * Pieces every chart shares, so all figures read the same: the log10 axis with 10^k labels, the
 * year axis, tooltips, zoom/pan, legend filtering and legends. Trend lines are in trends.ts.
 */
import type { TopLevelSpec } from 'vega-lite';
import { KIND_IMPUTED, KIND_REPORTED } from './points.ts';

export interface ChartDef {
  name: string;
  title: string;
  caption: string;
  alt: string;
  spec: TopLevelSpec;
  /** The plotted rows, with the columns shown in the "show data" table and the CSV. */
  rows: Record<string, unknown>[];
  columns: ChartColumn[];
}

/** A chart whose analysis was not computed (or that has nothing to plot): a sentence replaces it. */
export interface NotDrawn {
  name: string;
  title: string;
  /** Why, as a clause. */
  notDrawn: string;
}

export interface ChartColumn {
  field: string;
  title: string;
  /** How the "show data" table prints a number (the CSV keeps the raw value). */
  format?: 'flop' | 'sci' | 'ratio';
}

export const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
export const Q = 'quantitative' as const;
export const N = 'nominal' as const;

/** Height of the scatter charts; the width follows the page (width "container"). */
export const HEIGHT = 400;

/** A Vega expression turning `text` (digits and '-') into superscript characters. */
function superscript(text: string): string {
  const map: [string, string][] = [['-', '⁻'], ['0', '⁰'], ['1', '¹'], ['2', '²'], ['3', '³'], ['4', '⁴'], ['5', '⁵'], ['6', '⁶'], ['7', '⁷'], ['8', '⁸'], ['9', '⁹']];
  return map.reduce((expr, [from, to]) => `replace(${expr}, regexp('${from}', 'g'), '${to}')`, text);
}

const EXPONENT = 'round(log(datum.value) / LN10)';
/** Axis labels "10²³" at whole powers of ten, nothing between them. */
export const POWER_OF_TEN_LABELS = `abs(log(datum.value) / LN10 - ${EXPONENT}) > 1e-6 ? '' : '10' + ${superscript(`'' + ${EXPONENT}`)}`;

export function logY(field: string, title: string) {
  return {
    field,
    type: Q,
    title,
    scale: { type: 'log' as const },
    axis: { labelExpr: POWER_OF_TEN_LABELS, tickCount: 10, grid: true },
  };
}

export function yearX(field = 'year') {
  return { field, type: Q, title: 'Publication date', axis: { format: 'd', tickMinStep: 1 }, scale: { zero: false } };
}

/**
 * Zoom and pan on both axes: drag to pan, Ctrl (or ⌘) + wheel to zoom — a plain wheel scrolls the
 * page — and the chart toolbar's buttons (charts.js); a double click resets.
 */
export const ZOOM_PARAM = { name: 'zoom', select: { type: 'interval' as const, zoom: 'wheel![event.ctrlKey || event.metaKey]' }, bind: 'scales' as const };

/** Zoom and pan (ZOOM_PARAM), and a legend that filters by `legendField`. */
export function interactionParams(legendField: string) {
  return [
    ZOOM_PARAM,
    { name: 'legendFilter', select: { type: 'point' as const, fields: [legendField] }, bind: 'legend' as const },
  ];
}

/** Points not selected in the legend fade; everything shows when nothing is selected. */
export const LEGEND_OPACITY = { condition: { param: 'legendFilter', value: 0.9 }, value: 0.06 };

/**
 * What a reader wants on hover: system, organization, date, value with range, who produced the
 * value and the source it rests on (a third party's own publication for its estimate), the paper.
 */
export const SYSTEM_TOOLTIP = [
  { field: 'name', title: 'System' },
  { field: 'organization', title: 'Organization' },
  { field: 'date', title: 'Published' },
  { field: 'flop_text', title: 'Training compute (FLOP)' },
  { field: 'value_by', title: 'Value by' },
  { field: 'value_source', title: 'Source of the value' },
  { field: 'paper', title: 'Paper' },
  { field: 'link', title: 'Link (click the point)' },
];

export const QUANTITY_TOOLTIP = (title: string) => [
  { field: 'name', title: 'System' },
  { field: 'organization', title: 'Organization' },
  { field: 'date', title: 'Published' },
  { field: 'value_text', title: title },
  { field: 'source', title: 'Source' },
  { field: 'link', title: 'Link (click the point)' },
];

/** Base of every scatter chart: responsive width, fixed height. */
export function base(description: string) {
  return {
    $schema: SCHEMA,
    description,
    width: 'container' as const,
    height: HEIGHT,
    autosize: { type: 'fit-x' as const, contains: 'padding' as const },
  };
}

/** Legends sit above the plot, never over its points; on a phone they stack (charts.js). */
export const LEGEND_TOP_LEFT = { orient: 'top' as const, direction: 'vertical' as const, padding: 2 };

export interface ColorScale {
  field: string;
  title: string;
  domain: string[];
  range: string[];
}

/**
 * Filled for reported values, hollow for imputed ones. Vega-Lite draws no legend for fillOpacity, so
 * the legend comes from a shape encoding (circles either way) whose symbols are filled the same way.
 */
export const KIND_FILL = {
  field: 'kind',
  type: 'ordinal' as const,
  scale: { domain: [KIND_REPORTED, KIND_IMPUTED], range: [0.85, 0] },
  legend: null,
};

export const KIND_SHAPE = {
  field: 'kind',
  type: N,
  title: 'Value',
  scale: { domain: [KIND_REPORTED, KIND_IMPUTED], range: ['circle', 'circle'] },
  legend: {
    ...LEGEND_TOP_LEFT,
    symbolStrokeColor: '#888',
    symbolFillColor: '#888',
    symbolStrokeWidth: 1.5,
    symbolOpacity: 1,
    encoding: { symbols: { fillOpacity: { condition: { test: `datum.value === ${JSON.stringify(KIND_IMPUTED)}`, value: 0 }, value: 1 } } },
  },
};

/** Legend symbols at full strength (otherwise they take the faint opacity of the trend bands). */
export const SOLID_SYMBOLS = { symbolOpacity: 1 };

/** Dashed vertical rules at era boundaries (or breakpoints), with a tooltip naming them. */
export function boundaryLayer(boundaries: readonly { year: number; label: string }[]) {
  return {
    data: { values: boundaries as { year: number; label: string }[] },
    mark: { type: 'rule' as const, strokeDash: [4, 4], color: '#888', strokeWidth: 1.5 },
    encoding: { x: { field: 'year', type: Q }, tooltip: [{ field: 'label', title: 'Boundary' }] },
  };
}
