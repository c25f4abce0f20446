/**
 * How numbers read in the report: one module, so prose, tables and tooltips agree.
 * FLOP as "3.1 × 10²³", doubling times as "5.7 months (95% CI 4.3–9.0)", growth as "4.2×/year".
 */
import { formatFlopUnicode } from '../normalize/format.ts';
import type { Interval, TrendFit } from '../schema/fits.ts';

export const LOG10_2 = Math.log10(2);

export function fixed(n: number, digits = 1): string {
  return n.toFixed(digits);
}

export function flop(n: number, digits = 2): string {
  return formatFlopUnicode(n, digits);
}

export function count(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

export function months(n: number): string {
  return `${fixed(n)} months`;
}

export function doublingText(fit: TrendFit): string {
  const ci = fit.bootstrap?.doubling_months;
  return ci ? `${months(fit.doubling_months)} (95% CI ${fixed(ci.lo)}–${fixed(ci.hi)})` : months(fit.doubling_months);
}

export function growthText(fit: TrendFit): string {
  return `${growth(fit.growth_per_year)}/year`;
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
