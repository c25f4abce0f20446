/**
 * parseDuration: the training_time cell → hours.
 *
 * Calendar conventions (Julian year, so that long runs average over leap years):
 *   1 year  = 365.25 days = 8766 h
 *   1 month = 365.25 / 12 = 30.4375 days = 730.5 h
 *   1 week  = 7 days; 1 day = 24 h
 * A bare `m` is refused: minutes or months would differ by a factor of 43 830.
 */
import { ParseError } from '../errors.ts';
import { messages } from '../messages.ts';
import { tryParseNumber } from '../values/numbers.ts';

export const DAYS_PER_YEAR = 365.25;
export const DAYS_PER_MONTH = DAYS_PER_YEAR / 12; // 30.4375
export const HOURS_PER_MONTH = DAYS_PER_MONTH * 24; // 730.5

/**
 * Hours per unit, with every accepted spelling (matched case-insensitively, optional final '.').
 * Sub-hour units also carry `perHour` so that conversion divides by an exact integer
 * (90 min / 60 = 1.5 exactly) instead of multiplying by the inexact 1/60.
 */
export const DURATION_UNITS: ReadonlyArray<{ unit: string; hours: number; perHour?: number; spellings: readonly string[] }> = [
  { unit: 'seconds', hours: 1 / 3600, perHour: 3600, spellings: ['s', 'sec', 'secs', 'second', 'seconds'] },
  { unit: 'minutes', hours: 1 / 60, perHour: 60, spellings: ['min', 'mins', 'minute', 'minutes'] },
  { unit: 'hours', hours: 1, spellings: ['h', 'hr', 'hrs', 'hour', 'hours'] },
  { unit: 'days', hours: 24, spellings: ['d', 'day', 'days'] },
  { unit: 'weeks', hours: 7 * 24, spellings: ['w', 'wk', 'wks', 'week', 'weeks'] },
  { unit: 'months', hours: HOURS_PER_MONTH, spellings: ['mo', 'mos', 'month', 'months'] },
  { unit: 'years', hours: DAYS_PER_YEAR * 24, spellings: ['y', 'yr', 'yrs', 'year', 'years'] },
];

const UNIT_BY_SPELLING = new Map(DURATION_UNITS.flatMap((u) => u.spellings.map((s) => [s, u] as const)));

export const DURATION_EXPECTED = messages.cell.durationExpected(DURATION_UNITS.map((u) => u.spellings.join('/')));

/** Number, optional space, then a unit word at the end (letters only, optional final dot). */
const DURATION_RE = /^(.*?)\s*([a-zA-Z]+)\.?$/s;

/**
 * Parses one duration (`14.8 days`, `336 hours`, `1.5h`) into hours. The number may take any
 * parseNumber form. One unit only: compound durations (`1 day 12 hours`) are refused rather than
 * half-read.
 */
export function parseDuration(text: string): number {
  const t = text.trim();
  const m = DURATION_RE.exec(t);
  if (t === '') throw new ParseError(messages.cell.empty('duration'), text, DURATION_EXPECTED);
  if (!m || m[1] === '') {
    const message = tryParseNumber(t) !== undefined ? messages.cell.durationWithoutUnit(t) : messages.cell.notADuration(t);
    throw new ParseError(message, text, DURATION_EXPECTED);
  }
  const unit = UNIT_BY_SPELLING.get(m[2].toLowerCase());
  if (unit === undefined) throw new ParseError(messages.cell.unknownDurationUnit(m[2], t), text, DURATION_EXPECTED);
  const amount = tryParseNumber(m[1]);
  if (amount === undefined) throw new ParseError(messages.cell.notADuration(t), text, DURATION_EXPECTED);
  if (amount < 0 || Object.is(amount, -0)) throw new ParseError(messages.cell.negativeDuration(t), text, DURATION_EXPECTED);
  const hours = unit.perHour !== undefined ? amount / unit.perHour : amount * unit.hours;
  if (!Number.isFinite(hours)) throw new ParseError(messages.cell.durationOverflows(t), text, DURATION_EXPECTED);
  return hours;
}
