/**
 * data/processed/merge-report.csv: one row per upstream row read — matched (to which record, by
 * which rule), added (as which record) or dropped (why) — with the training compute on both
 * sides, so every upstream row of a run can be accounted for and every disagreement checked.
 */
import type { CsvCell } from '../io/csv-writer.ts';
import type { ProcessedRecord } from '../schema/records.ts';
import type { MergePlan } from './merge.ts';

export const MERGE_REPORT_COLUMNS = [
  'file',
  'line',
  'upstream_name',
  'upstream_organization',
  'upstream_publication_date',
  'outcome',
  'id',
  'rule',
  'reason',
  'upstream_flop',
  'curated_flop',
  'curated_flop_method',
  'flop_ratio',
  'likely_twins',
] as const;

/** The report's rows, in the order the exports were read, by line. */
export function* mergeReportRows(plan: MergePlan, records: readonly ProcessedRecord[]): Generator<CsvCell[]> {
  const byId = new Map(records.map((r) => [r.id, r]));
  for (const row of plan.rows) {
    const mine = row.outcome === 'matched' && row.rule !== 'earlier export' ? byId.get(row.id!) : undefined;
    const curated = mine?.flop ?? null;
    const ratio = curated !== null && row.upstreamFlop !== null ? Number((curated.flop / row.upstreamFlop).toPrecision(4)) : null;
    yield [
      row.file,
      row.line,
      row.name,
      row.organization,
      row.publicationDate,
      row.outcome,
      row.id,
      row.rule,
      row.reason,
      row.upstreamFlop,
      curated === null ? null : Number(curated.flop.toPrecision(8)),
      curated?.method ?? null,
      ratio,
      row.likelyTwins.join('; '),
    ];
  }
}

/** Matched rows whose FLOP differs by more than `factor` from the value published for their curated record. */
export function flopDisagreements(plan: MergePlan, records: readonly ProcessedRecord[], factor = 2): number {
  const byId = new Map(records.map((r) => [r.id, r]));
  let n = 0;
  for (const row of plan.rows) {
    if (row.outcome !== 'matched' || row.rule === 'earlier export' || row.upstreamFlop === null) continue;
    const published = byId.get(row.id!)?.flop?.flop;
    if (published !== undefined && Math.max(published / row.upstreamFlop, row.upstreamFlop / published) > factor) n++;
  }
  return n;
}
