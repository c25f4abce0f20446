/**
 * Stage 2, normalize: parses every value of the ingested rows into canonical units (FLOP, counts,
 * hours, ISO dates with fractional years), maps external exports, and merges them with the curated
 * records. Any unparseable or impossible value fails the stage with all problems located.
 */
import { append, PipelineError, type Problem } from '../errors.ts';
import { mapEpochExport } from '../adapters/epoch.ts';
import { messages } from '../messages.ts';
import { normalizeCuratedRow } from '../normalize/curated-record.ts';
import { mergeRecords, sortRecords, type MergeDisagreement } from '../normalize/merge.ts';
import type { Assumptions } from '../ingest/assumptions.ts';
import { dropImpossibleEstimates } from '../ingest/estimates.ts';
import type { HardwareSpec, NormalizedRecord, RawModelRow } from '../schema/records.ts';
import type { IngestOutput } from './ingest.ts';

export interface NormalizeOutput {
  records: NormalizedRecord[];
  merge: { matched: number; added: number; disagreements: MergeDisagreement[] } | null;
  /** Rows left out of external exports, and why. */
  dropped: { file: string; line: number; reason: string }[];
  warnings: Problem[];
}

/**
 * Normalizes curated rows in file order, adding to `into`: the records, and every problem and
 * warning. The whole file at once (normalize) or a batch at a time (pipeline/stages/row-batches.ts).
 */
export function normalizeCuratedRows(
  rows: readonly RawModelRow[],
  hardware: ReadonlyMap<string, HardwareSpec>,
  today: string,
  into: { records: NormalizedRecord[]; problems: Problem[]; warnings: Problem[] },
  /** With the assumptions, what each estimate method would derive from a row is bounded too. */
  assumptions?: Assumptions,
): void {
  for (const row of rows) {
    const result = normalizeCuratedRow(row, hardware, today, assumptions);
    if (result.problems.length > 0) into.problems.push(...result.problems);
    if (result.warnings.length > 0) append(into.warnings, result.warnings);
    if (result.record) into.records.push(result.record);
  }
}

export function normalize(input: IngestOutput, today: string): NormalizeOutput {
  const hardware = new Map(input.hardware.map((h) => [h.id, h]));
  const problems: Problem[] = [];
  const warnings: Problem[] = [...input.warnings];
  const curated: NormalizedRecord[] = [];
  normalizeCuratedRows(input.models, hardware, today, { records: curated, problems, warnings }, input.assumptions);
  if (problems.length > 0) throw new PipelineError(messages.stageFailed('normalize', problems.length), problems);

  const external: NormalizedRecord[] = [];
  const dropped: NormalizeOutput['dropped'] = [];
  const ids = new Set(hardware.keys());
  for (const table of input.external) {
    const mapped = mapEpochExport(table, ids, today);
    append(external, dropImpossibleEstimates(mapped.records, hardware, input.assumptions, warnings));
    append(warnings, mapped.warnings);
    append(dropped, mapped.dropped.map((d) => ({ file: table.file, ...d })));
  }
  if (external.length === 0) {
    return { records: sortRecords(curated), merge: null, dropped, warnings };
  }
  const merged = mergeRecords(curated, external);
  return {
    records: merged.records,
    merge: { matched: merged.matched, added: merged.added, disagreements: merged.disagreements },
    dropped,
    warnings,
  };
}
