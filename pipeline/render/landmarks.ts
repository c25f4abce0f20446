/**
 * Landmark systems, chosen from the data by a rule rather than named by hand:
 * - every record-setter (fits.frontier: above every earlier system in training compute) is a
 *   landmark, always drawn when a chart samples its points;
 * - a record-setter is labelled on the overview chart when it is the first to reach a new
 *   hundredfold step of training compute (10^0, 10^2, 10^4, ... FLOP), and the latest record-setter
 *   is labelled too: a handful of names that mark the orders of magnitude.
 */
import type { Fits } from '../schema/fits.ts';
import type { ProcessedRecord } from '../schema/records.ts';

/** Orders of magnitude between labelled landmarks. */
export const LABEL_STEP_ORDERS = 2;

export interface Landmarks {
  setters: ReadonlySet<string>;
  labelled: ReadonlySet<string>;
}

export function landmarks(records: readonly ProcessedRecord[], fits: Fits): Landmarks {
  const setters = new Set(fits.frontier?.record_setter_ids ?? []);
  const inOrder = records.filter((r) => setters.has(r.id) && r.flop !== null).sort((a, b) => a.year - b.year || (a.id < b.id ? -1 : 1));
  const labelled = new Set<string>();
  let step = -Infinity;
  for (const r of inOrder) {
    const s = Math.floor(Math.log10(r.flop!.flop) / LABEL_STEP_ORDERS);
    if (s > step) {
      labelled.add(r.id);
      step = s;
    }
  }
  if (inOrder.length > 0) labelled.add(inOrder.at(-1)!.id);
  return { setters, labelled };
}
