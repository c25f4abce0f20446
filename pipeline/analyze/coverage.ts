/**
 * How much of each year the data cover: systems per year and how many have a compute value, and
 * the newest system above 10^25 FLOP (what "data as of" means for a reader of the frontier).
 */
import type { Coverage } from '../schema/fits.ts';
import type { AnalysisTable } from './table.ts';

export const LARGE_RUN_FLOP = 1e25;

export function coverage(table: AnalysisTable): Coverage {
  const byYear = new Map<number, { systems: number; with_flop: number }>();
  let newest: Coverage['newest_above_1e25'] = null;
  for (let i = 0; i < table.year.length; i++) {
    const y = Math.floor(table.year[i]);
    const c = byYear.get(y) ?? { systems: 0, with_flop: 0 };
    c.systems++;
    if (table.flop[i] > 0) c.with_flop++;
    byYear.set(y, c);
    if (table.flop[i] > LARGE_RUN_FLOP && (newest === null || table.year[i] > newest.year || (table.year[i] === newest.year && table.ids[i] < newest.id))) {
      newest = { id: table.ids[i], name: table.names[i], year: table.year[i], flop: table.flop[i] };
    }
  }
  return {
    by_year: [...byYear].sort((a, b) => a[0] - b[0]).map(([year, c]) => ({ year, ...c })),
    newest_above_1e25: newest,
  };
}
