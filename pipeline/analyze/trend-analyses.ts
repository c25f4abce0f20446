/**
 * The six trend analyses of issue 19, run together on the analysis table: per-domain trends, run
 * scale (duration, chips, chip-hours), cost and power, threshold counts, who trains, and tokens
 * per parameter. The frontier they share is computed once (frontier-at-release.ts).
 */
import type { Fits, TrendAnalyses } from '../schema/fits.ts';
import { analyzeCostAndPower } from './cost-and-power.ts';
import { analyzeDomainTrends } from './domain-trends.ts';
import { frontierAtRelease } from './frontier-at-release.ts';
import { analyzeRunScale } from './run-scale.ts';
import type { AnalysisTable } from './table.ts';
import { analyzeThresholds } from './thresholds.ts';
import { analyzeTokensPerParameter } from './tokens-per-parameter.ts';
import type { TrendOptions } from './trend.ts';
import { analyzeWhoTrains } from './who-trains.ts';

export interface TrendContext {
  /** Per table row: nonzero for the eras' low outliers, and for the frontier page's record-setters. */
  isLowOutlier: Uint8Array;
  isRecordSetter: Uint8Array;
  /** The deep-learning era's first date (ISO). */
  dlStart: string;
  runLength: Fits['run_length'];
  trend: TrendOptions;
}

export function trendAnalyses(table: AnalysisTable, c: TrendContext): TrendAnalyses {
  const isFrontier = frontierAtRelease(table.year, table.flop);
  return {
    domain_trends: analyzeDomainTrends(table, c.isLowOutlier, c.dlStart, c.trend),
    run_scale: analyzeRunScale(table, isFrontier, c.dlStart, c.runLength, c.trend),
    cost_and_power: analyzeCostAndPower(table, isFrontier, c.dlStart, c.trend),
    thresholds: analyzeThresholds(table),
    who_trains: analyzeWhoTrains(table, c.isRecordSetter, c.trend),
    tokens_per_parameter: analyzeTokensPerParameter(table, c.dlStart, c.trend),
  };
}
