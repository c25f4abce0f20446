/**
 * Plausibility bounds: for every numeric value the pipeline reads — each numeric column of
 * data/raw/models.csv and hardware.csv, the numeric fields of an upstream export, and every
 * number in assumptions.yaml — the range a real machine-learning training run can have, with the
 * reason from the literature. The one table; pipeline/ingest/plausibility.ts applies it and
 * data/raw/README.md documents it.
 *
 * Two ranges per value:
 * - [min, max]: outside it the value is impossible for a real training run: an error, located at
 *   the cell (curated data and assumptions), or the value dropped with a located warning (an
 *   upstream export, which the pipeline never rejects for one bad cell).
 * - [warnMin, warnMax] inside it: outside it the value is possible but has not been seen in the
 *   literature: a warning, listed on the report's Data quality page. The value is kept.
 */

export interface Bound {
  /** Smallest possible value (inclusive). */
  min: number;
  /** Largest possible value (inclusive). */
  max: number;
  /** Values below this (but ≥ min) are kept with a warning. */
  warnMin?: number;
  /** Values above this (but ≤ max) are kept with a warning. */
  warnMax?: number;
  /** The value counts whole things (chips, cores). */
  integer?: boolean;
  /** What the number counts, for messages: "FLOP", "epochs", "hours". */
  unit: string;
  /** Why these limits, with the source they rest on. */
  reason: string;
}

const PARAMETERS: Bound = {
  min: 1,
  max: 1e15,
  warnMax: 1e13,
  unit: 'parameters',
  reason:
    'a model has at least one weight; the largest published models have ~1.6e12 parameters (Switch-C, Fedus et al. 2021; Wu Dao 2.0, 1.75e12), ' +
    'so above 1e13 is flagged, and 1e15 (2 PB of weights at 16 bits, before optimizer state) fits in no training cluster',
};

