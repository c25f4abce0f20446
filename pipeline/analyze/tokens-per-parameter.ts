/**
 * Tokens per parameter of language models over time, against the compute-optimal ratio of about
 * 20 (Hoffmann et al. 2022): the trend of the ratio with a seeded bootstrap, and per year the
 * median, the largest and how many models trained beyond the optimum.
 */
import * as aq from 'arquero';
import { op } from 'arquero';
import { messages } from '../messages.ts';
import { parseDate } from '../values/dates.ts';
import type { TokensPerParameter } from '../schema/fits.ts';
import { COMPUTE_OPTIMAL_TOKENS_PER_PARAMETER } from './published-figures.ts';
import { notComputed } from './outcome.ts';
import { pick, seriesOf } from './series.ts';
import type { AnalysisTable } from './table.ts';
import { SEED_OFFSET } from './seeds.ts';
import { fitTrend, type TrendOptions } from './trend.ts';

export const PARAMETER_BASIS =
  'Tokens processed in training (stated, or dataset size × epochs) per parameter: the parameters active per token for mixture-of-experts models when stated, else all parameters.';

const r = (v: number) => Number(v.toPrecision(6));

/** Tokens per parameter of each row: NaN unless a language model states both. */
export function tokensPerParameterColumn(table: AnalysisTable): Float64Array {
  const out = new Float64Array(table.ids.length).fill(NaN);
  for (let i = 0; i < out.length; i++) {
    const params = table.activeParameters[i] > 0 ? table.activeParameters[i] : table.parameters[i];
    if (table.languageTokens[i] > 0 && params > 0) out[i] = table.languageTokens[i] / params;
  }
  return out;
}

export function analyzeTokensPerParameter(table: AnalysisTable, dlStart: string, trend: TrendOptions): TokensPerParameter {
  const from = parseDate(dlStart).year;
  const ratio = tokensPerParameterColumn(table);
  const rows = pick(ratio.length, (i) => ratio[i] > 0 && table.year[i] >= from);
  const s = seriesOf(table, ratio, rows);
  const optimal = COMPUTE_OPTIMAL_TOKENS_PER_PARAMETER.value;
  const subject = { noun: 'language model', detail: `with a parameter count and training tokens published since ${dlStart.slice(0, 4)}` };
  const fit = fitTrend(s, { ...trend, noise: 0, seed: trend.seed + SEED_OFFSET.tokens_per_parameter, subject });
  const byYear =
    rows.length === 0
      ? []
      : (
          aq
            .table({ year: Array.from(rows, (i) => Math.floor(table.year[i])), ratio: Array.from(rows, (i) => ratio[i]) })
            .params({ optimal })
            .groupby('year')
            .rollup({ n: op.count(), median: op.median('ratio'), max: op.max('ratio'), above_optimal: (d: { ratio: number }, $: { optimal: number }) => op.sum(d.ratio > $.optimal ? 1 : 0) })
            .orderby('year')
            .objects() as { year: number; n: number; median: number; max: number; above_optimal: number }[]
        ).map((y) => ({ year: y.year, n: y.n, median: r(y.median), max: r(y.max), above_optimal: y.above_optimal }));
  const last = byYear.at(-1);
  return {
    from: dlStart,
    n: rows.length,
    status: rows.length > 0 ? { computed: true } : notComputed(messages.noneInData(subject.noun, subject.detail), 0),
    trend: fit,
    by_year: byYear,
    latest_median: last ? { year: last.year, median: last.median } : null,
    optimal: COMPUTE_OPTIMAL_TOKENS_PER_PARAMETER,
    parameter_basis: PARAMETER_BASIS,
  };
}
