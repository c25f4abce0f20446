/**
 * Figure: training compute of every system over time, log y, coloured by era, imputed values
 * hollow, era boundaries drawn, fitted era trends with their 95% band and growth in the legend,
 * and landmark systems (landmarks.ts) named.
 *
 * Most systems are recent: on a plain year axis the deep-learning era (2010 on) would get a fifth
 * of the width for most of the points. The x axis is broken at the era start instead: the years
 * before it are compressed into PRE_BREAK_SHARE of the width, the years after it keep the rest,
 * each part linear (so every trend stays a straight line), with the break drawn and said.
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

/** Share of the x axis the years before the break take. */
export const PRE_BREAK_SHARE = 0.28;

export interface BrokenAxis {
  /** The year the axis breaks at (the deep-learning era's start). */
  at: number;
  /** Years before the break count this much of a year after it. */
  factor: number;
  /** Tick positions (in years) before and after the break. */
  ticks: number[];
}

/** The broken axis for points spanning [first, last] years, or null when no points lie on one side. */
export function brokenAxis(first: number, last: number, at: number): BrokenAxis | null {
  if (!(first < at && last > at)) return null;
  const before = at - first;
  const after = last - at;
  const factor = (PRE_BREAK_SHARE / (1 - PRE_BREAK_SHARE)) * (after / before);
  // Round decades before the break, every second year after it.
  const ticks: number[] = [];
  for (let y = Math.ceil(first / 10) * 10; y < at - 5; y += 10) ticks.push(y);
  const step = after > 12 ? 2 : 1;
  for (let y = Math.ceil(at); y <= Math.floor(last) + 1; y += step) ticks.push(y);
  return { at, factor, ticks };
}

/** The Vega expression of the axis position of a year, and of a position's year. */
function position(b: BrokenAxis, year: string): string {
  return `${year} < ${b.at} ? ${b.at} - (${b.at} - ${year}) * ${b.factor} : ${year}`;
}
function yearOf(b: BrokenAxis, pos: string): string {
  return `${pos} < ${b.at} ? ${b.at} - (${b.at} - ${pos}) / ${b.factor} : ${pos}`;
}

type Layer = { transform?: object[]; encoding?: { x?: { field?: string; type?: string; axis?: object; title?: string; scale?: object } & Record<string, unknown> } & Record<string, unknown>; layer?: Layer[] } & Record<string, unknown>;

/** The spec with every layer's x (a year) placed on the broken axis. */
export function onBrokenAxis(spec: TopLevelSpec, b: BrokenAxis): TopLevelSpec {
  const axis = {
    values: b.ticks.map((t) => Number((t < b.at ? b.at - (b.at - t) * b.factor : t).toFixed(6))),
    labelExpr: `format(round(${yearOf(b, 'datum.value')}), 'd')`,
    title: `Publication date (before ${Math.round(b.at)}: compressed ${Math.round(1 / b.factor)}×)`,
  };
  const move = (layer: Layer): Layer => {
    if (layer.layer) return { ...layer, layer: layer.layer.map(move) };
    const x = layer.encoding?.x;
    if (!x?.field) return layer;
    const as = `${x.field}_axis`;
    const x2 = layer.encoding?.x2 as { field?: string } | undefined;
    const transforms = [{ calculate: position(b, `datum[${JSON.stringify(x.field)}]`), as }];
    if (x2?.field) transforms.push({ calculate: position(b, `datum[${JSON.stringify(x2.field)}]`), as: `${x2.field}_axis` });
    return {
      ...layer,
      transform: [...(layer.transform ?? []), ...transforms],
      encoding: {
        ...layer.encoding,
        x: { ...x, field: as, axis: { ...((x.axis as object) ?? {}), ...axis }, title: axis.title },
        ...(x2?.field ? { x2: { ...x2, field: `${x2.field}_axis` } } : {}),
      },
    };
  };
  const top = spec as unknown as Layer;
  return { ...top, layer: (top.layer ?? []).map(move) } as unknown as TopLevelSpec;
}

/** The break itself: a shaded band over the compressed years, named in its tooltip. */
function breakLayer(b: BrokenAxis, first: number) {
  return {
    data: { values: [{ from: first - 1, to: b.at, label: `Before ${Math.round(b.at)}: compressed ${Math.round(1 / b.factor)}× (one year takes 1/${Math.round(1 / b.factor)} of the width of a year after ${Math.round(b.at)})` }] },
    mark: { type: 'rect' as const, color: '#888', opacity: 0.08, aria: false },
    encoding: { x: { field: 'from', type: 'quantitative' as const }, x2: { field: 'to' }, tooltip: [{ field: 'label', title: 'Axis' }] },
  };
}

/** Names of the landmark systems beside their points: to the right, or to the left near the right edge. */
function labelLayers(points: readonly ComputePoint[], last: number) {
  const layer = (values: readonly ComputePoint[], align: 'left' | 'right') => ({
    // charts.js leaves labels out on a phone, where they would cover the points.
    name: `landmark-labels-${align}`,
    data: { values: values.map((p) => ({ year: p.year, flop: p.flop, name: p.name })) },
    mark: { type: 'text' as const, align, baseline: 'bottom' as const, dx: align === 'left' ? 6 : -6, dy: -3, fontSize: 12, limit: 190, aria: false },
    encoding: { x: { field: 'year', type: 'quantitative' as const }, y: { field: 'flop', type: 'quantitative' as const }, text: { field: 'name' } },
  });
  const nearEnd = (p: ComputePoint) => p.year > last - 4;
  return [layer(points.filter((p) => !nearEnd(p)), 'left'), layer(points.filter(nearEnd), 'right')].filter((l) => l.data.values.length > 0);
}

export function computeOverTimeSpec(
  points: readonly ComputePoint[],
  lines: readonly TrendLine[],
  boundaries: { year: number; label: string }[],
  options: { labelled?: readonly ComputePoint[]; breakAt?: number } = {},
): TopLevelSpec {
  const eras = Object.keys(ERA_COLORS);
  let first = Infinity;
  let last = -Infinity;
  for (const p of points) {
    if (p.year < first) first = p.year;
    if (p.year > last) last = p.year;
  }
  const b = options.breakAt === undefined ? null : brokenAxis(first, last, options.breakAt);
  const spec = scatterSpec({
    description: 'Training compute of notable ML systems by publication date, log scale, with era trends.',
    points,
    color: { field: 'era', title: 'Era (fitted trend)', domain: eras, range: eras.map((e) => ERA_COLORS[e]) },
    y: { field: 'flop', title: 'Training compute (FLOP)' },
    tooltip: SYSTEM_TOOLTIP,
    lines,
    legendLabels: legendWithGrowth(lines),
    boundaries,
    hollowImputed: true,
    under: b ? [breakLayer(b, first)] : [],
    over: options.labelled?.length ? labelLayers(options.labelled, last) : [],
  });
  return b ? onBrokenAxis(spec, b) : spec;
}
