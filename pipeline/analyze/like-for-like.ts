/**
 * Published trends beside ours, like for like: for each published figure, our fit with the
 * source's own definition (all systems, regular-scale, large-scale, record-setters) on its own
 * window, and on all our data from the window's start. The first says whether our data agree with
 * the source where the source looked; the second whether the window (data after the source's end)
 * explains a difference from today's value. The verdicts compare intervals (analyze/compare.ts).
 *
 * Large-scale is the eras' rule (a z-score of log compute above the threshold among systems
 * within ±window years), computed on the systems published up to the window's end, as the source
 * computed it on its data; low outliers (z below the low threshold) are left out, as in the paper.
 */
import { dateInWords, parseDate } from '../values/dates.ts';
import type { EraParameters, LikeForLikeRow, Outcome, TrendFit } from '../schema/fits.ts';
import { againstPublished, compareIntervals } from './compare.ts';
import { windowZScores } from './eras.ts';
import { recordSetters, runningTop } from './frontier.ts';
import { RUNNING_TOP_N, type PublishedTrend } from './literature.ts';
import type { Subject } from './outcome.ts';
import { rowsIn, seriesOf, subset, subsetIn, type Series } from './series.ts';
import type { AnalysisTable } from './table.ts';
import { fitTrend, type TrendOptions } from './trend.ts';
import { periodInWindow, yearWindow, type YearWindow } from './windows.ts';

/** Our fit of one definition on one window (z-scores from the systems published up to `zUpTo`). */
export function fitDefinition(
  table: AnalysisTable,
  p: Pick<PublishedTrend, 'definition'>,
  w: YearWindow,
  params: EraParameters,
  trend: TrendOptions,
  subject: Subject,
): Outcome<TrendFit> {
  const upTo = publishedUpTo(table, w.to);
  const rows = rowsIn(upTo, table)!;
  const inWindow = (i: number) => periodInWindow(table.dateStart[rows[i]], table.dateEnd[rows[i]], w);
  if (p.definition === 'record-setters') {
    const win = subset(upTo, inWindow);
    return fitTrend(subsetIn(win, recordSetters(win)), { ...trend, minPoints: 3, subject });
  }
  if (p.definition === 'running-top') {
    // Every earlier system counts towards the running top, whatever the window.
    return fitTrend(subsetIn(upTo, runningTop(upTo, RUNNING_TOP_N), inWindow), { ...trend, subject });
  }
  const z = windowZScores(upTo, params.window_years);
  const lsStart = parseDate(params.large_scale_start).year;
  const large = (i: number) => upTo.x[i] >= lsStart && z[i] > params.z_threshold;
  const keep = (i: number) =>
    inWindow(i) && !(z[i] < params.low_outlier_z) && (p.definition === 'all' || (p.definition === 'large-scale' ? large(i) : !large(i)));
  return fitTrend(subset(upTo, keep), { ...trend, subject });
}

/**
 * The systems with a compute value published up to `to` (their date's first day), one series per
 * table and end: the ~30 fits of analyze end at a handful of dates, and fits that share an end share
 * its z-scores too (eras.ts windowZScores keeps them by series).
 */
function publishedUpTo(table: AnalysisTable, to: number): Series {
  let byEnd = upToCache.get(table);
  if (!byEnd) upToCache.set(table, (byEnd = new Map()));
  let s = byEnd.get(to);
  if (!s) byEnd.set(to, (s = seriesOf(table, table.flop, (i) => table.dateStart[i] <= to)));
  return s;
}
const upToCache = new WeakMap<AnalysisTable, Map<number, Series>>();

const NOUN: Record<PublishedTrend['definition'], string> = {
  all: 'system',
  'regular-scale': 'regular-scale system',
  'large-scale': 'large-scale system',
  'record-setters': 'record-setter',
  'running-top': `system in the running top ${RUNNING_TOP_N}`,
};

/** One published figure beside our two fits. `seed` distinguishes its bootstraps from every other. */
export function likeForLike(table: AnalysisTable, p: PublishedTrend, params: EraParameters, trend: TrendOptions, seed: number): LikeForLikeRow {
  const noun = NOUN[p.definition];
  const same = fitDefinition(table, p, yearWindow(p.from, p.to), { ...params, large_scale_start: largeScaleStart(p, params) }, { ...trend, seed }, {
    noun,
    detail: `published from ${dateInWords(p.from)} to ${dateInWords(p.to)} with a compute value`,
  });
  const [cFrom, cTo] = p.current_window ?? [p.from, '9999-12-31'];
  const current = fitDefinition(table, p, yearWindow(cFrom, cTo), { ...params, large_scale_start: largeScaleStart(p, params) }, { ...trend, seed: seed + 1 }, {
    noun,
    detail: cTo.startsWith('9999') ? `published from ${dateInWords(cFrom)} with a compute value` : `published up to ${dateInWords(cTo)} with a compute value`,
  });
  return {
    published: { ...p, source: { ...p.source } },
    same_window: same,
    current,
    same_vs_published: againstPublished(same, p),
    current_vs_same: compareIntervals(current, same),
  };
}

/** A large-scale figure's own window starts its era; the others keep the eras' start. */
function largeScaleStart(p: PublishedTrend, params: EraParameters): string {
  return p.definition === 'large-scale' ? p.from : params.large_scale_start;
}
