/**
 * Stage 4, analyze: every fit the report shows, from the processed records, into fits.json.
 * Deterministic: all bootstraps are seeded, and records arrive in a stable order.
 */
import { analyzeBreakpoints } from '../analyze/breakpoints.ts';
import { analyzeEras, DEFAULT_ERA_PARAMETERS, PUBLISHED_ERAS } from '../analyze/eras.ts';
import { analyzeFrontier } from '../analyze/frontier.ts';
import { aiAndCompute, economicPeriods, parameterGap } from '../analyze/other-series.ts';
import { analyzeRunLength } from '../analyze/run-length-analysis.ts';
import { seriesOf, subset } from '../analyze/series.ts';
import { analysisTable, hasFlopBy, type AnalysisTable } from '../analyze/table.ts';
import { fitTrend, fitTrendWithSamples, LOG10_2, type TrendOptions } from '../analyze/trend.ts';
import { releaseScratch } from '../analyze/stats/scratch.ts';
import type { Fits } from '../schema/fits.ts';
import { FLOP_METHODS, type ProcessedRecord } from '../schema/records.ts';
import type { AnalyzeArtifact } from './definitions.ts';

export interface AnalyzeOptions {
  resamples: number;
  seed?: number;
}

/**
 * The stage: from the impute artifact, or from its analysis table alone (a caller that lets the
 * records go before the fits run; see pipeline/analyze/table.ts).
 */
export function analyzeStage(input: { records: readonly ProcessedRecord[] } | { table: AnalysisTable }, options: AnalyzeOptions): AnalyzeArtifact {
  let fits: Fits;
  try {
    fits = analyzeTable('table' in input ? input.table : analysisTable(input.records), options);
  } finally {
    releaseScratch();
  }
  return { fits, outputs: { 'fits.json': `${JSON.stringify(fits, null, 2)}\n` } };
}

export function analyze(records: readonly ProcessedRecord[], options: AnalyzeOptions): Fits {
  return analyzeTable(analysisTable(records), options);
}

export function analyzeTable(table: AnalysisTable, options: AnalyzeOptions): Fits {
  const trend: TrendOptions = { resamples: options.resamples, seed: options.seed ?? 20220215, noise: LOG10_2 };
  const all = seriesOf(table, table.flop);
  const eras = analyzeEras(all, DEFAULT_ERA_PARAMETERS, trend);
  const dlStart = eras.deep_learning?.x_range[0] ?? 2010;

  const alternatives = [
    { label: 'As published: DL from 2010, z > 0.76', deep_learning_start: '2010-01-01', z_threshold: 0.76 },
    { label: 'DL from 2012 (AlexNet), z > 0.76', deep_learning_start: '2012-01-01', z_threshold: 0.76 },
    { label: 'DL from 2010, z > 0.6', deep_learning_start: '2010-01-01', z_threshold: 0.6 },
    { label: 'DL from 2010, z > 0.54', deep_learning_start: '2010-01-01', z_threshold: 0.54 },
  ].map((alt) => {
    const e = analyzeEras(all, { ...DEFAULT_ERA_PARAMETERS, ...alt }, trend);
    return { ...alt, deep_learning: e.deep_learning, large_scale: e.large_scale };
  });

  const sensitivityMethods = [
    { label: 'All methods', methods: [...FLOP_METHODS] },
    { label: 'Reported and converted only (no imputed values)', methods: ['reported', 'converted'] as const },
  ].map(({ label, methods }) => {
    const e = analyzeEras(seriesOf(table, table.flop, hasFlopBy(table, methods)), DEFAULT_ERA_PARAMETERS, trend);
    return { label, methods: [...methods], deep_learning: e.deep_learning, large_scale: e.large_scale };
  });

  const largeScale = new Set(eras.large_scale_ids);
  const outliers = new Set(eras.low_outliers.map((o) => o.id));
  const withoutOutliers = subset(all, (i) => !outliers.has(all.ids[i]));
  const frontier = analyzeFrontier(all, trend, 2010);
  const fromDl = (s: ReturnType<typeof seriesOf>) => subset(s, (i) => s.x[i] >= dlStart);

  const dlTrend = fitTrendWithSamples(subset(withoutOutliers, (i) => withoutOutliers.x[i] >= 2010), { ...trend, seed: trend.seed + 2 });
  const lsTrend = fitTrendWithSamples(subset(withoutOutliers, (i) => largeScale.has(withoutOutliers.ids[i])), { ...trend, seed: trend.seed + 3 });
  const setters = new Set(frontier.record_setter_ids);
  const frontierTrend = fitTrendWithSamples(subset(all, (i) => setters.has(all.ids[i]) && all.x[i] >= 2010), { ...trend, seed: trend.seed + 11, minPoints: 4 });

  const byMethod = Object.fromEntries(FLOP_METHODS.map((m) => [m, 0]));
  let thirdParty = 0;
  for (let i = 0; i < table.method.length; i++) {
    if (table.method[i] >= 0) byMethod[FLOP_METHODS[table.method[i]]]++;
    thirdParty += table.thirdParty[i];
  }
  return {
    schema_version: 1,
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
    breakpoints: analyzeBreakpoints(withoutOutliers, { resamples: options.resamples, seed: trend.seed + 51 }),
    frontier,
    parameters_trend: fitTrend(fromDl(seriesOf(table, table.parameters)), { ...trend, seed: trend.seed + 61 }),
    dataset_trend: fitTrend(fromDl(seriesOf(table, table.languageTokens)), { ...trend, seed: trend.seed + 62 }),
    ai_and_compute: aiAndCompute(all, trend),
    economic_periods: economicPeriods(table, largeScale, trend),
    parameter_gap: parameterGap(table),
    sensitivity: sensitivityMethods,
    run_length: analyzeRunLength({ deep_learning: dlTrend, large_scale: lsTrend, frontier: frontierTrend }),
  };
}
