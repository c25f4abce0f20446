/**
 * The anchors' other analyses: OpenAI's "AI and Compute" window (AlexNet 2012 to AlphaGo Zero
 * 2017, published 3.4-month doubling) and Derek Jones's three economic periods.
 */
import { parseDate } from '../normalize/dates.ts';
import { messages } from '../messages.ts';
import type { EconomicPeriod, Outcome, ParameterGap, WindowReplication } from '../schema/fits.ts';
import { notComputed } from './outcome.ts';
import { recordSetters } from './frontier.ts';
import { pick, seriesOf, subset, subsetIn, type Series } from './series.ts';
import type { AnalysisTable } from './table.ts';
import { SEED_OFFSET } from './seeds.ts';
import { fitTrend, type TrendOptions } from './trend.ts';

export const AI_AND_COMPUTE = {
  label: 'AI and Compute window (AlexNet to AlphaGo Zero)',
  from: '2012-09-30',
  to: '2017-10-19',
  published_doubling_months: 3.4,
  source: 'Amodei & Hernandez 2018, AI and Compute, https://openai.com/index/ai-and-compute/',
};

/** OpenAI fitted the largest systems of the window; we fit the record-setters within it. */
export function aiAndCompute(s: Series, trend: TrendOptions): WindowReplication {
  const from = parseDate(AI_AND_COMPUTE.from).year;
  const to = parseDate(AI_AND_COMPUTE.to).year;
  const inWindow = subset(s, (i) => s.x[i] >= from && s.x[i] <= to);
  const setters = recordSetters(inWindow);
  return {
    label: AI_AND_COMPUTE.label,
    from: AI_AND_COMPUTE.from,
    to: AI_AND_COMPUTE.to,
    fit: fitTrend(subsetIn(inWindow, setters), {
      ...trend,
      seed: trend.seed + SEED_OFFSET.ai_and_compute,
      minPoints: 3,
      subject: { noun: 'record-setter', detail: `within the window ${AI_AND_COMPUTE.from} to ${AI_AND_COMPUTE.to}` },
    }),
    published_doubling_months: AI_AND_COMPUTE.published_doubling_months,
    source: AI_AND_COMPUTE.source,
  };
}

/**
 * Derek Jones ("Growth in FLOPs used to train ML models", 2022) reads the data as three economic
 * periods: do-it-yourself hardware before 2008, rented cloud compute from 2008, and bespoke
 * supercomputers for the largest runs — here, the large-scale systems of the eras analysis:
 * `isLarge[i]` is nonzero for a table row whose id is one of theirs.
 */
export function economicPeriods(table: AnalysisTable, isLarge: Uint8Array, trend: TrendOptions): EconomicPeriod[] {
  const cloudStart = 2008;
  const { year, parameters } = table;
  const periods: { key: string; label: string; from: number; to: number; keep: (i: number) => boolean }[] = [
    { key: 'diy', label: 'Do-it-yourself (before 2008)', from: 1950, to: cloudStart, keep: (i) => year[i] < cloudStart },
    { key: 'cloud', label: 'Cloud (from 2008)', from: cloudStart, to: 9999, keep: (i) => year[i] >= cloudStart && isLarge[i] === 0 },
    { key: 'bespoke', label: 'Bespoke supercomputers (largest runs)', from: 2015.67, to: 9999, keep: (i) => isLarge[i] !== 0 },
  ];
  return periods.map((p, k) => {
    // The period's rows once; the count, the parameters and both series read them, not `keep`.
    const rows = pick(year.length, p.keep);
    const params = new Float64Array(rows.length);
    let m = 0;
    for (let r = 0; r < rows.length; r++) if (!Number.isNaN(parameters[rows[r]])) params[m++] = parameters[rows[r]];
    // A numeric typed-array sort: the same order of values as sorting numbers with (a, b) => a − b.
    const sorted = params.subarray(0, m).sort();
    return {
      key: p.key,
      label: p.label,
      from: p.from,
      to: p.to,
      n: rows.length,
      compute: fitTrend(seriesOf(table, table.flop, rows), { ...trend, seed: trend.seed + SEED_OFFSET.economic_period_compute + k, subject: { noun: 'system', detail: `of this period with a compute value` } }),
      parameters: fitTrend(seriesOf(table, table.parameters, rows), { ...trend, seed: trend.seed + SEED_OFFSET.economic_period_parameters + k, subject: { noun: 'system', detail: `of this period with a parameter count` } }),
      max_parameters: m > 0 ? sorted[m - 1] : null,
      median_parameters: m > 0 ? sorted[Math.floor((m - 1) / 2)] : null,
    };
  });
}

/** The widest gap between consecutive log10 parameter counts of systems published from 2015 on. */
export function parameterGap(table: AnalysisTable): Outcome<ParameterGap> {
  const sorted: { id: string; parameters: number }[] = [];
  for (let i = 0; i < table.year.length; i++) {
    if (table.year[i] >= 2015 && table.parameters[i] > 0) sorted.push({ id: table.ids[i], parameters: table.parameters[i] });
  }
  if (sorted.length < 2) return notComputed(messages.noParameterGap(sorted.length), sorted.length);
  sorted.sort((a, b) => a.parameters - b.parameters || (a.id < b.id ? -1 : 1));
  let best: ParameterGap | null = null;
  for (let i = 1; i < sorted.length; i++) {
    const width = Math.log10(sorted[i].parameters) - Math.log10(sorted[i - 1].parameters);
    if (best === null || width > best.orders_of_magnitude) {
      best = { computed: true, from: 2015, below: sorted[i - 1], above: sorted[i], orders_of_magnitude: Number(width.toPrecision(6)) };
    }
  }
  return best!;
}
