/** Charts of the Economic periods and Data quality pages. */
import type { TopLevelSpec } from 'vega-lite';
import { messages } from '../../messages.ts';
import type { ProcessedRecord } from '../../schema/records.ts';
import { count, doublingText, flop } from '../format.ts';
import { POINT_COLUMNS, type ChartContext } from './chart-context.ts';
import { base, interactionParams, LEGEND_OPACITY, LEGEND_TOP_LEFT, SOLID_SYMBOLS, N, Q, SYSTEM_TOOLTIP, yearX, type ChartDef, type NotDrawn } from './common.ts';
import { legendWithGrowth, type TrendLine } from './trends.ts';
import { valuedSystemFields } from './points.ts';
import { valueProvenance } from '../value-provenance.ts';
import { meanYear, scatterSpec } from './scatter.ts';

const PERIOD_COLORS = ['#4c78a8', '#54a24b', '#e45756', '#b279a2'];

export function economicPeriodsChart(c: ChartContext): ChartDef | NotDrawn {
  const periods = c.model.fits.economic_periods;
  const title = "Training compute in Derek Jones's three economic periods";
  if (c.points.length === 0) return { name: 'economic-periods', title, notDrawn: messages.noSystemsWithCompute };
  const cloud = periods.find((p) => p.key === 'cloud')?.from ?? 2008;
  // The same partition as the analysis: large-scale systems are "bespoke", the rest split at the cloud start.
  const periodOf = (id: string, year: number) => periods.find((p) => (p.key === 'bespoke' ? c.largeScale.has(id) : p.key === 'diy' ? year < cloud : !c.largeScale.has(id) && year >= cloud));
  const rows = c.points.map((p) => ({ ...p, period: periodOf(p.id, p.year)?.label ?? 'Other' }));
  const domain = periods.map((p) => p.label);
  const lines: TrendLine[] = periods.flatMap((p) => (p.compute.computed ? [{ key: p.label, label: `${p.label} trend`, fit: p.compute, xMean: meanYear(rows, (r) => r.period === p.label) }] : []));
  return {
    name: 'economic-periods',
    title,
    caption: `Every system with a compute value, coloured by economic period: do-it-yourself hardware before ${cloud}, rented cloud compute from ${cloud}, and bespoke supercomputers for the largest runs (the large-scale systems of the eras analysis). ${lines.length > 0 ? "Lines are each period's trend with its 95% band" : 'No period has enough systems for a trend'}; the dashed rule marks ${cloud}.`,
    alt: `Scatter plot of ${count(rows.length)} systems' training compute over time in three colours by economic period${lines.map((l) => `; ${l.key} doubles every ${doublingText(l.fit)}`).join('')}.`,
    spec: scatterSpec({
      description: 'Training compute by economic period, with a trend per period.',
      points: rows,
      color: { field: 'period', title: 'Period (fitted trend)', domain, range: domain.map((_, i) => PERIOD_COLORS[i % PERIOD_COLORS.length]) },
      y: { field: 'flop', title: 'Training compute (FLOP)' },
      tooltip: SYSTEM_TOOLTIP,
      lines,
      legendLabels: legendWithGrowth(lines),
      boundaries: [{ year: cloud, label: `Cloud period from ${cloud}` }],
      hollowImputed: true,
    }),
    rows,
    columns: [...POINT_COLUMNS, { field: 'period', title: 'Period' }],
  };
}

/** Records whose stated FLOP was checked against an independent estimate, as chart rows. */
export function auditRows(records: readonly ProcessedRecord[], factor: number) {
  return records
    .filter((r) => r.audit !== null && r.flop !== null)
    .map((r) => {
      const ratio = r.audit!.ratio;
      return {
        ...valuedSystemFields(r),
        value_link: valueProvenance(r)!.link,
        flop: r.flop!.flop,
        stated_text: `${flop(r.flop!.flop)} (${r.flop!.method})`,
        estimate: r.audit!.estimate.flop,
        estimate_text: `${flop(r.audit!.estimate.flop)} (${r.audit!.estimate.method})`,
        method: r.flop!.method,
        estimate_method: r.audit!.estimate.method,
        ratio: Number(ratio.toPrecision(4)),
        agreement: ratio > factor || ratio < 1 / factor ? `Differ by more than ${factor}×` : `Within ${factor}×`,
      };
    });
}

