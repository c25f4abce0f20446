import { describe, expect, it } from 'vitest';
import { analyzeCostAndPower } from '../../pipeline/analyze/cost-and-power.ts';
import { createRng } from '../../pipeline/analyze/stats/index.ts';
import { analysisTable, tableFromColumns } from '../../pipeline/analyze/table.ts';
import { record } from '../helpers/records.ts';
import { messages } from '../../pipeline/messages.ts';

/** Costs growing 2.5×/year on one basis and 1.5×/year, a hundred times higher, on another; power 2×/year. */
function synthetic() {
  const rng = createRng(3);
  const n = 150;
  const year = Float64Array.from({ length: n }, (_, i) => 2011 + (13 * i) / n);
  const basis = Array.from({ length: n }, (_, i) => (i % 3 === 2 ? 'cloud' : '2023-usd'));
  const noise = () => 10 ** (0.1 * rng.normal());
  const cost = Float64Array.from(year, (y, i) => (basis[i] === 'cloud' ? 1e7 * 1.5 ** (y - 2011) : 1e5 * 2.5 ** (y - 2011)) * noise());
  const on = (b: string) => Float64Array.from(cost, (v, i) => (basis[i] === b ? v : NaN));
  const power = Float64Array.from(year, (y, i) => (i % 2 === 0 ? 1e4 * 2 ** (y - 2011) * noise() : NaN));
  const table = tableFromColumns({
    ids: Array.from({ length: n }, (_, i) => `s${i}`),
    year,
    costCloud: on('cloud'),
    cost2023Usd: on('2023-usd'),
    powerWatts: power,
    dates: Array.from(year, (y) => `${Math.floor(y)}-01-01`),
  });
  // Every fifth system is a frontier system.
  const frontier = Uint8Array.from({ length: n }, (_, i) => (i % 5 === 0 ? 1 : 0));
  return { table, frontier, basis };
}

describe('analyzeCostAndPower', () => {
  const { table, frontier, basis } = synthetic();
  const trend = { resamples: 300, seed: 11, noise: 0.3 };
  const r = analyzeCostAndPower(table, frontier, '2010-01-01', trend);

  it('recovers the planted growth of each cost basis, fitted apart, never mixed', () => {
    expect(r.cost_status).toEqual({ computed: true, bases: 2 });
    // In the fixed order of COST_BASES (cloud, upfront, 2023 USD), the bases present only.
    expect(r.cost.map((c) => [c.key, c.basis, c.n])).toEqual([
      ['training-cost-cloud', 'cloud', basis.filter((b) => b === 'cloud').length],
      ['training-cost-2023-usd', '2023-usd', basis.filter((b) => b === '2023-usd').length],
    ]);
    for (const [c, growth] of [[r.cost[1], 2.5], [r.cost[0], 1.5]] as const) {
      if (!c.all.computed) throw new Error('not computed');
      expect(c.all.growth_per_year).toBeGreaterThan(growth * 0.95);
      expect(c.all.growth_per_year).toBeLessThan(growth * 1.05);
      // The interval brackets the estimate and lies within a few percent of the planted growth.
      const boot = c.all.bootstrap;
      if (!boot.computed) throw new Error('no bootstrap');
      expect(boot.growth_per_year.lo).toBeLessThan(c.all.growth_per_year);
      expect(boot.growth_per_year.hi).toBeGreaterThan(c.all.growth_per_year);
      expect(boot.growth_per_year.lo).toBeGreaterThan(growth * 0.9);
      expect(boot.growth_per_year.hi).toBeLessThan(growth * 1.1);
      // Stated values: resampled without the compute estimates' factor-of-2 noise.
      expect(boot.noise).toBe(0);
    }
    expect(r.cost[1].largest?.value).toBe(Math.max(...Array.from(table.cost2023Usd).filter((v) => v > 0)));
  });

  it('fits the frontier systems alone, beside the published frontier rate', () => {
    const f = r.cost[1].frontier;
    expect(f.n).toBe(Array.from(frontier).filter((v, i) => v && basis[i] === '2023-usd').length);
    expect(f.computed && f.growth_per_year).toBeGreaterThan(2.2);
    expect(r.cost[1].anchor_frontier).toMatchObject({ value: 2.4, unit: 'growth_per_year', url: 'https://arxiv.org/abs/2405.21015' });
  });

  it('fits power the same way', () => {
    expect(r.power.n).toBe(75);
    expect(r.power.all.computed && r.power.all.growth_per_year).toBeGreaterThan(1.9);
    expect(r.power.all.computed && r.power.all.growth_per_year).toBeLessThan(2.1);
  });

  it('says, instead of failing, that the data have no cost or power (the curated records alone)', () => {
    const none = analyzeCostAndPower(tableFromColumns({ ids: ['a', 'b'], year: Float64Array.of(2020, 2021) }), new Uint8Array(2), '2010-01-01', trend);
    expect(none.cost).toEqual([]);
    expect(none.cost_status).toEqual({ computed: false, reason: messages.noFieldInData('a training cost'), n: 0 });
    expect(none.power.all).toEqual({ computed: false, reason: messages.noFieldInData('a training power draw'), n: 0 });
    expect(none.acquisition_cost.frontier.computed).toBe(false);
  });

  it('fits a system stating cloud and upfront costs in both series, each on its own basis', () => {
    const records = [2018, 2019, 2020, 2021, 2022, 2023].map((y, k) =>
      record({ id: `s${k}`, publicationDate: `${y}-06-01`, year: y + 0.4, trainingCost: { value: 1e6 * 3 ** k, basis: 'cloud' }, trainingCostUpfront: 4e6 * 3 ** k }),
    );
    const t = analysisTable(records.map((r) => ({ ...r, flop: null, flopLow: null, flopHigh: null, tokensProcessed: null, audit: null })), []);
    const both = analyzeCostAndPower(t, new Uint8Array(6), '2010-01-01', trend);
    expect(both.cost.map((c) => [c.basis, c.n])).toEqual([
      ['cloud', 6],
      ['upfront', 6],
    ]);
    expect(both.cost.map((c) => (c.all.computed ? c.all.growth_per_year : null))).toEqual([3, 3].map((g) => expect.closeTo(g, 6)));
    expect(both.cost[1].largest?.value).toBe(4e6 * 3 ** 5);
  });
});
