/**
 * Stage 2, normalize: parses every value of the ingested rows into canonical units (FLOP, counts,
 * hours, ISO dates with fractional years), maps external exports, and merges them with the curated
 * records. Any unparseable or impossible value fails the stage with all problems located.
 */
import { append, PipelineError, type Problem } from '../errors.ts';
import { mapEpochExport } from '../adapters/epoch.ts';
import { messages } from '../messages.ts';
import { normalizeCuratedRow } from '../normalize/curated-record.ts';
import { unknownAliasIds } from '../ingest/aliases-file.ts';
import { mergeRecords, sortRecords, type MergePlan } from '../normalize/merge.ts';
import type { HardwareSpec, NormalizedRecord, RawModelRow } from '../schema/records.ts';
import type { IngestOutput } from './ingest.ts';

export interface NormalizeOutput {
  records: NormalizedRecord[];
  /** What became of every upstream row (normalize/merge.ts); null when no export was read. */
  merge: MergePlan | null;
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
): void {
  for (const row of rows) {
    const result = normalizeCuratedRow(row, hardware, today);
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
  normalizeCuratedRows(input.models, hardware, today, { records: curated, problems, warnings });
  if (problems.length > 0) throw new PipelineError(messages.stageFailed('normalize', problems.length), problems);

  const aliasProblems = unknownAliasIds(input.aliases, new Set(curated.map((r) => r.id)));
  if (aliasProblems.length > 0) throw new PipelineError(messages.stageFailed('normalize', aliasProblems.length), aliasProblems);
  if (input.external.length === 0) return { records: sortRecords(curated), merge: null, dropped: [], warnings };

  const ids = new Set(hardware.keys());
  const exports = input.external.map((table) => {
    const mapped = mapEpochExport(table, ids, today);
    append(warnings, mapped.warnings);
    return { file: table.file, rows: table.rows.length, records: mapped.records, dropped: mapped.dropped };
  });
  const { records, plan } = mergeRecords(curated, exports, input.aliases);
  const dropped = plan.rows.filter((r) => r.outcome === 'dropped').map((r) => ({ file: r.file, line: r.line, reason: r.reason }));
  return { records, merge: plan, dropped, warnings };
}
