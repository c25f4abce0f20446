/** Charts of the Overview, Eras and Breakpoints pages. */
import type { TopLevelSpec } from 'vega-lite';
import { count, dateText, doublingText, flop, yearMonth } from '../format.ts';
import { messages } from '../../messages.ts';
import { computedOrNull } from '../not-computed.ts';
import { POINT_COLUMNS, type ChartContext } from './chart-context.ts';
import { base, boundaryLayer, interactionParams, LEGEND_TOP_LEFT, SOLID_SYMBOLS, logY, N, Q, SYSTEM_TOOLTIP, yearX, type ChartDef, type NotDrawn } from './common.ts';
import { legendWithGrowth, type TrendLine } from './trends.ts';
import { computeOverTimeSpec } from './compute-over-time.ts';
import { scatterSpec } from './scatter.ts';

/** " from 1.0 × 10³ to 5.0 × 10²⁵ FLOP" ('' with no points). */
function flopSpan(points: readonly { flop: number }[]): string {
  if (points.length === 0) return '';
  // A loop, not Math.min(...values): spread arguments overflow the stack for a large dataset.
  let low = Infinity;
  let high = -Infinity;
  for (const p of points) {
    if (p.flop < low) low = p.flop;
    if (p.flop > high) high = p.flop;
  }
  return ` from ${flop(low, 1)} to ${flop(high, 1)} FLOP`;
}

const span = (xs: readonly { year: number }[]) => `${Math.floor(xs[0]?.year ?? 0)} to ${Math.floor(xs.at(-1)?.year ?? 0)}`;

export function computeOverTimeChart(c: ChartContext): ChartDef | NotDrawn {
  const title = 'Training compute of notable ML systems over time';
  if (c.points.length === 0) return { name: 'compute-over-time', title, notDrawn: messages.noSystemsWithCompute };
  const dl = computedOrNull(c.model.fits.eras.deep_learning);
  const sorted = [...c.points].sort((a, b) => a.year - b.year);
  return {
    name: 'compute-over-time',
    title,
    caption: `Training compute (FLOP, log scale) of ${count(c.points.length)} systems by publication date, coloured by era; hollow points are imputed by this pipeline (operation counting or hardware time), filled ones stated by the authors or estimated by a third party. ${trendsClause(c.eraLines, 'Lines are least-squares trends per era with their 95% band.')} Dashed rules mark the era boundaries. The date axis is compressed before ${Math.floor(c.dlStart)} (shaded), so the deep-learning era, where most systems are, gets most of the width. Named: the first record-setter to pass each hundredfold step of compute, and the latest.`,
    alt: `Scatter plot of training compute against publication date for ${count(c.points.length)} systems from ${span(sorted)}, on a log scale${flopSpan(c.points)}, rising steadily${dl ? `; in the deep-learning era compute doubles every ${doublingText(dl)}` : ''}.`,
    spec: computeOverTimeSpec(c.points, c.eraLines, c.boundaries, { labelled: c.points.filter((p) => c.landmarks.labelled.has(p.id)), breakAt: c.dlStart }),
    rows: c.points as unknown as Record<string, unknown>[],
    columns: [...POINT_COLUMNS, { field: 'era', title: 'Era' }],
  };
}

const SCALE_COLORS = { 'Large-scale': '#e45756', 'Regular-scale': '#f58518', 'Low outlier (excluded)': '#9d9d9d' } as Record<string, string>;