/** Every bound, by name. */
export const BOUNDS = {
  parameters: PARAMETERS,
  active_parameters: { ...PARAMETERS, reason: `${PARAMETERS.reason}; the parameters used per token cannot exceed that either` },
  training_tokens: {
    min: 1,
    max: 1e17,
    warnMax: 1e15,
    unit: 'tokens',
    reason:
      'the largest reported corpora are ~1.5e13–1.8e13 tokens (Llama 3, Meta 2024; Qwen2.5, 2024), so above 1e15 is flagged; ' +
      '1e17 is several hundred times the stock of public human text (~3e14 tokens, Villalobos et al. 2024)',
  },
  dataset_size: {
    min: 1e-3,
    max: 1e17,
    warnMin: 1,
    unit: 'dataset units',
    reason:
      'a dataset holds something (a thousandth of a unit: 3.6 s of audio at least) and at most as much as the largest token counts above (1e17)',
  },
  epochs: {
    min: 0.01,
    max: 1e6,
    warnMax: 1e4,
    unit: 'epochs',
    reason:
      'a run that sees under 1% of its dataset is not trained on that dataset (state the tokens seen in training_tokens instead); ' +
      'large language models train for ~0.2–4 epochs (T5: 0.17, Raffel et al. 2020), small-data models of the 1980s–90s for up to ~2e5 ' +
      '(Epoch AI: Bankruptcy-NN, 191,400), so above 1e4 is flagged and above 1e6 refused',
  },
  training_compute_flop: {
    min: 1,
    max: 1e29,
    warnMin: 1e3,
    warnMax: 1e27,
    unit: 'FLOP',
    reason:
      'training takes at least one operation; the earliest systems in Epoch AI’s data need ~40 FLOP (Theseus, 1950) and the largest runs ' +
      'reported by 2024 ~5e25 FLOP (Gemini 1.0 Ultra; Epoch AI, Notable AI Models), so outside 1e3–1e27 is flagged and above 1e29 ' +
      '(2,000 times the largest run) refused',
  },
  accelerator_hours: {
    min: 1e-3,
    max: 1e10,
    warnMax: 1e9,
    unit: 'accelerator-hours',
    reason:
      'the largest reported runs used ~3e7 accelerator-hours (Llama 3.1 405B: 3.08e7 H100-hours, Meta 2024), so above 1e9 is flagged ' +
      'and above 1e10 refused; below 3.6 s of one chip is not a training run',
  },
  hardware_count: {
    min: 1,
    max: 1e7,
    warnMax: 2e5,
    integer: true,
    unit: 'accelerators',
    reason:
      'training needs at least one chip; the largest clusters reported by 2024 hold ~1e5 accelerators (xAI Colossus: 100,000 H100s), ' +
      'so above 2e5 is flagged and above 1e7 refused',
  },
  training_time_hours: {
    min: 1 / 3600,
    max: 87_600,
    warnMax: 8_760,
    unit: 'hours',
    reason:
      'at least one second; the longest reported training ran ~10 months (OpenAI Five: 7,104 h, OpenAI 2019), so over a year is flagged ' +
      'and over ten years refused',
  },
  utilization: {
    min: 0.01,
    max: 1,
    warnMin: 0.1,
    warnMax: 0.75,
    unit: 'as a share of peak',
    reason:
      'a share of peak FLOP/s is at most 100%; large runs reach 20–60% (PaLM: 46% model FLOP utilization, Chowdhery et al. 2022; ' +
      'Llama 3: 38–43%), so outside 10–75% is flagged and below 1% refused',
  },
  utilization_hfu: {
    min: 0.01,
    max: 1,
    warnMin: 0.1,
    warnMax: 0.8,
    unit: 'as a share of peak',
    reason:
      'hardware FLOP utilization counts recomputed activations too, so it is at or above the model FLOP utilization of the same run ' +
      '(PaLM: 57.8% HFU against 46.2% MFU, Chowdhery et al. 2022); above 100% or below 1% is impossible, outside 10–80% is flagged',
  },
  power_draw_watts: {
    min: 1,
    max: 1e10,
    warnMin: 100,
    warnMax: 3e8,
    unit: 'W',
    reason:
      'a training run draws at least what one processor does (a CPU or GPU: ~100–700 W; NVIDIA H100 SXM: 700 W); Epoch AI’s estimates ' +
      'for the largest runs of 2024 are ~2.5e7 W (Llama 3.1 405B), and the largest clusters built by 2024 are reported at ~1.5e8 W ' +
      '(xAI Colossus), so outside 100 W–300 MW is flagged and above 10 GW (more than the largest power stations) refused',
  },
  cost_usd: {
    min: 0.001,
    max: 1e12,
    warnMax: 1e10,
    unit: 'US dollars',
    reason:
      'a cost is positive (a tenth of a cent at least); Epoch AI’s estimate for the most expensive run in its 2024 data is ~4e7 US dollars ' +
      'of compute (GPT-4, 2023 dollars), and the largest clusters of 2024 hold ~1e5 accelerators (see hardware_count) at ~3e4 dollars ' +
      'each (NVIDIA H100), some 3e9 dollars of hardware, so above 1e10 is flagged and above 1e12 (a trillion dollars, more than any ' +
      'company’s yearly spending) refused',
  },
  peak_flop_per_second: {
    min: 1e3,
    max: 1e18,
    warnMin: 1e9,
    warnMax: 1e16,
    unit: 'FLOP/s',
    reason:
      'the slowest computers that trained notable systems are 1950s machines (IBM 704: ~1.2e4 operations/s); the fastest single ' +
      'accelerators of 2024 reach ~4.5e15 dense FP8 (NVIDIA B200) and a wafer-scale chip ~1.25e17 (Cerebras WSE-3), so outside ' +
      '1e9–1e16 is flagged and outside 1e3–1e18 refused',
  },
  cores_per_chip: {
    min: 1,
    max: 1e6,
    integer: true,
    unit: 'cores',
    reason: 'TPUs have 1–2 TensorCores per chip; a wafer-scale chip ~9e5 cores (Cerebras WSE-3)',
  },
  'assumptions.utilization': {
    min: 0.01,
    max: 1,
    warnMin: 0.1,
    warnMax: 0.75,
    unit: 'as a share of peak',
    reason:
      'a default share of peak FLOP/s: large runs reach 20–60% (PaLM 46%, Chowdhery et al. 2022; Llama 3 38–43%); above 100% or below 1% is impossible',
  },
  'assumptions.uncertainty_factor': {
    min: 1,
    max: 100,
    warnMax: 10,
    unit: '×',
    reason:
      'a value’s range is [value ÷ factor, value × factor]: 1 is exact; beyond 10 (an order of magnitude either way) is flagged, and ' +
      'beyond 100 the range says nothing',
  },
  'assumptions.tokens_per_word': {
    min: 0.5,
    max: 10,
    warnMin: 1,
    warnMax: 2,
    unit: 'tokens per word',
    reason: 'BPE tokenizers give ~1.3 tokens per English word (OpenAI: ~0.75 words per token) and up to ~3–4 for other languages',
  },
  'assumptions.flop_per_parameter_per_token': {
    min: 2,
    max: 24,
    warnMin: 6,
    warnMax: 8,
    unit: 'FLOP per parameter per token',
    reason:
      '2 for the forward pass alone, 6 with the backward pass (Kaplan et al. 2020), 8 with full activation recomputation ' +
      '(Korthikanti et al. 2022); more than three times that is not a count of this model’s operations',
  },
  'assumptions.audit_disagreement_factor': {
    min: 1,
    max: 100,
    unit: '×',
    reason: 'a ratio of two compute estimates: 1 lists every difference, beyond 100 (two orders of magnitude) hides every real one',
  },
  'assumptions.breakpoints.min_segment_years': {
    min: 0,
    max: 100,
    warnMax: 10,
    unit: 'years',
    reason:
      'the shortest span of a segment of the automatic breakpoints: 0 sets no minimum; the eras reported in the literature last ~10–60 ' +
      'years (Sevilla et al. 2022: 1952–2010 and from 2010), so a minimum above 10 years is flagged, and one above 100 years, longer than ' +
      'the whole history of the field, refused',
  },
  'assumptions.breakpoints.min_segment_points': {
    min: 0,
    max: 1e6,
    integer: true,
    unit: 'systems',
    reason: 'the fewest systems in a segment of the automatic breakpoints, a whole number: 0 sets no minimum; beyond a million it exceeds any dataset',
  },
} as const satisfies Record<string, Bound>;