/**
 * Points that would be drawn on top of each other (same year and ratio, to a pixel or so) are set
 * side by side: `shown_year` moves the k-th of them k·DODGE years right; the tooltip keeps the date.
 */
const DODGE = 0.6;
function dodged<T extends { year: number; ratio: number }>(rows: readonly T[]): (T & { shown_year: number })[] {
  const seen = new Map<string, number>();
  return rows.map((r) => {
    const key = `${Math.round(r.year * 2)}|${Math.round(Math.log10(r.ratio) * 40)}`;
    const k = seen.get(key) ?? 0;
    seen.set(key, k + 1);
    return { ...r, shown_year: Number((r.year + k * DODGE).toFixed(4)) };
  });
}

export function auditChart(c: ChartContext): ChartDef | NotDrawn {
  const factor = c.model.assumptions.audit_disagreement_factor;
  const rows = dodged(auditRows(c.model.records, factor));
  const title = 'Consistency audit: stated compute against an independent estimate';
  if (rows.length === 0) return { name: 'audit-ratios', title, notDrawn: messages.noAudit };
  const domain = [`Within ${factor}×`, `Differ by more than ${factor}×`];
  const beyond = rows.filter((r) => r.agreement === domain[1]).length;
  const spec = {
    ...base('Ratio of stated to independently estimated training compute, by publication date.'),
    layer: [
      { data: { values: [1 / factor, 1, factor].map((y) => ({ y, label: y === 1 ? 'Agreement' : `${factor}× apart` })) }, mark: { type: 'rule', strokeDash: [4, 4], color: '#888' }, encoding: { y: { field: 'y', type: Q }, tooltip: [{ field: 'label', title: 'Reference' }] } },
      {
        data: { values: rows },
        params: interactionParams('agreement'),
        mark: { type: 'point', filled: true, size: 50, opacity: 0.8 },
        encoding: {
          x: yearX('shown_year'),
          y: { field: 'ratio', type: Q, title: 'Stated ÷ estimated FLOP', scale: { type: 'log' }, axis: { grid: true } },
          color: { field: 'agreement', type: N, title: 'Agreement', scale: { domain, range: ['#4c78a8', '#e45756'] }, legend: { ...LEGEND_TOP_LEFT, ...SOLID_SYMBOLS } },
          opacity: LEGEND_OPACITY,
          tooltip: [
            { field: 'name', title: 'System' },
            { field: 'organization', title: 'Organization' },
            { field: 'date', title: 'Published' },
            { field: 'stated_text', title: 'Value used (FLOP)' },
            { field: 'value_by', title: 'Value by' },
            { field: 'estimate_text', title: 'Independent estimate' },
            { field: 'ratio', title: 'Ratio', format: '.3~g' },
            { field: 'value_source', title: 'Source of the value' },
          ],
          href: { field: 'link' },
        },
      },
    ],
  } as unknown as TopLevelSpec;
  return {
    name: 'audit-ratios',
    title,
    caption: `For ${count(rows.length)} systems with a stated compute value and enough detail to estimate it independently (6·N·D or hardware time), the ratio of the two on a log scale. Dashed rules mark agreement and a factor of ${factor} either way; ${count(beyond)} systems fall outside. Systems that would cover each other are set side by side.`,
    alt: `Scatter plot of ${count(rows.length)} ratios of stated to estimated compute over time, mostly near 1, with ${count(beyond)} beyond a factor of ${factor}.`,
    spec,
    rows,
    columns: [
      { field: 'name', title: 'System' },
      { field: 'date', title: 'Published' },
      { field: 'flop', title: 'Value used (FLOP)', format: 'flop' },
      { field: 'value_by', title: 'Value by' },
      { field: 'estimate', title: 'Estimated FLOP', format: 'flop' },
      { field: 'estimate_method', title: 'Estimate method' },
      { field: 'ratio', title: 'Ratio', format: 'ratio' },
      { field: 'value_source', title: 'Source of the value' },
    ],
  };
}