export function erasDetailChart(c: ChartContext): ChartDef | NotDrawn {
  const e = c.model.fits.eras;
  const title = 'The deep-learning era: large-scale and regular-scale systems';
  const rows = c.points
    .filter((p) => p.year >= c.dlStart)
    .map((p) => ({ ...p, scale: c.lowOutliers.has(p.id) ? 'Low outlier (excluded)' : c.largeScale.has(p.id) ? 'Large-scale' : 'Regular-scale' }));
  if (rows.length === 0) return { name: 'eras-detail', title, notDrawn: messages.noSystemsSince(e.parameters.deep_learning_start) };
  const ls = computedOrNull(e.large_scale);
  const regular = computedOrNull(e.regular_scale);
  const lines: TrendLine[] = [];
  if (ls) lines.push({ key: 'Large-scale', label: 'Large-scale trend', fit: ls, xMean: mean(rows.filter((r) => r.scale === 'Large-scale')) });
  if (regular) lines.push({ key: 'Regular-scale', label: 'Regular-scale trend', fit: regular, xMean: mean(rows.filter((r) => r.scale === 'Regular-scale' && r.year >= c.lsStart)) });
  const domain = Object.keys(SCALE_COLORS);
  return {
    name: 'eras-detail',
    title,
    caption: `Systems published from ${dateText(e.parameters.deep_learning_start)}: large-scale systems (log compute more than ${e.parameters.z_threshold} standard deviations above systems published within ±${e.parameters.window_years} year, from ${dateText(e.parameters.large_scale_start)}) in red, the rest in orange, low outliers (z below ${e.parameters.low_outlier_z}, left out of the era trends) in grey. ${trendsClause(lines, 'Lines are the large-scale and regular-scale trends with their 95% band.')}`,
    alt: `Scatter plot of ${count(rows.length)} systems since ${Math.floor(c.dlStart)} on a log compute scale; the ${count(rows.filter((r) => r.scale === 'Large-scale').length)} large-scale systems sit above the rest${ls ? ` and double every ${doublingText(ls)}` : ''}${regular ? `, regular-scale ones every ${doublingText(regular)}` : ''}.`,
    spec: scatterSpec({
      description: 'Deep-learning-era systems by scale group, with the large-scale and regular-scale trends.',
      points: rows,
      color: { field: 'scale', title: 'Group (fitted trend)', domain, range: domain.map((d) => SCALE_COLORS[d]) },
      y: { field: 'flop', title: 'Training compute (FLOP)' },
      tooltip: SYSTEM_TOOLTIP,
      lines,
      legendLabels: legendWithGrowth(lines),
      boundaries: [c.boundaries[1]],
      hollowImputed: true,
    }),
    rows,
    columns: [...POINT_COLUMNS, { field: 'scale', title: 'Group' }],
  };
}

function mean(rows: readonly { year: number }[]): number | undefined {
  return rows.length ? rows.reduce((a, r) => a + r.year, 0) / rows.length : undefined;
}

const SEGMENT_COLORS = ['#4c78a8', '#f58518', '#e45756', '#54a24b'];
const BREAKPOINTS_TITLE = 'Automatic segmentation of the compute trend';

/** A segment's growth for legends and tooltips: "doubling 5.2 months", or that it does not grow. */
function segmentGrowth(slope: number, doubling: number): string {
  return slope > 0 ? `doubling ${doubling.toFixed(1)} months` : 'not growing';
}

/** The caption's sentence about trend lines, or that none could be fitted. */
function trendsClause(lines: readonly TrendLine[], sentence: string): string {
  return lines.length > 0 ? sentence : 'No trend could be fitted to these systems.';
}

