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
  // window, then to date), from each offset (twenty apart): Sevilla et al.'s eras, their Appendix E, and the others.
  like_for_like_eras: 700,
  like_for_like_appendix_e: 720,
  literature: 740,
  // The trend analyses of issue 19 (pipeline/analyze/trend-analyses.ts). Per domain: plus the
  // domain's index in DOMAIN_GROUPS (0–5); on Sevilla et al.'s window, plus the index in SEVILLA_GROUPS (0–3).
  domain_trends: 100,
  domain_trends_matched: 110,
  // Run scale (run-scale.ts): all systems, and the frontier at +1.
  duration: 200,
  chips: 202,
  chip_hours: 204,
  // Cost and power (cost-and-power.ts): all systems, and the frontier at +1. Training cost adds
  // twice the basis's index in COST_BASES, so a basis's draws never depend on which others are present.
  training_cost: 300,
  acquisition_cost: 340,
  power: 350,
  // Who trains (who-trains.ts): industry's share per period (plus the period's index in SHARE_PERIODS),
  // and the record-setters of open and of closed weights.
  industry_share: 400,
  open_record_setters: 420,
  closed_record_setters: 421,
  tokens_per_parameter: 600,
} as const;
