/**
 * The row stages — ingest, normalize, impute — run together a batch of rows at a time, for a
 * curated file too large for whole-table stages: a million raw, normalized and processed records
 * held at once took ~3 GB and spent half the run collecting garbage (bench/scale.bench.ts). Each
 * batch is read, checked, normalized and imputed, and what outlives it is small: the lines of
 * models.csv and audit.csv as UTF-8 bytes (LineStore), the analyses' columns as typed arrays, and
 * the processed records only when a render follows.
 *
 * The outputs are those of the three stages run one after another — the same problems in the same
 * order, the same files byte for byte (test/stages/row-batches.test.ts) — with what needs every
 * row done once at the end: duplicate ids and systems are checked against every earlier batch
 * (RowCheckState), and the records' order (by date, then id) is applied to the lines and columns.
 * Merging an external export needs every curated record at once, so a raw folder with one is not
 * run this way (runRowBatches returns null).
 */
import { PipelineError, type Problem } from '../errors.ts';
import { analysisTable, joinTables, type AnalysisTable } from '../analyze/table.ts';
import { loadModelColumns, modelCsvLines } from '../impute/processed-table.ts';
import { newRowCheckState } from '../ingest/models-file.ts';
import { csvLine, csvLines } from '../io/csv-writer.ts';
import { LineStore } from '../io/line-store.ts';
import { messages } from '../messages.ts';
import type { Assumptions } from '../ingest/assumptions.ts';
import type { HardwareSpec, NormalizedRecord, ProcessedRecord } from '../schema/records.ts';
import type { ImputeArtifact } from './definitions.ts';
import { impute } from './impute.ts';
import { AUDIT_COLUMNS, auditRows, imputeProvenance, type ImputeInput } from './impute-stage.ts';
import { finishIngest, planIngest, readCuratedRows, type IngestOptions } from './ingest.ts';
import { normalizeCuratedRows } from './normalize.ts';
import { compareRecords, dateIdOrder } from '../normalize/record-order.ts';

/**
 * Curated files this large run in batches (RunOptions.batchAboveBytes): 8 MiB, ~40,000 records,
 * fifty times the shipped file, which keeps per-stage caching. Above it, saving and loading the
 * stages' artifacts costs more than the stages: at 1e5 records (21 MB) the orchestrator took
 * 10.5 s for a first run until analyze and 5.2 s for a rerun with nothing changed (1.5 GB), in
 * batches 1.4 s and 1.0 s (310 MB).
 */
export const DEFAULT_BATCH_ABOVE_BYTES = 8 * 1024 * 1024;

/**
 * Rows per batch. Small, so that a batch's raw, normalized and processed records (~3 KB a row) die
 * in the young generation: at 1e6 records, batches of 50,000 spent 19 s in scavenges copying the
 * batch in flight, 5,000 spent 11 s, 1,000 spent 2.3 s (bench/scale.bench.ts; 300 was no better).
 */
export const DEFAULT_BATCH_ROWS = 1000;

export interface RowBatchOptions extends IngestOptions {
  batchRows?: number;
  /** Keep every processed record in the artifact (render reads them); otherwise `records` is empty. */
  keepRecords: boolean;
}

/** What the orchestrator reports of each stage; ms is the stage's share of the batched run. */
export interface BatchedStageReport {
  rowsIn: number;
  rowsOut: number;
  warnings: number;
  ms: number;
}

export type RowStage = 'ingest' | 'normalize' | 'impute';

export interface RowBatchResult {
  stages: Record<RowStage, BatchedStageReport>;
  artifact: ImputeArtifact & { hardware: HardwareSpec[]; assumptions: Assumptions; table: AnalysisTable };
}

