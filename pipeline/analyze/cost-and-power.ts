/**
 * Training cost in dollars and the power drawn by the training cluster, with their growth for all
 * systems from the deep-learning start and for frontier systems. Each cost basis stated by an
 * upstream (e.g. Epoch AI's "2023 USD") is fitted on its own, as stated: bases are never converted
 * into one another or mixed in one fit.
 */
import * as aq from 'arquero';
import { op } from 'arquero';
import { messages } from '../messages.ts';
import { parseDate } from '../normalize/dates.ts';
import type { CostAndPower, CostSeries } from '../schema/fits.ts';
import { largestOf } from './named-systems.ts';
import { COST_FRONTIER, POWER_FRONTIER } from './published-figures.ts';
import { notComputed, rateOf } from './rates.ts';
import { pick, seriesOf } from './series.ts';
import type { AnalysisTable } from './table.ts';
import { TREND_SEEDS } from './trend-seeds.ts';
import type { TrendOptions } from './trend.ts';

/** How a basis reads on the page; an unknown basis is shown as its publisher wrote it. */
export function costBasisLabel(basis: string): string {
  const known: Record<string, string> = {
    '2023-usd': 'US dollars of 2023, as Epoch AI states its cost estimates',
    cloud: 'US dollars at cloud rental prices',
    upfront: 'US dollars, hardware bought upfront (amortized)',
  };
  return known[basis] ?? `US dollars (${basis})`;
}

/** The cost bases present, most systems first (arquero group-by), ties by name. */
function basesOf(table: AnalysisTable, rows: Int32Array): string[] {
  const basis: string[] = [];
  for (const i of rows) if (table.cost[i] > 0 && table.costBasis[i] !== '') basis.push(table.costBasis[i]);
  if (basis.length === 0) return [];
  return (aq.table({ basis }).groupby('basis').rollup({ n: op.count() }).orderby(aq.desc('n'), 'basis').objects() as { basis: string }[]).map((b) => b.basis);
}

export function analyzeCostAndPower(table: AnalysisTable, isFrontier: Uint8Array, dlStart: string, trend: TrendOptions): CostAndPower {
  const from = parseDate(dlStart).year;
  const since = dlStart.slice(0, 4);
  const n = table.ids.length;
  const recent = pick(n, (i) => table.year[i] >= from);
  const opts = { ...trend, noise: 0 };
  const seed = trend.seed + TREND_SEEDS.costAndPower;

  const series = (key: string, label: string, basis: string | null, unit: string, values: Float64Array, keep: (i: number) => boolean, offset: number, anchor: CostSeries['anchor_frontier'], missing: string): CostSeries => {
    const rows = pick(n, (i) => table.year[i] >= from && keep(i));
    const front = pick(n, (i) => table.year[i] >= from && keep(i) && isFrontier[i] !== 0);
    const all = seriesOf(table, values, rows);
    const anyValue = rows.some((i) => values[i] > 0);
    const what = basis === null ? label : `${label} (${basis})`;
    return {
      key,
      label,
      basis,
      unit,
      n: all.x.length,
      all: anyValue ? rateOf(all, { ...opts, seed: seed + offset }, `${what}, systems since ${since}`) : notComputed(missing, 0),
      frontier: anyValue ? rateOf(seriesOf(table, values, front), { ...opts, seed: seed + offset + 1 }, `${what}, frontier systems`) : notComputed(missing, 0),
      largest: largestOf(table, values, rows),
      anchor_frontier: anchor,
    };
  };

  const bases = basesOf(table, recent);
  // Keys become chart names and file names: a slug of the basis, numbered if two bases share one.
  const slugs = bases.map((b) => b.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'basis');
  const keys = slugs.map((s, k) => (slugs.indexOf(s) === k ? `training-cost-${s}` : `training-cost-${s}-${k + 1}`));
  const cost = bases.map((basis, k) =>
    series(keys[k], 'Training cost', basis, costBasisLabel(basis), table.cost, (i) => table.costBasis[i] === basis, 2 * k, COST_FRONTIER, messages.noFieldInData('a training cost')),
  );
  return {
    from: dlStart,
    cost,
    cost_status: bases.length > 0 ? { computed: true, bases: bases.length } : notComputed(messages.noFieldInData('a training cost'), 0),
    acquisition_cost: series('acquisition-cost', 'Hardware acquisition cost', null, 'US dollars', table.acquisitionCost, () => true, 40, null, messages.noFieldInData('a hardware acquisition cost')),
    power: series('power', 'Training power draw', null, 'watts', table.powerWatts, () => true, 50, POWER_FRONTIER, messages.noFieldInData('a training power draw')),
    cost_anchor: COST_FRONTIER,
  };
}
