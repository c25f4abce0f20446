/**
 * Every fit the report shows, from the analysis table (pipeline/analyze/table.ts): eras, breakpoints,
 * frontier, like for like with the literature, the other series, sensitivity, coverage and the trend
 * analyses, as fits.json holds them. Deterministic: all bootstraps are seeded
 * (pipeline/analyze/seeds.ts), and records arrive in a stable order. The analyze stage
 * (pipeline/stages/analyze.ts) imports this module, and with it every analysis and its libraries,
 * only when the stage runs.
 */
import { analyzeBreakpoints } from './breakpoints.ts';
import { analyzeEras, DEFAULT_ERA_PARAMETERS, mainEraFits, PUBLISHED_ERAS } from './eras.ts';
import { analyzeFrontier } from './frontier.ts';
import { fitDefinition, likeForLike } from './like-for-like.ts';
import { AI_AND_COMPUTE, EPOCH_FIGURES, SEVILLA_APPENDIX_E, SEVILLA_DATA_END, SEVILLA_ERAS } from './literature.ts';
import { yearWindow } from './windows.ts';
import { aiAndCompute, economicPeriods, parameterGap } from './other-series.ts';
import { OUTLIER_POLICY } from './outlier-policy.ts';
import { coverage } from './coverage.ts';
import { parameterGapTest } from './parameter-gap.ts';
import { analyzeRunLength } from './run-length-analysis.ts';
import { GH_GPU_PRICE_PERFORMANCE } from './run-length.ts';
import { SENSITIVITY_SUBSETS } from './sensitivity.ts';
import { IdFlags } from './id-flags.ts';
import { BASE_SEED, SEED_OFFSET } from './seeds.ts';
import { samePoints, seriesOf, subset, type Series } from './series.ts';
import { hasFlopBy, type AnalysisTable } from './table.ts';
import { fitTrend, fitTrendWithSamples, LOG10_2, type TrendOptions } from './trend.ts';
import { trendAnalyses } from './trend-analyses.ts';
import { dateInWords } from '../values/dates.ts';
import type { Fits } from '../schema/fits.ts';
import { FLOP_METHODS } from '../schema/records.ts';

export interface AnalyzeOptions {
  resamples: number;
  seed?: number;
  /** Segment rules of the breakpoint search (assumptions.yaml `breakpoints`; defaults in analyze/breakpoints.ts). */
  breakpoints?: { min_segment_years?: number; min_segment_points?: number };
}

