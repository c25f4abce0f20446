/**
 * The schema of data/processed/fits.json: every number the report prints comes from here.
 * Years are fractional (see models.columns.yaml); slopes are in orders of magnitude (log10 units)
 * per year; doubling times in months = 12·log10(2)/slope; growth per year = 10^slope.
 */
import type { CostBasis } from './records.ts';

/**
 * The first rule a configuration breaks, segment numbered from 1: with NoRoom and
 * RejectionReason, what the breakpoint search says of a configuration it rejects
 * (pipeline/analyze/stats/admissible.ts); fits.json records it flattened, as `RejectedSegmentedFit`.
 */
export type SegmentViolation =
  | { kind: 'segment_too_short'; segment: number; length: number; minimum: number }
  | { kind: 'too_few_points'; segment: number; points: number; minimum: number };

/** Why no configuration of K breakpoints can meet the rules: the data are too short or too few. */
export interface NoRoom {
  kind: 'no_room';
  /** K + 1. */
  segments: number;
  /** Span of x and number of rows of the data. */
  span: number;
  points: number;
  minLength: number;
  minPoints: number;
}

/** Why a K's best configuration was not accepted. */
export type RejectionReason = SegmentViolation | NoRoom | { kind: 'not_converged' };

/**
 * An analysis the data at hand cannot support (too few systems in an era, no training tokens, no
 * record-setters, …): written in place of its result, with the reason as a clause the pages print
 * ("there are only 3 systems published before 2010 with a compute value, and a trend needs at
 * least 5") and the number of points the analysis had. A result carries `computed: true`, so a
 * reader (or a template: {{#if x.computed}}) tells the two apart by one field.
 */
export interface NotComputed {
  computed: false;
  reason: string;
  n: number;
}

/** An analysis result, or why there is none. */
export type Outcome<T extends { computed: true }> = T | NotComputed;

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

export interface TrendBootstrap extends BootstrapSettings {
  computed: true;
  slope: Interval;
  doubling_months: Interval;
  growth_per_year: Interval;
}

export interface TrendFit {
  computed: true;
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
  bootstrap: Outcome<TrendBootstrap>;
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
  pre_deep_learning: Outcome<TrendFit>;
  deep_learning: Outcome<TrendFit>;
  large_scale: Outcome<TrendFit>;
  regular_scale: Outcome<TrendFit>;
  large_scale_ids: string[];
  low_outliers: { id: string; name: string; year: number; z: number }[];
}

export interface BreakpointEstimate {
  estimate: number;
  se: number;
  ci95: [number, number];
  /** Percentile interval over the bootstrap resamples that gave an estimate; null when the bootstrap was not computed. */
  bootstrap_ci95: [number, number] | null;
  /** True when the estimate sits on the edge of the search range (inner quantiles of x): the data may favour a break further out. */
  at_search_bound: boolean;
}

/** The admissibility rules of the breakpoint search (pipeline/analyze/stats/admissible.ts). */
export interface SegmentRulesUsed {
  /** Every segment spans at least this many years (data/raw/assumptions.yaml: breakpoints.min_segment_years). */
  min_segment_years: number;
  /** Every segment holds at least this many systems (default max(5, ⌈√n⌉)). */
  min_segment_points: number;
}

/**
 * A configuration the breakpoint search found and did not accept: the lowest-RSS one of its K
 * when it beat the accepted fit of that K, or when no fit of that K was accepted.
 */
export interface RejectedSegmentedFit {
  k: number;
  /** Its breakpoints (fractional years); empty when no configuration of K fits the data at all. */
  breakpoints: number[];
  /** The BIC it would have had; null without a configuration. */
  bic: number | null;
  reason: 'segment_too_short' | 'too_few_points' | 'not_converged' | 'no_room';
  /** The offending segment (1-based), null for not_converged and no_room. */
  segment: number | null;
  /** The segment's length in years (segment_too_short) or its systems (too_few_points); null otherwise. */
  value: number | null;
  /** The minimum it missed; null for not_converged. */
  minimum: number | null;
  /** The reason as a clause, as the Breakpoints page prints it. */
  detail: string;
}

/** The breakpoint bootstrap: how many resamples gave an admissible fit, and how many did not, by reason. */
export interface SegmentedBootstrapSummary {
  computed: true;
  resamples: number;
  seed: number;
  succeeded: number;
  failed: number;
  /** start_not_admissible, singular, not_converged, inadmissible (pipeline/analyze/stats/bootstrap.ts). */
  failed_by_reason: Record<string, number>;
  /** Below this share of successful resamples no interval is given (it would describe the survivors only). */
  min_success_share: number;
  /** Null when the intervals are given; else why not (too few resamples succeeded). */
  interval_note: string | null;
}

