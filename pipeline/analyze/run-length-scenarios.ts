/**
 * Literature growth rates (each with its citation), the scenario table of Epoch's "The longest training
 * run" (2022), rates derived from a fitted compute slope, and a Monte Carlo distribution of the optimal
 * run length from bootstrap samples of that slope. See run-length-model.ts for the objectives.
 */
import { messages } from '../messages.ts';
import { optimalLength, optimalLengthSwapping } from './run-length-model.ts';
import { createRng } from './stats/rng.ts';

export interface Citation {
  text: string;
  url: string;
}

export interface CitedRate {
  symbol: 'gH' | 'gC' | 'gI' | 'gS';
  /** Continuous growth rate, per year. */
  value: number;
  definition: string;
  /** How the value follows from the quoted figure. */
  derivation: string;
  citation: Citation;
  /** 95% interval of the rate where its source gives one (or this report assumes one: see run-length-uncertainty.ts). */
  ci95: [number, number] | null;
}

export const LONGEST_TRAINING_RUN_CITATION: Citation = {
  text: 'Sevilla, Besiroglu, Dudney & Ho (2022), "The longest training run", Epoch AI',
  url: 'https://epoch.ai/blog/the-longest-training-run',
};

export const GH_GPU_PRICE_PERFORMANCE: CitedRate = {
  symbol: 'gH',
  value: Math.LN2 / 2.46,
  definition: 'growth rate of GPU price-performance (FLOP/s per dollar)',
  derivation: 'ln 2 / 2.46 years (price-performance doubles every 2.46 years, 95% CI 2.24–2.72 years)',
  ci95: [Math.LN2 / 2.72, Math.LN2 / 2.24],
  citation: {
    text: 'Hobbhahn & Besiroglu (2022), "Trends in GPU price-performance", Epoch AI',
    url: 'https://epoch.ai/blog/trends-in-gpu-price-performance',
  },
};

export const GC_TRAINING_COMPUTE: CitedRate = {
  symbol: 'gC',
  value: 1.31,
  definition: 'growth rate of the compute used in large training runs',
  derivation: '1.31/yr, i.e. a doubling every ln 2 / 1.31 ≈ 0.529 years ≈ 6.3 months',
  ci95: null,
  citation: {
    text:
      'Rate used in Sevilla et al. (2022), "The longest training run", Epoch AI; the compute trend is from ' +
      'Sevilla et al. (2022), "Compute Trends Across Three Eras of Machine Learning", arXiv:2202.05924',
    url: 'https://epoch.ai/blog/the-longest-training-run',
  },
};

export const GI_INVESTMENT: CitedRate = {
  symbol: 'gI',
  value: GC_TRAINING_COMPUTE.value - GH_GPU_PRICE_PERFORMANCE.value,
  definition: 'growth rate of dollar budgets for training runs (investment)',
  derivation: 'gI = gC − gH: compute growth not explained by cheaper hardware',
  ci95: null,
  citation: LONGEST_TRAINING_RUN_CITATION,
};

export const GS_ALGORITHMIC_EFFICIENCY: CitedRate = {
  symbol: 'gS',
  value: Math.log(44) / 7,
  definition: 'growth rate of algorithmic (software) efficiency',
  derivation: 'ln 44 / 7 years (44× less compute to reach AlexNet-level ImageNet accuracy after 7 years)',
  ci95: [Math.log(44) / 7 / 2, (2 * Math.log(44)) / 7],
  citation: {
    text: 'Hernandez & Brown (2020), "Measuring the Algorithmic Efficiency of Neural Networks", arXiv:2005.04305',
    url: 'https://arxiv.org/abs/2005.04305',
  },
};

export const LITERATURE_RATES = {
  gH: GH_GPU_PRICE_PERFORMANCE,
  gC: GC_TRAINING_COMPUTE,
  gI: GI_INVESTMENT,
  gS: GS_ALGORITHMIC_EFFICIENCY,
} as const;

export interface Rates {
  gH: number;
  gI: number;
  gS: number;
}

