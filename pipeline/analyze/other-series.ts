/**
 * The anchors' other analyses: OpenAI's "AI and Compute" window (AlexNet 2012 to AlphaGo Zero
 * 2017, published 3.4-month doubling) and Derek Jones's three economic periods.
 */
import { messages } from '../messages.ts';
import { dateInWords } from '../values/dates.ts';
import type { EconomicPeriod, Outcome, ParameterGap, TrendComparison, Verdict, WindowReplication } from '../schema/fits.ts';
import { againstPublished, compareSlopeSamples } from './compare.ts';
import { recordSetters } from './frontier.ts';
import { AI_AND_COMPUTE } from './literature.ts';
import { notComputed } from './outcome.ts';
import { collectIndexes, idAt, pick, seriesOf, subsetIn } from './series.ts';
import { SEED_OFFSET } from './seeds.ts';
import type { AnalysisTable } from './table.ts';
import { fitTrend, fitTrendWithSamples, type TrendOptions } from './trend.ts';
import { rowInWindow, yearWindow } from './windows.ts';

/**
 * OpenAI fitted the largest runs of its window; we fit the record-setters within it (records
 * counted from the window's start). A system belongs to the window when its publication date, at
 * its own precision, meets it (analyze/windows.ts): a year-only "2012" does not drop AlexNet.
 */
export function aiAndCompute(table: AnalysisTable, trend: TrendOptions): WindowReplication {
  const p = AI_AND_COMPUTE;
  const w = yearWindow(p.from, p.to);
  const inWindow = seriesOf(table, table.flop, (i) => rowInWindow(table, i, w));
  const setters = recordSetters(inWindow);
  const fit = fitTrend(subsetIn(inWindow, setters), {
    ...trend,
    seed: trend.seed + SEED_OFFSET.ai_and_compute,
    minPoints: 3,
    subject: { noun: 'record-setter', detail: `within the window ${dateInWords(p.from)} to ${dateInWords(p.to)}` },
  });
  return {
    label: p.label,
    from: p.from,
    to: p.to,
    fit,
    published_doubling_months: p.doubling_months!,
    source: `${p.source.text}, ${p.source.url}`,
    ids: [...setters].sort((a, b) => a - b).map((i) => idAt(inWindow, i)),
    verdict: againstPublished(fit, p),
  };
}

/**
 * Derek Jones ("Growth in FLOPs used to train ML models", 2022) reads the data as three economic
 * periods: do-it-yourself hardware before 2008, rented cloud compute from 2008, and bespoke
 * supercomputers for the largest runs — here, the large-scale systems of the eras analysis:
 * `isLarge[i]` is nonzero for a table row whose id is one of theirs.
 */
export interface EconomicPeriodsResult {
  periods: EconomicPeriod[];
  /** Cloud against do-it-yourself, bespoke against cloud. */
  comparisons: { first: string; second: string; comparison: TrendComparison | null }[];
  /** Each period's compute growth against hardware price-performance. */
  vsHardware: { key: string; verdict: Verdict | null }[];
}

/**
 * The periods, their trends (compute without the low outliers, `isOutlier[i]` nonzero, as in the
 * eras), and the comparisons the page's sentences rest on: between periods by the interval of the
 * difference of their bootstrap slopes, and against hardware price-performance (`hardwareSlope`,
 * orders of magnitude per year, with its interval) by their intervals.
 */
export function economicPeriods(table: AnalysisTable, isLarge: Uint8Array, isOutlier: Uint8Array, trend: TrendOptions, hardwareSlope: [number, number]): EconomicPeriodsResult {
  const cloudStart = 2008;
  const { year, parameters } = table;
  const periods: { key: string; label: string; from: number; to: number; keep: (i: number) => boolean }[] = [
    { key: 'diy', label: 'Do-it-yourself (before 2008)', from: 1950, to: cloudStart, keep: (i) => year[i] < cloudStart },
    { key: 'cloud', label: 'Cloud (from 2008)', from: cloudStart, to: 9999, keep: (i) => year[i] >= cloudStart && isLarge[i] === 0 },
    { key: 'bespoke', label: 'Bespoke supercomputers (largest runs)', from: 2015.67, to: 9999, keep: (i) => isLarge[i] !== 0 },
  ];
  const samples = new Map<string, Float64Array>();
  const result = periods.map((p, k) => {
    // The period's rows once; the count, the parameters and both series read them, not `keep`.
    const rows = pick(year.length, p.keep);
    const params = new Float64Array(rows.length);
    let m = 0;
    for (let r = 0; r < rows.length; r++) if (!Number.isNaN(parameters[rows[r]])) params[m++] = parameters[rows[r]];
    // A numeric typed-array sort: the same order of values as sorting numbers with (a, b) => a − b.
    const sorted = params.subarray(0, m).sort();
    function computeFit(key: string, rows: Int32Array) {
      const t = fitTrendWithSamples(seriesOf(table, table.flop, unflagged(rows, isOutlier)), { ...trend, seed: trend.seed + SEED_OFFSET.economic_period_compute + k, subject: { noun: 'system', detail: 'of this period with a compute value (low outliers excluded)' } });
      samples.set(key, t.slopeSamples);
      return t.fit;
    }
    return {
      key: p.key,
      label: p.label,
      from: p.from,
      to: p.to,
      n: rows.length,
      compute: computeFit(p.key, rows),
      parameters: fitTrend(seriesOf(table, table.parameters, rows), { ...trend, seed: trend.seed + SEED_OFFSET.economic_period_parameters + k, subject: { noun: 'system', detail: `of this period with a parameter count` } }),
      max_parameters: m > 0 ? sorted[m - 1] : null,
      median_parameters: m > 0 ? sorted[Math.floor((m - 1) / 2)] : null,
    };
  });
  const pair = (first: string, second: string) => ({ first, second, comparison: compareSlopeSamples(samples.get(first)!, samples.get(second)!) });
  return {
    periods: result,
    comparisons: [pair('cloud', 'diy'), pair('bespoke', 'cloud')],
    // GPU price-performance is measured from 2006 on: the do-it-yourself period predates it.
    vsHardware: result.map((p) => ({ key: p.key, verdict: p.from >= HARDWARE_TREND_FROM ? againstSlope(p.compute, hardwareSlope) : null })),
  };
}

/** The rows among `rows` whose flag is 0. */
function unflagged(rows: Int32Array, flag: Uint8Array): Int32Array {
  return collectIndexes(rows.length, (out) => {
    let m = 0;
    for (let r = 0; r < rows.length; r++) if (flag[rows[r]] === 0) out[m++] = rows[r];
    return m;
  });
}

/** The first year of the GPU price-performance data (Hobbhahn & Besiroglu 2022: GPUs released 2006–2021). */
const HARDWARE_TREND_FROM = 2006;

/** A fit against a slope interval [lo, hi]: faster, slower, or consistent (their intervals meet). */
function againstSlope(fit: EconomicPeriod['compute'], [lo, hi]: [number, number]): Verdict | null {
  if (!fit.computed || !fit.bootstrap.computed) return null;
  const b = fit.bootstrap.slope;
  return b.lo > hi ? 'faster' : b.hi < lo ? 'slower' : 'consistent';
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