export interface SegmentedAnalysis {
  computed: true;
  n: number;
  k: number;
  intercept: number;
  slopes: number[];
  /** Standard error of each segment's slope (R's slope(), delta method). */
  slope_ses: number[];
  /** Bootstrap percentile interval of each segment's slope; null entries when the bootstrap was not computed. */
  slope_ci95: ([number, number] | null)[];
  doubling_months: number[];
  /**
   * Bootstrap interval of each segment's doubling time, from the slope's interval: [lo, hi] months,
   * hi null when the slope's interval reaches zero (growth may stop: no upper bound), the whole
   * entry null when the slope's interval lies at or below zero or there is no bootstrap.
   */
  doubling_ci95: ([number, number | null] | null)[];
  /** Systems in each segment. */
  segment_points: number[];
  breakpoints: BreakpointEstimate[];
  rss: number;
  bic: number;
  /** BIC of the accepted (admissible) fit of each K; a K without one is absent and in `rejected`. */
  bic_by_k: Record<string, number>;
  rules: SegmentRulesUsed;
  rejected: RejectedSegmentedFit[];
  bootstrap: Outcome<SegmentedBootstrapSummary>;
  davies_p: number;
  x_range: [number, number];
  /** The range breakpoints were searched in (R's segmented: the inner quantiles of x). */
  search_range: [number, number];
}

/**
 * "faster"/"slower": the first trend grows faster or more slowly than the second, its interval
 * excluding the other (or the difference's interval excluding zero); "no_difference": the data
 * cannot tell them apart; "consistent": our trend agrees with a published figure (their intervals
 * meet). pipeline/analyze/compare.ts decides.
 */
export type Verdict = 'faster' | 'slower' | 'no_difference' | 'consistent';

/** Two of our trends compared by the bootstrap interval of the difference of their slopes. */
export interface TrendComparison {
  verdict: Verdict;
  /** Slope difference (orders of magnitude per year): first minus second. */
  slope_difference: Interval;
  /** The same as a ratio of growth per year (first ÷ second). */
  growth_ratio: Interval;
}

/** A published figure as the report quotes it (pipeline/analyze/literature.ts). */
export interface PublishedFigure {
  key: string;
  label: string;
  definition: 'all' | 'regular-scale' | 'large-scale' | 'record-setters' | 'running-top';
  from: string;
  to: string;
  n: number | null;
  doubling_months: number | null;
  doubling_ci95: [number, number] | null;
  growth_per_year: [number, number] | null;
  source: { text: string; url: string };
  where: string;
  window_text?: string;
  current_window?: [string, string];
}

/**
 * A published trend beside ours: the same definition on the paper's own window, and the same
 * definition on all our data from the window's start; with the verdicts that explain the difference.
 */
export interface LikeForLikeRow {
  published: PublishedFigure;
  /** Our fit with the paper's definition and window. */
  same_window: Outcome<TrendFit>;
  /** Our fit with the paper's definition from the window's start to our newest data. */
  current: Outcome<TrendFit>;
  /** Ours on the paper's window against the published figure (their intervals). */
  same_vs_published: Verdict | null;
  /** Ours to date against ours on the paper's window: does the window explain the difference? */
  current_vs_same: Verdict | null;
}

/**
 * The record-setters and Epoch AI's frontier (the running top 10 at release), each from the
 * deep-learning era's start.
 */
export interface FrontierAnalysis {
  /** Records are counted from this date: the first system from then on sets the first record. */
  record_from: string;
  /**
   * The record that stood at record_from, counted over all time, and the first later system to
   * beat it: what counting records from all time would have done to the era (null when none stood).
   */
  held_record: { id: string; name: string; year: number; flop: number; until: { id: string; name: string; year: number } | null } | null;
  record_setter_ids: string[];
  record_setters: Outcome<TrendFit>;
  /** N of the running top N (Epoch AI: 10). */
  running_top_n: number;
  /** The running top N from record_from on. */
  running_top_ids: string[];
  running_top: Outcome<TrendFit>;
}

export interface WindowReplication {
  label: string;
  from: string;
  to: string;
  fit: Outcome<TrendFit>;
  published_doubling_months: number;
  source: string;
  /** Ids of the record-setters fitted, in date order. */
  ids: string[];
  /** Ours against the published doubling time. */
  verdict: Verdict | null;
}