export const DEFAULT_RATES: Rates = { gH: GH_GPU_PRICE_PERFORMANCE.value, gI: GI_INVESTMENT.value, gS: GS_ALGORITHMIC_EFFICIENCY.value };

export type ScenarioId = 'hardware' | 'hardware+software' | 'hardware+investment' | 'hardware+investment+software' | 'swapping';

export interface ScenarioRow {
  scenario: ScenarioId;
  label: string;
  formula: string;
  years: number;
  months: number;
}

const SCENARIOS: Record<ScenarioId, { label: string; formula: string; rates: (r: Rates) => Rates; swap?: true }> = {
  hardware: { label: 'Hardware improvements', formula: '1/gH', rates: (r) => ({ gH: r.gH, gI: 0, gS: 0 }) },
  'hardware+software': { label: 'Hardware improvements + Software improvements', formula: '1/(gH + gS)', rates: (r) => ({ gH: r.gH, gI: 0, gS: r.gS }) },
  'hardware+investment': { label: 'Hardware improvements + Rising investments', formula: '1/(gH + gI) = 1/gC', rates: (r) => ({ gH: r.gH, gI: r.gI, gS: 0 }) },
  'hardware+investment+software': { label: 'Hardware improvements + Rising investments + Software improvements', formula: '1/(gH + gI + gS)', rates: (r) => r },
  swapping: { label: 'All three, hardware swapped mid-run at no cost (this report’s variant)', formula: 'ln(1 + gH/(gI + gS))/gH', rates: (r) => r, swap: true },
};

/** Each scenario's label and formula, as the tables print them. */
export const SCENARIO_META: Readonly<Record<ScenarioId, { label: string; formula: string }>> = SCENARIOS;

/** Optimal length (years) of one scenario; +Infinity when it has no finite optimum. */
export function scenarioLength(scenario: ScenarioId, rates: Rates): number {
  const s = SCENARIOS[scenario];
  return s.swap ? optimalLengthSwapping(s.rates(rates)) : optimalLength(s.rates(rates));
}

/** The post's table (four rows), plus the swapping row when asked for; every cell computed from `rates`. */
export function scenarioTable(rates: Rates = DEFAULT_RATES, { includeSwapping = false } = {}): ScenarioRow[] {
  const ids = (Object.keys(SCENARIOS) as ScenarioId[]).filter((id) => includeSwapping || id !== 'swapping');
  return ids.map((scenario) => {
    const years = scenarioLength(scenario, rates);
    return { scenario, label: SCENARIOS[scenario].label, formula: SCENARIOS[scenario].formula, years, months: years * 12 };
  });
}

/**
 * The post's corrections, as its own edit notes give them: "[Edited 2023/06/28 to fix an error in
 * the hardware improvements + rising investments + software improvements calculations]" and
 * "[Edited 2022/09/22 to fix an error in the hardware improvements + rising investments
 * calculation]". Copies made between those dates (the LessWrong link post, for one) print 2.52
 * months for the last row.
 */
export const POST_ERRATA = {
  scenario: 'hardware+investment+software' as ScenarioId,
  before: { value: 2.52, unit: 'months' as const },
  after: { value: 6.49, unit: 'months' as const },
  corrected_on: '2023-06-28',
  earlier_correction: { scenario: 'hardware+investment' as ScenarioId, on: '2022-09-22' },
  copy_with_old_value: 'https://www.lesswrong.com/posts/RihYwmskuJT9Rkbjq/the-longest-training-run',
};

/**
 * The post's section "Accounting for hardware swapping", as issue 18 of this project reads it:
 * with hardware swapped for the newest mid-run, L = 1/gH, runs "between 1.2 and 3.6 years". (The
 * section's text was not available to check it against when this was written; the two figures are
 * those of the post's own table, 1/(gH + gS) = 1.22 years and 1/gH = 3.55 years.)
 */
export const POST_SWAPPING = {
  formula: '1/gH',
  range_years: [1.2, 3.6] as [number, number],
  section: 'Accounting for hardware swapping',
  /** Shown beside the quotation until someone reads the section and confirms it. */
  unverified: messages.swappingUnverified,
};

