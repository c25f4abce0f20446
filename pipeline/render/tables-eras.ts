/** Tables of the Eras and Breakpoints pages. */
import type { Fits, TrendFit } from '../schema/fits.ts';
import type { ProcessedRecord } from '../schema/records.ts';
import { messages } from '../messages.ts';
import * as fmt from './format.ts';
import { htmlTable } from './html.ts';

const fitCell = (fit: TrendFit | null) => (fit ? fmt.doublingText(fit) : messages.noFit);
const ERA_NAMES = { pre_deep_learning: 'Pre-deep-learning', deep_learning: 'Deep-learning', large_scale: 'Large-scale' } as const;

export function erasTable(fits: Fits): string {
  const rows = (['pre_deep_learning', 'deep_learning', 'large_scale'] as const).map((key) => ({ era: ERA_NAMES[key], fit: fits.eras[key], published: fits.published_eras[key] }));
  return htmlTable(
    rows,
    [
      { title: 'Era', value: (r) => r.era },
      { title: 'Systems (ours)', value: (r) => r.fit?.n ?? 0, numeric: true },
      { title: 'Years', value: (r) => (r.fit ? fmt.yearSpan(r.fit) : '') },
      { title: 'Doubling time, ours', value: (r) => fitCell(r.fit) },
      { title: 'Growth, ours', value: (r) => (r.fit ? fmt.growthText(r.fit) : '') },
      { title: 'Sevilla et al. 2022', value: (r) => `${fmt.months(r.published.doubling_months)} (${fmt.fixed(r.published.ci95[0])}–${fmt.fixed(r.published.ci95[1])})` },
    ],
    { caption: 'Doubling times by era: ours (95% bootstrap CI) beside the published values (Sevilla et al. 2022, Table 3)' },
  );
}

export function eraAlternativesTable(fits: Fits): string {
  return htmlTable(
    fits.era_alternatives,
    [
      { title: 'Variant', value: (r) => r.label },
      { title: 'Deep-learning era from', value: (r) => r.deep_learning_start },
      { title: 'Large-scale z >', value: (r) => r.z_threshold, numeric: true },
      { title: 'Deep-learning doubling', value: (r) => fitCell(r.deep_learning) },
      { title: 'Large-scale doubling', value: (r) => fitCell(r.large_scale) },
      { title: 'Large-scale systems', value: (r) => r.large_scale?.n ?? 0, numeric: true },
    ],
    { caption: 'How the era trends move with the era start and the large-scale threshold' },
  );
}

export function lowOutliersTable(fits: Fits, records: readonly ProcessedRecord[]): string {
  const dates = new Map(records.map((r) => [r.id, r.publicationDate]));
  return htmlTable(
    fits.eras.low_outliers,
    [
      { title: 'System', value: (o) => o.name },
      { title: 'Published', value: (o) => dates.get(o.id) ?? fmt.yearMonth(o.year) },
      { title: 'z-score of log compute', value: (o) => o.z, numeric: true, html: (o) => fmt.fixed(o.z, 2) },
    ],
    { caption: `Low outliers: z below ${fits.eras.parameters.low_outlier_z} among systems within ±${fits.eras.parameters.window_years} year; excluded from every fit`, fullFile: 'fits.json (eras.low_outliers)' },
  );
}

export function bicTable(fits: Fits): string {
  const b = fits.breakpoints;
  if (!b) return `<p>${messages.noFit}</p>`;
  const rows = Object.entries(b.bic_by_k).map(([k, bic]) => ({ k: Number(k), bic }));
  const best = Math.min(...rows.map((r) => r.bic));
  return htmlTable(
    rows,
    [
      { title: 'Breakpoints K', value: (r) => r.k, numeric: true },
      { title: 'BIC', value: (r) => r.bic, numeric: true, html: (r) => fmt.fixed(r.bic, 1) },
      { title: 'ΔBIC from the best', value: (r) => r.bic - best, numeric: true, html: (r) => fmt.fixed(r.bic - best, 1) },
      { title: 'Chosen', value: (r) => (r.k === b.k ? 'yes' : '') },
    ],
    { caption: 'BIC of the segmented fit by number of breakpoints (lower is better)' },
  );
}

export function breakpointsTable(fits: Fits): string {
  const b = fits.breakpoints;
  if (!b || b.breakpoints.length === 0) return `<p>${messages.noFit}</p>`;
  const ci = (c: [number, number] | null) => (c ? `${fmt.yearMonth(c[0])} – ${fmt.yearMonth(c[1])}` : 'not computed');
  return htmlTable(
    b.breakpoints.map((p, i) => ({ ...p, i: i + 1 })),
    [
      { title: 'Breakpoint', value: (p) => p.i, numeric: true },
      { title: 'Estimate', value: (p) => fmt.yearMonth(p.estimate) },
      { title: 'Estimate (year)', value: (p) => p.estimate, numeric: true, html: (p) => fmt.fixed(p.estimate, 2) },
      { title: 'SE (years)', value: (p) => p.se, numeric: true, html: (p) => fmt.fixed(p.se, 2) },
      { title: '95% CI, delta method', value: (p) => ci(p.ci95) },
      { title: '95% CI, bootstrap', value: (p) => ci(p.bootstrap_ci95) },
    ],
    { caption: 'Breakpoint estimates with delta-method and bootstrap 95% intervals' },
  );
}

export function segmentsTable(fits: Fits): string {
  const b = fits.breakpoints;
  if (!b) return `<p>${messages.noFit}</p>`;
  const edges = [b.x_range[0], ...b.breakpoints.map((p) => p.estimate), b.x_range[1]];
  return htmlTable(
    b.slopes.map((slope, i) => ({ i: i + 1, from: edges[i], to: edges[i + 1], slope, months: b.doubling_months[i] })),
    [
      { title: 'Segment', value: (s) => s.i, numeric: true },
      { title: 'From', value: (s) => fmt.yearMonth(s.from) },
      { title: 'To', value: (s) => fmt.yearMonth(s.to) },
      { title: 'Slope (orders of magnitude per year)', value: (s) => s.slope, numeric: true, html: (s) => fmt.fixed(s.slope, 3) },
      { title: 'Doubling time', value: (s) => fmt.months(s.months) },
      { title: 'Growth', value: (s) => `${fmt.growth(10 ** s.slope)}/year` },
    ],
    { caption: 'The segments of the fitted broken line' },
  );
}