export interface EconomicPeriod {
  key: string;
  label: string;
  from: number;
  to: number;
  n: number;
  /** Compute trend, low outliers left out (as in the eras). */
  compute: Outcome<TrendFit>;
  parameters: Outcome<TrendFit>;
  max_parameters: number | null;
  median_parameters: number | null;
}

/** Optimal run length from one of our compute trends: point value and Monte Carlo over its bootstrap. */
export interface RunLengthEstimate {
  computed: true;
  years: number;
  /**
   * Median and 90% interval (5th–95th percentiles) of L over the Monte Carlo: the trend's bootstrap
   * slopes (gC), hardware price-performance gH and algorithmic progress gS drawn from their own
   * uncertainty (run-length-uncertainty.ts).
   */
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
  /** The literature rates with gH and gS uncertain (gC as the post gives it): a Monte Carlo. */
  literature: RunLengthEstimate;
  /** Keyed by the trend the compute growth rate comes from: deep_learning, large_scale, frontier. */
  ours: Record<string, Outcome<RunLengthEstimate>>;
}

/** The bound on run length that observed training durations are set against. */
export interface RunLengthBound {
  key: string;
  label: string;
  /** Optimal length, years, and its 90% Monte Carlo interval. */
  years: number;
  lo: number;
  hi: number;
  /** Observed training durations longer than `years`. */
  above: number;
}

/** Training durations stated in the data, against the bound. */
export interface ObservedDurations {
  n: number;
  /** Each system with a stated training time: id, name, year, duration in years. */
  points: { id: string; name: string; year: number; years: number }[];
  longest: { id: string; name: string; year: number; years: number } | null;
}

/** A parameter band's count of systems in a year (Villalobos et al.'s gap test). */
export interface ParameterBandYear {
  year: string;
  /** Systems per band, in the order of ParameterGapTest.bands. */
  counts: number[];
  /** Systems in the gap band and its two flanks together. */
  n: number;
  /** P(at most the observed count in the gap band | n, a log-uniform density over the three bands). */
  p: number | null;
  gap: boolean | null;
}

/**
 * Villalobos et al. (2022) report few language models between 20 and 70 billion parameters since
 * 2020. Tested year by year: the count in that band against its two flanks of equal log-width.
 */
export interface ParameterGapTest {
  computed: true;
  /** Band edges, parameters: below the first, between consecutive edges, above the last. */
  edges: number[];
  /** Index of the gap band among the bands (edges.length + 1 bands). */
  gap_band: number;
  /** The significance level a gap is declared at. */
  alpha: number;
  by_year: ParameterBandYear[];
  /** The years from 2020 on, pooled (the window of the published claim). */
  pooled: ParameterBandYear;
}

/** Systems and compute values per year, and the newest system above 1e25 FLOP. */
export interface Coverage {
  by_year: { year: number; systems: number; with_flop: number }[];
  newest_above_1e25: { id: string; name: string; year: number; flop: number } | null;
}

/** The widest empty band in log10 parameter counts among systems from 2015 on. */
export interface ParameterGap {
  computed: true;
  from: 2015;
  below: { id: string; parameters: number };
  above: { id: string; parameters: number };
  orders_of_magnitude: number;
}