/** The post's rounded numbers as published (table at the top of the post, 2023-06-28 revision). */
export const POST_QUOTED_LENGTHS: Readonly<Record<Exclude<ScenarioId, 'swapping'>, { value: number; unit: 'years' | 'months' }>> = {
  hardware: { value: 3.55, unit: 'years' },
  'hardware+software': { value: 1.22, unit: 'years' },
  'hardware+investment': { value: 9.12, unit: 'months' },
  'hardware+investment+software': { value: 6.49, unit: 'months' },
};

/** gC = slope·ln 10 (slope in orders of magnitude per year), gI = gC − gH. */
export function ratesFromComputeSlope(slopeOomPerYear: number, gH: number): { gC: number; gI: number; gH: number } {
  const gC = slopeOomPerYear * Math.LN10;
  return { gC, gI: gC - gH, gH };
}

/** R's quantile type 7 of an ascending-sorted, non-empty array. */
export function quantileType7(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

export interface RunLengthDistribution {
  scenario: ScenarioId;
  /** Samples considered (after resampling, if any). */
  n: number;
  used: number;
  /** Samples whose denominator was ≤ 0 (no finite optimum), excluded from the summary. */
  excluded: number;
  note: string;
  /** Median and 5%/95% quantiles (R type 7) of L in years; null when every sample was excluded. */
  median: number | null;
  lo: number | null;
  hi: number | null;
  /** The finite run lengths, ascending. */
  lengths: number[];
}

/**
 * Maps bootstrap samples of the compute slope (OOM/year) to optimal run lengths for one scenario.
 * Deterministic: with `draws` the samples are first resampled with replacement by a PRNG seeded with `seed`.
 */
export function runLengthDistribution(args: {
  slopeSamples: readonly number[];
  gH: number;
  gS: number;
  scenario: ScenarioId;
  seed?: number;
  draws?: number;
}): RunLengthDistribution {
  const { slopeSamples, gH, gS, scenario, seed = 1, draws } = args;
  if (slopeSamples.length === 0) throw new RangeError('runLengthDistribution: no slope samples');
  for (const s of slopeSamples) if (!Number.isFinite(s)) throw new RangeError(`runLengthDistribution: non-finite slope sample ${s}`);
  let samples: readonly number[] = slopeSamples;
  if (draws !== undefined) {
    const rng = createRng(seed);
    samples = Array.from({ length: draws }, () => slopeSamples[rng.int(slopeSamples.length)]);
  }
  const lengths = samples
    .map((slope) => scenarioLength(scenario, { gH, gI: ratesFromComputeSlope(slope, gH).gI, gS }))
    .filter((L) => Number.isFinite(L))
    .sort((a, b) => a - b);
  const excluded = samples.length - lengths.length;
  const q = (p: number) => (lengths.length ? quantileType7(lengths, p) : null);
  return {
    scenario,
    n: samples.length,
    used: lengths.length,
    excluded,
    note: `${excluded} of ${samples.length} samples had a denominator ≤ 0 (no finite optimal length) and were excluded`,
    median: q(0.5),
    lo: q(0.05),
    hi: q(0.95),
    lengths,
  };
}

/** The source's own caveats, as plain sentences for the report. */
export const RUN_LENGTH_CAVEATS: readonly string[] = [
  'Progress is stochastic, not a smooth exponential: uncertainty about future hardware and algorithms makes it riskier to commit early, which shortens the optimal run further.',
  'Renting hardware (cloud compute) instead of buying it changes the picture: a renter is not locked into the hardware available at the start, so the buy-at-start model does not apply directly.',
  'Very long runs meet practical limits the model ignores: hardware failures, and the engineering difficulty of keeping a large cluster training reliably for many months.',
  'Labs do not explicitly optimise against a fixed deadline, and the bound is only as good as the growth rates fed into it; the result is an upper bound on sensible run lengths, not a forecast.',
];
