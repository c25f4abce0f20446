/** What the chart builders share, derived once from the render model: points, eras, era trends. */
import { parseDate } from '../../values/dates.ts';
import { dateText } from '../format.ts';
import type { RenderModel } from '../model.ts';
import type { TrendLine } from './trends.ts';
import { computePoints, eraOf, type ComputePoint } from './points.ts';
import { meanYear } from './scatter.ts';
import { landmarksOf, type Landmarks } from '../landmarks.ts';

export interface ChartContext {
  model: RenderModel;
  /** Every system with a FLOP value, labelled with its era. */
  points: ComputePoint[];
  dlStart: number;
  lsStart: number;
  largeScale: ReadonlySet<string>;
  lowOutliers: ReadonlySet<string>;
  /** The three era trends, centred on the mean year of the systems each fits. */
  eraLines: TrendLine[];
  boundaries: { year: number; label: string }[];
  /** Record-setters, and those named on the overview chart. */
  landmarks: Landmarks;
}

/** The columns of "show data" for charts of systems' compute. */
export const POINT_COLUMNS = [
  { field: 'name', title: 'System' },
  { field: 'organization', title: 'Organization' },
  { field: 'date', title: 'Published' },
  { field: 'flop', title: 'Training compute (FLOP)', format: 'flop' as const },
  { field: 'method', title: 'Method' },
  { field: 'value_by', title: 'Value by' },
  { field: 'value_source', title: 'Source of the value' },
];

export function chartContext(model: RenderModel): ChartContext {
  const { fits, records } = model;
  const p = fits.eras.parameters;
  const dlStart = parseDate(p.deep_learning_start).year;
  const lsStart = parseDate(p.large_scale_start).year;
  const largeScale = new Set(fits.eras.large_scale_ids);
  const lowOutliers = new Set(fits.eras.low_outliers.map((o) => o.id));
  const points = computePoints(records, (r) => eraOf(r.year, dlStart, largeScale, r.id, lsStart));
  const fitted = (keep: (pt: ComputePoint) => boolean) => meanYear(points, (pt) => !lowOutliers.has(pt.id) && keep(pt));
  const eraLines: TrendLine[] = [];
  const e = fits.eras;
  if (e.pre_deep_learning.computed) eraLines.push({ key: 'Pre-deep-learning', label: 'Pre-deep-learning trend', fit: e.pre_deep_learning, xMean: fitted((pt) => pt.year < dlStart) });
  if (e.deep_learning.computed) eraLines.push({ key: 'Deep-learning', label: 'Deep-learning trend (all systems from the era start)', fit: e.deep_learning, xMean: fitted((pt) => pt.year >= dlStart) });
  if (e.large_scale.computed) eraLines.push({ key: 'Large-scale', label: 'Large-scale trend', fit: e.large_scale, xMean: fitted((pt) => largeScale.has(pt.id)) });
  return {
    model,
    landmarks: landmarksOf(points, fits),
    points,
    dlStart,
    lsStart,
    largeScale,
    lowOutliers,
    eraLines,
    boundaries: [
      { year: dlStart, label: `Deep-learning era from ${dateText(p.deep_learning_start)}` },
      { year: lsStart, label: `Large-scale era from ${dateText(p.large_scale_start)}` },
    ],
  };
}
