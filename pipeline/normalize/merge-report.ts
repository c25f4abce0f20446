/**
 * data/processed/merge-report.csv: one row per upstream row read — matched (to which record, by
 * which rule), added (as which record) or dropped (why) — with the training compute on both
 * sides, so every upstream row of a run can be accounted for and every disagreement checked.
 */
import type { CsvCell } from '../io/csv-writer.ts';
import type { FlopEstimate } from '../schema/records.ts';
import type { MergePlan } from './merge.ts';

/** The compute published for each curated record a row matched (its id → its processed `flop`). */
export type PublishedFlop = ReadonlyMap<string, FlopEstimate | null>;

/** The curated records the report reads the published compute of: those an upstream row matched. */
export function matchedIds(plan: MergePlan): Set<string> {
  const ids = new Set<string>();
  for (const row of plan.rows) if (row.outcome === 'matched' && row.rule !== 'earlier export') ids.add(row.id!);
  return ids;
}

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
export function* mergeReportRows(plan: MergePlan, published: PublishedFlop): Generator<CsvCell[]> {
  for (const row of plan.rows) {
    const curated = (row.outcome === 'matched' && row.rule !== 'earlier export' ? published.get(row.id!) : null) ?? null;
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
export function flopDisagreements(plan: MergePlan, published: PublishedFlop, factor = 2): number {
  let n = 0;
  for (const row of plan.rows) {
    if (row.outcome !== 'matched' || row.rule === 'earlier export' || row.upstreamFlop === null) continue;
    const flop = published.get(row.id!)?.flop;
    if (flop !== undefined && Math.max(flop / row.upstreamFlop, row.upstreamFlop / flop) > factor) n++;
  }
  return n;
}
