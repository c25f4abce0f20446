/**
 * Figure: training compute of every system over time, log y, coloured by era, imputed values
 * hollow, era boundaries drawn, fitted era trends with their 95% band and growth in the legend.
 */
import type { TopLevelSpec } from 'vega-lite';
import { SYSTEM_TOOLTIP } from './common.ts';
import { legendWithGrowth, type TrendLine } from './trends.ts';
import type { ComputePoint } from './points.ts';
import { scatterSpec } from './scatter.ts';

export type { TrendLine } from './trends.ts';

export const ERA_COLORS: Record<string, string> = {
  'Pre-deep-learning': '#4c78a8',
  'Deep-learning': '#f58518',
  'Large-scale': '#e45756',
};

export function computeOverTimeSpec(points: readonly ComputePoint[], lines: readonly TrendLine[], boundaries: { year: number; label: string }[]): TopLevelSpec {
  const eras = Object.keys(ERA_COLORS);
  return scatterSpec({
    description: 'Training compute of notable ML systems by publication date, log scale, with era trends.',
    points,
    color: { field: 'era', title: 'Era (fitted trend)', domain: eras, range: eras.map((e) => ERA_COLORS[e]) },
    y: { field: 'flop', title: 'Training compute (FLOP)' },
    tooltip: SYSTEM_TOOLTIP,
    lines,
    legendLabels: legendWithGrowth(lines),
    boundaries,
    hollowImputed: true,
  });
}
