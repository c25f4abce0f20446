/**
 * Dates as fractional years, the x axis of compute trends: year + (day-of-year − 1)/days-in-year,
 * in UTC (so 2020-01-01 is 2020.0 and 2020-07-02 is 2020 + 183/366). UTC keeps the value
 * independent of the machine's time zone.
 */

/** Parse a YYYY-MM-DD (optionally with a time part, which is ignored) to a fractional year; NaN if not a date. */
export function fractionalYear(date: string | Date): number {
  let y: number, m: number, d: number;
  if (typeof date === 'string') {
    const match = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s].*)?$/.exec(date);
    if (!match) return NaN;
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const check = new Date(Date.UTC(y, m - 1, d));
    // Reject impossible dates such as 2023-02-30 instead of letting Date roll them over.
    if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return NaN;
  } else {
    if (Number.isNaN(date.getTime())) return NaN;
    [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
  }
  const start = Date.UTC(y, 0, 1);
  const dayOfYear = Math.round((Date.UTC(y, m - 1, d) - start) / 86_400_000) + 1;
  const daysInYear = Math.round((Date.UTC(y + 1, 0, 1) - start) / 86_400_000);
  return y + (dayOfYear - 1) / daysInYear;
}
