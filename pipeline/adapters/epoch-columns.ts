/**
 * How Epoch AI's public CSV exports ("Notable AI Models", "Large-Scale AI Models", "All AI Models",
 * CC-BY 4.0) map onto our schema: ONE declarative map, ours ← Epoch's names, for every layout from
 * 2022 to today. Columns come and go between exports, so mapping is by name, never by position;
 * names are compared with case and spacing ignored. Where a column was renamed, every name it has
 * had is listed, newest first; where one column was split in two (datapoints → total and
 * gradients; utilization → MFU and HFU; cost → cloud and upfront), each part is its own entry.
 *
 * The renames, from Epoch AI's documentation of its exports:
 *   System → Model; Country (from Organization) → Country (of organization);
 *   Training dataset size (datapoints) → Training dataset size (total) + (gradients);
 *   Hardware utilization → Hardware utilization (MFU) + (HFU);
 *   Training compute cost (2023 USD) → Training compute cost (cloud) + (upfront), plus Hardware acquisition cost;
 *   Model accessibility beside Open model weights?;
 *   2022 spreadsheet spellings: Training compute (FLOPs), Organization(s), Author(s).
 */
import type { BoundName } from '../schema/bounds.ts';
import type { Domain } from '../schema/raw-columns.ts';

/** The dataset's citation, as snapshot metadata and curated `*_source` cells write it. */
export const EPOCH_CITATION = 'Epoch AI, Data on Notable AI Models (2024) https://epoch.ai/data/notable-ai-models';
export const EPOCH_LICENSE = 'CC-BY-4.0';
export const EPOCH_URL = 'https://epoch.ai/data/notable-ai-models';

/** The source of an upstream value: the export it was read from, by its date. */
export function epochSource(exportDate: string | null): string {
  return `Epoch AI, Notable AI Models (${exportDate ? `export ${exportDate}` : 'export of unknown date'}) ${EPOCH_URL}`;
}

/** How a column's cells are read: see pipeline/adapters/epoch.ts. */
export type CellKind = 'text' | 'number' | 'fraction' | 'boolean';

export interface EpochColumn {
  /** Epoch's names for it, newest first (the first one present in a header is read). */
  names: readonly string[];
  kind: CellKind;
  /**
   * For a number: its plausibility bound (pipeline/schema/bounds.ts). An impossible value is
   * dropped and an unusual one kept, each with a located warning.
   */
  bound?: BoundName;
}

/** Our field ← Epoch's column(s). Everything the adapter reads is here. */
export const EPOCH_COLUMNS = {
  name: { names: ['Model', 'System'], kind: 'text' },
  domain: { names: ['Domain'], kind: 'text' },
  organization: { names: ['Organization', 'Organization(s)'], kind: 'text' },
  organizationCategory: { names: ['Organization categorization'], kind: 'text' },
  country: { names: ['Country (of organization)', 'Country (from Organization)'], kind: 'text' },
  publicationDate: { names: ['Publication date'], kind: 'text' },
  reference: { names: ['Reference'], kind: 'text' },
  link: { names: ['Link'], kind: 'text' },
  parameters: { names: ['Parameters'], kind: 'number', bound: 'parameters' },
  compute: { names: ['Training compute (FLOP)', 'Training compute (FLOPs)'], kind: 'number', bound: 'training_compute_flop' },
  computeLow: { names: ['Training compute lower bound'], kind: 'number', bound: 'training_compute_flop' },
  computeHigh: { names: ['Training compute upper bound'], kind: 'number', bound: 'training_compute_flop' },
  computeEstimationMethod: { names: ['Training compute estimation method'], kind: 'text' },
  confidence: { names: ['Confidence'], kind: 'text' },
  possiblyOver1e23: { names: ['Possibly over 1e23 FLOP'], kind: 'boolean' },
  frontierModel: { names: ['Frontier model'], kind: 'boolean' },
  // Dataset size: the 2022–2024 column counts "datapoints"; later exports split it into the
  // dataset's size (total) and the datapoints gradients were computed on (gradients).
  datasetDatapoints: { names: ['Training dataset size (datapoints)'], kind: 'number', bound: 'dataset_size' },
  datasetTotal: { names: ['Training dataset size (total)'], kind: 'number', bound: 'dataset_size' },
  datasetGradients: { names: ['Training dataset size (gradients)'], kind: 'number', bound: 'training_tokens' },
  epochs: { names: ['Epochs'], kind: 'number', bound: 'epochs' },
  trainingTimeHours: { names: ['Training time (hours)'], kind: 'number', bound: 'training_time_hours' },
  hardware: { names: ['Training hardware'], kind: 'text' },
  hardwareCount: { names: ['Hardware quantity'], kind: 'number', bound: 'hardware_count' },
  chipHours: { names: ['Training chip-hours'], kind: 'number', bound: 'accelerator_hours' },
  numericalFormat: { names: ['Numerical format'], kind: 'text' },
  // The undivided column meant model FLOP utilization in practice (papers state MFU); read as such.
  utilization: { names: ['Hardware utilization (MFU)', 'Hardware utilization'], kind: 'fraction', bound: 'utilization' },
  utilizationHfu: { names: ['Hardware utilization (HFU)'], kind: 'fraction', bound: 'utilization_hfu' },
  costCloud: { names: ['Training compute cost (cloud)'], kind: 'number', bound: 'cost_usd' },
  costUpfront: { names: ['Training compute cost (upfront)'], kind: 'number', bound: 'cost_usd' },
  cost2023Usd: { names: ['Training compute cost (2023 USD)'], kind: 'number', bound: 'cost_usd' },
  hardwareAcquisitionCost: { names: ['Hardware acquisition cost'], kind: 'number', bound: 'cost_usd' },
  powerDrawWatts: { names: ['Training power draw (W)'], kind: 'number', bound: 'power_draw_watts' },
  accessibility: { names: ['Model accessibility'], kind: 'text' },
  openWeights: { names: ['Open model weights?'], kind: 'boolean' },
} as const satisfies Record<string, EpochColumn>;

