/**
 * The five stages in order, each with the same shape: what it reads (the previous stage's
 * artifact), what it does, and which published files it produces. The orchestrator (run.ts) adds
 * caching, logging and atomic publishing around them.
 */
import type { AnalysisTable } from '../analyze/table.ts';
import type { FileText } from '../io/csv-writer.ts';
import type { Provenance } from '../schema/provenance.ts';
import type { ProcessedRecord, NormalizedRecord } from '../schema/records.ts';
import type { Fits } from '../schema/fits.ts';
import type { IngestOutput } from './ingest.ts';
import type { NormalizeOutput } from './normalize.ts';

export const STAGES = ['ingest', 'normalize', 'impute', 'analyze', 'render'] as const;
export type StageName = (typeof STAGES)[number];

export interface ImputeArtifact {
  records: ProcessedRecord[];
  disagreements: string[];
  provenance: Provenance;
  /** Files for data/processed/, by name (tables in pieces: pipeline/io/csv-writer.ts). */
  outputs: Record<string, FileText>;
  /**
   * The analyses' columns, when the row stages ran in batches (pipeline/stages/row-batches.ts);
   * `records` is then empty unless a render follows. Never part of a cached artifact.
   */
  table?: AnalysisTable;
}

export interface AnalyzeArtifact {
  fits: Fits;
  outputs: Record<string, string>;
}

export type { IngestOutput, NormalizeOutput, NormalizedRecord };