export type BoundName = keyof typeof BOUNDS;

/** Where each bound applies, for data/raw/README.md. */
export const BOUND_USES: Record<BoundName, string> = {
  parameters: '`parameters` (models.csv; Epoch `Parameters`)',
  active_parameters: '`active_parameters`',
  training_tokens: '`training_tokens` (Epoch `Training dataset size (gradients)`)',
  dataset_size: '`dataset_size` (Epoch `Training dataset size (datapoints)`, `(total)`)',
  epochs: '`epochs` (Epoch `Epochs`)',
  training_compute_flop:
    '`training_compute` in FLOP after unit conversion (Epoch `Training compute (FLOP)`, `Training compute lower bound`, `upper bound`), and every estimate the impute stage would make from a row',
  accelerator_hours: '`training_compute` given as accelerator time (GPU-hours, TPU-core-days, …); Epoch `Training chip-hours`',
  hardware_count: '`hardware_count` (Epoch `Hardware quantity`)',
  training_time_hours: '`training_time`, in hours (Epoch `Training time (hours)`)',
  utilization: '`utilization` (Epoch `Hardware utilization (MFU)`, formerly `Hardware utilization`)',
  utilization_hfu: 'Epoch `Hardware utilization (HFU)`',
  power_draw_watts: 'Epoch `Training power draw (W)`',
  cost_usd: 'Epoch `Training compute cost (cloud)`, `(upfront)`, `(2023 USD)`, `Hardware acquisition cost`',
  peak_flop_per_second: 'hardware.csv `peak_fp64` … `peak_int8`',
  cores_per_chip: 'hardware.csv `cores_per_chip`',
  'assumptions.utilization': 'assumptions.yaml `utilization.default`, `utilization.by_domain.*`',
  'assumptions.uncertainty_factor': 'assumptions.yaml `uncertainty_factor.*`',
  'assumptions.tokens_per_word': 'assumptions.yaml `tokens_per_word`',
  'assumptions.flop_per_parameter_per_token': 'assumptions.yaml `flop_per_parameter_per_token`',
  'assumptions.audit_disagreement_factor': 'assumptions.yaml `audit_disagreement_factor`',
  'assumptions.breakpoints.min_segment_years': 'assumptions.yaml `breakpoints.min_segment_years`',
  'assumptions.breakpoints.min_segment_points': 'assumptions.yaml `breakpoints.min_segment_points`',
};

/** The bound of each numeric column of data/raw/models.csv (training_compute: after unit conversion). */
export const MODEL_COLUMN_BOUNDS = {
  parameters: 'parameters',
  active_parameters: 'active_parameters',
  training_tokens: 'training_tokens',
  dataset_size: 'dataset_size',
  epochs: 'epochs',
  training_compute: 'training_compute_flop',
  hardware_count: 'hardware_count',
  training_time: 'training_time_hours',
  utilization: 'utilization',
} as const satisfies Record<string, BoundName>;

/** Dates: the earliest publication date, and the rule for the cited source's year. */
export const DATE_RULES = {
  earliest: '1900-01-01',
  reason:
    'no date may be after the run date; a source may be later than the system it describes (a retrospective, a later report, ' +
    'a dataset such as Epoch AI’s), but not earlier: a source from before the system’s publication date means the publication ' +
    'date is not the first one',
} as const;
