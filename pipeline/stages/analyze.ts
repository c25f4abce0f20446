/**
 * Stage 4, analyze: every fit the report shows, from the impute stage's analysis table (the
 * columns the fits read: pipeline/analyze/table.ts), into fits.json. Deterministic: all
 * bootstraps are seeded (pipeline/analyze/seeds.ts), and records arrive in a stable order.
 */
import { analyzeBreakpoints } from '../analyze/breakpoints.ts';
import { analyzeEras, DEFAULT_ERA_PARAMETERS, mainEraFits, PUBLISHED_ERAS } from '../analyze/eras.ts';
import { analyzeFrontier } from '../analyze/frontier.ts';
import { aiAndCompute, economicPeriods, parameterGap } from '../analyze/other-series.ts';
import { analyzeRunLength } from '../analyze/run-length-analysis.ts';
import { SENSITIVITY_SUBSETS } from '../analyze/sensitivity.ts';
import { IdFlags } from '../analyze/id-flags.ts';
import { BASE_SEED, SEED_OFFSET } from '../analyze/seeds.ts';
import { samePoints, seriesOf, subset, type Series } from '../analyze/series.ts';
import { hasFlopBy, type AnalysisTable } from '../analyze/table.ts';
import { fitTrend, fitTrendWithSamples, LOG10_2, type TrendOptions } from '../analyze/trend.ts';
import { releaseScratch } from '../analyze/stats/scratch.ts';
import { trendAnalyses } from '../analyze/trend-analyses.ts';
import type { Fits } from '../schema/fits.ts';
import { FLOP_METHODS } from '../schema/records.ts';
import { imputeStage } from './impute.ts';
import { ingestStage } from './ingest.ts';
import { restoreShape, type Stage } from './stage.ts';

export interface AnalyzeOptions {
  resamples: number;
  seed?: number;
  /** Segment rules of the breakpoint search (assumptions.yaml `breakpoints`; defaults in analyze/breakpoints.ts). */
  breakpoints?: { min_segment_years?: number; min_segment_points?: number };
}

export interface AnalyzeArtifact {
  fits: Fits;
  outputs: Record<string, string>;
}

export const analyzeStage: Stage<AnalyzeArtifact> = {
  name: 'analyze',
  // The table from impute; the breakpoint search's segment rules from ingest's assumptions.
  reads: { stages: [ingestStage, imputeStage], options: ['resamples'] },
  run(read, ctx) {
    const { table } = read(imputeStage);
    const { breakpoints } = read(ingestStage).assumptions;
    let fits: Fits;
    try {
      fits = analyzeTable(table, { resamples: ctx.resamples, breakpoints });
    } finally {
      releaseScratch();
    }
    return { artifact: { fits, outputs: { 'fits.json': `${JSON.stringify(fits, null, 2)}\n` } }, rowsIn: table.ids.length, rowsOut: fits.data.with_flop, warnings: 0 };
  },
  restore: (saved) => restoreShape<AnalyzeArtifact>('analyze', saved, ['fits', 'outputs']),
  publishes: { folder: 'processed', files: (artifact) => artifact.outputs },
};

export function analyzeTable(table: AnalysisTable, options: AnalyzeOptions): Fits {
  const trend: TrendOptions = { resamples: options.resamples, seed: options.seed ?? BASE_SEED, noise: LOG10_2 };
  const all = seriesOf(table, table.flop);
  const eras = analyzeEras(all, DEFAULT_ERA_PARAMETERS, trend);
  const dlStart = eras.deep_learning.computed ? eras.deep_learning.x_range[0] : 2010;

  const alternatives = [
    { label: 'As published: DL from 2010, z > 0.76', deep_learning_start: '2010-01-01', z_threshold: 0.76 },
    { label: 'DL from 2012 (AlexNet), z > 0.76', deep_learning_start: '2012-01-01', z_threshold: 0.76 },
    { label: 'DL from 2010, z > 0.6', deep_learning_start: '2010-01-01', z_threshold: 0.6 },
    { label: 'DL from 2010, z > 0.54', deep_learning_start: '2010-01-01', z_threshold: 0.54 },
  ].map((alt) => {
    // Only these two fits are shown; each alternative shares one of them with the published
    // parameters, which mainEraFits computes once.
    const e = mainEraFits(all, { ...DEFAULT_ERA_PARAMETERS, ...alt }, trend);
    return { ...alt, deep_learning: e.deep_learning, large_scale: e.large_scale };
  });

  const sensitivityMethods = SENSITIVITY_SUBSETS.map(({ label, methods }) => {
    const s = seriesOf(table, table.flop, hasFlopBy(table, methods));
    // Every value comes by some method, so "all methods" is `all` again: its fits are known.
    const e = mainEraFits(samePoints(s, all) ? all : s, DEFAULT_ERA_PARAMETERS, trend);
    return { label, methods: [...methods], deep_learning: e.deep_learning, large_scale: e.large_scale };
  });

  const frontier = analyzeFrontier(all, trend, 2010);
  // The filters by id, looked up in one pass over the table's ids.
  const OUTLIER = 1, LARGE = 2, SETTER = 4;
  const byId = new IdFlags(table, [new Set(eras.low_outliers.map((o) => o.id)), new Set(eras.large_scale_ids), new Set(frontier.record_setter_ids)]);
  const allFlags = byId.of(all);
  const withoutOutliers = subset(all, (i) => (allFlags[i] & OUTLIER) === 0);
  const fromDl = (s: Series) => subset(s, (i) => s.x[i] >= dlStart);

  const dlTrend = fitTrendWithSamples(subset(withoutOutliers, (i) => withoutOutliers.x[i] >= 2010), { ...trend, seed: trend.seed + SEED_OFFSET.deep_learning });
  const large = byId.of(withoutOutliers);
  const lsTrend = fitTrendWithSamples(subset(withoutOutliers, (i) => (large[i] & LARGE) !== 0), { ...trend, seed: trend.seed + SEED_OFFSET.large_scale });
  const frontierTrend = fitTrendWithSamples(subset(all, (i) => (allFlags[i] & SETTER) !== 0 && all.x[i] >= 2010), { ...trend, seed: trend.seed + SEED_OFFSET.record_setters, minPoints: 4 });
  const largeScaleRow = byId.rows.map((f) => f & LARGE);
  const runLength = analyzeRunLength({ deep_learning: dlTrend, large_scale: lsTrend, frontier: frontierTrend });

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
    ai_and_compute: aiAndCompute(all, trend),
    economic_periods: economicPeriods(table, largeScaleRow, trend),
    parameter_gap: parameterGap(table),
    sensitivity: sensitivityMethods,
    run_length: runLength,
    ...trendAnalyses(table, {
      isLowOutlier: byId.rows.map((f) => f & OUTLIER),
      isRecordSetter: byId.rows.map((f) => f & SETTER),
      dlStart: DEFAULT_ERA_PARAMETERS.deep_learning_start,
      runLength,
      trend,
    }),
  };
}
