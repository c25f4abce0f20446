/**
 * How numbers read in the report: one module, so prose, tables and tooltips agree.
 * FLOP as "3.1 × 10²³", doubling times as "5.7 months (95% CI 4.3–9.0)", growth as "4.2×/year".
 */
import { messages } from '../messages.ts';
import { dateInWords, MONTH_NAMES } from '../values/dates.ts';
import { formatFlopUnicode } from '../values/format.ts';
import type { Interval, SegmentedBootstrapSummary, TrendFit } from '../schema/fits.ts';

export const LOG10_2 = Math.log10(2);

export function fixed(n: number, digits = 1): string {
  return n.toFixed(digits);
}

export function flop(n: number, digits = 2): string {
  return formatFlopUnicode(n, digits);
}

/** Any positive quantity in scientific notation ("1.8 × 10¹¹"); small ones stay plain. */
export function sci(n: number, digits = 2): string {
  return Math.abs(n) >= 1e-2 && Math.abs(n) < 1e4 ? String(Number(n.toPrecision(digits + 1))) : formatFlopUnicode(n, digits);
}

/** A value with its uncertainty range, e.g. "3.1 × 10²³ (1.6 × 10²³–6.2 × 10²³)"; none when the record gives none. */
export function flopWithRange(value: number, low: number | null, high: number | null): string {
  if (low === null || high === null || (low === value && high === value)) return flop(value);
  return `${flop(value)} (range ${flop(low)}–${flop(high)})`;
}

export function count(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

export function months(n: number): string {
  return `${fixed(n)} months`;
}

export function percent(fraction: number, digits = 0): string {
  return `${fixed(100 * fraction, digits)}%`;
}

/**
 * A doubling time with its bootstrap interval. Only a rising trend doubles: a fitted slope at or
 * below zero has no doubling time (its "doubling months" are negative or infinite), and when the
 * slope's interval reaches zero the doubling time's interval has no upper end.
 */
export function doublingText(fit: TrendFit): string {
  if (!(fit.slope > 0)) return messages.noDoubling(growth(fit.growth_per_year));
  const b = fit.bootstrap.computed ? fit.bootstrap : null;
  if (!b || !(b.slope.hi > 0)) return months(fit.doubling_months);
  const ci = b.doubling_months;
  return b.slope.lo > 0 ? `${months(fit.doubling_months)} (95% CI ${fixed(ci.lo)}–${fixed(ci.hi)})` : `${months(fit.doubling_months)} (${messages.openDoublingCi(fixed(ci.lo))})`;
}

/** Growth per year with its bootstrap interval: "4.7×/year (95% CI 4.3–5.2)". */
export function growthText(fit: TrendFit): string {
  const b = fit.bootstrap.computed ? fit.bootstrap.growth_per_year : null;
  return b ? `${growth(fit.growth_per_year)}/year (95% CI ${growthNumber(b.lo)}–${growthNumber(b.hi)})` : `${growth(fit.growth_per_year)}/year`;
}

/** A growth factor as a bare number at the precision growth() uses ("4.7", "14"). */
export function growthNumber(factor: number): string {
  return factor >= 10 ? fixed(factor, 0) : fixed(factor, 1);
}

/** A growth range or point as published, digits as given: "4–5×/year", "4.6×/year". */
export function growthRange([lo, hi]: [number, number]): string {
  return lo === hi ? `${lo}×/year` : `${lo}–${hi}×/year`;
}

/** A published doubling time with its interval where given: "5.7 months (95% CI 4.3–9.0)". */
export function publishedDoubling(months: number, ci: [number, number] | null): string {
  return ci ? `${fixed(months)} months (95% CI ${fixed(ci[0])}–${fixed(ci[1])})` : `${fixed(months)} months`;
}

/** An ISO date in words, at its precision: "6 December 2024", "December 2024", "2024". */
export const dateText = dateInWords;

/** A fractional year as a month in words: "September 2017". */
export function monthText(x: number): string {
  const year = Math.floor(x);
  const month = Math.min(12, Math.floor((x - year) * 12) + 1);
  return `${MONTH_NAMES[month - 1]} ${year}`;
}

/** The years a fit covers, for prose: "from 2010 to 2025" (one year: "in 2024"). */
export function periodText(fit: TrendFit): string {
  const [a, b] = [Math.floor(fit.x_range[0]), Math.floor(fit.x_range[1])];
  return a === b ? `in ${a}` : `from ${a} to ${b}`;
}

/** Doubling time and growth together, short, for legends: "5.2 months, 4.9×/yr". */
export function trendShort(fit: TrendFit): string {
  return fit.slope > 0 ? `doubling ${months(fit.doubling_months)}, ${growth(fit.growth_per_year)}/yr` : `not rising, ${growth(fit.growth_per_year)}/yr`;
}

export function growth(factor: number): string {
  return `${factor >= 10 ? fixed(factor, 0) : fixed(factor, 1)}×`;
}

export function intervalText(i: Interval, digits = 1): string {
  return `${fixed(i.median, digits)} (95% CI ${fixed(i.lo, digits)}–${fixed(i.hi, digits)})`;
}

export function yearSpan(fit: TrendFit): string {
  return `${Math.floor(fit.x_range[0])}–${Math.floor(fit.x_range[1])}`;
}

/** A fractional year as "2017-06" (month precision), for breakpoints. */
export function yearMonth(x: number): string {
  const year = Math.floor(x);
  const month = Math.min(12, Math.floor((x - year) * 12) + 1);
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** Below this a p-value prints as a bound: Davies' p-value is itself an approximation (an upper bound). */
export const P_FLOOR = 1e-10;

/** A p-value with its relation: "p = 0.030", "p = 4.2 × 10⁻⁸", or "p < 10⁻¹⁰" when below P_FLOOR. */
export function pValue(p: number): string {
  if (p < P_FLOOR) return messages.pValueBelow;
  return `p = ${p >= 0.001 ? fixed(p, 3) : formatFlopUnicode(p, 2)}`;
}

/** A length in years as months when under two years ("7.6 months"), else years ("3.55 years"). */
export function duration(years: number): string {
  return years < 2 ? months(12 * years) : `${fixed(years, 2)} years`;
}

/** "980 gave an admissible fit and 20 did not (12 did not converge; 8 …)." */
export function bootstrapOutcome(b: SegmentedBootstrapSummary): string {
  const reasons = Object.entries(b.failed_by_reason)
    .filter(([, n]) => n > 0)
    .map(([reason, n]) => `${count(n)} ${messages.resampleFailures[reason] ?? reason}`);
  return messages.bootstrapOutcome(b.succeeded, b.failed, reasons);
}
