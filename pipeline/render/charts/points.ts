/** The plotted rows of the charts, derived once from the processed records. */
import type { ProcessedRecord } from '../../schema/records.ts';
import { flopWithRange, sci } from '../format.ts';
import { linkUrl } from '../source-link.ts';
import { valueProvenance } from '../value-provenance.ts';

/** What every plotted row says about its system: who, when, and the source a click opens. */
export interface SystemFields {
  id: string;
  name: string;
  organization: string;
  domain: string;
  date: string;
  year: number;
  source: string;
  link: string;
}

export function systemFields(r: ProcessedRecord): SystemFields {
  return {
    id: r.id,
    name: r.name,
    organization: r.organization,
    domain: r.domain,
    date: r.publicationDate,
    year: Number(r.year.toFixed(4)),
    source: `${r.citation.title} (${r.citation.year})`,
    link: linkUrl(r.citation.link),
  };
}

/**
 * A system's fields with who produced its compute value and the publication that value rests on.
 * A click opens that publication: the third party's own for its estimate, not the system's paper.
 */
export function valuedSystemFields(r: ProcessedRecord): SystemFields & { value_by: string; value_source: string; paper: string } {
  const v = valueProvenance(r)!;
  const sys = systemFields(r);
  return { ...sys, source: v.source, link: v.link || sys.link, value_by: v.by, value_source: v.source, paper: sys.source };
}

export interface ComputePoint extends SystemFields {
  /** Who produced the compute value: the authors, a named third party (method, confidence), or this pipeline. */
  value_by: string;
  /** The publication the compute value rests on: the paper for the authors' value, the third party's own for its estimate. */
  value_source: string;
  /** The system's own paper (title and year). */
  paper: string;
  flop: number;
  flop_low: number;
  flop_high: number;
  /** The value with its range, as the tooltip shows it: filled in (withTooltipText) for the points a chart draws only. */
  flop_text?: string;
  /** The method, with the third party's name for a third-party estimate. */
  method: string;
  /** Stated or estimated by others, or imputed by this pipeline: imputed points are drawn hollow. */
  kind: string;
  imputed: boolean;
  era: string;
}

/** A system's value of another quantity (parameters, training tokens) for the non-FLOP charts. */
export interface QuantityPoint extends SystemFields {
  value: number;
  /** The value as the tooltip shows it (withTooltipText). */
  value_text?: string;
}

export const KIND_REPORTED = 'Stated by the authors or estimated by a third party';
export const KIND_IMPUTED = 'Imputed by this pipeline (6·N·D or hardware time)';

export function eraOf(year: number, dlStart: number, largeScale: ReadonlySet<string>, id: string, lsStart: number): string {
  if (year < dlStart) return 'Pre-deep-learning';
  if (year >= lsStart && largeScale.has(id)) return 'Large-scale';
  return 'Deep-learning';
}

const isImputed = (r: ProcessedRecord) => r.flop!.provenance.kind === 'pipeline';
const methodText = (r: ProcessedRecord) => (r.flop!.provenance.kind === 'third-party' ? `${r.flop!.method} (${r.flop!.provenance.estimatedBy})` : r.flop!.method);

export function computePoints(records: readonly ProcessedRecord[], era: (r: ProcessedRecord) => string): ComputePoint[] {
  return records
    .filter((r) => r.flop !== null)
    .map((r) => ({
      ...valuedSystemFields(r),
      flop: r.flop!.flop,
      flop_low: r.flopLow!,
      flop_high: r.flopHigh!,
      method: methodText(r),
      kind: isImputed(r) ? KIND_IMPUTED : KIND_REPORTED,
      imputed: isImputed(r),
      era: era(r),
    }));
}

export function quantityPoints(records: readonly ProcessedRecord[], value: (r: ProcessedRecord) => number | null, fromYear = -Infinity): QuantityPoint[] {
  return records.flatMap((r) => {
    const v = value(r);
    if (v === null || !(v > 0) || r.year < fromYear) return [];
    return [
      { ...systemFields(r), value: v },
    ];
  });
}

/**
 * Fills in the tooltip texts of the rows a chart draws (formatting every one of a million points
 * would cost seconds for the few thousand drawn). Sets them on the rows themselves.
 */
export function withTooltipText(rows: readonly Record<string, unknown>[]): void {
  for (const r of rows) {
    if (typeof r.flop === 'number' && r.flop_text === undefined && 'flop_low' in r) r.flop_text = flopWithRange(r.flop, (r.flop_low as number | null) ?? null, (r.flop_high as number | null) ?? null);
    if (typeof r.value === 'number' && r.value_text === undefined) r.value_text = sci(r.value);
  }
}
