/**
 * Stage 2, normalize: parses every value of the ingested rows into canonical units (FLOP, counts,
 * hours, ISO dates with fractional years), maps external exports, and merges them with the curated
 * records. Any unparseable or impossible value fails the stage with all problems located.
 *
 * One pass over the curated records collects every problem and warning, the merge plan (their
 * identities streamed against the upstream records held in memory: pipeline/normalize/merge.ts)
 * and the records' order keys (date, id). The artifact is the recipe, not the records:
 * `normalizedRecords` gives them again from ingest's files — the curated rows normalized (those
 * with an upstream twin filled from it), then the upstream records the plan adds — and `order`
 * puts them in their one order.
 */
import { append, PipelineError, type Problem } from '../errors.ts';
import { mapEpochExport } from '../adapters/epoch.ts';
import { detached } from '../io/csv-records.ts';
import { BATCH_ROWS, Handoff } from '../io/source-file.ts';
import { messages } from '../messages.ts';
import { normalizeCuratedRow } from '../normalize/curated-record.ts';
import type { Assumptions } from '../ingest/assumptions.ts';
import { dropImpossibleEstimates } from '../normalize/estimates.ts';
import { unknownAliasIds } from '../ingest/aliases-file.ts';
import { addedRecords, identityOf, planMerge, twinsOf, withTwin, type Identity, type MergePlan, type Twin, type UpstreamExport } from '../normalize/merge.ts';
import { recordOrder } from '../normalize/record-order.ts';
import type { HardwareSpec, NormalizedRecord, RawModelRow } from '../schema/records.ts';
import { curatedRows, externalTables, ingestedRows, ingestStage, type IngestArtifact } from './ingest.ts';
import { restoreShape, type Stage } from './stage.ts';

