/**
 * Stage 4, analyze: every fit the report shows, from the processed records, into fits.json.
 * Deterministic: all bootstraps are seeded, and records arrive in a stable order.
 */
import { analyzeBreakpoints } from '../analyze/breakpoints.ts';
import { analyzeEras, DEFAULT_ERA_PARAMETERS, PUBLISHED_ERAS } from '../analyze/eras.ts';
import { analyzeFrontier } from '../analyze/frontier.ts';
import { aiAndCompute, economicPeriods, parameterGap } from '../analyze/other-series.ts';
import { analyzeRunLength } from '../analyze/run-length-analysis.ts';
import { flopOf, seriesOf, subset } from '../analyze/series.ts';
import { fitTrend, fitTrendWithSamples, LOG10_2, type TrendOptions } from '../analyze/trend.ts';
import { isThirdParty } from '../impute/precedence.ts';
import type { Fits } from '../schema/fits.ts';
import { FLOP_METHODS, type ProcessedRecord } from '../schema/records.ts';
import type { AnalyzeArtifact } from './definitions.ts';

export interface AnalyzeOptions {
  resamples: number;
  seed?: number;
}

export function analyzeStage(input: { records: ProcessedRecord[] }, options: AnalyzeOptions): AnalyzeArtifact {
  const fits = analyze(input.records, options);
  return { fits, outputs: { 'fits.json': `${JSON.stringify(fits, null, 2)}\n` } };
}

export function analyze(records: readonly ProcessedRecord[], options: AnalyzeOptions): Fits {
  const trend: TrendOptions = { resamples: options.resamples, seed: options.seed ?? 20220215, noise: LOG10_2 };
  const all = seriesOf(records, flopOf());
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
    const e = analyzeEras(seriesOf(records, flopOf([...methods])), DEFAULT_ERA_PARAMETERS, trend);
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

  const methods: Record<string, number> = {};
  for (const r of records) if (r.flop) methods[r.flop.method] = (methods[r.flop.method] ?? 0) + 1;
  const dates = records.map((r) => r.publicationDate).sort();
  return {
    schema_version: 1,
    data: {
      records: records.length,
      with_flop: all.x.length,
      by_method: Object.fromEntries(FLOP_METHODS.map((m) => [m, methods[m] ?? 0])),
      third_party: records.filter((r) => r.flop && isThirdParty(r) && (r.flop.method === 'reported' || r.flop.method === 'converted')).length,
      first_publication_date: dates[0] ?? '',
      latest_publication_date: dates.at(-1) ?? '',
    },
    overall: fitTrend(withoutOutliers, trend),
    eras,
    published_eras: PUBLISHED_ERAS,
    era_alternatives: alternatives,
    breakpoints: analyzeBreakpoints(withoutOutliers, { resamples: options.resamples, seed: trend.seed + 51 }),
    frontier,
    parameters_trend: fitTrend(fromDl(seriesOf(records, (r) => r.parameters)), { ...trend, seed: trend.seed + 61 }),
    dataset_trend: fitTrend(fromDl(seriesOf(records, (r) => (r.domain === 'language' ? r.tokensProcessed : null))), { ...trend, seed: trend.seed + 62 }),
    ai_and_compute: aiAndCompute(all, trend),
    economic_periods: economicPeriods(records, largeScale, trend),
    parameter_gap: parameterGap(records),
    sensitivity: sensitivityMethods,
    run_length: analyzeRunLength({ deep_learning: dlTrend, large_scale: lsTrend, frontier: frontierTrend }),
  };
}
