import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareRecords, dateIdOrder, recordOrder, sortRecords } from '../../pipeline/normalize/record-order.ts';
import type { NormalizedRecord } from '../../pipeline/schema/records.ts';

/** Just what the order reads; `n` tells apart records with equal year and id. */
const rec = (year: number, id: string, n: number) => ({ year, id, n }) as unknown as NormalizedRecord;

/** Years with many ties, -0 beside 0, and ids that share their first six characters or pass U+00FF. */
const YEARS = [2017.5, 2017.5, 2018, 1999.25, 0, -0, -1.5, 1e300, -1e-300, 5e-324, Infinity, -Infinity];
const IDS = ['a', 'ab', 'abc', 'abcdef', 'abcdefg', 'abcdefh', 'abcdeg', 'sys-12', 'sys-123', 'sys-1234567', 'sys-1234568', '', 'ÿ', 'ÿa', 'Ā', 'ā', '😀', 'a😀', 'Z', '~'];

describe('sortRecords', () => {
  it('puts records in the order a stable sort with compareRecords gives', () => {
    const record = fc.tuple(fc.oneof(fc.constantFrom(...YEARS), fc.double({ noNaN: true })), fc.oneof(fc.constantFrom(...IDS), fc.string({ unit: 'binary', maxLength: 8 })));
    fc.assert(
      fc.property(fc.array(record, { maxLength: 400 }), (items) => {
        const records = items.map(([year, id], n) => rec(year, id, n));
        expect(sortRecords(records)).toEqual([...records].sort(compareRecords));
      }),
      { seed: 20261124, numRuns: 300 },
    );
  });

  it('orders long runs of one year (over the insertion-sort length) by id, stably', () => {
    const records = Array.from({ length: 3000 }, (_, n) => rec(n % 3 === 0 ? 2017 : 2017.5, `m-${(n * 7919) % 1000}`, n));
    expect(sortRecords(records)).toEqual([...records].sort(compareRecords));
  });

  it('falls back to compareRecords itself when the years are no order (NaN)', () => {
    const records = [rec(2018, 'b', 0), rec(NaN, 'a', 1), rec(2017, 'c', 2), rec(2019, 'a', 3), rec(NaN, 'd', 4)];
    expect(sortRecords(records)).toEqual([...records].sort(compareRecords));
    expect(dateIdOrder([1, NaN], ['a', 'b'])).toBeNull();
  });

  it('leaves its input alone', () => {
    const records = [rec(2, 'b', 0), rec(1, 'a', 1)];
    sortRecords(records);
    expect(records.map((r) => r.id)).toEqual(['b', 'a']);
    expect(sortRecords([])).toEqual([]);
  });
});

describe('recordOrder', () => {
  it('orders items as compareRecords orders records: by year, then id', () => {
    const rows = [
      { year: 2020.5, id: 'b' },
      { year: 2019.1, id: 'z' },
      { year: 2020.5, id: 'a' },
      { year: 2021, id: 'c' },
      { year: 2019.1, id: 'y' },
    ];
    const order = recordOrder(rows.map((r) => r.year), rows.map((r) => r.id));
    expect(order).toBeInstanceOf(Uint32Array);
    expect(Array.from(order)).toEqual([4, 1, 2, 0, 3]);
  });

  it('keeps items already in order as they are, and sorts NaN years as compareRecords does', () => {
    expect(Array.from(recordOrder([1, 1, 2], ['a', 'b', 'a']))).toEqual([0, 1, 2]);
    const years = [2018, NaN, 2017];
    const ids = ['b', 'a', 'c'];
    const byCompare = [0, 1, 2].sort((a, b) => compareRecords(rec(years[a], ids[a], a), rec(years[b], ids[b], b)));
    expect(Array.from(recordOrder(years, ids))).toEqual(byCompare);
  });
});
