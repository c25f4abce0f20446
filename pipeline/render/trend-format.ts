/**
 * How the trend analyses' rates and published figures read: growth as "1.8×/year (95% CI
 * 1.7–2.0)", doubling times whose interval may include no growth at all, and published figures
 * with their source (and a note when a figure could not be checked).
 */
import type { Anchor, Outcome, TrendFit } from '../schema/fits.ts';
import { messages } from '../messages.ts';
import { doublingText, fixed, months } from './format.ts';
import { esc, link } from './html.ts';
import { cellOr } from './not-computed.ts';

/**
 * "5.4×/year (95% CI 4.8–6.3)"; below 2× a second decimal ("1.28×/year (95% CI 1.18–1.38)"), so
 * that slow growth such as training duration's can be told from the published 1.2×.
 */
export function growthCi(fit: TrendFit): string {
  const g = fit.growth_per_year;
  const ci = fit.bootstrap.computed ? fit.bootstrap.growth_per_year : null;
  const text = (v: number) => (g < 2 ? fixed(v, 2) : v >= 10 ? fixed(v, 0) : fixed(v, 1));
  return ci ? `${text(g)}×/year (95% CI ${text(ci.lo)}–${text(ci.hi)})` : `${text(g)}×/year`;
}

/**
 * "4.9 months (95% CI 4.6–5.4)": the doubling time as every page prints it (format.ts
 * doublingText), open-ended when the slope's interval reaches zero, and none when the trend does not rise.
 */
export const doublingCi = doublingText;

/** A rate for a table cell: growth with its interval, or "not computed: why". */
export function rateCell(r: Outcome<TrendFit>): string {
  return cellOr(r, growthCi);
}

export function doublingCell(r: Outcome<TrendFit>): string {
  return r.computed ? doublingCi(r) : '';
}

/** The figure alone: "1.2×/year (90% CI 1.9–2.2)", "6.0 months", "20 tokens per parameter", "about 1 year". */
export function anchorValue(a: Anchor): string {
  const ci = a.interval ? ` (${a.level ?? ''} CI ${a.interval.map((v) => fixed(v, 1)).join('–')})`.replace('( CI', '(CI') : '';
  switch (a.unit) {
    case 'growth_per_year':
      return `${fixed(a.value, 1)}×/year${ci}`;
    case 'doubling_months':
      return `${months(a.value)}${ci}`;
    case 'tokens_per_parameter':
      return `${a.value} tokens per parameter`;
    case 'years':
      return `about ${a.value} year${a.value === 1 ? '' : 's'}${ci}`;
  }
}

/** Figure and linked source as HTML (the short citation in tables), with the unverified note when the figure could not be checked. */
export function anchorHtml(a: Anchor, short = false): string {
  return `${esc(anchorValue(a))}, ${link(a.url, short ? a.short : a.citation)}${a.verified ? '' : ` <em>(${esc(messages.unverified)})</em>`}`;
}

/** The same as text, for CSV cells. */
export function anchorText(a: Anchor | null): string {
  return a ? `${anchorValue(a)}; ${a.citation} ${a.url}${a.verified ? '' : ` (${messages.unverified})`}` : '';
}
