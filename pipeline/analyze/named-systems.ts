/** Systems an analysis names on the page: id, name, date and the value it is named for. */
import type { NamedSystem } from '../schema/fits.ts';
import type { AnalysisTable } from './table.ts';

export function namedSystem(table: AnalysisTable, i: number, value: number): NamedSystem {
  return { id: table.ids[i], name: table.names[i], date: table.dates[i], value };
}

/** The row with the largest positive value among `rows` (ties: the earlier row), named. */
export function largestOf(table: AnalysisTable, values: Float64Array, rows: ArrayLike<number>): NamedSystem | null {
  let best = -1;
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k];
    if (values[i] > 0 && values[i] < Infinity && (best < 0 || values[i] > values[best])) best = i;
  }
  return best < 0 ? null : namedSystem(table, best, values[best]);
}
