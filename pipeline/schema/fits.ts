/**
 * The schema of data/processed/fits.json: every number the report prints comes from here.
 * Years are fractional (see models.columns.yaml); slopes are in orders of magnitude (log10 units)
 * per year; doubling times in months = 12·log10(2)/slope; growth per year = 10^slope.
 */

/** A percentile interval of a bootstrap distribution: 2.5th, 50th and 97.5th percentiles. */
export interface Interval {
  lo: number;
  median: number;
  hi: number;
}

export interface BootstrapSettings {
  resamples: number;
  seed: number;
  /** Half-width of the uniform noise added to each log10 y (the three-eras paper: log10 2). */
  noise: number;
}

export interface TrendFit {
  n: number;
  /** First and last x (fractional year) in the fit. */
  x_range: [number, number];
  /** y = intercept + slope·x. */
  intercept: number;
  slope: number;
  slope_se: number;
  r2: number;
  residual_sd: number;
  doubling_months: number;
  growth_per_year: number;
  bootstrap: (BootstrapSettings & { slope: Interval; doubling_months: Interval; growth_per_year: Interval }) | null;
}

export interface PublishedValue {
  doubling_months: number;
  ci95: [number, number];
  source: string;
}

export interface EraParameters {
  deep_learning_start: string;
  large_scale_start: string;
  z_threshold: number;
  window_years: number;
  low_outlier_z: number;
}

export interface EraAnalysis {
  parameters: EraParameters;
  pre_deep_learning: TrendFit | null;
  deep_learning: TrendFit | null;
  large_scale: TrendFit | null;
  regular_scale: TrendFit | null;
  large_scale_ids: string[];
  low_outliers: { id: string; name: string; year: number; z: number }[];
}

export interface BreakpointEstimate {
  estimate: number;
  se: number;
  ci95: [number, number];
  bootstrap_ci95: [number, number] | null;
  /** True when the estimate sits on the edge of the search range (inner quantiles of x): the data may favour a break further out. */
  at_search_bound: boolean;
}

export interface SegmentedAnalysis {
  n: number;
  k: number;
  intercept: number;
  slopes: number[];
  doubling_months: number[];
  breakpoints: BreakpointEstimate[];
  rss: number;
  bic: number;
  bic_by_k: Record<string, number>;
  davies_p: number;
  x_range: [number, number];
  /** The range breakpoints were searched in (R's segmented: the inner quantiles of x). */
  search_range: [number, number];
}

export interface FrontierAnalysis {
  record_setter_ids: string[];
  record_setters: TrendFit | null;
  top10_ids: string[];
  top10: TrendFit | null;
}

export interface WindowReplication {
  label: string;
  from: string;
  to: string;
  fit: TrendFit | null;
  published_doubling_months: number;
  source: string;
}

export interface EconomicPeriod {
  key: string;
  label: string;
  from: number;
  to: number;
  n: number;
  compute: TrendFit | null;
  parameters: TrendFit | null;
  max_parameters: number | null;
  median_parameters: number | null;
}

/** Optimal run length from one of our compute trends: point value and Monte Carlo over its bootstrap. */
export interface RunLengthEstimate {
  years: number;
  /** Median and 90% interval (5th–95th percentiles) of L over the trend's bootstrap slopes. */
  median: number | null;
  lo: number | null;
  hi: number | null;
  /** Bootstrap samples with no finite optimum (rates summing to ≤ 0), excluded. */
  excluded: number;
}

export interface RunLengthRow {
  scenario: string;
  label: string;
  formula: string;
  literature_years: number;
  /** Keyed by the trend the compute growth rate comes from: deep_learning, large_scale, frontier. */
  ours: Record<string, RunLengthEstimate | null>;
}

export interface Fits {
  schema_version: 1;
  data: {
    records: number;
    with_flop: number;
    by_method: Record<string, number>;
    third_party: number;
    latest_publication_date: string;
    first_publication_date: string;
  };
  overall: TrendFit | null;
  eras: EraAnalysis;
  published_eras: Record<'pre_deep_learning' | 'deep_learning' | 'large_scale', PublishedValue>;
  era_alternatives: { label: string; deep_learning_start: string; z_threshold: number; deep_learning: TrendFit | null; large_scale: TrendFit | null }[];
  breakpoints: SegmentedAnalysis | null;
  frontier: FrontierAnalysis;
  parameters_trend: TrendFit | null;
  dataset_trend: TrendFit | null;
  ai_and_compute: WindowReplication;
  economic_periods: EconomicPeriod[];
  /**
   * The widest empty band in log10 parameter counts among systems from 2015 on (Derek Jones noted
   * such a gap between the largest runs and the rest): the systems on either side of it.
   */
  parameter_gap: { from: 2015; below: { id: string; parameters: number }; above: { id: string; parameters: number }; orders_of_magnitude: number } | null;
  sensitivity: { label: string; methods: string[]; deep_learning: TrendFit | null; large_scale: TrendFit | null }[];
  run_length: {
    gH: number;
    gI: number;
    gS: number;
    rows: RunLengthRow[];
    /** gC implied by each of our trends (per year, natural-log units). */
    our_gC: Record<string, number | null>;
    literature_rates: Record<string, { value: number; citation: string }>;
  };
}
