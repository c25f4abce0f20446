import { afterEach, describe, expect, it } from 'vitest';
import { IdFlags } from '../../pipeline/analyze/id-flags.ts';
import { collectIndexes, idAt, nameAt, pick, rowsIn, samePoints, seriesOf, subset, subsetAt, subsetIn, xRange, type Series } from '../../pipeline/analyze/series.ts';
import { releaseScratch } from '../../pipeline/analyze/stats/scratch.ts';
import { isSorted } from '../../pipeline/analyze/stats/sorted.ts';
import { tableFromColumns, type AnalysisTable } from '../../pipeline/analyze/table.ts';

/** A table of n rows in date order; every third row has no FLOP value, every seventh a zero. */
function table(n: number, ids?: string[]): AnalysisTable {
  const year = Float64Array.from({ length: n }, (_, i) => 2000 + Math.floor(i / 3) / 4);
  const flop = Float64Array.from({ length: n }, (_, i) => (i % 3 === 2 ? NaN : i % 7 === 0 ? 0 : 10 ** (15 + ((i * 37) % 11))));
  return tableFromColumns({
    ids: ids ?? Array.from({ length: n }, (_, i) => `id-${i}`),
    names: Array.from({ length: n }, (_, i) => `Name ${i}`),
    year,
    dateStart: year,
    dateEnd: year,
    language: new Uint8Array(n),
    trainingHours: new Float64Array(n).fill(NaN),
    flop,
    method: new Int8Array(n),
    thirdParty: new Uint8Array(n),
    parameters: new Float64Array(n).fill(NaN),
    languageTokens: new Float64Array(n).fill(NaN),
  });
}

const plain = (s: Series): Series => ({ ids: [...s.ids], names: [...s.names], x: s.x.slice(), y: s.y.slice() });

describe('series cut from a table', () => {
  afterEach(() => releaseScratch());
  const t = table(200);

  it('seriesOf keeps the positive finite values, by predicate or among given rows alike', () => {
    const keep = (i: number) => i % 2 === 0;
    const byKeep = seriesOf(t, t.flop, keep);
    const byRows = seriesOf(t, t.flop, pick(200, keep));
    const want = Array.from({ length: 200 }, (_, i) => i).filter((i) => t.flop[i] > 0 && t.flop[i] < Infinity && keep(i));
    for (const s of [byKeep, byRows]) {
      expect(s.ids).toEqual(want.map((i) => `id-${i}`));
      expect(Array.from(s.x)).toEqual(want.map((i) => t.year[i]));
      expect(Array.from(s.y)).toEqual(want.map((i) => Math.log10(t.flop[i])));
    }
  });

  it('a subset of a subset reads ids, names and rows through to the table', () => {
    const all = seriesOf(t, t.flop);
    const half = subset(all, (i) => i % 2 === 1);
    const quarter = subset(half, (i) => i % 2 === 0);
    expect(quarter.ids).toEqual(all.ids.filter((_, i) => i % 4 === 1));
    expect(quarter.names).toEqual(all.names.filter((_, i) => i % 4 === 1));
    expect(Array.from(quarter.y)).toEqual(Array.from(all.y).filter((_, i) => i % 4 === 1));
    expect(Array.from(rowsIn(quarter, t)!)).toEqual(quarter.ids.map((id) => Number(id.slice(3))));
    expect([idAt(quarter, 2), nameAt(quarter, 2)]).toEqual([quarter.ids[2], quarter.names[2]]);
    expect(rowsIn(quarter, table(3))).toBeNull();
  });

  it('subsetAt and subsetIn cut at indexes, in series order', () => {
    const all = seriesOf(t, t.flop);
    const at = subsetAt(all, Int32Array.of(1, 4, 9));
    expect(at.ids).toEqual([all.ids[1], all.ids[4], all.ids[9]]);
    const among = subsetIn(all, new Set([9, 1, 4, 20]), (i) => i < 10);
    expect(among.ids).toEqual(at.ids);
    expect(samePoints(at, among)).toBe(true);
    expect(samePoints(at, subsetAt(all, Int32Array.of(1, 4, 10)))).toBe(false);
  });

  it('works on plain series too', () => {
    const s = plain(seriesOf(t, t.flop));
    const sub = subset(s, (i) => s.y[i] > 20);
    expect(sub.ids).toEqual(s.ids.filter((_, i) => s.y[i] > 20));
    expect(idAt(sub, 0)).toBe(sub.ids[0]);
    expect(idAt(s, 3)).toBe(s.ids[3]);
    expect(rowsIn(s, t)).toBeNull();
  });

  it('collectIndexes gives a cut made while collecting an array of its own', () => {
    const outer = collectIndexes(10, (idx) => {
      const inner = pick(10, (i) => i > 6); // uses the scratch buffer too
      idx[0] = 1;
      idx[1] = 2;
      expect(Array.from(inner)).toEqual([7, 8, 9]);
      return 2;
    });
    expect(Array.from(outer)).toEqual([1, 2]);
  });

  it('xRange and isSorted', () => {
    const s = seriesOf(t, t.flop);
    expect(xRange(s)).toEqual([Math.min(...s.x), Math.max(...s.x)]);
    expect(isSorted(s.x)).toBe(true);
    expect(isSorted(Float64Array.of(1, 2, 2, 1))).toBe(false);
    expect(isSorted(Float64Array.of(1, NaN, 2))).toBe(false);
    expect(isSorted([])).toBe(true);
  });
});

describe('IdFlags', () => {
  it('flags every row whose id is in a set, rows that share an id included', () => {
    // Rows 3 and 10 share an id: flagging the id flags both, as a Set of ids would.
    const ids = Array.from({ length: 12 }, (_, i) => (i === 10 ? 'id-3' : `id-${i}`));
    const t = table(12, ids);
    const flags = new IdFlags(t, [new Set(['id-3', 'id-5']), new Set(['id-5', 'id-8', 'nowhere'])]);
    const want = ids.map((id) => (['id-3', 'id-5'].includes(id) ? 1 : 0) | (['id-5', 'id-8'].includes(id) ? 2 : 0));
    expect(Array.from(flags.rows)).toEqual(want);
    // Per point of a series: through its rows, or by id for a series not cut from the table.
    const s = seriesOf(t, t.flop);
    const perPoint = s.ids.map((id) => want[ids.indexOf(id)]);
    expect(Array.from(flags.of(s))).toEqual(perPoint);
    expect(Array.from(flags.of(plain(s)))).toEqual(perPoint);
    expect(Array.from(new IdFlags(t, []).rows)).toEqual(new Array(12).fill(0));
  });
});
