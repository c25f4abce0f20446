/**
 * Figure: training compute of every system over time, log y, coloured by era, imputed values
 * hollow, era boundaries drawn, fitted era trends with their growth in the legend and tooltips.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { TrendFit } from '../../schema/fits.ts';
import { doublingText, growthText } from '../format.ts';
import type { ComputePoint } from './points.ts';

export interface TrendLine {
  label: string;
  fit: TrendFit;
}

export const ERA_COLORS: Record<string, string> = {
  'Pre-deep-learning': '#4c78a8',
  'Deep-learning': '#f58518',
  'Large-scale': '#e45756',
};

export function trendRows(lines: readonly TrendLine[]) {
  return lines.flatMap(({ label, fit }) =>
    fit.x_range.map((x) => ({
      trend: label,
      year: x,
      flop: 10 ** (fit.intercept + fit.slope * x),
      doubling: doublingText(fit),
      growth: growthText(fit),
    })),
  );
}

export function computeOverTimeSpec(points: readonly ComputePoint[], lines: readonly TrendLine[], boundaries: { year: number; label: string }[]): TopLevelSpec {
  const eras = Object.keys(ERA_COLORS);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 'container',
    height: 420,
    autosize: { type: 'fit-x', contains: 'padding' },
    layer: [
      {
        data: { values: boundaries },
        mark: { type: 'rule', strokeDash: [4, 4], color: '#888' },
        encoding: { x: { field: 'year', type: 'quantitative' }, tooltip: [{ field: 'label', title: 'Era boundary' }] },
      },
      {
        data: { values: points as unknown as Record<string, unknown>[] },
        params: [
          { name: 'zoom', select: 'interval', bind: 'scales' },
          { name: 'eraFilter', select: { type: 'point', fields: ['era'] }, bind: 'legend' },
        ],
        mark: { type: 'point', filled: false, size: 40, strokeWidth: 1.5 },
        encoding: {
          x: { field: 'year', type: 'quantitative', title: 'Publication date', axis: { format: 'd', tickMinStep: 1 }, scale: { zero: false } },
          y: {
            field: 'flop',
            type: 'quantitative',
            title: 'Training compute (FLOP)',
            scale: { type: 'log' },
            axis: { format: '.0e', tickCount: 12, labelExpr: "'10^' + format(log(datum.value)/log(10), 'd')" },
          },
          color: { field: 'era', type: 'nominal', title: 'Era', scale: { domain: eras, range: eras.map((e) => ERA_COLORS[e]) } },
          fill: {
            condition: { test: '!datum.imputed', field: 'era', type: 'nominal', legend: null },
            value: 'transparent',
          },
          opacity: { condition: { param: 'eraFilter', value: 0.9 }, value: 0.08 },
          tooltip: [
            { field: 'name', title: 'System' },
            { field: 'organization', title: 'Organization' },
            { field: 'date', title: 'Published' },
            { field: 'flop', title: 'Training compute (FLOP)', format: '.2e' },
            { field: 'flop_low', title: 'Range low', format: '.2e' },
            { field: 'flop_high', title: 'Range high', format: '.2e' },
            { field: 'method', title: 'Method' },
            { field: 'source', title: 'Source' },
            { field: 'link', title: 'Link' },
          ],
          href: { field: 'link' },
        },
      },
      {
        data: { values: trendRows(lines) },
        mark: { type: 'line', strokeWidth: 2.5 },
        encoding: {
          x: { field: 'year', type: 'quantitative' },
          y: { field: 'flop', type: 'quantitative' },
          detail: { field: 'trend' },
          color: { value: '#222' },
          strokeDash: { field: 'trend', type: 'nominal', title: 'Fitted trend' },
          tooltip: [
            { field: 'trend', title: 'Trend' },
            { field: 'doubling', title: 'Doubling time' },
            { field: 'growth', title: 'Growth' },
          ],
        },
      },
    ],
    resolve: { scale: { color: 'independent' } },
    config: { legend: { orient: 'bottom', columns: 3 } },
  };
}
