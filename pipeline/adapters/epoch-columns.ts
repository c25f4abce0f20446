/**
 * How Epoch AI's public CSV exports ("Notable AI Models", "Large-Scale AI Models", "All AI Models",
 * CC-BY 4.0) map onto our schema. Columns come and go between exports, so mapping is by name;
 * the first column was `System` before late 2024 and `Model` after.
 */
import type { Domain } from '../schema/raw-columns.ts';

export const EPOCH_CITATION = 'Epoch AI, Data on Notable AI Models (2024) https://epoch.ai/data/notable-ai-models';
export const EPOCH_LICENSE = 'CC-BY-4.0';

/** Our field ← the Epoch column names that carry it (first present wins). */
export const EPOCH_FIELDS = {
  name: ['Model', 'System'],
  domain: ['Domain'],
  organization: ['Organization'],
  publicationDate: ['Publication date'],
  reference: ['Reference'],
  link: ['Link'],
  parameters: ['Parameters'],
  compute: ['Training compute (FLOP)'],
  datasetSize: ['Training dataset size (datapoints)'],
  epochs: ['Epochs'],
  hardware: ['Training hardware'],
  hardwareCount: ['Hardware quantity'],
  utilization: ['Hardware utilization'],
  trainingTimeHours: ['Training time (hours)'],
  confidence: ['Confidence'],
  frontier: ['Frontier model'],
} as const;

export type EpochField = keyof typeof EPOCH_FIELDS;

/** Columns we know and deliberately do not use (notes, costs, accessibility, ...): not warned about. */
export const EPOCH_KNOWN_UNUSED = new Set([
  'Organization categorization',
  'Country (from Organization)',
  'Authors',
  'Citations',
  'Notability criteria',
  'Notability criteria notes',
  'Parameters notes',
  'Training compute notes',
  'Training dataset',
  'Training dataset notes',
  'Dataset size notes',
  'Training time notes',
  'Training compute cost (2023 USD)',
  'Compute cost notes',
  'Abstract',
  'Base model',
  'Finetune compute (FLOP)',
  'Finetune compute notes',
  'Batch size',
  'Batch size notes',
  'Model accessibility',
  'Training code accessibility',
  'Inference code accessibility',
  'Accessibility notes',
  'Training power draw (W)',
]);

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
