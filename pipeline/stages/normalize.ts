/**
 * Stage 2, normalize: parses every value of the ingested rows into canonical units (FLOP, counts,
 * hours, ISO dates with fractional years), maps external exports, and merges them with the curated
 * records. Any unparseable or impossible value fails the stage with all problems located.
 *
 * One pass over the curated records collects every problem and warning, the merge plan and the
 * records' order keys (date, id). The artifact is the recipe, not the records: `normalizedRecords`
 * gives them again from ingest's files — the curated rows normalized, then the upstream records
 * the plan adds — and `order` puts them in their one order.
 */
import { append, PipelineError, type Problem } from '../errors.ts';
import { mapEpochExport } from '../adapters/epoch.ts';
import { BATCH_ROWS } from '../io/source-file.ts';
import { messages } from '../messages.ts';
import { normalizeCuratedRow } from '../normalize/curated-record.ts';
import { curatedIdentity, planMerge, type MergePlan } from '../normalize/merge.ts';
import { recordOrder } from '../normalize/record-order.ts';
import type { HardwareSpec, NormalizedRecord, RawModelRow } from '../schema/records.ts';
import { curatedRows, externalTables, ingestedRows, ingestStage, type IngestArtifact } from './ingest.ts';
import { restoreShape, type Stage } from './stage.ts';

export interface NormalizeArtifact {
  /** Curated records: every row of the curated file (a row that does not normalize fails the stage). */
  curated: number;
  /** What the merge made of each upstream record; null when no export had a record to merge. */
  merge: MergePlan | null;
  /** Rows left out of external exports by the adapter, and why. */
  dropped: { file: string; line: number; reason: string }[];
  warnings: Problem[];
  /**
   * The records' one order (by date, then id: pipeline/normalize/record-order.ts), as positions in
   * the order normalizedRecords gives them.
   */
  order: Uint32Array;
}

type Hardware = ReadonlyMap<string, HardwareSpec>;

const hardwareById = (ingested: IngestArtifact): Hardware => new Map(ingested.hardware.map((h) => [h.id, h]));

/** Normalizes curated rows in file order, adding every problem and warning to `into`. */
function normalizeRows(rows: readonly RawModelRow[], hardware: Hardware, today: string, into: { problems: Problem[]; warnings: Problem[] }): NormalizedRecord[] {
  const records: NormalizedRecord[] = [];
  for (const row of rows) {
    const result = normalizeCuratedRow(row, hardware, today);
    if (result.problems.length > 0) into.problems.push(...result.problems);
    if (result.warnings.length > 0) append(into.warnings, result.warnings);
    if (result.record) records.push(result.record);
  }
  return records;
}

/** Every export's rows mapped by its adapter, in file order, with the adapter's warnings and dropped rows. */
function mapUpstream(ingested: IngestArtifact, today: string): { records: NormalizedRecord[]; warnings: Problem[]; dropped: NormalizeArtifact['dropped'] } {
  const ids = new Set(ingested.hardware.map((h) => h.id));
  const out: ReturnType<typeof mapUpstream> = { records: [], warnings: [], dropped: [] };
  for (const table of externalTables(ingested)) {
    const mapped = mapEpochExport(table, ids, today);
    append(out.records, mapped.records);
    append(out.warnings, mapped.warnings);
    append(out.dropped, mapped.dropped.map((d) => ({ file: table.file, ...d })));
  }
  return out;
}

/** The pass. */
export function normalize(ingested: IngestArtifact, today: string): NormalizeArtifact {
  const hardware = hardwareById(ingested);
  const found = { problems: [] as Problem[], warnings: [...ingested.warnings] };
  const years: number[] = [];
  const ids: string[] = [];
  let curated = 0;
  // The merge holds the upstream records while the curated ones stream by.
  const upstream = mapUpstream(ingested, today);
  function* pass(): Generator<NormalizedRecord> {
    for (const rows of curatedRows(ingested)) {
      for (const r of normalizeRows(rows, hardware, today, found)) {
        years.push(r.year);
        ids.push(r.id);
        curated++;
        yield r;
      }
    }
  }
  let merge: MergePlan | null = null;
  if (upstream.records.length > 0) merge = planMerge(identities(pass()), upstream.records);
  else for (const _ of pass());
  if (found.problems.length > 0) throw new PipelineError(messages.stageFailed('normalize', found.problems.length), found.problems);
  merge?.decisions.forEach((d, i) => {
    if (d.kind !== 'added') return;
    years.push(upstream.records[i].year);
    ids.push(upstream.records[i].id);
  });
  return { curated, merge, dropped: upstream.dropped, warnings: [...found.warnings, ...upstream.warnings], order: recordOrder(years, ids) };
}

function* identities(records: Iterable<NormalizedRecord>) {
  for (const r of records) yield curatedIdentity(r);
}

/**
 * The normalized records again, a batch at a time: the curated rows in file order, then the
 * upstream records the merge adds, in upstream order (the positions `order` refers to).
 */
export function* normalizedRecords(ingested: IngestArtifact, normalized: NormalizeArtifact, today: string): Generator<NormalizedRecord[]> {
  const hardware = hardwareById(ingested);
  const found = { problems: [] as Problem[], warnings: [] as Problem[] };
  for (const rows of curatedRows(ingested)) {
    const records = normalizeRows(rows, hardware, today, found);
    // The bytes are those the pass normalized (readSource checked them), so this cannot happen.
    if (found.problems.length > 0) throw new PipelineError(messages.stageFailed('normalize', found.problems.length), found.problems);
    yield records;
  }
  const plan = normalized.merge;
  if (plan === null) return;
  const added = mapUpstream(ingested, today).records.filter((_, i) => plan.decisions[i].kind === 'added');
  for (let from = 0; from < added.length; from += BATCH_ROWS) yield added.slice(from, from + BATCH_ROWS);
}

export const normalizeStage: Stage<NormalizeArtifact> = {
  name: 'normalize',
  reads: { stages: [ingestStage] },
  run(read, ctx) {
    const ingested = read(ingestStage);
    const artifact = normalize(ingested, ctx.today);
    return { artifact, rowsIn: ingestedRows(ingested), rowsOut: artifact.order.length, warnings: artifact.warnings.length };
  },
  restore: (saved) => restoreShape<NormalizeArtifact>('normalize', saved, ['curated', 'merge', 'dropped', 'warnings', 'order']),
};