export interface Fits extends TrendAnalyses {
  /** 2: analyses the data cannot support are NotComputed objects (with a reason), not null. */
  schema_version: 2;
  data: {
    records: number;
    with_flop: number;
    by_method: Record<string, number>;
    third_party: number;
    latest_publication_date: string;
    first_publication_date: string;
  };
  overall: Outcome<TrendFit>;
  eras: EraAnalysis;
  published_eras: Record<'pre_deep_learning' | 'deep_learning' | 'large_scale', PublishedValue>;
  /**
   * The era definitions varied one at a time: the deep-learning trend of all systems and of the
   * regular-scale ones (the paper's own definition), the large-scale trend to date and on the
   * paper's window (to February 2022).
   */
  era_alternatives: {
    label: string;
    deep_learning_start: string;
    large_scale_start: string;
    z_threshold: number;
    deep_learning: Outcome<TrendFit>;
    regular_scale: Outcome<TrendFit>;
    large_scale: Outcome<TrendFit>;
    large_scale_paper_window: Outcome<TrendFit>;
  }[];
  breakpoints: Outcome<SegmentedAnalysis>;
  frontier: FrontierAnalysis;
  parameters_trend: Outcome<TrendFit>;
  dataset_trend: Outcome<TrendFit>;
  ai_and_compute: WindowReplication;
  economic_periods: EconomicPeriod[];
  /**
   * The widest empty band in log10 parameter counts among systems from 2015 on (Derek Jones noted
   * such a gap between the largest runs and the rest): the systems on either side of it.
   */
  parameter_gap: Outcome<ParameterGap>;
  /** A test that can see a gap local in time (Villalobos et al.'s band, year by year). */
  parameter_gap_test: Outcome<ParameterGapTest>;
  /** Published trends beside ours on their own definition and window (Sevilla et al. 2022). */
  like_for_like: LikeForLikeRow[];
  /** Our trends beside the published figures the Overview compares with. */
  literature: LikeForLikeRow[];
  /** The economic periods compared: cloud against do-it-yourself, bespoke against cloud. */
  economic_comparisons: { first: string; second: string; comparison: TrendComparison | null }[];
  /** Each economic period's compute growth against hardware price-performance (gH). */
  economic_vs_hardware: { key: string; verdict: Verdict | null }[];
  /** Which fits leave the low outliers out, and which keep them (named as the pages name them). */
  outlier_policy: { excluded: string[]; included: string[] };
  coverage: Coverage;
  sensitivity: { label: string; methods: string[]; deep_learning: Outcome<TrendFit>; large_scale: Outcome<TrendFit> }[];
  run_length: {
    gH: number;
    gI: number;
    gS: number;
    rows: RunLengthRow[];
    /** gC implied by each of our trends (per year, natural-log units). */
    our_gC: Record<string, number | null>;
    literature_rates: Record<string, { value: number; citation: string; ci95: [number, number] | null }>;
    /** How gH and gS are drawn in the Monte Carlo, and how many draws. */
    uncertainty: { draws: number; seed: number; gH: string; gS: string };
    /** The project's variant: hardware swapped mid-run at no cost (derived on the Methods page). */
    swapping_ours: RunLengthRow;
    bounds: RunLengthBound[];
    observed: ObservedDurations;
  };
}

// ---- The trend analyses of issue 19: domains, run scale, cost and power, thresholds, who trains,
// tokens per parameter. Each says what it could not compute, and why, with the one NotComputed
// shape above (a growth rate is an Outcome<TrendFit>: the fit with its seeded bootstrap, or why not).

/** A published figure set beside ours, with its source. */
export interface Anchor {
  value: number;
  /** growth_per_year (×/year), doubling_months, tokens_per_parameter, or years. */
  unit: 'growth_per_year' | 'doubling_months' | 'tokens_per_parameter' | 'years';
  /** The published interval and its level ('90%', '95%'), when the source gives one. */
  interval: [number, number] | null;
  level: string | null;
  /** The systems and years the figure covers, as its source describes them. */
  scope: string;
  citation: string;
  /** The citation as a table cell names it, e.g. "Sevilla et al. (2022)". */
  short: string;
  url: string;
  /** False when the figure could not be checked against its source: the page says so. */
  verified: boolean;
  note: string | null;
}

/** A system named by an analysis. */
export interface NamedSystem {
  id: string;
  name: string;
  date: string;
  value: number;
}

export interface DomainTrend {
  domain: string;
  label: string;
  /** Systems of the domain with a compute value in the window (low outliers left out). */
  n: number;
  trend: Outcome<TrendFit>;
}

export interface DomainTrends {
  from: string;
  to: string;
  /** The eras' low outliers left out of every fit, as in the eras. */
  low_outliers_excluded: number;
  /** Our six domains (recommendation counted as other). */
  domains: DomainTrend[];
  /** Sevilla et al.'s four domains on their window, beside their published doubling times. */
  matched: {
    from: string;
    to: string;
    definition: string;
    domains: (DomainTrend & { includes: string[]; published: Anchor })[];
  };
}

export interface ScaleQuantity {
  key: 'duration' | 'chips' | 'chip_hours';
  label: string;
  unit: string;
  /** Systems from the deep-learning start with a value. */
  n: number;
  all: Outcome<TrendFit>;
  frontier: Outcome<TrendFit>;
  anchor_all: Anchor | null;
  anchor_frontier: Anchor | null;
  by_year: { year: number; n: number; median: number; max: number }[];
}