export function analyzeTable(table: AnalysisTable, options: AnalyzeOptions): Fits {
  const trend: TrendOptions = { resamples: options.resamples, seed: options.seed ?? BASE_SEED, noise: LOG10_2 };
  const all = seriesOf(table, table.flop);
  const eras = analyzeEras(all, DEFAULT_ERA_PARAMETERS, trend);
  const dlStart = eras.deep_learning.computed ? eras.deep_learning.x_range[0] : 2010;

  const alternatives = [
    { label: 'As published: deep learning from 2010, large-scale from September 2015, z > 0.76', deep_learning_start: '2010-01-01', large_scale_start: '2015-09-01', z_threshold: 0.76 },
    { label: 'Deep learning from 2012 (AlexNet)', deep_learning_start: '2012-01-01', large_scale_start: '2015-09-01', z_threshold: 0.76 },
    { label: 'Large-scale threshold z > 0.6', deep_learning_start: '2010-01-01', large_scale_start: '2015-09-01', z_threshold: 0.6 },
    { label: 'Large-scale threshold z > 0.54', deep_learning_start: '2010-01-01', large_scale_start: '2015-09-01', z_threshold: 0.54 },
    { label: 'Large-scale era from 2016', deep_learning_start: '2010-01-01', large_scale_start: '2016-01-01', z_threshold: 0.76 },
  ].map((alt, k) => {
    const params = { ...DEFAULT_ERA_PARAMETERS, ...alt };
    // The all-systems and large-scale fits, which the published parameters share with others (mainEraFits caches them).
    const e = mainEraFits(all, params, trend);
    const seed = trend.seed + SEED_OFFSET.era_alternatives + 3 * k;
    const subject = (noun: string, detail: string) => ({ noun, detail });
    return {
      ...alt,
      deep_learning: e.deep_learning,
      large_scale: e.large_scale,
      regular_scale: fitDefinition(table, { definition: 'regular-scale' }, yearWindow(alt.deep_learning_start, '9999-12-31'), params, { ...trend, seed }, subject('regular-scale system', `published from ${dateInWords(alt.deep_learning_start)} with a compute value`)),
      large_scale_paper_window: fitDefinition(table, { definition: 'large-scale' }, yearWindow(alt.large_scale_start, SEVILLA_DATA_END), params, { ...trend, seed: seed + 1 }, subject('large-scale system', `published from ${dateInWords(alt.large_scale_start)} to ${dateInWords(SEVILLA_DATA_END)} with a compute value`)),
    };
  });

  const sensitivityMethods = SENSITIVITY_SUBSETS.map(({ label, methods }) => {
    const s = seriesOf(table, table.flop, hasFlopBy(table, methods));
    // Every value comes by some method, so "all methods" is `all` again: its fits are known.
    const e = mainEraFits(samePoints(s, all) ? all : s, DEFAULT_ERA_PARAMETERS, trend);
    return { label, methods: [...methods], deep_learning: e.deep_learning, large_scale: e.large_scale };
  });

  // The filters by id, looked up in one pass over the table's ids.
  const OUTLIER = 1, LARGE = 2, SETTER = 4;
  const outlierIds = new Set(eras.low_outliers.map((o) => o.id));
  const frontier = analyzeFrontier(table, trend, DEFAULT_ERA_PARAMETERS.deep_learning_start);
  const byId = new IdFlags(table, [outlierIds, new Set(eras.large_scale_ids), new Set(frontier.record_setter_ids)]);
  const allFlags = byId.of(all);
  const withoutOutliers = subset(all, (i) => (allFlags[i] & OUTLIER) === 0);
  const fromDl = (s: Series) => subset(s, (i) => s.x[i] >= dlStart);

  const dlTrend = fitTrendWithSamples(subset(withoutOutliers, (i) => withoutOutliers.x[i] >= 2010), { ...trend, seed: trend.seed + SEED_OFFSET.deep_learning });
  const large = byId.of(withoutOutliers);
  const lsTrend = fitTrendWithSamples(subset(withoutOutliers, (i) => (large[i] & LARGE) !== 0), { ...trend, seed: trend.seed + SEED_OFFSET.large_scale });
  // The record-setters are counted from the deep-learning era's start (analyzeFrontier): no year filter here.
  const frontierTrend = fitTrendWithSamples(subset(all, (i) => (allFlags[i] & SETTER) !== 0), { ...trend, seed: trend.seed + SEED_OFFSET.record_setters, minPoints: 4 });
  const largeScaleRow = byId.rows.map((f) => f & LARGE);
  const runLength = analyzeRunLength({ deep_learning: dlTrend, large_scale: lsTrend, frontier: frontierTrend }, table, options.resamples);
  const outlierFlag = byId.rows.map((f) => f & OUTLIER);
  // Hardware price-performance as a log10 slope interval: what "faster than hardware" is measured against.
  const gh = GH_GPU_PRICE_PERFORMANCE.ci95!;
  const economy = economicPeriods(table, largeScaleRow, outlierFlag, trend, [gh[0] / Math.LN10, gh[1] / Math.LN10]);
  // Each published figure's bootstraps get seeds of their own, two per figure (seeds.ts).
  const lfl = (figures: readonly (typeof SEVILLA_ERAS)[number][], first: number) =>
    figures.map((f, k) => likeForLike(table, f, DEFAULT_ERA_PARAMETERS, trend, trend.seed + first + 2 * k));

  const byMethod = Object.fromEntries(FLOP_METHODS.map((m) => [m, 0]));
  let thirdParty = 0;
  for (let i = 0; i < table.method.length; i++) {
    if (table.method[i] >= 0) byMethod[FLOP_METHODS[table.method[i]]]++;
    thirdParty += table.thirdParty[i];
  }
  const since = (detail: string) => ({ noun: 'system', detail: `${detail} published since ${Math.floor(dlStart)}` });
  return {
    schema_version: 2,
    data: {
      records: table.ids.length,
      with_flop: all.x.length,
      by_method: byMethod,
      third_party: thirdParty,
      first_publication_date: table.firstDate,
      latest_publication_date: table.lastDate,
    },
    overall: fitTrend(withoutOutliers, trend),
    eras,
    published_eras: PUBLISHED_ERAS,
    era_alternatives: alternatives,
    breakpoints: analyzeBreakpoints(withoutOutliers, {
      resamples: options.resamples,
      seed: trend.seed + SEED_OFFSET.breakpoints,
      minSegmentYears: options.breakpoints?.min_segment_years,
      minSegmentPoints: options.breakpoints?.min_segment_points,
    }),
    frontier,
    parameters_trend: fitTrend(fromDl(seriesOf(table, table.parameters)), { ...trend, seed: trend.seed + SEED_OFFSET.parameters_trend, subject: since('with a parameter count') }),
    dataset_trend: fitTrend(fromDl(seriesOf(table, table.languageTokens)), {
      ...trend,
      seed: trend.seed + SEED_OFFSET.dataset_trend,
      subject: { noun: 'language model', detail: since('with a training-token count').detail },
    }),
    ai_and_compute: aiAndCompute(table, trend),
    economic_periods: economy.periods,
    parameter_gap: parameterGap(table),
    parameter_gap_test: parameterGapTest(table),
    like_for_like: [...lfl(SEVILLA_ERAS, SEED_OFFSET.like_for_like_eras), ...lfl(SEVILLA_APPENDIX_E, SEED_OFFSET.like_for_like_appendix_e)],
    literature: lfl([AI_AND_COMPUTE, ...EPOCH_FIGURES], SEED_OFFSET.literature),
    economic_comparisons: economy.comparisons,
    economic_vs_hardware: economy.vsHardware,
    outlier_policy: OUTLIER_POLICY,
    coverage: coverage(table),
    sensitivity: sensitivityMethods,
    run_length: runLength,
    ...trendAnalyses(table, {
      isLowOutlier: outlierFlag,
      isRecordSetter: byId.rows.map((f) => f & SETTER),
      dlStart: DEFAULT_ERA_PARAMETERS.deep_learning_start,
      runLength,
      trend,
    }),
  };
}
