/**
 * Epoch's optimal-training-run-length scenarios with the literature's rates beside the rates our
 * own compute trends imply (gC = slope · ln 10, gI = gC − gH), with a Monte Carlo over each trend's
 * bootstrap slopes.
 */
import type { Fits, RunLengthEstimate } from '../schema/fits.ts';
import { DEFAULT_RATES, LITERATURE_RATES, ratesFromComputeSlope, runLengthDistribution, scenarioLength, scenarioTable, type ScenarioId } from './run-length.ts';
import type { TrendWithSamples } from './trend.ts';

const r = (v: number) => Number(v.toPrecision(8));

function estimate(scenario: ScenarioId, trend: TrendWithSamples | null): RunLengthEstimate | null {
  if (!trend) return null;
  const { gH, gS } = DEFAULT_RATES;
  const { gI } = ratesFromComputeSlope(trend.fit.slope, gH);
  const years = scenarioLength(scenario, { gH, gI, gS });
  if (!Number.isFinite(years)) return null;
  const mc = trend.slopeSamples.length > 0 ? runLengthDistribution({ slopeSamples: Array.from(trend.slopeSamples), gH, gS, scenario }) : null;
  return {
    years: r(years),
    median: mc?.median == null ? null : r(mc.median),
    lo: mc?.lo == null ? null : r(mc.lo),
    hi: mc?.hi == null ? null : r(mc.hi),
    excluded: mc?.excluded ?? 0,
  };
}

export function analyzeRunLength(trends: Record<string, TrendWithSamples | null>): Fits['run_length'] {
  const rows = scenarioTable(DEFAULT_RATES).map((row) => ({
    scenario: row.scenario,
    label: row.label,
    formula: row.formula,
    literature_years: r(row.years),
    ours: Object.fromEntries(Object.entries(trends).map(([k, t]) => [k, estimate(row.scenario, t)])),
  }));
  return {
    gH: r(DEFAULT_RATES.gH),
    gI: r(DEFAULT_RATES.gI),
    gS: r(DEFAULT_RATES.gS),
    rows,
    our_gC: Object.fromEntries(Object.entries(trends).map(([k, t]) => [k, t ? r(t.fit.slope * Math.LN10) : null])),
    literature_rates: Object.fromEntries(Object.entries(LITERATURE_RATES).map(([k, v]) => [k, { value: r(v.value), citation: v.citation.text }])),
  };
}
