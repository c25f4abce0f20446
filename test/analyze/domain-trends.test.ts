import { describe, expect, it } from 'vitest';
import { analyzeDomainTrends } from '../../pipeline/analyze/domain-trends.ts';
import { createRng } from '../../pipeline/analyze/stats/index.ts';
import { tableFromColumns } from '../../pipeline/analyze/table.ts';
import { SEED_OFFSET } from '../../pipeline/analyze/seeds.ts';
import { LOG10_2 } from '../../pipeline/analyze/trend.ts';
import { messages } from '../../pipeline/messages.ts';
import { DOMAINS } from '../../pipeline/schema/raw-columns.ts';

/** Planted slopes (orders of magnitude per year) per domain, with small normal noise. */
const PLANTED: Record<string, number> = { language: 0.7, vision: 0.45, games: 0.25, multimodal: 0.55 };

function planted() {
  const rng = createRng(42);
  const rows: { domain: string; year: number; flop: number; outlier: number }[] = [];
  for (const [domain, slope] of Object.entries(PLANTED)) {
    for (let k = 0; k < 80; k++) {
      const year = 2010 + 12 * rng.next();
      rows.push({ domain, year, flop: 10 ** (16 + slope * (year - 2010) + 0.15 * rng.normal()), outlier: 0 });
    }
  }
  // Recommendation counts as other: 3 + 3 rows on one line of slope 0.5.
  for (let k = 0; k < 6; k++) rows.push({ domain: k < 3 ? 'recommendation' : 'other', year: 2011 + k, flop: 10 ** (15 + 0.5 * k), outlier: 0 });
  // Two speech systems: too few for a trend.
  rows.push({ domain: 'speech', year: 2015, flop: 1e18, outlier: 0 }, { domain: 'speech', year: 2017, flop: 1e19, outlier: 0 });
  // Low outliers, far below: left out of every fit.
  for (let k = 0; k < 5; k++) rows.push({ domain: 'language', year: 2018 + k / 10, flop: 1e3, outlier: 1 });
  // Language systems after Sevilla et al.'s window, and before the deep-learning era.
  rows.push({ domain: 'language', year: 2023.5, flop: 10 ** (16 + 0.7 * 13.5), outlier: 0 }, { domain: 'language', year: 2005, flop: 1e12, outlier: 0 });
  rows.sort((a, b) => a.year - b.year);
  const table = tableFromColumns({
    ids: rows.map((_, i) => `s${i}`),
    year: Float64Array.from(rows, (r) => r.year),
    flop: Float64Array.from(rows, (r) => r.flop),
    domain: Int8Array.from(rows, (r) => DOMAINS.indexOf(r.domain as (typeof DOMAINS)[number])),
    lastDate: '2023-07-01',
  });
  return { table, outliers: Uint8Array.from(rows, (r) => r.outlier) };
}

describe('analyzeDomainTrends', () => {
  const { table, outliers } = planted();
  const trend = { resamples: 400, seed: 7, noise: LOG10_2 };
  const d = analyzeDomainTrends(table, outliers, '2010-01-01', trend);
  const byKey = Object.fromEntries(d.domains.map((x) => [x.domain, x]));

  it('recovers each domain’s planted slope, inside its bootstrap interval', () => {
    for (const [domain, slope] of Object.entries(PLANTED)) {
      const t = byKey[domain].trend;
      if (!t.computed) throw new Error(`${domain} not computed`);
      expect(t.slope, domain).toBeGreaterThan(slope - 0.03);
      expect(t.slope, domain).toBeLessThan(slope + 0.03);
      if (!t.bootstrap.computed) throw new Error(`${domain}: no bootstrap`);
      expect(t.bootstrap.slope.lo, domain).toBeLessThan(slope);
      expect(t.bootstrap.slope.hi, domain).toBeGreaterThan(slope);
      expect(t.doubling_months).toBeCloseTo((12 * LOG10_2) / t.slope, 8);
    }
  });

  it('counts the systems behind each fit, leaving out low outliers and systems before the era', () => {
    expect(byKey.language.n).toBe(81);
    expect(byKey.vision.n).toBe(80);
    expect(byKey.other.n).toBe(6);
    expect(d.low_outliers_excluded).toBe(5);
  });

  it('folds recommendation into other, and says why a domain with too few systems has no trend', () => {
    expect(byKey.other.trend).toMatchObject({ computed: true, n: 6 });
    expect(byKey.other.trend.computed && byKey.other.trend.slope).toBeCloseTo(0.5, 10);
    expect(byKey.speech.trend).toEqual({ computed: false, reason: messages.tooFewForTrend(2, 5, 'speech system', 'with a compute value published since 2010'), n: 2 });
  });

  it('fits Sevilla et al.’s four domains on their window beside their published figures', () => {
    const m = Object.fromEntries(d.matched.domains.map((x) => [x.domain, x]));
    expect(Object.keys(m)).toEqual(['vision', 'language', 'games', 'other']);
    // The 2023 language system is outside their window; multimodal, speech and recommendation are "other".
    expect(m.language.n).toBe(80);
    expect(m.other.n).toBe(80 + 6 + 2);
    expect(m.other.includes).toEqual(['speech', 'multimodal', 'recommendation', 'other']);
    expect(m.vision.published).toMatchObject({ value: 6.0, unit: 'doubling_months', verified: false });
    expect([d.matched.from, d.matched.to]).toEqual(['2010-01-01', '2022-02-28']);
  });

  it('gives each fit a named seed of its own', () => {
    const seedsOf = (fits: typeof d.domains) => fits.flatMap((x) => (x.trend.computed && x.trend.bootstrap.computed ? [x.trend.bootstrap.seed] : []));
    const seeds = seedsOf(d.domains);
    expect(seeds).toEqual([0, 1, 2, 4, 5].map((k) => trend.seed + SEED_OFFSET.domain_trends + k));
    expect(new Set([...seeds, ...seedsOf(d.matched.domains)]).size).toBe(9);
    expect(analyzeDomainTrends(table, outliers, '2010-01-01', trend)).toEqual(d);
  });
});
