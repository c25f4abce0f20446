/**
 * Stage 3, impute: gives every record a training-compute value where its inputs allow, with the
 * method, formula, assumptions, source and uncertainty range, plus the consistency audit.
 *
 * One pass over the normalized records, a batch at a time: each batch is imputed, written as
 * models.csv lines (to their places in the records' one order, normalize's: a file of their own,
 * pipeline/io/ranked-lines.ts) and audit.csv lines (kept as UTF-8 bytes, pipeline/io/line-store.ts)
 * and as rows of the analysis table (pipeline/analyze/table.ts, each row at its place in that order),
 * and dies young. At the end the order is applied to the audit lines. The artifact holds the published
 * files, the table, the disagreements and the provenance; `processedRecords` gives the records
 * themselves again to whoever needs them (render).
 */
import { TableRows, type AnalysisTable } from '../analyze/table.ts';
import type { Assumptions } from '../ingest/assumptions.ts';
import { imputeRecord } from '../impute/precedence.ts';
import { loadModelColumns, modelCsvLinesView } from '../impute/processed-table.ts';
import { csvLine, csvLines, toCsvPieces, type CsvCell, type FileText } from '../io/csv-writer.ts';
import { LineStore } from '../io/line-store.ts';
import { Handoff } from '../io/source-file.ts';
import { RankedLines } from '../io/ranked-lines.ts';
import { flopDisagreements, matchedIds, MERGE_REPORT_COLUMNS, mergeReportRows, type PublishedFlop } from '../normalize/merge-report.ts';
import type { Provenance } from '../schema/provenance.ts';
import type { FlopEstimate, HardwareSpec, NormalizedRecord, ProcessedRecord } from '../schema/records.ts';
import { ingestStage, type IngestArtifact } from './ingest.ts';
import { normalizedRecords, normalizeStage, type NormalizeArtifact } from './normalize.ts';
import { restoreShape, type Stage } from './stage.ts';

export interface ImputeArtifact {
  /** Ids of the records whose stated and estimated FLOP differ beyond the audit factor, in order. */
  disagreements: string[];
  provenance: Provenance;
  /** Files for data/processed/, by name (tables in pieces: pipeline/io/csv-writer.ts). */
  outputs: Record<string, FileText>;
  /** The analyses' columns, in the records' order. */
  table: AnalysisTable;
}

export interface ImputeOutput {
  records: ProcessedRecord[];
  /** Records whose reported and estimated FLOP differ by more than the audit factor. */
  disagreements: ProcessedRecord[];
}

/** Imputes a list of records (a batch of the pass, or a test's records). */
export function impute(records: readonly NormalizedRecord[], hardware: readonly HardwareSpec[], assumptions: Assumptions): ImputeOutput {
  const hw = new Map(hardware.map((h) => [h.id, h]));
  const processed = records.map((r) => imputeRecord(r, hw, assumptions));
  const limit = assumptions.audit_disagreement_factor;
  const disagreements = processed.filter((r) => r.audit !== null && (r.audit.ratio > limit || r.audit.ratio < 1 / limit));
  return { records: processed, disagreements };
}

/** The next batch of the pass imputed (its normalized records die with this call), null at the end. */
function imputeNext(batches: Iterator<NormalizedRecord[]>, ingested: IngestArtifact): ImputeOutput | null {
  const next = batches.next();
  return next.done ? null : impute(next.value, ingested.hardware, ingested.assumptions);
}

/** The columns of data/processed/audit.csv. */
export const AUDIT_COLUMNS = ['id', 'name', 'training_compute_flop', 'flop_method', 'audit_estimate_flop', 'audit_method', 'audit_ratio', 'flop_source', 'origin'] as const;

/** One audit.csv row per record with an audit, in the records' order. */
export function* auditRows(records: readonly ProcessedRecord[]): Generator<CsvCell[]> {
  for (const r of records) {
    if (r.audit === null) continue;
    yield [r.id, r.name, r.flop!.flop, r.flop!.method, r.audit.estimate.flop, r.audit.estimate.method, Number(r.audit.ratio.toPrecision(4)), r.flop!.source, `${r.origin.file}:${r.origin.line}`];
  }
}

