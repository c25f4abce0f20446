/** Narrowing an analysis of fits.json to its result in tests: fails the test, with the reason, when it was not computed. */
import type { NotComputed } from '../../pipeline/schema/fits.ts';

export function computed<T extends { computed: true }>(o: T | NotComputed, what = 'the analysis'): T {
  if (!o.computed) throw new Error(`${what} was not computed: ${o.reason} (n = ${o.n})`);
  return o;
}
