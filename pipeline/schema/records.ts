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
  /** The upstream export's date (YYYY-MM-DD or YYYY-MM); null or absent for curated records. */
  exportDate?: string | null;
}

/**
 * A training-cost figure in US dollars on the basis its publisher states (e.g. Epoch AI's
 * "Training compute cost (2023 USD)"), kept as stated: figures on different bases are never
 * converted into one another or mixed in one fit.
 */
export interface TrainingCost {
  /** US dollars. */
  value: number;
  /** The publisher's basis, e.g. '2023-usd', 'cloud', 'upfront'. */
  basis: string;
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
  /**
   * Who produced the stated compute value when it is not the system's authors: a third party
   * ("Epoch AI", "OpenAI", ...). null: the authors, or, for an external export, the export's
   * publisher (see computeEstimatedBy in pipeline/impute/precedence.ts).
   */
  computeEstimatedBy: string | null;
  /** How the third party estimated the value, as it names the method; null when not stated. */
  computeEstimationMethod: string | null;
  /** The confidence the third party states for the value (Epoch AI: Confident, Likely, Speculative). */
  confidence: string | null;
  notes: string;
  origin: Origin;

  // ---- Fields an upstream export (Epoch AI) states and the curated schema does not. Optional: a
  // record without them (the curated records, an older export) reads as null, and the analyses
  // that need them say they could not be computed (pipeline/analyze/record-fields.ts reads them).
  /** Kinds of the developing organizations (Industry, Academia, Government, Research collective; several joined by "; " or ","). */
  organizationCategory?: string | null;
  /** Countries of the developing organizations (several joined by "; " or ","). */
  country?: string | null;
  /** Whether the trained weights can be downloaded; null when unknown. */
  openWeights?: boolean | null;
  /** The accessibility as the upstream writes it ("Open weights (unrestricted)", "API access", ...). */
  accessibility?: string | null;
  /** Accelerator-hours of the training run, as stated. */
  chipHours?: number | null;
  /** Training cost on the publisher's stated basis. */
  trainingCost?: TrainingCost | null;
  /** Cost of acquiring the training hardware, US dollars. */
  hardwareAcquisitionCost?: number | null;
  /** Power draw of the training cluster, watts. */
  powerDrawWatts?: number | null;
  /** The upstream's lower and upper bounds of its compute value (FLOP). */
  computeBounds?: { low: number | null; high: number | null } | null;
  /** The upstream's flag for systems whose compute may exceed 10^23 FLOP though no value is known. */
  possiblyOver1e23?: boolean | null;
  /** The upstream's frontier flag (in the top 10 by training compute when released). */
  frontierModel?: boolean | null;
}

/**
 * How a compute value was obtained: stated by the authors in FLOP, stated by them in another unit
 * and converted by us, estimated by a third party, or estimated by this pipeline (operation
 * counting, hardware time). The method says who, too: see provenanceKindOf.
 */
export const FLOP_METHODS = ['stated', 'converted', 'third-party', 'operations', 'hardware'] as const;
export type FlopMethod = (typeof FLOP_METHODS)[number];

/** Who produced a compute value: the system's authors, a third party, or this pipeline. */
export const PROVENANCE_KINDS = ['authors', 'third-party', 'pipeline'] as const;
export type ProvenanceKind = (typeof PROVENANCE_KINDS)[number];

/** The kind of each method: a method belongs to exactly one kind. */
export const PROVENANCE_OF_METHOD: Readonly<Record<FlopMethod, ProvenanceKind>> = {
  stated: 'authors',
  converted: 'authors',
  'third-party': 'third-party',
  operations: 'pipeline',
  hardware: 'pipeline',
};

/** Who produced a compute value and how, beside the estimate's formula, assumptions and source. */
export interface FlopProvenance {
  kind: ProvenanceKind;
  /** The third party's name, or this pipeline's; null for the system's authors. */
  estimatedBy: string | null;
  /** The third party's method as it names it, or the pipeline's; null when not stated. */
  estimationMethod: string | null;
  /** The confidence the third party states; null when it states none (and for other kinds). */
  confidence: string | null;
}

export interface FlopEstimate {
  flop: number;
  method: FlopMethod;
  /** The arithmetic, in words and numbers, e.g. "6 × 1.75e11 params × 3e11 tokens". */
  formula: string;
  /** Assumptions the estimate made (utilization, precision, epochs = 1, ...). */
  assumptions: string[];
  /**
   * The citation the value rests on: the authors' publication for a stated value, the third
   * party's (with its link) for a third-party estimate, the inputs' sources for the pipeline's.
   */
  source: string;
  provenance: FlopProvenance;
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