/** The pass. */
export function imputeAll(ingested: IngestArtifact, normalized: NormalizeArtifact, today: string): ImputeArtifact {
  const columns = loadModelColumns();
  const { order } = normalized;
  // models.csv: each record's line goes straight to its place in the order (its rank).
  const rank = new Uint32Array(order.length);
  for (let k = 0; k < order.length; k++) rank[order[k]] = k;
  const models = new RankedLines(rank);
  const audits = new LineStore();
  // The analysis table: each record's row written at its rank too.
  const rows = new TableRows(order.length, ingested.hardware, rank);
  // Per row of the order: its record's audit.csv line (-1 without one) and whether it disagrees.
  const auditLine = new Int32Array(order.length).fill(-1);
  const disagreement = new Uint8Array(order.length);
  let passed = 0;
  // The compute published for the curated records an upstream row matched, for the merge report.
  const matched = normalized.merge ? matchedIds(normalized.merge) : new Set<string>();
  const published = new Map<string, FlopEstimate | null>();
  const batches = normalizedRecords(ingested, normalized, today);
  const imputed = new Handoff<ImputeOutput>();
  try {
    while (imputed.put(imputeNext(batches, ingested))) {
      const { records, disagreements } = imputed.take();
      if (matched.size > 0) for (const r of records) if (matched.has(r.id)) published.set(r.id, r.flop);
      models.add(modelCsvLinesView(records, columns));
      let audit = audits.add(csvLines(auditRows(records)));
      const disagreeing = new Set(disagreements);
      for (const r of records) {
        const k = rank[passed++];
        if (r.audit !== null) auditLine[k] = audit++;
        if (disagreeing.has(r)) disagreement[k] = 1;
      }
      // The accelerator table (ingest's) turns counts in TPU cores into chips.
      rows.add(records);
    }
  } finally {
    batches.return(undefined);
  }
  const table = rows.table();
  const outputs: Record<string, FileText> = {
    'models.csv': models.pieces(csvLine(columns.map((c) => c.name))),
    'audit.csv': audits.pieces(csvLine([...AUDIT_COLUMNS]), auditLine.filter((line) => line >= 0)),
  };
  if (normalized.merge) outputs['merge-report.csv'] = toCsvPieces(MERGE_REPORT_COLUMNS, mergeReportRows(normalized.merge, published));
  return {
    disagreements: table.ids.filter((_, k) => disagreement[k] === 1),
    provenance: imputeProvenance(ingested, normalized, published),
    outputs,
    table,
  };
}

/**
 * The processed records again, a batch at a time, in the order normalizedRecords gives them
 * (normalize's `order` puts them in the records' one order).
 */
export function* processedRecords(ingested: IngestArtifact, normalized: NormalizeArtifact, today: string): Generator<ProcessedRecord[]> {
  for (const batch of normalizedRecords(ingested, normalized, today)) yield impute(batch, ingested.hardware, ingested.assumptions).records;
}

/**
 * Which files the records came from, what was dropped or merged (with the matched rows whose
 * compute differs from the value published for their record), and the warnings.
 */
export function imputeProvenance(ingested: IngestArtifact, normalized: NormalizeArtifact, published: PublishedFlop): Provenance {
  return {
    files: [
      ...ingested.files.filter((f) => f.endsWith('hardware.csv')).map((file) => ({ file, kind: 'hardware' as const, records: ingested.hardware.length })),
      ...ingested.files
        .filter((f) => f.endsWith('/models.csv') || f === 'models.csv')
        .map((file) => ({ file, kind: 'curated' as const, records: ingested.curated?.rows ?? 0 })),
      ...ingested.external.map((e) => ({ file: e.name, kind: 'external' as const, records: e.rows })),
    ],
    dropped: normalized.dropped,
    merge: normalized.merge
      ? {
          ...normalized.merge.total,
          files: normalized.merge.files,
          disagreements: flopDisagreements(normalized.merge, published),
          ambiguous: normalized.merge.ambiguous,
          likelyTwins: normalized.merge.likelyTwins,
          unusedAliases: normalized.merge.unusedAliases.map((a) => ({ file: a.file, line: a.line, upstreamName: a.upstreamName })),
        }
      : null,
    warnings: normalized.warnings.map((w) => ({ file: w.file, line: w.line, ...(w.column !== undefined ? { column: w.column } : {}), message: w.message })),
  };
}

export const imputeStage: Stage<ImputeArtifact> = {
  name: 'impute',
  // Hardware and assumptions come from ingest; the records from normalize's recipe over ingest's files.
  reads: { stages: [ingestStage, normalizeStage] },
  run(read, ctx) {
    const artifact = imputeAll(read(ingestStage), read(normalizeStage), ctx.today);
    return { artifact, rowsIn: artifact.table.ids.length, rowsOut: artifact.table.ids.length, warnings: 0 };
  },
  restore: (saved) => restoreShape<ImputeArtifact>('impute', saved, ['disagreements', 'provenance', 'outputs', 'table']),
  publishes: { folder: 'processed', files: (artifact) => artifact.outputs },
};