export type EpochField = keyof typeof EPOCH_COLUMNS;

/**
 * Epoch's names by field, as the map lists them (kept for the callers that only need names:
 * refresh's validation and the export check).
 */
export const EPOCH_FIELDS = Object.fromEntries(Object.entries(EPOCH_COLUMNS).map(([f, c]) => [f, c.names])) as {
  [F in EpochField]: (typeof EPOCH_COLUMNS)[F]['names'];
};

/**
 * Columns we know and deliberately do not read (notes, authors, abstracts, fine-tuning, code
 * access, ...): not reported as unknown. Anything else is reported once, by name.
 */
export const EPOCH_KNOWN_UNUSED = [
  'Authors',
  'Author(s)',
  'Citations',
  'Notability criteria',
  'Notability criteria notes',
  'Parameters notes',
  'Training compute notes',
  'Training dataset',
  'Training dataset notes',
  'Dataset size notes',
  'Training time notes',
  'Compute cost notes',
  'Abstract',
  'Base model',
  'Finetune compute (FLOP)',
  'Finetune compute notes',
  'Post-training compute (FLOP)',
  'Post-training compute notes',
  'Batch size',
  'Batch size notes',
  'Training code accessibility',
  'Inference code accessibility',
  'Accessibility notes',
  'Hardware utilization notes',
  'Training power draw notes',
  'Numerical format notes',
  'Task',
  'Inference compute (FLOPs)',
  'Approach',
  'Compute Sponsor Categorization',
] as const;

