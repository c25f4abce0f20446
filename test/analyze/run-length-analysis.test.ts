/**
 * The run-length analysis (issue 18, item 7): the post's scenarios beside the rates our trends
 * imply, with intervals that do not collapse; the project's swapping variant as its own row; and
 * the observed training durations set against the modelled bounds.
 */
import { describe, expect, it } from 'vitest';
import { analyzeRunLength } from '../../pipeline/analyze/run-length-analysis.ts';
import { DEFAULT_RATES, scenarioLength } from '../../pipeline/analyze/run-length.ts';
import { seriesOf } from '../../pipeline/analyze/series.ts';
import { tableFromColumns, type AnalysisTable } from '../../pipeline/analyze/table.ts';
import { fitTrendWithSamples } from '../../pipeline/analyze/trend.ts';
import { computed } from '../helpers/fits.ts';

const HOURS_PER_YEAR = 24 * 365.25;

function table(year: number[], flop: number[], hours: number[]): AnalysisTable {
  const n = year.length;
  return tableFromColumns({
    ids: Array.from({ length: n }, (_, i) => `r${String(i).padStart(3, '0')}`),
    names: Array.from({ length: n }, (_, i) => `R${i}`),
    year: Float64Array.from(year),
    dateStart: Float64Array.from(year),
    dateEnd: Float64Array.from(year),
    language: new Uint8Array(n),
    trainingHours: Float64Array.from(hours),
    flop: Float64Array.from(flop),
    method: new Int8Array(n),
    thirdParty: new Uint8Array(n),
    parameters: new Float64Array(n).fill(NaN),
    languageTokens: new Float64Array(n).fill(NaN),
    firstDate: '',
    lastDate: '',
  });
}

describe('analyzeRunLength', () => {
  // Forty systems from 2012, compute rising 0.6 orders of magnitude a year with a wobble;
  // training times stated for five of them: a day, a month, three months, a year and two years.
  const year = Array.from({ length: 40 }, (_, i) => 2012 + i * 0.3);
  const flop = year.map((y, i) => 10 ** (17 + 0.6 * (y - 2012) + ((i * 37) % 11) / 20 - 0.25));
  const hours = year.map(() => NaN);
  const stated: [number, number][] = [[3, 24], [9, 24 * 30], [15, 24 * 91], [21, HOURS_PER_YEAR], [27, 2 * HOURS_PER_YEAR]];
  for (const [i, h] of stated) hours[i] = h;
  const t = table(year, flop, hours);
  const deep = fitTrendWithSamples(seriesOf(t, t.flop), { resamples: 300, seed: 5, noise: 0 });
  const none = fitTrendWithSamples(seriesOf(t, t.flop, (i) => i < 2), { resamples: 300, seed: 6, noise: 0 });
  const rl = analyzeRunLength({ deep_learning: deep, large_scale: none }, t, 2000);

  it('lists every stated duration in years and names the longest', () => {
    expect(rl.observed.n).toBe(5);
    expect(rl.observed.points.map((p) => p.id)).toEqual(stated.map(([i]) => t.ids[i]));
    expect(rl.observed.points[1].years).toBeCloseTo(30 / 365.25, 6);
    expect(rl.observed.longest).toMatchObject({ id: t.ids[27], years: 2 });
  });

  it('sets the durations against each bound: its central length, a 90% interval around it, and how many runs lasted longer', () => {
    expect(rl.bounds.map((b) => b.key)).toEqual(['hardware+software', 'hardware+investment+software', 'deep_learning']);
    for (const b of rl.bounds) {
      expect(b.lo).toBeLessThan(b.years);
      expect(b.hi).toBeGreaterThan(b.years);
      expect(b.above).toBe(rl.observed.points.filter((p) => p.years > b.years).length);
    }
    // 1/(gH + gS) at the literature's rates: 1.22 years; the one- and two-year runs straddle it.
    const hs = rl.bounds[0];
    expect(hs.years).toBeCloseTo(scenarioLength('hardware+software', DEFAULT_RATES), 6);
    expect(hs.above).toBe(1);
  });

  it('gives every scenario a non-degenerate interval from our trend, and a reason where the trend was not computed', () => {
    for (const row of rl.rows) {
      const ours = computed(row.ours.deep_learning as Exclude<typeof row.ours.deep_learning, undefined>, `${row.scenario} on our trend`);
      expect(ours.hi! - ours.lo!, row.scenario).toBeGreaterThan(0.02 * ours.years);
      const missing = row.ours.large_scale!;
      expect(missing.computed).toBe(false);
      if (!missing.computed) expect(missing.reason).toMatch(/^the large-scale trend was not computed: /);
    }
    // Our gC is the fitted slope in natural-log units.
    expect(rl.our_gC.deep_learning).toBeCloseTo(computed(deep.fit).slope * Math.LN10, 6);
    expect(rl.our_gC.large_scale).toBeNull();
  });

  it('keeps the swapping variant out of the post’s four rows, as the report’s own', () => {
    expect(rl.rows.map((r) => r.scenario)).toEqual(['hardware', 'hardware+software', 'hardware+investment', 'hardware+investment+software']);
    expect(rl.swapping_ours.scenario).toBe('swapping');
    expect(rl.swapping_ours.literature_years).toBeCloseTo(scenarioLength('swapping', DEFAULT_RATES), 6);
  });

  it('with no stated duration: no points, no longest, bounds above nothing', () => {
    const bare = analyzeRunLength({ deep_learning: deep }, table(year, flop, year.map(() => NaN)), 500);
    expect(bare.observed).toEqual({ n: 0, points: [], longest: null });
    expect(bare.bounds.every((b) => b.above === 0)).toBe(true);
  });
});
