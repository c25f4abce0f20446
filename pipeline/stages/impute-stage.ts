/**
 * The impute stage's artifact: processed records plus the files it publishes to data/processed/
 * (models.csv, audit.csv, and merge-report.csv when an external export was merged).
 */
import type { Assumptions } from '../ingest/assumptions.ts';
import { loadModelColumns, modelsCsvPieces } from '../impute/processed-table.ts';
import { toCsv, toCsvPieces, type CsvCell, type FileText } from '../io/csv-writer.ts';
import type { Provenance } from '../schema/provenance.ts';
import type { HardwareSpec, ProcessedRecord } from '../schema/records.ts';
import type { ImputeArtifact } from './definitions.ts';
import { impute } from './impute.ts';
import type { NormalizeOutput } from './normalize.ts';

export interface ImputeInput extends NormalizeOutput {
  ingest: {
    files: string[];
    hardware: HardwareSpec[];
    assumptions: Assumptions;
    models: number;
    external: { file: string; rows: number }[];
  };
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

export function imputeStage(input: ImputeInput): ImputeArtifact & { hardware: HardwareSpec[]; assumptions: Assumptions } {
  const { records, disagreements } = impute(input.records, input.ingest.hardware, input.ingest.assumptions);
  const columns = loadModelColumns();
  const outputs: Record<string, FileText> = {
    'models.csv': modelsCsvPieces(records, columns),
    'audit.csv': toCsvPieces(AUDIT_COLUMNS, auditRows(records)),
  };
  if (input.merge) {
    outputs['merge-report.csv'] = toCsv(
      ['id', 'name', 'curated_flop', 'external_flop', 'ratio', 'external_file', 'external_line'],
      input.merge.disagreements.map((d) => [d.id, d.name, d.curatedFlop, d.externalFlop, Number(d.ratio.toPrecision(4)), d.externalFile, d.externalLine]),
    );
  }
  return {
    records,
    disagreements: disagreements.map((d) => d.id),
    provenance: imputeProvenance(input),
    outputs,
    hardware: input.ingest.hardware,
    assumptions: input.ingest.assumptions,
  };
}

/** Which files the records came from, what was dropped or merged, and the warnings. */
export function imputeProvenance(input: Pick<ImputeInput, 'ingest' | 'dropped' | 'merge' | 'warnings'>): Provenance {
  return {
    files: [
      ...input.ingest.files
        .filter((f) => f.endsWith('hardware.csv'))
        .map((file) => ({ file, kind: 'hardware' as const, records: input.ingest.hardware.length })),
      ...input.ingest.files
        .filter((f) => f.endsWith('/models.csv') || f === 'models.csv')
        .map((file) => ({ file, kind: 'curated' as const, records: input.ingest.models })),
      ...input.ingest.external.map((e) => ({ file: e.file, kind: 'external' as const, records: e.rows })),
    ],
    dropped: input.dropped,
    merge: input.merge ? { matched: input.merge.matched, added: input.merge.added, disagreements: input.merge.disagreements.length } : null,
    warnings: input.warnings.map((w) => ({ file: w.file, line: w.line, ...(w.column !== undefined ? { column: w.column } : {}), message: w.message })),
  };
}