/** A header name as the map compares it: case and runs of white space ignored. */
export function columnKey(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Where each field sits in a header (0-based), and the header names the map does not know.
 * The first name of a field's list that the header has wins.
 */
export function resolveColumns(header: readonly string[]): { index: Map<EpochField, number>; unknown: string[] } {
  const at = new Map<string, number>();
  header.forEach((h, i) => {
    const k = columnKey(h);
    if (!at.has(k)) at.set(k, i);
  });
  const index = new Map<EpochField, number>();
  for (const [field, column] of Object.entries(EPOCH_COLUMNS) as [EpochField, EpochColumn][]) {
    const i = column.names.map((n) => at.get(columnKey(n))).find((x) => x !== undefined);
    if (i !== undefined) index.set(field, i);
  }
  const known = new Set<string>([...Object.values(EPOCH_COLUMNS).flatMap((c) => c.names), ...EPOCH_KNOWN_UNUSED].map(columnKey));
  const unknown = header.filter((h) => h.trim() !== '' && !known.has(columnKey(h)));
  return { index, unknown };
}

const DOMAIN_MAP: Record<string, Domain> = {
  language: 'language',
  vision: 'vision',
  'image generation': 'vision',
  video: 'vision',
  '3d modeling': 'vision',
  games: 'games',
  speech: 'speech',
  audio: 'speech',
  multimodal: 'multimodal',
  recommendation: 'recommendation',
  search: 'recommendation',
};

/** Epoch's domain list (comma-separated) → one of ours: several distinct ones make it multimodal. */
export function mapEpochDomain(text: string): Domain {
  const mapped = [...new Set(text.split(',').map((d) => DOMAIN_MAP[d.trim().toLowerCase()] ?? 'other'))].filter(
    (d) => text.trim() !== '' || d !== 'other',
  );
  if (mapped.length === 0) return 'other';
  if (mapped.includes('multimodal')) return 'multimodal';
  const distinct = mapped.filter((d) => d !== 'other');
  if (distinct.length > 1 && distinct.includes('language')) return 'multimodal';
  return distinct[0] ?? 'other';
}

/**
 * Training tokens from Epoch's dataset-size columns, for language systems only (our domain
 * `language`: Epoch's domain is Language alone; a multimodal system's datapoints are often
 * image–text pairs, never tokens).
 *
 * - `Training dataset size (datapoints)` (exports of 2022–2024) counts a language model's data in
 *   WORDS, not tokens: the exports' own "Dataset size notes" convert stated tokens with 0.75 words
 *   per token (Llama 2-70B: "2 trillion tokens ~= 1.5 trillion words", value 1.5e12; Chinchilla:
 *   "1.4 trillion tokens … 1 token ~ 0.75 words", value 1.05e12; GPT-3 175B (davinci): "499 billion
 *   tokens … multiply this by 0.75 to give 374B words", value 3.74e11), and Epoch AI's dataset-size
 *   insight speaks of "tens of trillions of words" (epoch.ai/data-insights/dataset-size-trend). It
 *   is read as dataset_size in `words`, which the impute stage turns into tokens with the
 *   tokens-per-word assumption (data/raw/assumptions.yaml) × epochs, and says so.
 * - `Training dataset size (total)` / `(gradients)` (later exports) count tokens for language
 *   models, per Epoch AI's documentation of those columns; gradients are the datapoints trained
 *   on, so they are the training tokens; total is the dataset's size in tokens.
 */
export const LANGUAGE_DATASET_UNITS = { datasetDatapoints: 'words', datasetTotal: 'tokens' } as const;

/** Epoch's numerical-format names → our precision ids; other formats stay empty. */
const PRECISIONS: [RegExp, 'fp64' | 'fp32' | 'tf32' | 'fp16' | 'bf16' | 'fp8' | 'int8'][] = [
  [/^\s*(fp|float)\s*64\b/i, 'fp64'],
  [/^\s*tf\s*32\b/i, 'tf32'],
  [/^\s*(fp|float)\s*32\b/i, 'fp32'],
  [/^\s*bf\s*16\b|^\s*bfloat\s*16\b/i, 'bf16'],
  [/^\s*(fp|float)\s*16\b/i, 'fp16'],
  [/^\s*fp\s*8\b/i, 'fp8'],
  [/^\s*int\s*8\b/i, 'int8'],
];

export function mapEpochPrecision(text: string): (typeof PRECISIONS)[number][1] | null {
  // A list ("BF16, FP32") names mixed precision: its first, the matmul format, is the one peak FLOP/s uses.
  const first = text.split(',')[0] ?? '';
  return PRECISIONS.find(([re]) => re.test(first))?.[1] ?? null;
}

/** Epoch's accelerator names → our hardware ids (data/raw/hardware.csv). Unmatched names stay empty. */
const HARDWARE_PATTERNS: [RegExp, string][] = [
  [/TPU v2\b/i, 'google-tpu-v2'],
  [/TPU v3\b/i, 'google-tpu-v3'],
  [/TPU v4\b/i, 'google-tpu-v4'],
  [/TPU v5e\b/i, 'google-tpu-v5e'],
  [/TPU v5p\b/i, 'google-tpu-v5p'],
  [/\bH100\b/i, 'nvidia-h100'],
  [/\bH800\b/i, 'nvidia-h800'],
  [/\bA100\b/i, 'nvidia-a100'],
  [/\bA800\b/i, 'nvidia-a800'],
  [/\bRTX A6000\b/i, 'nvidia-a6000'],
  [/\bV100\b/i, 'nvidia-v100'],
  [/\bP100\b/i, 'nvidia-p100'],
  [/\bK80\b/i, 'nvidia-k80'],
  [/\bK40/i, 'nvidia-k40'],
  [/\bM40\b/i, 'nvidia-m40'],
  [/GTX 580\b/i, 'nvidia-gtx-580'],
  [/GTX TITAN X\b/i, 'nvidia-titan-x-maxwell'],
  [/Titan Black\b/i, 'nvidia-titan-black'],
  [/GTX TITAN$/i, 'nvidia-gtx-titan'],
  [/TITAN Xp\b/i, 'nvidia-titan-xp'],
  [/GTX 1080 Ti\b/i, 'nvidia-gtx-1080-ti'],
  [/RTX 2080 Ti\b/i, 'nvidia-rtx-2080-ti'],
  [/RTX 3090\b/i, 'nvidia-rtx-3090'],
  [/MI250X\b/i, 'amd-mi250x'],
];

export function mapEpochHardware(text: string, known: ReadonlySet<string>): string | null {
  const first = text.split(',')[0]?.trim() ?? '';
  if (first === '') return null;
  for (const [re, id] of HARDWARE_PATTERNS) if (re.test(first) && known.has(id)) return id;
  return null;
}