export function runRowBatches(options: RowBatchOptions): RowBatchResult | null {
  const batchRows = options.batchRows ?? DEFAULT_BATCH_ROWS;
  const ms: Record<RowStage, number> = { ingest: 0, normalize: 0, impute: 0 };
  const timed = <T>(stage: RowStage, fn: () => T): T => {
    const t = performance.now();
    try {
      return fn();
    } finally {
      ms[stage] += performance.now() - t;
    }
  };
  const plan = timed('ingest', () => planIngest(options));
  if (plan.external.length > 0) return null;

  const checks = newRowCheckState();
  const hardware = new Map(plan.hardware.map((h) => [h.id, h]));
  const normalizeProblems: Problem[] = [];
  const warnings: Problem[] = [];
  const columns = loadModelColumns();
  const models = new LineStore();
  const audits = new LineStore();
  const tables: AnalysisTable[] = [];
  const kept: ProcessedRecord[][] = [];
  // Per record, in file order: its audit.csv line (-1 without one) and whether it is a disagreement.
  const auditLine: number[] = [];
  const disagreement: boolean[] = [];

  for (;;) {
    const rows = timed('ingest', () => readCuratedRows(plan, batchRows, checks));
    if (rows === null) break;
    // After a problem only the checks go on, so that every problem of its kind is reported at once.
    if (plan.before.length + plan.curatedProblems.length + plan.after.length > 0 || plan.ragged || !plan.assumptions) continue;
    const normalized: NormalizedRecord[] = [];
    timed('normalize', () => normalizeCuratedRows(rows, hardware, options.today, { records: normalized, problems: normalizeProblems, warnings }));
    if (normalizeProblems.length > 0) continue;
    timed('impute', () => {
      const { records, disagreements } = impute(normalized, plan.hardware, plan.assumptions!);
      models.add(modelCsvLines(records, columns));
      let audit = audits.add(csvLines(auditRows(records)));
      const disagreeing = new Set(disagreements);
      for (const r of records) {
        auditLine.push(r.audit === null ? -1 : audit++);
        disagreement.push(disagreeing.has(r));
      }
      tables.push(analysisTable(records, plan.hardware));
      if (options.keepRecords) kept.push(records);
    });
  }
  const ingested = timed('ingest', () => finishIngest(plan, [], options.rawDir));
  if (normalizeProblems.length > 0) throw new PipelineError(messages.stageFailed('normalize', normalizeProblems.length), normalizeProblems);

  // The records' one order (normalize/merge.ts compareRecords: by date, then id), found on the columns.
  const ids = tables.flatMap((t) => t.ids);
  const order = timed('normalize', () => {
    const year = new Float64Array(ids.length);
    tables.reduce((at, t) => (year.set(t.year, at), at + t.year.length), 0);
    return recordOrder(year, ids);
  });
  const artifact = timed('impute', (): RowBatchResult['artifact'] => {
    const table = joinTables(tables, order);
    const ordered = Array.from(order, (i) => auditLine[i]).filter((line) => line >= 0);
    const all = kept.flat();
    const records = Array.from(options.keepRecords ? order : [], (i) => all[i]);
    const context: ImputeInput['ingest'] = { files: ingested.files, hardware: ingested.hardware, assumptions: ingested.assumptions, models: plan.rowCount, external: [] };
    return {
      records,
      disagreements: Array.from(order).filter((i) => disagreement[i]).map((i) => ids[i]),
      provenance: imputeProvenance({ ingest: context, dropped: [], merge: null, warnings }),
      outputs: {
        'models.csv': models.pieces(csvLine(columns.map((c) => c.name)), order),
        'audit.csv': audits.pieces(csvLine([...AUDIT_COLUMNS]), ordered),
      },
      hardware: ingested.hardware,
      assumptions: ingested.assumptions,
      table,
    };
  });
  const records = artifact.table.ids.length;
  return {
    artifact,
    stages: {
      ingest: { rowsIn: plan.rowCount, rowsOut: plan.rowCount, warnings: 0, ms: ms.ingest },
      normalize: { rowsIn: plan.rowCount, rowsOut: records, warnings: warnings.length, ms: ms.normalize },
      impute: { rowsIn: records, rowsOut: records, warnings: 0, ms: ms.impute },
    },
  };
}

/**
 * Indices of the records in their one order: by fractional year, then id (compareRecords, computed
 * on the columns by dateIdOrder; a comparator sort only if a year is NaN, which normalize rejects).
 */
export function recordOrder(year: Float64Array, ids: readonly string[]): Uint32Array {
  const order = dateIdOrder(year, ids);
  if (order !== null) return Uint32Array.from(order);
  const compare = (a: number, b: number) => compareRecords({ year: year[a], id: ids[a] } as NormalizedRecord, { year: year[b], id: ids[b] } as NormalizedRecord);
  return Uint32Array.from({ length: ids.length }, (_, i) => i).sort(compare);
}
