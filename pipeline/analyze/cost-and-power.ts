/**
 * Training cost in dollars and the power drawn by the training cluster, with their growth for all
 * systems from the deep-learning start and for frontier systems. Each cost basis stated by an
 * upstream (e.g. Epoch AI's "2023 USD") is fitted on its own, as stated: bases are never converted
 * into one another or mixed in one fit.
 */
import { messages } from '../messages.ts';
import { parseDate } from '../values/dates.ts';
import type { CostAndPower, CostSeries } from '../schema/fits.ts';
import { COST_BASES, type CostBasis } from '../schema/records.ts';
import { largestOf } from './named-systems.ts';
import { notComputed } from './outcome.ts';
import { COST_FRONTIER, POWER_FRONTIER } from './published-figures.ts';
import { SEED_OFFSET } from './seeds.ts';
import { pick, seriesOf } from './series.ts';
import { COST_COLUMN, type AnalysisTable } from './table.ts';
import { fitTrend, type TrendOptions } from './trend.ts';

/** How each basis reads on a chart's axis. */
export const COST_BASIS_AXIS: Record<CostBasis, string> = {
  cloud: 'US dollars, cloud prices',
  upfront: 'US dollars, hardware bought',
  '2023-usd': 'US dollars of 2023',
};

/** How each basis reads on the page. */
export const COST_BASIS_LABELS: Record<CostBasis, string> = {
  cloud: 'US dollars at cloud rental prices',
  upfront: 'US dollars, the training hardware bought upfront',
  '2023-usd': 'US dollars of 2023, as Epoch AI states its cost estimates',
};

export function analyzeCostAndPower(table: AnalysisTable, isFrontier: Uint8Array, dlStart: string, trend: TrendOptions): CostAndPower {
  const from = parseDate(dlStart).year;
  const since = `published since ${dlStart.slice(0, 4)}`;
  const n = table.ids.length;
  // Stated values, not estimates good to a factor of 2: resampled without noise.
  const opts = { ...trend, noise: 0 };
  const recent = pick(n, (i) => table.year[i] >= from);
  const stated = (values: Float64Array) => recent.some((i) => values[i] > 0);

  /** `states`: what a system must state, for the reason a trend is missing ("with a training cost in cloud dollars"). */
  const series = (key: string, label: string, basis: CostBasis | null, unit: string, values: Float64Array, seed: number, anchor: CostSeries['anchor_frontier'], states: string, missing: string): CostSeries => {
    const front = recent.filter((i) => isFrontier[i] !== 0);
    const all = seriesOf(table, values, recent);
    const anyValue = stated(values);
    return {
      key,
      label,
      basis,
      unit,
      n: all.x.length,
      all: anyValue ? fitTrend(all, { ...opts, seed, subject: { noun: 'system', detail: `${states} ${since}` } }) : notComputed(missing, 0),
      frontier: anyValue ? fitTrend(seriesOf(table, values, front), { ...opts, seed: seed + 1, subject: { noun: 'frontier system', detail: `${states} ${since}` } }) : notComputed(missing, 0),
      largest: largestOf(table, values, recent),
      anchor_frontier: anchor,
    };
  };

  // One series per basis any system states, in the fixed order of COST_BASES: each fitted on its
  // own column, so figures on different bases are never mixed or converted into one another.
  const cost = COST_BASES.flatMap((basis, k) => {
    const values = table[COST_COLUMN[basis]];
    if (!stated(values)) return [];
    const seed = trend.seed + SEED_OFFSET.training_cost + 2 * k;
    return [series(`training-cost-${basis}`, 'Training cost', basis, COST_BASIS_LABELS[basis], values, seed, COST_FRONTIER, `with a training cost in ${COST_BASIS_LABELS[basis]}`, messages.noFieldInData('a training cost'))];
  });
  return {
    from: dlStart,
    cost,
    cost_status: cost.length > 0 ? { computed: true, bases: cost.length } : notComputed(messages.noFieldInData('a training cost'), 0),
    acquisition_cost: series('acquisition-cost', 'Hardware acquisition cost', null, 'US dollars', table.acquisitionCost, trend.seed + SEED_OFFSET.acquisition_cost, null, 'with a hardware acquisition cost', messages.noFieldInData('a hardware acquisition cost')),
    power: series('power', 'Training power draw', null, 'watts', table.powerWatts, trend.seed + SEED_OFFSET.power, POWER_FRONTIER, 'with a training power draw', messages.noFieldInData('a training power draw')),
    cost_anchor: COST_FRONTIER,
  };
}
