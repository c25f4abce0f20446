/**
 * Windows of publication dates that respect each date's precision. A date known to the year only
 * ("2012") stands for the whole year, and one known to the month for the whole month (analyze/
 * table.ts: dateStart, dateEnd): such a system is in a window when its period meets the window,
 * so that AlexNet, dated "2012" in a record, is not dropped from the window "AlexNet (September
 * 2012) to AlphaGo Zero" that it opens. A full date is in a window when it lies within it.
 */
import { parseDate } from '../values/dates.ts';
import type { AnalysisTable } from './table.ts';

/** A window of fractional years, both ends inclusive. */
export interface YearWindow {
  from: number;
  to: number;
}

/** The window from one full ISO date to another, both days included ("9999-…" is open-ended). */
export function yearWindow(fromIso: string, toIso: string): YearWindow {
  return { from: parseDate(fromIso).year, to: toIso.startsWith('9999') ? Infinity : parseDate(toIso).year };
}

/** Whether the date period [start, end) (start = end for a full date) meets the window. */
export function periodInWindow(start: number, end: number, w: YearWindow): boolean {
  if (start === end) return start >= w.from && start <= w.to;
  return end > w.from && start <= w.to;
}

/** Whether row i of the table was published within the window, at its date's precision. */
export function rowInWindow(table: AnalysisTable, i: number, w: YearWindow): boolean {
  return periodInWindow(table.dateStart[i], table.dateEnd[i], w);
}