export interface NormalizeArtifact {
  /** Curated records: every row of the curated file (a row that does not normalize fails the stage). */
  curated: number;
  /** What became of every upstream row (normalize/merge.ts); null when no export was read. */
  merge: MergePlan | null;
  /** Rows left out of external exports (by the adapter, or by the merge as ambiguous), and why. */
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

/**
 * Normalizes curated rows in file order, adding every problem and warning to `into`. What each
 * estimate method would derive from a row is bounded too (pipeline/normalize/estimates.ts).
 */
function normalizeRows(rows: readonly RawModelRow[], hardware: Hardware, today: string, assumptions: Assumptions, into: { problems: Problem[]; warnings: Problem[] }): NormalizedRecord[] {
  const records: NormalizedRecord[] = [];
  for (const row of rows) {
    const result = normalizeCuratedRow(row, hardware, today, assumptions);
    if (result.problems.length > 0) into.problems.push(...result.problems);
    if (result.warnings.length > 0) append(into.warnings, result.warnings);
    if (result.record) records.push(result.record);
  }
  return records;
}

/**
 * Every export's rows mapped by its adapter, in file order, with its warnings, and the rows it
 * dropped. A record whose values would give an impossible estimate loses those values, with a
 * warning (pipeline/normalize/estimates.ts), so nothing impossible is imputed from an export.
 */
function mapUpstream(ingested: IngestArtifact, today: string): { exports: UpstreamExport[]; records: NormalizedRecord[]; warnings: Problem[] } {
  const hardware = hardwareById(ingested);
  const ids = new Set(hardware.keys());
  const out: ReturnType<typeof mapUpstream> = { exports: [], records: [], warnings: [] };
  for (const table of externalTables(ingested)) {
    const mapped = mapEpochExport(table, ids, today);
    const records = dropImpossibleEstimates(mapped.records, hardware, ingested.assumptions, out.warnings);
    append(out.records, records);
    append(out.warnings, mapped.warnings);
    out.exports.push({ file: table.file, rows: table.rows.length, records: records.map(upstreamIdentity), dropped: mapped.dropped });
  }
  return out;
}

const upstreamIdentity = (r: NormalizedRecord) => ({ ...identityOf(r), line: r.origin.line });

/** The identities planMerge reads, one record at a time. */
function* identities(batches: Iterable<readonly NormalizedRecord[]>): Generator<Identity> {
  for (const records of batches) for (const r of records) yield identityOf(r);
}

/** The pass. */
export function normalize(ingested: IngestArtifact, today: string): NormalizeArtifact {
  const hardware = hardwareById(ingested);
  const found = { problems: [] as Problem[], warnings: [...ingested.warnings] };
  const years: number[] = [];
  const ids: string[] = [];
  let curated = 0;
  // The ids the alias table names, and those of them the curated records have.
  const aliasIds = new Set(ingested.aliases.map((a) => a.id));
  const aliased = new Set<string>();
  // The merge holds the upstream records while the curated ones stream by.
  const upstream = ingested.external.length > 0 ? mapUpstream(ingested, today) : null;
  /** A batch's order keys and aliased ids kept; the batch. */
  const keyed = (batch: NormalizedRecord[]): NormalizedRecord[] => {
    for (const r of batch) {
      years.push(r.year);
      ids.push(detached(r.id));
      if (aliasIds.has(r.id)) aliased.add(r.id);
    }
    curated += batch.length;
    return batch;
  };
  /** The curated rows normalized, a batch at a time, their order keys kept. */
  function* pass(): Generator<NormalizedRecord[]> {
    const batches = curatedRows(ingested);
    const records = new Handoff<NormalizedRecord[]>();
    try {
      while (records.put(normalizeNext(batches, hardware, today, ingested.assumptions, found))) yield keyed(records.take());
    } finally {
      batches.return(undefined);
    }
  }
  let merge: MergePlan | null = null;
  if (upstream) merge = planMerge(identities(pass()), upstream.exports, ingested.aliases);
  // Without an export the pass is run for its keys and problems alone.
  else for (const batches = pass(); !batches.next().done; );
  if (found.problems.length > 0) throw new PipelineError(messages.stageFailed('normalize', found.problems.length), found.problems);
  const aliasProblems = unknownAliasIds(ingested.aliases, aliased);
  if (aliasProblems.length > 0) throw new PipelineError(messages.stageFailed('normalize', aliasProblems.length), aliasProblems);
  if (!upstream || !merge) return { curated, merge: null, dropped: [], warnings: found.warnings, order: recordOrder(years, ids) };
  for (const r of addedRecords(upstream.records, merge)) {
    years.push(r.year);
    ids.push(r.id);
  }
  const dropped = merge.rows.filter((r) => r.outcome === 'dropped').map((r) => ({ file: r.file, line: r.line, reason: r.reason }));
  return { curated, merge, dropped, warnings: [...found.warnings, ...upstream.warnings], order: recordOrder(years, ids) };
}

/** Each record with its upstream twin's fields where it has none (merge.ts withTwin). */
function withTwins(records: readonly NormalizedRecord[], twins: ReadonlyMap<string, Twin>): NormalizedRecord[] {
  return records.map((r) => withTwin(r, twins.get(r.id)));
}

/** The next batch of curated rows normalized, null at the end. */
function normalizeNext(batches: Iterator<RawModelRow[]>, hardware: Hardware, today: string, assumptions: Assumptions, found: { problems: Problem[]; warnings: Problem[] }): NormalizedRecord[] | null {
  const next = batches.next();
  return next.done ? null : normalizeRows(next.value, hardware, today, assumptions, found);
}

/**
 * The normalized records again, a batch at a time: the curated rows in file order (a record with
 * an upstream twin filled from it), then the upstream records the merge adds, in the plan's order
 * (the positions `order` refers to).
 */
export function* normalizedRecords(ingested: IngestArtifact, normalized: NormalizeArtifact, today: string): Generator<NormalizedRecord[]> {
  const hardware = hardwareById(ingested);
  const found = { problems: [] as Problem[], warnings: [] as Problem[] };
  const plan = normalized.merge;
  const upstream = plan ? mapUpstream(ingested, today).records : [];
  const twins = plan ? twinsOf(upstream, plan) : new Map();
  const batches = curatedRows(ingested);
  const records = new Handoff<NormalizedRecord[]>();
  try {
    while (records.put(normalizeNext(batches, hardware, today, ingested.assumptions, found))) {
      // The bytes are those the pass normalized (readSource checked them), so this cannot happen.
      if (found.problems.length > 0) throw new PipelineError(messages.stageFailed('normalize', found.problems.length), found.problems);
      yield twins.size > 0 ? withTwins(records.take(), twins) : records.take();
    }
  } finally {
    batches.return(undefined);
  }
  if (plan === null) return;
  const added = addedRecords(upstream, plan);
  for (let from = 0; from < added.length; from += BATCH_ROWS) yield added.slice(from, from + BATCH_ROWS);
}

export const normalizeStage: Stage<NormalizeArtifact> = {
  name: 'normalize',
  // The run date: a date "in the future" is refused, so the same files are valid one day and not the
  // day before; a cached and a forced run must see the same date to agree.
  reads: { stages: [ingestStage], options: ['today'] },
  run(read, ctx) {
    const ingested = read(ingestStage);
    const artifact = normalize(ingested, ctx.today);
    const note = artifact.merge ? messages.mergeCounts(artifact.merge.total) : undefined;
    return { artifact, rowsIn: ingestedRows(ingested), rowsOut: artifact.order.length, warnings: artifact.warnings.length, note };
  },
  restore: (saved) => restoreShape<NormalizeArtifact>('normalize', saved, ['curated', 'merge', 'dropped', 'warnings', 'order']),
};
