/**
 * The typed records that flow between stages: raw rows (ingest), normalized records
 * (normalize), processed records (impute) — see ARCHITECTURE.md.
 */
import type { Architecture, DatasetUnit, Domain, Precision, RawModelColumn } from './raw-columns.ts';

/** A row of data/raw/models.csv as text, validated for shape but not yet parsed. */
export interface RawModelRow {
  file: string;
  line: number;
  /** Index of each column in the file's header (1-based), for locating problems. */
  columnIndex: Partial<Record<RawModelColumn, number>>;
  cells: Record<RawModelColumn, string>;
}

export interface HardwareSpec {
  id: string;
  name: string;
  vendor: string;
  kind: 'gpu' | 'tpu' | 'cpu';
  releaseDate: string;
  coresPerChip: number;
  /** Peak dense FLOP/s per chip by precision. */
  peak: Partial<Record<Precision, number>>;
  defaultPrecision: Precision;
  citation: string;
}

export interface Citation {
  title: string;
  year: number;
  link: string;
}

export type ComputeReport =
  | { kind: 'flop'; flop: number; unit: string; text: string; formula: string }
  | { kind: 'accelerator-time'; hours: number; perCore: boolean; unit: string; text: string };

export type DatePrecision = 'day' | 'month' | 'year';

/** Where a record came from: the curated file, or an external export (e.g. Epoch AI). */
export interface Origin {
  file: string;
  line: number;
  dataset: 'curated' | 'epoch';
}

export interface NormalizedRecord {
  id: string;
  name: string;
  organization: string;
  domain: Domain;
  architecture: Architecture | null;
  publicationDate: string;
  datePrecision: DatePrecision;
  year: number;
  parameters: number | null;
  activeParameters: number | null;
  trainingTokens: number | null;
  datasetSize: number | null;
  datasetUnit: DatasetUnit | null;
  epochs: number | null;
  compute: ComputeReport | null;
  hardware: string | null;
  hardwareCount: number | null;
  /** Whether hardwareCount counts TPU cores rather than chips. */
  hardwareCountIsCores: boolean;
  trainingTimeHours: number | null;
  precision: Precision | null;
  utilization: number | null;
  citation: Citation;
  /** Per-value sources where they differ from the main citation. */
  valueSources: { parameters: string | null; data: string | null; compute: string | null; hardware: string | null };
  notes: string;
  origin: Origin;
}

export const FLOP_METHODS = ['reported', 'converted', 'operations', 'hardware'] as const;
export type FlopMethod = (typeof FLOP_METHODS)[number];

export interface FlopEstimate {
  flop: number;
  method: FlopMethod;
  /** The arithmetic, in words and numbers, e.g. "6 × 1.75e11 params × 3e11 tokens". */
  formula: string;
  /** Assumptions the estimate made (utilization, precision, epochs = 1, ...). */
  assumptions: string[];
  /** The citation the estimate's inputs rest on. */
  source: string;
}

export interface ProcessedRecord extends NormalizedRecord {
  flop: FlopEstimate | null;
  flopLow: number | null;
  flopHigh: number | null;
  /** Tokens (or examples) processed, as used by operation counting. */
  tokensProcessed: number | null;
  /** Independent estimate compared with the reported value, for the consistency audit. */
  audit: { estimate: FlopEstimate; ratio: number } | null;
}
