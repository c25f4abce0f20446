import { describe, expect, it } from 'vitest';
import { analyzeCostAndPower } from '../../pipeline/analyze/cost-and-power.ts';
import { createRng } from '../../pipeline/analyze/stats/index.ts';
import { tableFromColumns } from '../../pipeline/analyze/table.ts';
import { messages } from '../../pipeline/messages.ts';

/** Costs growing 2.5×/year on one basis and 1.5×/year, a hundred times higher, on another; power 2×/year. */
function synthetic() {
  const rng = createRng(3);
  const n = 150;
  const year = Float64Array.from({ length: n }, (_, i) => 2011 + (13 * i) / n);
  const basis = Array.from({ length: n }, (_, i) => (i % 3 === 2 ? 'cloud' : '2023-usd'));
  const noise = () => 10 ** (0.1 * rng.normal());
  const cost = Float64Array.from(year, (y, i) => (basis[i] === 'cloud' ? 1e7 * 1.5 ** (y - 2011) : 1e5 * 2.5 ** (y - 2011)) * noise());
  const power = Float64Array.from(year, (y, i) => (i % 2 === 0 ? 1e4 * 2 ** (y - 2011) * noise() : NaN));
  const table = tableFromColumns({ ids: Array.from({ length: n }, (_, i) => `s${i}`), year, cost, costBasis: basis, powerWatts: power, dates: Array.from(year, (y) => `${Math.floor(y)}-01-01`) });
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
    expect(r.cost.map((c) => [c.key, c.basis, c.n])).toEqual([
      ['training-cost-2023-usd', '2023-usd', basis.filter((b) => b === '2023-usd').length],
      ['training-cost-cloud', 'cloud', basis.filter((b) => b === 'cloud').length],
    ]);
    for (const [c, growth] of [[r.cost[0], 2.5], [r.cost[1], 1.5]] as const) {
      if (!c.all.computed) throw new Error('not computed');
      expect(c.all.growth_per_year).toBeGreaterThan(growth * 0.95);
      expect(c.all.growth_per_year).toBeLessThan(growth * 1.05);
      // The interval brackets the estimate and lies within a few percent of the planted growth.
      expect(c.all.bootstrap!.growth_per_year.lo).toBeLessThan(c.all.growth_per_year);
      expect(c.all.bootstrap!.growth_per_year.hi).toBeGreaterThan(c.all.growth_per_year);
      expect(c.all.bootstrap!.growth_per_year.lo).toBeGreaterThan(growth * 0.9);
      expect(c.all.bootstrap!.growth_per_year.hi).toBeLessThan(growth * 1.1);
      // Stated values: resampled without the compute estimates' factor-of-2 noise.
      expect(c.all.bootstrap!.noise).toBe(0);
    }
    expect(r.cost[0].largest?.value).toBe(Math.max(...Array.from(table.cost).filter((_, i) => basis[i] === '2023-usd')));
  });

  it('fits the frontier systems alone, beside the published frontier rate', () => {
    const f = r.cost[0].frontier;
    expect(f.n).toBe(Array.from(frontier).filter((v, i) => v && basis[i] === '2023-usd').length);
    expect(f.computed && f.growth_per_year).toBeGreaterThan(2.2);
    expect(r.cost[0].anchor_frontier).toMatchObject({ value: 2.4, unit: 'growth_per_year', url: 'https://arxiv.org/abs/2405.21015' });
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

  it('makes a file-safe key of any basis', () => {
    const odd = tableFromColumns({ ids: ['a', 'b'], year: Float64Array.of(2020, 2021), cost: Float64Array.of(1, 2), costBasis: ['<b>$ 2020', '<b>$ 2020'] });
    expect(analyzeCostAndPower(odd, new Uint8Array(2), '2010-01-01', trend).cost[0].key).toBe('training-cost-b-2020');
  });
});
