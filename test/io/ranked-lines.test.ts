import { describe, expect, it } from 'vitest';
import { csvLines, LINES_PER_PIECE, toCsv, type CsvCell } from '../../pipeline/io/csv-writer.ts';
import { BUCKET_LINES, RankedLines } from '../../pipeline/io/ranked-lines.ts';

const row = (i: number): CsvCell[] => [`id-${i}`, i % 3 === 0 ? `naïve, "quoted" ${i}` : `plain ${i}`, i * 1.5, i % 2 === 0 ? null : '=SUM(A1)'];

/** The pieces, each copied as it is given: a piece is valid until the next is asked for. */
const copies = (pieces: Iterable<Uint8Array>): Buffer[] => Array.from(pieces, (p) => Buffer.from(p));

/** Lines added in batches of these sizes, the i-th line added being row(i), at rank ranks[i]. */
function store(sizes: number[], ranks: Uint32Array, line = row): RankedLines {
  const lines = new RankedLines(ranks);
  let next = 0;
  for (const size of sizes) {
    lines.add(csvLines(Array.from({ length: size }, (_, k) => line(next + k))));
    next += size;
  }
  return lines;
}

describe('RankedLines', () => {
  it('gives the lines of several batches in rank order, across buckets, as toCsv writes them', () => {
    const n = BUCKET_LINES + 3 * LINES_PER_PIECE + 17;
    // The i-th line added goes to rank (i * 7919) % n, so the k-th line given is the one added at order[k].
    const ranks = Uint32Array.from({ length: n }, (_, i) => (i * 7919) % n);
    expect(new Set(ranks).size).toBe(n);
    const order = new Array<number>(n);
    ranks.forEach((r, i) => (order[r] = i));
    const pieces = copies(store([3, 0, 1, 5000, n - 5004], ranks).pieces('id,name,value,formula'));
    expect(Buffer.concat(pieces).toString('utf8')).toBe(toCsv(['id', 'name', 'value', 'formula'], order.map(row)));
    expect(pieces[0].toString('utf8')).toBe('id,name,value,formula\n');
    expect(pieces.length).toBe(1 + Math.ceil(n / LINES_PER_PIECE));
  });

  it('keeps lines longer than its buffers, and gives the same text each time it is iterated', () => {
    const long = (i: number): CsvCell[] => [`id-${i}`, i % 2 === 0 ? 'x'.repeat(100_000 + i) : `short ${i}`];
    const ranks = Uint32Array.from([4, 0, 3, 1, 2]);
    const pieces = store([2, 3], ranks, long).pieces('id,text');
    const once = Buffer.concat(copies(pieces)).toString('utf8');
    expect(once).toBe(toCsv(['id', 'text'], [1, 3, 4, 2, 0].map(long)));
    expect(Buffer.concat(copies(pieces)).toString('utf8')).toBe(once);
  });

  it('gives only the header for no lines, and refuses fewer or more lines than announced', () => {
    expect(Buffer.concat(copies(new RankedLines(new Uint32Array(0)).pieces('h'))).toString()).toBe('h\n');
    const short = store([1], Uint32Array.from([1, 0]));
    expect(() => [...short.pieces('h')]).toThrow(/1 of the 2/);
    expect(() => store([3], Uint32Array.from([1, 0]))).toThrow(/more than the 2/);
  });
});
