/**
 * A growth rate or a sentence saying why there is none: the analyses of issue 19 fit many small
 * subsets (a domain, the frontier, one cost basis), and any of them may have too few systems.
 */
import { messages } from '../messages.ts';
import type { NotComputed, Rate } from '../schema/fits.ts';
import { xRange, type Series } from './series.ts';
import { fitTrend, type TrendOptions } from './trend.ts';

export function notComputed(reason: string, n: number): NotComputed {
  return { computed: false, reason, n };
}

/** The trend of `s` (what: the systems, in words, for the reason), or why it cannot be fitted. */
export function rateOf(s: Series, opts: TrendOptions, what: string): Rate {
  const n = s.x.length;
  const min = opts.minPoints ?? 5;
  if (n < min) return notComputed(messages.tooFewSystems(what, n, min), n);
  const [lo, hi] = xRange(s);
  if (!(hi - lo > 1 / 365)) return notComputed(messages.noTimeSpan(what, n), n);
  const fit = fitTrend(s, opts);
  return fit === null ? notComputed(messages.tooFewSystems(what, n, min), n) : { computed: true, ...fit };
}
