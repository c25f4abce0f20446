/**
 * The uncertainty of the run-length model's three rates, for its Monte Carlo. The compute growth
 * gC comes from a trend's bootstrap slopes (or is the post's 1.31/yr for the literature column);
 * hardware price-performance gH and algorithmic progress gS are drawn from their own uncertainty,
 * so that no scenario's interval collapses to a point (the model's authors call algorithmic
 * progress its biggest uncertainty):
 *
 * - gH = ln 2 / T, T log-normal with median 2.46 years and 95% interval 2.24–2.72 years, the
 *   doubling time of GPU FLOP/s per dollar and its interval in Hobbhahn & Besiroglu (2022, Table 1).
 * - gS log-normal with median ln 44 / 7 = 0.541/yr (Hernandez & Brown 2020) and a 95% interval from
 *   half to twice that, 0.27–1.08/yr: an assumption of this report, wide enough to reach the
 *   8-month halving time Ho et al. (2024, arXiv:2403.05812) estimate for language models (1.04/yr).
 */
import type { RunLengthEstimate } from '../schema/fits.ts';
import { GH_GPU_PRICE_PERFORMANCE, GS_ALGORITHMIC_EFFICIENCY, quantileType7, ratesFromComputeSlope, scenarioLength, type ScenarioId } from './run-length-scenarios.ts';
import { createRng } from './stats/index.ts';

/** Seed of the run-length Monte Carlo (named so that every seed of the analyze stage can be found). */
export const RUN_LENGTH_MC_SEED = 20220817;

export const GH_DOUBLING_YEARS = { median: 2.46, lo: 2.24, hi: 2.72 };
/** gS's 95% interval spans median ÷ GS_FACTOR to median × GS_FACTOR. */
export const GS_FACTOR = 2;

const Z975 = 1.959963984540054;
const sigmaGh = (Math.log(GH_DOUBLING_YEARS.hi) - Math.log(GH_DOUBLING_YEARS.lo)) / (2 * Z975);
const sigmaGs = Math.log(GS_FACTOR) / Z975;

export const UNCERTAINTY_TEXT = {
  gH: `ln 2 / T, T log-normal: median ${GH_DOUBLING_YEARS.median} years, 95% interval ${GH_DOUBLING_YEARS.lo}–${GH_DOUBLING_YEARS.hi} years (Hobbhahn & Besiroglu 2022)`,
  gS: `log-normal: median ${GS_ALGORITHMIC_EFFICIENCY.value.toFixed(3)}/yr (Hernandez & Brown 2020), 95% interval ÷${GS_FACTOR} to ×${GS_FACTOR} (an assumption of this report)`,
};

export interface RateDraws {
  gH: Float64Array;
  gS: Float64Array;
}

/** `n` joint draws of gH and gS, seeded. */
export function drawRates(n: number, seed = RUN_LENGTH_MC_SEED): RateDraws {
  const rng = createRng(seed);
  const gH = new Float64Array(n);
  const gS = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    gH[i] = Math.LN2 / Math.exp(Math.log(GH_DOUBLING_YEARS.median) + sigmaGh * rng.normal());
    gS[i] = GS_ALGORITHMIC_EFFICIENCY.value * Math.exp(sigmaGs * rng.normal());
  }
  return { gH, gS };
}

const r = (v: number) => Number(v.toPrecision(8));

/**
 * The optimal length of one scenario at central rates (gH and gS of the literature, gC given),
 * and its median and 90% interval over the draws, gC from `gcSamples` (cycled) or fixed.
 */
export function runLengthMonteCarlo(scenario: ScenarioId, gC: number, draws: RateDraws, gcSamples: ArrayLike<number> | null): RunLengthEstimate | null {
  const gH0 = GH_GPU_PRICE_PERFORMANCE.value;
  const gS0 = GS_ALGORITHMIC_EFFICIENCY.value;
  const years = scenarioLength(scenario, { gH: gH0, gI: gC - gH0, gS: gS0 });
  if (!Number.isFinite(years)) return null;
  const n = draws.gH.length;
  const lengths: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = gcSamples && gcSamples.length > 0 ? ratesFromComputeSlope(gcSamples[i % gcSamples.length], draws.gH[i]).gC : gC;
    const L = scenarioLength(scenario, { gH: draws.gH[i], gI: c - draws.gH[i], gS: draws.gS[i] });
    if (Number.isFinite(L)) lengths.push(L);
  }
  lengths.sort((a, b) => a - b);
  const q = (p: number) => (lengths.length ? r(quantileType7(lengths, p)) : null);
  return { computed: true, years: r(years), median: q(0.5), lo: q(0.05), hi: q(0.95), excluded: n - lengths.length };
}
