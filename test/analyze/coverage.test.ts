/** Coverage (issue 18, item 5): systems per year, how many with compute, and the newest above 10^25 FLOP. */
import { describe, expect, it } from 'vitest';
import { coverage, LARGE_RUN_FLOP } from '../../pipeline/analyze/coverage.ts';
import { tableFromColumns, type AnalysisTable } from '../../pipeline/analyze/table.ts';

function table(rows: [id: string, year: number, flop: number][]): AnalysisTable {
  const n = rows.length;
  return tableFromColumns({
    ids: rows.map((r) => r[0]),
    names: rows.map((r) => r[0].toUpperCase()),
    year: Float64Array.from(rows, (r) => r[1]),
    dateStart: Float64Array.from(rows, (r) => r[1]),
    dateEnd: Float64Array.from(rows, (r) => r[1]),
    language: new Uint8Array(n),
    trainingHours: new Float64Array(n).fill(NaN),
    flop: Float64Array.from(rows, (r) => r[2]),
    method: new Int8Array(n),
    thirdParty: new Uint8Array(n),
    parameters: new Float64Array(n).fill(NaN),
    languageTokens: new Float64Array(n).fill(NaN),
    firstDate: '',
    lastDate: '',
  });
}

describe('coverage', () => {
  it('counts systems and compute values per calendar year, in year order', () => {
    const c = coverage(table([['a', 2021.9, 1e20], ['b', 2020.1, NaN], ['c', 2020.99, 1e18], ['d', 2021.0, NaN], ['e', 2023.5, 0]]));
    expect(c.by_year).toEqual([
      { year: 2020, systems: 2, with_flop: 1 },
      { year: 2021, systems: 2, with_flop: 1 },
      { year: 2023, systems: 1, with_flop: 0 },
    ]);
    expect(c.newest_above_1e25).toBeNull();
  });

  it('names the newest system strictly above 10^25 FLOP, ties in date broken by id', () => {
    const c = coverage(table([['old', 2023.2, 2e25], ['at', 2024.9, LARGE_RUN_FLOP], ['z', 2024.5, 5e25], ['y', 2024.5, 3e25], ['small', 2024.8, 1e24]]));
    expect(c.newest_above_1e25).toEqual({ id: 'y', name: 'Y', year: 2024.5, flop: 3e25 });
  });

  it('is empty on an empty table', () => {
    expect(coverage(table([]))).toEqual({ by_year: [], newest_above_1e25: null });
  });
});
