/**
 * The seeds of the analyses' bootstraps, by name: every fit draws from its own seeded generator,
 * the base seed plus the fit's offset here, so that adding a fit never changes another's draws.
 * The economic periods add their index k (0, 1, 2, …) to their offset, so those offsets are ten apart.
 */
export const BASE_SEED = 20220215;

export const SEED_OFFSET = {
  // The eras (pipeline/analyze/eras.ts); the run-length samples of the deep-learning and
  // large-scale eras reuse their era's offset.
  pre_deep_learning: 1,
  deep_learning: 2,
  large_scale: 3,
  regular_scale: 4,
  // The frontier (pipeline/analyze/frontier.ts); the run-length samples of the record-setters reuse it.
  record_setters: 11,
  top10: 12,
  // The other series (pipeline/analyze/other-series.ts).
  ai_and_compute: 21,
  economic_period_compute: 31,
  economic_period_parameters: 41,
  breakpoints: 51,
  parameters_trend: 61,
  dataset_trend: 62,
} as const;
