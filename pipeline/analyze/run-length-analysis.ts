/**
 * Epoch's optimal-training-run-length scenarios with the literature's rates beside the rates our
 * own compute trends imply (gC = slope · ln 10, gI = gC − gH), with a Monte Carlo over each trend's
 * bootstrap slopes.
 */
import { messages } from '../messages.ts';
import type { Fits, Outcome, RunLengthEstimate } from '../schema/fits.ts';
import { notComputed } from './outcome.ts';
import { DEFAULT_RATES, LITERATURE_RATES, ratesFromComputeSlope, runLengthDistribution, scenarioLength, scenarioTable, type ScenarioId } from './run-length.ts';
import type { TrendWithSamples } from './trend.ts';

const r = (v: number) => Number(v.toPrecision(8));

const TREND_NAMES: Record<string, string> = { deep_learning: 'deep-learning', large_scale: 'large-scale', frontier: 'frontier' };

function estimate(scenario: ScenarioId, key: string, trend: TrendWithSamples): Outcome<RunLengthEstimate> {
  const fit = trend.fit;
  if (!fit.computed) return notComputed(`${messages.trendNotComputed(TREND_NAMES[key] ?? key)}: ${fit.reason}`, fit.n);
  const { gH, gS } = DEFAULT_RATES;
  const { gI } = ratesFromComputeSlope(fit.slope, gH);
  const years = scenarioLength(scenario, { gH, gI, gS });
  if (!Number.isFinite(years)) return notComputed(messages.noGrowth, fit.n);
  const mc = trend.slopeSamples.length > 0 ? runLengthDistribution({ slopeSamples: Array.from(trend.slopeSamples), gH, gS, scenario }) : null;
  return {
    computed: true,
    years: r(years),
    median: mc?.median == null ? null : r(mc.median),
    lo: mc?.lo == null ? null : r(mc.lo),
    hi: mc?.hi == null ? null : r(mc.hi),
    excluded: mc?.excluded ?? 0,
  };
}

export function analyzeRunLength(trends: Record<string, TrendWithSamples>): Fits['run_length'] {
  const rows = scenarioTable(DEFAULT_RATES).map((row) => ({
    scenario: row.scenario,
    label: row.label,
    formula: row.formula,
    literature_years: r(row.years),
    ours: Object.fromEntries(Object.entries(trends).map(([k, t]) => [k, estimate(row.scenario, k, t)])),
  }));
  return {
    gH: r(DEFAULT_RATES.gH),
    gI: r(DEFAULT_RATES.gI),
    gS: r(DEFAULT_RATES.gS),
    rows,
    our_gC: Object.fromEntries(Object.entries(trends).map(([k, t]) => [k, t.fit.computed ? r(t.fit.slope * Math.LN10) : null])),
    literature_rates: Object.fromEntries(Object.entries(LITERATURE_RATES).map(([k, v]) => [k, { value: r(v.value), citation: v.citation.text }])),
  };
}
