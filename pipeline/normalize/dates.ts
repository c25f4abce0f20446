/**
 * parseDate: publication_date (and hardware release_date) cells in ISO 8601 calendar form.
 *
 * Convention for partial dates: a month-precision date (`2017-06`) stands for the 15th of the
 * month and a year-precision date (`2017`) for July 1, i.e. roughly the middle of the period.
 * Placing them at the start instead would bias every partial date early by half a period, which
 * shifts trend fits; the middle keeps the fractional year unbiased. The `iso` string written out
 * keeps the original precision (`2017`, `2017-06`, `2017-06-12`) so no precision is invented.
 *
 * Fractional year = year + (day-of-year − 1) / (days in that year), in UTC, for the
 * representative day. So 2017-01-01 → 2017.0 and 2016-12-31 → 2016 + 365/366.
 */
import { ParseError } from '../errors.ts';

export type DatePrecision = 'day' | 'month' | 'year';

export interface ParsedDate {
  /** The date as written, normalized: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  iso: string;
  precision: DatePrecision;
  /** Fractional year of the representative day (see module comment). */
  year: number;
  /** The day the fractional year stands for, `YYYY-MM-DD` (the 15th, or July 1, for partial dates). */
  representativeDay: string;
}

export interface ParseDateOptions {
  /**
   * Reject dates whose period starts after this day (`YYYY-MM-DD` or a Date, read in UTC): `2024`
   * is accepted on 2024-03-01 because the year has begun. Omitted: no check. The stage passes a
   * fixed day so that runs are deterministic.
   */
  today?: string | Date;
}

export const EARLIEST_DATE = '1900-01-01';
export const DATE_EXPECTED = 'an ISO 8601 date: YYYY-MM-DD, YYYY-MM or YYYY (e.g. 2017-06-12, 2017-06, 2017), from 1900-01-01 on';

const DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const DAY_MS = 86_400_000;

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Fractional year of a calendar day (UTC). Years 1900–9999 only, so Date.UTC's 0–99 quirk cannot bite. */
export function fractionalYear(year: number, month: number, day: number): number {
  const dayOfYear = (Date.UTC(year, month - 1, day) - Date.UTC(year, 0, 1)) / DAY_MS + 1;
  return year + (dayOfYear - 1) / (isLeap(year) ? 366 : 365);
}

/** `today` as `YYYY-MM-DD`; a malformed option is a bug in the caller, hence RangeError. */
function todayIso(today: string | Date): string {
  if (today instanceof Date) {
    const y = today.getUTCFullYear();
    if (Number.isNaN(y) || y < 0 || y > 9999) throw new RangeError(`parseDate: options.today is not a Date in years 0–9999`);
    return today.toISOString().slice(0, 10);
  }
  const m = DATE_RE.exec(today);
  if (!m || m[3] === undefined || Number(m[2]) < 1 || Number(m[2]) > 12 || Number(m[3]) < 1 ||
    Number(m[3]) > daysInMonth(Number(m[1]), Number(m[2]))) {
    throw new RangeError(`parseDate: options.today must be YYYY-MM-DD, got "${today}"`);
  }
  return today;
}

/** Parses `YYYY-MM-DD`, `YYYY-MM` or `YYYY` (surrounding whitespace ignored). */
export function parseDate(text: string, options: ParseDateOptions = {}): ParsedDate {
  const t = text.trim();
  const m = DATE_RE.exec(t);
  if (!m) {
    const message = t === '' ? 'Empty cell where a date was expected' : `Unrecognized date format: "${t}"`;
    throw new ParseError(message, text, DATE_EXPECTED);
  }
  const year = Number(m[1]);
  const month = m[2] === undefined ? undefined : Number(m[2]);
  const day = m[3] === undefined ? undefined : Number(m[3]);
  if (month !== undefined && (month < 1 || month > 12)) {
    throw new ParseError(`Invalid month ${m[2]} in "${t}"`, text, DATE_EXPECTED);
  }
  if (month !== undefined && day !== undefined && (day < 1 || day > daysInMonth(year, month))) {
    throw new ParseError(`Invalid day ${m[3]} in "${t}": ${year}-${m[2]} has ${daysInMonth(year, month)} days`, text, DATE_EXPECTED);
  }
  if (year < 1900) throw new ParseError(`Date before ${EARLIEST_DATE}: "${t}"`, text, DATE_EXPECTED);

  const precision: DatePrecision = day !== undefined ? 'day' : month !== undefined ? 'month' : 'year';
  const periodStart = `${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}`;
  if (options.today !== undefined) {
    const today = todayIso(options.today);
    // Same-width ISO strings compare like the dates they denote.
    if (periodStart > today) throw new ParseError(`Date is after today (${today}): "${t}"`, text, `${DATE_EXPECTED}, not after ${today}`);
  }
  const repMonth = month ?? 7;
  const repDay = day ?? (month !== undefined ? 15 : 1);
  return {
    iso: t,
    precision,
    year: fractionalYear(year, repMonth, repDay),
    representativeDay: `${m[1]}-${pad(repMonth, 2)}-${pad(repDay, 2)}`,
  };
}

/**
 * A date cell (YYYY-MM-DD, YYYY-MM or YYYY; a trailing time part is ignored) as a fractional year
 * by the convention above, or NaN when it is not a date — for lenient readers like `npm run fit`.
 */
export function dateToYear(text: string): number {
  try {
    return parseDate(text.trim().replace(/[T ].*$/, '')).year;
  } catch (err) {
    if (err instanceof ParseError) return NaN;
    throw err;
  }
}
