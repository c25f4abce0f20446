/** The plotted rows of the compute charts, derived once from the processed records. */
import type { ProcessedRecord } from '../../schema/records.ts';

export interface ComputePoint {
  id: string;
  name: string;
  organization: string;
  domain: string;
  date: string;
  year: number;
  flop: number;
  flop_low: number;
  flop_high: number;
  method: string;
  imputed: boolean;
  source: string;
  link: string;
  era: string;
}

export function eraOf(year: number, dlStart: number, largeScale: ReadonlySet<string>, id: string, lsStart: number): string {
  if (year < dlStart) return 'Pre-deep-learning';
  if (year >= lsStart && largeScale.has(id)) return 'Large-scale';
  return 'Deep-learning';
}

/** https URL for a source link (arXiv ids and DOIs become their resolver URLs). */
export function linkUrl(link: string): string {
  if (link.startsWith('arXiv:')) return `https://arxiv.org/abs/${link.slice(6)}`;
  if (link.startsWith('doi:')) return `https://doi.org/${link.slice(4)}`;
  return link;
}

export function computePoints(
  records: readonly ProcessedRecord[],
  era: (r: ProcessedRecord) => string,
): ComputePoint[] {
  return records
    .filter((r) => r.flop !== null)
    .map((r) => ({
      id: r.id,
      name: r.name,
      organization: r.organization,
      domain: r.domain,
      date: r.publicationDate,
      year: Number(r.year.toFixed(4)),
      flop: r.flop!.flop,
      flop_low: r.flopLow!,
      flop_high: r.flopHigh!,
      method: r.flop!.method,
      imputed: r.flop!.method === 'operations' || r.flop!.method === 'hardware',
      source: `${r.citation.title} (${r.citation.year})`,
      link: linkUrl(r.citation.link),
      era: era(r),
    }));
}