export function breakpointsChart(c: ChartContext): ChartDef | NotDrawn {
  const b = c.model.fits.breakpoints;
  if (!b.computed) return { name: 'breakpoints', title: BREAKPOINTS_TITLE, notDrawn: b.reason };
  const psi = b.breakpoints.map((p) => p.estimate);
  const segmentOf = (x: number) => `Segment ${1 + psi.filter((v) => x >= v).length}`;
  const domain = b.slopes.map((_, i) => `Segment ${i + 1}`);
  const labels = domain.map((d, i) => `${d}: ${segmentGrowth(b.slopes[i], b.doubling_months[i])}`);
  const rows = c.points.filter((p) => !c.lowOutliers.has(p.id)).map((p) => ({ ...p, segment: segmentOf(p.year) }));
  // The fitted broken line: intercept + s₀·x + Σ (s_j − s_{j−1})·max(0, x − ψ_j), evaluated at its corners.
  const predict = (x: number) => b.intercept + b.slopes[0] * x + psi.reduce((acc, v, j) => acc + (b.slopes[j + 1] - b.slopes[j]) * Math.max(0, x - v), 0);
  const corners = [b.x_range[0], ...psi, b.x_range[1]];
  const line = b.slopes.flatMap((slope, i) =>
    [corners[i], corners[i + 1]].map((x) => ({ year: x, flop: 10 ** predict(x), segment: domain[i], doubling: segmentGrowth(slope, b.doubling_months[i]), growth: `${(10 ** slope).toFixed(1)}×/year` })),
  );
  const intervals = b.breakpoints.map((p, j) => ({ year: p.estimate, lo: p.bootstrap_ci95?.[0] ?? p.ci95[0], hi: p.bootstrap_ci95?.[1] ?? p.ci95[1], label: `Breakpoint ${j + 1}: ${yearMonth(p.estimate)}` }));
  const scale = { domain, range: domain.map((_, i) => SEGMENT_COLORS[i % SEGMENT_COLORS.length]) };
  const labelExpr = domain.reduceRight((rest, d, i) => `datum.label === ${JSON.stringify(d)} ? ${JSON.stringify(labels[i])} : ${rest}`, 'datum.label');
  const spec = {
    ...base('Segmented regression of log training compute on date, with the breakpoints chosen by BIC.'),
    layer: [
      { data: { values: intervals }, mark: { type: 'rect', opacity: 0.15, color: '#888' }, encoding: { x: { field: 'lo', type: Q }, x2: { field: 'hi' }, tooltip: [{ field: 'label', title: 'Breakpoint' }] } },
      boundaryLayer(intervals),
      {
        data: { values: rows },
        params: interactionParams('segment'),
        mark: { type: 'point', filled: true, size: 36, opacity: 0.7 },
        encoding: {
          x: yearX(),
          y: logY('flop', 'Training compute (FLOP)'),
          color: { field: 'segment', type: N, title: 'Segment (fitted slope)', scale, legend: { ...LEGEND_TOP_LEFT, ...SOLID_SYMBOLS, labelExpr } },
          opacity: { condition: { param: 'legendFilter', value: 0.75 }, value: 0.06 },
          tooltip: SYSTEM_TOOLTIP,
          href: { field: 'link' },
        },
      },
      {
        data: { values: line },
        mark: { type: 'line', strokeWidth: 3 },
        encoding: { x: { field: 'year', type: Q }, y: { field: 'flop', type: Q }, color: { field: 'segment', type: N, scale }, detail: { field: 'segment', type: N }, tooltip: [{ field: 'segment', title: 'Segment' }, { field: 'doubling', title: 'Doubling time' }, { field: 'growth', title: 'Growth' }] },
      },
    ],
  } as unknown as TopLevelSpec;
  return {
    name: 'breakpoints',
    title: BREAKPOINTS_TITLE,
    caption: `A continuous broken line fitted to log compute of ${count(rows.length)} systems (low outliers excluded) with ${b.k} breakpoint${b.k === 1 ? '' : 's'} chosen by BIC among admissible fits (Muggeo's algorithm; every segment at least ${b.rules.min_segment_years} years long with at least ${b.rules.min_segment_points} systems).${b.k > 0 ? ` Dashed rules mark the breakpoints, shaded bands their ${b.breakpoints.every((p) => p.bootstrap_ci95) ? 'bootstrap' : 'delta-method'} 95% intervals.` : ''} Points are coloured by segment.`,
    alt: `Scatter plot of training compute over time with a broken line of ${b.slopes.length} segment${b.slopes.length === 1 ? '' : 's'}; ${b.slopes.map((s, i) => `segment ${i + 1}: ${segmentGrowth(s, b.doubling_months[i])}`).join(', ')}${b.k > 0 ? `; breakpoints at ${intervals.map((i) => yearMonth(i.year)).join(' and ')}` : ''}.`,
    spec,
    rows,
    columns: [...POINT_COLUMNS, { field: 'segment', title: 'Segment' }],
  };
}
