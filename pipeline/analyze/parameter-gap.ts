/**
 * A test for a parameter gap that is local in time. Villalobos et al. (2022, "Machine Learning
 * Model Sizes and the Parameter Gap", arXiv:2207.02852) report that since 2020 many language models
 * have fewer than 20 billion parameters and many more than 70 billion, but few lie between. The
 * widest empty band among all systems since 2015 (parameterGap) cannot see such a gap: systems of
 * other years fill it. Here each year is tested on its own: the language models of the year in the
 * band [20B, 70B) and in its two flanks of equal log-width, [20B/3.5, 20B) and [70B, 70B·3.5). If
 * sizes were spread evenly in log size across the three bands, each model would fall in the middle
 * one with probability 1/3; the p-value is the binomial probability of at most the observed count
 * there. A year with too few models in the three bands (under MIN_MODELS) is not tested.
 */
import { messages } from '../messages.ts';
import type { Outcome, ParameterBandYear, ParameterGapTest } from '../schema/fits.ts';
import { notComputed } from './outcome.ts';
import type { AnalysisTable } from './table.ts';

export const GAP_LOW = 2e10;
export const GAP_HIGH = 7e10;
/** The flanks have the gap band's log-width: a factor 3.5 either side. */
const FLANK = GAP_HIGH / GAP_LOW;
export const GAP_EDGES = [GAP_LOW / FLANK, GAP_LOW, GAP_HIGH, GAP_HIGH * FLANK];
/** The gap band's index among the bands: below the first edge is band 0. */
const GAP_BAND = 2;
export const GAP_FROM_YEAR = 2018;
export const GAP_CLAIM_FROM_YEAR = 2020;
export const GAP_ALPHA = 0.05;
/** Fewer models than this in the three bands: no test for that year. */
export const MIN_MODELS = 6;

/** P(X ≤ k) for X ~ Binomial(n, p), summed exactly (n is small). */
export function binomialCdf(k: number, n: number, p: number): number {
  let term = (1 - p) ** n;
  let sum = term;
  for (let i = 1; i <= k; i++) {
    term *= ((n - i + 1) / i) * (p / (1 - p));
    sum += term;
  }
  return Math.min(1, sum);
}

function bandOf(parameters: number): number {
  let b = 0;
  while (b < GAP_EDGES.length && parameters >= GAP_EDGES[b]) b++;
  return b;
}

function tested(label: string, counts: number[]): ParameterBandYear {
  const n = counts[GAP_BAND - 1] + counts[GAP_BAND] + counts[GAP_BAND + 1];
  if (n < MIN_MODELS) return { year: label, counts, n, p: null, gap: null };
  const p = binomialCdf(counts[GAP_BAND], n, 1 / 3);
  return { year: label, counts, n, p: Number(p.toPrecision(4)), gap: p < GAP_ALPHA };
}

export function parameterGapTest(table: AnalysisTable): Outcome<ParameterGapTest> {
  const byYear = new Map<number, number[]>();
  const pooled = new Array<number>(GAP_EDGES.length + 1).fill(0);
  let total = 0;
  let last = -Infinity;
  for (let i = 0; i < table.year.length; i++) {
    const v = table.parameters[i];
    if (table.language[i] !== 1 || !(v > 0)) continue;
    const y = Math.floor(table.year[i]);
    if (y < GAP_FROM_YEAR) continue;
    let counts = byYear.get(y);
    if (!counts) byYear.set(y, (counts = new Array<number>(GAP_EDGES.length + 1).fill(0)));
    const b = bandOf(v);
    counts[b]++;
    if (y >= GAP_CLAIM_FROM_YEAR) pooled[b]++;
    total++;
    last = Math.max(last, y);
  }
  if (total === 0) return notComputed(messages.noParameterGapTest(GAP_FROM_YEAR), 0);
  const years = [...byYear.keys()].sort((a, b) => a - b);
  return {
    computed: true,
    edges: GAP_EDGES,
    gap_band: GAP_BAND,
    alpha: GAP_ALPHA,
    by_year: years.map((y) => tested(String(y), byYear.get(y)!)),
    pooled: tested(`${GAP_CLAIM_FROM_YEAR}–${Math.max(last, GAP_CLAIM_FROM_YEAR)}`, pooled),
  };
}
