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
import { messages } from '../messages.ts';

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
export const DATE_EXPECTED = messages.cell.dateExpected(EARLIEST_DATE);

const DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const DAY_MS = 86_400_000;

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

// Constant tables rather than an array literal per call: parseDate runs once per record.
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const DAYS_BEFORE_MONTH = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeap(year) ? 29 : DAYS_IN_MONTH[month - 1];
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Fractional year of a calendar day (UTC). Years 1900–9999 only, so Date.UTC's 0–99 quirk cannot bite. */
export function fractionalYear(year: number, month: number, day: number): number {
  // A real calendar day's day of the year comes from the table; anything else (month 13, day 0:
  // Date.UTC rolls them over) from Date.UTC. Both give the same whole number, hence the same result.
  const calendarDay = Number.isInteger(year) && year >= 1900 && year <= 9999 && Number.isInteger(month) && month >= 1 && month <= 12 &&
    Number.isInteger(day) && day >= 1 && day <= daysInMonth(year, month);
  const dayOfYear = calendarDay
    ? DAYS_BEFORE_MONTH[month - 1] + (month > 2 && isLeap(year) ? 1 : 0) + day
    : (Date.UTC(year, month - 1, day) - Date.UTC(year, 0, 1)) / DAY_MS + 1;
  return year + (dayOfYear - 1) / (isLeap(year) ? 366 : 365);
}

/** `today` as `YYYY-MM-DD`, and as the number YYYYMMDD (dayKey). */
interface Today {
  iso: string;
  key: number;
}

/** The last `today` string checked: the stage passes the same one for every record. */
let checkedToday: Today | undefined;

/** The `today` option; a malformed one is a bug in the caller, hence RangeError. */
function todayOf(today: string | Date): Today {
  if (today instanceof Date) {
    const y = today.getUTCFullYear();
    if (Number.isNaN(y) || y < 0 || y > 9999) throw new RangeError(`parseDate: options.today is not a Date in years 0–9999`);
    const iso = today.toISOString().slice(0, 10);
    return { iso, key: dayKey(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))) };
  }
  if (checkedToday !== undefined && checkedToday.iso === today) return checkedToday;
  const m = DATE_RE.exec(today);
  if (!m || m[3] === undefined || Number(m[2]) < 1 || Number(m[2]) > 12 || Number(m[3]) < 1 ||
    Number(m[3]) > daysInMonth(Number(m[1]), Number(m[2]))) {
    throw new RangeError(`parseDate: options.today must be YYYY-MM-DD, got "${today}"`);
  }
  checkedToday = { iso: today, key: dayKey(Number(m[1]), Number(m[2]), Number(m[3])) };
  return checkedToday;
}

/**
 * YYYYMMDD as a number: for dates of four-digit years it orders like the same-width ISO strings
 * `YYYY-MM-DD` (which is how "after today" was first written), without building the strings.
 */
function dayKey(year: number, month: number, day: number): number {
  return year * 10_000 + month * 100 + day;
}

/**
 * The checks of parseDate: the match of DATE_RE on t, the trimmed text, or a ParseError (a
 * RangeError for a malformed `today`).
 */
function matchDate(t: string, text: string, today: string | Date | undefined): RegExpExecArray {
  const m = DATE_RE.exec(t);
  if (!m) {
    const message = t === '' ? messages.cell.empty('date') : messages.cell.unrecognizedDate(t);
    throw new ParseError(message, text, DATE_EXPECTED);
  }
  const year = Number(m[1]);
  const month = m[2] === undefined ? undefined : Number(m[2]);
  const day = m[3] === undefined ? undefined : Number(m[3]);
  if (month !== undefined && (month < 1 || month > 12)) {
    throw new ParseError(messages.cell.invalidMonth(m[2], t), text, DATE_EXPECTED);
  }
  if (month !== undefined && day !== undefined && (day < 1 || day > daysInMonth(year, month))) {
    throw new ParseError(messages.cell.invalidDay(m[3], t, `${year}-${m[2]}`, daysInMonth(year, month)), text, DATE_EXPECTED);
  }
  if (year < 1900) throw new ParseError(messages.cell.dateTooEarly(EARLIEST_DATE, t), text, DATE_EXPECTED);
  if (today !== undefined) {
    const { iso, key } = todayOf(today);
    // The period's first day, e.g. 2024-01-01 for `2024`.
    if (dayKey(year, month ?? 1, day ?? 1) > key) throw new ParseError(messages.cell.dateAfterToday(iso, t), text, messages.cell.dateNotAfter(DATE_EXPECTED, iso));
  }
  return m;
}

