/**
 * The provenance block every page ends with: where the data came from (files, snapshot dates,
 * licenses) and a funnel of how many records each step kept or dropped, and why.
 */
import type { Fits } from '../schema/fits.ts';
import type { Provenance } from '../schema/provenance.ts';
import type { ProcessedRecord } from '../schema/records.ts';
import { count } from './format.ts';

export interface SourceRow {
  title: string;
  file: string;
  records: string;
  snapshot: string;
  license: string;
}

export interface FunnelRow {
  step: string;
  kept: string;
  dropped: string;
  why: string;
}

const KIND_TITLES: Record<string, { title: string; license: string }> = {
  curated: { title: 'Curated records, each citing its source', license: 'CC BY 4.0 (our curation; values belong to their cited sources)' },
  external: { title: 'Epoch AI, Data on Notable AI Models', license: 'CC BY 4.0, Epoch AI' },
  hardware: { title: 'Accelerator specifications', license: 'Vendor datasheets, cited per accelerator' },
  assumptions: { title: 'Assumptions of the impute stage', license: 'CC BY 4.0' },
};

/** "2024-10-01" from ".../snapshots/<source>/2024-10-01.csv", '' for other files. */
export function snapshotDate(file: string): string {
  return /snapshots\/[^/]+\/(\d{4}-\d{2}-\d{2})\.csv$/.exec(file)?.[1] ?? '';
}

export function sourceRows(p: Provenance): SourceRow[] {
  return p.files.map((f) => ({
    title: KIND_TITLES[f.kind]?.title ?? f.kind,
    file: f.file,
    records: count(f.records),
    snapshot: snapshotDate(f.file) || 'as committed',
    license: KIND_TITLES[f.kind]?.license ?? '',
  }));
}

function reasons(p: Provenance): string {
  const byReason = new Map<string, number>();
  for (const d of p.dropped) byReason.set(d.reason, (byReason.get(d.reason) ?? 0) + 1);
  const parts = [...byReason].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([reason, n]) => `${count(n)}: ${reason}`);
  if (p.merge) parts.push(`${count(p.merge.matched)} external rows matched a curated record and were merged into it`);
  return parts.join('; ');
}

export function funnelRows(p: Provenance, records: readonly ProcessedRecord[], fits: Fits): FunnelRow[] {
  const read = p.files.filter((f) => f.kind === 'curated' || f.kind === 'external');
  const total = read.reduce((n, f) => n + f.records, 0);
  const withFlop = records.filter((r) => r.flop !== null);
  const outliers = new Set(fits.eras.low_outliers.map((o) => o.id));
  const fitted = withFlop.filter((r) => !outliers.has(r.id)).length;
  const rows: FunnelRow[] = read.map((f) => ({ step: `Read ${f.file}`, kept: count(f.records), dropped: '', why: '' }));
  rows.push({
    step: 'Parsed, validated and merged',
    kept: count(records.length),
    dropped: count(Math.max(0, total - records.length)),
    why: reasons(p) || 'every record passed validation',
  });
  rows.push({
    step: 'With a training-compute value',
    kept: count(withFlop.length),
    dropped: count(records.length - withFlop.length),
    why: 'no compute stated and too little detail (parameters and tokens, or accelerator time) to impute one',
  });
  rows.push({
    step: 'In the era fits',
    kept: count(fitted),
    dropped: count(withFlop.length - fitted),
    why: `low outliers: log compute more than ${Math.abs(fits.eras.parameters.low_outlier_z)} SD below systems of the same period`,
  });
  return rows;
}
