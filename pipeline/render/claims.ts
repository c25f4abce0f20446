/**
 * Sentences whose words are chosen by a computed comparison with its interval
 * (pipeline/analyze/compare.ts): "grew faster", "more slowly", "cannot tell apart", "consistent
 * with". No page states a direction or a gap in words of its own.
 */
import { messages } from '../messages.ts';
import type { LikeForLikeRow, Outcome, TrendComparison, TrendFit, Verdict } from '../schema/fits.ts';
import * as fmt from './format.ts';

/** A trend as prose: "5.4 months (95% CI 5.0–5.7), 4.7×/year (95% CI 4.3–5.2)". */
export function trendText(fit: TrendFit): string {
  return `${fmt.doublingText(fit)}, ${fmt.growthText(fit)}`;
}

/** The growth interval of a fit, "4.3–5.2×/year", or its point without a bootstrap. */
function growthInterval(fit: TrendFit): string {
  const b = fit.bootstrap.computed ? fit.bootstrap.growth_per_year : null;
  return b ? `${fmt.growthNumber(b.lo)}–${fmt.growthNumber(b.hi)}×/year` : `${fmt.growth(fit.growth_per_year)}/year`;
}

/**
 * "a grew faster than b: …" from the interval of their difference when the analysis kept it,
 * else from their two intervals. '' when either trend is missing.
 */
export function comparisonSentence(a: Outcome<TrendFit>, b: Outcome<TrendFit>, nameA: string, nameB: string, difference?: TrendComparison | null): string {
  if (!a.computed || !b.computed) return '';
  if (difference) {
    const g = difference.growth_ratio;
    return messages.trendsCompared(nameA, nameB, difference.verdict, messages.growthRatio(fmt.fixed(g.lo, 2), fmt.fixed(g.hi, 2)));
  }
  const x = a.bootstrap.computed ? a.bootstrap.slope : null;
  const y = b.bootstrap.computed ? b.bootstrap.slope : null;
  if (!x || !y) return '';
  const verdict: Verdict = x.lo > y.hi ? 'faster' : x.hi < y.lo ? 'slower' : 'no_difference';
  return messages.intervalsCompared(nameA, nameB, verdict, growthInterval(a), growthInterval(b));
}

/** The published figure as the page quotes it: a doubling time with its interval, or a growth range. */
export function publishedText(p: LikeForLikeRow['published']): string {
  if (p.doubling_months !== null) return fmt.publishedDoubling(p.doubling_months, p.doubling_ci95);
  return p.growth_per_year ? fmt.growthRange(p.growth_per_year) : '';
}

/** Why ours and the published figure differ (or agree), in one or two sentences from the verdicts. */
export function likeForLikeExplanation(row: LikeForLikeRow): string {
  const parts: string[] = [];
  if (row.same_window.computed && row.same_vs_published) parts.push(messages.likeForLikeSame(row.same_window.n, row.published.n, row.same_vs_published));
  if (row.current.computed && row.current_vs_same) {
    const closed = row.published.current_window && !row.published.current_window[1].startsWith('9999');
    parts.push(closed ? messages.likeForLikeClosed(row.current_vs_same) : messages.likeForLikeWindow(row.current_vs_same, fmt.dateText(row.published.to).replace(/^\d+ /, '')));
  }
  return parts.join(' ');
}
