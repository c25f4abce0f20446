/**
 * The one shape of "this analysis could not be computed" (schema/fits.ts NotComputed): helpers to
 * build it, and the guard that turns a fit the data cannot support into one instead of an error,
 * so that one analysis never aborts a run.
 */
import { PipelineError } from '../errors.ts';
import { messages } from '../messages.ts';
import type { NotComputed, Outcome } from '../schema/fits.ts';

/** What an analysis fits, for its reason: "systems" + "published before 2010 with a compute value". */
export interface Subject {
  /** Singular noun; the messages add an s. */
  noun: string;
  /** What qualifies it, after the noun. */
  detail: string;
}

export const SYSTEMS_WITH_COMPUTE: Subject = { noun: 'system', detail: 'with a compute value' };

/** Share of bootstrap resamples that must give an estimate before an interval is given. */
export const MIN_SUCCESS_SHARE = 0.9;

export function notComputed(reason: string, n: number): NotComputed {
  return { computed: false, reason, n };
}

/** Whether x holds two distinct values (a slope needs them). */
export function hasTwoDates(x: ArrayLike<number>): boolean {
  for (let i = 1; i < x.length; i++) if (x[i] !== x[0]) return true;
  return false;
}

/**
 * `fit()`, or, when the numerical core refuses the data (PipelineError: a constant x, a singular
 * design), why not. Other errors are bugs and propagate.
 */
export function guarded<T extends { computed: true }>(n: number, fit: () => Outcome<T>): Outcome<T> {
  try {
    return fit();
  } catch (err) {
    if (err instanceof PipelineError) return notComputed(messages.analysisFailed(err.message), n);
    throw err;
  }
}
