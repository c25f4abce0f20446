/**
 * Landmark systems, chosen from the data by a rule rather than named by hand:
 * - every record-setter (fits.frontier: above every earlier system in training compute) is a
 *   landmark, always drawn when a chart samples its points;
 * - a record-setter is labelled on the overview chart when it is the first to reach a new
 *   hundredfold step of training compute (10^0, 10^2, 10^4, ... FLOP), or, before the
 *   deep-learning era (where that chart compresses the years), a new ten-thousandfold step; the
 *   latest record-setter is labelled too: a handful of names that mark the orders of magnitude.
 */
import type { Fits } from '../schema/fits.ts';
import type { ProcessedRecord } from '../schema/records.ts';

/** Orders of magnitude between labelled landmarks: from the deep-learning era on, and before it. */
export const LABEL_STEP_ORDERS = 2;
export const EARLY_LABEL_STEP_ORDERS = 4;

export interface Landmarks {
  setters: ReadonlySet<string>;
  labelled: ReadonlySet<string>;
}

/** The landmarks among systems given by id, fractional year and training compute (null: none). */
export function landmarksOf(systems: readonly { id: string; year: number; flop: number | null }[], fits: Fits): Landmarks {
  const dlStart = Number(/^(\d{4})/.exec(fits.eras?.parameters?.deep_learning_start ?? '')?.[1] ?? -Infinity);
  const setters = new Set(fits.frontier?.record_setter_ids ?? []);
  const inOrder = systems.filter((s) => setters.has(s.id) && s.flop !== null && s.flop > 0).sort((a, b) => a.year - b.year || (a.id < b.id ? -1 : 1));
  const labelled = new Set<string>();
  // The highest power of ten passed so far; a system is named when it passes the next step.
  let reached = -Infinity;
  for (const s of inOrder) {
    const orders = s.year < dlStart ? EARLY_LABEL_STEP_ORDERS : LABEL_STEP_ORDERS;
    const k = Math.floor(Math.log10(s.flop!) / orders) * orders;
    if (k > reached) {
      labelled.add(s.id);
      reached = k;
    }
  }
  if (inOrder.length > 0) labelled.add(inOrder.at(-1)!.id);
  return { setters, labelled };
}

export function landmarks(records: readonly ProcessedRecord[], fits: Fits): Landmarks {
  const setters = new Set(fits.frontier?.record_setter_ids ?? []);
  return landmarksOf(
    records.filter((r) => setters.has(r.id)).map((r) => ({ id: r.id, year: r.year, flop: r.flop?.flop ?? null })),
    fits,
  );
}
