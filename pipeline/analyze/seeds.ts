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
  // The frontier (pipeline/analyze/frontier.ts): record-setters and Epoch AI's running top 10;
  // the run-length samples of the record-setters reuse its offset.
  record_setters: 11,
  running_top: 12,
  // The other series (pipeline/analyze/other-series.ts).
  ai_and_compute: 21,
  economic_period_compute: 31,
  economic_period_parameters: 41,
  breakpoints: 51,
  parameters_trend: 61,
  dataset_trend: 62,
  // The alternative era definitions (pipeline/stages/analyze.ts): three per variant k, from here.
  era_alternatives: 71,
  // The fits beside published figures (pipeline/analyze/like-for-like.ts): two per figure k (same
  // window, then to date), from each offset: Sevilla et al.'s eras, their Appendix E, and the others.
  like_for_like_eras: 101,
  like_for_like_appendix_e: 111,
  literature: 121,
} as const;
