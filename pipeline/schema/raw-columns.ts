/**
 * The columns of data/raw/models.csv, in file order. The same list documents the schema
 * (data/raw/README.md) and drives validation in the ingest stage.
 */
export const RAW_MODEL_COLUMNS = [
  'id',
  'name',
  'organization',
  'domain',
  'architecture',
  'publication_date',
  'parameters',
  'active_parameters',
  'training_tokens',
  'dataset_size',
  'dataset_unit',
  'epochs',
  'training_compute',
  'training_compute_unit',
  'hardware',
  'hardware_count',
  'training_time',
  'precision',
  'utilization',
  'source_title',
  'source_year',
  'source_link',
  'parameters_source',
  'data_source',
  'compute_source',
  'compute_estimated_by',
  'compute_estimation_method',
  'compute_confidence',
  'hardware_source',
  'notes',
] as const;

export type RawModelColumn = (typeof RAW_MODEL_COLUMNS)[number];

/** Columns a row may not leave empty. */
export const REQUIRED_MODEL_COLUMNS: readonly RawModelColumn[] = [
  'id',
  'name',
  'organization',
  'domain',
  'publication_date',
  'source_title',
  'source_year',
  'source_link',
];

export const DOMAINS = ['language', 'vision', 'games', 'speech', 'multimodal', 'recommendation', 'other'] as const;
export type Domain = (typeof DOMAINS)[number];

export const ARCHITECTURES = ['transformer', 'moe', 'cnn', 'rnn', 'mlp', 'other'] as const;
export type Architecture = (typeof ARCHITECTURES)[number];

export const DATASET_UNITS = [
  'tokens',
  'words',
  'characters',
  'images',
  'examples',
  'sentence-pairs',
  'games',
  'frames',
  'hours',
  'timesteps',
] as const;
export type DatasetUnit = (typeof DATASET_UNITS)[number];

/**
 * How a third party estimated a compute value (compute_estimation_method): by counting operations,
 * from hardware time, from benchmark scores (or comparison with other systems), or otherwise
 * (scaled from another system's estimate, read off a chart, relayed from another estimator).
 */
export const ESTIMATION_METHODS = ['operations', 'hardware', 'benchmarks', 'other'] as const;
export type EstimationMethod = (typeof ESTIMATION_METHODS)[number];

export const PRECISIONS = ['fp64', 'fp32', 'tf32', 'fp16', 'bf16', 'fp8', 'int8'] as const;
export type Precision = (typeof PRECISIONS)[number];

export const RAW_HARDWARE_COLUMNS = [
  'id',
  'name',
  'vendor',
  'kind',
  'release_date',
  'cores_per_chip',
  'peak_fp64',
  'peak_fp32',
  'peak_tf32',
  'peak_fp16',
  'peak_bf16',
  'peak_fp8',
  'peak_int8',
  'default_precision',
  'source_title',
  'source_year',
  'source_link',
  'notes',
] as const;
export type RawHardwareColumn = (typeof RAW_HARDWARE_COLUMNS)[number];