function precisionOf(m: RegExpExecArray): DatePrecision {
  return m[3] !== undefined ? 'day' : m[2] !== undefined ? 'month' : 'year';
}

/** Representative month and day of a matched date: the day itself, the 15th, or July 1. */
const repMonth = (m: RegExpExecArray): number => (m[2] === undefined ? 7 : Number(m[2]));
const repDay = (m: RegExpExecArray): number => (m[3] !== undefined ? Number(m[3]) : m[2] !== undefined ? 15 : 1);

/** The number written by the ASCII digits t[from .. to), or -1 if one is not a digit. */
function digitsAt(t: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = t.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * What parseDateYear gives for t when t is a date matchDate accepts, read without DATE_RE's match
 * and its substrings (a record's date, a million times); null for anything else, which matchDate
 * then reads and refuses with its message.
 */
function validDateYear(t: string, today: string | Date | undefined): Omit<ParsedDate, 'representativeDay'> | null {
  const n = t.length;
  if (n !== 4 && n !== 7 && n !== 10) return null;
  const year = digitsAt(t, 0, 4);
  if (year < 1900) return null;
  let month = 7;
  let day = 1;
  if (n >= 7) {
    month = digitsAt(t, 5, 7);
    if (t.charCodeAt(4) !== 0x2d || month < 1 || month > 12) return null;
    day = 15;
  }
  if (n === 10) {
    day = digitsAt(t, 8, 10);
    if (t.charCodeAt(7) !== 0x2d || day < 1 || day > daysInMonth(year, month)) return null;
  }
  // The period's first day, e.g. 2024-01-01 for `2024`, is not after today.
  if (today !== undefined && dayKey(year, n >= 7 ? month : 1, n === 10 ? day : 1) > todayOf(today).key) return null;
  return { iso: t, precision: n === 10 ? 'day' : n === 7 ? 'month' : 'year', year: fractionalYear(year, month, day) };
}

/** Parses `YYYY-MM-DD`, `YYYY-MM` or `YYYY` (surrounding whitespace ignored). */
export function parseDate(text: string, options: ParseDateOptions = {}): ParsedDate {
  const t = text.trim();
  const m = matchDate(t, text, options.today);
  const month = repMonth(m);
  const day = repDay(m);
  return {
    iso: t,
    precision: precisionOf(m),
    year: fractionalYear(Number(m[1]), month, day),
    representativeDay: `${m[1]}-${pad(month, 2)}-${pad(day, 2)}`,
  };
}

/**
 * parseDate without `representativeDay`, with `today` given directly: what a record keeps of its
 * date, without the strings and the options object parseDate would build for every record.
 */
export function parseDateYear(text: string, today?: string | Date): Omit<ParsedDate, 'representativeDay'> {
  // iso is t itself, which is the cell itself when it has no surrounding space: no copy per record.
  const t = text.trim();
  const valid = validDateYear(t, today);
  if (valid !== null) return valid;
  const m = matchDate(t, text, today);
  return { iso: t, precision: precisionOf(m), year: fractionalYear(Number(m[1]), repMonth(m), repDay(m)) };
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

export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/**
 * An ISO date in words, at its precision, for prose (reasons in fits.json, pages): "6 December
 * 2024", "December 2024", "2024". Text that is not an ISO date comes back unchanged.
 */
export function dateInWords(iso: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!m) return iso;
  if (m[2] === undefined) return m[1];
  const month = MONTH_NAMES[Number(m[2]) - 1];
  return m[3] === undefined ? `${month} ${m[1]}` : `${Number(m[3])} ${month} ${m[1]}`;
}