export interface RunScale {
  from: string;
  frontier: {
    definition: string;
    k: number;
    /** Frontier systems (from the deep-learning start) by our definition. */
    ids: string[];
    /** How our frontier agrees with Epoch AI's flag, where the data carry it. */
    epoch_flag: { flagged: number; both: number; ours_only: number; theirs_only: number } | null;
  };
  quantities: ScaleQuantity[];
  chip_hours_stated: number;
  chip_hours_derived: number;
  /** The run-length page's modelled optimal run lengths (literature rates), drawn on the duration chart. */
  run_length_bound: { scenario: string; label: string; years: number }[];
}

export interface CostSeries {
  key: string;
  label: string;
  /** The cost basis as its publisher states it; null for power. */
  basis: CostBasis | null;
  unit: string;
  n: number;
  all: Outcome<TrendFit>;
  frontier: Outcome<TrendFit>;
  largest: NamedSystem | null;
  anchor_frontier: Anchor | null;
}

export interface CostAndPower {
  from: string;
  /** One series per cost basis in the data, never mixed across bases. */
  cost: CostSeries[];
  /** Whether any system has a cost; the reason when none has. */
  cost_status: Outcome<{ computed: true; bases: number }>;
  acquisition_cost: CostSeries;
  power: CostSeries;
  cost_anchor: Anchor;
}

export interface ThresholdYear {
  year: number;
  /** Systems above each threshold published that year: central value, and counting every range's low and high end. */
  above: number[];
  above_low: number[];
  above_high: number[];
  cumulative: number[];
  cumulative_low: number[];
  cumulative_high: number[];
  /** Systems without a compute value that the upstream flags as possibly over 10^23 FLOP; null when the data carry no such flag. */
  possibly_over_1e23: number | null;
}

export interface ThresholdCounts {
  thresholds: number[];
  /** Systems with a compute value. */
  n: number;
  status: Outcome<{ computed: true }>;
  by_year: ThresholdYear[];
  /** Per threshold, with the threshold as the texts write it ("10²⁵"). */
  totals: { threshold: number; label: string; count: number; low: number; high: number; /** low ≠ high */ uncertain: boolean; first: NamedSystem | null; newest: NamedSystem[] }[];
  possibly_over_1e23: Outcome<{ computed: true; count: number; with_flag: number }>;
  policy: { threshold: number; threshold_text: string; label: string; citation: string; url: string; note: string }[];
}

export interface ShareEstimate {
  label: string;
  from: number;
  to: number;
  n: number;
  /** Share of industry, academia, collaborations and others; industry's with a bootstrap interval. */
  shares: Record<string, number>;
  industry: { share: number; lo: number; hi: number; resamples: number; seed: number } | null;
}

export interface WhoTrains {
  sectors:
    | {
        computed: true;
        n: number;
        by_year: { year: number; n: number; counts: Record<string, number> }[];
        periods: ShareEstimate[];
        /** Record-setters (each above every earlier system) from 2015 on, by sector. */
        record_setters_since_2015: { n: number; counts: Record<string, number> };
      }
    | NotComputed;
  countries:
    | {
        computed: true;
        n: number;
        by_country: { country: string; systems: number; involved: number; with_flop: number; above_1e23: number; largest: NamedSystem | null }[];
        by_year: { year: number; counts: Record<string, number> }[];
        groups: string[];
      }
    | NotComputed;
  openness:
    | {
        computed: true;
        open: number;
        closed: number;
        unknown: number;
        /** At each year's end and at the data's last date: the best open and closed systems so far and the gap. */
        lag: {
          as_of: string;
          best_open: NamedSystem;
          best_closed: NamedSystem;
          orders_of_magnitude: number;
          /** Systems of each kind with a compute value published by then: few early on where the upstream records little accessibility. */
          open_so_far: number;
          closed_so_far: number;
          /** How long ago the closed frontier first reached the best open system's compute (0 when open leads). */
          years: number;
          /** True when the first closed system in the data already had that compute: the lag may be longer. */
          years_at_least: boolean;
        }[];
        open_trend: Outcome<TrendFit>;
        closed_trend: Outcome<TrendFit>;
        anchor: Anchor;
      }
    | NotComputed;
}

export interface TokensPerParameter {
  from: string;
  n: number;
  status: Outcome<{ computed: true }>;
  trend: Outcome<TrendFit>;
  by_year: { year: number; n: number; median: number; max: number; above_optimal: number }[];
  latest_median: { year: number; median: number } | null;
  optimal: Anchor;
  parameter_basis: string;
}

export interface TrendAnalyses {
  domain_trends: DomainTrends;
  run_scale: RunScale;
  cost_and_power: CostAndPower;
  thresholds: ThresholdCounts;
  who_trains: WhoTrains;
  tokens_per_parameter: TokensPerParameter;
}
