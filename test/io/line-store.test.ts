import { describe, expect, it } from 'vitest';
import { csvLines, toCsv, LINES_PER_PIECE, type CsvCell } from '../../pipeline/io/csv-writer.ts';
import { LineStore } from '../../pipeline/io/line-store.ts';

const row = (i: number): CsvCell[] => [`id-${i}`, i % 3 === 0 ? `naïve, "quoted" ${i}` : `plain ${i}`, i * 1.5, i % 2 === 0 ? null : '=SUM(A1)'];

/** The pieces, each copied as it is given: a piece is valid until the next is asked for. */
const copies = (pieces: Iterable<Uint8Array>): Buffer[] => Array.from(pieces, (p) => Buffer.from(p));

describe('LineStore', () => {
  it('gives the lines of several batches in any order, as toCsv writes those rows', () => {
    const store = new LineStore();
    const sizes = [3, 0, 1, 5000, 7];
    let next = 0;
    for (const size of sizes) {
      const first = store.add(csvLines(Array.from({ length: size }, (_, k) => row(next + k))));
      expect(first).toBe(next);
      next += size;
    }
    expect(store.size).toBe(next);
    const order = Array.from({ length: next }, (_, i) => (i * 7919) % next);
    expect(new Set(order).size).toBe(next);
    const pieces = copies(store.pieces('id,name,value,formula', order));
    expect(Buffer.concat(pieces).toString('utf8')).toBe(toCsv(['id', 'name', 'value', 'formula'], order.map(row)));
    // The header, then pieces of at most LINES_PER_PIECE lines.
    expect(Buffer.from(pieces[0]).toString('utf8')).toBe('id,name,value,formula\n');
    expect(pieces.length).toBe(1 + Math.ceil(next / LINES_PER_PIECE));
  });

  it('gives only the header for no lines, and a subset when asked for one', () => {
    const store = new LineStore();
    store.add(csvLines([row(1), row(2), row(3)]));
    expect(Buffer.concat(copies(store.pieces('h', []))).toString()).toBe('h\n');
    const some = store.pieces('h', [2, 0]);
    // Made again, the same, each time it is iterated.
    expect(Buffer.concat(copies(some)).toString()).toBe(Buffer.concat(copies(some)).toString());
    expect(Buffer.concat(copies(some)).toString()).toBe(`h\n${toCsv(['x'], [row(3), row(1)]).split('\n').slice(1).join('\n')}`);
  });
});
