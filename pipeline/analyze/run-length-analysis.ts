/**
 * Epoch's optimal-training-run-length scenarios with the literature's rates beside the rates our
 * own compute trends imply (gC = slope · ln 10, gI = gC − gH), each with a Monte Carlo over the
 * trend's bootstrap slopes and the uncertainty of gH and gS (run-length-uncertainty.ts); the
 * project's swapping variant; the bounds observed training durations are set against.
 */
import { messages } from '../messages.ts';
import type { Fits, ObservedDurations, Outcome, RunLengthBound, RunLengthEstimate, RunLengthRow } from '../schema/fits.ts';
import { notComputed } from './outcome.ts';
import { DEFAULT_RATES, GC_TRAINING_COMPUTE, LITERATURE_RATES, scenarioTable, SCENARIO_META, type ScenarioId } from './run-length.ts';
import { drawRates, RUN_LENGTH_MC_SEED, runLengthMonteCarlo, UNCERTAINTY_TEXT, type RateDraws } from './run-length-uncertainty.ts';
import { idAt, seriesOf } from './series.ts';
import type { AnalysisTable } from './table.ts';
import type { TrendWithSamples } from './trend.ts';

const r = (v: number) => Number(v.toPrecision(8));

const TREND_NAMES: Record<string, string> = { deep_learning: 'deep-learning', large_scale: 'large-scale', frontier: 'frontier' };

const HOURS_PER_YEAR = 24 * 365.25;

function estimate(scenario: ScenarioId, key: string, trend: TrendWithSamples, draws: RateDraws): Outcome<RunLengthEstimate> {
  const fit = trend.fit;
  if (!fit.computed) return notComputed(`${messages.trendNotComputed(TREND_NAMES[key] ?? key)}: ${fit.reason}`, fit.n);
  const gC = fit.slope * Math.LN10;
  const mc = runLengthMonteCarlo(scenario, gC, draws, trend.slopeSamples.length > 0 ? trend.slopeSamples : null);
  return mc ?? notComputed(messages.noGrowth, fit.n);
}

function row(scenario: ScenarioId, trends: Record<string, TrendWithSamples>, draws: RateDraws, literatureYears: number): RunLengthRow {
  const meta = SCENARIO_META[scenario];
  return {
    scenario,
    label: meta.label,
    formula: meta.formula,
    literature_years: r(literatureYears),
    literature: runLengthMonteCarlo(scenario, GC_TRAINING_COMPUTE.value, draws, null)!,
    ours: Object.fromEntries(Object.entries(trends).map(([k, t]) => [k, estimate(scenario, k, t, draws)])),
  };
}

/** Stated training durations, in years, with the systems they belong to. */
function observedDurations(table: AnalysisTable): ObservedDurations {
  const s = seriesOf(table, table.trainingHours);
  const points = Array.from(s.x, (x, i) => ({ id: idAt(s, i), name: s.names[i], year: r(x), years: r(10 ** s.y[i] / HOURS_PER_YEAR) }));
  const longest = points.reduce<ObservedDurations['longest']>((best, p) => (best === null || p.years > best.years ? p : best), null);
  return { n: points.length, points, longest };
}

export function analyzeRunLength(trends: Record<string, TrendWithSamples>, table: AnalysisTable, draws: number): Fits['run_length'] {
  const rates = drawRates(Math.max(draws, 0));
  const rows = scenarioTable(DEFAULT_RATES).map((s) => row(s.scenario, trends, rates, s.years));
  const swapping = scenarioTable(DEFAULT_RATES, { includeSwapping: true }).find((s) => s.scenario === 'swapping')!;
  const observed = observedDurations(table);
  const bound = (key: string, label: string, e: RunLengthEstimate | Outcome<RunLengthEstimate> | undefined): RunLengthBound[] =>
    e && e.computed && e.lo !== null && e.hi !== null ? [{ key, label, years: e.years, lo: e.lo, hi: e.hi, above: observed.points.filter((p) => p.years > e.years).length }] : [];
  const hs = rows.find((x) => x.scenario === 'hardware+software')!;
  const all = rows.find((x) => x.scenario === 'hardware+investment+software')!;
  return {
    gH: r(DEFAULT_RATES.gH),
    gI: r(DEFAULT_RATES.gI),
    gS: r(DEFAULT_RATES.gS),
    rows,
    our_gC: Object.fromEntries(Object.entries(trends).map(([k, t]) => [k, t.fit.computed ? r(t.fit.slope * Math.LN10) : null])),
    literature_rates: Object.fromEntries(
      Object.entries(LITERATURE_RATES).map(([k, v]) => [k, { value: r(v.value), citation: v.citation.text, ci95: v.ci95 ? [r(v.ci95[0]), r(v.ci95[1])] : null }]),
    ),
    uncertainty: { draws: rates.gH.length, seed: RUN_LENGTH_MC_SEED, gH: UNCERTAINTY_TEXT.gH, gS: UNCERTAINTY_TEXT.gS },
    swapping_ours: row('swapping', trends, rates, swapping.years),
    bounds: [
      ...bound('hardware+software', messages.boundLabel('Hardware + software'), hs.literature),
      ...bound('hardware+investment+software', messages.boundLabel('Hardware + investment + software'), all.literature),
      ...bound('deep_learning', messages.boundOurs('Hardware + investment + software'), all.ours.deep_learning),
    ],
    observed,
  };
}
